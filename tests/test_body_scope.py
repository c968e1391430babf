"""Tests of parse.body_scope: which elements under the content roots are the body's."""

from __future__ import annotations

import gzip
from pathlib import Path

import lxml.etree
import pytest

from extractor.parse import dom, vocab
from extractor.parse.body import find_content_roots
from extractor.parse.body_scope import BodyScope, own_article_roots
from extractor.parse.boilerplate import names_related
from extractor.parse.dom import HtmlElement, split_tokens, text_length

FIXTURES = Path(__file__).parent.parent / "fixtures"
REAL_PAGES = sorted((FIXTURES / "pages").glob("*.html.gz")) + sorted(
    (FIXTURES / "quality" / "pages").glob("*.html.gz")
)
KEPT = ("blockquote", "table", "pre", "code")


def _reference(roots: list[HtmlElement]) -> set[HtmlElement]:
    """The body's elements as whole sets: every element under the roots, less the subtrees of
    figures (but their quotes, tables and code), caption boxes, gallery slides, related boxes
    and other articles. The scope must answer as this does, element by element."""
    members: set[HtmlElement] = set()
    for root in roots:
        members.update(root.iter())
    for root in roots:
        figures = [root] if root.tag == "figure" else []
        for figure in [*figures, *root.iterdescendants("figure")]:
            own = set(figure.iter())
            for kept in figure.iterdescendants(*KEPT):
                own.difference_update(kept.iter())
            members -= own
        for el in root.iterdescendants():
            cls = el.get("class")
            if (
                el.tag != "figcaption"
                and cls
                and any(t in vocab.CAPTION_TOKENS for t in split_tokens(cls))
                and text_length(el) <= 600
                and not any(True for _ in el.iterdescendants(*KEPT))
            ):
                members.difference_update(el.iter())
        slides = []
        for heading in root.iterdescendants(*vocab.HEADING_TAGS):
            slide = heading.getparent()
            if vocab.SLIDE_COUNTER_RE.match(heading.xpath("string()")) and slide is not root:
                slides.append(slide)
        if len(set(slides)) >= 2:
            for slide in slides:
                members.difference_update(slide.iter())
        for slide in _titled_slides(root):
            members.difference_update(slide.iter())
        for box in root.iterdescendants("div"):
            kids = list(box)
            if (
                len(kids) == 2
                and not (box.text or "").strip()
                and kids[0].tag in ("img", "picture", "a")
                and not (kids[0].tail or "").strip()
                and (
                    kids[0].tag != "a"
                    or (
                        kids[0].find(".//img") is not None and not kids[0].xpath("string()").strip()
                    )
                )
                and kids[1].tag in ("p", "span", "div")
                and not len(kids[1])
                and 0 < len((kids[1].text or "").strip()) <= 200
            ):
                members.difference_update(box.iter())
        for aside in root.iterdescendants("aside"):
            hrefs = [(a.get("href") or "").strip() for a in aside.iter("a")]
            short = text_length(aside) <= 300 or len(dom.text_of(aside)) <= 300
            if short and any(h and h[0] != "#" and not h.startswith("javascript:") for h in hrefs):
                members.difference_update(aside.iter())
    limit = sum(text_length(r) for r in roots) // 2
    for root in roots:
        for el in root.iter():
            if names_related(el.get("class"), el.get("id")) and text_length(el) < limit:
                members.difference_update(el.iter())
    own = {roots[0], *roots[0].iterancestors()} if roots else set()
    for root in roots:
        for art in root.iterdescendants("article"):
            parent = art.getparent()
            pairs = parent is not None and sum(1 for c in parent if c.tag == "article") >= 2
            if art not in own and pairs:
                members.difference_update(art.iter())
    return members


def _titled_slides(root: HtmlElement) -> list[HtmlElement]:
    """Items side by side (children of one element) that each hold a heading of one repeated
    text, three or more, one at least with a picture: a gallery repeating its title."""
    texts: dict[str, list[HtmlElement]] = {}
    for heading in root.iterdescendants(*vocab.HEADING_TAGS):
        text = " ".join(heading.xpath("string()").split())
        if text:
            texts.setdefault(text, []).append(heading)
    found: list[HtmlElement] = []
    for headings in texts.values():
        if len(headings) < 3:
            continue
        for parent in root.iter():
            items = [c for c in parent if any(h in set(c.iter()) for h in headings)]
            holders = [c for c in items for h in headings if h in set(c.iter())]
            if len(items) == len(headings) == len(holders) and len({c.tag for c in items}) == 1:
                firsts = all(next(c.iter(*vocab.HEADING_TAGS)) in headings for c in items)
                if firsts and any(True for c in items for _ in c.iter("img", "picture")):
                    found.extend(items)
                break
            if len(items) > 1:
                break
    return found


