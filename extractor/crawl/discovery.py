"""Where new URLs come from: sitemaps (indexes, .gz), robots.txt Sitemap: lines, feeds, page links.

Every function here is a pure parser: bytes or text and the URL they came from in, absolute
canonical URLs out. The run loop fetches the documents and feeds them in.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

import lxml.etree

from extractor.crawl.urls import canonicalize
from extractor.errors import CrawlError

DocumentKind = Literal["robots", "sitemap", "feed"]

# The sitemap protocol caps a file at 50 MB uncompressed; more than that is not a sitemap.
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
_GZIP_MAGIC = b"\x1f\x8b"
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json")


@dataclass(frozen=True, slots=True)
class Sitemap:
    """What one sitemap file lists: page URLs (a urlset) or more sitemaps (an index)."""

    pages: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PageLinks:
    """The links of an HTML page in document order, and the feeds it declares."""

    links: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()


def gunzip(body: bytes, *, limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    """The body, or its gzip content when it starts with the gzip magic (capped at ``limit``)."""
    if not body.startswith(_GZIP_MAGIC):
        return body
    inflater = zlib.decompressobj(wbits=31)
    try:
        data = inflater.decompress(body, limit + 1)
    except zlib.error as exc:
        raise CrawlError(f"a gzip document cannot be read: {exc}") from exc
    if len(data) > limit:
        raise CrawlError(f"a gzip document is larger than {limit} bytes")
    return data


def _xml_parser() -> lxml.etree.XMLParser:
    # One per call: a parser object must not be shared by threads (two crawls may run at once).
    # No entities, no network: a sitemap is data from a stranger.
    return lxml.etree.XMLParser(
        resolve_entities=False, no_network=True, recover=True, remove_comments=True
    )


def _html_parser() -> lxml.etree.HTMLParser:
    return lxml.etree.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, collect_ids=False
    )


def _local(tag: object) -> str:
    """The local name of an element, whatever its namespace."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].lower()


def _xml_root(body: bytes) -> lxml.etree._Element | None:
    data = gunzip(body).lstrip()
    if not data:
        return None
    try:
        return lxml.etree.fromstring(data, parser=_xml_parser())
    except lxml.etree.XMLSyntaxError:
        return None


def sniff(body: bytes, content_type: str | None = None) -> DocumentKind | None:
    """Whether a body is a sitemap or a feed, by its root element (gzip is looked through)."""
    media = (content_type or "").split(";", 1)[0].strip().lower()
    if media in ("text/html", "application/xhtml+xml"):
        return None
    try:
        # A gzip prefix inflates to a prefix of the document: enough to see its root element.
        head = gunzip(body[:65536])[:4096].lower()
    except CrawlError:
        return None
    if b"<urlset" in head or b"<sitemapindex" in head:
        return "sitemap"
    if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
        return "feed"
    return None


def document_kind(url: str, body: bytes, content_type: str | None = None) -> DocumentKind | None:
    """Whether a response is a robots.txt, a sitemap or a feed rather than a page.

    The crawl reads such documents for URLs and writes no record for them; a reader of the
    crawl's WARC files can use the same test to leave them out.
    """
    if urlsplit(url).path == "/robots.txt":
        return "robots"
    return sniff(body, content_type)


def parse_sitemap(body: bytes, url: str) -> Sitemap:
    """The URLs a sitemap lists: a urlset, a sitemap index or a plain-text list; .gz too."""
    data = gunzip(body)
    root = _xml_root(data)
    if root is None:
        if b"<" in data[:512]:
            raise CrawlError("the sitemap is not well-formed XML", url=url)
        # A text sitemap: one absolute URL a line.
        text = data.decode("utf-8", errors="replace")
        return Sitemap(pages=_canonical(line.strip() for line in text.splitlines()))
    kind = _local(root.tag)
    if kind not in ("urlset", "sitemapindex"):
        raise CrawlError(
            f"the sitemap's root element is <{kind}>, not <urlset> or <sitemapindex>", url=url
        )
    locs = (
        (child.text or "").strip()
        for entry in root
        if _local(entry.tag) in ("url", "sitemap")
        for child in entry
        if _local(child.tag) == "loc"
    )
    found = _canonical(locs, base=url)
    return Sitemap(sitemaps=found) if kind == "sitemapindex" else Sitemap(pages=found)


def parse_feed(body: bytes, url: str) -> tuple[str, ...]:
    """The item links of an RSS 2.0, RSS 1.0 (RDF) or Atom feed, in feed order."""
    root = _xml_root(body)
    if root is None:
        raise CrawlError("the feed is not well-formed XML", url=url)
    if _local(root.tag) not in ("rss", "feed", "rdf", "channel"):
        raise CrawlError(f"the feed's root element is <{_local(root.tag)}>", url=url)
    found: list[str] = []
    for el in root.iter():
        name = _local(el.tag)
        if name == "item":
            about = el.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")
            link = next((c for c in el if _local(c.tag) == "link" and (c.text or "").strip()), None)
            if link is not None:
                found.append((link.text or "").strip())
            elif about:
                found.append(about)
        elif name == "entry":
            found.extend(_atom_link(el))
    base = root.get("{http://www.w3.org/XML/1998/namespace}base") or url
    return _canonical(found, base=base)


def _atom_link(entry: lxml.etree._Element) -> Iterator[str]:
    links = [c for c in entry if _local(c.tag) == "link" and c.get("href")]
    chosen = next((c for c in links if c.get("rel", "alternate") == "alternate"), None)
    if chosen is not None:
        yield str(chosen.get("href"))


def robots_sitemaps(text: str, url: str) -> tuple[str, ...]:
    """The ``Sitemap:`` lines of a robots.txt, absolute and canonical, in file order."""
    found = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        name, sep, value = line.partition(":")
        if sep and name.strip().lower() == "sitemap" and value.strip():
            found.append(value.strip())
    return _canonical(found, base=url)


def page_links(html: str, url: str) -> PageLinks:
    """Every ``<a href>`` / ``<area href>`` of a page in document order, and its declared feeds.

    ``<base href>`` is honoured; links marked ``rel=nofollow`` and non-web schemes are left out.
    """
    if not html.strip():
        return PageLinks()
    try:
        root = lxml.etree.fromstring(html.encode("utf-8", errors="replace"), parser=_html_parser())
    except (lxml.etree.XMLSyntaxError, lxml.etree.ParserError, ValueError):
        return PageLinks()
    if root is None:
        return PageLinks()
    base = url
    for el in root.iter("base"):
        href = el.get("href")
        if href:
            base = canonicalize(href, url) or url
        break
    links: list[str] = []
    feeds: list[str] = []
    for el in root.iter("a", "area", "link"):
        href = el.get("href")
        if not href:
            continue
        rel = (el.get("rel") or "").lower().split()
        if el.tag == "link":
            if "alternate" in rel and (el.get("type") or "").lower() in _FEED_TYPES:
                feeds.append(href)
            continue
        if "nofollow" in rel:
            continue
        links.append(href)
    return PageLinks(links=_canonical(links, base=base), feeds=_canonical(feeds, base=base))


def _canonical(urls: Iterable[str], *, base: str | None = None) -> tuple[str, ...]:
    """Canonical forms in first-seen order, without repeats or unusable entries."""
    seen: dict[str, None] = {}
    for raw in urls:
        canonical = canonicalize(raw, base) if raw else None
        if canonical:
            seen.setdefault(canonical, None)
    return tuple(seen)
