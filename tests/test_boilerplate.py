"""Tests of parse.boilerplate's container marks: outermost only, guarded, prose kept."""

from __future__ import annotations

import re

import lxml.etree

from extractor.parse import boilerplate, dom, vocab
from extractor.pipeline import extract

PROSE = "A long sentence of the article that reads as prose, with commas, and no links. " * 14


def _marks(html: str, protect_xpath: str | None = None) -> dict[str, str]:
    root = dom.parse_document(html)
    body = root.find("body")
    assert body is not None
    protect = root.xpath(protect_xpath) if protect_xpath else []
    total = sum(len(t) for t in body.itertext())
    marks = boilerplate.mark_containers(body, protect, total)
    return {str(el.get("id") or el.tag): kind for el, kind in marks.items()}


def test_only_the_outermost_container_of_a_kind_is_marked_in_page_order() -> None:
    html = (
        "<body><header id='top'><nav id='inner'><a href='/'>Home</a></nav></header>"
        "<div id='main'><p>Text</p><div class='share' id='s'><a href='/x'>Share</a></div></div>"
        "<footer id='foot'><div class='newsletter' id='n'>Sign up</div></footer></body>"
    )
    assert list(_marks(html).items()) == [("top", "navigation"), ("s", "share"), ("foot", "footer")]


def test_a_container_around_the_headline_is_not_marked() -> None:
    html = "<body><div class='masthead' id='m'><h1 id='h'>Title</h1></div></body>"
    assert _marks(html) == {"m": "navigation"}
    assert _marks(html, "//h1") == {}


def test_long_prose_under_a_pager_or_paywall_name_is_not_marked() -> None:
    html = (
        f"<body><div class='article-body pagination-first' id='a'><p>{PROSE}</p></div>"
        f"<div class='paywall' id='p'><p>{PROSE}</p></div>"
        "<div class='paywall' id='short'><p>Subscribe to read on.</p></div>"
        f"<div class='comments' id='c'><p>{PROSE}</p></div></body>"
    )
    assert _marks(html) == {"short": "subscribe", "c": "comments"}


def test_forms_are_marked_by_their_text() -> None:
    html = (
        "<body><form id='f1'>Subscribe to our newsletter</form><form id='f2'>Search</form>"
        "<aside id='a'><p>Pull quote</p></aside></body>"
    )
    assert _marks(html) == {"f1": "subscribe"}


def test_the_substring_prefilters_admit_every_phrase_their_patterns_match() -> None:
    # One sample per alternative of each pattern: the keys must let every one through.
    samples = {
        "cookie": (
            ["We use cookies; accept to continue", "Allow all cookies", "This site uses cookies"]
            + ["Cookies help us", "GDPR: we respect your privacy", "Consent settings"]
        ),
        "footer": [
            "© 2024 Site",
            "(c) 2019 Site",
            "Copyright Site",
            "All rights reserved",
            "Privacy Policy",
            "Terms of Use",
            "Terms and Conditions",
        ],
        "subscribe": [
            "Subscribe now",
            "Our newsletter",
            "Sign up today",
            "Signup",
            "Get our daily emails",
            "Get the latest updates",
            "Join our mailing list",
            "Delivered to your inbox",
        ],
        "disclaimer": [
            "Disclaimer: none",
            "It is not intended as medical advice",
            "It is not a substitute for professional care",
            "This is for informational purposes",
            "Consult your doctor",
            "It does not constitute legal advice",
            "Views expressed are the author's",
            "Opinions expressed here",
            "This has not been reviewed",
            "We recommend consulting an expert",
            "We encourage readers to check",
            "It should not be relied upon",
            "We take no responsibility",
            "We are not responsible for errors",
        ],
    }
    patterns = {
        "cookie": (vocab.COOKIE_RE, vocab.COOKIE_KEYS),
        "footer": (vocab.FOOTER_RE, vocab.FOOTER_KEYS),
        "subscribe": (vocab.SUBSCRIBE_RE, vocab.SUBSCRIBE_KEYS),
        "disclaimer": (vocab.DISCLAIMER_RE, vocab.DISCLAIMER_KEYS),
    }
    for kind, texts in samples.items():
        pattern, keys = patterns[kind]
        for text in texts:
            assert pattern.search(text), text
            assert any(k in text.lower() for k in keys), text


