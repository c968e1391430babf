"""The article body: the densest text container, its paragraphs and headings in sections."""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable
from itertools import islice

from extractor.models import Section
from extractor.parse.boilerplate import has_content_token
from extractor.parse.dom import Block, HtmlElement, ascii_word_count

_END_PUNCT_RE = re.compile(r"[.!?,;]$")
_WORD_RE = re.compile(r"\w+")
MIN_SCORED_CHARS = 25


_LEVEL_WEIGHTS = (1.0, 0.5, 1 / 6, 1 / 9, 1 / 12)
# Readability's starting bias by tag: a div is where prose lives, a list or a heading rarely is.
_TAG_BIAS = {
    "div": 5.0,
    "article": 5.0,
    "section": 3.0,
    "pre": 3.0,
    "td": 3.0,
    "blockquote": 3.0,
    "ol": -3.0,
    "ul": -3.0,
    "dl": -3.0,
    "dd": -3.0,
    "dt": -3.0,
    "li": -3.0,
    "form": -3.0,
    "address": -3.0,
    "th": -5.0,
}
_TOP_CANDIDATES = 5


def find_content_roots(blocks: Iterable[Block]) -> list[HtmlElement]:
    """The container that holds the article's prose, and siblings that continue it.

    Readability's idea, on our blocks: every unmarked paragraph of some length scores its
    container, half its container's parent and less further up; link-heavy containers lose.
    """
    # Per container: its score, its blocks' characters and their link characters.
    totals: dict[HtmlElement, _Total] = {}
    # The containers a block scores, by its element's parent: paragraphs share them.
    chains: dict[HtmlElement | None, list[tuple[HtmlElement, float, str]]] = {}
    for block in blocks:
        if block.zone is not None:
            continue
        text = block.text
        n = len(text)
        parent = block.el.getparent()
        chain = chains.get(parent)
        if chain is None:
            chain = chains[parent] = _weighted_ancestors(parent)
        score = 0.0
        link_chars = block.link_chars
        if n >= MIN_SCORED_CHARS and link_chars / max(1, n) <= 0.5:
            score = 1 + text.count(",") + min(n / 100, 3)
            if block.el.tag == "li" or (chain and chain[0][2] == "li"):
                # A list item, or a paragraph in one, is a card, a gallery caption or a menu
                # entry more often than prose.
                score /= 2
        for node, weight, tag in chain:
            total = totals.get(node)
            if total is None:
                totals[node] = _Total(_TAG_BIAS.get(tag, 0.0) + score * weight, n, link_chars)
            else:
                total.score += score * weight
                total.chars += n
                total.links += link_chars
    if not totals:
        return []
    scores: dict[HtmlElement, float] = {}
    content: dict[HtmlElement, float] = {}
    for el, total in totals.items():
        score = total.score
        density = total.links / max(1, total.chars)
        score *= 1 - density
        tag = el.tag
        content[el] = score - _TAG_BIAS.get(tag, 0.0) * (1 - density)
        if tag in ("article", "main") or has_content_token(el.get("class"), el.get("id")):
            score *= 1.25
        scores[el] = score
    ranked = heapq.nlargest(_TOP_CANDIDATES, scores.items(), key=_second)
    best, best_score = ranked[0]
    if best_score <= 0:
        return []
    first = best
    best = _promote(best, best_score, ranked, scores, content)
    best_score = scores.get(best, best_score)
    roots = [best]
    parent = best.getparent()
    if parent is not None:
        threshold = max(10.0, best_score * 0.2)
        best_class = best.get("class")
        # Inside an element that declares itself the article, every sibling part belongs to it
        # (a "More Details" section after the body); marked boilerplate is left out later. Its
        # <header> is no part: it holds the headline, the standfirst and the byline.
        whole = parent.tag == "article" or parent.get("itemprop") == "articleBody"
        for sibling in parent:
            if sibling is best or not isinstance(sibling.tag, str) or sibling.tag == "header":
                continue
            score = scores.get(sibling, 0.0)
            if best_class and sibling.get("class") == best_class:
                score += best_score * 0.2
            if whole or score >= threshold or _is_prose(sibling):
                roots.append(sibling)
        roots.extend(_repeated_chunks(parent, content))
    roots.extend(_cousin_chunks(first, roots, content))
    return roots


