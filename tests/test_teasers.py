"""Tests of parse.teasers: blocks of cards that link to other articles, and what is not one."""

from __future__ import annotations

from datetime import UTC, datetime

from extractor.parse.dom import parse_document
from extractor.parse.teaser_page import PageReader
from extractor.parse.teasers import _in_site_header
from extractor.pipeline import extract
from tests.records import valid

NOW = datetime(2026, 11, 24, tzinfo=UTC)
URL = "https://news.example/2026/11/the-story"
BODY = "<p>" + "The article body has a sentence with some words, commas, and more. " * 6 + "</p>"


def _page(extra: str) -> str:
    return f"<html><body><h1>The story of the day</h1>{BODY * 3}{extra}</body></html>"


def _teasers(extra: str) -> list[dict[str, object]]:
    record = valid(extract(_page(extra), URL, now=NOW).to_dict())
    return list(record["teasers"])


def test_list_of_headline_links_under_a_heading_is_a_teaser_block() -> None:
    items = "".join(
        f"<li><a href='/2026/10/story-{i}'>A headline about topic number {i} today</a></li>"
        for i in range(4)
    )
    teasers = _teasers(f"<h2>More from News</h2><ul>{items}</ul>")
    assert [t["url"] for t in teasers] == [
        f"https://news.example/2026/10/story-{i}" for i in range(4)
    ]
    assert {t["block"] for t in teasers} == {"More from News"}
    assert teasers[0]["title"] == "A headline about topic number 0 today"


def test_cards_with_date_blurb_and_read_more() -> None:
    cards = "".join(
        f"<div><span>{d}</span><p>{b}</p><a href='/news/view/s-{i}'>Read More</a></div>"
        for i, (d, b) in enumerate(
            [
                (
                    "12/31/2026",
                    "Learn how certain gut bacteria can worsen symptoms and what it means…",
                ),
                ("5/1/2026", "A complete blurb that ends properly."),
            ]
        )
    )
    teasers = _teasers(f"<div>{cards}</div>")
    assert len(teasers) == 2
    first, second = teasers
    assert first["title"] is None
    assert first["date"] == "2026-12-31" and first["date_text"] == "12/31/2026"
    assert first["truncated"] is True  # ends in an ellipsis
    assert second["date"] == "2026-05-01"  # month first, settled by 12/31/2026
    assert second["truncated"] is False
    assert second["blurb"] == "A complete blurb that ends properly."


def test_blurbs_cut_at_one_length_are_all_truncated() -> None:
    blurbs = [
        ("x" * 10 + " word") * 6,
        ("y" * 10 + " term") * 6,
        "A shorter complete blurb of the block.",
    ]
    cards = "".join(
        f"<div><p>{b[:60]}</p><a href='/a/{i}'>Read More</a></div>" for i, b in enumerate(blurbs)
    )
    teasers = _teasers(f"<section><h3>Related Reads</h3>{cards}</section>")
    assert [t["truncated"] for t in teasers] == [True, True, False]


def test_navigation_menus_and_tag_lists_are_not_teasers() -> None:
    menu = "<ul>" + "".join(
        f"<li><a href='/{w}'>{w}</a></li>" for w in ["news", "sport", "weather"]
    )
    tags = "<div>" + "".join(f"<a href='/tag/{w}'>{w}</a> " for w in ["ms", "brain", "mri"])
    assert _teasers(menu + "</ul>" + tags + "</div>") == []


def test_previous_next_links_are_not_teasers() -> None:
    nav = (
        "<div><div><a href='/2026/10/older'>« Previous post: what came before this</a></div>"
        "<div><a href='/2026/12/newer'>Next post: what came after this one</a></div></div>"
    )
    assert _teasers(nav) == []


def test_links_in_running_text_are_not_teasers() -> None:
    text = (
        "<div><p>See <a href='/a/1'>this earlier story about it</a> for the background of "
        "all of this today.</p><p>And <a href='/a/2'>another story on the subject</a> which "
        "tells the rest of the story here.</p></div>"
    )
    assert _teasers(text) == []


def test_a_single_promo_card_is_not_a_block() -> None:
    promo = (
        "<div><div><a href='/a/1'>Read this one other story alone</a>"
        "<p>Blurb here for it.</p></div></div>"
    )
    assert _teasers(promo) == []