def test_text_kinds_still_read_short_boxes() -> None:
    root = dom.parse_document(
        "<body><p>We use cookies to improve your experience. Accept?</p>"
        "<p>© 2024 The Site</p><p>Sign up for our newsletter</p>"
        "<p>This article is for informational purposes only.</p><p>Plain prose here.</p></body>"
    )
    found = [boilerplate.kind_of_text(b) for b in dom.blocks(root)]
    assert found == ["cookie", "footer", "subscribe", None, None]
    assert boilerplate.is_disclaimer("This article is for informational purposes only.")
    assert not boilerplate.is_disclaimer("Plain prose here.")


def test_a_social_media_embed_holding_a_quoted_post_is_not_share_buttons() -> None:
    marks = _marks(
        "<html><body><div id='embed' class='social-media-embed'><blockquote><p>on. it.</p>"
        "</blockquote></div><div id='buttons' class='social-share'><a href='/s'>Share</a></div>"
        "</body></html>"
    )
    assert marks == {"buttons": "share"}


def _block(text: str) -> dom.Block:
    return dom.Block(dom.parse_document("<p>x</p>"), text, 0, 0, 0, None)


def test_a_plain_paragraph_asking_twice_for_the_newsletter_is_a_subscribe_promo() -> None:
    promo = (
        "Start your day with the Opening Bell. It is the preferred reading material of finance"
        " professionals. Sign up for the free daily newsletter."
    )
    assert boilerplate.kind_of_text(_block(promo)) == "subscribe"
    deal = (
        "An even better deal is if you sign up for the bundle. In that case you pay only $12.99"
        " a month, and you can subscribe with the same account you already have."
    )
    assert boilerplate.kind_of_text(_block(deal)) is None


def test_share_labels_and_box_labels_are_read_from_text() -> None:
    assert boilerplate.kind_of_text(_block("Sharing is caring!")) == "share"
    assert boilerplate.kind_of_text(_block("Related Links")) == "other"
    assert boilerplate.kind_of_text(_block("Like this story? Share it with a friend!")) == "share"
    also = dom.Block(
        dom.parse_document("<p>x</p>"), "Also on news.example The next story", 30, 0, 0, None
    )
    assert boilerplate.kind_of_text(also) == "other"


def test_agency_captions_and_click_here_promos_are_read_from_text() -> None:
    caption = (
        "In this Dec. 12, 2006, file photo made available by NASA, two astronauts work outside."
    )
    assert boilerplate.kind_of_text(_block(caption)) == "other"
    assert boilerplate.kind_of_text(_block("In this article we look at three ideas.")) is None
    promo = dom.Block(
        dom.parse_document("<p>x</p>"), "Get the news on the go by clicking here", 0, 0, 0, None
    )
    promo.link_chars = 13
    assert boilerplate.kind_of_text(promo) == "other"
    # Without a link it is a sentence of the article about clicking.
    assert (
        boilerplate.kind_of_text(_block("Nothing happens when you click here, she said.")) is None
    )


def test_the_authors_box_is_boilerplate_of_kind_other() -> None:
    marks = _marks(
        "<html><body><article><p>Text of the article.</p></article>"
        "<div id='bio' class='author-bio'><p>Jane writes about science.</p></div></body></html>"
    )
    assert marks == {"bio": "other"}


def test_a_writers_bio_box_under_any_name_is_boilerplate_of_kind_other() -> None:
    marks = _marks(
        "<html><body><article><p>Text of the article.</p>"
        "<div id='u' class='user-bio'><div class='user-bio__main-text'>Mark reports news.</div>"
        "</div><p id='b' class='byline-bio'>Stella is a producer in Seoul.</p></article>"
        "<div id='s' class='biography'><p>Not a bio box by its token.</p></div></body></html>"
    )
    assert marks == {"u": "other", "b": "other"}


def test_wiki_cross_reference_notes_and_link_boxes_are_navigation() -> None:
    marks = _marks(
        "<html><body><div id='content'><h2>Software</h2>"
        "<div id='h' class='hatnote'>Main article: <a href='/wiki/Firefox'>Firefox</a></div>"
        "<p>Firefox is a web browser.</p><table id='n' class='navbox'><tr><td>"
        "<a href='/wiki/A'>A</a></td></tr></table></div></body></html>"
    )
    assert marks == {"h": "navigation", "n": "navigation"}


