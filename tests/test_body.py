"""Tests of parse.body and headline: the main text, sections, headings, dek and byline."""

from __future__ import annotations

from datetime import UTC, datetime

from extractor.pipeline import extract
from tests.records import valid

NOW = datetime(2026, 11, 24, tzinfo=UTC)
P1 = "Researchers found that the thalamus shrinks in people with MS, and that this matters a lot."
P2 = "Patients and caregivers should care, because the change affects symptoms, treatment and care."
P3 = "The study was small, so more research is needed, and the results may not hold for everyone."


def _record(body: str, head: str = "") -> dict[str, object]:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    return valid(extract(html, "https://site.example/a/story", now=NOW).to_dict())


def test_real_headings_make_sections_in_page_order() -> None:
    record = _record(
        f"<article><h1>Title of the story</h1><h2>Found</h2><p>{P1}</p><h2>Why</h2><p>{P2}</p>"
        f"<h3>Limits</h3><p>{P3}</p></article>"
    )
    assert record["sections"] == [
        {"heading": "Found", "level": 2, "paragraphs": [P1]},
        {"heading": "Why", "level": 2, "paragraphs": [P2]},
        {"heading": "Limits", "level": 3, "paragraphs": [P3]},
    ]
    assert record["text"] == f"Found\n\n{P1}\n\nWhy\n\n{P2}\n\nLimits\n\n{P3}"
    assert record["headline"] == "Title of the story"


def test_bold_lines_are_pseudo_headings_and_double_br_splits() -> None:
    record = _record(
        f"<div><h1>Title of the story</h1><div><p><b>What was found</b></p><p>{P1}</p>"
        f"<p><strong>Why it matters</strong></p><div>{P2}<br><br>{P3}</div></div></div>"
    )
    assert record["sections"] == [
        {"heading": "What was found", "level": None, "paragraphs": [P1]},
        {"heading": "Why it matters", "level": None, "paragraphs": [P2, P3]},
    ]


def test_list_items_are_kept_as_paragraphs() -> None:
    record = _record(
        f"<article><h1>Title of the story</h1><p>{P1}</p><ul><li>First point of the list, with "
        f"detail.</li><li>Second point of the list, with detail.</li></ul><p>{P2}</p></article>"
    )
    (section,) = record["sections"]
    assert "First point of the list, with detail." in section["paragraphs"]
    assert section["paragraphs"][-1] == P2


def test_headline_drops_site_name_from_title_when_there_is_no_h1() -> None:
    record = _record(
        f"<div><p>{P1}</p><p>{P2}</p></div>", "<title>The real title | Site Name</title>"
    )
    assert record["headline"] == "The real title"


def test_headline_prefers_the_h1_that_matches_declared_title() -> None:
    record = _record(
        f"<h1><a href='/'>Site Name</a></h1><div><h1>The real title of it</h1><p>{P1}</p>"
        f"<p>{P2}</p></div>",
        "<meta property='og:title' content='The real title of it'>"
        "<title>The real title of it - Site Name</title>",
    )
    assert record["headline"] == "The real title of it"


def test_dek_and_byline_stay_out_of_the_body() -> None:
    record = _record(
        f"<article><h1>Title of the story</h1><p>A one-line summary of what the story says.</p>"
        f"<p>By Jane Doe</p><p>{P1} {P1}</p><p>{P2} {P2}</p></article>"
    )
    assert record["summary"] == "A one-line summary of what the story says."
    assert "Jane Doe" not in record["text"]
    assert "one-line summary" not in record["text"]
    assert record["text"].startswith(P1)


def test_typed_boilerplate_never_reaches_the_text() -> None:
    record = _record(
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>Title of the story</h1><p>{P1}</p><p>{P2}</p></article>"
        "<div class='share'><a href='https://twitter.com/x'>Tweet</a></div>"
        "<div><p>We use cookies to improve your experience. Accept all cookies</p></div>"
        "<footer>© 2026 Site. All rights reserved.</footer>"
    )
    kinds = {b["kind"] for b in record["boilerplate"]}
    assert {"navigation", "share", "cookie", "footer"} <= kinds
    for word in ("Home", "Tweet", "cookies", "rights reserved"):
        assert word not in record["text"]


