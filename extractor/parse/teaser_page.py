"""What one teaser search reads more than once: element texts, sizes, zones, link targets."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import lxml.etree

from extractor.parse.dom import HtmlElement, collapse, text_of
from extractor.parse.teaser_links import PageKey, link_target

__all__ = ["PageReader"]

_TEXT_LENGTH = lxml.etree.XPath("string-length(normalize-space())")


class PageReader:
    """What one search reads more than once, kept per element: texts, zones, link targets; and
    per text: the dates found in it (a card's lines are read by several steps)."""

    __slots__ = (
        "_dates",
        "_find_date",
        "base_url",
        "key",
        "link_urls",
        "linked",
        "linking_children",
        "page_chars",
        "post_navigation",
        "sizes",
        "targets_of_hrefs",
        "texts",
        "zone_of_el",
        "zones",
    )

    def __init__(
        self,
        zones: Mapping[HtmlElement, object],
        find_date: Callable[[str], str | None],
        base_url: str | None,
        key: PageKey | None,
    ) -> None:
        self.zones = zones
        self._find_date = find_date
        self._dates: dict[str, str | None] = {}
        self.targets_of_hrefs: dict[str, str | None] = {}
        self.texts: dict[HtmlElement, str] = {}
        self.sizes: dict[HtmlElement, int] = {}
        self.zone_of_el: dict[HtmlElement, object | None] = {}
        self.link_urls: dict[HtmlElement, str | None] = {}
        self.base_url = base_url
        self.key = key
        self.linked: set[HtmlElement] = set()  # elements holding a standalone article link
        # How many children of an element hold one: a container needs two to be worth reading.
        self.linking_children: dict[HtmlElement, int] = {}
        self.page_chars: int | None = None  # the whole page's text length, once asked
        # Boxes of previous/next post links met by the search: navigation, not teasers.
        self.post_navigation: list[HtmlElement] = []

    def resolve(self, link: HtmlElement) -> str | None:
        # Menus, cards and footers repeat the same hrefs: one lookup per href and page.
        href = link.get("href") or ""
        try:
            return self.targets_of_hrefs[href]
        except KeyError:
            return self.resolve_href(href)

    def resolve_href(self, href: str) -> str | None:
        """Look an href up for the first time and keep its answer."""
        url = self.targets_of_hrefs[href] = link_target(href.strip(), self.base_url, self.key)
        return url

    def find_date(self, text: str) -> str | None:
        """The date part of a short text, once per text and search."""
        try:
            return self._dates[text]
        except KeyError:
            found = self._dates[text] = self._find_date(text)
            return found

    def text(self, el: HtmlElement) -> str:
        """``text_of(el)``, once per element; an element with one child element is read from
        its own text pieces and its child's text (a heading around a link, a link around a
        span: the child's text is often known already)."""
        found = self.texts.get(el)
        if found is None:
            count = len(el)
            if count == 0:
                lead = el.text
                found = collapse(lead) if lead else ""
            elif count == 1 and isinstance(el[0].tag, str):
                # Collapsing joins pieces with single spaces, so it collapses piece by piece.
                child = el[0]
                found = self.text(child)
                lead, tail = el.text, child.tail
                if lead and (lead := collapse(lead)):
                    found = f"{lead} {found}" if found else lead
                if tail and (tail := collapse(tail)):
                    found = f"{found} {tail}" if found else tail
            else:
                found = text_of(el)
            self.texts[el] = found
        return found

    def has_text(self, el: HtmlElement) -> bool:
        """Whether ``text(el)`` is not empty, found at the first piece of text when not read yet
        (the paragraphs around a run of links are passed over, never read)."""
        found = self.texts.get(el)
        if found is not None:
            return bool(found)
        return any(collapse(piece) for piece in el.itertext())

    def size(self, el: HtmlElement) -> int:
        """The length of an element's text, spaces normalised (counted by libxml2, once: the
        kind, layout and widget checks of a block measure the same siblings)."""
        found = self.sizes.get(el)
        if found is None:
            found = self.sizes[el] = int(_TEXT_LENGTH(el))
        return found

    def zone(self, el: HtmlElement) -> object | None:
        """The mark of the nearest marked ancestor-or-self, memoised along the way up."""
        path = []
        node: HtmlElement | None = el
        zone: object | None = None
        while node is not None:
            if node in self.zone_of_el:
                zone = self.zone_of_el[node]
                break
            if node in self.zones:
                zone = self.zones[node]
                break
            path.append(node)
            node = node.getparent()
        for seen in path:
            self.zone_of_el[seen] = zone
        return zone