def test_a_content_word_that_also_names_boilerplate_names_the_boilerplate() -> None:
    # "article-keyword" is the article's tag list, "post-content-tags" its tags: the word that
    # says "article" or "content" says which boilerplate it is. A word of its own still protects.
    html = (
        f"<body><div class='article-body'><p>{PROSE}</p>"
        "<div id='k' class='article-keyword'><a href='/t/a'>A</a>, <a href='/t/b'>B</a></div>"
        "<ul id='t' class='post-content-tags'><li><a href='/t/c'>C</a></li></ul></div>"
        f"<div id='p' class='story-body pagination'><p>{PROSE}</p></div></body>"
    )
    assert _marks(html) == {"k": "navigation", "t": "navigation"}


def test_an_embedded_gallery_is_boilerplate_of_kind_other() -> None:
    marks = _marks(
        f"<html><body><div class='article-body'><p>{PROSE}</p>"
        "<div id='g' class='wp-volt-gal-embed'><div class='wp-volt-gal-button'>Full Screen</div>"
        "<div class='wp-volt-gal-button'>Autoplay</div><div>View Photos</div></div>"
        f"<div id='c' class='image-carousel'><p>Slide one</p></div><p>{PROSE}</p></div>"
        "</body></html>"
    )
    assert marks == {"g": "other", "c": "other"}


def test_a_link_line_to_the_previous_or_next_post_is_navigation() -> None:
    def kind(text: str, links: int) -> str | None:
        return boilerplate.kind_of_text(
            dom.Block(lxml.etree.Element("div"), text, links, 0, 0, None)
        )

    line = "← Previous: Chasing Quick Fixes To Sustainability"
    assert kind(line, len(line) - 2) == "navigation"
    assert kind(line, 0) is None  # a sentence that opens so, with no link, is prose
    assert kind("Next, the council will vote on the plan.", 0) is None


def test_a_list_item_that_says_sign_up_without_a_link_is_a_step_not_a_promo() -> None:
    def kind(tag: str, text: str, links: int = 0) -> str | None:
        return boilerplate.kind_of_text(dom.Block(lxml.etree.Element(tag), text, links, 0, 0, None))

    step = "New signup/login call-to-action in the Pocket doorhanger"
    assert kind("li", step) is None
    assert kind("p", step) == "subscribe"
    promo = "Sign up for our newsletter"
    assert kind("li", promo, len(promo)) == "subscribe"


def test_a_line_of_slide_labels_is_boilerplate_of_kind_other() -> None:
    def kind(text: str) -> str | None:
        return boilerplate.kind_of_text(dom.Block(lxml.etree.Element("div"), text, 0, 0, 0, None))

    assert kind("Image 1 of 5 Image 2 of 5 Image 3 of 5") == "other"
    assert kind("Photo 3/12") == "other"
    assert kind("Image 1 of 5 shows the rocket on the pad before launch.") is None


def _combined_kind(cls: str | None, ident: str | None) -> str | None:
    """The kind the class and id name read as one "class id" string, token by token: the
    first kind other than navigation, else navigation if any token names it."""
    found = None
    for token in dom.split_tokens(f"{cls or ''} {ident or ''}"):
        kind = vocab.BOILERPLATE_TOKENS.get(token)
        if kind is not None:
            found = kind
            if kind != "navigation":
                break
    return found


def test_class_and_id_read_apart_give_the_kind_of_the_two_read_together() -> None:
    names = [
        None,
        "",
        "  ",
        "story",
        "Main-Nav",
        "main_nav menu",
        "site-footer nav",
        "share-buttons",
        "share_buttons",
        "sidebar_nav ad",
        "author_bio-box",
        "about_the-author",
        "nav-comments",
        "comments nav",
        "skip-link",
        "AdSlot promoted",
        "ad-slot_x",
        "\u212aeep cookie",  # the Kelvin sign lower-cases to "k"
        "header shadow loading",
        "menu-item menu-item-type-post_type",
        "cookie-banner\tnewsletter",
    ]
    for cls in names:
        for ident in names:
            want = _combined_kind(cls, ident)
            boilerplate._kind.cache_clear()
            assert boilerplate._kind("div", None, cls, ident) == want, (cls, ident)


def test_the_name_prefilter_admits_every_boilerplate_token() -> None:
    for token in vocab.BOILERPLATE_TOKENS:
        for name in (token, f"x {token} y", token.replace("-", "_"), token.upper()):
            boilerplate._name_kinds.cache_clear()
            assert boilerplate._name_kinds(name) != boilerplate._NO_KINDS, name
    assert boilerplate._name_kinds("headline shadow canvas") == boilerplate._NO_KINDS


