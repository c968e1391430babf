"""What a page declares about itself (JSON-LD, OpenGraph, Twitter, meta tags), read as one value."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from lxml.etree import _Element as HtmlElement

from extractor.parse.authors import declared_authors, outlet_keys
from extractor.parse.bylines import (
    element_text,
    find_byline,
    is_foreign,
)
from extractor.parse.dates import to_iso_datetime
from extractor.parse.jsonld import (
    ARTICLE_TYPES,
    MAX_LIST,
    MAX_OBJECTS,
    PAGE_TYPES,
    bounded,
    collapse,
    deref,
    first_of_types,
    flatten,
    load_jsonld,
    main_object,
    text_value,
    type_of,
    types_of,
)
from extractor.parse.links import absolute_url, base_url
from extractor.parse.microdata import itemprops

__all__ = ["PageMetadata", "find_byline", "read_metadata"]

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
# Dublin Core titles, property form first: "DC.title" is the older name form of the same thing.
TITLE_META: tuple[str, ...] = (
    "dc:title",
    "dcterms:title",
    "dcterm:title",
    "dc.title",
    "dcterms.title",
)
KEYWORD_META: tuple[str, ...] = ("keywords", "news_keywords", "article:tag", "parsely-tags")
SECTION_META: tuple[str, ...] = ("article:section", "section", "parsely-section", "category")

# --- bounds --------------------------------------------------------------------------------------

_MAX_META_KEYS = 300
_MAX_SCRIPT = 2_000_000

# --- compiled lookups ----------------------------------------------------------------------------

_LANG_RE = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")
_PLACEHOLDER_DATE_RE = re.compile(r"^(?:0\d{3}|1[0-8]\d\d|1970-01-01)")
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
    # What the page's relative links resolve against: the first <base href> joined to the page
    # URL (an empty or unjoinable one leaves the page URL), read in the walk done here anyway.
    document_base: str | None = None

    def to_record_metadata(self) -> dict[str, Any]:
        """The declared metadata as JSON-ready data, bounded in size, in document order."""
        return {
            "jsonld": [bounded(obj, 0) for obj in self.jsonld[:MAX_LIST]],
            "opengraph": bounded(self.opengraph, 0),
            "twitter": bounded(self.twitter, 0),
            "meta": bounded(self.meta, 0),
        }


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
    title: str | None
    base_href: str | None
    first_base: str | None
    pubdate: str | None


def read_metadata(tree: HtmlElement, url: str | None) -> PageMetadata:
    """Read what the page declares: JSON-LD, OpenGraph, Twitter cards, meta/link/microdata.

    Runs on the tree before scripts are removed. Never raises on malformed input: what cannot be
    read is left out.
    """
    tags = _gather(tree)
    base = base_url(tags.base_href, url)
    main = main_object(tags.jsonld)
    page = first_of_types(tags.jsonld, PAGE_TYPES)
    # Microdata needs a walk over every element: done only when a value is still missing.
    # A helper object, not nested functions: compiled, those form a reference cycle with the
    # function's locals that would hold the whole tree until the cycle collector runs.
    microdata = _Microdata(tree)
    itemprop = microdata.values
    meta = tags.meta

    site_name = _site_name(tags, main)
    headline_candidates: list[tuple[str, str]] = []
    # In preference order: the article object's headline, Dublin Core, OpenGraph, Twitter.
    for source, value in (
        ("jsonld:headline", text_value(main.get("headline")) if main else None),
        ("dc:title", _meta_first(meta, TITLE_META)),
        ("og:title", tags.opengraph.get("og:title")),
        ("twitter:title", tags.twitter.get("twitter:title")),
        (
            "jsonld:name",
            text_value(main.get("name")) if main and not main.get("headline") else None,
        ),
    ):
        if value:
            headline_candidates.append((source, value))
    if not headline_candidates:
        headline = _first(itemprop("headline"))
        if headline:
            headline_candidates.append(("itemprop:headline", headline))

    published_candidates: list[Callable[[], str | None]] = [
        lambda: text_value(main.get("datePublished")) if main else None,
        lambda: _meta_first(meta, PUBLISHED_META),
        lambda: _first(itemprop("datePublished")),
        lambda: tags.pubdate,
        lambda: text_value(page.get("datePublished")) if page else None,
        lambda: text_value(main.get("dateCreated")) if main else None,
    ]
    modified_candidates: list[Callable[[], str | None]] = [
        lambda: text_value(main.get("dateModified")) if main else None,
        lambda: _meta_first(meta, MODIFIED_META),
        lambda: _first(itemprop("dateModified")),
        lambda: text_value(page.get("dateModified")) if page else None,
    ]
    published_text, published = _pick_date(published_candidates)
    modified_text, modified = _pick_date(modified_candidates)

    return PageMetadata(
        jsonld=tuple(tags.jsonld),
        opengraph={
            key: tags.meta_all.get(key, [value])[:MAX_LIST] if key in OPENGRAPH_LISTS else value
            for key, value in tags.opengraph.items()
        },
        twitter=tags.twitter,
        meta=tags.meta,
        title_tag=tags.title,
        headline_candidates=tuple(headline_candidates),
        site_name=site_name,
        description=_first_text(
            tags.opengraph.get("og:description"),
            tags.meta.get("description"),
            text_value(main.get("description")) if main else None,
            tags.twitter.get("twitter:description"),
        ),
        authors=declared_authors(
            tree,
            jsonld_author=(main.get("author") or main.get("creator")) if main else None,
            by_id=tags.by_id,
            meta_all=tags.meta_all,
            itemprop_authors=lambda: itemprop("author") or itemprop("creator"),
            author_links=tags.author_links,
            outlets=outlet_keys(
                (
                    site_name,
                    tags.meta.get("application-name"),
                    # <meta name="author"> naming the publisher it also declares: no person.
                    tags.meta.get("publisher"),
                    text_value(deref(main.get("publisher"), tags.by_id)) if main else None,
                ),
                url,
            ),
        ),
        published=published,
        published_text=published_text,
        modified=modified,
        modified_text=modified_text,
        lang=_lang(tree, tags),
        canonical_url=_canonical(tags, base),
        image=_image(tags, main, base),
        section=_section(tags, main),
        keywords=_keywords(tags, main),
        article_type=type_of(main, ARTICLE_TYPES) if main else None,
        document_base=(base_url(tags.first_base, url) if tags.first_base else None) or url,
    )


class _Microdata:
    """A page's itemprop values by name, read on the first request."""

    def __init__(self, tree: HtmlElement) -> None:
        self._tree = tree
        self._found: dict[str, list[str]] | None = None

    def values(self, name: str) -> list[str]:
        if self._found is None:
            self._found = itemprops(self._tree)
        return self._found.get(name, [])


