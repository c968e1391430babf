"""Lists of story-like links that are no teasers: a recent-comments widget, priced offers, a
blog's archive tree."""

from __future__ import annotations

import re

from extractor.parse.dom import HtmlElement, tokens
from extractor.parse.teaser_cards import Card
from extractor.parse.teaser_links import links_one_comment
from extractor.parse.teaser_page import PageReader


def comment_entries(cards: list[Card]) -> bool:
    """Whether most cards hold a link to one comment: a recent-comments widget, whose items
    quote a comment and then name the post it was left on ("<excerpt> zu <post title>")."""
    # Most of the cards must: the count stops once it is reached or out of reach.
    needed = len(cards) // 2 + 1
    entries = 0
    for index, card in enumerate(cards):
        if any(_links_one_comment(a) for a in card.el.iter("a")):
            entries += 1
            if entries >= needed:
                return True
        elif entries + len(cards) - index - 1 < needed:
            return False
    return False


def _links_one_comment(link: HtmlElement) -> bool:
    href = link.get("href")
    return href is not None and "#" in href and links_one_comment(href)


# A price shown on its own: "EUR 14900,--", "$29.99", "1.299 €", "CHF 45.-".
_PRICE_TAG_RE = re.compile(
    r"^(?:(?:[$€£¥]|(?:EUR|USD|GBP|CHF|HUF|PLN|CZK|SEK|NOK|DKK|CAD|AUD)\s)\s*\d[\d.,' ]*"
    r"|\d[\d.,' ]*\s*(?:[$€£]|EUR|USD|GBP|CHF))(?:,-+|\.-+|,--|\*)?$"
)


_CURRENCY_RE = re.compile(r"[$€£¥]|\b(?:EUR|USD|GBP|CHF|HUF|PLN|CZK|SEK|NOK|DKK|CAD|AUD)\b")


def price_tagged(cards: list[Card], page: PageReader) -> bool:
    """Whether most cards show a price tag, an element of its own holding only a price: a
    shop's or a classifieds' listing ("Gebrauchtmaschinen"), whose items are offers."""
    needed = len(cards) // 2 + 1
    tagged = 0
    for index, card in enumerate(cards):
        if tagged + len(cards) - index < needed:
            return False  # too few cards left to show one
        if _CURRENCY_RE.search(page.text(card.el)) is None:
            continue  # most cards show no currency at all
        for el in card.el.iterdescendants():
            if len(el) or not isinstance(el.tag, str) or not el.text:
                continue
            text = page.text(el)
            if len(text) <= 24 and _PRICE_TAG_RE.match(text):
                tagged += 1
                break
        if tagged >= needed:
            return True
    return False


# Class and id words of a blog's archive widget: Blogger's "BlogArchive" / "ArchiveList",
# WordPress's "widget_archive".
_ARCHIVE_WORDS = frozenset(
    {"archive", "archives", "archiv", "blogarchive", "archivelist", "archive-list"}
)
# Levels above a list looked at: the posts of a month sit three lists deep in the tree.
_ARCHIVE_LEVELS = 8


def in_archive_tree(container: HtmlElement) -> bool:
    """Whether a list sits in a blog's archive widget, which lists its posts under years and
    months: chronological navigation, not a block of recommended stories."""
    node: HtmlElement | None = container
    for _ in range(_ARCHIVE_LEVELS):
        if node is None or node.tag in ("body", "html", "article", "main"):
            return False
        if not _ARCHIVE_WORDS.isdisjoint(tokens(node)):
            return True
        node = node.getparent()
    return False
