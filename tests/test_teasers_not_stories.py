"""Blocks that look like teasers and are not: comments, writers' credits, click counters, jobs;
and related-post blocks headed in German and Dutch."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from extractor.pipeline import extract
from tests.records import valid

NOW = datetime(2026, 11, 24, tzinfo=UTC)
URL = "https://blog.example/2019/06/19/the-story/"
BODY = "<p>" + "The article body has a sentence with some words, commas, and more. " * 6 + "</p>"
# Titles of four long words: under an unnamed heading they read as a menu, under a named one as
# posts.
POSTS = [
    ("/2019/05/01/wohnungsanzeigen/", "Bemerkenswerte Wohnungsanzeigen im Herbst"),
    ("/2019/04/02/inbox/", "Neuigkeiten aus dem Posteingang"),
    ("/2019/03/03/bumper/", "Schutzhüllen für Smartphones getestet"),
]


def _teasers(rail: str) -> list[dict[str, object]]:
    html = (
        f"<html><body><h1>The story of the day</h1><article>{BODY * 3}</article>"
        f"<aside class='sidebar'>{rail}</aside></body></html>"
    )
    return list(valid(extract(html, URL, now=NOW).to_dict())["teasers"])


def _list(heading: str, items: list[tuple[str, str]], item: str = "<li>{}</li>") -> str:
    links = "".join(item.format(f"<a href='{href}'>{title}</a>") for href, title in items)
    return f"<div class='widget'><h4>{heading}</h4><ul>{links}</ul></div>"


@pytest.mark.parametrize(
    "heading",
    ["Ähnliche Beiträge", "Neueste Artikel", "Das könnte dich auch interessieren", "Lees ook"],
)
def test_related_posts_headed_in_german_or_dutch_are_teasers(heading: str) -> None:
    teasers = _teasers(_list(heading, POSTS))
    assert [t["title"] for t in teasers] == [title for _, title in POSTS]
    assert {t["block"] for t in teasers} == {heading}


def test_the_same_short_titles_under_an_unnamed_heading_stay_a_menu() -> None:
    # Linking the site's pages; dated posts under any heading are a block of them.
    pages = [(f"/seiten/{href.rstrip('/').rsplit('/', 1)[1]}/", title) for href, title in POSTS]
    assert _teasers(_list("Unsere Seiten", pages)) == []


@pytest.mark.parametrize("heading", ["3 Kommentare", "Neueste Kommentare", "12 comments"])
def test_comment_lists_are_no_teasers(heading: str) -> None:
    # Pingbacks and recent-comment widgets link to other blogs' posts with long titles.
    posts = [
        (
            "https://other.example/2011/09/11/lesezeichen-457/",
            "Too much information: Papierkorb und Lesezeichen der Woche",
        ),
        (
            "https://third.example/2011/09/12/links/",
            "Die Links der Woche aus dem Netz und anderswo gesammelt",
        ),
    ]
    assert _teasers(_list(heading, posts)) == []


def test_wordpress_recent_comments_widget_is_no_block() -> None:
    posts = [
        (
            "https://lorelle.example/2007/02/21/blog-navigation-plugins/",
            "Blog Navigation Plugins: Related, Recent, Most Popular Posts",
        ),
        (
            "https://other.example/2011/09/11/lesezeichen-457/",
            "Too much information: Papierkorb und Lesezeichen der Woche",
        ),
    ]
    item = "<li class='recentcomments'><span class='comment-author-link'>{}</span> bei Post</li>"
    rail = _list("Kommentiertes", posts, item).replace("<ul>", "<ul id='recentcomments'>")
    assert _teasers(rail) == []


def test_writers_credited_in_author_boxes_are_no_teasers() -> None:
    box = (
        "<div class='cbx-Author'><p class='cbx-Author_Name'>"
        "<a class='cbx-Author_NameLink' href='/redaktion/{slug}/'>{name}</a></p>"
        "<p>Redakteur in der Wirtschaft, schreibt über Musik, Medien und Netz.</p></div>"
    )
    boxes = "".join(
        box.format(slug=name.lower().replace(" ", "-"), name=name)
        for name in ("Benjamin Fischer", "Marcus Theurer")
    )
    assert _teasers(f"<div class='authors'>{boxes}</div>") == []


def test_links_through_another_sites_click_counter_are_no_cards() -> None:
    ads = [
        (
            f"https://td.ads.example/cl/?aaid=a{i}&ein=b{i}",
            f"Gerry Weber Mantel Wolle Kurzmantel Modell {i}",
        )
        for i in range(3)
    ]
    teasers = _teasers(_list("Empfehlungen für dich", ads) + _list("Ähnliche Beiträge", POSTS))
    assert [t["url"] for t in teasers] == [f"https://blog.example{href}" for href, _ in POSTS]


def test_job_offers_are_no_teasers() -> None:
    jobs = [
        (
            f"https://jobs.blog.example/job/sachbearbeiter-{i}.html",
            f"Sachbearbeiter (m/w/d) Recruiting und Personalauswahl {i}",
        )
        for i in range(3)
    ]
    assert _teasers(_list("Folgende Karrierechancen könnten Sie interessieren:", jobs)) == []