def _check(root: HtmlElement, roots: list[HtmlElement]) -> None:
    expected = _reference(roots)
    everything = list(root.iter(lxml.etree.Element))
    # The scope remembers what it judged: asking in another order must not change an answer.
    for order in (everything, everything[::-1]):
        scope = BodyScope(roots)
        wrong = [el for el in order if scope.holds(el) != (el in expected)]
        assert not wrong, [(el.tag, el.get("class")) for el in wrong[:5]]


def _tree(body: str) -> HtmlElement:
    return dom.parse_document(f"<html><body>{body}</body></html>")


def _holds(body: str, root_id: str = "root") -> dict[str, bool]:
    """Which of the elements with an id are the body's, under the element of id ``root_id``."""
    tree = _tree(body)
    roots = tree.xpath(f"//*[@id='{root_id}']")
    _check(tree, roots)
    scope = BodyScope(roots)
    ids = [el for el in tree.iter() if el.get("id") not in (None, root_id)]
    return {el.get("id"): scope.holds(el) for el in ids}


def test_a_figure_leaves_the_body_but_the_quote_it_frames_stays() -> None:
    found = _holds(
        "<div id='root'><p id='a'>Text</p><figure id='f'><img><figcaption id='c'>Photo"
        "</figcaption><blockquote id='q'><p id='qp'>Quoted</p><figure id='g'><p id='gp'>x</p>"
        "</figure></blockquote></figure></div><p id='out'>Outside</p>"
    )
    assert found == {
        "a": True,
        "f": False,
        "c": False,
        "q": True,
        "qp": True,
        "g": False,
        "gp": False,
        "out": False,
    }


def test_caption_boxes_leave_but_not_a_long_one_a_loose_figcaption_or_the_root() -> None:
    long_text = "word " * 200
    found = _holds(
        "<div id='root' class='caption'><div id='box' class='wp-caption'><p id='bp'>A photo</p>"
        f"</div><div id='long' class='caption'><p id='lp'>{long_text}</p></div>"
        "<div id='quote' class='caption'><blockquote id='qq'>Quoted</blockquote></div>"
        "<figcaption id='loose' class='caption'>Step one</figcaption></div>"
    )
    assert found == {
        "box": False,
        "bp": False,
        "long": True,
        "lp": True,
        "quote": True,
        "qq": True,
        "loose": True,
    }
    # A root is looked in for caption boxes, never taken for one.
    assert _holds("<div id='root' class='caption'><p id='p'>A short text</p></div>") == {"p": True}


def test_related_boxes_leave_unless_they_hold_half_the_text() -> None:
    prose = "The story goes on at some length about what happened. " * 4
    found = _holds(
        f"<div id='root'><p id='p'>{prose}</p><div id='rel' class='related'><a id='l'>Other"
        f"</a></div></div><div id='x'><div id='wrap' class='related-content'><p id='wp'>{prose}"
        "</p></div></div>",
        root_id="root",
    )
    assert found["p"] and not found["rel"] and not found["l"]
    # A box holding most of the text is a wrapper, not a box of related reads.
    wrapped = _holds(
        f"<div id='root'><div id='wrap' class='related-content'><p id='wp'>{prose}</p></div>"
        "<p id='q'>Short</p></div>"
    )
    assert wrapped == {"wrap": True, "wp": True, "q": True}


def test_a_gallery_needs_two_slides_and_other_articles_leave() -> None:
    found = _holds(
        "<div id='root'><div id='s1'><h3>1/3 First</h3><p id='c1'>A</p></div>"
        "<div id='s2'><h3>2/3 Second</h3><p id='c2'>B</p></div>"
        "<section id='one'><h3>Service</h3><p id='c3'>C</p></section></div>"
    )
    assert found["c1"] is False and found["c2"] is False and found["c3"] is True
    assert _holds("<div id='root'><div id='s'><h3>24/7 help</h3><p id='c'>C</p></div></div>")["c"]
    articles = _holds(
        "<main id='root'><div><article id='own'><p id='o'>Own</p></article>"
        "<article id='next'><p id='n'>Next</p></article></div></main>",
    )
    assert articles["o"] is False and articles["n"] is False  # side by side, neither the root's


def test_roots_inside_roots_answer_as_the_outer_root_does() -> None:
    tree = _tree(
        "<div id='outer' class='c'><div class='caption'><div id='inner' class='c'><p>x</p>"
        "</div></div><figure><div class='c' id='third'><p>y</p></div></figure></div>"
    )
    roots = [
        tree.xpath("//*[@id='inner']")[0],
        tree.xpath("//*[@id='outer']")[0],
        tree.xpath("//*[@id='third']")[0],
    ]
    _check(tree, roots)


