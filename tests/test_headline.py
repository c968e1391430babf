"""Tests for extractor.parse.headline: the displayed title reconciled with the declared ones."""

from __future__ import annotations

import pytest

from extractor.parse.dom import parse_document
from extractor.parse.headline import find_headline, similarity, strip_site_name
from extractor.parse.metadata import read_metadata
from extractor.pipeline import extract


def headline(head: str, body: str) -> str | None:
    root = parse_document(f"<html><head>{head}</head><body>{body}</body></html>")
    meta = read_metadata(root, "https://example.com/a")
    _, text = find_headline(
        root, [t for _, t in meta.headline_candidates], meta.title_tag, meta.site_name
    )
    return text


def test_similarity_is_token_f1() -> None:
    assert similarity("A b c", "a B c") == 1.0
    assert similarity("a b", "c d") == 0.0
    assert similarity("a b c d", "a b") == pytest.approx(2 / 3)


@pytest.mark.parametrize(
    ("title", "site", "guess", "expected"),
    [
        ("Big news today | The Daily", "The Daily", True, "Big news today"),
        ("The Daily - Big news today", "The Daily", False, "Big news today"),
        ("Review: a small phone", None, False, "Review: a small phone"),
        ("Section | Big news for everyone", None, True, "Big news for everyone"),
        ("Daring Fireball: Colophon", None, True, "Daring Fireball: Colophon"),
        # A part that is a host name is the site's name, declared or not.
        ("www.Heimicke.de - Zahlen und Daten", None, False, "Zahlen und Daten"),
        ("Zahlen und Daten | example.co.uk", None, True, "Zahlen und Daten"),
        ("Node.js - Wikipedia", None, False, "Node.js - Wikipedia"),
    ],
)
def test_strip_site_name(title: str, site: str | None, guess: bool, expected: str) -> None:
    assert strip_site_name(title, site, guess=guess) == expected


def test_visible_h1_keeps_its_own_words() -> None:
    head = '<meta property="og:title" content="Storm hits the coast, thousands without power">'
    body = "<h1>Storm hits the coast: thousands left without power</h1><p>Text.</p>"
    assert headline(head, body) == "Storm hits the coast: thousands left without power"


def test_title_tag_part_shown_by_the_h1_is_the_title() -> None:
    head = "<title>On recent events - Jane Q. Writer ( jq )</title>"
    assert headline(head, "<h1>On recent events</h1>") == "On recent events"


def test_logo_h1_is_not_the_title() -> None:
    head = "<title>Rates rise again as inflation lingers | Salon</title>"
    body = '<h1><a href="/">Salon</a></h1><h1>Rates rise again as inflation lingers</h1>'
    assert headline(head, body) == "Rates rise again as inflation lingers"


def test_front_page_link_h1_is_a_logo() -> None:
    head = "<title>Silicon Notes: an open flow for small chips</title>"
    body = (
        '<h1 class="title"><a href="https://notes.example.org/">Silicon Notes</a></h1>'
        "<h3>An open flow for small chips</h3>"
    )
    assert headline(head, body) == "An open flow for small chips"


def test_section_h1_loses_to_a_matching_h2() -> None:
    head = "<title>Babies who eat peanuts early may avoid allergy</title>"
    body = "<h1>Allergies Health Center</h1><h2>Babies Who Eat Peanuts Early May Avoid Allergy</h2>"
    assert headline(head, body) == "Babies Who Eat Peanuts Early May Avoid Allergy"


def test_unmarked_lone_h1_loses_to_the_declared_title() -> None:
    head = (
        '<meta property="og:title" content="Firefox: customize it and make it your own">'
        "<title>Firefox: customize it and make it your own - Mozilla</title>"
    )
    body = "<h1>Designed to be redesigned</h1>"
    assert headline(head, body) == "Firefox: customize it and make it your own"


