"""Teaser rules from the trafilatura3 pages: job and admin widgets, feeds and shop links, story
lists named "next", post lists named by class, and the headline of a card told from its kicker."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from extractor.parse.teaser_links import article_url
from extractor.pipeline import extract
from tests.records import valid

NOW = datetime(2026, 11, 24, tzinfo=UTC)
URL = "https://news.example/2019/06/19/the-story/"
BODY = "<p>" + "The article body has a sentence with some words, commas, and more. " * 6 + "</p>"
TITLES = [f"A headline of six words number {i}" for i in range(1, 5)]
HREFS = [f"/2019/06/0{i}/story-number-{i}/" for i in range(1, 5)]
URLS = [f"https://news.example{href}" for href in HREFS]


def _teasers(rail: str, body: str = "") -> list[dict[str, object]]:
    html = (
        f"<html><body><h1>The story of the day</h1><article>{BODY * 3}{body}</article>"
        f"<aside class='sidebar'>{rail}</aside></body></html>"
    )
    return list(valid(extract(html, URL, now=NOW).to_dict())["teasers"])


def _list(heading: str, hrefs: list[str], titles: list[str], box: str = "widget") -> str:
    items = "".join(f"<li><a href='{h}'>{t}</a></li>" for h, t in zip(hrefs, titles, strict=True))
    return f"<div class='{box}'><h3>{heading}</h3><ul>{items}</ul></div>"


def test_a_job_board_widget_is_no_block_of_stories() -> None:
    jobs = [f"/blog/stellenanzeigen/job-{i}/" for i in range(1, 5)]
    titles = [f"Entwickler (m/w/d) für Team {i}" for i in range(1, 5)]
    assert _teasers(_list("Stellenanzeigen", jobs, titles)) == []
    # The same titles under a related heading lead to job pages all the same.
    assert _teasers(_list("Related", jobs, titles)) == []
    assert len(_teasers(_list("Related", HREFS, TITLES))) == 4


@pytest.mark.parametrize(
    "href",
    [
        "http://blog.example.org/feeds/posts/default",
        "http://other.example/blog/feeds/atom.xml",
        "https://news.example/index.rss",
        "https://www.amazon.de/Some-Book-Title/dp/3596296609/ref=sr_1_1",
        "https://www.amazon.com/gp/product/B01N5OPMJW/",
        "http://mail.python.org/mailman/listinfo/python-dev",
        "https://news.example/stellenangebote/frontend-entwickler/",
    ],
)
def test_feeds_product_pages_mailing_lists_and_job_offers_are_no_articles(href: str) -> None:
    assert article_url(href, URL, URL) is None


def test_a_story_url_that_only_mentions_those_words_is_still_one() -> None:
    href = "https://news.example/2019/06/02/why-the-feed-of-amazon-changed/"
    assert article_url(href, URL, URL) == href


def test_bloggers_edit_controls_are_hidden_from_the_text() -> None:
    edit = "<span class='item-control blog-admin'><a href='https://www.blogger.com/rearrange'>"
    html = (
        f"<html><body><h1>The story of the day</h1><article>{BODY * 3}"
        f"<div class='widget'>{edit}Edit this widget</a></span></div></article></body></html>"
    )
    record = valid(extract(html, URL, now=NOW).to_dict())
    assert "Edit this widget" not in str(record["text"])
    assert "sentence with some words" in str(record["text"])


def test_legal_and_about_pages_are_no_stories() -> None:
    hrefs = [*HREFS[:2], "/p/kontakt.html", "/p/blog-page.html"]
    titles = [*TITLES[:2], "Impressum & Datenschutz", "About me"]
    teasers = _teasers(_list("Recent posts", hrefs, titles))
    assert [t["url"] for t in teasers] == URLS[:2]


def _next_stories(count: int) -> str:
    return (
        "<div id='next-post-thumbnails'>"
        + "".join(
            f"<div class='nextstory'><a href='{h}'><img src='/t.jpg'></a>"
            f"<h2><a href='{h}'>{t}</a></h2></div>"
            for h, t in zip(HREFS[:count], TITLES[:count], strict=True)
        )
        + "</div>"
    )


def test_three_stories_named_next_are_a_block_and_two_are_post_navigation() -> None:
    assert [t["url"] for t in _teasers("", _next_stories(4))] == URLS
    assert _teasers("", _next_stories(2)) == []


def test_a_list_named_for_recent_posts_by_its_class_may_hold_short_titles() -> None:
    short = [
        "Aussprache Lexikon – Reiki Fachbegriffe",
        "Kalligrafie",
        "Reiki-Symposium 2015 in Wien",
        "Sinnlichkeit und Reiki",
    ]
    widget = _list("Shingon Reiki Beiträge", HREFS, short, "widget widget_recent_entries")
    assert [t["title"] for t in _teasers(widget)] == short
    # Unnamed, the same short titles are a menu's.
    pages = [f"/reiki/page-{i}/" for i in range(4)]
    assert _teasers(_list("Shingon Reiki Beiträge", pages, short)) == []


def _cards(inner: str) -> str:
    return (
        "<div class='grid'>"
        + "".join(inner.format(h=h, t=t) for h, t in zip(HREFS, TITLES, strict=True))
        + "</div>"
    )


def test_the_line_beside_an_empty_link_is_the_title() -> None:
    cards = _cards(
        "<div class='panel'><a class='overlay-link' href='{h}'> </a><img src='/a.jpg'>"
        "<div class='article-title'>{t}</div></div>"
    )
    teasers = _teasers("<h3>Related</h3>" + cards)
    assert [(t["title"], t["blurb"]) for t in teasers] == [(t, None) for t in TITLES]


def test_a_medium_label_or_a_one_word_kicker_gives_way_to_the_headline() -> None:
    video = _cards("<div class='item'><a href='{h}'>Video 02:46</a><p>{t}</p></div>")
    kicker = _cards("<div class='item'><a href='{h}'>Urteil</a><p>{t}</p></div>")
    for cards in (video, kicker):
        teasers = _teasers("<h3>Related</h3>" + cards)
        assert [(t["title"], t["blurb"]) for t in teasers] == [(t, None) for t in TITLES]


def test_a_sentence_under_a_short_title_stays_its_blurb() -> None:
    dek = "A dek that tells the story in a sentence."
    cards = _cards(f"<div class='item'><a href='{{h}}'>Urteil</a><p>{dek}</p></div>")
    teasers = _teasers("<h3>Related</h3>" + cards)
    assert {(t["title"], t["blurb"]) for t in teasers} == {("Urteil", dek)}


def test_a_comment_count_and_author_line_is_no_blurb() -> None:
    cards = _cards(
        "<div class='item'><a href='{h}'>{t}</a><p>86 Kommentare Nicolas La Rocco</p></div>"
    )
    teasers = _teasers("<h3>Related</h3>" + cards)
    assert [(t["title"], t["blurb"]) for t in teasers] == [(t, None) for t in TITLES]


def test_a_gallery_caption_under_an_image_link_is_no_title() -> None:
    cards = _cards(
        "<div class='tiled-gallery-item'><a href='{h}'><img src='/a.jpg'></a>"
        "<div class='tiled-gallery-caption'>{t}</div></div>"
    )
    # Promoted, the captions would make a block of titled cards; as captions they title none.
    teasers = _teasers("<h3>Leser Empfehlungen</h3>" + cards)
    assert all(t["title"] is None for t in teasers)


def test_a_pictures_credit_inside_the_linked_title_is_cut() -> None:
    cards = _cards("<div class='item'><a href='{h}'>{t} © Photo Agency / Jane Roe</a></div>")
    teasers = _teasers("<h3>Related</h3>" + cards)
    assert [t["title"] for t in teasers] == TITLES


def test_a_headed_box_of_dated_posts_may_hold_short_titles() -> None:
    dated = [f"/201{i}/0{i}/short-{i}/" for i in range(1, 5)]
    short = [
        "Kernel Panic",
        "Was man mit 2 Klampfen nicht so alles anstellen kann",
        "Echte Einhörner...",
        "Werbewarten",
    ]
    widget = _list("Heute vor 5 Jahren", dated, short)
    assert [t["title"] for t in _teasers(widget)] == short
    # Undated paths under the same heading are a menu's; untitled dated links, a gallery's.
    assert _teasers(_list("Heute vor 5 Jahren", [f"/seite-{i}/" for i in range(4)], short)) == []


def test_one_word_titles_over_deks_are_a_hubs_sections() -> None:
    words = ["Start", "Create", "Customize", "Connect"]
    cards = "".join(
        f"<div class='card'><h3><a href='/{w.lower()}/'>{w}</a></h3>"
        f"<p>Everything you need to know to {w.lower()} your site, step by step.</p></div>"
        for w in words
    )
    assert _teasers(f"<div class='hub'>{cards}</div>") == []
    # Dated, or under a heading naming a block, they stay stories.
    assert len(_teasers(f"<h3>Related</h3><div class='hub'>{cards}</div>")) == 4