def test_self_links_and_social_links_are_dropped() -> None:
    items = "".join(
        f"<li><a href='{href}'>A headline of some length here {i}</a></li>"
        for i, href in enumerate(
            [URL, "https://twitter.com/share", "/2026/10/other-one", "/2026/10/other-two"]
        )
    )
    urls = [t["url"] for t in _teasers(f"<h2>Related</h2><ul>{items}</ul>")]
    assert urls == [
        "https://news.example/2026/10/other-one",
        "https://news.example/2026/10/other-two",
    ]


def _items(titles: list[str], prefix: str = "/2026/10/story") -> str:
    return "".join(f"<li><a href='{prefix}-{i}'>{t}</a></li>" for i, t in enumerate(titles))


HEADLINES = [
    "A long headline about topic number one today",
    "A long headline about topic number two today",
    "A long headline about topic number three today",
]


def test_sponsored_and_partner_blocks_are_not_teasers() -> None:
    for heading in (
        "Sponsored Features",
        "NextAdvisor Paid Partner",
        "From our partners",
        "PR Classifieds & event calendar",
        "CONTACT",
    ):
        assert _teasers(f"<h2>{heading}</h2><ul>{_items(HEADLINES)}</ul>") == []
    for heading in ("Contact lenses: the latest", "Related stories"):
        assert len(_teasers(f"<h2>{heading}</h2><ul>{_items(HEADLINES)}</ul>")) == 3


def test_a_ticker_strip_is_navigation() -> None:
    html = f"<div class='breaking-news'><b>Breaking News</b><ul>{_items(HEADLINES)}</ul></div>"
    assert _teasers(html) == []


def test_a_shopping_widget_is_not_teasers() -> None:
    prices = ["$1,349.00*", "$1,649.00*", "$2,799.00*"]
    assert _teasers(f"<h2>Lowest prices</h2><ul>{_items(prices)}</ul>") == []
    prompts = ["Get it on Amazon for $169.99 now", "Also at Walmart for less money today"]
    assert _teasers(f"<ul>{_items(prompts)}</ul>") == []
    # A price inside an ordinary headline does not make a shop.
    money = ["Alibaba poised to launch record-breaking $13.4bn listing", *HEADLINES[:2]]
    assert len(_teasers(f"<h2>Related</h2><ul>{_items(money)}</ul>")) == 3


def test_blocks_are_returned_in_document_order() -> None:
    first = f"<h2>Latest</h2><ul>{_items(HEADLINES, '/a/latest')}</ul>"
    second = f"<h2>Most read</h2><div><ul>{_items(HEADLINES, '/b/read')}</ul></div>"
    teasers = _teasers(first + second)
    assert [t["block"] for t in teasers] == ["Latest"] * 3 + ["Most read"] * 3


def test_title_only_cards_have_no_blurb_or_date() -> None:
    teasers = _teasers(f"<h2>More from News</h2><ul>{_items(HEADLINES)}</ul>")
    assert all(t["blurb"] is None and t["date"] is None for t in teasers)


def test_a_date_in_its_own_element_is_read_even_when_glued_to_a_count() -> None:
    cards = "".join(
        f"<div><a href='/2026/10/s-{i}'><div><span>{age}</span><span>261</span></div>"
        f"<h3>A long headline about topic number {i} today</h3></a></div>"
        for i, age in enumerate(["14h", "5d"])
    )
    teasers = _teasers(f"<h2>Latest</h2><section>{cards}</section>")
    assert [(t["date_text"], t["date"]) for t in teasers] == [
        ("14h", "2026-11-23"),
        ("5d", "2026-11-19"),
    ]


def test_block_headings_that_are_not_h_tags() -> None:
    items = f"<ul>{_items(HEADLINES)}</ul>"
    # A <header> first child, a title-classed div above, a "More ..." label.
    assert {t["block"] for t in _teasers(f"<div><header>Latest videos</header>{items}</div>")} == {
        "Latest videos"
    }
    titled = f"<div class='color-title'>The Washington Column</div><div>{items}</div>"
    assert {t["block"] for t in _teasers(titled)} == {"The Washington Column"}
    assert {t["block"] for t in _teasers(f"<div>More from Space...</div>{items}")} == {
        "More from Space..."
    }


