"""Tests of parse.teaser_layout: the class most cards share, and how it is chosen."""

from __future__ import annotations

from extractor.parse.dom import HtmlElement, parse_document
from extractor.parse.teaser_layout import _kind_tokens, sharing_a_class
from extractor.parse.teaser_page import PageReader


def _children(html: str) -> list[HtmlElement]:
    return list(parse_document(html).find(".//section"))


def test_the_wordiest_of_the_commonest_classes_wins_a_tie() -> None:
    children = _children(
        "<section><div class='pic'>x</div><div class='txt'>A longer headline here</div>"
        "<div class='pic'>y</div><div class='txt'>Another longer headline</div></section>"
    )
    page = PageReader({}, lambda t: None, None, None)
    assert sharing_a_class(children, page) == [children[1], children[3]]


def test_no_class_is_chosen_when_too_few_children_share_one() -> None:
    children = _children(
        "<section><div class='a'>x</div><div class='b'>yy</div>"
        "<div class='a'>x</div><div class='b'>yy</div></section>"
    )
    page = PageReader({}, lambda t: None, None, None)
    assert sharing_a_class(children, page, 3) == []
    assert page.sizes == {}  # the tied classes were not measured: neither could be chosen
    assert sharing_a_class(children, page, 2) == [children[1], children[3]]


def test_class_tokens_keep_their_written_order_so_ties_fall_the_same_way_in_every_process() -> None:
    assert _kind_tokens("card story card col-3 lead") == ("card", "story", "lead")
