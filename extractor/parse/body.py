"""The article body: the densest text container, its paragraphs and headings in sections."""

from __future__ import annotations

import re
from collections.abc import Iterable

from extractor.models import Section
from extractor.parse.boilerplate import has_content_token
from extractor.parse.dom import Block, HtmlElement

_END_PUNCT_RE = re.compile(r"[.!?,;]$")
_WORD_RE = re.compile(r"\w+")
MIN_SCORED_CHARS = 25


def _scored_parent(el: HtmlElement) -> HtmlElement | None:
    # A div holding text directly reads as a paragraph (as Readability turns such divs into
    # <p>), so it scores its container like any paragraph does.
    return el.getparent()


def find_content_roots(blocks: Iterable[Block]) -> list[HtmlElement]:
    """The container that holds the article's prose, and siblings that continue it.

    Readability's idea, on our blocks: every unmarked paragraph of some length scores its
    container, half its container's parent and a quarter above; link-heavy containers lose.
    """
    scores: dict[HtmlElement, float] = {}
    chars: dict[HtmlElement, int] = {}
    links: dict[HtmlElement, int] = {}
    for block in blocks:
        if block.zone is not None:
            continue
        n = len(block.text)
        node = _scored_parent(block.el)
        weight = 1.0
        score = 0.0
        if n >= MIN_SCORED_CHARS and block.link_density <= 0.5:
            score = 1 + block.text.count(",") + min(n / 100, 3)
        for _ in range(3):
            if node is None or node.tag in ("html",):
                break
            scores[node] = scores.get(node, 0.0) + score * weight
            chars[node] = chars.get(node, 0) + n
            links[node] = links.get(node, 0) + block.link_chars
            weight /= 2
            node = node.getparent()
    if not scores:
        return []
    best: HtmlElement | None = None
    best_score = 0.0
    for el, score in scores.items():
        density = links[el] / max(1, chars[el])
        score *= 1 - density
        if el.tag in ("article", "main") or has_content_token(el.get("class"), el.get("id")):
            score *= 1.25
        scores[el] = score
        if score > best_score:
            best, best_score = el, score
    if best is None:
        return []
    roots = [best]
    parent = best.getparent()
    if parent is not None:
        threshold = max(10.0, best_score * 0.2)
        # Inside an element that declares itself the article, every sibling part belongs to it
        # (a "More Details" section after the body); marked boilerplate is left out later.
        whole = parent.tag == "article" or parent.get("itemprop") == "articleBody"
        for sibling in parent:
            if sibling is best or not isinstance(sibling.tag, str):
                continue
            if whole or scores.get(sibling, 0.0) >= threshold or _is_prose(sibling):
                roots.append(sibling)
    return roots


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
    """A short bold line on its own, followed by text: a heading set without a heading tag."""
    text = block.text
    if not block.all_bold or len(text) > 100 or len(_WORD_RE.findall(text)) > 12:
        return False
    if _END_PUNCT_RE.search(text):
        return False
    return following is not None and not following.heading_level


def build_sections(content: list[Block]) -> tuple[Section, ...]:
    """Paragraphs grouped under the heading before them, in page order."""
    sections: list[Section] = []
    heading: str | None = None
    level: int | None = None
    paragraphs: list[str] = []
    for i, block in enumerate(content):
        following = content[i + 1] if i + 1 < len(content) else None
        block_level = block.heading_level
        if block_level or is_pseudo_heading(block, following):
            if heading is not None or paragraphs:
                sections.append(Section(heading, level, tuple(paragraphs)))
            heading, level, paragraphs = block.text, (block_level or None), []
            continue
        paragraphs.append(block.text)
    if paragraphs or heading is not None:
        sections.append(Section(heading, level, tuple(paragraphs)))
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
