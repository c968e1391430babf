"""Sidebar widgets told apart: tab panels of story lists, pictured "ticker" boxes, recent
comments, and boxes hidden at a desktop's width."""

from __future__ import annotations

from datetime import UTC, datetime

from extractor.pipeline import extract
from tests.records import valid

NOW = datetime(2026, 11, 24, tzinfo=UTC)
URL = "https://news.example/2019/06/19/the-story/"
BODY = "<p>" + "The article body has a sentence with some words, commas, and more. " * 6 + "</p>"
STORIES = [
    (f"/2019/0{i}/0{i}/story-{i}/", f"A headline of six words number {i}") for i in range(1, 4)
]


def _teasers(rail: str, body: str = "") -> list[dict[str, object]]:
    html = (
        f"<html><body><h1>The story of the day</h1><article>{BODY * 3}{body}</article>"
        f"<aside class='sidebar'>{rail}</aside></body></html>"
    )
    return list(valid(extract(html, URL, now=NOW).to_dict())["teasers"])


def _urls(teasers: list[dict[str, object]]) -> list[object]:
    return [t["url"] for t in teasers]


def _story_urls(stories: list[tuple[str, str]]) -> list[str]:
    return [f"https://news.example{href}" for href, _ in stories]


def test_stories_of_a_tab_panel_named_after_the_tab_are_cards() -> None:
    # "mvp-side-tab-story" names a story inside a tab's list, not a tab panel of its own.
    def story(href: str, title: str) -> str:
        return (
            "<div class='mvp-side-tab-story'><div class='mvp-side-tab-out'>"
            f"<a href='{href}'><img src='/t.jpg'></a><h3>Kicker</h3>"
            f"<h2><a href='{href}'>{title}</a></h2></div></div>"
        )

    panels = "".join(
        f"<div class='mvp-side-tab-main' id='tab-col{n}'>"
        + "".join(story(href, title) for href, title in STORIES)
        + "</div>"
        for n in (1, 2)
    )
    tabs = "<ul class='mvp-side-tab-list'><li><a href='#tab-col1'>Headlines</a></li>"
    tabs += "<li><a href='#tab-col2'>Trending</a></li></ul>"
    teasers = _teasers(f"<section class='widget'><div>{tabs}</div>{panels}</section>")
    assert _urls(teasers) == _story_urls(STORIES) * 2
    assert [t["block"] for t in teasers] == ["Headlines"] * 3 + ["Trending"] * 3


def test_one_card_per_tab_panel_is_still_a_set_of_single_promos() -> None:
    cards = "".join(
        f"<div class='widget-tab'><a href='{href}'><img src='/t.jpg'></a>"
        f"<h3><a href='{href}'>{title}</a></h3></div>"
        for href, title in STORIES
    )
    assert _teasers(f"<div class='multimedia'><h2>Multimedia</h2>{cards}</div>") == []


def test_a_ticker_box_of_pictured_stories_in_the_sidebar_is_a_block() -> None:
    items = "".join(
        f"<li><div class='img'><a href='{href}'><img src='/t.jpg'></a></div>"
        f"<a href='{href}'>{title}</a></li>"
        for href, title in STORIES
    )
    box = f"<div class='box siteTicker'><h3>Ticker</h3><ul>{items}</ul></div>"
    teasers = _teasers(box)
    assert _urls(teasers) == _story_urls(STORIES)
    # Without pictures the same box is a strip of bare headlines: navigation.
    assert _teasers(box.replace("<img src='/t.jpg'>", "")) == []


def test_a_ticker_of_pictured_stories_outside_any_sidebar_stays_a_strip() -> None:
    items = "".join(
        f"<li><a href='{href}'><img src='/t.jpg'></a><a href='{href}'>{title}</a></li>"
        for href, title in STORIES
    )
    strip = f"<div class='news-ticker'><ul>{items}</ul></div>"
    assert _teasers("", body=strip) == []


def test_a_recent_comments_widget_linking_each_comment_is_no_block() -> None:
    items = "".join(
        f"<li><a href='{href}#comment-63{i}'>Hallo, kann mir jemand helfen ...</a><br> zu "
        f"<a href='{href}'>{title}</a></li>"
        for i, (href, title) in enumerate(STORIES)
    )
    assert _teasers(f"<div class='box'><h3>Kommentare</h3><ul>{items}</ul></div>") == []


def test_a_box_hidden_at_a_desktops_width_is_no_block() -> None:
    items = "".join(f"<li><a href='{href}'>{title}</a></li>" for href, title in STORIES)
    box = "<div class='{}'><h3>Related stories</h3><ul>" + items + "</ul></div>"
    assert _urls(_teasers(box.format("box"))) == _story_urls(STORIES)
    for hidden in ("box hide-from-desktop", "box hide-desktop", "box hidden-on-desktop"):
        assert _teasers(box.format(hidden)) == [], hidden
    # Hidden on phones only, it shows on a desktop.
    assert _urls(_teasers(box.format("box hide-mobile"))) == _story_urls(STORIES)


def test_a_card_hidden_at_a_desktops_width_leaves_the_block() -> None:
    items = "".join(
        f"<li class='{'item hide-desktop' if i == 0 else 'item'}'><a href='{href}'>{title}</a></li>"
        for i, (href, title) in enumerate(STORIES)
    )
    teasers = _teasers(f"<div class='box'><h3>Related stories</h3><ul>{items}</ul></div>")
    assert _urls(teasers) == _story_urls(STORIES[1:])


def _archive(widget_class: str, heading: str) -> str:
    posts = "".join(
        f"<li><a href='/2019/06/post-{i}.html'>Ein langer Beitragstitel über das Thema {i}</a></li>"
        for i in range(4)
    )
    return (
        f"<div class='widget {widget_class}'><h2>{heading}</h2><div class='widget-content'>"
        "<ul class='hierarchy'><li class='archivedate expanded'>"
        "<a class='post-count-link' href='/2019/'>2019</a> <span class='post-count'>(12)</span>"
        "<ul class='hierarchy'><li class='archivedate expanded'>"
        "<a class='post-count-link' href='/2019/06/'>Juni</a> <span class='post-count'>(4)</span>"
        f"<ul class='posts'>{posts}</ul></li></ul></li></ul></div></div>"
    )


def test_the_posts_of_a_blog_archive_tree_are_navigation() -> None:
    assert _teasers(_archive("BlogArchive", "Blog-Archiv")) == []
    # The same nested list in a widget named for something else is a list of posts.
    assert len(_teasers(_archive("PopularPosts", "Beliebte Posts"))) == 4


def test_a_list_of_posts_under_an_archive_heading_is_navigation() -> None:
    posts = "".join(f"<li><a href='{href}'>{title}</a></li>" for href, title in STORIES)
    assert _teasers(f"<div class='widget'><h3>Archives</h3><ul>{posts}</ul></div>") == []
    assert (
        len(_teasers(f"<div class='widget'><h3>From the archive</h3><ul>{posts}</ul></div>")) == 3
    )
