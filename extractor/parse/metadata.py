"""What a page declares about itself (JSON-LD, OpenGraph, Twitter, meta tags), read as one value."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.etree
from lxml.etree import _Element as HtmlElement

from extractor.parse.dates import to_iso_datetime

__all__ = ["PageMetadata", "find_byline", "read_metadata"]

# --- vocabulary ----------------------------------------------------------------------------------

# Class/id token fragments that mark a byline element (DOM fallback when nothing is declared).
BYLINE_TOKENS: tuple[str, ...] = (
    "byline",
    "author",
    "writer",
    "contributor",
    "by-line",
    "writtenby",
)
# Class/id token fragments that mark a byline as somebody else's (comment authors, bios).
# Matched as class/id word prefixes, so "comment-list" counts and "hasnt-bio" does not.
NOT_BYLINE_TOKENS: tuple[str, ...] = (
    "comment",
    "reply",
    "avatar",
    "bio",
    "author-bio",
    "related",
    "more-",
    "popular",
    "recommend",
    "teaser",
)
# Lower-case words that may sit inside a person's name.
NAME_PARTICLES: frozenset[str] = frozenset(
    (
        "de",
        "da",
        "das",
        "do",
        "dos",
        "di",
        "del",
        "della",
        "der",
        "den",
        "van",
        "von",
        "la",
        "le",
        "du",
        "bin",
        "al",
        "el",
        "ter",
        "ten",
        "zu",
        "y",
        "e",
    )
)
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
# Meta names (lower-cased) that declare the publication / modification date, in preference order.
PUBLISHED_META: tuple[str, ...] = (
    "article:published_time",
    "og:published_time",
    "article:published",
    "published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.date",
    "dcterms.created",
    "dc.date.created",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "citation_publication_date",
    "citation_date",
    "originalpublicationdate",
    "og:pubdate",
)
MODIFIED_META: tuple[str, ...] = (
    "article:modified_time",
    "og:updated_time",
    "article:updated_time",
    "og:modified_time",
    "datemodified",
    "lastmod",
    "last-modified",
    "dcterms.modified",
    "dc.date.modified",
    "article.updated",
)
AUTHOR_META: tuple[str, ...] = (
    "dc:creator",
    "dc.creator",
    "dcterms.creator",
    "dcterm:creator",
    "author",
    "article:author",
    "sailthru.author",
    "parsely-author",
    "byl",
    "citation_author",
    "og:article:author",
    "book:author",
)
# OpenGraph properties a page may repeat: kept as lists in PageMetadata.opengraph.
OPENGRAPH_LISTS: frozenset[str] = frozenset(
    (
        "og:image",
        "og:image:url",
        "og:image:secure_url",
        "og:video",
        "og:locale:alternate",
        "article:tag",
        "article:author",
        "book:author",
        "book:tag",
        "video:tag",
    )
)
KEYWORD_META: tuple[str, ...] = ("keywords", "news_keywords", "article:tag", "parsely-tags")
SECTION_META: tuple[str, ...] = ("article:section", "section", "parsely-section", "category")
# Words that name a role rather than a person, dropped from bylines.
ROLE_WORDS: frozenset[str] = frozenset(
    (
        "staff",
        "writer",
        "writers",
        "reporter",
        "reporters",
        "correspondent",
        "correspondents",
        "editor",
        "editors",
        "contributor",
        "contributors",
        "columnist",
        "photographer",
        "photographers",
        "producer",
        "senior",
        "chief",
        "associate",
        "contributing",
        "special",
        "national",
        "international",
        "political",
        "business",
        "science",
        "health",
        "desk",
        "team",
        "news",
        "wire",
        "agency",
        "ma",
        "phd",
        "md",
        "rn",
        "mph",
        "msc",
        "bsc",
        "ms",
        "in",
        "for",
        "of",
        "the",
        "and",
        "updated",
        "published",
        "posted",
        "last",
    )
)
# Nouns that end a role ("AP Auto Writer", "Reuters Staff").
ROLE_NOUNS: frozenset[str] = frozenset(
    (
        "writer",
        "writers",
        "reporter",
        "reporters",
        "correspondent",
        "correspondents",
        "editor",
        "editors",
        "columnist",
        "contributor",
        "contributors",
        "photographer",
        "producer",
        "staff",
        "desk",
    )
)
# News agencies and outlets that follow a name in a byline ("Jill Lawless, Associated Press").
AGENCIES: tuple[str, ...] = (
    "the associated press",
    "associated press",
    "ap",
    "reuters",
    "afp",
    "agence france-presse",
    "dpa",
    "efe",
    "ansa",
    "upi",
    "pa",
    "pti",
    "ians",
    "xinhua",
    "kyodo",
    "bloomberg",
    "usa today",
    "cnn",
    "bbc",
    "nyt",
    "the new york times",
    "the washington post",
)
BYLINE_PREFIX_RE = re.compile(
    r"^\s*(?:(?:(?:written|posted|words|reported|story|text|photos?|edited|compiled)\s+by"
    r"|by|von|par|por|door|av|autor(?:a|in)?|author)\s*[:\-–—]?\s+"
    # Labels in front of a name need their colon: "Текст: Венера Ерофеева".
    r"|(?:text|texto|testo|tekst|текст|автор|auteur|autor(?:a|in)?|author)\s*:\s*)",
    re.IGNORECASE,
)

# --- bounds --------------------------------------------------------------------------------------

_MAX_STRING = 10_000
_MAX_LIST = 50
_MAX_DEPTH = 12
_MAX_JSONLD_OBJECTS = 200
_MAX_META_KEYS = 300
_MAX_SCRIPT = 2_000_000
_MAX_NAME_WORDS = 5
_MAX_BYLINE_CHARS = 160

# --- compiled lookups ----------------------------------------------------------------------------

_META_XPATH = lxml.etree.XPath("//meta")
_LINK_XPATH = lxml.etree.XPath("//link[@rel] | //a[@rel and contains(@rel, 'author')]")
_LDJSON_XPATH = lxml.etree.XPath(
    "//script[contains(translate(@type, 'LDJSON', 'ldjson'), 'ld+json')]"
)
# Every itemprop element, filtered in Python: contains() tests on every element cost 7x more.
_ITEMPROP_XPATH = lxml.etree.XPath("//*[@itemprop]")
_NAME_CHILD_XPATH = lxml.etree.XPath(
    ".//*[contains(concat(' ', normalize-space(@itemprop), ' '), ' name ')][1]"
)
_TIME_XPATH = lxml.etree.XPath("//time[@pubdate]")
_TITLE_XPATH = lxml.etree.XPath("//title")
_BASE_XPATH = lxml.etree.XPath("//base[@href]")
# Elements with a class or id, whose names a regex then reads: 28 contains() tests per element
# in XPath cost 5-10x more on a large page (17 ms on a Wikipedia article) than one search here.
_NAMED_XPATH = lxml.etree.XPath(
    "//body//*[@class or @id][not(self::script or self::style or self::meta or self::link)]"
)
_BYLINE_NAME_RE = re.compile("|".join(map(re.escape, BYLINE_TOKENS)), re.IGNORECASE)
# A cheap contains() gate first: normalize-space() on every text node is the costly part.
_BY_TEXT_XPATH = lxml.etree.XPath(
    "//body//*[not(self::script or self::style)][text()[contains(., 'y ') or contains(., 'Y ')]"
    "[starts-with(translate(substring(normalize-space(.), 1, 3), 'BY', 'by'), 'by ')]]"
)

_LANG_RE = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")
_URL_RE = re.compile(r"^(?:https?:)?//|^www\.|^/", re.IGNORECASE)
_URL_ANY_RE = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_EMAIL_RE = re.compile(r"\S+@\S+\.\S+")
_TRAILING_COMMA_RE = re.compile(r",(\s*[}\]])")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_WRAPPER_RE = re.compile(r"^\s*(?://\s*)?(?:<!--|<!\[CDATA\[)|(?://\s*)?(?:-->|\]\]>)\s*$")
_DATE_CUT_RE = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d"
    r"|\b(?:updated|published|posted|last updated|on)\b\s*[:\d]"
    r"|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b",
    re.IGNORECASE,
)
_DECLARED_DATE_CUT_RE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d"
    r"|\d{1,4}[-/.]\d{1,2}[-/.]\d",
    re.IGNORECASE,
)
_INVERTED_RE = re.compile(r"^\s*([^\W\d][\w'’-]+),\s*([^\W\d][\w'’-]+(?:\s[^\W\d]\.?)?)\s*$")
_HANDLE_RE = re.compile(r"^@?\w*\d\w*$|^@\w+$")
_NAME_PUNCT_RE = re.compile(r"[\"“”<>{}=*#@!?:;/\\]")
_SEPARATOR_RE = re.compile(r"\s*(?:\||•|·|/|\s[-–—]\s|\n)\s*")
# The short conjunctions are lower-case words between spaces: "Sarah E. Needleman" and
# "Bruce Y. Lee" are one person each.
_AND_RE = re.compile(
    r"\s*(?i:,|;|&|\b(?:edited|photos?|illustrations?|with)\s+by\b)\s*"
    r"|\s+(?:(?i:and)|und|et|y|e)\s+"
)
# "Finian Cunningham. Sputnik International": a full stop after a word ends the name.
_SENTENCE_STOP_RE = re.compile(r"(?<=\w\w\w)\.\s+(?=\w)")
_AGENCY_TAIL_RE = re.compile(
    r"\s*[,(]?\s*\b(?:" + "|".join(re.escape(a) for a in AGENCIES) + r")\)?\s*$", re.IGNORECASE
)
_OUTLET_KEY_RE = re.compile(r"[\W_]+")
# Placeholders some CMSs declare for "no date": year 1, the Unix epoch.
_PLACEHOLDER_DATE_RE = re.compile(r"^(?:0\d{3}|1[0-8]\d\d|1970-01-01)")
_SPACE_RE = re.compile(r"\s+")
_KEYWORD_SPLIT_RE = re.compile(r"\s*[,;]\s*")


@dataclass(frozen=True, slots=True)
class PageMetadata:
    """Everything the page declares about itself, read before any cleaning."""

    jsonld: tuple[dict[str, Any], ...] = ()
    # First value per key; the repeatable properties of OPENGRAPH_LISTS as lists of every value.
    opengraph: dict[str, str | list[str]] = field(default_factory=dict)
    twitter: dict[str, str] = field(default_factory=dict)
    meta: dict[str, str] = field(default_factory=dict)
    title_tag: str | None = None
    headline_candidates: tuple[tuple[str, str], ...] = ()
    site_name: str | None = None
    description: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    published_text: str | None = None
    modified: str | None = None
    modified_text: str | None = None
    lang: str | None = None
    canonical_url: str | None = None
    image: str | None = None
    section: str | None = None
    keywords: tuple[str, ...] = ()
    article_type: str | None = None

    def to_record_metadata(self) -> dict[str, Any]:
        """The declared metadata as JSON-ready data, bounded in size, in document order."""
        return {
            "jsonld": [_bounded(obj, 0) for obj in self.jsonld[:_MAX_LIST]],
            "opengraph": _bounded(self.opengraph, 0),
            "twitter": _bounded(self.twitter, 0),
            "meta": _bounded(self.meta, 0),
        }


def _bounded(value: Any, depth: int) -> Any:
    """A copy with long strings dropped, lists capped and nesting cut at a fixed depth."""
    if isinstance(value, dict):
        if depth >= _MAX_DEPTH:
            return {}
        out: dict[str, Any] = {}
        for key, item in value.items():
            if isinstance(item, str) and len(item) > _MAX_STRING:
                continue
            out[str(key)] = _bounded(item, depth + 1)
        return out
    if isinstance(value, list):
        if depth >= _MAX_DEPTH:
            return []
        return [
            _bounded(item, depth + 1)
            for item in value[:_MAX_LIST]
            if not (isinstance(item, str) and len(item) > _MAX_STRING)
        ]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


# --- the reader ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Tags:
    """The raw declarations gathered in one pass over meta, link and script elements."""

    meta: dict[str, str]
    meta_all: dict[str, list[str]]
    opengraph: dict[str, str]
    twitter: dict[str, str]
    links: dict[str, str]
    author_links: list[str]
    jsonld: list[dict[str, Any]]
    by_id: dict[str, dict[str, Any]]


def read_metadata(tree: HtmlElement, url: str | None) -> PageMetadata:
    """Read what the page declares: JSON-LD, OpenGraph, Twitter cards, meta/link/microdata.

    Runs on the tree before scripts are removed. Never raises on malformed input: what cannot be
    read is left out.
    """
    tags = _gather(tree)
    base = _base_url(tree, url)
    main = _main_object(tags.jsonld)
    page = _first_of_types(tags.jsonld, PAGE_TYPES)
    itemprops = _itemprops(tree)

    def meta_first(names: Iterable[str]) -> str | None:
        for name in names:
            value = tags.meta.get(name)
            if value:
                return value
        return None

    site_name = _site_name(tags, main)
    headline_candidates: list[tuple[str, str]] = []
    for source, value in (
        ("og:title", tags.opengraph.get("og:title")),
        ("twitter:title", tags.twitter.get("twitter:title")),
        ("jsonld:headline", _text(main.get("headline")) if main else None),
        ("jsonld:name", _text(main.get("name")) if main and not main.get("headline") else None),
        ("itemprop:headline", _first(itemprops.get("headline"))),
    ):
        if value:
            headline_candidates.append((source, value))

    published_candidates = [
        _text(main.get("datePublished")) if main else None,
        meta_first(PUBLISHED_META),
        _first(itemprops.get("datePublished")),
        _time_pubdate(tree),
        _text(page.get("datePublished")) if page else None,
        _text(main.get("dateCreated")) if main else None,
    ]
    modified_candidates = [
        _text(main.get("dateModified")) if main else None,
        meta_first(MODIFIED_META),
        _first(itemprops.get("dateModified")),
        _text(page.get("dateModified")) if page else None,
    ]
    published_text, published = _pick_date(published_candidates)
    modified_text, modified = _pick_date(modified_candidates)

    return PageMetadata(
        jsonld=tuple(tags.jsonld),
        opengraph={
            key: tags.meta_all.get(key, [value])[:_MAX_LIST] if key in OPENGRAPH_LISTS else value
            for key, value in tags.opengraph.items()
        },
        twitter=tags.twitter,
        meta=tags.meta,
        title_tag=_title(tree),
        headline_candidates=tuple(headline_candidates),
        site_name=site_name,
        description=_first_text(
            tags.opengraph.get("og:description"),
            tags.meta.get("description"),
            _text(main.get("description")) if main else None,
            tags.twitter.get("twitter:description"),
        ),
        authors=_authors(tree, tags, main, itemprops, _outlet_keys(site_name, tags, main, url)),
        published=published,
        published_text=published_text,
        modified=modified,
        modified_text=modified_text,
        lang=_lang(tree, tags),
        canonical_url=_canonical(tags, base),
        image=_image(tags, main, base),
        section=_section(tags, main),
        keywords=_keywords(tags, main),
        article_type=_type_of(main, ARTICLE_TYPES) if main else None,
    )


def _gather(tree: HtmlElement) -> _Tags:
    meta: dict[str, str] = {}
    meta_all: dict[str, list[str]] = {}
    opengraph: dict[str, str] = {}
    twitter: dict[str, str] = {}
    for el in _META_XPATH(tree):
        content = el.get("content")
        if content is None:
            content = el.get("value")
        if content is None:
            continue
        content = _collapse(content)
        if not content:
            continue
        # property="og:title twitter:title" declares both at once.
        keys = (el.get("property") or "").split() + [
            k for k in (el.get("name"), el.get("itemprop"), el.get("http-equiv")) if k
        ]
        for raw_key in keys:
            key = raw_key.strip().lower()
            if not key or len(key) > 200 or (key not in meta and len(meta) >= _MAX_META_KEYS):
                continue
            meta.setdefault(key, content)
            meta_all.setdefault(key, []).append(content)
            if key.startswith(("og:", "article:", "book:", "profile:", "video:", "music:")):
                opengraph.setdefault(key, content)
            elif key.startswith("twitter:"):
                twitter.setdefault(key, content)
    links: dict[str, str] = {}
    author_links: list[str] = []
    for el in _LINK_XPATH(tree):
        rels = (el.get("rel") or "").lower().split()
        if el.tag == "a":
            if "author" in rels and not _is_foreign(el):
                author_links.append(_element_text(el))
            continue
        href = (el.get("href") or "").strip()
        if not href:
            continue
        for rel in rels:
            links.setdefault(rel, href)
    jsonld: list[dict[str, Any]] = []
    for el in _LDJSON_XPATH(tree):
        raw = el.text or ""
        if not raw.strip() or len(raw) > _MAX_SCRIPT:
            continue
        for value in _load_jsonld(raw):
            _flatten(value, jsonld, 0)
            if len(jsonld) >= _MAX_JSONLD_OBJECTS:
                break
    jsonld = jsonld[:_MAX_JSONLD_OBJECTS]
    # Graphs (Yoast and the like) name the author and publisher by "@id" reference only.
    by_id = {obj["@id"]: obj for obj in jsonld if isinstance(obj.get("@id"), str) and len(obj) > 2}
    return _Tags(meta, meta_all, opengraph, twitter, links, author_links, jsonld, by_id)


# --- JSON-LD -------------------------------------------------------------------------------------


def _reject_constant(name: str) -> None:
    """NaN and Infinity are not JSON; read them as null so the record stays serialisable."""
    return None


_DECODER = json.JSONDecoder(strict=False, parse_constant=_reject_constant)


def _load_jsonld(raw: str) -> list[Any]:
    """Every JSON value in a script body, repairing the usual breakage; [] when unrepairable."""
    text = _WRAPPER_RE.sub("", raw.strip()).strip()
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


def _flatten(value: Any, out: list[dict[str, Any]], depth: int) -> None:
    if depth > 4 or len(out) >= _MAX_JSONLD_OBJECTS:
        return
    if isinstance(value, list):
        for item in value:
            _flatten(item, out, depth + 1)
    elif isinstance(value, dict):
        graph = value.get("@graph")
        if graph is not None:
            _flatten(graph, out, depth + 1)
            if not any(k not in ("@context", "@graph", "@id") for k in value):
                return
            value = {k: v for k, v in value.items() if k != "@graph"}
        out.append(value)


def _types(obj: dict[str, Any]) -> list[str]:
    raw = obj.get("@type")
    items = raw if isinstance(raw, list) else [raw]
    # "schema:NewsArticle" and "http://schema.org/NewsArticle" name the same type.
    return [re.split(r"[/:#]", t)[-1] for t in items if isinstance(t, str)]


def _type_of(obj: dict[str, Any], wanted: frozenset[str]) -> str | None:
    types = _types(obj)
    for t in types:
        if t in wanted or t.endswith(("Article", "Posting")):
            return t
    return types[0] if types else None


def _is_article(obj: dict[str, Any]) -> bool:
    # Any schema.org "...Article" or "...Posting" subtype counts, listed or not.
    return any(t in ARTICLE_TYPES or t.endswith(("Article", "Posting")) for t in _types(obj))


def _first_of_types(objects: list[dict[str, Any]], wanted: frozenset[str]) -> dict[str, Any] | None:
    for obj in objects:
        if any(t in wanted for t in _types(obj)):
            return obj
    return None


def _main_object(objects: list[dict[str, Any]]) -> dict[str, Any] | None:
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
            _type_of(o, ARTICLE_TYPES) not in ("VideoObject", "Review"),
        ),
    )


def _text(value: Any, keys: tuple[str, ...] = ("@value", "name"), depth: int = 0) -> str | None:
    """A JSON-LD value as one line of text: the first of a list, the first of ``keys`` that an
    object has (its @value or name, by default)."""
    if depth > 4:
        return None
    if isinstance(value, list):
        for item in value[:_MAX_LIST]:
            found = _text(item, keys, depth + 1)
            if found:
                return found
        return None
    if isinstance(value, dict):
        return _text(next((value[k] for k in keys if value.get(k)), None), keys, depth + 1)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str):
        return _collapse(value) or None
    return None


# --- fields --------------------------------------------------------------------------------------


def _collapse(text: str) -> str:
    return _SPACE_RE.sub(" ", text).strip()


def _element_text(el: HtmlElement) -> str:
    """Text of an element, whitespace collapsed (plain lxml nodes lack text_content())."""
    if not isinstance(el.tag, str):
        return ""
    return _collapse(" ".join(el.itertext()))


def _first(values: list[str] | None) -> str | None:
    return values[0] if values else None


def _first_text(*values: str | None) -> str | None:
    for value in values:
        if value:
            return value
    return None


def _title(tree: HtmlElement) -> str | None:
    for el in _TITLE_XPATH(tree):
        text = _element_text(el)
        if text:
            return text
    return None


def _base_url(tree: HtmlElement, url: str | None) -> str | None:
    for el in _BASE_XPATH(tree):
        href = (el.get("href") or "").strip()
        if href:
            return _join(url, href) if url else href
    return url


def _join(base: str, href: str) -> str | None:
    try:
        joined = urljoin(base, href)
        urlsplit(joined).hostname  # noqa: B018 - raises on a broken host
    except ValueError:  # "http://[bad" is an invalid IPv6 host to urllib
        return None
    return joined


def _absolute(href: str | None, base: str | None) -> str | None:
    if not href:
        return None
    href = href.strip()
    if not href or href.startswith(("data:", "javascript:", "#")):
        return None
    # A scheme-relative URL with no page URL to lean on is taken as https.
    joined = _join(base or ("https:" if href.startswith("//") else ""), href)
    if joined is None:
        return None
    return joined if re.match(r"^https?://[^/\s]", joined, re.IGNORECASE) else None


_ITEMPROPS = ("author", "creator", "datePublished", "dateModified", "headline")
_MULTI_ITEMPROPS = ("author", "creator")


def _itemprops(tree: HtmlElement) -> dict[str, list[str]]:
    """Microdata values for the few properties we read: every author, the first of the rest."""
    out: dict[str, list[str]] = {}
    for el in _ITEMPROP_XPATH(tree):
        for prop in (el.get("itemprop") or "").split():
            if prop not in _ITEMPROPS or (prop in out and prop not in _MULTI_ITEMPROPS):
                continue
            if prop in _MULTI_ITEMPROPS and (len(out.get(prop, ())) >= 10 or _is_foreign(el)):
                continue
            value = _itemprop_value(el, prop)
            if value:
                out.setdefault(prop, []).append(value)
    return out


def _itemprop_value(el: HtmlElement, prop: str) -> str | None:
    for attr in ("content", "datetime"):
        value = el.get(attr)
        if value and value.strip():
            return _collapse(value)
    if el.tag in ("link", "meta") or (
        el.tag == "a" and prop in ("author", "creator") and not _element_text(el)
    ):
        return None
    if prop in ("author", "creator"):
        # An author is often an itemscope Person whose name is a child property.
        for child in _NAME_CHILD_XPATH(el):
            return (_collapse(child.get("content") or "") or _element_text(child)) or None
    text = _element_text(el)
    return text if 0 < len(text) <= 300 else None


def _time_pubdate(tree: HtmlElement) -> str | None:
    for el in _TIME_XPATH(tree):
        # The visible text is often a bare time ("12:55 AM"); only the attribute is a date.
        value = (el.get("datetime") or "").strip()
        if value:
            return value
    return None


def _pick_date(candidates: list[str | None]) -> tuple[str | None, str | None]:
    """The first declared date that reads as ISO; else the first declared text, unread."""
    first_text: str | None = None
    for text in candidates:
        if not text:
            continue
        iso = to_iso_datetime(text)
        if iso and _PLACEHOLDER_DATE_RE.match(iso):
            continue
        if first_text is None:
            first_text = text
        if iso:
            return text, iso
    return first_text, None


def _site_name(tags: _Tags, main: dict[str, Any] | None) -> str | None:
    publisher = _text(_deref(main.get("publisher"), tags.by_id)) if main else None
    website = None
    for obj in tags.jsonld:
        if "WebSite" in _types(obj):
            website = _text(obj.get("name"))
            if website:
                break
    return _first_text(
        tags.opengraph.get("og:site_name"), publisher, website, tags.meta.get("application-name")
    )


def _lang(tree: HtmlElement, tags: _Tags) -> str | None:
    for raw in (
        tree.get("lang"),
        tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        tags.opengraph.get("og:locale"),
        tags.meta.get("content-language"),
        tags.meta.get("language"),
    ):
        if not raw:
            continue
        value = raw.split(",")[0].strip().replace("_", "-")
        if _LANG_RE.match(value):
            return _bcp47_case(value)
    return None


def _bcp47_case(tag: str) -> str:
    """BCP 47's conventional casing: "EN-us" -> "en-US", "zh-hant-tw" -> "zh-Hant-TW"."""
    parts = tag.split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 2 and part.isalpha():
            out.append(part.upper())
        elif len(part) == 4 and part.isalpha() and len(out) == 1:
            out.append(part.title())
        else:
            out.append(part.lower())
    return "-".join(out)


