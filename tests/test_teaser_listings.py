"""comment_entries and price_tagged count a majority of cards, stopping once it is settled."""

from __future__ import annotations

import lxml.html
import pytest

from extractor.parse.dom import HtmlElement
from extractor.parse.teaser_cards import Card
from extractor.parse.teaser_listings import comment_entries, price_tagged
from extractor.parse.teaser_page import PageReader


def _cards(items: list[str]) -> list[Card]:
    root = lxml.html.fragment_fromstring("".join(items), create_parent="ul")
    els: list[HtmlElement] = list(root)
    return [Card(el, f"https://x.example/{i}", None, None, None, None) for i, el in enumerate(els)]


_COMMENT = "<li><a href='/2019/11/11/a-post/#comment-9541'>Hallo</a> zu <a href='/p'>Post</a></li>"
_PLAIN = "<li><a href='/2019/11/11/a-post/'>A post</a> <a href='#top'>top</a></li>"


@pytest.mark.parametrize(
    ("kinds", "expected"),
    [
        ("CCP", True),
        ("PCC", True),
        ("CPCP", False),  # half is no majority
        ("PPC", False),
        ("CCCPP", True),
        ("PPPCC", False),
        ("C", True),
        ("", False),
    ],
)
def test_comment_entries_needs_most_cards(kinds: str, expected: bool) -> None:
    cards = _cards([_COMMENT if k == "C" else _PLAIN for k in kinds])
    assert comment_entries(cards) is expected


_PRICED = "<li><a href='/offer'>A used tractor</a><span class='price'>EUR 14900,--</span></li>"
# A currency in running text is no price tag.
_MENTION = "<li><a href='/offer'>A tractor for EUR 14900</a><span>in good shape</span></li>"


@pytest.mark.parametrize(
    ("kinds", "expected"),
    [
        ("TTM", True),
        ("MTT", True),
        ("TMTM", False),
        ("MMT", False),
        ("TTTMM", True),
        ("MMMTT", False),
    ],
)
def test_price_tagged_needs_most_cards(kinds: str, expected: bool) -> None:
    cards = _cards([_PRICED if k == "T" else _MENTION for k in kinds])
    page = PageReader({}, lambda _: None, None, None)
    assert price_tagged(cards, page) is expected