class _Total:
    """A container's running sums: compiled, a native object keeps them unboxed, where a list
    boxes a new number at every addition (a page adds up tens of thousands)."""

    __slots__ = ("chars", "links", "score")

    def __init__(self, score: float, chars: int, links: int) -> None:
        self.score = score
        self.chars = chars
        self.links = links


def _weighted_ancestors(node: HtmlElement | None) -> list[tuple[HtmlElement, float, str]]:
    """A block's parent and the ancestors above it that its score reaches, with their weights
    and tags."""
    chain = []
    for weight in _LEVEL_WEIGHTS:
        if node is None:
            break
        tag = node.tag
        if tag == "html":
            break
        chain.append((node, weight, tag))
        node = node.getparent()
    return chain


def _second(item: tuple[HtmlElement, float]) -> float:
    return item[1]


def _cousin_chunks(
    first: HtmlElement, roots: list[HtmlElement], content: dict[HtmlElement, float]
) -> list[HtmlElement]:
    """Elements elsewhere in the page cut from the best candidate's mould ("post__content"), with
    prose of their own: the article's parts that a hero image or a pull-out section set apart
    under other wrappers, out of reach of the sibling rules."""
    cls = first.get("class")
    if not cls:
        return []
    floor = content.get(first, 0.0) * 0.2
    inside = set(roots)
    around = {a for root in roots for a in root.iterancestors()}
    found = []
    for el, own in content.items():
        if el.tag != first.tag or own < floor or own <= 0 or el.get("class") != cls:
            continue
        if el in inside or el in around or any(a in inside for a in el.iterancestors()):
            continue
        found.append(el)
    return found


def _repeated_chunks(parent: HtmlElement, content: dict[HtmlElement, float]) -> list[HtmlElement]:
    """Siblings of the best container's parent cut from the same mould, holding prose too.

    Sites that interleave ads with the body split it into chunks of one class ("article__chunk",
    "body-part"), and the best container is one chunk's inner part.
    """
    grand = parent.getparent()
    cls = parent.get("class")
    if grand is None or not cls:
        return []
    return [
        el
        for el in grand
        if el is not parent
        and el.tag == parent.tag
        and el.get("class") == cls
        and content.get(el, 0.0) > 0
    ]


def _promote(
    best: HtmlElement,
    best_score: float,
    ranked: list[tuple[HtmlElement, float]],
    scores: dict[HtmlElement, float],
    content: dict[HtmlElement, float],
) -> HtmlElement:
    """Readability's climb: to the ancestor that several near-best candidates share, or while
    the score grows up the tree, or past wrappers with one child."""
    alternatives = [set(el.iterancestors()) for el, s in ranked[1:] if s >= 0.75 * best_score]
    if len(alternatives) >= 3:
        for ancestor in best.iterancestors():
            if ancestor.tag in ("body", "html"):
                break
            if sum(ancestor in a for a in alternatives) >= 3:
                best = ancestor
                break
    last = scores.get(best, best_score)
    floor = last / 3
    # The climb stops where the prose thins out: an ancestor whose own paragraphs score under
    # 0.15 of the best's is a page column, whatever its tag bias adds (a steps page climbs past
    # its step wrappers at a sixth; a short paywalled story stays out of a column of promos that
    # scores 0.13 of it, and a short story out of its column below a twentieth).
    content_floor = content.get(best, 0.0) * 0.15
    node = best.getparent()
    while node is not None and node.tag not in ("body", "html"):
        score = scores.get(node)
        if score is not None:
            if score < floor or content[node] < content_floor:
                break
            if score > last:
                best = node
                break
            last = score
        node = node.getparent()
    node = best.getparent()
    while node is not None and node.tag not in ("body", "html") and len(node) == 1:
        best = node
        node = node.getparent()
    return best