def test_view_all_links_and_carousel_counters_are_passed_over() -> None:
    items = f"<ul>{_items(HEADLINES)}</ul>"
    html = f"<h3>World</h3><a href='/world/'>More World</a><div>1 of 3</div>{items}"
    assert {t["block"] for t in _teasers(html)} == {"World"}
    # An affordance at the end of the heading is dropped, but a heading never becomes empty.
    assert {t["block"] for t in _teasers(f"<h2>Related Articles View all</h2>{items}")} == {
        "Related Articles"
    }
    assert {t["block"] for t in _teasers(f"<h2>More Stories</h2>{items}")} == {"More Stories"}


def test_an_empty_card_slot_is_not_the_heading() -> None:
    slot = "<li><a href=''></a><span>Sponsored</span></li>"
    html = f"<h2>Elsewhere</h2><div><ul>{slot}{_items(HEADLINES)}</ul></div>"
    teasers = _teasers(html)
    assert len(teasers) == 3 and {t["block"] for t in teasers} == {None}


def test_link_only_paragraphs_under_a_related_heading_inside_the_text() -> None:
    links = "".join(f"<p><a href='/2026/10/story-{i}'>{t}</a></p>" for i, t in enumerate(HEADLINES))
    text = "<p>" + "More of the article's own running text follows here, long enough. " * 8 + "</p>"
    page = f"<div>{text}<p>You may also like...</p>{links}{text}</div>"
    teasers = _teasers(page)
    assert [t["title"] for t in teasers] == HEADLINES
    assert {t["block"] for t in teasers} == {"You may also like..."}
    # Without a heading that names a block, the same paragraphs are part of the text.
    assert _teasers(f"<div>{text}{links}{text}</div>") == []
    # Every card of such a block leaves the body, not only the first (two cards: too few to be
    # dropped as a run of link lines).
    two = "".join(
        f"<p><a href='/2026/10/story-{i}'>{t}</a></p>" for i, t in enumerate(HEADLINES[:2])
    )
    record = extract(
        _page(f"<div>{text}<p>You may also like...</p>{two}{text}</div>"), URL, now=NOW
    )
    assert len(record.teasers) == 2
    assert not any(title in record.text for title in HEADLINES)
    assert record.text.count("running text follows here") == 16


def test_list_and_site_page_links_are_not_cards() -> None:
    titles = ["See More Guides", "Advertise with us", "About Us"]
    assert _teasers(f"<h2>Related</h2><ul>{_items(titles)}</ul>") == []


def test_a_most_commented_list_counts_when_its_heading_names_it() -> None:
    items = "".join(
        f"<li><a href='/2026/10/s-{i}'>{t}</a>"
        f"<span><a href='/2026/10/s-{i}#disqus_thread'>4,162</a> comments - {i + 2} hours ago"
        "</span></li>"
        for i, t in enumerate(HEADLINES)
    )
    teasers = _teasers(f"<div><h2>MOST POPULAR</h2><ul id='disqus-popular'>{items}</ul></div>")
    assert [t["date_text"] for t in teasers] == ["2 hours ago", "3 hours ago", "4 hours ago"]
    assert _teasers(f"<div><h2>Your say</h2><ul id='disqus-popular'>{items}</ul></div>") == []


def test_a_block_of_menu_length_cards_is_not_read() -> None:
    words = ["World", "Sports", "Business", "Opinion"]
    assert _teasers(f"<h2>Latest</h2><ul>{_items(words)}</ul>") == []


def test_tab_panels_take_their_own_tab_label() -> None:
    tabs = "<ul class='tabs'><li>Latest</li><li>Most Read</li></ul>"
    first = f"<ol class='panel active'>{_items(HEADLINES, '/a/latest')}</ol>"
    second = f"<ol class='panel'>{_items(HEADLINES, '/b/read')}</ol>"
    teasers = _teasers(f"<div>{tabs}{first}{second}</div>")
    assert [t["block"] for t in teasers] == ["Latest"] * 3 + ["Most Read"] * 3


def test_a_short_unlinked_heading_is_a_kicker_not_the_title() -> None:
    cards = "".join(
        f"<div><h2>News Cloud</h2><h3><a href='/2026/10/s-{i}'>{t}</a></h3></div>"
        for i, t in enumerate(HEADLINES)
    )
    assert [t["title"] for t in _teasers(f"<h2>Latest</h2><section>{cards}</section>")] == HEADLINES


def test_a_link_wrapping_headline_and_dek_gives_the_headline_as_title() -> None:
    cards = "".join(
        f"<li><a href='/2026/10/s-{i}'><div>{t}</div><p>A dek that says a little more about it.</p>"
        "</a></li>"
        for i, t in enumerate(HEADLINES)
    )
    teasers = _teasers(f"<h2>Related</h2><ul>{cards}</ul>")
    assert [t["title"] for t in teasers] == HEADLINES
    assert {t["blurb"] for t in teasers} == {"A dek that says a little more about it."}


