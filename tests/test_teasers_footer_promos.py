"""A page footer's short-titled promos with taglines are the site's own, not stories."""

from __future__ import annotations

from datetime import UTC, datetime

from extractor.pipeline import extract
from tests.records import valid

NOW = datetime(2026, 11, 24, tzinfo=UTC)
URL = "https://fans.example/articles/the-story"
BODY = "<p>" + "The article body has a sentence with some words, commas, and more. " * 6 + "</p>"
PROMOS = [
    (
        "/features/start-a-wiki",
        "Start a wiki",
        "Can't find a community you love? Create your own today.",
    ),
    (
        "/features/community-apps",
        "Community Apps",
        "Take your favorite fandoms with you and never miss a beat.",
    ),
    ("/features/press-room", "Press", "Find the company's news releases and its media kit here."),
    ("/features/who-we-are", "Overview", "Learn who we are, where we work and how to reach us."),
]


def _page(wrapper: str) -> str:
    sections = "".join(
        f"<section class='promo'><h3>{title}</h3><p>{tagline}</p><a href='{href}'>Go</a></section>"
        for href, title, tagline in PROMOS
    )
    return (
        f"<html><body><h1>The story of the day</h1><article>{BODY * 3}</article>"
        f"{wrapper.format(sections)}</body></html>"
    )


def _teaser_urls(html: str) -> list[str]:
    return [t["url"] for t in valid(extract(html, URL, now=NOW).to_dict())["teasers"]]


def test_promos_in_the_page_footer_are_no_teasers() -> None:
    assert _teaser_urls(_page("<footer class='global-footer'>{}</footer>")) == []


def test_the_same_cards_beside_the_article_stay_teasers() -> None:
    urls = _teaser_urls(_page("<aside class='rail'>{}</aside>"))
    assert urls == [f"https://fans.example{href}" for href, _, _ in PROMOS]


def test_columns_of_links_under_their_names_are_no_cards() -> None:
    # Each column is read as a card by its one link that may be a story (the others are site
    # pages); a card that holds a list of links under an unlinked name is a menu's column.
    columns = "".join(
        f"<li class='menu-col'><h4>{name}</h4><ul>"
        f"<li><a href='/features/{name.lower()}-notes'>{story}</a></li>"
        "<li><a href='/privacy/'>Privacy policy</a></li><li><a href='/terms/'>Terms of use</a></li>"
        "</ul></li>"
        for name, story in (
            ("ABOUT", "Our newsroom's history told in photographs"),
            ("SITE", "Notices from the site about this week's changes"),
            ("HELP", "Questions about the site and how to reach us"),
        )
    )
    html = (
        f"<html><body><h1>The story of the day</h1><article>{BODY * 3}</article>"
        f"<footer><ul class='columns'>{columns}</ul></footer></body></html>"
    )
    assert _teaser_urls(html) == []
