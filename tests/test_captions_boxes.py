"""is_picture_box counts two child elements exactly; gallery_slides reads repeated titles."""

from __future__ import annotations

import lxml.html
import pytest

from extractor.parse.captions import gallery_slides, is_picture_box


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<div><img src='a.jpg'><p>A caption</p></div>", True),
        (
            "<div><!-- p --><a href='/a'><img src='a.jpg'></a><!-- c --><span>Caption</span></div>",
            True,
        ),
        ("<div><img src='a.jpg'><p>A caption</p><p>More</p></div>", False),
        ("<div><img src='a.jpg'></div>", False),
        ("<div>Text<img src='a.jpg'><p>A caption</p></div>", False),
        ("<div><img src='a.jpg'><p>A <b>caption</b></p></div>", False),
    ],
)
def test_is_picture_box(html: str, expected: bool) -> None:
    assert is_picture_box(lxml.html.fragment_fromstring(html)) is expected


def test_a_title_repeated_over_three_pictured_slides_makes_them_a_gallery() -> None:
    slide = "<li><h3>Our trip</h3><img src='p.jpg'><p>A caption</p></li>"
    root = lxml.html.fragment_fromstring(
        f"<div><h2>Intro</h2><ul>{slide * 3}</ul></div>", create_parent="section"
    )
    assert len(gallery_slides([root])) == 3
    two = lxml.html.fragment_fromstring(f"<div><ul>{slide * 2}</ul></div>")
    assert not gallery_slides([two])