def _canonical(tags: _Tags, base: str | None) -> str | None:
    return _absolute(tags.links.get("canonical"), base) or _absolute(
        tags.opengraph.get("og:url"), base
    )


_IMAGE_KEYS = ("url", "contentUrl", "@id")


def _image(tags: _Tags, main: dict[str, Any] | None, base: str | None) -> str | None:
    og = tags.opengraph
    tw = tags.twitter
    for href in (
        og.get("og:image"),
        og.get("og:image:url"),
        og.get("og:image:secure_url"),
        tw.get("twitter:image"),
        tw.get("twitter:image:src"),
        _text(_deref(main.get("image"), tags.by_id), _IMAGE_KEYS) if main else None,
        tags.links.get("image_src"),
    ):
        found = _absolute(href, base)
        if found:
            return found
    return None


def _section(tags: _Tags, main: dict[str, Any] | None) -> str | None:
    from_jsonld = _text(main.get("articleSection")) if main else None
    return _first_text(from_jsonld, *(tags.meta.get(name) for name in SECTION_META))


def _keywords(tags: _Tags, main: dict[str, Any] | None) -> tuple[str, ...]:
    seen: dict[str, str] = {}

    def add(values: Iterable[str]) -> None:
        for value in values:
            for word in _KEYWORD_SPLIT_RE.split(value):
                word = word.strip()
                if word and len(word) <= 100 and len(seen) < _MAX_LIST:
                    seen.setdefault(word.casefold(), word)

    if main:
        raw = main.get("keywords")
        if isinstance(raw, str):
            add([raw])
        elif isinstance(raw, list):
            add(v for v in raw if isinstance(v, str))
    for name in KEYWORD_META:
        add(tags.meta_all.get(name, []))
    return tuple(seen.values())