@pytest.mark.parametrize("path", REAL_PAGES, ids=lambda p: p.name[:30])
def test_real_pages_match_the_whole_set_reading(path: Path) -> None:
    tree = dom.parse_document(gzip.decompress(path.read_bytes()))
    dom.clean(tree)
    body = tree.find("body")
    roots = find_content_roots(dom.blocks(body if body is not None else tree))
    assert roots
    _check(tree, roots)
    _check(tree, [*roots, *tree.iter("figure", "article", "section")][:12])


def test_an_inset_card_set_in_an_aside_leaves_the_body_but_a_pull_quote_stays() -> None:
    found = _holds(
        "<div id='root'><p id='p'>Text</p><aside id='card'><a href='/other-story'><h6 id='t'>"
        "The other story</h6></a><p id='b'>A continuation of the tale</p><a href='/other-story'>"
        "Read more</a></aside><aside id='pull'><q id='q'>A line the article quotes</q></aside>"
        "<aside id='hash'><a href='#top' id='h'>Back to top</a></aside></div>"
    )
    assert found == {
        "p": True,
        "card": False,
        "t": False,
        "b": False,
        "pull": True,
        "q": True,
        "hash": True,
        "h": True,
    }
    # A long aside is a box of the article's own matter, links or not.
    long_text = "The box tells the story's background at length. " * 10
    found = _holds(
        f"<div id='root'><aside id='box'><p>{long_text}</p><a href='/x'>More</a></aside></div>"
    )
    assert found == {"box": True}
    # The root itself is never taken for an inset.
    assert _holds("<aside id='root'><p id='p'>Short</p><a href='/x' id='a'>link</a></aside>") == {
        "p": True,
        "a": True,
    }


def test_a_gallery_repeating_its_title_over_pictured_slides_leaves_the_body() -> None:
    slide = "<li><img src='{0}.jpg'><h4>Colonial history</h4><p id='c{0}'>Caption</p></li>"
    found = _holds(
        "<div id='root'><p id='text'>Story</p><ul>"
        + "".join(slide.format(i) for i in range(3))
        + "</ul></div>"
    )
    assert found["text"] is True and not any(found[f"c{i}"] for i in range(3))
    # A roundup repeats "Pros" under each product's own name: its items stay.
    item = "<div><img src='{0}.jpg'><h3>Product {0}</h3><h4>Pros</h4><p id='p{0}'>Cheap</p></div>"
    roundup = _holds("<div id='root'>" + "".join(item.format(i) for i in range(3)) + "</div>")
    assert all(roundup[f"p{i}"] for i in range(3))
    # Recipes repeat "Ingredients" without pictures: their lists stay.
    recipe = "<div id='r{0}'><h3>Ingredients</h3><p id='i{0}'>Flour</p></div>"
    kept = _holds("<div id='root'>" + "".join(recipe.format(i) for i in range(3)) + "</div>")
    assert all(kept[f"i{i}"] for i in range(3))


def test_stacked_articles_keep_the_roots_of_the_one_the_headline_heads() -> None:
    tree = _tree(
        "<main>"
        + "".join(
            f"<article id='a{i}'><h2 id='h{i}'>Story {i}</h2><div class='body' id='b{i}'>"
            "<p>Text</p></div></article>"
            for i in range(3)
        )
        + "</main>"
    )
    roots = tree.xpath("//div[@class='body']")
    headline = tree.xpath("//*[@id='h1']")[0]
    assert [r.get("id") for r in own_article_roots(roots, headline)] == ["b1"]
    # A headline outside the stacked articles, or roots all in one, change nothing.
    assert own_article_roots(roots, None) == roots
    single = tree.xpath("//*[@id='b0']") + tree.xpath("//*[@id='b0']/p")
    assert own_article_roots(single, tree.xpath("//*[@id='h0']")[0]) == single


def test_a_picture_box_with_its_caption_line_leaves_the_body() -> None:
    found = _holds(
        "<div id='root'><p id='text'>Story</p><div id='box' class='picBox'><a href='#'>"
        "<img src='a.jpg'></a><p id='cap'>Tahir Della helped organize the initiative</p></div>"
        "<div id='kept'><img src='b.jpg'><p id='long'>A paragraph with <b>bold</b> words.</p>"
        "</div></div>"
    )
    assert found["text"] and not found["box"] and not found["cap"]
    assert found["kept"] and found["long"]
