"""PageReader.text reads an element from its child's text as text_of reads it whole."""

from __future__ import annotations

import lxml.html
import pytest

from extractor.parse.dom import text_of
from extractor.parse.teaser_page import PageReader

_CASES = [
    "<div>  plain   words </div>",
    "<div></div>",
    "<div>\u00a0</div>",
    "<h3> <a href='/a'> The <b>headline</b> here </a> \n</h3>",
    "<h3><a href='/a'>Head\u200bline</a>tail\u00ad end</h3>",
    "<p>lead<!-- a comment -->after<span>in</span>tail</p>",
    "<p><!-- only a comment --> words</p>",
    "<a href='/a'><span><em>deep</em></span></a>",
    "<li>one<a href='/a'>two</a>three<a href='/b'>four</a>five</li>",
    "<div>x<span></span>y</div>",
    "<div><span>  </span>  </div>",
]


@pytest.mark.parametrize("html", _CASES)
def test_text_matches_text_of_for_every_element(html: str) -> None:
    root = lxml.html.fragment_fromstring(html, create_parent="section")
    page = PageReader({}, lambda _: None, None, None)
    # Children first and parents first: either order gives text_of's answer.
    for order in (list(root.iter()), list(root.iter())[::-1]):
        page.texts.clear()
        for el in order:
            if isinstance(el.tag, str):
                assert page.text(el) == text_of(el)


def test_text_reads_a_child_text_already_known() -> None:
    root = lxml.html.fragment_fromstring("<h3> <a href='/a'>Headline</a> </h3>")
    page = PageReader({}, lambda _: None, None, None)
    page.texts[root[0]] = "Known"
    assert page.text(root) == "Known"
