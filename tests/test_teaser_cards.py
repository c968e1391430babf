"""The per-search reader of teaser cards: what it keeps so that nothing is read twice."""

from __future__ import annotations

import lxml.etree

from extractor.parse.dom import parse_document
from extractor.parse.teaser_cards import _leaf_date, signature
from extractor.parse.teaser_links import page_key
from extractor.parse.teaser_page import PageReader


def test_each_href_is_resolved_and_each_text_dated_once_per_search() -> None:
    root = parse_document(
        "<html><body><a href='/news/1'>One</a><a href='/news/1'>Again</a>"
        "<a href='#top'>Top</a></body></html>"
    )
    asked: list[str] = []

    def find_date(text: str) -> str | None:
        asked.append(text)
        return "3 hours ago" if "ago" in text else None

    page = PageReader({}, find_date, "https://example.org/", page_key("https://example.org/a"))
    links = root.findall(".//a")
    assert [page.resolve(link) for link in links] == [
        "https://example.org/news/1",
        "https://example.org/news/1",
        None,
    ]
    assert list(page.targets_of_hrefs) == ["/news/1", "#top"]
    assert page.find_date("3 hours ago") == "3 hours ago"
    assert page.find_date("3 hours ago") == "3 hours ago"
    assert page.find_date("no date") is None
    assert page.find_date("no date") is None
    assert asked == ["3 hours ago", "no date"]


def test_signatures_ignore_numbered_classes_and_class_order() -> None:
    a = lxml.etree.fromstring("<li class='card item-3 big'/>")
    b = lxml.etree.fromstring("<li class='big card'/>")
    assert signature(a) == signature(b) == "li.big"
    assert signature(lxml.etree.fromstring("<div/>")) == "div."


def test_the_commonest_signature_wins_and_a_tie_goes_to_the_first_seen() -> None:
    from extractor.parse.teasers import _most_common

    assert _most_common(["li.a", "div.", "li.a"]) == ("li.a", 2)
    assert _most_common(["div.", "li.a", "li.a", "div."]) == ("div.", 2)
    assert _most_common(["p."]) == ("p.", 1)


def _dated(text: str) -> str | None:
    return "3 hours ago" if "hours ago" in text else None


def test_a_leaf_date_is_read_from_a_piece_of_its_own_with_its_element_machine_value() -> None:
    root = parse_document(
        "<html><body><div class='card'><h3><a href='/s'>A title 3 hours ago</a></h3>"
        "<span data-datetime='2026-11-23T09:00:00Z'>3 hours ago</span></div>"
        "<div class='other'><p data-time='x'><b>News</b> 3 hours ago</p></div></body></html>"
    )
    page = PageReader({}, _dated, "https://example.org/", None)
    card, other = root.find(".//div[@class='card']"), root.find(".//div[@class='other']")
    # The title's own text is passed over; the span shows the date and carries its value.
    assert _leaf_date(card, card.find(".//h3"), "A title 3 hours ago", page) == (
        "3 hours ago",
        "2026-11-23T09:00:00Z",
    )
    # A date in a tail belongs to the tail's parent.
    assert _leaf_date(other, None, None, page) == ("3 hours ago", "x")
    assert _leaf_date(
        card, card.find(".//h3"), None, PageReader({}, lambda t: None, None, None)
    ) == (
        None,
        None,
    )


def test_page_reader_sizes_are_normalised_text_lengths_kept_per_element() -> None:
    root = parse_document("<div><p>  Two   words </p><p>\n</p></div>")
    first, second = root.iter("p")
    page = PageReader({}, lambda t: None, None, None)
    assert (page.size(first), page.size(second)) == (9, 0)
    first.text = "changed"  # the search never edits the tree: a kept size is not measured again
    assert page.size(first) == 9


def test_has_text_agrees_with_the_text_read() -> None:
    root = parse_document(
        "<div><p> \n </p><p>\u200b\u00ad</p><p>\u00a0</p><p><b></b> x</p><p>\u200bé</p></div>"
    )
    page = PageReader({}, lambda t: None, None, None)
    for p in root.iter("p"):
        assert page.has_text(p) == bool(PageReader({}, lambda t: None, None, None).text(p))
    assert [page.has_text(p) for p in root.iter("p")] == [False, False, False, True, True]