def test_a_machine_value_on_the_date_element_wins_over_a_relative_or_yearless_text() -> None:
    cards = "".join(
        f"<li><a href='/2026/10/s-{i}'>{t}</a> {shown}</li>"
        for i, (t, shown) in enumerate(
            zip(
                HEADLINES,
                [
                    "<span data-datetime='2019-11-20T10:00:00Z'>4 hours ago</span>",
                    "<time datetime='2019-11-18'>Nov 18</time>",
                    "<time datetime='2019-01-01'>November 16, 2019</time>",
                ],
                strict=True,
            )
        )
    )
    teasers = _teasers(f"<h2>Latest</h2><ul>{cards}</ul>")
    assert [t["date"] for t in teasers] == ["2019-11-20", "2019-11-18", "2019-11-16"]


def test_carousel_slides_are_blocks_of_their_own_cards() -> None:
    slides = "".join(
        f"<div class='item'><ul>{_items(HEADLINES, f'/s{n}/story')}</ul></div>" for n in range(3)
    )
    teasers = _teasers(f"<h2>Related Stories</h2><div class='carousel'>{slides}</div>")
    assert len(teasers) == 9
    assert [t["title"] for t in teasers[:3]] == HEADLINES


def test_a_paragraph_of_story_links_under_a_dont_miss_heading() -> None:
    links = " [INSIGHT]|<br>".join(
        f"<a href='/2026/10/s-{i}'>{t}</a>" for i, t in enumerate(HEADLINES)
    )
    text = "<p>" + "The article's own running text goes on here, long enough. " * 6 + "</p>"
    page = f"<div>{text}<p></p><p><strong>DON'T MISS</strong></p><p>{links}</p>{text}</div>"
    teasers = _teasers(page)
    assert [t["title"] for t in teasers] == HEADLINES
    assert {t["block"] for t in teasers} == {"DON'T MISS"}
    # Without such a heading, a paragraph of links is the text's.
    assert _teasers(f"<div>{text}<p>{links}</p>{text}</div>") == []


def test_a_run_of_link_lines_ends_at_a_line_of_another_kind() -> None:
    text = "<p>" + "More of the article's own running text follows here, long enough. " * 8 + "</p>"
    titles = [*HEADLINES, "A long headline about topic number four today"]
    lines = [f"<a href='/2026/10/story-{i}'>{t}</a>" for i, t in enumerate(titles)]
    page = (
        f"<div>{text}<p>You may also like...</p><p>{lines[0]}</p><p>{lines[1]}</p>"
        f"<div>{lines[2]}</div><p>{lines[3]}</p>{text}</div>"
    )
    # The two paragraphs make the run; the div starts another kind, and one line is no run.
    assert [t["title"] for t in _teasers(page)] == HEADLINES[:2]


def _inline_cards(title_class: str, dek_class: str, more: str = "") -> str:
    cards = "".join(
        f"<li><a href='/2026/10/story-{i}'><img src='/i{i}.jpg' alt=''>"
        f"<span class='{title_class}'>Headline number {i} of the related stories</span>"
        f"<span class='{dek_class}'>A dek of story {i} that says a little more.</span>"
        f"{more}</a></li>"
        for i in range(3)
    )
    return f"<h2>Related</h2><ul>{cards}</ul>"


def test_a_link_wrapping_headline_and_a_marked_inline_dek_is_split() -> None:
    teasers = _teasers(_inline_cards("hed", "c-entry-blurb", "<span class='more'>Read now</span>"))
    assert [t["title"] for t in teasers] == [
        f"Headline number {i} of the related stories" for i in range(3)
    ]
    assert [t["blurb"] for t in teasers] == [
        f"A dek of story {i} that says a little more." for i in range(3)
    ]


def test_two_styled_halves_of_one_headline_stay_one_title() -> None:
    # Inline siblings without a dek's name: the halves of one headline ("title-1", "title-2").
    teasers = _teasers(_inline_cards("title-1", "title-2"))
    assert teasers[0]["title"] == (
        "Headline number 0 of the related stories A dek of story 0 that says a little more."
    )
    assert teasers[0]["blurb"] is None


