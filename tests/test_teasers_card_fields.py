"""A card's fields where the markup mixes them: a title line named so beside a kicker, a date
inside the title's heading, a date in brackets at the end of the dek."""

from __future__ import annotations

from datetime import UTC, datetime

from extractor.pipeline import extract
from tests.records import valid

NOW = datetime(2026, 11, 24, tzinfo=UTC)
URL = "https://news.example/en/the-story/a-100"
BODY = "<p>" + "The article body has a sentence with some words, commas, and more. " * 6 + "</p>"
TITLES = ["Hip Berliners drink foreign beer", "The science of champagne bubbles", "Resolve to go"]


def _teasers(block: str) -> list[dict[str, object]]:
    html = (
        f"<html><body><h1>The story of the day</h1><article>{BODY * 3}</article>{block}"
        "</body></html>"
    )
    return list(valid(extract(html, URL, now=NOW).to_dict())["teasers"])


def test_a_line_named_as_the_title_beside_a_kicker_is_the_title() -> None:
    cards = "".join(
        f"<a class='item' href='/en/story-{i}/a-{i}'><div class='image'><img src='/i.jpg'></div>"
        "<div class='tags'>Environment and Conservation</div>"
        f"<div class='item__title'>{title}</div></a>"
        for i, title in enumerate(TITLES)
    )
    teasers = _teasers(f"<div class='more'><h3>You might also like</h3>{cards}</div>")
    assert [t["title"] for t in teasers] == TITLES
    assert [t["blurb"] for t in teasers] == [None] * 3


def test_a_title_part_inside_a_line_leaves_the_line_whole() -> None:
    # "1. <span class='title'>Headline</span>": the rank shares the title's line.
    cards = "".join(
        f"<li><a href='/en/story-{i}/a-{i}'><span>{i + 1}.</span> <span class='title'>"
        f"{title} today</span></a></li>"
        for i, title in enumerate(TITLES)
    )
    teasers = _teasers(f"<div class='ranking'><h3>Most read</h3><ol>{cards}</ol></div>")
    assert [t["blurb"] for t in teasers] == [None] * 3


def test_a_date_inside_the_title_heading_is_the_cards_date() -> None:
    cards = "".join(
        f"<div class='news'><a href='/en/story-{i}/a-{i}'><img src='/i.jpg'>"
        f"<h2>{title} <span class='date'>19.07.2019</span></h2>"
        "<p>Swiss and tourists alike are flocking to a Lake Geneva town.</p></a></div>"
        for i, title in enumerate(TITLES)
    )
    teasers = _teasers(f"<div class='related'><h3>Related content</h3>{cards}</div>")
    assert [t["title"] for t in teasers] == TITLES
    assert [t["date"] for t in teasers] == ["2019-07-19"] * 3


def test_a_date_in_brackets_ending_the_dek_is_the_cards_date_not_its_words() -> None:
    dek = "Boozers in Berlin are discovering that the spectrum of suds extends far."
    cards = "".join(
        f"<div class='link'><a href='/en/story-{i}/a-{i}'><h2>{title}</h2>"
        f"<p>{dek} (31.05.2013) </p></a></div>"
        for i, title in enumerate(TITLES)
    )
    teasers = _teasers(f"<div class='group'><h3>DW recommends</h3>{cards}</div>")
    assert [t["blurb"] for t in teasers] == [dek] * 3
    assert [t["date"] for t in teasers] == ["2013-05-31"] * 3
    # Words in brackets that are no date stay in the dek.
    other = _teasers(
        f"<div class='group'><h3>DW recommends</h3>{cards.replace('31.05.2013', 'video')}</div>"
    )
    assert [t["blurb"] for t in other] == [f"{dek} (video)"] * 3


