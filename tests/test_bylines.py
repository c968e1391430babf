"""Tests for extractor.parse.bylines: the visible-byline walk and person-name cleanup."""

from __future__ import annotations

import lxml.etree

from extractor.parse.bylines import find_byline, person_names
from extractor.parse.dom import parse_document


def byline(body: str, head: str = "") -> tuple[str, ...]:
    return find_byline(parse_document(f"<html><head>{head}</head><body>{body}</body></html>"))


def test_first_byline_with_names_wins_in_document_order() -> None:
    body = (
        '<div class="author-box"><p>Follow us</p></div>'
        '<span class="byline">By Ann Lee</span><span class="byline">By Bo Chan</span>'
    )
    assert byline(body) == ("Ann Lee",)


def test_comment_and_bio_bylines_are_foreign() -> None:
    body = (
        '<section class="comments"><span class="author">Troll Person</span></section>'
        '<div class="author-bio"><span class="author-name">Bio Person</span></div>'
        '<p class="writer">By Rae Hart</p>'
    )
    assert byline(body) == ("Rae Hart",)


def test_script_and_style_classes_are_not_bylines() -> None:
    body = '<script class="author">var x = "Not Me";</script><p id="post-author">Jo Roe</p>'
    assert byline(body) == ("Jo Roe",)


def test_camel_case_class_names_match() -> None:
    assert byline('<div class="ArticleAuthorName">Mia Stone</div>') == ("Mia Stone",)


def test_a_byline_named_by_its_id_or_by_class_and_id_alike() -> None:
    assert byline('<div class="meta"><span id="Writer-1">Ada Vale</span></div>') == ("Ada Vale",)
    body = '<p class="story">Lede.</p><p class="x" id="authorName">Cy Ford</p>'
    assert byline(body) == ("Cy Ford",)


def test_by_text_line_without_class() -> None:
    assert byline("<p>Intro text here.</p><p>By Kim Park and Lu Wen</p>") == ("Kim Park", "Lu Wen")


def test_no_body_no_byline() -> None:
    root = lxml.etree.fromstring("<html><head><title>t</title></head></html>")
    assert find_byline(root) == ()


def test_person_names_cleanup() -> None:
    assert person_names("By JANE DOE, Staff Writer", declared=False) == ["JANE DOE"]
    assert person_names("Doe, Jane", declared=True) == ["Jane Doe"]
    assert person_names("https://example.com/staff/jane", declared=True) == []


def test_the_by_text_search_finds_the_elements_that_test_their_own_text() -> None:
    from extractor.parse import bylines, dom

    old = lxml.etree.XPath(
        "//body//*[not(self::script or self::style)][text()[contains(., 'y ') or contains(., 'Y ')]"
        "[starts-with(translate(substring(normalize-space(.), 1, 3), 'BY', 'by'), 'by ')]]"
    )
    root = dom.parse_document(
        "<html><body>By the body itself<div>Intro<p>  BY Ann Lee</p><span>x</span> by a tail</div>"
        "<script>by script</script><style>by style</style><p>Maybe yes </p>"
        "<section><b>by</b>By two texts<i>i</i>by again</section><p>Byline: no</p></body></html>"
    )
    found = bylines._BY_TEXT_XPATH(root)
    assert found == old(root)
    assert [el.tag for el in found] == ["div", "p", "section"]


def test_a_comment_author_named_with_underscores_is_foreign() -> None:
    body = (
        '<p class="sf_comment_info"><span class="sf_comment_author">Alcalino</span></p>'
        '<p class="autor pull-left"><strong>Patricio Candia</strong> | Palma | 08/01/2014</p>'
    )
    assert byline(body) == ("Patricio Candia",)


def test_autor_names_a_byline() -> None:
    assert byline('<div class="articulo-autor">Por Lucía Gómez</div>') == ("Lucía Gómez",)


def test_an_account_name_linked_to_its_author_page_is_the_byline() -> None:
    body = (
        '<span class="author vcard"><a class="url fn n" '
        'href="https://blog.example/index.php/author/john/">john</a></span>'
    )
    assert byline(body) == ("john",)
    # Unlinked, a lower-case word in an author box is no name.
    assert byline('<span class="author">clicking here</span>') == ()


def test_an_account_badges_dangling_preposition_is_no_part_of_the_name() -> None:
    # "jovelstefan on [Google+ icon]": the service is a picture, the "on" is left hanging.
    assert person_names("jovelstefan on", declared=True) == ["jovelstefan"]
    assert person_names("Jo Roe via", declared=False) == ["Jo Roe"]


def test_a_french_author_class_names_a_byline() -> None:
    body = "<p class='chapo'>par <span class='auteurs'>Didier Roy</span>, 21 juin 2018</p>"
    assert byline(body) == ("Didier Roy",)