def test_a_time_element_of_styled_pieces_is_the_date_and_not_a_blurb() -> None:
    cards = "".join(
        f"<li><h3><a href='/2026/10/story-{i}'>Headline number {i} of the latest list</a></h3>"
        f"<time datetime='2026-11-{20 - i}T09:42:20'><span>{20 - i} Nov 2026</span>"
        "<span>,</span> <span>9:42am</span></time></li>"
        for i in range(3)
    )
    teasers = _teasers(f"<h2>Latest</h2><ul>{cards}</ul>")
    assert [t["date_text"] for t in teasers] == [f"{20 - i} Nov 2026, 9:42am" for i in range(3)]
    assert [t["date"] for t in teasers] == [f"2026-11-{20 - i}" for i in range(3)]
    assert all(t["blurb"] is None for t in teasers)


def test_cards_sharing_a_component_class_form_one_block_whatever_their_other_classes() -> None:
    kinds = ["category-sports blog-post", "category-economy post", "video has-thumbnail", "post"]
    cards = "".join(
        f"<article class='post-list-article {kind} post-{i}'>"
        f"<div class='eyebrow'><a href='/section-{i}/'>Section</a></div>"
        f"<h4><a href='/2026/11/story-{i}/'>Headline number {i} of the most popular</a></h4>"
        f"<div class='entry'>{'An excerpt of the story that runs for a while. ' * 6}...</div>"
        "</article>"
        for i, kind in enumerate(kinds)
    )
    teasers = _teasers(f"<h2>Most Popular</h2><div class='post-list'>{cards}</div>")
    assert [t["url"] for t in teasers] == [
        f"https://news.example/2026/11/story-{i}/" for i in range(4)
    ]
    assert all(t["block"] == "Most Popular" and t["truncated"] for t in teasers)


def test_untitled_posts_sharing_only_a_class_are_not_teasers() -> None:
    posts = "".join(
        f"<article class='postbox category-topic-{chr(97 + i)}'>"
        f"<a href='/2026/11/quote-{i}'><img src='/q{i}.jpg' alt=''></a>"
        f"<p>{'A whole short post of the site, listed one after another here. ' * 4}</p>"
        "</article>"
        for i in range(4)
    )
    assert _teasers(f"<div class='posts'>{posts}</div>") == []


def test_a_tab_widget_with_one_card_per_tab_is_no_block() -> None:
    panels = "".join(
        f"<div class='b-tabs__content{' active' if i == 0 else ''}' id='tab-{i}'>"
        f"<div class='title'><a href='/photo/2026/story-{i}'>A gallery of photos number {i} "
        "from the week</a></div></div>"
        for i in range(3)
    )
    head = "<ul><li><a href='#tab-0'>Photo</a></li><li><a href='#tab-1'>Video</a></li></ul>"
    assert _teasers(f"<div class='b-tabs'><h6>Multimedia</h6>{head}{panels}</div>") == []


def _story_cards(n: int, prefix: str = "/2026/11/strip") -> str:
    return "".join(
        f"<div class='strip-card'><a href='{prefix}-{i}'>A headline of the strip number {i} "
        "about the news</a></div>"
        for i in range(n)
    )


def test_story_strips_in_the_site_header_or_a_trending_bar_are_navigation() -> None:
    header = f"<div class='site-header-wrap site-header'><section>{_story_cards(5)}</section></div>"
    assert _teasers(header) == []
    bar = f"<div class='trending-bar'><h3>Trending</h3>{_story_cards(4)}</div>"
    assert _teasers(bar) == []
    # The same cards in the page's sidebar are a block.
    assert len(_teasers(f"<aside><h3>Latest</h3>{_story_cards(4)}</aside>")) == 4


def test_a_wrapper_of_the_whole_page_named_site_header_is_no_header() -> None:
    html = (
        "<html><body><div class='row site_header'><h1>The story of the day</h1>"
        f"{BODY * 3}<aside><h3>Latest</h3>{_story_cards(4)}</aside></div></body></html>"
    )
    record = valid(extract(html, URL, now=NOW).to_dict())
    assert len(record["teasers"]) == 4


