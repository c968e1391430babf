"""Tests of boilerplate._holds_prose: a container named as boilerplate that reads as the article."""

from __future__ import annotations

from extractor.parse import dom
from extractor.parse.boilerplate import PageChars, _holds_prose
from extractor.parse.dom import HtmlElement

PROSE = "x" * 1000  # long text of no link
# A page length of 0, known already: no container is weighed against the page.
_NO_TOTAL = PageChars(dom.parse_document("<html><body></body></html>"), 0)


def _el(inner: str) -> HtmlElement:
    root = dom.parse_document(f"<html><body>{inner}</body></html>")
    found = root.find(".//*[@id='box']")
    assert found is not None
    return found


def test_long_text_with_few_links_is_prose_and_with_many_is_not() -> None:
    few = _el(f"<div id='box'>{PROSE}<a href='/a'>{'l' * 150}</a></div>")
    many = _el(f"<div id='box'>{PROSE}<a href='/a'>{'l' * 300}</a></div>")
    assert _holds_prose(few, "navigation", _NO_TOTAL)
    assert not _holds_prose(many, "navigation", _NO_TOTAL)


def test_short_boxes_and_kinds_that_stay_boilerplate_are_not_prose() -> None:
    assert not _holds_prose(_el("<div id='box'>Short text</div>"), "navigation", _NO_TOTAL)
    assert not _holds_prose(_el(f"<div id='box'>{PROSE}</div>"), "comments", _NO_TOTAL)
    assert _holds_prose(
        _el("<div id='box' class='article-body pager'>Short</div>"), "other", _NO_TOTAL
    )


def test_a_link_inside_a_link_counts_for_each_link() -> None:
    # 150 link characters read once; the inner link's 100 count again for the outer link.
    nested = _el(
        f"<div id='box'>{PROSE}<a href='/a'>{'l' * 50}<div><a href='/b'>{'m' * 100}</a></div>"
        "</a></div>"
    )
    assert not _holds_prose(nested, "navigation", _NO_TOTAL)
    flat = _el(
        f"<div id='box'>{PROSE}<a href='/a'>{'l' * 50}</a><a href='/b'>{'m' * 100}</a></div>"
    )
    assert _holds_prose(flat, "navigation", _NO_TOTAL)


def test_a_link_container_counts_its_own_text() -> None:
    assert not _holds_prose(_el(f"<a id='box' href='/a'>{PROSE}</a>"), "navigation", _NO_TOTAL)