def _meta_first(meta: dict[str, str], names: Iterable[str]) -> str | None:
    for name in names:
        value = meta.get(name)
        if value:
            return value
    return None


def _gather(tree: HtmlElement) -> _Tags:
    """One walk over the elements that declare things (meta, link, a, script, title, base, time).

    One tag-filtered iteration costs about as much as one XPath search, where the seven separate
    searches it replaces cost seven.
    """
    meta: dict[str, str] = {}
    meta_all: dict[str, list[str]] = {}
    opengraph: dict[str, str] = {}
    twitter: dict[str, str] = {}
    links: dict[str, str] = {}
    author_links: list[str] = []
    scripts: list[str] = []
    title: str | None = None
    base_href: str | None = None
    first_base: str | None = None
    pubdate: str | None = None
    published_time: str | None = None
    for el in tree.iter("meta", "link", "a", "script", "title", "base", "time"):
        tag = el.tag
        if tag == "meta":
            _read_meta(el, meta, meta_all, opengraph, twitter)
        elif tag == "a" or tag == "link":
            rel = el.get("rel")
            if not rel:
                continue  # most links and anchors: nothing declared
            rels = rel.lower().split()
            if tag == "a":
                if "author" in rels and not is_foreign(el):
                    author_links.append(element_text(el))
                continue
            href = (el.get("href") or "").strip()
            for rel in rels if href else ():
                links.setdefault(rel, href)
        elif tag == "script":
            if "ld+json" in (el.get("type") or "").lower():
                raw = el.text or ""
                if raw.strip() and len(raw) <= _MAX_SCRIPT:
                    scripts.append(raw)
        elif tag == "title":
            title = title or element_text(el) or None
        elif tag == "base":
            href = el.get("href")
            if first_base is None and href is not None:
                first_base = href.strip()  # the document's base, even when empty (HTML spec)
            base_href = base_href or (href or "").strip() or None
        elif pubdate is None and el.get("pubdate") is not None:
            # The visible text is often a bare time ("12:55 AM"); only the attribute is a date.
            if not _in_side_box(el):
                pubdate = (el.get("datetime") or "").strip() or None
        elif published_time is None and _is_hentry_published(el) and not _in_side_box(el):
            # hAtom's "published" (WordPress: "entry-date published"), when no pubdate says so.
            published_time = (el.get("datetime") or "").strip() or None
    jsonld: list[dict[str, Any]] = []
    for raw in scripts:
        for value in load_jsonld(raw):
            flatten(value, jsonld, 0)
            if len(jsonld) >= MAX_OBJECTS:
                break
    jsonld = jsonld[:MAX_OBJECTS]
    # Graphs (Yoast and the like) name the author and publisher by "@id" reference only.
    by_id = {obj["@id"]: obj for obj in jsonld if isinstance(obj.get("@id"), str) and len(obj) > 2}
    return _Tags(
        meta,
        meta_all,
        opengraph,
        twitter,
        links,
        author_links,
        jsonld,
        by_id,
        title,
        base_href,
        first_base,
        pubdate or published_time,
    )