def test_disclaimer_paragraphs_are_typed_as_a_group() -> None:
    record = _record(
        f"<div><h1>Title of the story</h1><p>{P1} {P1}</p><p>{P2} {P2}</p><p>{P3} {P3}</p></div>"
        "<div><p>Whether you have just been diagnosed or not, research can feel overwhelming.</p>"
        "<p>We recommend reviewing the original source and consulting with healthcare "
        "professionals.</p></div>"
    )
    texts = [b["text"] for b in record["boilerplate"] if b["kind"] == "disclaimer"]
    assert len(texts) == 2
    assert "overwhelming" not in record["text"]


def test_a_body_container_named_like_a_pager_is_still_the_body() -> None:
    record = _record(
        "<nav><a href='/'>Home</a> <a href='/n'>News</a></nav><main><h1>Title of the story</h1>"
        f"<div class='article-body pagination-first'><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></main>"
    )
    assert record["text"] == f"{P1}\n\n{P2}\n\n{P3}"


def test_a_short_page_keeps_its_only_text() -> None:
    record = _record("<h1>Short page title</h1><div>Just a few words here.</div>")
    assert record["text"] == "Just a few words here."


def test_parts_of_the_article_element_after_the_body_are_body() -> None:
    record = _record(
        f"<article><h1>Title of the story</h1><div class='article-body'><p>{P1}</p><p>{P2}</p>"
        f"<p>{P3}</p></div><section><h2>More Details</h2><p>Journal: Acta neuropathologica</p>"
        "<p>Original study: <a href='https://doi.org/10.1/x'>https://doi.org/10.1/x</a></p>"
        "</section></article>"
    )
    assert record["sections"][-1] == {
        "heading": "More Details",
        "level": 2,
        "paragraphs": ["Journal: Acta neuropathologica", "Original study: https://doi.org/10.1/x"],
    }
    assert not [b for b in record["boilerplate"] if "doi.org" in b["text"]]


def test_a_one_sentence_lede_below_the_byline_stays_in_the_body() -> None:
    lede = "The city council voted on Monday to close the old bridge for repairs next year."
    record = _record(
        f"<article><h1>Title of the story</h1><p>By Jane Doe</p><p>{lede}</p>"
        f"<p>{P1} {P1} {P1}</p><p>{P2} {P2} {P2}</p></article>",
        f"<meta name='description' content='{lede}'>",
    )
    assert record["text"].startswith(lede)
    assert record["summary"] == lede  # the description still stands in as the summary


def test_a_page_of_only_headings_keeps_them_as_its_text() -> None:
    record = _record(
        "<article><h1>The page title</h1><h2>Test Case 1</h2><h2>Test Case 2</h2></article>"
    )
    assert record["text"] == "Test Case 1\n\nTest Case 2"


def test_text_under_a_javascript_link_is_not_a_link_list() -> None:
    record = _record(f"<a href='javascript:'><p>{P1}</p><p>{P2}</p></a>")
    assert record["text"] == f"{P1}\n\n{P2}"


def test_article_text_under_a_paywall_class_is_body() -> None:
    long_text = "".join(f"<p>{p}</p>" for p in (P1, P2, P3) * 4)
    record = _record(
        f"<article><h1>Title of the story</h1><p>{P1}</p><div class='paywall'>{long_text}</div>"
        "<div class='newsletter'><p>Sign up for our newsletter.</p></div></article>"
    )
    assert record["text"].count(P3) == 4
    assert "Sign up" not in record["text"]


def test_figure_captions_leave_the_body_but_quoted_figures_stay() -> None:
    record = _record(
        f"<article><h1>Title of the story</h1><p>{P1}</p>"
        "<figure><img src='a.jpg'><figcaption>The lab at night. Photo: X</figcaption></figure>"
        f"<p>{P2}</p><figure><blockquote><p>{P3}</p></blockquote><figcaption>A source</figcaption>"
        "</figure></article>"
    )
    assert record["text"] == f"{P1}\n\n{P2}\n\n{P3}"


