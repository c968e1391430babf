"""Landing pages: a page whose text is its listing of cards, with no article beside it."""

from __future__ import annotations

from collections.abc import Callable

from extractor.parse.dom import Block, HtmlElement

# A body this short is a page's intro, not an article; past it the cards are related reads.
_MAX_BODY_CHARS = 1000
# The cards must outweigh the body several times over, and carry some prose of their own.
_LISTING_RATIO = 3
_MIN_LISTING_CHARS = 500


def landing_content(
    all_blocks: list[Block],
    content: list[Block],
    root: HtmlElement,
    is_listed: Callable[[Block], bool],
) -> list[Block] | None:
    """The body of a landing page (its intro and every card's text, in page order), or None.

    A product's front page has a line of intro and a grid of feature cards ("Page Inspector:
    examine the HTML and CSS..."); the cards are what the page says, so a reader takes them as
    its text. An article with a short body and long related-story cards is told apart three
    ways: on a landing page the cards' own prose (their text less their links) is several
    times the body's, the cards sit beside the intro in its own container (``root``'s parent)
    rather than in a rail or a list after the story, and most card titles are plain headings,
    where stories' cards are titled by their links (a section front of news is no text).
    """
    body_chars = sum(len(b.text) for b in content)
    if body_chars >= _MAX_BODY_CHARS:
        return None
    listed = [b for b in all_blocks if is_listed(b)]
    listing_chars = sum(len(b.text) - b.link_chars for b in listed)
    if listing_chars < _MIN_LISTING_CHARS or listing_chars < _LISTING_RATIO * body_chars:
        return None
    titles = [b.link_density > 0.5 for b in listed if b.heading_level]
    if sum(titles) * 2 >= len(titles):
        return None  # cards titled by their links: a section front of stories, not features
    parent = root.getparent()
    if parent is None or not any(_inside(b.el, parent) for b in listed):
        return None
    chosen = {id(b) for b in content}
    chosen.update(id(b) for b in listed)
    return [b for b in all_blocks if id(b) in chosen]


def _inside(el: HtmlElement, container: HtmlElement) -> bool:
    return any(a is container for a in el.iterancestors())