def test_a_read_more_button_or_a_view_image_label_alone_is_navigation() -> None:
    assert boilerplate.kind_of_text(_block("Read more")) == "navigation"
    assert boilerplate.kind_of_text(_block("View this image ›")) == "navigation"
    # The words opening a sentence of the article are prose.
    assert (
        boilerplate.kind_of_text(_block("Read more about the plan on the council's site.")) is None
    )


def test_the_line_start_gate_admits_every_line_its_patterns_match() -> None:
    patterns = boilerplate._LINE_START_PATTERNS
    lines = (
        "Share this story",
        "  TWEET",
        "Read more: the next piece",
        "Also on example.com",
        "Most read",
        "Image 1 of 12 Photo 2/12",
        "In this file photo, a man waves",
        "12 Comments",
        "Advertisement",
        "Skip to content",
        "← Previous post",
        "The article's first sentence.",
        "Shared housing is on the rise",
        "",
    )
    for line in lines:
        expected = any(p.match(line) for p in patterns)
        assert (boilerplate._LINE_STARTS_RE.match(line) is not None) == expected, line
    assert boilerplate.kind_of_text(dom.Block(lxml.etree.Element("p"), "Next", 0, 0, 0, None))


def test_the_lower_case_line_start_gate_reads_ascii_lines_as_the_case_blind_one() -> None:
    pattern = boilerplate._LINE_STARTS_RE.pattern
    # Matching case on lower-cased text finds what ignoring case does only while the pattern
    # spells every letter in lower case and switches no flag inline, and no other letter of it
    # folds to an ASCII one (the Kelvin sign to "k").
    assert re.search(r"(?<!\\)[A-Z]", pattern) is None
    assert re.search(r"\(\?[a-zA-Z-]", pattern) is None
    assert not any(
        re.fullmatch(re.escape(ch), chr(i), re.IGNORECASE)
        for ch in set(pattern)
        if not ch.isascii()
        for i in range(128)
    )
    lower = boilerplate._LINE_STARTS_LOWER_RE
    for line in ("SHARE THIS STORY", "Read More: x", "12 COMMENTS", "Next", "The news", "Tags: a"):
        expected = boilerplate._LINE_STARTS_RE.match(line) is not None
        assert (lower.match(line.lower()) is not None) == expected, line
    assert boilerplate.kind_of_text(dom.Block(lxml.etree.Element("p"), "NEXT", 0, 0, 0, None))


def test_a_priced_sign_up_is_a_deal_of_the_article_not_a_subscribe_box() -> None:
    def linked(text: str, link_chars: int) -> dom.Block:
        return dom.Block(dom.parse_document("<li>x</li>"), text, link_chars, 0, 0, None)

    deal = "Sign up for a Hulu ad-free account for $11.99 a month"
    assert boilerplate.kind_of_text(linked(deal, 30)) is None
    # Free newsletters still ask to sign up, with or without a price in the offer around them.
    assert boilerplate.kind_of_text(linked("Sign up for our newsletter", 26)) == "subscribe"
    offer = "Sign up for the deals newsletter and get $5 off"
    assert boilerplate.kind_of_text(linked(offer, 20)) == "subscribe"


def test_drupal_publishing_states_are_no_advert_names() -> None:
    # Drupal classes every node by its state: "node-promoted" (shown on the front page) is the
    # article itself; a box named "promoted" or "promoted-stories" is still an advert.
    html = (
        "<body><article class='node node-report node-promoted node-published odd' id='node'>"
        f"<p>{PROSE}</p></article>"
        "<article class='node node--article node--promoted' id='d8'><p>Short.</p></article>"
        "<div class='promoted-stories' id='ads'><a href='/x'>A paid story</a></div>"
        "<div class='promoted' id='box'><a href='/y'>Another paid story</a></div></body>"
    )
    assert _marks(html) == {"ads": "advert", "box": "advert"}


def test_paragraphs_marked_as_behind_the_paywall_are_the_articles() -> None:
    # Condé Nast-style pages mark each paragraph past the paywall's cut; the paragraph asking
    # to subscribe is still the paywall's.
    paragraph = "He crossed through the barriers into the old town and was home by noon. " * 2
    html = (
        f"<body><div id='body'><p>{paragraph}</p><p class='paywall' id='p1'>{paragraph}</p>"
        f"<p class='paywall' id='p2'>{paragraph}</p>"
        "<p class='paywall' id='ask'>Subscribe today to keep reading every story, from "
        "one dollar a week for a whole year of unlimited access.</p></div></body>"
    )
    assert _marks(html) == {"ask": "subscribe"}


