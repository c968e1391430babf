"""Tests of parse.body's content container choice: Readability's climb and the link-run filter."""

from __future__ import annotations

from datetime import UTC, datetime

from extractor.parse import body, dom, vocab
from extractor.pipeline import extract

NOW = datetime(2026, 11, 24, tzinfo=UTC)
STEPS = [
    f"Step {i} of the guide explains, in some detail, what to buy, where to go, and how to save"
    f" money on item number {i} without giving up on the quality of the result."
    for i in range(1, 6)
]
RELATED = [f"Some other story about topic {i}" for i in range(1, 4)]


def _text(body: str) -> str:
    html = f"<html><head></head><body>{body}</body></html>"
    return extract(html, "https://site.example/a/story", now=NOW).text


def test_steps_in_separate_wrappers_are_joined_under_their_shared_ancestor() -> None:
    # Each step sits three wrappers deep, so no step's container is a sibling of another's:
    # the near-equal candidates share the article, which becomes the content.
    steps = "".join(
        f"<span><div class='step'><div class='inner'><span><p>{s}</p></span></div></div></span>"
        for s in STEPS
    )
    text = _text(f"<h1>How to save on a party</h1><article>{steps}</article>")
    assert all(s in text for s in STEPS)


def test_a_lone_best_container_does_not_climb_into_the_page_column() -> None:
    links = "".join(f"<li><a href='/r{i}'>{t}</a></li>" for i, t in enumerate(RELATED))
    text = _text(
        "<div class='column'><h1>Title of the short story</h1>"
        f"<div class='story'><div class='text'><p>{STEPS[0]}</p><p>{STEPS[1]}</p></div></div>"
        f"<div class='more'><div><ul>{links}</ul></div></div>"
        "<div class='promo'><div><p>Short promo line.</p></div></div></div>"
    )
    assert STEPS[0] in text and STEPS[1] in text
    assert "Short promo line" not in text
    assert not any(t in text for t in RELATED)


def test_linked_card_titles_between_link_lines_leave_the_body() -> None:
    cards = "".join(
        f"<h3><a href='/s{i}'>{t}</a></h3><p><a href='/v{i}'>watch</a></p>"
        for i, t in enumerate(RELATED)
    )
    text = _text(f"<h1>Title of the story</h1><div><p>{STEPS[0]}</p><p>{STEPS[1]}</p>{cards}</div>")
    assert STEPS[0] in text and STEPS[1] in text
    assert not any(t in text for t in RELATED)
    assert "watch" not in text


def test_a_linked_heading_before_prose_stays() -> None:
    text = _text(
        f"<h1>Title of the story</h1><div><h2><a href='#part'>The first part</a></h2>"
        f"<p>{STEPS[0]}</p><p>{STEPS[1]}</p></div>"
    )
    assert text.startswith("The first part")


def test_chunks_of_the_best_containers_parent_class_with_prose_join_it() -> None:
    root = dom.parse_document(
        "<body><div id='chunks'><div class='chunk' id='c1'><div id='b1'><p>x</p></div></div>"
        "<div class='ad' id='ad'>Ad</div><div class='chunk' id='c2'><div id='b2'><p>y</p></div>"
        "</div><div class='chunk' id='c3'><div><p>z</p></div></div></div></body>"
    )
    by_id = {el.get("id"): el for el in root.iter() if el.get("id")}
    # c3 is of the mould but scored no prose (a link list, say).
    content = {by_id["c1"]: 4.0, by_id["c2"]: 9.0, by_id["ad"]: 1.0, by_id["c3"]: 0.0}
    joined = body._repeated_chunks(by_id["c2"], content)
    assert [el.get("id") for el in joined] == ["c1"]


def test_related_articles_listed_inside_the_article_leave_the_body() -> None:
    related = "".join(
        f"<article class='post'><h2>{t}</h2><p>{STEPS[i + 2]}</p></article>"
        for i, t in enumerate(RELATED)
    )
    text = _text(
        f"<article class='post'><h1>Title of the story</h1><p>{STEPS[0]} {STEPS[1]}</p>"
        f"<h3>You may also like</h3>{related}</article>"
    )
    assert STEPS[0] in text
    assert not any(s in text for s in STEPS[2:])


def test_an_article_inside_an_article_wrapper_is_read() -> None:
    text = _text(
        "<article><h1>Title of the story</h1>"
        f"<article class='body'><p>{STEPS[0]}</p><p>{STEPS[1]}</p></article></article>"
    )
    assert STEPS[0] in text and STEPS[1] in text


def test_a_gallery_of_captioned_slides_neither_wins_nor_joins_the_body() -> None:
    # Fifty slides, each a counter heading and a caption long enough to read as prose: inside
    # list items they score at half, and the counted slides leave the content they sit in.
    caption = STEPS[0]
    slides = "".join(
        f"<li><h2><span>{i}/12</span> Slide title {i}</h2><p>{caption} ({i})</p>"
        "<p class='credits'>GETTY</p></li>"
        for i in range(1, 13)
    )
    text = _text(
        "<h1>Title of the story</h1><div class='wrap'>"
        f"<div class='gallery'><ul>{slides}</ul></div>"
        f"<div class='story'><p>{STEPS[1]}</p><p>{STEPS[2]}</p><p>{STEPS[3]}</p></div></div>"
    )
    assert STEPS[1] in text and STEPS[3] in text
    assert "Slide title" not in text and caption not in text