def test_marked_lone_h1_is_displayed_title() -> None:
    head = '<meta property="og:title" content="Popular food blogs ranked: the full list">'
    body = '<h1 class="article__title">Masters of taste: 23 food bloggers</h1>'
    assert headline(head, body) == "Masters of taste: 23 food bloggers"


def test_dublin_core_title_comes_before_opengraph() -> None:
    head = (
        '<meta property="x:title dc:title" content="Preferred title">'
        '<meta property="og:title" content="A title">'
    )
    assert headline(head, "<h1>Test document heading</h1>") == "Preferred title"


def test_site_name_og_title_names_nothing() -> None:
    head = (
        '<meta property="og:site_name" content="Yahoo News">'
        '<meta property="og:title" content="Yahoo News">'
        "<title>Space ship breaks up over Siberia</title>"
    )
    assert headline(head, "<p>x</p>") == "Space ship breaks up over Siberia"


def test_jsonld_headline_entities_are_decoded() -> None:
    head = (
        '<script type="application/ld+json">'
        '{"@type": "NewsArticle", "headline": "It&#8217;s a &quot;test&quot;"}</script>'
    )
    assert headline(head, "<p>x</p>") == 'It’s a "test"'


def test_all_caps_h1_takes_the_declared_casing() -> None:
    head = '<meta property="og:title" content="Angry media won’t buckle over new laws">'
    body = "<h1>ANGRY MEDIA WON’T BUCKLE OVER NEW LAWS</h1>"
    assert headline(head, body) == "Angry media won’t buckle over new laws"


def test_all_caps_h1_with_other_words_stays() -> None:
    head = '<meta property="og:title" content="Angry media won’t buckle">'
    body = "<h1>ANGRY MEDIA WON’T BUCKLE OVER NEW LAWS</h1>"
    assert headline(head, body) == "ANGRY MEDIA WON’T BUCKLE OVER NEW LAWS"


def test_h1_linking_to_an_anchor_is_no_logo() -> None:
    head = "<title>Budget passes after a long night</title>"
    body = '<h1><a href="#comments">Budget passes after a long night</a></h1>'
    assert headline(head, body) == "Budget passes after a long night"


def test_subtitle_class_does_not_mark_a_lone_h1() -> None:
    head = '<meta property="og:title" content="Budget passes after a long night">'
    body = '<h1 class="subtitle">Politics and more</h1>'
    assert headline(head, body) == "Budget passes after a long night"


def test_the_itemprop_headline_search_lists_the_marked_elements_in_order() -> None:
    import lxml.etree

    from extractor.parse import dom, headline

    root = dom.parse_document(
        "<html><body><h2 itemprop='headline'>A</h2><div itemprop='headline'>B</div>"
        "<p itemprop='headline name'>C</p><span itemprop='headline'>D<b itemprop='headline'>E"
        "</b></span></body></html>"
    )
    old = lxml.etree.XPath("//*[@itemprop='headline'][not(self::h1|self::h2|self::h3)]")
    found = headline._ITEMPROP_HEADLINE_XPATH(root)
    assert found == old(root)
    assert [el.tag for el in found] == ["div", "span", "b"]


@pytest.mark.parametrize("hiding", ["hide-text", "text-hide"])
def test_a_logo_h1_whose_text_is_replaced_by_an_image_is_no_headline(hiding: str) -> None:
    prose = "<p>" + "The story's body runs on with words, commas, and more words. " * 8 + "</p>"
    html = (
        f"<html><head><title>News: The Wire</title></head><body><h1 class='{hiding}'>"
        f"<span class='{hiding}'>World news: The Wire</span></h1><article>"
        f"<h1 class='title'>Video: a bridge reopens over the river after the storm</h1>{prose}"
        "</article></body></html>"
    )
    record = extract(html, "https://wire.example/articles/-/3178894")
    assert record.headline == "Video: a bridge reopens over the river after the storm"


