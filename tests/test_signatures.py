"""Tests for extractor.parse.signatures: a right-aligned line of a name signs the article."""

from __future__ import annotations

import pytest

from extractor.parse.dom import parse_document
from extractor.parse.metadata import read_metadata
from extractor.parse.signatures import signed_name

TEXT = "<p>" + "Une phrase du texte de l'article, avec des mots et des virgules. " * 5 + "</p>"


def _signed(body: str) -> list[str]:
    return signed_name(parse_document(f"<html><body>{body}</body></html>"))


@pytest.mark.parametrize(
    "line",
    [
        "<div class='spip-block-right' style='text-align:right;'><b>Didier Porte</b></div>",
        "<p style='text-align: right'>Didier Porte</p>",
        "<p class='has-text-align-right'>Didier Porte</p>",
        "<p align='right'>Didier Porte</p>",
    ],
)
def test_a_right_aligned_name_signs_the_article(line: str) -> None:
    assert _signed(TEXT + line) == ["Didier Porte"]


@pytest.mark.parametrize(
    "line",
    [
        "<p>Didier Porte</p>",  # not set apart
        "<p style='text-align:right'>Impressum</p>",  # one word: a menu entry
        "<p style='text-align:right'>More from Astronomy</p>",  # no name
        "<p style='text-align:right'><a href='/next'>Next Story</a></p>",  # a link
        "<p style='text-align:right'>Paris, 12 mai 2019</p>",  # a date line
        "<div class='comments'><p style='text-align:right'>Troll Person</p></div>",
    ],
)
def test_other_right_aligned_lines_sign_nothing(line: str) -> None:
    assert _signed(TEXT + line) == []


def test_a_declared_author_beats_the_signature() -> None:
    html = (
        "<html><head><meta name='author' content='Jo Roe'></head><body>"
        f"{TEXT}<p style='text-align:right'>Didier Porte</p></body></html>"
    )
    assert read_metadata(parse_document(html), "https://example.org/a").authors == ("Jo Roe",)
    html = f"<html><body>{TEXT}<p style='text-align:right'>Didier Porte</p></body></html>"
    assert read_metadata(parse_document(html), "https://example.org/a").authors == ("Didier Porte",)
