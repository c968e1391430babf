"""Tests of parse.dom: parsing, cleaning and text blocks."""

from __future__ import annotations

import random
import re

import pytest

from extractor.errors import ParseError
from extractor.parse import dom, vocab


def _blocks(html: str) -> list[tuple[str, str]]:
    root = dom.parse_document(html)
    dom.clean(root)
    return [(b.tag, b.text) for b in dom.blocks(root.find("body"))]


def test_double_br_splits_paragraphs_single_br_does_not() -> None:
    html = "<body><div>One<br>still one<br><br> two <br>\n<br>three</div></body>"
    assert _blocks(html) == [("div", "One still one"), ("div", "two"), ("div", "three")]


def test_inline_text_around_blocks_keeps_reading_order() -> None:
    html = "<body><div>before<p>inside</p>after <a href='/x'>link</a></div></body>"
    assert _blocks(html) == [("div", "before"), ("p", "inside"), ("div", "after link")]


def test_link_and_bold_characters_are_counted() -> None:
    root = dom.parse_document("<body><p><b>Bold</b> and <a href='/a'>a link</a></p></body>")
    (block,) = dom.blocks(root.find("body"))
    assert block.bold_chars == 4
    assert block.link_chars == 6
    assert not block.all_bold


def test_indentation_before_breaks_neither_splits_nor_joins_paragraphs() -> None:
    html = "<body><div>\n  <br><br>\n  one<br>\n  <br>two<br>three</div>\n  <p>\n  </p></body>"
    assert _blocks(html) == [("div", "one"), ("div", "two three")]


def test_a_bold_line_before_one_break_is_its_own_block() -> None:
    html = "<body><div> <strong>Why it matters</strong><br>The text goes on.</div></body>"
    root = dom.parse_document(html)
    got = [(b.text, b.all_bold) for b in dom.blocks(root.find("body"))]
    assert got == [("Why it matters", True), ("The text goes on.", False)]


def test_a_block_of_one_link_counts_its_characters_without_the_spaces() -> None:
    root = dom.parse_document("<body><li><a href='/a'>  a link </a></li><p><b>Bold</b></p></body>")
    got = [(b.text, b.link_chars, b.bold_chars) for b in dom.blocks(root.find("body"))]
    assert got == [("a link", 6, 0), ("Bold", 0, 4)]


def test_a_script_link_is_no_link() -> None:
    root = dom.parse_document("<body><p><a href=' JavaScript:void(0)'>Menu</a></p></body>")
    (block,) = dom.blocks(root.find("body"))
    assert (block.text, block.link_chars) == ("Menu", 0)


def test_a_marked_inline_element_is_a_block_of_its_zone() -> None:
    root = dom.parse_document("<body><p>Text <span>Share this</span> more</p></body>")
    span = root.find(".//span")
    got = [(b.tag, b.text, b.zone) for b in dom.blocks(root.find("body"), {span: "share"})]
    assert got == [("p", "Text", None), ("span", "Share this", "share"), ("p", "more", None)]


def test_a_rule_ends_the_text_before_it() -> None:
    assert _blocks("<body><div>above<hr>below</div></body>") == [("div", "above"), ("div", "below")]


def test_hidden_and_script_content_is_removed() -> None:
    html = (
        "<body><p>seen</p><p style='display: none'>gone</p><div hidden>gone</div>"
        "<p class='sr-only'>gone</p><script>var gone</script><p aria-hidden='true'>gone</p>"
        "<p>tail kept</p></body>"
    )
    assert [t for _, t in _blocks(html)] == ["seen", "tail kept"]


def test_drop_keeps_the_tail_text_of_a_hidden_element() -> None:
    html = "<body><p>a <span hidden>gone</span>b</p></body>"
    assert _blocks(html) == [("p", "a b")]


@pytest.mark.parametrize("html", ["", "   \n ", b""])
def test_empty_documents_raise_parse_error(html: str | bytes) -> None:
    with pytest.raises(ParseError) as info:
        dom.parse_document(html)
    assert info.value.kind == "empty"


def test_hidden_neighbours_and_nested_hidden_elements_leave_the_text_around_them() -> None:
    html = (
        "<body><p>a<span class='d-none'>x<i hidden>w</i></span>b<b style='display: none'>y</b>"
        "c<span aria-hidden='true' class='hidden'>z</span><span aria-hidden='false'>d</span>"
        "<span hidden style='visibility:hidden'>v</span>e</p></body>"
    )
    assert _blocks(html) == [("p", "abcde")]


def test_a_lone_surrogate_is_replaced_not_an_error() -> None:
    root = dom.parse_document("<body><p>caf\udce9 ok</p></body>")
    assert [b.text for b in dom.blocks(root.find("body"))] == ["caf? ok"]