def test_a_writers_line_after_a_break_in_the_h1_is_not_the_headline() -> None:
    og = "<meta property='og:title' content='Summit hotline: the gamble over the talks : Daily'>"
    h1 = (
        "<h1><span>Summit hotline: the gamble over the talks</span><span></span><br>"
        "<span>Senior writer Kenji Sato</span></h1>"
    )
    assert headline(og, h1) == "Summit hotline: the gamble over the talks"


def test_a_headline_set_on_two_lines_keeps_both_when_the_title_does() -> None:
    og = "<meta property='og:title' content='Big storm ahead: schools close across the valley'>"
    h1 = "<h1>Big storm ahead:<br>schools close across the valley</h1>"
    assert headline(og, h1) == "Big storm ahead: schools close across the valley"


def test_the_logo_link_inside_the_h1_is_not_part_of_the_headline() -> None:
    title = (
        "<title>Prosecutors weigh an appeal in Madrid » Local » News » Last Hour Mallorca</title>"
    )
    h1 = (
        "<h1><span class='define'>Prosecutors weigh an appeal in Madrid</span>"
        "<a href='/mallorca.html'>Last Hour Mallorca</a></h1>"
    )
    assert headline(title, h1) == "Prosecutors weigh an appeal in Madrid"


def test_a_headline_ending_in_the_sites_name_as_its_own_words_keeps_them() -> None:
    title = "<title>Why everyone loves New York | New York</title>"
    assert headline(title, "<h1>Why everyone loves New York</h1>") == "Why everyone loves New York"


def test_a_logo_h1_names_the_site_cut_from_the_title() -> None:
    # No declared site name: the logo's text is the part of the <title> to cut ("›" separates).
    head = "<title>Historischer Markt › Historische Wehranlage in Horka e.V</title>"
    body = (
        '<h1><a href="http://www.example.org" title="home"> Historische Wehranlage in Horka e.V'
        '</a></h1><h2 class="entry-title">Historischer Markt</h2><p>Text.</p>'
    )
    assert headline(head, body) == "Historischer Markt"


def test_a_kicker_or_a_date_inside_the_heading_is_no_part_of_the_headline() -> None:
    head = '<meta property="og:title" content="Zugverkehr: Im ICE von Frankfurt nach Barcelona">'
    body = (
        '<h1><span class="article-heading__kicker">Zugverkehr</span>'
        '<span class="article-heading__title">Im ICE von Frankfurt nach Barcelona</span></h1>'
    )
    assert headline(head, body) == "Im ICE von Frankfurt nach Barcelona"
    head = '<meta property="og:title" content="Das schönste Ende der Welt: Montauk">'
    body = (
        '<h2 class="entry-title"><time datetime="2019-06-17">Jun 17 </time>'
        "Das schönste Ende der Welt: Montauk</h2>"
    )
    assert headline(head, body) == "Das schönste Ende der Welt: Montauk"
    head = '<meta property="og:title" content="Wie CreativeCommons richtig genutzt wird">'
    body = (
        '<h1><span class="blockletters pretitle">KNOWHOW</span>'
        "<span>Wie CreativeCommons richtig genutzt wird</span></h1>"
    )
    assert headline(head, body) == "Wie CreativeCommons richtig genutzt wird"


def test_a_slug_og_title_gives_way_to_the_one_h1() -> None:
    head = (
        '<meta property="og:title" content="adac-kindersitztest-herbst-2018">'
        "<title>ADAC Kindersitz-Test 2018 | ADAC</title>"
    )
    body = "<h1>18 Kindersitze im Test: Vier Modelle fallen durch</h1><p>Text.</p>"
    assert headline(head, body) == "18 Kindersitze im Test: Vier Modelle fallen durch"
    # A short <h1> names the page: the <title> stays.
    page = headline("<title>Daring Fireball: Colophon</title>", "<h1>About This Site</h1>")
    assert page == "Daring Fireball: Colophon"