# --- authors -------------------------------------------------------------------------------------


def _authors(
    tree: HtmlElement,
    tags: _Tags,
    main: dict[str, Any] | None,
    itemprops: dict[str, list[str]],
    outlets: frozenset[str],
) -> tuple[str, ...]:
    """Declared author names, from the most to the least structured source; the DOM as fallback."""
    sources: list[Callable[[], list[str]]] = [
        lambda: _jsonld_authors(
            main.get("author") or main.get("creator") if main else None, tags.by_id
        ),
        lambda: _meta_authors(tags),
        lambda: [
            n
            for value in itemprops.get("author") or itemprops.get("creator") or []
            for n in _names(value, declared=True)
        ],
        lambda: [n for text in tags.author_links for n in _names(text, declared=True)],
        lambda: _byline_names(tree),
    ]
    handles: tuple[str, ...] = ()
    for source in sources:
        names = _dedupe(source())
        if len(names) > 1:
            # "Troy L. Smith, Cleveland.com": the site itself is not one of the authors.
            names = tuple(n for n in names if not _is_outlet(n, outlets)) or names
        if not names:
            continue
        if not all(_HANDLE_RE.match(n) for n in names):
            return names
        # "CC7567" is an account name: a later source may still give the person's name.
        handles = handles or names
    return handles