def test_promo_lines_and_box_labels_in_the_body_are_boilerplate() -> None:
    record = _record(
        f"<article><h1>Title of the story</h1><p>{P1}</p>"
        "<p>READ MORE: <a href='/other'>Another story about something else entirely</a></p>"
        f"<p>{P2}</p><p>DON'T MISS</p><p>{P3}</p></article>"
    )
    assert record["text"] == f"{P1}\n\n{P2}\n\n{P3}"


def test_mathml_formulas_are_body_text_without_their_tex_source() -> None:
    formula = (
        "<math><semantics><mrow><mi>x</mi><mo>=</mo><mn>2</mn></mrow>"
        "<annotation encoding='application/x-tex'>x = 2</annotation></semantics></math>"
    )
    record = _record(
        f"<article><h1>Title of the story</h1><p>{P1}</p><p>So {formula} holds.</p></article>"
    )
    assert "So x=2 holds." in str(record["text"])
    assert "application" not in str(record["text"]) and "x = 2" not in str(record["text"])


def test_caption_boxes_named_by_class_leave_the_body_but_a_loose_figcaption_stays() -> None:
    record = _record(
        f"<article><h1>Title of the story</h1><p>{P1}</p>"
        "<div class='wp-caption'><img src='a.jpg'><p class='wp-caption-text'>The lab at night,"
        " with its lights on and nobody in it, seen from the street.</p></div>"
        f"<p>{P2}</p><div class='photo-credit'>Photo: Some Agency</div>"
        f"<img src='b.jpg'><figcaption>A step of the recipe</figcaption><p>{P3}</p></article>"
    )
    assert record["text"] == f"{P1}\n\n{P2}\n\nA step of the recipe\n\n{P3}"


def test_a_modal_dialog_is_never_the_body() -> None:
    modal = "".join(
        f"<p>To become an approved author you must write {i} articles, first.</p>" for i in range(6)
    )
    record = _record(
        f"<div class='modal fade'><div class='modal-content'>{modal}</div></div>"
        f"<article><h1>Title of the story</h1><p>{P1}</p><p>{P2}</p></article>"
    )
    assert record["text"] == f"{P1}\n\n{P2}"


def test_a_list_item_naming_a_signup_is_not_a_subscribe_box_for_its_list() -> None:
    items = "".join(
        f"<li>{t}</li>"
        for t in ("Newtab stories in two countries", "New signup call-to-action", "Other tests")
    )
    record = _record(
        f"<article><h1>Title of the story</h1><p>{P1}</p><ul>{items}</ul><p>{P2}</p></article>"
    )
    assert "Newtab stories in two countries" in str(record["text"])
    assert "Other tests" in str(record["text"])


def test_an_article_sentence_saying_should_not_be_used_is_no_disclaimer() -> None:
    line = "So you should only use the word when you mean it. It should not be used in hyperbole."
    record = _record(
        f"<article><h1>Title of the story</h1><p>{P1}</p><p>{line}</p><p>{P2}</p></article>"
    )
    assert line in str(record["text"])


def test_a_sentence_mentioning_a_short_author_field_is_no_byline() -> None:
    # A broken author field ("Mac") must not turn the article's last sentence into a byline.
    line = "The app costs about 50 euros in the Mac App Store and needs a recent system version."
    record = _record(
        f"<article><h1>Title of the story</h1><p>{P1}</p><p>{line}</p></article>",
        head="<meta name='author' content='Mac'>",
    )
    assert line in str(record["text"])


def test_a_caption_set_as_a_plain_line_with_its_credit_leaves_the_body() -> None:
    record = _record(
        f"<article><h1>Title of the story</h1><p>{P1}</p>"
        "<div>Yersinia pestis causes the plague (Image: GETTY)</div>"
        f"<p>{P2}</p><p>{P3} (Source: the study)</p></article>"
    )
    text = str(record["text"])
    assert text.endswith(f"{P2}\n\n{P3} (Source: the study)")
    assert "GETTY" not in text


def test_a_lede_in_the_body_container_stays_in_the_text_as_well_as_the_summary() -> None:
    lede = "Two senators have taken the head of police to court over the raid."
    long = f"{P1} {P2}"
    html = (
        f"<article><h1>Title of the story</h1><div class='body'><p>{lede}</p><p>{long}</p>"
        f"<p>{long}</p></div></article>"
    )
    record = _record(html, head=f"<meta name='description' content='{lede}'>")
    assert record["summary"] == lede
    assert str(record["text"]).startswith(lede)
    # A dek set in its own element stays out of the text.
    dek = (
        f"<article><h1>Title of the story</h1><p class='standfirst'>{lede}</p>"
        f"<div class='body'><p>{long}</p><p>{long}</p></div></article>"
    )
    record = _record(dek, head=f"<meta name='description' content='{lede}'>")
    assert record["summary"] == lede
    assert lede not in str(record["text"])


