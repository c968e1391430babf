"""Tests for extractor.parse.microdata: which itemprop values are read, and in what order."""

from __future__ import annotations

from extractor.parse.dom import parse_document
from extractor.parse.microdata import itemprops


def test_itemprops_reads_every_author_and_the_first_of_the_rest_in_document_order() -> None:
    root = parse_document(
        '<html itemprop="headline" content="On the root"><body>'
        '<h1 itemprop="headline">Second headline</h1>'
        '<span itemprop="author">Ann Lee</span>'
        "<!-- a comment is no element --><?pi ignored?>"
        '<time itemprop="datePublished dateModified" datetime=" 2024-05-06 ">May 6</time>'
        '<span itemprop="author creator">Bo Chan</span>'
        '<div class="comments"><span itemprop="author">A commenter</span></div>'
        '<span itemprop="">nothing</span><span itemprop="price">9</span>'
        "</body></html>"
    )
    assert itemprops(root) == {
        "headline": ["On the root"],
        "author": ["Ann Lee", "Bo Chan"],
        "datePublished": ["2024-05-06"],
        "dateModified": ["2024-05-06"],
        "creator": ["Bo Chan"],
    }