def test_a_card_may_link_its_author_and_publication_under_a_linked_title() -> None:
    cards = "".join(
        f"<div class='c'><h2><a href='/p/story-{i}'>A story from the network number {i}</a></h2>"
        f"<span><a href='/@writer{i}'>Writer {i}</a> in <a href='/pub-{i}'>Publication</a></span>"
        "</div>"
        for i in range(3)
    )
    teasers = _teasers(f"<h2>More From The Network</h2><div>{cards}</div>")
    assert [t["url"] for t in teasers] == [f"https://news.example/p/story-{i}" for i in range(3)]
    # "Writer 0 in Publication" is a byline of two links, not a blurb.
    assert all(t["blurb"] is None for t in teasers)


def test_a_card_linking_headline_and_a_long_dek_takes_the_headline_as_title() -> None:
    dek = "A dek that tells in a full sentence what the story behind this card will explain…"
    cards = "".join(
        f"<li><a href='/2026/11/story-{i}'>Headline number {i} of the list</a>"
        f"<div>Written by Writer {i}</div><p><a href='/2026/11/story-{i}'>{dek}</a></p></li>"
        for i in range(3)
    )
    teasers = _teasers(f"<h3>Read this next</h3><ul>{cards}</ul>")
    assert [t["title"] for t in teasers] == [f"Headline number {i} of the list" for i in range(3)]
    assert all(t["blurb"] == dek and t["truncated"] for t in teasers)


def test_a_live_feed_titled_by_clock_times_is_no_block() -> None:
    entries = "".join(
        f"<li><a href='/direct/element/{i}'>1{i}:2{i}</a> <span>An update of the live "
        f"feed number {i} about events</span></li>"
        for i in range(4)
    )
    assert _teasers(f"<h3>Live</h3><ul>{entries}</ul>") == []


def test_block_headings_name_related_reads_in_other_languages() -> None:
    from extractor.parse import vocab

    for heading in [
        "많이 본 칼럼",
        "関連記事",
        "推荐阅读",
        "Meistgelesen",
        "Lire aussi",
        "Читайте также",
    ]:
        assert vocab.TEASER_HEADING_RE.search(heading), heading
    assert not vocab.TEASER_HEADING_RE.search("Lorem ipsum dolor")
    # Short truncated titles under such a heading are a block (four words on average).
    items = "".join(
        f"<li><a href='/news/view.html?idx={i}'>‘골목식당’ 결국 대폭발한 백종{i}..</a></li>"
        for i in range(5)
    )
    teasers = _teasers(f"<div class='side'><h3>많이 본 칼럼</h3><ul>{items}</ul></div>")
    assert len(teasers) == 5 and {t["block"] for t in teasers} == {"많이 본 칼럼"}


def test_story_lists_in_a_column_named_for_its_ads_count_when_they_stay_on_the_site() -> None:
    own = _story_cards(4, "/2026/11/most-read")
    column = f"<section class='ad-column-l'><h3>Most read stories</h3><ul>{own}</ul></section>"
    assert len(_teasers(column)) == 4
    away = _story_cards(4, "https://ads.example.net/click")
    assert _teasers(f"<section class='ad-column-l'><h3>Around the web</h3>{away}</section>") == []


def test_the_site_header_test_measures_the_page_once_per_search() -> None:
    root = parse_document(
        "<html><body><header class='masthead'><nav><a href='/a'>A</a></nav></header>"
        f"<main>{BODY}</main></body></html>"
    )
    page = PageReader({}, lambda text: None, None, None)
    link = root.find(".//a")
    assert _in_site_header(link, page)
    measured = page.page_chars
    assert measured is not None and measured > 100
    assert _in_site_header(link.getparent(), page)
    assert page.page_chars == measured
    assert not _in_site_header(root.find(".//main"), page)


def test_a_byline_with_the_date_is_no_blurb() -> None:
    cards = "".join(
        f"<li><h3><a href='/2026/11/story-{i}'>A headline of the trending list {i}</a></h3>"
        f"<div><span>Writer Name{i}</span> • <time datetime='2026-11-1{i}'>November 1{i}, 2026"
        "</time></div></li>"
        for i in range(3)
    )
    teasers = _teasers(f"<h2>Trending</h2><ul>{cards}</ul>")
    assert [t["date"] for t in teasers] == [f"2026-11-1{i}" for i in range(3)]
    assert all(t["blurb"] is None for t in teasers)


