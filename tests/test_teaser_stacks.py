"""The widgets a stack may start from: elements that open with a heading, in document order."""

from __future__ import annotations

import lxml.html

from extractor.parse import vocab
from extractor.parse.teaser_stacks import _HEADED_WIDGETS

_PAGE = (
    "<html><body><div id='a'><!-- a comment first --><h3>One</h3><p>x</p></div>"
    "<div id='b'><p>lead</p><h3>Not first</h3></div>"
    "<div id='c'>text first<h2>Still first</h2><div id='d'><h4>Inner</h4></div></div>"
    "<section id='e'><h1>Outer</h1><h2>Second heading</h2></section></body></html>"
)


def test_headed_widgets_are_the_parents_of_first_headings() -> None:
    root = lxml.html.document_fromstring(_PAGE)
    walked = []
    for heading in root.iter(*vocab.HEADING_TAGS):
        parent = heading.getparent()
        first = next((c for c in parent if isinstance(c.tag, str)), None)
        if first is heading:
            walked.append(parent)
    assert [w.get("id") for w in _HEADED_WIDGETS(root)] == ["a", "c", "d", "e"]
    assert list(_HEADED_WIDGETS(root)) == walked
