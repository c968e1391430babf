"""is_post_navigation: half the cards labelled or linked as previous/next at least."""

from __future__ import annotations

import lxml.html
import pytest

from extractor.parse.teaser_cards import Card
from extractor.parse.teaser_nav import is_post_navigation
from extractor.parse.teaser_page import PageReader

_NAV = "<li><a rel='next' href='/2019/a-newer-post/'>A newer post of ours</a></li>"
_STORY = "<li><a href='/2019/another-story/'>Another story of the site</a></li>"


@pytest.mark.parametrize(
    ("kinds", "expected"),
    [
        ("NS", True),  # half is enough
        ("SN", True),
        ("SS", False),
        ("SSN", False),
        ("NNS", True),
        ("SSNN", True),
        ("SSSN", False),
        ("", True),
    ],
)
def test_post_navigation_needs_half_the_cards(kinds: str, expected: bool) -> None:
    items = "".join(_NAV if k == "N" else _STORY for k in kinds)
    root = lxml.html.fragment_fromstring(f"<ul>{items}</ul>")
    cards = [
        Card(el, f"https://x.example/{i}", "A title of words", None, None, None)
        for i, el in enumerate(root)
    ]
    assert is_post_navigation(cards, None, PageReader({}, lambda _: None, None, None)) is expected


def test_a_heading_naming_post_navigation_is_enough() -> None:
    root = lxml.html.fragment_fromstring(f"<ul>{_STORY * 3}</ul>")
    cards = [Card(el, "https://x.example/", None, None, None, None) for el in root]
    page = PageReader({}, lambda _: None, None, None)
    assert is_post_navigation(cards, "Post navigation", page)