def test_a_line_of_written_out_social_addresses_is_a_follow_box() -> None:
    follow = "Follow our updates: Facebook https://fb.me/daily Twitter https://twitter.com/daily"
    assert boilerplate.kind_of_text(_block(follow)) == "share"
    # One address quoted in a sentence of the article is text.
    quoted = "The minister wrote on https://twitter.com/minister that the talks would go on."
    assert boilerplate.kind_of_text(_block(quoted)) is None


def test_an_ads_modifier_of_a_prose_section_does_not_make_it_an_advert() -> None:
    # "X__Section--Ads": a section laid out to take ads; a box of shop links stays an advert.
    links = "".join(f"<a href='https://shop.example/{i}'>Product number {i}</a>" for i in range(9))
    html = (
        f"<body><section class='Report__Section Report__Section--Ads' id='s'><p>{PROSE}</p>"
        "</section>"
        f"<section class='Report__Section Report__Section--Ads' id='shop'>{links}</section>"
        "<div class='ad ad--top' id='a'><p>Buy now.</p></div></body>"
    )
    assert _marks(html) == {"shop": "advert", "a": "advert"}


def test_a_tag_line_of_links_is_navigation_but_a_sentence_about_tags_is_not() -> None:
    root = dom.parse_document(
        "<body><p>Tags: <a href='/t/a'>Bilt</a>, <a href='/t/b'>Cent</a>, "
        "<a href='/t/c'>Eimsbüttel</a></p>"
        "<p>Tags: price tags and name tags were all we found on the shelves that day.</p></body>"
    )
    assert [boilerplate.kind_of_text(b) for b in dom.blocks(root)] == ["navigation", None]


def test_a_gallery_link_with_its_count_of_pictures_is_no_text() -> None:
    root = dom.parse_document(
        "<body><p>Slideshow ( 15 images )</p><p>The gallery of 15 images opened today.</p></body>"
    )
    assert [boilerplate.kind_of_text(b) for b in dom.blocks(root)] == ["other", None]


def test_a_wire_storys_credit_line_is_no_text() -> None:
    root = dom.parse_document(
        "<body><p>Additional reporting by Steve Gorman; Editing by Marguerita Choy</p>"
        "<p>(Reporting by Jane Doe in London; Writing by Bo Chan)</p>"
        "<p>Editing by hand took the crew three weeks, the director said.</p></body>"
    )
    assert [boilerplate.kind_of_text(b) for b in dom.blocks(root)] == ["other", "other", None]


def test_a_box_set_into_the_text_to_ask_for_donations_is_marked() -> None:
    html = (
        f"<body><div id='text'><p>{PROSE}</p><div class='disturber' id='d'><h2>We are funded by"
        "donations!</h2><p>Support our work.</p></div></div></body>"
    )
    assert _marks(html) == {"d": "subscribe"}


def test_the_name_hint_finds_tokens_as_whole_words_or_hyphenated_parts() -> None:
    pattern = re.compile(boilerplate._name_hint_pattern(["nav", "ad", "share-buttons"]))
    found = [
        "nav",
        "main-nav",
        "nav_bar",
        "x ad",
        "top-ad-slot",
        "share-buttons",
        "share_buttons",
        "a share-buttons b",
    ]
    missed = ["canvas", "navy", "header", "load", "my-share-buttons", "share-buttons2", ""]
    assert [n for n in found if pattern.search(n) is None] == []
    assert [n for n in missed if pattern.search(n) is not None] == []


def test_a_column_named_like_a_discussion_around_the_one_article_is_no_comment_section() -> None:
    # GitHub's column around a README: "container new-discussion-timeline".
    readme = (
        "<p>" + "The project's README explains how the tool finds dates in pages. " * 8 + "</p>"
    )
    html = (
        "<html><body><h1>owner / project</h1><div class='container new-discussion-timeline'>"
        "<div class='files'><a href='/a'>setup.py</a><a href='/b'>tests</a></div>"
        f"<div id='readme'><article class='markdown-body'><h2>Installation</h2>{readme * 4}"
        "</article></div></div></body></html>"
    )
    record = extract(html, "https://code.example/owner/project")
    assert "finds dates in pages" in record.text
    # A thread of comments, an article each, stays a comment section.
    comment = "<article class='comment'><p>" + "I agree with this point. " * 30 + "</p></article>"
    thread = f"<div class='discussion'>{comment * 4}</div>"
    html = (
        f"<html><body><h1>The story</h1><div class='story'>{readme * 3}</div>{thread}</body></html>"
    )
    record = extract(html, "https://news.example/story")
    assert "I agree with this point" not in record.text