def _outlet_keys(
    site_name: str | None, tags: _Tags, main: dict[str, Any] | None, url: str | None
) -> frozenset[str]:
    """The site's own names, letters and digits only: og:site_name, publisher, host."""
    names = [site_name, tags.meta.get("application-name")]
    if main:
        names.append(_text(_deref(main.get("publisher"), tags.by_id)))
    try:
        host = (urlsplit(url).hostname or "") if url else ""
    except ValueError:  # "http://[::1": a broken URL names no host
        host = ""
    host = host.removeprefix("www.")
    names += [host, host.partition(".")[0]]
    return frozenset(k for n in names if n and len(k := _OUTLET_KEY_RE.sub("", n.casefold())) > 2)


def _is_outlet(name: str, outlets: frozenset[str]) -> bool:
    key = _OUTLET_KEY_RE.sub("", name.casefold())
    return len(key) > 2 and any(key == o or (len(key) >= 5 and key in o) for o in outlets)


def _meta_authors(tags: _Tags) -> list[str]:
    """Authors from the first meta name that gives any (several article:author tags are kept)."""
    for name in AUTHOR_META:
        found = [n for v in tags.meta_all.get(name, []) for n in _names(v, declared=True)]
        if found:
            return found
    return []


def _deref(value: Any, by_id: dict[str, dict[str, Any]]) -> Any:
    """The graph object a bare {"@id": ...} reference points to (the value itself otherwise)."""
    if isinstance(value, dict) and "name" not in value and isinstance(value.get("@id"), str):
        return by_id.get(value["@id"], value)
    return value