def test_tokens_split_class_and_id() -> None:
    root = dom.parse_document("<body><div class='Main-Nav top_bar' id='x1'>t</div></body>")
    el = root.find(".//div")
    toks = dom.tokens(el)
    assert toks == ("main", "nav", "top", "bar", "x1", "main-nav", "top_bar", "top-bar")
    assert dom.split_tokens("plain words 2") == ("plain", "words", "2")
    assert dom.split_tokens("a_b") == ("a", "b", "a_b", "a-b")


def test_zones_are_inherited_by_blocks() -> None:
    root = dom.parse_document("<body><nav><ul><li>Home</li></ul></nav><p>Body</p></body>")
    nav = root.find(".//nav")
    got = [(b.text, b.zone) for b in dom.blocks(root.find("body"), {nav: "navigation"})]
    assert got == [("Home", "navigation"), ("Body", None)]


def test_collapse_removes_zero_width_characters() -> None:
    assert dom.collapse("a\u200b b\u00a0\n c\u00ad") == "a b c"


def test_collapse_returns_a_printable_text_as_it_is_only_when_nothing_is_to_collapse() -> None:
    # The shortcut holds while every space but " " and every zero-width character is
    # unprintable: a printable text then holds no whitespace to fold but runs of " ".
    for code in range(0x110000):
        char = chr(code)
        if char.isspace() and char != " ":
            assert not char.isprintable(), hex(code)
    assert not any(char.isprintable() for char in "\u200b\ufeff\u00ad")
    texts = [
        "",
        " ",
        "a",
        "a b",
        " a",
        "a ",
        "a  b",
        "a\tb",
        "a\u3000b",
        "é  è",
        "x\u200by",
        "a\x1fb",
    ]
    for text in texts:
        expected = " ".join(text.replace("\u200b", "").split())
        assert dom.collapse(text) == expected, repr(text)


def test_phone_only_copies_are_hidden_and_desktop_copies_kept() -> None:
    html = (
        "<body><div class='visible-xs-block hidden-sm hidden-md hidden-lg'>phone copy</div>"
        "<div class='hidden-xs visible-sm-block visible-md-block visible-lg-block'>"
        "desktop copy</div>"
        "<div class='col hidden-xs'>also desktop</div></body>"
    )
    assert [t for _, t in _blocks(html)] == ["desktop copy", "also desktop"]


def test_every_hidden_class_of_the_vocabulary_hides_whatever_its_spelling() -> None:
    # Names without "hid", "only" or "none" at a fixed place hide too (show-mobile, d-md-none).
    html = (
        "<body><p class='show-mobile'>gone</p><p class='x d-md-none'>gone</p>"
        "<p class='d-none d-md-block'>kept</p><p class='nothidden'>kept too</p></body>"
    )
    assert [t for _, t in _blocks(html)] == ["kept", "kept too"]


def test_text_length_counts_every_character_of_the_text() -> None:
    root = dom.parse_document("<body><p>ab <b>cé</b></p>tail<div>ünï</div></body>")
    body = root.find("body")
    assert body is not None
    assert dom.text_length(body) == sum(len(t) for t in body.itertext()) == 12


def test_text_pushed_off_screen_is_hidden_but_a_small_offset_is_not() -> None:
    html = (
        "<body><p>seen</p><div style='position:absolute; top:0; left:-9999px;'>"
        "<a href='https://spam.example'>Download themes</a></div>"
        "<p style='text-indent: -12000px'>gone</p><p style='margin-left: -20px'>kept</p></body>"
    )
    assert [t for _, t in _blocks(html)] == ["seen", "kept"]


def test_mathml_is_text_and_its_annotation_is_not() -> None:
    html = "<body><p>x <math><mi>a</mi><annotation>\\alpha</annotation></math> y</p></body>"
    assert [t for _, t in _blocks(html)] == ["x a y"]


def test_a_folded_panel_is_hidden_until_its_classes_say_it_is_open() -> None:
    html = (
        "<body><p>seen</p><div class='collapse'><p>the letter</p></div>"
        "<div class='collapse show'><p>open panel</p></div></body>"
    )
    assert [t for _, t in _blocks(html)] == ["seen", "open panel"]


def test_a_hover_card_is_hidden_but_the_name_that_opens_it_stays() -> None:
    html = (
        "<body><p>Rep. <a class='rollover-people-link' href='/people/x'>Jane Doe</a>"
        "<span class='rollover-people-block'><a href='/s/1'>Another story</a></span>"
        " said so.</p></body>"
    )
    assert [t for _, t in _blocks(html)] == ["Rep. Jane Doe said so."]


def test_a_wrapper_named_like_its_hover_card_keeps_the_name_that_opens_it() -> None:
    html = (
        "<body><p>Rep. <span class='rollover-people'>"
        "<a class='rollover-people-link' href='/people/x'>Jane Doe</a>"
        "<span class='rollover-people-block'><span class='rollover-block'>"
        "<a href='/s/1'>Another story</a></span></span></span>"
        " said so.</p></body>"
    )
    assert [t for _, t in _blocks(html)] == ["Rep. Jane Doe said so."]


