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
