"""What a block's place and shape tell of its cards: the later stories of a stream, the rows
of a data table, cards closing the text, headings that link to a section."""

from __future__ import annotations

import re

from extractor.parse.dom import HtmlElement
from extractor.parse.teaser_cards import Card, signature
from extractor.parse.teaser_page import PageReader

__all__ = [
    "closing_cards",
    "data_table_rows",
    "in_a_later_story",
    "links_a_section",
    "story_path",
]

# Text enough for a whole story, not a card of one.
_FULL_STORY_CHARS = 2000


def in_a_later_story(el: HtmlElement, page: PageReader) -> bool:
    """Whether ``el`` sits in a story that follows another full story of the same kind.

    A page that runs on into the next stories (a stream of whole <article>s, the first one
    being the page's own) shows each story with its own related list; those lists belong to
    the stories they close, not to the page.
    """
    for node in el.iterancestors("article"):
        sig = signature(node)
        prev = node.getprevious()
        while prev is not None:
            if (
                prev.tag == "article"
                and signature(prev) == sig
                and page.size(prev) >= _FULL_STORY_CHARS
            ):
                return True
            prev = prev.getprevious()
    return False


def closing_cards(
    linking: list[tuple[HtmlElement, list[tuple[HtmlElement, str]]]],
    cards: list[Card],
    page: PageReader,
) -> bool:
    """Whether a run of cards, each with a headline and a summary, closes the text it sits in.

    Story cards set after the last paragraph of an article's text (ad slots may come between
    them) are its related block even without a heading; links between paragraphs are the
    text's.
    """
    if any(not card.title or not card.blurb for card in cards):
        return False
    return not any(
        isinstance(after.tag, str) and page.has_text(after)
        for after in linking[-1][0].itersiblings()
    )


def data_table_rows(cards: list[Card], page: PageReader) -> bool:
    """Whether the cards are rows of a data table: a table with column heads whose rows give
    a value in three cells or more ("Model | Price | Grade"), none of them a date.

    Such rows link to the records they tabulate (a product's test, a player's page), not to
    stories.
    """
    if any(card.el.tag != "tr" or card.date_text for card in cards):
        return False
    table = next(cards[0].el.iterancestors("table"), None)
    if table is None or len(table.xpath(".//th[normalize-space()]")) < 2:
        return False
    return all(
        sum(1 for cell in card.el if cell.tag in ("td", "th") and page.text(cell)) >= 3
        for card in cards
    )


# Paths of a site's sections and categories ("/category/kategorien/produkte/", "/ressort/").
_SECTION_PATH_RE = re.compile(
    r"/(categor(y|ies)|kategorien?|rubri(k|ken|que|ques)|ressorts?|sections?|topics?|thema|themen)/",
    re.IGNORECASE,
)


def links_a_section(heading_el: HtmlElement | None) -> bool:
    """Whether a block's heading links to a section of the site: the list under it gives that
    section's latest stories ("Produkte" over the newest posts filed under it)."""
    if heading_el is None:
        return False
    link = heading_el if heading_el.tag == "a" else heading_el.find(".//a[@href]")
    return link is not None and _SECTION_PATH_RE.search(link.get("href") or "") is not None


# A path that names one story: a date or number ("/2016/07/11/cut/", "_177461523.html") or a
# slug of three words or more; a section's path ("/sports/college-football") has neither.
_STORY_PATH_RE = re.compile(r"\d{4}|[^\W_]+[-_][^\W_]+[-_][^\W_]+")


def story_path(url: str) -> bool:
    path = url.split("//", 1)[-1].partition("/")[2].partition("?")[0]
    return _STORY_PATH_RE.search(path) is not None
