"""Tests of teaser blocks of kinds found late: lists with positional classes, nested groups,
dated "breaking" lists, cards split over sibling pairs, article slugs under hub paths."""

from __future__ import annotations

from datetime import UTC, datetime

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
