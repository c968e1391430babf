"""Tests of teaser blocks of kinds found late: lists with positional classes, nested groups,
dated "breaking" lists, cards split over sibling pairs, article slugs under hub paths."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from extractor.parse.teaser_links import article_url
from extractor.pipeline import extract
from tests.records import valid

NOW = datetime(2026, 11, 24, tzinfo=UTC)
URL = "https://news.example/2026/11/the-story"
BODY = "<p>" + "The article body has a sentence with some words, commas, and more. " * 6 + "</p>"


def _teasers(extra: str, after: str = "") -> list[dict[str, object]]:
    page = f"<html><body><h1>The story of the day</h1>{BODY * 3}{extra}</body></html>{after}"
    record = valid(extract(page, URL, now=NOW).to_dict())
    return list(record["teasers"])


def _urls(teasers: list[dict[str, object]]) -> list[object]:
    return [t["url"] for t in teasers]


def test_the_last_item_of_a_list_is_a_card_despite_its_position_class() -> None:
    items = "".join(
        f"<li class='{'last' if i == 4 else ''}'>"
        f"<a href='/2026/10/story-{i}'>A popular headline about topic number {i}</a></li>"
        for i in range(5)
    )
    teasers = _teasers(f"<div><h3>Most Popular</h3><ul>{items}</ul></div>")
    assert _urls(teasers) == [f"https://news.example/2026/10/story-{i}" for i in range(5)]


def _video(i: int) -> str:
    title = f"Watch the trailer of the new film number {i} today"
    return (
        f"<div class='video-post'><div class='thumbnail'><a href='/videos/clip-{i}'>{title}</a>"
        f"</div><h3>{title}</h3></div>"
    )


def test_a_second_group_of_cards_beside_a_found_one_is_read_too() -> None:
    # Two rows of two video cards side by side: the row that holds them both would be read as
    # a block of two "cards" (dropped for the first row inside it); the second row is its own.
    rows = f"<div>{_video(1)}{_video(2)}</div><div>{_video(3)}{_video(4)}</div>"
    teasers = _teasers(f"<section><h2>Latest Videos</h2><div class='grid'>{rows}</div></section>")
    assert _urls(teasers) == [f"https://news.example/videos/clip-{i}" for i in range(1, 5)]


def test_a_list_in_a_column_of_widgets_is_read_on_its_own() -> None:
    # The rail's widgets read as a block of two "cards" (the channel finder, the app box); the
    # "Most Commented" widget is no card but holds a list, which is the real block.
    items = "".join(
        f"<li><a href='/2026/11/{i}/story-{i}'>A commented headline about topic number {i}</a>"
        f" ({100 + i})</li>"
        for i in range(5)
    )
    rail = (
        "<aside>"
        "<div class='box'><h3>Channel Finder</h3><div>Enter your zip code to find the channel"
        " near you tonight</div><a href='https://listings.example/grid'>Click here for the TV"
        " listings of the week</a></div>"
        "<div class='box'><h3>Our App</h3><p><a href='/mobile-app'>Get the app for your phone"
        " and tablet</a></p></div>"
        f"<div class='box'><h3>Most Commented</h3><ul>{items}</ul></div>"
        "</aside>"
    )
    teasers = _teasers(rail)
    assert _urls(teasers) == [f"https://news.example/2026/11/{i}/story-{i}" for i in range(5)]
    assert {t["block"] for t in teasers} == {"Most Commented"}


def _breaking(dated: bool) -> str:
    items = "".join(
        f"<div class='breaking-news-item'><a href='/breaking/story-{i}'>"
        f"<span>Officials announce a new measure on topic number {i}</span><ul>"
        "<li>By Jane Doe and News Staff</li>"
        f"{f'<li>11/{20 - i}/2026 01:14 PM</li>' if dated else ''}</ul></a></div>"
        for i in range(4)
    )
    return f"<div class='breaking-news-list'>{items}</div>"


def test_a_breaking_news_list_whose_items_show_dates_is_a_block() -> None:
    teasers = _teasers(_breaking(dated=True))
    assert _urls(teasers) == [f"https://news.example/breaking/story-{i}" for i in range(4)]
    assert teasers[1]["title"] == "Officials announce a new measure on topic number 1"
    assert teasers[1]["date"] == "2026-11-19"
    # "By Jane Doe and News Staff" is the byline, not a blurb.
    assert {t["blurb"] for t in teasers} == {None}


def test_a_breaking_news_strip_of_bare_headlines_stays_a_ticker() -> None:
    assert _teasers(_breaking(dated=False)) == []


def test_a_short_by_line_under_a_card_title_is_no_blurb() -> None:
    cards = "".join(
        f"<li><h3><a href='/2026/11/story-{i}'>A headline about topic number {i} today</a></h3>"
        f"<p>By Jane Doe and News Staff</p><p>{'A longer line that tells what the story says.'}"
        "</p></li>"
        for i in range(3)
    )
    teasers = _teasers(f"<h2>More News</h2><ul>{cards}</ul>")
    assert len(teasers) == 3
    assert {t["blurb"] for t in teasers} == {"A longer line that tells what the story says."}
    bylined = _teasers(f"<h2>More News</h2><ul>{cards.replace('<p>A longer', '<p hidden>')}</ul>")
    assert {t["blurb"] for t in bylined} == {None}


def test_cards_drawn_as_picture_and_text_boxes_side_by_side() -> None:
    # Each story is two sibling boxes (a linked picture, then a text box whose first class
    # varies): as many picture boxes as text boxes, and the text boxes are the cards.
    pairs = "".join(
        f"<div class='small-5 row-image'><a href='/news/story-{i}.html'><img src='/i/{i}.jpg'>"
        f"</a></div><div class='{'top' if i == 0 else 'bottom'} small-7 row-desc'>"
        f"<a href='/news/story-{i}.html'><h5>A car maker reveals its new model number {i}</h5>"
        f"</a><p>The new model comes with a bigger engine and a longer list of extras.</p></div>"
        for i in range(4)
    )
    teasers = _teasers(f"<div><label>RECENT ARTICLES</label><div class='grid'>{pairs}</div></div>")
    assert _urls(teasers) == [f"https://news.example/news/story-{i}.html" for i in range(4)]
    assert teasers[2]["title"] == "A car maker reveals its new model number 2"


@pytest.mark.parametrize(
    ("href", "is_article"),
    [
        ("/videos/category/history/the-1930s-were-not-a-good-time/", True),
        ("/archive/2019/11/why-the-city-is-losing-its-oldest-trees/", True),
        ("/videos/category/history/", False),  # the hub itself
        ("/category/history/page/2/", False),
        ("/tag/the-long-name-of-a-tag-page/", False),  # a tag's name right below the hub
        ("/category/news/feed/why-the-city-is-losing-its-oldest-trees", False),  # a feed too
    ],
)
def test_a_story_slug_filed_below_a_hub_word_is_an_article(href: str, is_article: bool) -> None:
    assert (article_url(href, URL, URL) is not None) is is_article


def test_a_list_s_lead_story_drawn_larger_is_one_of_its_cards() -> None:
    lead = (
        "<li class='dc teaserLink'><div class='teaser'><a href='/canada/lead-story-1'>"
        "<img src='/i/lead.jpg'></a><h2><a href='/canada/lead-story-1'>A couple is left behind"
        " in Alaska after a cruise</a></h2></div></li>"
    )
    items = "".join(
        f"<li><a href='/canada/story-{i}'>A headline about a Canadian topic number {i}</a></li>"
        for i in range(2)
    )
    teasers = _teasers(f"<div><h3><a href='/canada'>CANADA</a></h3><ul>{lead}{items}</ul></div>")
    assert _urls(teasers) == [
        "https://news.example/canada/lead-story-1",
        "https://news.example/canada/story-0",
        "https://news.example/canada/story-1",
    ]
    assert {t["block"] for t in teasers} == {"CANADA"}


def test_the_heading_of_an_empty_list_box_does_not_name_the_block_after_it() -> None:
    # "Most read" is filled by a script: its heading sits over an empty list, and the unheaded
    # block of stories after it is another box.
    cards = "".join(
        f"<div class='story'><a href='/news/world/{i}/story'><h4>A world headline about a topic"
        f" number {i}</h4></a></div>"
        for i in range(3)
    )
    teasers = _teasers(
        "<aside><section class='box'><header><h3>Most read in World</h3></header><ul></ul>"
        f"</section><section class='box news'>{cards}</section></aside>"
    )
    assert len(teasers) == 3
    assert {t["block"] for t in teasers} == {None}


@pytest.mark.parametrize("heading", ["Recent Comments", "Upcoming Events"])
def test_lists_of_readers_comments_and_events_are_no_teasers(heading: str) -> None:
    items = "".join(
        f"<li><a href='/2026/10/post-{i}'>Reader number {i} commented on the weekly post</a></li>"
        for i in range(4)
    )
    assert _teasers(f"<aside><h3>{heading}</h3><ul>{items}</ul></aside>") == []
    # The same list under a heading of stories is a block.
    assert len(_teasers(f"<aside><h3>Recent Posts</h3><ul>{items}</ul></aside>")) == 4


def test_a_related_box_in_a_sidebar_marked_as_navigation_is_a_block() -> None:
    # "rs_skip" (skipped by the read-aloud tool) marks the sidebar as navigation; its
    # "Relacionadas" box is still a block of stories, while a menu of the same links is not.
    items = "".join(
        f"<li><a href='/esporte/2026/11/noticia-{i}.shtml'>Um título de notícia sobre o assunto"
        f" número {i}</a></li>"
        for i in range(3)
    )
    box = f"<div><h4>Relacionadas</h4><ul>{items}</ul></div>"
    teasers = _teasers(f"<aside class='col-fixed u-no-print rs_skip'>{box}</aside>")
    assert len(teasers) == 3
    assert {t["block"] for t in teasers} == {"Relacionadas"}
    assert _teasers(f"<aside class='rs_skip'><nav>{box}</nav></aside>") == []


def test_an_empty_ad_slot_does_not_split_a_run_of_link_paragraphs() -> None:
    links = [
        f"<p class='para'><a href='/2026/10/related-{i}.html'>A related story about the band"
        f" number {i}</a></p>"
        for i in range(4)
    ]
    text = (
        "<div class='entry'>"
        + BODY * 3
        + "<p class='para'>You may also like...</p>"
        + "".join(links[:2])
        + "<div class='ad ad--in-article'></div>"
        + "".join(links[2:])
        + "</div>"
    )
    teasers = _teasers(text)
    assert _urls(teasers) == [f"https://news.example/2026/10/related-{i}.html" for i in range(4)]
    assert {t["block"] for t in teasers} == {"You may also like..."}


@pytest.mark.parametrize(
    ("line", "is_blurb"),
    [
        ("Récit Par Pierre Alonso", False),  # a kicker, then the byline
        ("By JANE DOE and NEWS STAFF", False),
        ("Attacked by a shark in Florida", True),
        ("By the time you read this", True),  # six words, no name
    ],
)
def test_a_byline_after_a_one_word_kicker_is_no_blurb(line: str, is_blurb: bool) -> None:
    cards = "".join(
        f"<li><h3><a href='/2026/11/story-{i}'>A headline about topic number {i} today</a></h3>"
        f"<p>{line}</p></li>"
        for i in range(3)
    )
    teasers = _teasers(f"<h2>More News</h2><ul>{cards}</ul>")
    assert {t["blurb"] for t in teasers} == {line if is_blurb else None}


def test_a_stream_a_few_wrappers_below_its_title_bar_takes_its_heading() -> None:
    items = "".join(
        f"<li><div class='Bfc'><div class='Ov-h'><h3><a href='/news/story-{i}.html'>A story"
        f" recommended to the reader number {i}</a></h3><p>What the story number {i} is about,"
        " in a line.</p></div></div></li>"
        for i in range(3)
    )
    stream = (
        "<div class='App'><div class='App-Hd'><h2>Recommended for You</h2></div>"
        f"<div class='App-Bd'><div class='App-Main'><div class='main'><ul>{items}</ul></div>"
        "</div></div></div>"
    )
    teasers = _teasers(stream)
    assert len(teasers) == 3
    assert {t["block"] for t in teasers} == {"Recommended for You"}


def test_a_block_heading_keeps_its_final_colon_as_shown() -> None:
    items = "".join(
        f"<li><a href='/2026/10/story-{i}'>A headline about topic number {i} today</a></li>"
        for i in range(3)
    )
    teasers = _teasers(f"<div><h4>More games news:</h4><ul>{items}</ul></div>")
    assert {t["block"] for t in teasers} == {"More games news:"}


@pytest.mark.parametrize(
    "href",
    [
        "https://subs.news.example/checkout?plan=1",
        "https://help.news.example/hc/en-us",
        "https://policies.news.example/mobile-app-agreement/",
        "/membership?source=post_page",
        "/news-tips/",
        "/sign-up-for-our-newsletters/",
        "https://deals.news.example/deal/26/11/save-on-laptops/",
        "/advertorial/5-reasons-to-buy-a-hybrid-car-this-year.html",
        "/sponsored-content/a-partner-story-about-banking/",
    ],
)
def test_help_legal_subscription_and_paid_pages_are_no_articles(href: str) -> None:
    assert article_url(href, URL, URL) is None
    # A story about an agreement or a sign-up drive is an article.
    assert article_url("/2026/11/us-china-trade-agreement/", URL, URL) is not None
    assert article_url("/2026/11/sign-up-now-officials-urge/", URL, URL) is not None


def _slide(start: int) -> str:
    cards = "".join(
        f"<div class='card'><a href='/2026/11/story-{i}'><img src='/i/{i}.jpg'>"
        f"<h3>A related story about the topic number {i}</h3></a></div>"
        for i in range(start, start + 2)
    )
    return f"<div class='slide'>{cards}</div>"


def test_every_slide_of_a_carousel_takes_the_heading_above_it() -> None:
    carousel = (
        "<section><h2>Related Stories</h2><div class='carousel'><div class='track'>"
        f"{_slide(0)}{_slide(2)}{_slide(4)}</div></div></section>"
    )
    teasers = _teasers(carousel)
    assert len(teasers) == 6
    assert {t["block"] for t in teasers} == {"Related Stories"}


def test_panels_of_a_tab_widget_without_labels_above_them_stay_unheaded() -> None:
    tabs = (
        "<section><h2>Stories</h2><div class='widget'><ul class='tabs'><li>One</li>"
        f"<li>Two</li><li>Three</li></ul><div class='panels'>{_slide(0)}{_slide(2)}"
        f"{_slide(4)}</div></div></section>"
    )
    teasers = _teasers(tabs)
    assert [t["block"] for t in teasers[2:]] == [None] * 4


def test_a_breaking_news_box_whose_lead_story_shows_a_picture_is_a_block() -> None:
    items = "".join(
        f"<li class='item'><a href='/news/local/story-{i}.php'>"
        f"{'<img src=/i/lead.jpg>' if i == 0 else ''}</a><span class='breaking-item'>"
        f"<a href='/news/local/story-{i}.php'>A local man is charged in a case number {i}</a>"
        "</span></li>"
        for i in range(2)
    )
    box = f"<div class='core-breaking-now'><h2>Breaking News</h2><ul>{items}</ul></div>"
    teasers = _teasers(box)
    assert _urls(teasers) == [f"https://news.example/news/local/story-{i}.php" for i in range(2)]


def test_an_author_stream_starting_with_this_article_keeps_its_heading() -> None:
    # The stream's first item is the current article (dropped as a self-link); the heading
    # above it still names the block.
    items = "".join(
        f"<li class='post'><a href='{href}'>{title}</a></li>"
        for href, title in [
            (URL, "The story of the day, told by its author"),
            ("/2026/11/other-story-1", "Another story the same reporter wrote this week"),
            ("/2026/11/other-story-2", "A third story the same reporter wrote this month"),
        ]
    )
    teasers = _teasers(f"<div><h4>Jane Doe's Most Recent Stories</h4><ul>{items}</ul></div>")
    assert len(teasers) == 2
    assert {t["block"] for t in teasers} == {"Jane Doe's Most Recent Stories"}


def test_a_video_s_running_time_is_no_date() -> None:
    cards = "".join(
        f"<a class='video' href='/video/clip-{i}'><div class='thumb'><img src='/i/{i}.jpg'>"
        f"<div class='vod-duration'>18:0{i}</div></div><div class='caption'>A video about the"
        f" game number {i} last night</div></a>"
        for i in range(3)
    )
    teasers = _teasers(f"<div><h3>Watch Now</h3><div class='videos'>{cards}</div></div>")
    assert len(teasers) == 3
    assert {t["date"] for t in teasers} == {None}
    assert {t["date_text"] for t in teasers} == {None}


def test_a_sponsor_s_credit_after_a_block_heading_is_not_part_of_it() -> None:
    items = "".join(
        f"<li><a href='https://partner.example/2026/11/story-{i}'>A partner headline about"
        f" topic number {i}</a></li>"
        for i in range(3)
    )
    teasers = _teasers(
        f"<div><h3>Newswire <span>Powered by</span> <img alt=''></h3><ul>{items}</ul></div>"
    )
    assert {t["block"] for t in teasers} == {"Newswire"}


def test_the_lead_story_drawn_before_an_unheaded_list_joins_it() -> None:
    lead = (
        "<article class='lead'><figure><a href='/nation/lead-story'><img src='/i/lead.jpg'></a>"
        "</figure><header><h1><a href='/nation/lead-story'>The lead story of the nation"
        " section today</a></h1></header></article>"
    )
    items = "".join(
        f"<li><a href='/nation/story-{i}'>Another story of the nation section number {i}</a></li>"
        for i in range(3)
    )
    box = f"<div class='box'><h2>Top stories in Nation</h2>{lead}<ul>{items}</ul></div>"
    teasers = _teasers(box)
    assert _urls(teasers) == ["https://news.example/nation/lead-story"] + [
        f"https://news.example/nation/story-{i}" for i in range(3)
    ]
    assert {t["block"] for t in teasers} == {"Top stories in Nation"}
    # A lone promo card with no heading above it stays out of the list.
    lone = _teasers(f"<div class='box'>{lead}<ul>{items}</ul></div>")
    assert _urls(lone) == [f"https://news.example/nation/story-{i}" for i in range(3)]
