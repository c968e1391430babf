"""Cards whose kicker, comment count or repeated title must not become their title or blurb."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from extractor.pipeline import extract
from tests.records import valid

NOW = datetime(2026, 11, 24, tzinfo=UTC)
URL = "https://news.example/2019/06/19/the-story/"
BODY = "<p>" + "The article body has a sentence with some words, commas, and more. " * 6 + "</p>"
STORIES = [
    ("/2019-06/telekom/", "Telekom StreamOn", "Zero-Rating für Messenger und soziale Netzwerke"),
    ("/2019-06/iphone/", "iPhone 2020", "Apple setzt auf kleinere und größere Displays"),
    ("/2019-06/masten/", "Mobilfunkausbau", "Bund will staatliche Mobilfunkmasten errichten"),
]


def _teasers(box: str) -> list[dict[str, object]]:
    html = (
        f"<html><body><h1>The story of the day</h1><article>{BODY * 3}</article>"
        f"<aside class='related'><h3>Related articles</h3>{box}</aside></body></html>"
    )
    return list(valid(extract(html, URL, now=NOW).to_dict())["teasers"])


def test_a_title_named_after_a_kicker_in_the_heading_is_the_title() -> None:
    cards = "".join(
        f"<li class='article'><h2><a href='{href}'><span class='context'>{kicker}</span> "
        f"<span class='article__title'>{title}</span></a></h2></li>"
        for href, kicker, title in STORIES
    )
    teasers = _teasers(f"<ul>{cards}</ul>")
    assert [t["title"] for t in teasers] == [title for _, _, title in STORIES]


def test_a_comment_count_and_author_line_is_no_blurb() -> None:
    cards = "".join(
        f"<li class='article'><h2><a href='{href}'>{title}</a></h2>"
        f"<div class='info'><a href='/forum/{n}/'>{n * 40} Kommentare</a> "
        f"<span>Nicolas La Rocco</span></div></li>"
        for n, (href, _, title) in enumerate(STORIES, 1)
    )
    teasers = _teasers(f"<ul>{cards}</ul>")
    assert [t["title"] for t in teasers] == [title for _, _, title in STORIES]
    assert [t["blurb"] for t in teasers] == [None, None, None]


def test_a_short_heading_opening_the_link_is_a_keyword_over_the_title() -> None:
    cards = "".join(
        f"<div class='column'><a href='{href}'><h4 class='schlagwort'>{kicker.split()[0]}</h4>"
        f"{title}</a></div>"
        for href, kicker, title in STORIES
    )
    teasers = _teasers(cards)
    assert [t["title"] for t in teasers] == [title for _, _, title in STORIES]
    assert [t["blurb"] for t in teasers] == [None, None, None]


def test_the_title_shown_again_after_its_kicker_is_no_blurb() -> None:
    cards = "".join(
        f"<li><a href='{href}' title='{title}'><img src='/i.jpg' alt=''></a>"
        f"<a href='{href}'>{title}</a>"
        f"<div class='bu'><span class='intro'>{kicker}: </span><span>{title}</span></div></li>"
        for href, kicker, title in STORIES
    )
    teasers = _teasers(f"<ul>{cards}</ul>")
    assert [t["title"] for t in teasers] == [title for _, _, title in STORIES]
    assert [t["blurb"] for t in teasers] == [None, None, None]


def test_the_owners_edit_controls_are_no_teasers() -> None:
    # Blogger widgets each carry a hidden edit wrench linking to the blog's admin pages.
    widgets = "".join(
        f"<div class='widget HTML'><h2 class='title'>{title}</h2><div class='widget-content'>"
        f"<p>Some words of the widget.</p></div><span class='item-control blog-admin'>"
        f"<a class='quickedit' href='https://admin.example/rearrange?widgetId=HTML{i}' "
        f"title='Edit'><img alt='' src='/icon18_wrench.png'></a></span></div>"
        for i, (_, _, title) in enumerate(STORIES)
    )
    assert _teasers(widgets) == []


def test_a_job_board_headed_in_german_is_no_teaser_block() -> None:
    rows = "".join(f"<li><a href='{href}'>{title}</a></li>" for href, _, title in STORIES)
    assert _teasers(f"<div><h4>Auch interessant</h4><ul>{rows}</ul></div>") != []
    assert _teasers(f"<div><h4>Stellenanzeigen</h4><ul>{rows}</ul></div>") == []


def test_a_video_badge_with_its_running_time_is_no_title() -> None:
    cards = "".join(
        f"<li><div class='panel'><a href='/video/{href.strip('/')}.html' title='{title}'>"
        f"<img src='/i.jpg' alt=''><span class='buttons'><span>Video</span>"
        f"<span class='time'>0{n}:53</span></span></a></div>"
        f"<div class='bu'><span class='intro'>{kicker}: </span><span>{title}</span></div></li>"
        for n, (href, kicker, title) in enumerate(STORIES, 1)
    )
    teasers = _teasers(f"<ul>{cards}</ul>")
    assert [t["title"] for t in teasers] == [title for _, _, title in STORIES]
    assert [t["blurb"] for t in teasers] == [None, None, None]


@pytest.mark.parametrize(
    ("href", "title"),
    [
        ("/p/kontakt.html", "Kontakt und Hinweise an die Redaktion"),
        ("/p/blog-page.html", "About me"),
        ("/p/rechtliches.html", "Impressum & Datenschutz"),
        ("/abo/", "Werbefrei lesen mit dem Abonnement der Redaktion"),
    ],
)
def test_the_sites_own_pages_are_no_teasers(href: str, title: str) -> None:
    items = [(h, t) for h, _, t in STORIES] + [(href, title)]
    rows = "".join(f"<li><a href='{h}'>{t}</a></li>" for h, t in items)
    assert [t["title"] for t in _teasers(f"<ul>{rows}</ul>")] == [t for _, _, t in STORIES]


def test_a_run_of_sidebar_widgets_each_under_its_own_heading_is_no_block() -> None:
    widgets = "".join(
        f"<div class='widget Image'><h2>{title}</h2><div class='widget-content'>"
        f"<a href='{href}'><img src='/award.png' alt='{title}'></a><br>"
        f"<span class='caption'>Voted by the readers of a magazine</span></div></div>"
        for href, _, title in STORIES
    )
    assert _teasers(widgets) == []
    # The same cards, not named as widgets, are a list of stories.
    cards = widgets.replace("widget Image", "card")
    assert [t["title"] for t in _teasers(cards)] == [title for _, _, title in STORIES]


def test_feed_links_are_no_teasers() -> None:
    items = [(h, t) for h, _, t in STORIES] + [
        ("https://other.example/feeds/posts/default", "A partner blog's newest post title"),
        ("https://another.example/blog/atom.xml", "Another partner blog's newest post"),
    ]
    rows = "".join(f"<li><a href='{h}'>{t}</a></li>" for h, t in items)
    assert [t["title"] for t in _teasers(f"<ul>{rows}</ul>")] == [t for _, _, t in STORIES]


def test_a_date_before_the_title_shown_again_is_still_the_cards_date() -> None:
    cards = "".join(
        f"<li><a href='{href}'><img src='/i.jpg' alt=''></a><h3><a href='{href}'>{title}</a></h3>"
        f"<p><a href='{href}'>1{n + 2}/01/2014 {title}</a></p></li>"
        for n, (href, _, title) in enumerate(STORIES, 1)
    )
    teasers = _teasers(f"<ul>{cards}</ul>")
    assert [t["title"] for t in teasers] == [title for _, _, title in STORIES]
    assert [t["date"] for t in teasers] == ["2014-01-13", "2014-01-14", "2014-01-15"]


@pytest.mark.parametrize("heading", ["Related Links", "Links", "Useful links:"])
def test_a_box_of_links_is_no_teaser_block(heading: str) -> None:
    rows = "".join(f"<li><a href='{href}'>{title}</a></li>" for href, _, title in STORIES)
    assert _teasers(f"<div><h4>Related stories</h4><ul>{rows}</ul></div>") != []
    assert _teasers(f"<div><h4>{heading}</h4><ul>{rows}</ul></div>") == []


def _footer_list(heading: str) -> str:
    items = [
        ("/zerrissene-jeans/", "Zerrissene Jeans selber machen!"),
        ("/haarentfernung/", "Dauerhafte SHR Haarentfernung?"),
        ("/jeans-guide/", "Der ultimative Jeans Guide!"),
        ("/bordeauxrot/", "Wie kombiniere ich Bordeaux rot?"),
    ]
    rows = "".join(f"<li><a href='{h}'>{t}</a></li>" for h, t in items)
    return f"<footer><div><h3>{heading}</h3><ul>{rows}</ul></div></footer>"


def test_a_footer_list_of_recommendations_headed_in_german_is_a_block() -> None:
    html = (
        f"<html><body><h1>The story of the day</h1><article>{BODY * 3}</article>"
        f"{_footer_list('Empfehlungen')}</body></html>"
    )
    teasers = valid(extract(html, URL, now=NOW).to_dict())["teasers"]
    assert [t["block"] for t in teasers] == ["Empfehlungen"] * 4


def test_pictures_without_headlines_are_no_block() -> None:
    tiles = "".join(
        f"<div class='tile'><a href='{href}attachment/'><img src='/i.jpg' alt=''></a>"
        f"<p>A caption under the picture of the gallery here</p></div>"
        for href, _, _ in STORIES
    )
    assert _teasers(f"<div><h4>Leser Empfehlungen</h4>{tiles}</div>") == []
