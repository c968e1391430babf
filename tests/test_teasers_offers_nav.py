"""Story-like lists that are no teasers: previous/next links named by their ids or labelled in
other languages, price-tagged listings, a paid list's heading over its lead, licence links;
and the meta line of a card, which is no blurb."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from extractor.parse.teaser_links import article_url
from extractor.pipeline import extract
from tests.records import valid

NOW = datetime(2026, 11, 24, tzinfo=UTC)
URL = "https://news.example/2019/06/19/the-story/"
BODY = "<p>" + "The article body has a sentence with some words, commas, and more. " * 6 + "</p>"
STORIES = [
    (f"/2019/0{i}/0{i}/story-{i}/", f"A headline of six words number {i}") for i in range(1, 4)
]


def _teasers(before: str = "", after: str = "", rail: str = "") -> list[dict[str, object]]:
    html = (
        f"<html><body><div class='main'>{before}<h1>The story of the day</h1>"
        f"<article>{BODY * 3}</article>{after}</div><aside class='sidebar'>{rail}</aside>"
        "</body></html>"
    )
    return list(valid(extract(html, URL, now=NOW).to_dict())["teasers"])


def _urls(teasers: list[dict[str, object]]) -> list[object]:
    return [t["url"] for t in teasers]


def test_links_named_next_and_previous_by_their_ids_are_post_navigation() -> None:
    (a, b), (c, d) = STORIES[0], STORIES[1]
    nav = (
        f"<div id='headernav'><div id='next'><a id='nextlink' href='{a}'>{b}</a></div>"
        f"<div id='prev'><a id='prelink' href='{c}'>{d}</a></div></div>"
    )
    assert _teasers(before=nav) == []
    # The same two stories in boxes named for what they are stay a block.
    boxes = nav.replace("'next'", "'one'").replace("'prev'", "'two'")
    boxes = boxes.replace("nextlink", "a1").replace("prelink", "a2")
    assert _urls(_teasers(before=boxes)) == [f"https://news.example{h}" for h in (a, c)]


@pytest.mark.parametrize(
    ("previous", "following"),
    [
        ("Article précédent", "Article suivant"),
        ("Vorheriger Beitrag", "Nächster Beitrag"),
        ("Entrada anterior", "Entrada siguiente"),
    ],
)
def test_previous_and_next_labelled_inside_the_links_in_other_languages(
    previous: str, following: str
) -> None:
    (a, b), (c, d) = STORIES[0], STORIES[1]
    nav = (
        f"<div class='navbillets'><div class='vieux'><a href='{a}'>{previous} « {b} »</a></div>"
        f"<div class='vieux'><a href='{c}'>{following} « {d} »</a></div></div>"
    )
    assert _teasers(after=nav) == []


def test_a_list_of_price_tagged_offers_is_no_block() -> None:
    items = "".join(
        f"<div class='entry'><div class='img'><a href='/gebrauchte,16{i},Traktor-{i}.html'>"
        f"<img src='/t.jpg'></a></div><div class='txt'><strong>"
        f"<a href='/gebrauchte,16{i},Traktor-{i}.html'>Carraro Tigrtrac 3800 HST {i}</a></strong>"
        f"<br> 36 PS / 26.48 kW <span class='price'>EUR 1{i}900,--</span></div></div>"
        for i in range(4)
    )
    box = f"<div class='box'><h3>Gebrauchtmaschinen</h3>{items}</div>"
    assert _teasers(rail=box) == []
    # The same list without its price tags is a list of stories.
    plain = box.replace("<span class='price'>EUR", "<span class='price'>Ausgabe")
    assert len(_teasers(rail=plain)) == 4


def test_a_paid_lists_heading_over_its_lead_story_drops_the_list() -> None:
    lead = (
        "<div class='lead'><figure><a href='/2019/01/01/lead/'><img src='/l.jpg'></a></figure>"
        "<h3><a href='/2019/01/01/lead/'>The lead story of the sponsored list</a></h3>"
        "<p>Online trading platforms change how the trade works, and the lead story of the "
        "list says how.</p></div>"
    )
    rest = "".join(
        f"<div class='item'><h3><a href='{href}'>{title}</a></h3></div>" for href, title in STORIES
    )
    widget = f"<div class='widget'><h3>{{}}</h3>{lead}<div class='list'>{rest}</div></div>"
    assert _teasers(rail=widget.format("Sponsored Posts")) == []
    kept = _teasers(rail=widget.format("Editors' Picks"))
    assert [t["block"] for t in kept] == ["Editors' Picks"] * 4


def test_a_cards_meta_line_beside_its_date_is_no_blurb() -> None:
    cards = "".join(
        f"<div class='post'><h3><a href='{href}'>{title}</a></h3><div class='below-entry-meta'>"
        f"<span class='posted-on'><time datetime='2019-08-27'>27. August 2019</time></span> "
        "<span class='byline'><a href='/author/erp/'>ERP-News Redaktion</a></span> "
        "<span class='comments'>Kommentare deaktiviert</span></div></div>"
        for href, title in STORIES
    )
    teasers = _teasers(after=f"<div class='related'><h4>Related posts</h4>{cards}</div>")
    assert [t["date"] for t in teasers] == ["2019-08-27"] * 3
    assert [t["blurb"] for t in teasers] == [None] * 3


def test_a_long_line_beside_the_date_outside_a_meta_box_stays_the_blurb() -> None:
    cards = "".join(
        f"<div class='post'><h3><a href='{href}'>{title}</a></h3><p>27. August 2019 "
        "Die Redaktion erklärt die neue Plattform</p></div>"
        for href, title in STORIES
    )
    teasers = _teasers(after=f"<div class='related'><h4>Related posts</h4>{cards}</div>")
    assert [t["blurb"] for t in teasers] == ["Die Redaktion erklärt die neue Plattform"] * 3


@pytest.mark.parametrize(
    "href",
    [
        "https://creativecommons.org/licenses/by-sa/4.0/",
        "/licence/",
        "https://creativecommons.org/licenses/by/2.0/deed.de",
    ],
)
def test_licences_are_no_article_links(href: str) -> None:
    assert article_url(href, URL, URL) is None


def test_a_box_named_for_previous_and_next_posts_leaves_the_body_too() -> None:
    rows = "".join(
        f"<div class='row {side}'><p class='btn'><a href='{href}'>{side.title()} News</a></p>"
        f"<div class='row-desc'><a href='{href}'>{title}</a><p>Marcus De Guzman 2019-11-20</p>"
        "</div></div>"
        for side, (href, title) in zip(("next", "prev"), STORIES, strict=False)
    )
    html = (
        f"<html><body><h1>The story of the day</h1><article>{BODY * 3}"
        f"<div class='grid-container next-prev'>{rows}</div></article></body></html>"
    )
    record = extract(html, URL, now=NOW)
    assert record.teasers == ()
    assert "Marcus De Guzman" not in record.text


def test_previous_and_next_post_links_leave_the_body_as_navigation() -> None:
    # Previous/next links with excerpts, named by their ids: no teasers, and no text either.
    (a, b), (c, d) = STORIES[0], STORIES[1]
    excerpt = "The other post's excerpt runs on for a while, with commas, clauses, and more words."
    nav = (
        f"<div class='pn'><div id='prelink'><h4><a href='{a}'>{b}</a></h4><p>{excerpt}</p></div>"
        f"<div id='nextlink'><h4><a href='{c}'>{d}</a></h4><p>{excerpt}</p></div></div>"
    )
    html = (
        f"<html><body><h1>The story of the day</h1><div class='post'>{BODY * 3}{nav}</div>"
        "</body></html>"
    )
    record = valid(extract(html, URL, now=NOW).to_dict())
    assert record["teasers"] == []
    assert excerpt not in record["text"]
    assert any(b in item["text"] for item in record["boilerplate"] if item["kind"] == "navigation")
