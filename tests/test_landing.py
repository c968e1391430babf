"""Tests of parse.landing: a page of cards and a line of intro reads as its cards."""

from __future__ import annotations

from datetime import UTC, datetime

import lxml.etree

from extractor.parse.dom import Block
from extractor.parse.landing import landing_content
from extractor.pipeline import extract

NOW = datetime(2026, 11, 24, tzinfo=UTC)
PROSE = (
    "The council voted on Tuesday to close the old bridge for repairs, and the works will take "
    "most of the year, officials said after a long meeting with residents of both banks. "
)


def _card(i: int) -> str:
    return (
        f"<li class='feature'><h2>Tool number {i}</h2><p>Examine and change the page with tool "
        f"number {i}, a panel that shows what the browser does while it loads the page.</p>"
        f"<a href='/tools/{i}'>Learn more about tool number {i}</a></li>"
    )


def _page(body: str, cards: int = 8) -> str:
    items = "".join(_card(i) for i in range(cards))
    return (
        "<html><head><title>Welcome to the Developer Browser</title></head><body><main><section>"
        f"<header><h1>Welcome to the Developer Browser</h1></header>{body}"
        f"<ul class='features'>{items}</ul></section></main></body></html>"
    )


def test_a_landing_page_reads_as_its_cards() -> None:
    intro = "<p>Get to know the features that make it the browser for building the Web.</p>"
    record = extract(_page(intro), "https://browser.example/developer/", now=NOW)
    assert "Examine and change the page with tool number 5" in record.text
    assert "Tool number 0" in record.text
    assert len(record.teasers) == 8  # the cards are still the page's teasers too


def test_an_article_keeps_its_related_cards_out_of_the_body() -> None:
    body = "".join(f"<p>{PROSE}Paragraph {i} goes on.</p>" for i in range(6))
    record = extract(_page(body), "https://news.example/2024/05/bridge", now=NOW)
    assert "Paragraph 5 goes on." in record.text
    assert "tool number" not in record.text


def _blocks(
    cards: int,
    card_chars: int,
    card_links: int = 0,
    apart: bool = False,
    linked_titles: bool = False,
) -> list[Block]:
    """An intro paragraph of 300 characters and titled cards in its container or another one."""
    page = lxml.etree.fromstring(
        "<body><section><div><p/></div><ul/></section><aside><ul/></aside></body>"
    )
    intro = page.find("section/div/p")
    grid = page.find("aside/ul" if apart else "section/ul")
    assert intro is not None and grid is not None
    found = [Block(intro, "x" * 300, 0, 0, 0, None)]
    for i in range(cards):
        item = lxml.etree.SubElement(grid, "li")
        title = lxml.etree.SubElement(item, "h2")
        found.append(Block(title, "Title", 5 if linked_titles else 0, 0, 2 * i + 1, "card"))
        found.append(Block(item, "y" * card_chars, card_links, 0, 2 * i + 2, "card"))
    return found


def _listed(block: Block) -> bool:
    return block.zone == "card"


def _landing(blocks: list[Block]) -> list[int] | None:
    root = blocks[0].el.getparent()
    assert root is not None
    found = landing_content(blocks, blocks[:1], root, _listed)
    return None if found is None else [b.index for b in found]


def test_the_cards_must_outweigh_the_body_several_times() -> None:
    assert _landing(_blocks(4, 200)) is None  # 800 < 3 * 300
    assert _landing(_blocks(5, 200)) == list(range(11))


def test_link_text_of_cards_does_not_count_as_their_prose() -> None:
    assert _landing(_blocks(10, 200, card_links=200)) is None


def test_cards_in_another_container_are_related_reads() -> None:
    assert _landing(_blocks(10, 200, apart=True)) is None


def test_cards_titled_by_their_links_are_a_section_front_not_a_landing_text() -> None:
    assert _landing(_blocks(10, 200, linked_titles=True)) is None
