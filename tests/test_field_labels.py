"""Tests for extractor.parse.field_labels: values shown after a label, and labelled authors."""

from __future__ import annotations

from lxml.etree import _Element as HtmlElement

from extractor.parse.authors import labelled_names
from extractor.parse.dom import parse_document
from extractor.parse.field_labels import AUTHOR_LABELS, DATE_LABELS, label_values


def _root(body: str) -> HtmlElement:
    return parse_document(f"<html><body>{body}</body></html>")


def test_the_labels_tail_is_its_value() -> None:
    root = _root("<ul><li><strong>Date</strong>\n19.01.2020\n</li></ul>")
    assert list(label_values(root, DATE_LABELS)) == ["19.01.2020"]


def test_the_element_after_the_label_is_its_value() -> None:
    root = _root(
        "<dl><dt>Autor:</dt><dd>Jo Roe</dd></dl>"
        "<p><span>Erschienen:</span><span>07.02.2019</span></p>"
    )
    assert list(label_values(root, AUTHOR_LABELS)) == ["Jo Roe"]
    assert list(label_values(root, DATE_LABELS)) == ["07.02.2019"]


def test_a_label_with_more_words_or_children_is_no_label() -> None:
    root = _root(
        "<p><b>Date of the next meeting</b> 19.01.2020</p><p><b>Date <i>x</i></b> 1.1.2020</p>"
    )
    assert list(label_values(root, DATE_LABELS)) == []


def test_a_comments_label_is_a_readers() -> None:
    root = _root("<div class='comments'><p><b>Author</b> Troll Person</p></div>")
    assert list(label_values(root, AUTHOR_LABELS)) == []


def test_labelled_names_need_to_read_as_names() -> None:
    assert labelled_names(_root("<p><b>Author</b> unknown source here</p>")) == []
    assert labelled_names(_root("<p><b>Author</b> Ben Knight</p>")) == ["Ben Knight"]


def test_date_labels_in_several_languages() -> None:
    root = _root(
        "<p><b>Posted on:</b> 3 May 2020</p><p><b>Erstellt am</b> 4.5.2020</p>"
        "<p><b>Gepubliceerd op</b> 5 mei 2020</p><p><b>Zuletzt geändert</b> 6.5.2020</p>"
    )
    assert list(label_values(root, DATE_LABELS)) == ["3 May 2020", "4.5.2020", "5 mei 2020"]
