"""Fields a page shows as a label and a value: "<b>Date</b> 19.01.2020", "Autor: Jo Roe"."""

from __future__ import annotations

from collections.abc import Iterator

from lxml.etree import _Element as HtmlElement

from extractor.parse.bylines import is_foreign
from extractor.parse.jsonld import collapse

__all__ = ["AUTHOR_LABELS", "DATE_LABELS", "label_values"]

# What a fact list calls the publication's date ("Date", "Erschienen:", "Publié le").
DATE_LABELS: frozenset[str] = frozenset(
    {
        "date",
        "posted",
        "posted on",
        "published",
        "published on",
        "publication date",
        "date published",
        "release date",
        "datum",
        "erschienen",
        "erschienen am",
        "veröffentlicht",
        "veröffentlicht am",
        "erscheinungsdatum",
        "publiziert",
        "publiziert am",
        "erstellt am",
        "publié le",
        "date de publication",
        "fecha",
        "fecha de publicación",
        "publicado",
        "publicado el",
        "pubblicato",
        "pubblicato il",
        "data di pubblicazione",
        "gepubliceerd",
        "gepubliceerd op",
        "datum van publicatie",
    }
)
# What it calls the writer ("Author", "Autor:", "Auteur").
AUTHOR_LABELS: frozenset[str] = frozenset(
    {
        "author",
        "authors",
        "written by",
        "autor",
        "autorin",
        "autoren",
        "auteur",
        "auteurs",
        "autore",
        "autora",
        "autores",
    }
)
# Elements that hold a label apart from its value: a bold word, a cell, a term, a span.
_LABEL_TAGS = ("strong", "b", "span", "dt", "th", "td", "label", "em", "div", "p", "li")
_MAX_LABEL_CHARS = 40
_MAX_VALUE_CHARS = 60
_MAX_ELEMENTS = 20_000


def label_values(root: HtmlElement, labels: frozenset[str]) -> Iterator[str]:
    """The values shown after each of the labels, in document order, outside comments, bios and
    teaser lists: the label's own tail text, else the text of the element right after it (a
    term's definition, a row's next cell, the span beside it)."""
    for count, el in enumerate(root.iter(*_LABEL_TAGS)):
        if count >= _MAX_ELEMENTS:
            return
        raw = el.text
        if not raw or len(raw) > _MAX_LABEL_CHARS or len(el):
            continue  # a label is short text alone in its element
        if collapse(raw).rstrip(" :").casefold() not in labels:
            continue
        value = collapse(el.tail or "")
        if not value:
            after = el.getnext()
            if after is None or not isinstance(after.tag, str):
                continue
            value = collapse(" ".join(after.itertext()))
        if value and len(value) <= _MAX_VALUE_CHARS and not is_foreign(el):
            yield value.lstrip(": ")