def test_a_lede_marked_as_a_summary_for_share_cards_stays_in_the_body() -> None:
    lede = "Two senators have taken the head of police to court over the raid."
    long = f"{P1} {P2}"
    html = (
        f"<article><h1>Title of the story</h1><div class='body'>"
        f"<p class='speakable-summary'>{lede}</p><p>{long}</p><p>{long}</p></div></article>"
    )
    record = _record(html, head=f"<meta name='description' content='{lede}'>")
    assert record["summary"] == lede
    assert str(record["text"]).startswith(lede)
    # The same words in a marked element of another kind remain a dek.
    dek = html.replace("<p class='speakable-summary'>", "<div class='summary'>").replace(
        f"{lede}</p>", f"{lede}</div>", 1
    )
    record = _record(dek, head=f"<meta name='description' content='{lede}'>")
    assert lede not in str(record["text"])


def test_an_unjoinable_base_href_leaves_links_on_the_page_url() -> None:
    # '<base href="http://[x/">' made urljoin raise ValueError (an unclosed IPv6 host): the page
    # is still read, its links resolved against the page's own URL.
    related = "".join(
        f"<li><a href='/2026/story-{i}'>A related headline number {i} about this</a></li>"
        for i in range(4)
    )
    html = (
        '<html><head><base href="http://[x/"></head><body><h1>Title here</h1><p>'
        + "Words of the article's body, long enough to be its text. " * 6
        + f"</p><h2>More from News</h2><ul>{related}</ul></body></html>"
    )
    record = valid(extract(html, "http://ex.com/news/p", now=NOW).to_dict())
    assert record["headline"] == "Title here"
    assert [t["url"] for t in record["teasers"]] == [
        f"http://ex.com/2026/story-{i}" for i in range(4)
    ]


def test_a_lede_in_a_body_container_named_for_its_summary_stays_in_the_body() -> None:
    lede = "Two senators have taken the head of police to court over the raid."
    long = f"{P1} {P2}"
    meta = f"<meta name='description' content='{lede}'>"
    # Drupal's body field: "text-with-summary" names the field's type, and the field holds the
    # whole body.
    body = "<div class='field field--name-body field--type-text-with-summary'>"
    html = f"<article><h1>Title of the story</h1>{body}<p>{lede}</p><p>{long}</p><p>{long}</p>"
    record = _record(html + "</div></article>", head=meta)
    assert record["summary"] == lede
    assert str(record["text"]).startswith(lede)
    # A summary box of two paragraphs before the body stays a dek.
    box = (
        f"<article><h1>Title of the story</h1><div class='summary'><p>{lede}</p><p>{P3}</p></div>"
        f"<div class='body'><p>{long}</p><p>{long}</p></div></article>"
    )
    record = _record(box, head=meta)
    assert lede not in str(record["text"])


def test_a_lede_in_a_wrapper_of_its_own_at_the_head_of_the_body_stays_in_the_body() -> None:
    lede = "Two senators have taken the head of police to court over the raid."
    long = f"{P1} {P2}"
    html = (
        f"<article><h1>Title of the story</h1><div class='story-body'>"
        f"<div class='story-intro'><p><strong>{lede}</strong></p></div>"
        f"<p>{long}</p><p>{long}</p></div></article>"
    )
    record = _record(html, head=f"<meta name='description' content='{lede}'>")
    assert record["summary"] == lede
    assert str(record["text"]).startswith(lede)


def test_a_line_that_introduces_a_list_of_its_container_stays_in_the_body() -> None:
    intro = "Running speed can be raised with the following codes"
    items = "".join(f"<li>{p}</li>" for p in (P1, P2, P3))
    html = (
        f"<article><h1>Title of the story</h1><div class='entry-content'><p>{intro}</p>"
        f"<ul>{items}</ul><p>{P1} {P2}</p></div></article>"
    )
    record = _record(html)
    assert str(record["text"]).startswith(intro)


