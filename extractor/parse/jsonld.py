"""JSON-LD: decoding broken script bodies, flattening graphs, and reading the main article."""

from __future__ import annotations

import html
import json
import re
from typing import Any

__all__ = [
    "ARTICLE_TYPES",
    "MAX_LIST",
    "PAGE_TYPES",
    "bounded",
    "collapse",
    "deref",
    "first_of_types",
    "flatten",
    "load_jsonld",
    "main_object",
    "text_value",
    "type_of",
    "types_of",
]

# JSON-LD types of the main article object, preferred over page-level types.
ARTICLE_TYPES: frozenset[str] = frozenset(
    (
        "Article",
        "NewsArticle",
        "BlogPosting",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "ReviewNewsArticle",
        "BackgroundNewsArticle",
        "AskPublicQuestionNewsArticle",
        "SatiricalArticle",
        "TechArticle",
        "ScholarlyArticle",
        "Report",
        "LiveBlogPosting",
        "SocialMediaPosting",
        "DiscussionForumPosting",
        "MedicalScholarlyArticle",
        "APIReference",
        "Review",
        "Recipe",
        "HowTo",
        "VideoObject",
        "Posting",
    )
)
PAGE_TYPES: frozenset[str] = frozenset(
    (
        "WebPage",
        "ItemPage",
        "AboutPage",
        "CollectionPage",
        "ProfilePage",
        "QAPage",
        "FAQPage",
        "MedicalWebPage",
        "Blog",
    )
)

MAX_STRING = 10_000
MAX_LIST = 50
MAX_DEPTH = 12
MAX_OBJECTS = 200

_TRAILING_COMMA_RE = re.compile(r",(\s*[}\]])")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_WRAPPER_RE = re.compile(r"^\s*(?://\s*)?(?:<!--|<!\[CDATA\[)|(?://\s*)?(?:-->|\]\]>)\s*$")


def collapse(text: str) -> str:
    """A text with whitespace runs collapsed to single spaces and the ends stripped."""
    return " ".join(text.split())


def bounded(value: Any, depth: int) -> Any:
    """A copy with long strings dropped, lists capped and nesting cut at a fixed depth."""
    if isinstance(value, dict):
        if depth >= MAX_DEPTH:
            return {}
        out: dict[str, Any] = {}
        for key, item in value.items():
            # Most values are strings, kept as they are: no call for them.
            if isinstance(item, str):
                if len(item) <= MAX_STRING:
                    out[str(key)] = item
            else:
                out[str(key)] = bounded(item, depth + 1)
        return out
    if isinstance(value, list):
        if depth >= MAX_DEPTH:
            return []
        return [
            item if isinstance(item, str) else bounded(item, depth + 1)
            for item in value[:MAX_LIST]
            if not (isinstance(item, str) and len(item) > MAX_STRING)
        ]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def _reject_constant(name: str) -> None:
    """NaN and Infinity are not JSON; read them as null so the record stays serialisable."""
    return None


_DECODER = json.JSONDecoder(strict=False, parse_constant=_reject_constant)


def load_jsonld(raw: str) -> list[Any]:
    """Every JSON value in a script body, repairing the usual breakage; [] when unrepairable."""
    text = raw.strip()
    # The wrapper regex tries its unanchored end branch at every offset of the script: run it
    # only on a text that starts or ends as a wrapper can ("//", "<!--", "-->", "]]>").
    if text[:1] in ("/", "<") or text.endswith(">"):
        text = _WRAPPER_RE.sub("", text).strip()
    values, complete = _decode_all(text)
    if not complete:
        repaired = _TRAILING_COMMA_RE.sub(r"\1", _CONTROL_RE.sub(" ", text))
        more, _ = _decode_all(repaired)
        if len(more) > len(values):
            values = more
    return values


def _decode_all(text: str) -> tuple[list[Any], bool]:
    """The JSON values written one after another (some pages concatenate them), and whether
    the whole text was read."""
    values: list[Any] = []
    pos = 0
    end = len(text)
    while pos < end:
        while pos < end and (text[pos].isspace() or text[pos] in ";,"):
            pos += 1
        if pos >= end:
            break
        try:
            value, pos = _DECODER.raw_decode(text, pos)
        except (ValueError, RecursionError):
            return values, False
        values.append(value)
    return values, True


def flatten(value: Any, out: list[dict[str, Any]], depth: int) -> None:
    if depth > 4 or len(out) >= MAX_OBJECTS:
        return
    if isinstance(value, list):
        for item in value:
            flatten(item, out, depth + 1)
    elif isinstance(value, dict):
        graph = value.get("@graph")
        if graph is not None:
            flatten(graph, out, depth + 1)
            if not any(k not in ("@context", "@graph", "@id") for k in value):
                return
            value = {k: v for k, v in value.items() if k != "@graph"}
        out.append(value)


def types_of(obj: dict[str, Any]) -> list[str]:
    raw = obj.get("@type")
    items = raw if isinstance(raw, list) else [raw]
    # "schema:NewsArticle" and "http://schema.org/NewsArticle" name the same type.
    return [re.split(r"[/:#]", t)[-1] for t in items if isinstance(t, str)]


def type_of(obj: dict[str, Any], wanted: frozenset[str]) -> str | None:
    types = types_of(obj)
    for t in types:
        if t in wanted or t.endswith(("Article", "Posting")):
            return t
    return types[0] if types else None


def _is_article(obj: dict[str, Any]) -> bool:
    # Any schema.org "...Article" or "...Posting" subtype counts, listed or not.
    return any(t in ARTICLE_TYPES or t.endswith(("Article", "Posting")) for t in types_of(obj))


def first_of_types(objects: list[dict[str, Any]], wanted: frozenset[str]) -> dict[str, Any] | None:
    for obj in objects:
        if any(t in wanted for t in types_of(obj)):
            return obj
    return None


def main_object(objects: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The article the page is about: an article-typed object, else a page's mainEntity."""
    candidates = [o for o in objects if _is_article(o)]
    for obj in objects:
        entity = obj.get("mainEntity")
        if isinstance(entity, list):
            entity = entity[0] if entity else None
        if isinstance(entity, dict) and _is_article(entity):
            candidates.append(entity)
    if not candidates:
        return None
    # An article with a headline and a date beats a stray VideoObject or Review.
    return max(
        candidates,
        key=lambda o: (
            bool(o.get("headline")),
            bool(o.get("datePublished")),
            type_of(o, ARTICLE_TYPES) not in ("VideoObject", "Review"),
        ),
    )


def text_value(
    value: Any, keys: tuple[str, ...] = ("@value", "name"), depth: int = 0
) -> str | None:
    """A JSON-LD value as one line of text: the first of a list, the first of ``keys`` that an
    object has (its @value or name, by default)."""
    if depth > 4:
        return None
    if isinstance(value, list):
        for item in value[:MAX_LIST]:
            found = text_value(item, keys, depth + 1)
            if found:
                return found
        return None
    if isinstance(value, dict):
        return text_value(next((value[k] for k in keys if value.get(k)), None), keys, depth + 1)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str):
        # Script bodies are not entity-decoded by the HTML parser; CMSs still write "&#8217;".
        return collapse(html.unescape(value) if "&" in value else value) or None
    return None


def deref(value: Any, by_id: dict[str, dict[str, Any]]) -> Any:
    """The graph object a bare {"@id": ...} reference points to (the value itself otherwise)."""
    if isinstance(value, dict) and "name" not in value and isinstance(value.get("@id"), str):
        return by_id.get(value["@id"], value)
    return value
