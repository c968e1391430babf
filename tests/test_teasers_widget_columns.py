"""A sidebar column of widget boxes is not a block; the story list inside one box is."""

from __future__ import annotations

from datetime import UTC, datetime

from extractor.pipeline import extract
from tests.records import valid

NOW = datetime(2026, 11, 24, tzinfo=UTC)
URL = "https://news.example/2026/11/the-story"
BODY = "<p>" + "The article body has a sentence with some words, commas, and more. " * 6 + "</p>"
TITLES = (
    "Council approves the new budget for the harbour",
    "Storm closes schools across the northern valley",
    "Local bakery wins the national bread prize again",
    "Mayor opens the rebuilt bridge over the river",
)


def test_the_list_in_one_widget_box_is_read_not_the_column_of_boxes() -> None:
    items = "".join(f"<li><a href='/2026/10/story-{i}'>{t}</a></li>" for i, t in enumerate(TITLES))
    column = (
        "<aside>"
        "<div class='box'><a href='/tv/listings'>Click here for the TV listings tonight</a></div>"
        f"<div class='box'><h4>Most Commented</h4><ul>{items}</ul></div>"
        "<div class='box'><a href='/tools/site-tools'>Site tools for members and writers</a></div>"
        "</aside>"
    )
    html = f"<html><body><h1>The story of the day</h1>{BODY * 3}{column}</body></html>"
    teasers = valid(extract(html, URL, now=NOW).to_dict())["teasers"]
    assert [t["title"] for t in teasers] == list(TITLES)
    assert {t["block"] for t in teasers} == {"Most Commented"}
