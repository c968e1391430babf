"""excerpt_card: a linked heading and a read-more link to the same story, wherever the heading."""

from __future__ import annotations

import lxml.html
import pytest

from extractor.parse.teaser_card_parts import excerpt_card
from extractor.parse.teaser_page import PageReader

_TEXT = "<p>" + "An opening paragraph of the post. " * 10 + "</p>"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # The heading inside the card, around its link.
        (
            f"<div><h2><a href='/post'>Title</a></h2>{_TEXT}<a href='/post'>Weiterlesen</a></div>",
            True,
        ),
        # The link wraps the heading.
        (
            f"<div><a href='/post'><h2>Title</h2></a>{_TEXT}<a href='/post'>Read more</a></div>",
            True,
        ),
        # The read-more link leads elsewhere.
        (
            f"<div><h2><a href='/post'>Title</a></h2>{_TEXT}<a href='/other'>Read more</a></div>",
            False,
        ),
        # No read-more link at all.
        (
            f"<div><h2><a href='/post'>Title</a></h2>{_TEXT}<a href='/post'>The post</a></div>",
            False,
        ),
        # The title link under no heading.
        (f"<div><p><a href='/post'>Title</a></p>{_TEXT}<a href='/post'>Read more</a></div>", False),
        # A heading around the whole card heads each of its links.
        (
            f"<h3><div><a href='/post'>Title</a>{_TEXT}<a href='/post'>Weiterlesen</a></div></h3>",
            True,
        ),
        # Fragment links count for neither.
        (
            f"<div><h2><a href='#post'>Title</a></h2>{_TEXT}<a href='#post'>Read more</a></div>",
            False,
        ),
    ],
)
def test_excerpt_card(html: str, expected: bool) -> None:
    root = lxml.html.fragment_fromstring(html, create_parent="section")
    card = root.find(".//div")
    assert card is not None
    page = PageReader({}, lambda _: None, None, None)
    assert excerpt_card(card, 400, page) is expected


def test_a_card_past_the_size_of_an_excerpt_is_none() -> None:
    html = f"<div><h2><a href='/post'>Title</a></h2>{_TEXT}<a href='/post'>Read more</a></div>"
    card = lxml.html.fragment_fromstring(html)
    assert not excerpt_card(card, 5000, PageReader({}, lambda _: None, None, None))