def _is_prose(el: HtmlElement) -> bool:
    """A paragraph beside the best container that continues the article (Readability's rule)."""
    if el.tag != "p":
        return False
    text = "".join(el.itertext()).strip()
    if not text:
        return False
    link_chars = sum(len(t) for a in el.iter("a") for t in a.itertext())
    density = link_chars / len(text)
    if len(text) > 80:
        return density < 0.25
    return density == 0 and text.endswith((".", "!", "?", "。"))


def is_pseudo_heading(block: Block, following: Block | None) -> bool:
    """A short bold line on its own, followed by text: a heading set without a heading tag.

    A table's cell is none: a bold row of a table labels the rows under it, in the table.
    """
    if block.tag in ("td", "th"):
        return False
    text = block.text
    if not block.all_bold or len(text) > 100 or _word_count(text) > 12:
        return False
    if _END_PUNCT_RE.search(text):
        return False
    return following is not None and not following.heading_level


def _word_count(text: str) -> int:
    return ascii_word_count(text) if text.isascii() else len(_WORD_RE.findall(text))


def build_sections(content: list[Block]) -> tuple[Section, ...]:
    """Paragraphs grouped under the heading before them, in page order."""
    sections: list[Section] = []
    heading: str | None = None
    level: int | None = None
    paragraphs: list[str] = []
    for i, block in enumerate(content):
        following = content[i + 1] if i + 1 < len(content) else None
        block_level = block.heading_level
        # A line with no bold text is no pseudo-heading: most lines are told so at once.
        if block_level or (block.bold_chars and is_pseudo_heading(block, following)):
            if heading is not None or paragraphs:
                sections.append(Section(heading, level, tuple(paragraphs)))
            heading, level, paragraphs = block.text, (block_level or None), []
            continue
        paragraphs.append(block.text)
    if paragraphs or heading is not None:
        sections.append(Section(heading, level, tuple(paragraphs)))
    if not any(s.paragraphs for s in sections):
        # A page of nothing but headings: they are its text.
        return tuple(Section(None, None, (s.heading,)) for s in sections if s.heading)
    while sections and not sections[-1].paragraphs:
        sections.pop()
    return tuple(sections)


def body_text(sections: Iterable[Section]) -> str:
    """The record's text: headings on their own lines, every block separated by a blank line."""
    parts: list[str] = []
    for section in sections:
        if section.heading:
            parts.append(section.heading)
        parts.extend(section.paragraphs)
    return "\n\n".join(parts)


# A lead paragraph this long or longer may be an excerpt set over the text it restates.
_MIN_RESTATED_CHARS = 80
_RESTATED_WORDS = 12


def _opening_words(text: str) -> list[str]:
    """The first words of a text, casefolded (the words after them are never split off)."""
    return [m.group() for m in islice(_WORD_RE.finditer(text.casefold()), _RESTATED_WORDS)]


def without_restated_lead(content: list[Block]) -> list[Block]:
    """The content less a first paragraph that the next one restates: a post's excerpt printed
    over its text ("manual-excerpt"), opening with the same words in other quotes."""
    if len(content) < 2:
        return content
    lead, after = content[0], content[1]
    if lead.heading_level or after.heading_level or len(lead.text) < _MIN_RESTATED_CHARS:
        return content
    if lead.text == after.text:
        return content  # a paragraph repeated word for word (filler text) restates nothing
    # Two paragraphs that open with the same dozen words say one thing twice; the excerpt may
    # go on in other words ("... auch Konstantin teilnehmen" over "... ich auch teilnehmen").
    opening = _opening_words(lead.text)
    if len(opening) == _RESTATED_WORDS and _opening_words(after.text) == opening:
        return content[1:]
    return content