def test_loose_text_at_the_head_of_the_body_container_stays_in_the_body() -> None:
    lede = "I have written a couple of posts this year, so I am long overdue for one here."
    html = (
        f"<article><h1>Title of the story</h1><div class='post-body'>{lede}"
        f"<h2>What it is</h2><p>{P1} {P2}</p><p>{P3} {P1}</p></div></article>"
    )
    record = _record(html, head=f"<meta name='description' content='{lede}'>")
    assert str(record["text"]).startswith(lede)


def test_a_bold_row_of_a_table_is_no_section_heading() -> None:
    record = _record(
        f"<article><h1>Title of the story</h1><p>{P1}</p><table><tr><td><b>Up to 4 years</b>"
        "</td></tr><tr><td>Seat model one, 370 €, grade 1,7</td></tr></table>"
        f"<p>{P2}</p></article>"
    )
    sections = record["sections"]
    assert isinstance(sections, list) and len(sections) == 1
    assert sections[0]["heading"] is None
    assert "Up to 4 years" in sections[0]["paragraphs"]


def test_an_excerpt_restating_the_first_paragraph_leaves_the_body() -> None:
    opening = "Under the title 'Politics on the net' the foundation holds its annual meeting"
    excerpt = f"{opening} on Saturday, with many known faces of the scene, Konstantin among them."
    first = f"{opening} on Saturday, and I will take part in it too, as every year."
    record = _record(
        f"<article><h1>Title of the story</h1><div class='entry'><p>{excerpt}</p>"
        f"<p>{first}</p><p>{P1}</p><p>{P2}</p></div></article>"
    )
    assert excerpt not in str(record["text"])
    assert str(record["text"]).count(opening) == 1
    # Paragraphs that open alike but for a word or two are both kept.
    other = f"{opening.replace('annual', 'yearly')} on Sunday, and nobody will come at all."
    kept = _record(
        f"<article><h1>Title of the story</h1><div class='entry'><p>{first}</p>"
        f"<p>{other}</p><p>{P1}</p><p>{P2}</p></div></article>"
    )
    assert first in str(kept["text"]) and other in str(kept["text"])


def test_a_paragraph_repeated_word_for_word_is_no_excerpt() -> None:
    record = _record(
        f"<article><h1>Title of the story</h1><div class='entry'><p>{P1}</p><p>{P1}</p>"
        f"<p>{P2}</p></div></article>"
    )
    assert str(record["text"]).count(P1) == 2


def test_a_page_of_terms_keeps_its_disclaimers_as_its_text() -> None:
    warranty = (
        "Exclusions of Warranty: The Materials are provided as is, without warranty of any "
        "kind, and the company is not responsible for any damages arising from their use."
    )
    body = f"<p>{P1}</p><p>{warranty}</p><p>{P2}</p>"
    terms = _record(f"<div><h1>Intel Terms of Use</h1>{body}</div>")
    assert "Exclusions of Warranty" in terms["text"]
    story = _record(f"<div><h1>Title of the story</h1>{body}</div>")
    assert "Exclusions of Warranty" not in story["text"]


def test_an_embedded_instagram_posts_frame_is_no_text_but_its_caption_is() -> None:
    embed = (
        "<blockquote class='instagram-media'><div><a href='https://www.instagram.com/p/x/'>"
        "Sieh dir diesen Beitrag auf Instagram an</a></div>"
        "<p><a href='https://www.instagram.com/p/x/'>Wie ich meine Kollegen gerne habe</a></p>"
        "<p>Ein Beitrag geteilt von Joey Heindle (@joeyheindle) am Jun 17, 2019 um 12:26 PDT"
        "</p></blockquote>"
    )
    record = _record(f"<div><h1>Title of the story</h1><p>{P1}</p>{embed}<p>{P2}</p></div>")
    assert "Sieh dir diesen Beitrag" not in record["text"]
    assert "Ein Beitrag geteilt von" not in record["text"]
    assert P2 in record["text"] and "Kollegen gerne" in record["text"]
    assert {b["kind"] for b in record["boilerplate"]} >= {"share"}
