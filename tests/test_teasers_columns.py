"""Teaser blocks in columns: thumbnails beside titles, and a sidebar column of widget boxes."""

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
)
EXTRA = "Mayor opens the rebuilt bridge over the river"


def test_thumbnail_and_title_siblings_take_the_titles_as_cards() -> None:
    # One thumbnail div and one title div per story, alternating: the thumbnails come first
    # and tie with the titles on count, but hold no text.
    pairs = "".join(
        f"<div class='thumb'><a href='/2026/10/story-{i}'><img src='/t{i}.jpg'></a></div>"
        f"<div class='title'><a href='/2026/10/story-{i}'>{t}</a></div>"
        for i, t in enumerate(TITLES)
    )
    html = f"<html><body><h1>The story of the day</h1>{BODY * 3}<div>{pairs}</div></body></html>"
    record = valid(extract(html, URL, now=NOW).to_dict())
    assert [t["title"] for t in record["teasers"]] == list(TITLES)
    assert [t["url"] for t in record["teasers"]] == [
        f"https://news.example/2026/10/story-{i}" for i in range(3)
    ]


def test_a_day_label_beside_each_title_leaves_the_titles_as_cards() -> None:
    # Both kinds hold text and tie on count; the day labels come first.
    pairs = "".join(
        f"<li class='eps-day'><a href='/2026/10/story-{i}'>{day}</a></li>"
        f"<li class='eps-title'><a href='/2026/10/story-{i}'>{t}</a></li>"
        for i, (day, t) in enumerate(
            zip(("Monday's", "Friday's", "Thursday's"), TITLES, strict=True)
        )
    )
    html = f"<html><body><h1>The story of the day</h1>{BODY * 3}<ul>{pairs}</ul></body></html>"
    record = valid(extract(html, URL, now=NOW).to_dict())
    assert [t["title"] for t in record["teasers"]] == list(TITLES)


def test_alternating_thumbnail_and_text_cells_sharing_layout_classes() -> None:
    # Thumbnail cells and text cells share a layout class each way ("cell"/"small-5"); the
    # first text cell is marked "top", the others "bottom", so no signature groups them.
    cells = "".join(
        f"<div class='small-5 row-image'><a href='/2026/10/story-{i}'><img src='/t{i}.jpg'></a>"
        f"</div><div class='cell small-7 row-desc {'top' if i == 0 else 'bottom'}'>"
        f"<a href='/2026/10/story-{i}'><h5 class='row-title'>{t}</h5></a></div>"
        for i, t in enumerate(TITLES)
    )
    html = f"<html><body><h1>The story of the day</h1>{BODY * 3}<div>{cells}</div></body></html>"
    record = valid(extract(html, URL, now=NOW).to_dict())
    assert [t["title"] for t in record["teasers"]] == list(TITLES)


def test_a_big_lead_card_ahead_of_small_ones_is_a_card_of_the_block() -> None:
    sizes = ("big", "small", "small")
    cards = "".join(
        f"<article class='widget-block-{size}'><a href='/2026/10/story-{i}'>{t}</a></article>"
        for i, (size, t) in enumerate(zip(sizes, TITLES, strict=True))
    )
    html = f"<html><body><h1>The story of the day</h1>{BODY * 3}<div>{cards}</div></body></html>"
    record = valid(extract(html, URL, now=NOW).to_dict())
    assert [t["title"] for t in record["teasers"]] == list(TITLES)


# A sidebar column of widget boxes is not a block; the story list inside one box is.
def test_the_list_in_one_widget_box_is_read_not_the_column_of_boxes() -> None:
    titles = (*TITLES, EXTRA)
    items = "".join(f"<li><a href='/2026/10/story-{i}'>{t}</a></li>" for i, t in enumerate(titles))
    column = (
        "<aside>"
        "<div class='box'><a href='/tv/listings'>Click here for the TV listings tonight</a></div>"
        f"<div class='box'><h4>Most Commented</h4><ul>{items}</ul></div>"
        "<div class='box'><a href='/tools/site-tools'>Site tools for members and writers</a></div>"
        "</aside>"
    )
    html = f"<html><body><h1>The story of the day</h1>{BODY * 3}{column}</body></html>"
    teasers = valid(extract(html, URL, now=NOW).to_dict())["teasers"]
    assert [t["title"] for t in teasers] == list(titles)
    assert {t["block"] for t in teasers} == {"Most Commented"}


def test_story_cards_beside_a_most_popular_box_are_two_blocks() -> None:
    # The column's children are story cards of one kind, then a box of another kind that holds
    # its own list: the cards are a block, and so is the list (neither repeats the other).
    cards = "".join(
        f"<div class='story-box'><div><a href='/2026/10/story-{i}'>{t}</a></div>"
        f"<div class='stamp'>October {i + 1}, 2026</div><div class='dek'>A short dek about it "
        f"that runs on for a line.</div></div>"
        for i, t in enumerate(TITLES)
    )
    popular = (
        "<div class='rail-pad'><h4>Most Popular</h4><ul>"
        + "".join(
            f"<li><a href='/2026/09/popular-{i}'>{t} once more</a></li>"
            for i, t in enumerate(TITLES)
        )
        + "</ul></div>"
    )
    html = (
        f"<html><body><h1>The story of the day</h1><article>{BODY * 3}</article>"
        f"<div class='rail'>{cards}{popular}</div></body></html>"
    )
    teasers = valid(extract(html, URL, now=NOW).to_dict())["teasers"]
    assert [t["url"].rsplit("/", 1)[1] for t in teasers] == [
        *(f"story-{i}" for i in range(3)),
        *(f"popular-{i}" for i in range(3)),
    ]
    assert teasers[-1]["block"] == "Most Popular"
