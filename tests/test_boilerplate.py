"""Tests of parse.boilerplate's container marks: outermost only, guarded, prose kept."""

from __future__ import annotations

from extractor.parse import boilerplate, dom

PROSE = "A long sentence of the article that reads as prose, with commas, and no links. " * 14


def _marks(html: str, protect_xpath: str | None = None) -> dict[str, str]:
    root = dom.parse_document(html)
    body = root.find("body")
    assert body is not None
    protect = root.xpath(protect_xpath) if protect_xpath else []
    total = sum(len(t) for t in body.itertext())
    marks = boilerplate.mark_containers(body, protect, total)
    return {str(el.get("id") or el.tag): kind for el, kind in marks.items()}


def test_only_the_outermost_container_of_a_kind_is_marked_in_page_order() -> None:
    html = (
        "<body><header id='top'><nav id='inner'><a href='/'>Home</a></nav></header>"
        "<div id='main'><p>Text</p><div class='share' id='s'><a href='/x'>Share</a></div></div>"
        "<footer id='foot'><div class='newsletter' id='n'>Sign up</div></footer></body>"
    )
    assert list(_marks(html).items()) == [("top", "navigation"), ("s", "share"), ("foot", "footer")]


def test_a_container_around_the_headline_is_not_marked() -> None:
    html = "<body><div class='masthead' id='m'><h1 id='h'>Title</h1></div></body>"
    assert _marks(html) == {"m": "navigation"}
    assert _marks(html, "//h1") == {}


def test_long_prose_under_a_pager_or_paywall_name_is_not_marked() -> None:
    html = (
        f"<body><div class='article-body pagination-first' id='a'><p>{PROSE}</p></div>"
        f"<div class='paywall' id='p'><p>{PROSE}</p></div>"
        "<div class='paywall' id='short'><p>Subscribe to read on.</p></div>"
        f"<div class='comments' id='c'><p>{PROSE}</p></div></body>"
    )
    assert _marks(html) == {"short": "subscribe", "c": "comments"}


def test_forms_are_marked_by_their_text() -> None:
    html = (
        "<body><form id='f1'>Subscribe to our newsletter</form><form id='f2'>Search</form>"
        "<aside id='a'><p>Pull quote</p></aside></body>"
    )
    assert _marks(html) == {"f1": "subscribe"}
