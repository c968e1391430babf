"""Visible lines around the article: the page date from the author's line, the headline's repeat."""

from __future__ import annotations

from datetime import UTC, datetime

from extractor.pipeline import extract

NOW = datetime(2026, 11, 24, tzinfo=UTC)
URL = "https://diario.example/local/fiscal-estudia-recurso.html"
PROSE = (
    "<p>" + "El fiscal estudia el recurso contra la decisión del juez de instrucción. " * 8 + "</p>"
)


def _page(author_line: str, lang: str = "es") -> str:
    # The site sets the article's title in its header h1, beside its "today" date; the author's
    # line with the article's own date sits in the article, far below.
    return (
        f"<html lang='{lang}'><body><header class='head'><h1>El fiscal estudia el recurso</h1>"
        "<div class='fecha'><time>jueves, 09 enero 2014 - 10:21 h</time></div></header>"
        "<nav><a href='/'>Portada</a> <a href='/local'>Local</a></nav>"
        f"<article><h3>El fiscal estudia el recurso</h3>{PROSE * 2}"
        f"<p class='autor'>{author_line}</p></article></body></html>"
    )


def test_the_date_on_the_authors_line_beats_the_headers_date() -> None:
    record = extract(_page("<strong>Patricio Candia</strong> | Palma | 8 enero 2014"), URL, now=NOW)
    assert record.authors == ("Patricio Candia",)
    assert record.published is not None and record.published.startswith("2014-01-08")


def test_an_ambiguous_date_on_the_authors_line_is_kept_unread_not_replaced() -> None:
    # In English, where either order is usual, the header's date does not stand in for it.
    line = "<strong>Patricio Candia</strong> | Palma | 08/01/2014"
    record = extract(_page(line, lang="en"), URL, now=NOW)
    assert record.published_text == "08/01/2014"
    assert record.published is None


def test_a_numeric_date_on_a_day_first_languages_page_is_read_day_first() -> None:
    record = extract(_page("<strong>Patricio Candia</strong> | Palma | 08/01/2014"), URL, now=NOW)
    assert record.published_text == "08/01/2014"
    assert record.published is not None and record.published.startswith("2014-01-08")


def test_the_headline_set_again_over_the_article_is_not_body_text() -> None:
    record = extract(_page("<strong>Patricio Candia</strong> | Palma | 8 enero 2014"), URL, now=NOW)
    assert record.headline == "El fiscal estudia el recurso"
    assert not record.text.startswith("El fiscal estudia el recurso\n")
    assert record.text.startswith("El fiscal estudia el recurso contra")


def _dated(over: str) -> str:
    return (
        "<html lang='de'><body><div class='top'><span>24.11.2026</span></div><div id='main'>"
        f"<div class='article'>{over}<h1>Wie entsteht Erdöl?</h1>"
        f"{PROSE}</div></div></body></html>"
    )


def test_a_date_line_just_over_the_headline_in_its_box_dates_the_page() -> None:
    record = extract(_dated("<div class='pdf'><div class='date'>19.11.2012</div></div>"), URL)
    assert record.published is not None and record.published.startswith("2012-11-19")
    # The site's date in its top bar, outside the headline's box, dates nothing.
    assert extract(_dated(""), URL).published is None


def test_the_name_after_the_date_under_the_headline_signs_an_undeclared_page() -> None:
    page = (
        "<html lang='de'><body><div class='post'><h1>Gefällt mir</h1>"
        "<small>11.09.2011, 16:20 von jovelstefan</small>"
        f"<div class='entry'>{PROSE}</div></div></body></html>"
    )
    record = extract(page, URL)
    assert record.authors == ("jovelstefan",)
    assert record.published is not None and record.published.startswith("2011-09-11")
    # A sentence that ends "by the river" under the headline names no one.
    prose = page.replace("11.09.2011, 16:20 von jovelstefan", "Ein Spaziergang von Eimsbüttel")
    assert extract(prose, URL).authors == ()
