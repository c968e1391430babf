"""What a block's layout tells: lists inside columns, lead stories, tickers, sidebars, kinds."""

from __future__ import annotations

import re
from functools import lru_cache

import lxml.etree

from extractor.parse.dom import HtmlElement
from extractor.parse.teaser_cards import MAX_CARD_CHARS, Card, signature, words
from extractor.parse.teaser_page import PageReader

# Class and id words of scrolling strips: a ticker is navigation even when it lists stories.
# Strips of headlines across the top of the page ("trending-bar") are navigation.
_TICKER_RE = re.compile(r"ticker|marquee|breaking|trending[-_]?(bar|strip)", re.IGNORECASE)
# "Breaking" names a scrolling strip of bare headlines and a static list of stories alike.
_BREAKING_RE = re.compile(r"breaking", re.IGNORECASE)


def in_marked_aside(el: HtmlElement, page: PageReader) -> bool:
    """Whether the element marked around ``el`` is an <aside>, a sidebar marked as navigation
    for its many links, with no menu (<nav>, role="navigation") between."""
    for node in el.iterancestors():
        if node.tag == "nav" or node.get("role") == "navigation":
            return False
        if node in page.zones:
            return bool(node.tag == "aside")
    return False


def holds_a_list(member: HtmlElement, page: PageReader) -> bool:
    """Whether ``member`` (or an element inside it) holds two or more children of one kind that
    link to different stories under titles of three words or more: a list, not one card."""
    counts = page.linking_children
    for el in member.iter():
        if counts.get(el, 0) < 2:
            continue
        targets: dict[str, set[str]] = {}
        for child in el:
            if child not in page.linked or words(page.text(child)) < 3:
                continue
            url = next((u for link in child.iter("a") if (u := page.link_urls.get(link))), None)
            if url is not None:
                targets.setdefault(signature(child), set()).add(url)
        if any(len(urls) >= 2 for urls in targets.values()):
            return True
    return False


_CARD_HEADINGS = ("h2", "h3", "h4", "h5")


def is_lead_card(
    child: HtmlElement, page: PageReader, headings: tuple[str, ...] = _CARD_HEADINGS
) -> bool:
    """Whether a first child of another kind than the cards after it is their lead story: a
    picture and a headline of three words or more, within a card's length."""
    if next(child.iter("img"), None) is None:
        return False
    heading = next(child.iter(*headings), None)
    if heading is None:
        heading = _named_headline(child)
    return (
        heading is not None
        and words(page.text(heading)) >= 3
        and page.size(child) <= MAX_CARD_CHARS
    )


# Class words of a headline set in no heading element ("<p class='tsr-Base_Headline'>").
_HEADLINE_CLASS_RE = re.compile(r"headline", re.IGNORECASE)


def _named_headline(card: HtmlElement) -> HtmlElement | None:
    """The first element inside ``card`` whose class names it a headline."""
    for el in card.iterdescendants():
        if isinstance(el.tag, str) and _HEADLINE_CLASS_RE.search(el.get("class") or ""):
            return el
    return None


def sharing_a_class(
    children: list[HtmlElement], page: PageReader, fewest: int = 1
) -> list[HtmlElement]:
    """The children of the commonest tag that carry the class token most of them share; none
    when fewer than ``fewest`` share one (a group too small to matter is not sized)."""
    # The children carrying each (tag, token), in their order, gathered as they are counted.
    groups: dict[tuple[str, str], list[HtmlElement]] = {}
    for child in children:
        classes = child.get("class")
        if not classes:
            continue
        tag = str(child.tag)
        for token in _kind_tokens(classes):
            groups.setdefault((tag, token), []).append(child)
    if not groups:
        return []
    most = max(len(group) for group in groups.values())
    if most < fewest:
        return []
    tied = [group for group in groups.values() if len(group) == most]
    best = tied[0]
    best_size: int | None = None
    for group in tied[1:]:  # the wordiest of the commonest, the first seen on a tie
        if group == best:
            continue  # another class of the same children ("card", "card--small")
        if best_size is None:
            best_size = text_size(best, page)
        size = text_size(group, page)
        if size > best_size:
            best, best_size = group, size
    return best


@lru_cache(maxsize=4096)
def _kind_tokens(classes: str) -> tuple[str, ...]:
    # Cached: a page repeats a few class strings over its many cards. In their written order,
    # each once: ties between groups go to the first seen, the same in every process (a set's
    # order of strings changes with the interpreter's hash seed).
    return tuple(token for token in dict.fromkeys(classes.split()) if not token[-1].isdigit())


def text_size(elements: list[HtmlElement], page: PageReader) -> int:
    size = page.size
    return sum(size(el) for el in elements)


def ticker_kind(container: HtmlElement) -> str | None:
    """What names a container (or its two nearest ancestors) as a strip of headlines: "strip"
    for a ticker, "breaking" for a "breaking news" box (a ticker or a list), else None."""
    node: HtmlElement | None = container
    for _ in range(3):
        if node is None:
            return None
        if node.tag == "marquee":
            return "strip"
        kind = _ticker_name_kind((node.get("class") or "") + " " + (node.get("id") or ""))
        if kind is not None:
            return kind
        node = node.getparent()
    return None


@lru_cache(maxsize=4096)
def _ticker_name_kind(names: str) -> str | None:
    # Cached: the same wrappers are asked about for every list inside them.
    found = _TICKER_RE.search(names)
    if found is None:
        return None
    return "breaking" if _BREAKING_RE.fullmatch(found[0]) else "strip"


def shows_stories(cards: list[Card]) -> bool:
    """Whether a card shows its story's date or a picture (the lead story's, at least): a list
    of stories; a ticker scrolls one line of bare headlines."""
    return any(
        card.date_text or card.date_attr or next(card.el.iter("img"), None) is not None
        for card in cards
    )


def pictured_sidebar_list(container: HtmlElement, members: list[HtmlElement]) -> bool:
    """Whether a list named a ticker is a sidebar box of pictured stories ("cnetTicker": a
    thumbnail and a headline per item, in an <aside>): a static list, not a scrolling strip,
    which runs one line of bare headlines across the page."""
    if not all(next(member.iter("img"), None) is not None for member in members):
        return False
    return any(
        node.tag == "aside" or node.get("role") == "complementary"
        for node in container.iterancestors()
    )


# Responsive classes that hide an element at a desktop's width ("hide-desktop",
# "a-u-hide-from-desktop", "hidden-on-desktop"): a copy of a box for phones and tablets.
_HIDDEN_ON_DESKTOP_RE = re.compile(r"(?:^|[-_])(?:hide|hidden)[-_](?:(?:from|on|for)[-_])?desktop$")


# The elements around one (itself included) whose class speaks of desktops: found in C.
_DESKTOP_CLASSED = lxml.etree.XPath("ancestor-or-self::*[contains(@class, 'desktop')]/@class")


def hidden_on_desktop(el: HtmlElement, *, ancestors: bool = True) -> bool:
    """Whether ``el`` (or, with ``ancestors``, an element around it) is hidden on a desktop."""
    if not ancestors:
        cls = el.get("class")
        return bool(cls and "desktop" in cls and _hides_on_desktop(cls))
    return any(_hides_on_desktop(str(cls)) for cls in _DESKTOP_CLASSED(el))


@lru_cache(maxsize=1024)
def _hides_on_desktop(cls: str) -> bool:
    return any(_HIDDEN_ON_DESKTOP_RE.search(name) for name in cls.lower().split())
