"""Tests for extractor.parse.page_dates: the page's date from a labelled or date-classed line."""

from __future__ import annotations

from datetime import UTC, datetime

from extractor.pipeline import extract

NOW = datetime(2026, 11, 24, tzinfo=UTC)
URL = "https://blog.example/news/the-story"
TEXT = "<p>" + "The article body has a sentence with some words, commas, and more. " * 6 + "</p>"


def _published(body: str, url: str = URL) -> str | None:
    html = f"<html><body><h1>The story of the day</h1>{body}</body></html>"
    return extract(html, url, now=NOW).published


def test_a_line_labelled_as_published_dates_the_page_far_from_the_headline() -> None:
    body = f"<article>{TEXT * 9}</article><div id='info'>veröffentlicht: 25.10.2007 15:19</div>"
    assert (_published(body) or "")[:10] == "2007-10-25"


def test_a_post_date_element_in_the_posts_footer_dates_the_page() -> None:
    footer = "<footer class='meta'><span class='post-date'>12. September 2013</span></footer>"
    assert (_published(f"<article>{TEXT * 9}{footer}</article>") or "")[:10] == "2013-09-12"


def test_a_teaser_cards_post_date_is_another_storys() -> None:
    cards = "".join(
        f"<li><a href='/news/other-story-number-{i}'>Another story with a long headline {i}</a>"
        f"<span class='post-date'>1{i}. März 2019</span></li>"
        for i in range(3)
    )
    body = (
        f"<article>{TEXT * 9}</article><div class='related'><h3>Related</h3><ul>{cards}</ul></div>"
    )
    assert _published(body) is None


def test_a_comments_date_is_a_readers() -> None:
    comment = "<div class='comments'><p class='published'>Published: 3 May 2020</p></div>"
    assert _published(f"<article>{TEXT * 9}</article>{comment}") is None


def test_a_date_without_its_year_gives_no_date() -> None:
    footer = "<footer><span class='post-date'>12. September</span></footer>"
    assert _published(f"<article>{TEXT * 9}{footer}</article>") is None


def test_a_post_date_inside_the_permalink_of_a_meta_line_dates_the_page() -> None:
    meta = (
        "<div class='post-meta'><a class='date-link' href='/2012/12/08/the-story/'>"
        "<span class='post-date'>8. Dezember 2012</span></a><ul><li>Kekse</li></ul></div>"
    )
    assert (_published(f"<article>{TEXT * 9}{meta}</article>") or "")[:10] == "2012-12-08"


def test_bloggers_day_heading_dates_the_page() -> None:
    # The heading of the day's posts, over the post's title and the blog's own strapline.
    html = (
        "<html><body><h2 class='date-header'><span>Friday, December 23, 2016</span></h2>"
        f"<p class='strapline'>{TEXT}</p><h1>The story of the day</h1>{TEXT * 9}</body></html>"
    )
    assert (extract(html, URL, now=NOW).published or "")[:10] == "2016-12-23"


def test_the_date_on_its_own_line_beside_the_byline_in_a_share_bar_dates_the_page() -> None:
    head = "<meta name='author' content='Urs Gehriger'>"
    html = (
        f"<html><head>{head}</head><body><h2>Steve Forbes: a billionaire</h2>"
        "<p class='lead'>The publishing magnate talks about money.</p>"
        "<div class='social-share'><div class='pull-left'><h5>23.01.2019</h5>"
        "<div>By Urs Gehriger</div></div><a href='https://twitter.com/share'>Tweet</a></div>"
        f"{TEXT * 9}</body></html>"
    )
    assert (extract(html, URL, now=NOW).published or "")[:10] == "2019-01-23"


def test_a_posts_footer_sentence_dates_the_page() -> None:
    footer = (
        "<div class='post-footer'>This entry was posted on Monday, December 14th, 2015 at "
        "2:48 pm and is filed under <a href='/tag/arduino'>Arduino</a>. You can follow any "
        "responses to this entry through the RSS 2.0 feed.</div>"
    )
    assert (_published(f"<article>{TEXT * 9}{footer}</article>") or "")[:10] == "2015-12-14"