def test_an_all_caps_kicker_over_the_headline_is_not_the_title() -> None:
    cards = "".join(
        f"<div class='item'><a href='/news/{i}/story-{i}'><img src='/p{i}.jpg' alt=''></a>"
        f"<div><h3>RANDY ANDY {i}</h3><span>The actual headline of story number {i} runs "
        "here</span></div></div>"
        for i in range(3)
    )
    teasers = _teasers(f"<h2>Most Read</h2><div class='rail'>{cards}</div>")
    assert [t["title"] for t in teasers] == [
        f"The actual headline of story number {i} runs here" for i in range(3)
    ]
    assert all(t["blurb"] is None for t in teasers)


def test_a_series_heading_over_the_title_heading_is_no_title() -> None:
    cards = "".join(
        f"<div class='pickup'><a href='/2026/10/story-{i}'>"
        f"<h3 class='pickup_article_series'>Tech Weekly</h3>"
        f"<h4 class='pickup_article_title'><span>{title}</span></h4></a></div>"
        for i, title in enumerate(HEADLINES)
    )
    teasers = _teasers(f"<h2>Pick up</h2><div class='pickups'>{cards}</div>")
    assert [t["title"] for t in teasers] == list(HEADLINES)
    assert {t["blurb"] for t in teasers} == {None}


def test_a_date_set_in_the_title_heading_beside_its_link_is_the_cards_date() -> None:
    items = "".join(
        f"<li><h4><a href='/2026/10/story-{i}'><span>{title}</span></a> "
        f"<span class='time'>（2026/10/{i + 1}付）</span> <span>［有料会員限定］</span></h4></li>"
        for i, title in enumerate(HEADLINES)
    )
    teasers = _teasers(f"<h2>Related</h2><ul>{items}</ul>")
    assert [t["title"] for t in teasers] == list(HEADLINES)
    assert [t["date"] for t in teasers] == [f"2026-10-0{i + 1}" for i in range(3)]
    assert {t["blurb"] for t in teasers} == {None}


def test_the_series_line_over_a_cards_title_is_no_blurb() -> None:
    cards = "".join(
        f"<div class='pickup'><a href='/2026/10/story-{i}'>"
        f"<h3 class='pickup_series'>The weekly column on leaders and their old schools</h3>"
        f"<h4 class='pickup_title'>{title}</h4></a></div>"
        for i, title in enumerate(HEADLINES)
    )
    teasers = _teasers(f"<h2>Pick up</h2><div class='pickups'>{cards}</div>")
    assert [(t["title"], t["blurb"]) for t in teasers] == [(h, None) for h in HEADLINES]


def test_a_strip_of_market_quotes_is_no_teaser_block() -> None:
    quotes = (
        ("/markets/stocks/", "Nikkei 225 (yen)", "6/19 close", "22,278.48", "-401.85", "-1.77%"),
        ("/markets/world/", "Dow (dollars)", "6/19 11:06", "24,650.14", "-337.33", "-1.34%"),
        ("/markets/fx/", "Dollar (yen)", "6/20 0:16", "110.05", "+0.12", "+0.11%"),
    )
    rows = "".join(
        f"<a href='{href}' class='quote'><ul><li><span>{name}</span><br><span>{when}</span></li>"
        f"<li>{rate}</li><li>{change}</li><li>{percent}</li></ul></a>"
        for href, name, when, rate, change, percent in quotes
    )
    assert _teasers(f"<div class='market'>{rows}</div>") == []


def test_headlines_with_only_their_first_words_linked_under_a_named_list() -> None:
    # A link stack: its first item asks for a newsletter, the others are headlines whose first
    # (or last) words are the link; the heading above the list names it.
    lines = (
        ("/2026/10/one-man", "Taylor Swift, Star Wars and Deadpool", "have one man in common"),
        ("/2026/10/social", "The new era of social media", "looks as bad for privacy as before"),
        ("/2026/10/browser", "Your internet browser", "does not belong to you after all"),
    )
    items = "".join(
        f"<li class='stack-item'><div><p><a href='{href}'>{linked}</a> {rest}</p></div></li>"
        for href, linked, rest in lines
    )
    ask = (
        "<li class='stack-item'><div><p>Make the most of chatbots with our "
        "<a href='/newsletter/ai'>AI newsletter</a></p></div></li>"
    )
    html = (
        "<div class='stack'><div class='stack-head'><h2>You Might Also Like …</h2></div>"
        f"<div class='stack-body'><ul class='stack-list'>{ask}{items}</ul></div></div>"
    )
    teasers = _teasers(html)
    assert [t["title"] for t in teasers] == [f"{linked} {rest}" for _, linked, rest in lines]
    assert {t["block"] for t in teasers} == {"You Might Also Like …"}
