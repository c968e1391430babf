"""Lists that mostly link the site's services and social accounts are not teaser blocks."""

from __future__ import annotations

from datetime import UTC, datetime

from extractor.pipeline import extract
from tests.records import valid

NOW = datetime(2026, 11, 24, tzinfo=UTC)
URL = "https://news.example/2026/11/the-story"
BODY = "<p>" + "The article body has a sentence with some words, commas, and more. " * 6 + "</p>"


def _teasers(items: list[tuple[str, str]]) -> list[dict[str, object]]:
    lis = "".join(f"<li><a href='{href}'><p>{text}</p></a></li>" for href, text in items)
    html = f"<html><body><h1>The story of the day</h1>{BODY * 3}<ul>{lis}</ul></body></html>"
    return list(valid(extract(html, URL, now=NOW).to_dict())["teasers"])


def test_the_app_and_staff_blog_beside_social_accounts_are_no_teasers() -> None:
    items = [
        ("/app/news/", "Our app loads the news ahead so it reads fast on the train"),
        ("https://www.facebook.com/news", "Facebook: the editors pick the best stories every day"),
        ("https://twitter.com/news", "Twitter: breaking news from the newsroom as it happens"),
        ("/staffblog/", "Staff blog: how the news pages are made behind the scenes"),
    ]
    assert _teasers(items) == []


def test_stories_beside_one_social_link_stay_teasers() -> None:
    items = [
        ("/2026/10/story-1", "Council approves the new budget for the harbour"),
        ("/2026/10/story-2", "Storm closes schools across the northern valley"),
        ("https://twitter.com/news", "Follow the newsroom for more stories like these"),
    ]
    assert [t["url"] for t in _teasers(items)] == [
        "https://news.example/2026/10/story-1",
        "https://news.example/2026/10/story-2",
    ]
