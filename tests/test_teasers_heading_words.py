"""More block headings read: related-post names in English, German and French, and the names
of paid, classified and blogroll boxes, whose links are no teasers."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from extractor.pipeline import extract
from tests.records import valid

NOW = datetime(2026, 11, 24, tzinfo=UTC)
URL = "https://blog.example/2019/06/19/the-story/"
BODY = "<p>" + "The article body has a sentence with some words, commas, and more. " * 6 + "</p>"
# Titles of three words: under an unnamed heading a menu, under a named one posts.
SHORT = [
    ("/2019/05/01/herbst-im-garten/", "Herbst im Garten"),
    ("/2019/04/02/neue-wandbilder/", "Neue Wandbilder bestellt"),
    ("/2019/03/03/casa-batllo/", "Die Casa Batlló"),
]
# Titles of eight words: a list of stories whatever its heading, unless it names a paid box.
LONG = [
    (f"/2019/0{i}/0{i}/story-{i}/", f"A headline of eight words about story number {i}")
    for i in range(1, 4)
]


def _teasers(heading: str, items: list[tuple[str, str]]) -> list[dict[str, object]]:
    links = "".join(f"<li><a href='{href}'>{title}</a></li>" for href, title in items)
    html = (
        f"<html><body><h1>The story of the day</h1><article>{BODY * 3}</article>"
        f"<aside class='sidebar'><div class='widget'><h4>{heading}</h4><ul>{links}</ul></div>"
        "</aside></body></html>"
    )
    return list(valid(extract(html, URL, now=NOW).to_dict())["teasers"])


@pytest.mark.parametrize(
    "heading",
    [
        "Lesen Sie auch",
        "Passend zum Thema",
        "Beliebte Beiträge",
        "Articles similaires",
        "Dans la même rubrique",
        "Vous aimerez peut-être aussi",
        "Keep reading",
        "Editors’ Choice",
    ],
)
def test_short_titled_lists_under_these_headings_are_teasers(heading: str) -> None:
    teasers = _teasers(heading, SHORT)
    assert [t["title"] for t in teasers] == [title for _, title in SHORT]
    assert {t["block"] for t in teasers} == {heading}


@pytest.mark.parametrize("heading", ["Siehe auch:", "Artikel aus der gleichen Kategorie:"])
def test_german_see_also_and_same_category_headings_name_a_block(heading: str) -> None:
    # Undated story paths: the heading alone names the list.
    posts = [(f"/arduino/{href.rstrip('/').rsplit('/', 1)[1]}.php", t) for href, t in SHORT]
    teasers = _teasers(heading, posts)
    assert [t["title"] for t in teasers] == [title for _, title in SHORT]


def test_the_same_short_titles_under_another_heading_stay_a_menu() -> None:
    # Linking the site's pages; linking dated posts, a headed box is a block of them
    # (tests/test_teasers_session7.py).
    pages = [(f"/seiten/{href.rstrip('/').rsplit('/', 1)[1]}/", title) for href, title in SHORT]
    assert _teasers("Unsere Seiten", pages) == []


@pytest.mark.parametrize(
    "heading",
    ["Anzeige", "Werbung", "Contenu sponsorisé", "Kleinanzeigen", "Special PR", "Blogroll"],
)
def test_paid_classified_and_blogroll_boxes_are_no_teasers(heading: str) -> None:
    assert _teasers(heading, LONG) == []


@pytest.mark.parametrize(
    "heading", ["Alle Anzeigen der Woche im Überblick", "Pr. Müller empfiehlt"]
)
def test_those_words_inside_a_longer_heading_or_in_another_case_do_not_drop_a_list(
    heading: str,
) -> None:
    assert len(_teasers(heading, LONG)) == 3


@pytest.mark.parametrize("heading", ["Trackbacks/Pingbacks", "Pingbacks", "3 Webmentions"])
def test_trackbacks_pingbacks_and_webmentions_are_comments(heading: str) -> None:
    assert _teasers(heading, LONG) == []


@pytest.mark.parametrize("heading", ["Quellen:", "Sources", "Einzelnachweise", "Références"])
def test_a_list_of_the_articles_sources_is_no_block(heading: str) -> None:
    assert _teasers(heading, LONG) == []