def test_a_slide_counter_is_read_only_at_the_start_of_a_heading() -> None:
    assert vocab.SLIDE_COUNTER_RE.match("1/50 United goin down")
    assert vocab.SLIDE_COUNTER_RE.match("3 of 12")
    assert not vocab.SLIDE_COUNTER_RE.match("2024/25 season review")
    assert not vocab.SLIDE_COUNTER_RE.match("Top 10 of the year")


def test_a_part_of_the_article_under_other_wrappers_joins_by_its_class() -> None:
    # The intro sits in its own wrappers above a hero figure; the rest of the article is in
    # chunks of the same class further down.
    intro = f"<div class='intro'><div><div class='post-text'><p>{STEPS[0]}</p></div></div></div>"
    rest = f"<div class='post-text'><p>{STEPS[1]}</p><p>{STEPS[2]}</p><p>{STEPS[3]}</p></div>"
    text = _text(
        f"<h1>Title of the story</h1>{intro}<figure><img src='a.jpg'></figure>"
        f"<div class='main'>{rest}</div><div class='aside'><p>{RELATED[0]}, more.</p></div>"
    )
    assert STEPS[0] in text and STEPS[3] in text
    assert RELATED[0] not in text


def test_the_articles_header_does_not_join_the_body_as_a_sibling() -> None:
    # Inside an <article> every sibling part of the body joins it, but its <header> holds the
    # headline, the standfirst and the byline, none of them the body's text.
    paragraphs = "".join(f"<p>{s}</p>" for s in STEPS)
    text = _text(
        "<article><header><h1>Title of the story</h1>"
        "<h3>A standfirst that sums the story up in one line for the reader</h3>"
        "<div class='author'>By A Writer</div></header>"
        f"<div class='content'>{paragraphs}</div><div class='more-details'>"
        "<h2>More details</h2><p>One more part of the article, after the body.</p></div></article>"
    )
    assert "standfirst" not in text
    assert STEPS[0] in text and "One more part of the article" in text


def test_a_box_of_related_reads_inside_the_body_leaves_it_but_stays_teasers() -> None:
    before = "".join(f"<p>{s}</p>" for s in STEPS[:3])
    after = "".join(f"<p>{s}</p>" for s in STEPS[3:])
    cards = "".join(
        f"<li><a href='/story-{i}'><h3>Another story on the topic, number {i}</h3></a>"
        f"<p>By Writer {i}</p></li>"
        for i in range(3)
    )
    html = (
        "<html><body><article><h1>Title of the story</h1><div class='article-body'>"
        f"{before}<aside id='related-content' class='related'>On the same topic"
        f"<ul>{cards}</ul></aside>{after}<div class='related-link'><p>On the site: "
        "<a href='/cars'>Car sales plunge nearly 17 percent in August</a></p></div>"
        f"<p>{STEPS[0]}</p></div></article></body></html>"
    )
    record = extract(html, "https://site.example/a/story", now=NOW)
    assert all(s in record.text for s in STEPS)
    assert "On the same topic" not in record.text and "By Writer" not in record.text
    assert "Car sales plunge" not in record.text
    assert len(record.teasers) == 3


def test_a_related_name_on_the_whole_body_does_not_empty_it() -> None:
    paragraphs = "".join(f"<p>{s}</p>" for s in STEPS)
    text = _text(f"<h1>Title of the story</h1><div class='related-story'>{paragraphs}</div>")
    assert all(s in text for s in STEPS)


def test_paragraph_wrappers_named_description_are_the_body_not_a_dek() -> None:
    paragraphs = "".join(f"<div class='text-description'><p>{s}</p></div>" for s in STEPS)
    record = extract(
        "<html><body><article><header><h1>Title of the story</h1>"
        "<h3>A standfirst that sums the whole story up in one line</h3></header>"
        f"<div class='ctx_content'>{paragraphs}</div></article></body></html>",
        "https://site.example/a/story",
        now=NOW,
    )
    assert record.text.startswith(STEPS[0])


def test_the_climb_stops_where_the_prose_falls_under_0_15_of_the_best_containers() -> None:
    # A short paywalled story: its column scores more than the wrapper under it (the column's own
    # promos and lists), yet holds hardly any prose of its own; the story stays where it is.
    root = dom.parse_document(
        "<body><div id='page'><div id='outer'><div id='inner'><div id='main'>"
        "<div id='section'><h1>Title</h1><div id='story'><p>x</p></div></div><div>promo</div>"
        "</div><div>list</div></div><div>rail</div></div><div>footer</div></div></body>"
    )
    by_id = {el.get("id"): el for el in root.iter() if el.get("id")}
    chain = [("story", 9.9, 2.9), ("section", 7.3, 3.0), ("main", 5.3, 1.2)]
    chain += [("inner", 3.4, 0.5), ("outer", 4.2, 0.39), ("page", 4.3, 0.1)]
    scores = {by_id[name]: score for name, score, _ in chain}
    content = {by_id[name]: own for name, _, own in chain}
    best = body._promote(by_id["story"], 9.9, [(by_id["story"], 9.9)], scores, content)
    assert best.get("id") == "story"
