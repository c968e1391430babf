"""Headline list items with only their last words linked."""

from __future__ import annotations

from datetime import UTC, datetime

from extractor.pipeline import extract
from tests.records import valid

NOW = datetime(2026, 11, 24, tzinfo=UTC)
URL = "https://news.example/story/the-story"
BODY = "<p>" + "The article body has a sentence with some words, commas, and more. " * 6 + "</p>"
LINES = (
    ("The enduring power of a diagnosis, ", "even when it is no longer one"),
    ("How to opt out of the sites ", "that sell your personal data"),
    ("What the big acquisition means ", "for the future of wearables"),
)


def _teasers(heading: str) -> list[dict[str, object]]:
    items = "".join(
        f"<li>{lead}<a href='/story/item-{i}/'>{end}</a></li>"
        for i, (lead, end) in enumerate(LINES)
    )
    block = f"<div><div class='heading-h3'>{heading}</div><ul>{items}</ul></div>"
    html = f"<html><body><h1>The story of the day</h1>{BODY * 3}{block}</body></html>"
    return list(valid(extract(html, URL, now=NOW).to_dict())["teasers"])


def test_items_linked_at_their_end_under_a_block_heading_are_headlines() -> None:
    teasers = _teasers("More Great Stories")
    assert [t["url"] for t in teasers] == [
        f"https://news.example/story/item-{i}/" for i in range(3)
    ]
    assert [t["title"] for t in teasers] == [lead + end for lead, end in LINES]


def test_the_same_items_without_a_block_heading_are_sentences() -> None:
    assert _teasers("Notes") == []