def _jsonld_authors(value: Any, by_id: dict[str, dict[str, Any]], depth: int = 0) -> list[str]:
    if depth > 4:
        return []
    if isinstance(value, list):
        return [n for item in value[:_MAX_LIST] for n in _jsonld_authors(item, by_id, depth + 1)]
    if isinstance(value, dict):
        name = _deref(value, by_id).get("name")
        if isinstance(name, (str, list)):
            return _jsonld_authors(name, by_id, depth + 1)
        return []
    if isinstance(value, str):
        return _names(value, declared=True)
    return []


def _dedupe(names: list[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(name.casefold(), name)
    return tuple(seen.values())[:_MAX_LIST]


def _names(text: str, *, declared: bool) -> list[str]:
    """Person names in a byline or author field: prefixes, roles, dates, emails and URLs removed."""
    text = _collapse(text)
    if not text or len(text) > 500 or _URL_RE.match(text):
        return []
    text = _EMAIL_RE.sub(" ", _URL_ANY_RE.sub(" ", text))
    text = BYLINE_PREFIX_RE.sub("", text)
    cut = (_DECLARED_DATE_CUT_RE if declared else _DATE_CUT_RE).search(text)
    if cut is not None:
        text = text[: cut.start()]
    # "Jane Doe | Reuters", "Jane Doe - Staff Writer": the name comes first.
    if not declared or "|" in text:
        text = _SEPARATOR_RE.split(text, maxsplit=1)[0]
    stop = _SENTENCE_STOP_RE.search(text)
    if stop is not None and len(text[: stop.start()].split()) >= 2:
        text = text[: stop.start()]
    inverted = _INVERTED_RE.match(text) if declared else None
    if (
        inverted is not None
        and inverted.group(2).casefold() not in ROLE_WORDS
        and not {inverted.group(1).casefold(), inverted.group(2).casefold()} & set(AGENCIES)
    ):
        # Citation style "Doe, Jane" is one person, not two.
        text = f"{inverted.group(2)} {inverted.group(1)}"
    pieces = [p.strip(" .:-–—()[]\"'") for p in _AND_RE.split(text)]
    roles = [_is_role(p) for p in pieces] if len(pieces) > 1 else [False]
    if all(roles):
        roles = [False] * len(pieces)  # "Reuters, AP": agencies are the byline then
    out: list[str] = []
    for piece, role in zip(pieces, roles, strict=True):
        if role:
            continue
        # "Jill Lawless Associated Press", "Kevin McCoy USA TODAY": the agency is not a name.
        person = _AGENCY_TAIL_RE.sub("", piece)
        if person != piece and len(person.split()) >= 2:
            piece = person
        name = _strip_roles(piece)
        if name:
            out.append(name)
    if len(out) > 1:
        # "Jane Doe, CNN", "Jo Roe, MA", "Victor Tangermann, Futurism": a lone capitalised word
        # after a full name is an outlet or a degree, not a person.
        out = [
            n
            for i, n in enumerate(out)
            if not (
                " " not in n
                and i > 0
                and " " in out[i - 1]
                and (n.isupper() and len(n) <= 5 or n[:1].isupper())
            )
        ] or out
    return out


def _is_role(piece: str) -> bool:
    """A role rather than a person: "AP Auto Writer", "Reuters staff", "Associated Press"."""
    folded = " ".join(piece.casefold().split())
    words = folded.split()
    if not words:
        return False
    if folded in AGENCIES:
        return True
    return words[-1] in ROLE_NOUNS and (
        any(folded.startswith(a + " ") for a in AGENCIES) or all(w in ROLE_WORDS for w in words)
    )


def _is_edge_noise(word: str) -> bool:
    """A role word or bare punctuation at either end of a name ("Jo Roe - Staff Writer")."""
    return not any(ch.isalnum() for ch in word) or word.strip(".,()").casefold() in ROLE_WORDS


def _strip_roles(piece: str) -> str | None:
    words = piece.split()
    while words and _is_edge_noise(words[-1]):
        words.pop()
    while words and _is_edge_noise(words[0]):
        words.pop(0)
    if not words or len(words) > _MAX_NAME_WORDS:
        return None
    name = " ".join(words)
    if sum(ch.isalpha() for ch in name) < 2:
        # "Science X staff" is all role words but for one letter: keep it whole.
        name = " ".join(piece.split())
        if len(piece.split()) > _MAX_NAME_WORDS:
            return None
    if not any(ch.isalpha() for ch in name) or len(name) > 80:
        return None
    return BYLINE_PREFIX_RE.sub("", name) or None


def find_byline(tree: HtmlElement) -> tuple[str, ...]:
    """Author names from the visible byline (class/id byline/author/writer, or "By ..." text).

    The fallback for pages that declare no author; read_metadata already uses it then.
    """
    return _dedupe(_byline_names(tree))


def _byline_names(tree: HtmlElement) -> list[str]:
    """Names from the visible byline when the page declares no author (bounded search)."""
    for el in _iter_bylines(tree):
        text = _element_text(el)
        if not text or len(text) > _MAX_BYLINE_CHARS:
            continue
        names = _names(text, declared=False)
        if names and all(_looks_like_name(n) for n in names):
            return names
    return []


def _looks_like_name(name: str) -> bool:
    """Whether visible text reads as a name: capitalised words ("By clicking Submit" is not)."""
    if _NAME_PUNCT_RE.search(name):
        return False
    for word in name.split():
        first = word.lstrip("(")[:1]
        if first.isalpha() and first.islower() and word.casefold() not in NAME_PARTICLES:
            return False
    return True


def _iter_bylines(tree: HtmlElement) -> Iterator[HtmlElement]:
    count = 0
    for el in _NAMED_XPATH(tree):
        if not _BYLINE_NAME_RE.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
            continue
        count += 1
        if count > 60:
            break
        if not _is_foreign(el):
            yield el
    for count, el in enumerate(_BY_TEXT_XPATH(tree)):
        if count > 30:
            break
        if not _is_foreign(el):
            yield el


def _is_foreign(el: HtmlElement) -> bool:
    """Whether a byline-looking element belongs to comments, bios or teasers, not the article."""
    depth = 0
    node: HtmlElement | None = el
    while node is not None and depth < 8:
        words = f"{node.get('class') or ''} {node.get('id') or ''}".lower().split()
        if any(word.startswith(NOT_BYLINE_TOKENS) for word in words):
            return True
        node = node.getparent()
        depth += 1
    return False
