"""Tests of parse.teaser_links: which links may lead to another article."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from extractor.parse.teaser_links import (
    _target,
    article_url,
    forget_links,
    link_target,
    page_key,
    url_host,
)

PAGE = "https://news.example/2026/11/the-story?idx=7"
BASE = "https://news.example/2026/11/the-story"


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("/2026/10/other-story", "https://news.example/2026/10/other-story"),
        ("https://www.news.example/a/b#comments", "https://www.news.example/a/b"),
        ("../10/older", "https://news.example/2026/10/older"),
        ("HTTPS://News.Example:8080/x/y", "https://News.Example:8080/x/y"),
    ],
)
def test_article_links_are_absolute_without_fragment(href: str, expected: str) -> None:
    assert article_url(href, BASE, PAGE) == expected


@pytest.mark.parametrize(
    "href",
    [
        "https://bit.ly/2Bs8WqO",  # shortener
        "https://r.zdbb.net/u/9r9i",  # affiliate redirect, matched by its registrable tail
        "https://m.facebook.com/sharer.php?u=x",  # social, subdomain of a listed host
        "https://beap.gemini.yahoo.com/mbclk?bv=1.0.0&es=SlkEC58GIS",  # a native ad's click
        "https://forums.site.example/discussion/213724",  # forum host
        "/discussion/213724",  # forum path
        "/info/disclaimer",
        "/abuse_reports/new",
        "/nfl/players/286158/larry-ogunjobi",
        "/collections/Dad_For_One",
        "/files/2020/12/screenshot.png",
        "/en/",  # a home page in one language
        "/",
        "javascript:void(0)",
        "/2026/11/the-story?idx=7#top",  # the page itself
    ],
)
def test_links_that_lead_nowhere_new_are_not_article_links(href: str) -> None:
    assert article_url(href, BASE, PAGE) is None


def test_a_query_that_names_the_article_makes_another_article() -> None:
    assert article_url("/2026/11/the-story?idx=8", BASE, PAGE) is not None


def test_page_key_ignores_www_and_final_slash() -> None:
    assert page_key("https://www.news.example/a/b/?q=1") == ("news.example", "/a/b", "q=1")
    assert page_key(None) is None


@pytest.mark.parametrize(
    "href",
    [
        "http://launch.newsinc.com/embed.html?type=VideoPlayer",
        "/roundup/mac-pro/",
        "http://feeds.feedburner.com/x",
    ],
)
def test_players_roundups_and_feeds_are_not_articles(href: str) -> None:
    assert article_url(href, BASE, PAGE) is None


def test_paths_are_judged_alike_in_any_case_and_script() -> None:
    # ASCII paths take a case-sensitive search of the lower-cased path: the pattern must stay
    # all lower case for that to ignore case as the original does.
    from extractor.parse.teaser_links import _NOT_ARTICLE_RE

    assert _NOT_ARTICLE_RE.pattern == _NOT_ARTICLE_RE.pattern.lower()
    base, page = "https://example.org/news/a", "https://example.org/news/a"
    assert article_url("/TAG/Politics", base, page) is None
    assert article_url("/News/Category/Sport", base, page) is None
    assert article_url("/Über/TAG/x", base, page) is None  # not ASCII: the original pattern
    assert article_url("/Über/story-1", base, page) == "https://example.org/Über/story-1"


def test_language_roots_are_home_pages_and_longer_paths_are_not() -> None:
    base = page = "https://example.org/news/a"
    for root in ("/en", "/en/", "/pt-br/", "/PT-BR"):
        assert article_url(root, base, page) is None, root
    assert article_url("/en/?page=2", base, page) == "https://example.org/en/?page=2"
    assert article_url("/english/", base, page) == "https://example.org/english/"
    assert article_url("/en/story-1", base, page) == "https://example.org/en/story-1"


def test_one_cached_answer_serves_every_page_a_link_is_on() -> None:
    # The cache is keyed by what the answer depends on: an absolute link's answer is the same on
    # every page, a root-relative one's on every page of its origin; the page check is not cached.
    forget_links()
    pages = [f"https://news.example/2026/11/story-{n}" for n in range(5)]
    for page in pages:
        assert link_target("https://news.example/a/b", page, page_key(page)) == (
            "https://news.example/a/b"
        )
        assert link_target("/2026/11/story-0", page, page_key(page)) == (
            None if page.endswith("story-0") else "https://news.example/2026/11/story-0"
        )
    assert _target.cache_info().currsize == 2
    assert link_target("../10/older", pages[1], page_key(pages[1])) == (
        "https://news.example/2026/10/older"
    )
    assert link_target("../10/older", "https://news.example/a/b/c", None) == (
        "https://news.example/a/10/older"
    )
    assert _target.cache_info().currsize == 4  # relative links depend on the whole base


def test_links_back_to_the_page_are_dropped_on_that_page_only() -> None:
    page = "https://www.news.example/2026/11/the-story/"
    for href in ("https://news.example/2026/11/the-story", "/2026/11/the-story/#top"):
        assert link_target(href, page, page_key(page)) is None
        assert link_target(
            href, "https://news.example/other", page_key("https://news.example/other")
        )
    # Articles told apart by their query: another query is another article, the same is not.
    listed = "https://news.example/view.html?idx=1"
    assert link_target("/view.html?idx=2", listed, page_key(listed)) is not None
    assert link_target("/view.html?idx=1", listed, page_key(listed)) is None
    assert link_target("/view.html", listed, page_key(listed)) is None


@pytest.mark.parametrize(
    "url",
    [
        "https://www.News.Example/a/b",
        "HTTP://news.example:8080/x?y=1",
        "https://news.example",
        "https://user@www.news.example/a",
        "https://news.example:/a",
        "https://news.example\\a",
        "http://[::1]:80/a",
        "  https://www.news.example/a",
        "//www.news.example/a",
        "/relative/path",
    ],
)
def test_url_host_is_the_bare_host_urlsplit_gives(url: str) -> None:
    expected = (urlsplit(url).hostname or "").lower()
    expected = expected[4:] if expected.startswith("www.") else expected
    assert url_host(url) == expected