@pytest.mark.parametrize(
    "cls",
    [
        "",
        "Hidden",
        "hidden visible-lg",
        "sr-only extra",
        "Rollover_People-Block",
        "tool tip",
        "js-tooltip",
        "my_popover_x",
        "hovercards",
        "article-body",
        *sorted(vocab.HIDDEN_CLASSES)[:20],
        *sorted(vocab.POPUP_TOKENS),
    ],
)
def test_the_class_verdict_agrees_with_the_hidden_and_popup_tests(cls: str) -> None:
    # The verdict reads a class string once; it must say what the two plain tests say.
    popup = any(t in vocab.POPUP_TOKENS for t in dom.split_tokens(cls))
    names = set(cls.lower().split())
    hidden = bool(names & vocab.HIDDEN_CLASSES) and not names & vocab.DESKTOP_CLASSES
    expected = dom._HIDDEN if hidden else dom._POPUP if popup else dom._SHOWN
    assert dom._class_verdict(cls) == expected


def test_is_hidden_reads_attributes_style_and_classes() -> None:
    root = dom.parse_document(
        "<body><p hidden>a</p><p aria-hidden='true'>b</p><p style='display: none'>c</p>"
        "<p class='Hidden'>d</p><p class='hidden visible-lg'>e</p><p class='tooltip'>f</p>"
        "<p>g</p></body>"
    )
    assert [dom.is_hidden(p) for p in root.iter("p")] == [True] * 4 + [False] * 3


def test_blocks_leave_no_reference_cycle_behind() -> None:
    # A cycle around the blocks would keep the whole tree alive until the cycle collector runs.
    import gc

    root = dom.parse_document("<body><div>One<br><br>two<p>three <b>four</b></p></div></body>")
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        found = dom.blocks(root.find("body"), {})
        assert [b.text for b in found] == ["One", "two", "three four"]
        del found
        assert gc.collect() == 0
    finally:
        if enabled:
            gc.enable()


@pytest.mark.parametrize(
    ("cls", "shown"),
    [
        ("hidden lg:flex", True),  # Tailwind: hidden on phones, a flex box from a desktop's width
        ("hidden md:block", True),
        ("d-none d-lg-flex", True),  # Bootstrap's spelling of the same
        ("hidden", False),
        ("block lg:hidden", False),  # phones only
        ("flex md:hidden", False),
        ("sm:hidden-ish", True),
    ],
)
def test_responsive_utilities_decide_what_a_desktop_shows(cls: str, shown: bool) -> None:
    html = f"<body><p>Always here.</p><div class='{cls}'><p>The box.</p></div></body>"
    texts = [t for _, t in _blocks(html)]
    assert ("The box." in texts) is shown


@pytest.mark.parametrize(
    ("style", "hides"),
    [
        ("display:none", True),
        ("DISPLAY : None;", True),
        ("color: red; Visibility:HIDDEN", True),
        ("position:absolute; LEFT: -9999PX", True),
        ("left: -999px", False),
        ("display: block", False),
        ("font-family: “Ünïcode”; display:\u00a0none", True),  # non-ASCII: the case-blind search
        ("font-family: “Ünïcode”; DISPLAY: inline", False),
        ("", False),
    ],
)
def test_hides_by_style_ignores_case_in_ascii_and_other_styles(style: str, hides: bool) -> None:
    assert dom.hides_by_style(style) is hides
    assert dom.hides_by_style(style) is (dom._HIDDEN_STYLE_RE.search(style) is not None)


def test_a_style_in_capitals_hides_its_element() -> None:
    root = dom.parse_document(
        "<html><body><p>kept</p><div STYLE='DISPLAY: NONE'>gone</div><p>too</p></body></html>"
    )
    dom.clean(root)
    assert [b.text for b in dom.blocks(root)] == ["kept", "too"]


def test_a_block_keeps_its_fields_and_compares_by_value() -> None:
    # Block has an __init__ of its own (compiled by mypyc): it still behaves as the dataclass.
    el = dom.parse_document("<p>x</p>")
    block = dom.Block(el, "Some text", 4, 2, 7, "navigation")
    assert (block.el, block.text, block.link_chars, block.bold_chars) == (el, "Some text", 4, 2)
    assert (block.index, block.zone) == (7, "navigation")
    assert block == dom.Block(el, "Some text", 4, 2, 7, "navigation")
    assert block != dom.Block(el, "Some text", 4, 2, 8, "navigation")
    assert "link_chars=4" in repr(block)


def test_ascii_word_count_counts_what_a_word_search_finds() -> None:
    rng = random.Random(5)
    alphabet = "".join(map(chr, range(128)))
    texts = [
        "",
        "one",
        " two words ",
        "snake_case and kebab-case, 3.14 & 42!",
        "\t\nA\x0bb\x1fc",
        alphabet,
        *("".join(rng.choice(alphabet) for _ in range(rng.randrange(60))) for _ in range(300)),
    ]
    for text in texts:
        assert dom.ascii_word_count(text) == len(re.findall(r"\w+", text)), text