def _excerpt_cards(words: int, more: str = "Weiterlesen") -> str:
    opening = " ".join(
        ["Welche Veränderungen bringt die Digitalisierung in die Arbeitswelt?"] * words
    )
    return "".join(
        f"<div class='columns'><div class='entry'><a href='/blog/story-{i}/'><img src='/i.jpg'></a>"
        "<div class='meta'>"
        + "".join(
            f"<a href='/{topic}/' rel='category tag'>{topic.title()}</a>, "
            for topic in ("arbeitsleben", "digitalisierung", "strategie", "szene")
        )
        + f"</div><a href='/blog/story-{i}/'><h1 class='entry-title'>{title}</h1></a>"
        f"<div class='date'>19. November 2018</div><p>{opening}</p>"
        f"<div class='button'><a href='/blog/story-{i}/'>{more}</a></div></div></div>"
        for i, title in enumerate(TITLES)
    )


def test_post_excerpt_cards_with_a_long_opening_and_topic_links_are_cards() -> None:
    # Each card runs past the 700 characters of a teaser, and links four topics beside its post.
    block = (
        "<div id='related'><h4>Ähnliche Beiträge</h4><div class='strap subheading'>Diese "
        f"Beiträge solltest du nicht verpassen</div><div class='grid'>{_excerpt_cards(12)}</div>"
        "</div>"
    )
    teasers = _teasers(block)
    assert [t["title"] for t in teasers] == TITLES
    assert [t["date"] for t in teasers] == ["2018-11-19"] * 3
    # The heading is the block's name above the strapline under it.
    assert {t["block"] for t in teasers} == {"Ähnliche Beiträge"}


def test_long_cards_without_a_read_more_link_to_their_story_stay_too_long() -> None:
    block = f"<div id='related'><h4>Ähnliche Beiträge</h4>{_excerpt_cards(12, more='')}</div>"
    assert _teasers(block) == []


def test_a_kicker_inside_the_title_heading_is_no_part_of_the_title() -> None:
    cards = "".join(
        f"<div><article class='teaser'><a href='/en/story-{i}/a-{i}' class='teaser__link'>"
        f"<header><h1 class='teaser__title'><span class='teaser__kicker'>#heiseshow</span> "
        f"<span class='teaser__title-text'>{title}</span></h1></header>"
        "<p class='teaser__synopsis'>Bevor die Richtlinie umgesetzt werden muss, sind nicht "
        "alle bereit.</p></a></article></div>"
        for i, title in enumerate(TITLES)
    )
    header = (
        "<header class='teaser-header'><a href='/' class='teaser-header__head'>"
        "<h2 class='teaser-header__heading'><span class='logo'>heise online</span> "
        "<span class='slug'>Top-News der Redaktion</span></h2><nav class='teaser-header__more'>"
        "<span>Zur heise online Startseite mit allen Meldungen</span></nav></a></header>"
    )
    teasers = _teasers(f"<aside class='stage'>{header}{cards}</aside>")
    assert [t["title"] for t in teasers] == TITLES
    # The block's <header> holds its heading and a link to the section: the heading names it.
    assert {t["block"] for t in teasers} == {"heise online Top-News der Redaktion"}


def test_a_sentence_of_two_words_under_the_title_is_the_dek() -> None:
    def cards(dek: str) -> str:
        return "".join(
            f"<li><a href='/en/story-{i}/a-{i}'><img src='/i.jpg'></a><div class='text'>"
            f"<h3>Gaming</h3><h2><a href='/en/story-{i}/a-{i}'>{title}</a></h2><p>{dek}</p>"
            "</div></li>"
            for i, title in enumerate(TITLES)
        )

    block = "<section class='more'><h4>More in #GameTechie</h4><ul>{}</ul></section>"
    assert [t["blurb"] for t in _teasers(block.format(cards("GG, Sony.")))] == ["GG, Sony."] * 3
    # Two words that are no sentence are a label, not a dek.
    assert [t["blurb"] for t in _teasers(block.format(cards("Video Games")))] == [None] * 3