def test_a_german_posts_footer_sentence_dates_the_page() -> None:
    footer = (
        "<div class='post-footer'>Dieser Artikel wurde am 14. Dezember 2015 um 14:48 von "
        "<a href='/author/admin/'>Heiner</a> geschrieben und unter dem Stichwort "
        "<a href='/tag/arduino'>Arduino</a> veröffentlicht.</div>"
    )
    html = f"<html lang='de'><body><h1>Eine Geschichte</h1><article>{TEXT * 9}{footer}</article>"
    assert (extract(html, URL, now=NOW).published or "")[:10] == "2015-12-14"


def test_a_sentence_whose_date_is_far_from_the_phrase_gives_none() -> None:
    footer = (
        "<div class='post-footer'>This entry was posted on the blog of our friends who met "
        "on 14 December 2015 in town.</div>"
    )
    assert _published(f"<article>{TEXT * 9}{footer}</article>") is None


def test_a_fact_lists_date_label_and_its_tail_date_the_page() -> None:
    facts = "<ul class='facts'><li><strong>Date</strong> 19.01.2020</li></ul>"
    assert (_published(f"<article>{TEXT * 9}</article>{facts}") or "")[:10] == "2020-01-19"


def test_a_label_and_the_value_beside_it_date_the_page() -> None:
    facts = (
        "<div class='meta'><span>320 Seiten</span><span class='k'>Erschienen:</span>"
        "<span class='v'>07.02.2019</span><span>Lieferzeit: ca. 3 bis 5 Tage</span></div>"
    )
    assert (_published(f"<article>{TEXT * 9}</article>{facts}") or "")[:10] == "2019-02-07"


def test_a_date_label_in_a_teaser_list_is_another_storys() -> None:
    cards = "".join(
        f"<li><a href='/news/other-story-number-{i}'>Another story with a long headline {i}</a>"
        f"<p><strong>Date</strong> 1{i}.03.2019</p></li>"
        for i in range(3)
    )
    body = (
        f"<article>{TEXT * 9}</article><div class='related'><h3>Related</h3><ul>{cards}</ul></div>"
    )
    assert _published(body) is None


def test_a_sentence_of_the_text_about_something_else_gives_none() -> None:
    line = "<p>Das Gesetz wurde am 14. März 2019 im Bundestag beschlossen, sagte sie.</p>"
    html = f"<html lang='de'><body><h1>Eine Geschichte</h1><article>{TEXT * 9}{line}</article>"
    assert extract(html, URL, now=NOW).published is None


def test_a_time_element_under_the_headline_dates_the_page() -> None:
    head = "<p class='meta'>AP <time datetime='2016-12-01T23:29:49.000Z'>Thursday</time></p>"
    assert _published(head + f"<article>{TEXT * 9}</article>") == "2016-12-01T23:29:49+00:00"


def test_a_time_element_far_below_the_headline_dates_nothing() -> None:
    far = "<p><time datetime='2016-12-01'>Thursday</time></p>"
    assert _published(f"<article>{TEXT * 15}{far}</article>") is None


def test_a_teaser_cards_time_element_dates_nothing() -> None:
    cards = "".join(
        f"<li><a href='/news/other-story-number-{i}'>Another story with a long headline {i}</a>"
        f"<time datetime='2019-03-1{i}'>Friday</time></li>"
        for i in range(3)
    )
    related = f"<div class='related'><h3>Related</h3><ul>{cards}</ul></div>"
    assert _published(f"{related}<article>{TEXT * 9}</article>") is None


def test_a_page_without_a_shown_date_is_dated_by_its_url_path() -> None:
    body = f"<article>{TEXT * 3}</article>"
    assert _published(body, "https://blog.example/2012/05/11/the-story/") == "2012-05-11"
    assert _published(body, "https://blog.example/news/2019-03-07-the-story") == "2019-03-07"


def test_a_shown_date_wins_over_the_url_path() -> None:
    body = f"<article><p>Published: 25.10.2007</p>{TEXT * 3}</article>"
    assert _published(body, "https://blog.example/2012/05/11/the-story/") == "2007-10-25"


def test_a_url_with_a_year_and_month_only_or_no_such_day_dates_nothing() -> None:
    body = f"<article>{TEXT * 3}</article>"
    assert _published(body, "https://blog.example/2012/05/the-story/") is None
    assert _published(body, "https://blog.example/2019/02/30/the-story/") is None
    assert _published(body, "https://blog.example/2012/05/112345/") is None
