"""Stacks of one-story widgets under the first one's heading: one block of teasers."""

from __future__ import annotations

from extractor.parse import vocab
from extractor.parse.dom import HtmlElement
from extractor.parse.teaser_cards import Card, card_links, signature, words
from extractor.parse.teaser_headings import names_a_block
from extractor.parse.teaser_page import PageReader

__all__ = ["stacked_stories"]


def stacked_stories(
    containers: list[HtmlElement], page: PageReader, taken: set[HtmlElement]
) -> list[tuple[HtmlElement, str, list[Card]]]:
    """Runs of sibling widgets of one kind that each show one story, the first one headed
    by a name of a block ("Beliebteste Beiträge") and the others not headed at all.

    A blog sidebar may print a "featured post" widget once per story: the reader sees one
    box of stories under one heading. Each run comes with its heading element, its heading and
    its cards; widgets inside ``taken`` (found in another block) are not read.
    """
    # Only a widget that opens with a heading can start a stack: the search goes from the
    # page's few headings to their runs, not through every child of every container.
    found = []
    linked = page.linked
    within = set(containers)
    root = containers[0].getroottree().getroot() if containers else None
    for heading in root.iter(*vocab.HEADING_TAGS) if root is not None else ():
        widget = heading.getparent()
        if widget is None or widget not in linked or widget in taken:
            continue
        if widget.getparent() not in within or _first_element(widget) is not heading:
            continue
        kind = signature(widget)
        if _run_goes_on_before(widget, kind, page, taken):
            continue  # a run that started before this widget: its first widget has no heading
        run = [widget]
        for child in widget.itersiblings():
            if not isinstance(child.tag, str):
                continue
            if child not in linked or signature(child) != kind:
                break
            if child not in taken:
                run.append(child)
        if len(run) > 1:
            found.extend(_read_run(run, page, taken))
    return found


def _first_element(el: HtmlElement) -> HtmlElement | None:
    return next((child for child in el if isinstance(child.tag, str)), None)


def _run_goes_on_before(
    widget: HtmlElement, kind: str, page: PageReader, taken: set[HtmlElement]
) -> bool:
    """Whether a widget of the same kind before this one (widgets found in other blocks passed
    over) starts the run this one is in."""
    for child in widget.itersiblings(preceding=True):
        if not isinstance(child.tag, str):
            continue
        if child not in page.linked or signature(child) != kind:
            return False
        if child not in taken:
            return True
    return False


def _read_run(
    run: list[HtmlElement], page: PageReader, taken: set[HtmlElement]
) -> list[tuple[HtmlElement, str, list[Card]]]:
    if len(run) < 2 or any(el in taken for el in run):
        return []
    heading = _opening_heading(run[0], page)
    if heading is None or not names_a_block(page.text(heading)):
        return []
    cards = []
    for widget in run:
        if widget is not run[0] and _opening_heading(widget, page) is not None:
            return []  # a widget with a heading of its own is a box of its own
        card = _one_story(widget, page)
        if card is None:
            return []
        cards.append(card)
    if len({card.url for card in cards}) < len(cards):
        return []
    return [(heading, page.text(heading), cards)]


def _opening_heading(widget: HtmlElement, page: PageReader) -> HtmlElement | None:
    """The heading element the widget opens with, if it has text."""
    first = next((el for el in widget if isinstance(el.tag, str)), None)
    if first is None or first.tag not in vocab.HEADING_TAGS or not page.text(first):
        return None
    if first.find(".//a") is not None:
        return None  # a linked heading is a story's title, not a widget's name
    return first


def _one_story(widget: HtmlElement, page: PageReader) -> Card | None:
    """The widget's one story: all its links lead there, and the longest link text of three
    words or more is the title."""
    links = card_links(widget, page)
    if not links or len({url for _, url in links}) != 1:
        return None
    title = max((page.text(link) for link, _ in links), key=len)
    if words(title) < 3:
        return None
    return Card(widget, links[0][1], title, None, None, None)
