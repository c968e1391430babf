"""Which elements under the content roots are the body's: not captions, related boxes or other
articles."""

from __future__ import annotations

from extractor.parse.boilerplate import names_related
from extractor.parse.captions import (
    FIGURE_CONTENT,
    gallery_slides,
    is_caption_box,
    is_picture_box,
)
from extractor.parse.dom import HtmlElement, text_length, text_of

# An element's state, as bits: under a content root; left out of the body with all it holds;
# the nearest figure or figure content at or above it (below the topmost root) is a figure,
# whose pictures' captions leave the body; ... is figure content (a quote, a table, code that
# a figure frames), which stays.
_IN, _OUT, _FIG, _KEPT = 1, 2, 4, 8


class BodyScope:
    """Answers, element by element, whether a block's element belongs to the body.

    The body is everything under the content roots less what describes a picture (a figure
    but the quote, table or code it frames; a box whose class names a caption; a gallery's
    slides), short asides that point to another page (an inset "Read more" card), boxes of
    related reads (read here, for the body alone: the teaser reader takes their cards for
    itself; one holding half the roots' text or more is a wrapper, whatever its name) and the
    other articles listed beside the page's own. Each question walks up from the
    element to an ancestor already judged, so every element is judged once, from its parent's
    state: blocks and their containers are a fraction of the roots' elements.
    """

    __slots__ = ("_roots", "_tops", "_states", "_slides", "_articles", "_limit")

    def __init__(self, roots: list[HtmlElement]) -> None:
        self._roots = roots
        self._tops = frozenset(roots)
        self._states: dict[HtmlElement, int] = {}
        self._slides = gallery_slides(roots)
        self._articles = other_articles(roots) if roots else set()
        self._limit = -1

    def holds(self, el: HtmlElement) -> bool:
        """Whether ``el`` is under a content root and none of its ancestors leaves the body."""
        states = self._states
        state = states.get(el)
        if state is None:
            path: list[HtmlElement] = []
            node: HtmlElement | None = el
            while node is not None and node not in states:
                path.append(node)
                node = node.getparent()
            state = states[node] if node is not None else 0
            path.reverse()  # not reversed(): mypyc cannot compile it over a list of Any
            for node in path:
                state = self._judge(node, state)
                states[node] = state
        return state & (_IN | _OUT | _FIG) == _IN

    def _judge(self, el: HtmlElement, parent: int) -> int:
        """The state of ``el`` given its parent's (0 when the parent is under no root)."""
        if not parent and el not in self._tops:
            return 0
        tag = el.tag
        if tag == "figure":
            state = _IN | _FIG
        elif tag in FIGURE_CONTENT:
            state = _IN | _KEPT
        else:
            state = _IN | (parent & (_FIG | _KEPT))
        if parent & _OUT or el in self._slides or el in self._articles:
            return state | _OUT
        cls = el.get("class")
        # A caption box is looked for strictly inside a root, and not in a figure's caption,
        # which already leaves the body (the box holds no figure content); a related box is
        # looked for everywhere, for a figure's quote may sit in one.
        if parent and not state & _FIG and is_caption_box(el, cls):
            return state | _OUT
        if tag == "aside" and parent and is_inset_card(el):
            return state | _OUT
        if tag == "div" and parent and is_picture_box(el):
            return state | _OUT
        ident = el.get("id")
        if (cls or ident) and names_related(cls, ident):
            if self._limit < 0:
                self._limit = sum(text_length(r) for r in self._roots) // 2
            if text_length(el) < self._limit:
                return state | _OUT
        return state


# An inset longer than this is a box of the article's own matter (a sidebar, a timeline).
_MAX_INSET_CHARS = 300


def is_inset_card(el: HtmlElement) -> bool:
    """Whether an aside set into the body is a card that points to another page (a related story
    with its "Read more", a deal): short, and holding a link. A pull quote set in an aside
    links nowhere and stays."""
    # The raw length counts the source's indentation: only a long one is worth collapsing.
    if text_length(el) > _MAX_INSET_CHARS and len(text_of(el)) > _MAX_INSET_CHARS:
        return False
    for a in el.iter("a"):
        href = (a.get("href") or "").strip()
        if href and not href.startswith(("#", "javascript:")):
            return True
    return False


def other_articles(roots: list[HtmlElement]) -> set[HtmlElement]:
    """The articles listed inside the content beside the one being read.

    Articles side by side within the content are related posts or the next stories of an
    endless page; the one holding the best container is the page's own.
    """
    own = {roots[0], *roots[0].iterancestors()}
    found: set[HtmlElement] = set()
    for root in roots:
        for art in root.iterdescendants("article"):
            if art in own or art in found:
                continue
            parent = art.getparent()
            if parent is not None and sum(1 for c in parent if c.tag == "article") >= 2:
                found.add(art)
    return found


def own_article_roots(
    roots: list[HtmlElement], headline_el: HtmlElement | None
) -> list[HtmlElement]:
    """The content roots inside the article that shows the headline, when the roots are spread
    over several articles stacked side by side.

    A topic page that prints its stories one after another in full ("article" siblings, one
    body class) gives every story's body the same mould, and the best container may be
    another story's: the page's own is the one its headline heads. Roots not inside stacked
    articles, or a headline outside them, leave the roots as they are.
    """
    if headline_el is None or len(roots) < 2:
        return roots
    own = next(headline_el.iterancestors("article"), None)
    if own is None:
        return roots
    parent = own.getparent()
    if parent is None or sum(1 for c in parent if c.tag == "article") < 2:
        return roots
    stacked = {c for c in parent if c.tag == "article"}
    inside: list[HtmlElement] = []
    elsewhere = False
    for root in roots:
        article = next((a for a in root.iterancestors("article") if a in stacked), None)
        if root in stacked:
            article = root
        if article is own:
            inside.append(root)
        elif article is not None:
            elsewhere = True
    return inside if inside and elsewhere else roots