# Class and id words of a page's side column, whose dated entries are other stories'.
_SIDE_NAMES = ("aside", "sidebar", "secondary")


def _in_side_box(el: HtmlElement) -> bool:
    """Whether a dated element belongs to a side column, menu, comment or teaser list: the
    latest stories in a sidebar mark their own ``<time pubdate>``, an HTML5 attribute that
    means "the publication date of the nearest article", theirs and not the page's."""
    if is_foreign(el):
        return True
    for node in el.iterancestors():
        if node.tag in ("aside", "nav"):
            return True
        words = f"{node.get('class') or ''} {node.get('id') or ''}".lower().split()
        if any(word.startswith(_SIDE_NAMES) for word in words):
            return True
    return False


def _is_hentry_published(el: HtmlElement) -> bool:
    """A <time> the hAtom microformat marks as its entry's publication ("entry-date published").

    Only <time> elements reach it: the walk visits no other tag that is not read before.
    """
    cls = el.get("class")
    return bool(cls) and "published" in cls.split() and bool(el.get("datetime"))


def _read_meta(
    el: HtmlElement,
    meta: dict[str, str],
    meta_all: dict[str, list[str]],
    opengraph: dict[str, str],
    twitter: dict[str, str],
) -> None:
    content = el.get("content")
    if content is None:
        content = el.get("value")
    if content is None:
        return
    content = collapse(content)
    if not content:
        return
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


# --- fields --------------------------------------------------------------------------------------


def _first(values: list[str] | None) -> str | None:
    return values[0] if values else None


def _first_text(*values: str | None) -> str | None:
    for value in values:
        if value:
            return value
    return None


def _pick_date(candidates: list[Callable[[], str | None]]) -> tuple[str | None, str | None]:
    """The first declared date that reads as ISO; else the first declared text, unread.

    The candidates are read one by one, so later (costlier) sources run only when needed.
    """
    first_text: str | None = None
    for candidate in candidates:
        text = candidate()
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
    publisher = text_value(deref(main.get("publisher"), tags.by_id)) if main else None
    website = None
    for obj in tags.jsonld:
        if "WebSite" in types_of(obj):
            website = text_value(obj.get("name"))
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
    return absolute_url(tags.links.get("canonical"), base) or absolute_url(
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
        text_value(deref(main.get("image"), tags.by_id), _IMAGE_KEYS) if main else None,
        tags.links.get("image_src"),
    ):
        found = absolute_url(href, base)
        if found:
            return found
    return None


def _section(tags: _Tags, main: dict[str, Any] | None) -> str | None:
    from_jsonld = text_value(main.get("articleSection")) if main else None
    return _first_text(from_jsonld, *(tags.meta.get(name) for name in SECTION_META))


def _keywords(tags: _Tags, main: dict[str, Any] | None) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    if main:
        raw = main.get("keywords")
        if isinstance(raw, str):
            _add_keywords(seen, [raw])
        elif isinstance(raw, list):
            _add_keywords(seen, [v for v in raw if isinstance(v, str)])
    for name in KEYWORD_META:
        _add_keywords(seen, tags.meta_all.get(name, []))
    return tuple(seen.values())


def _add_keywords(seen: dict[str, str], values: Iterable[str]) -> None:
    for value in values:
        for word in _KEYWORD_SPLIT_RE.split(value):
            word = word.strip()
            if word and len(word) <= 100 and len(seen) < MAX_LIST:
                seen.setdefault(word.casefold(), word)
