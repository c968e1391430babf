"""Parts of a teaser card that markup mixes with others: its meta line, a short dek, an excerpt."""

from __future__ import annotations

import re

from extractor.parse import vocab
from extractor.parse.dom import HtmlElement, previous_element, tokens
from extractor.parse.teaser_page import PageReader

_WORD_RE = re.compile(r"\w+")


# A sentence's end: a short dek is written as one or two sentences ("GG, Sony.").
_SENTENCE_END_RE = re.compile(r"[^\W\d_][.!?…]$")


def short_dek(el: HtmlElement, heading: HtmlElement, text: str) -> bool:
    """Whether a line of two or three words is the card's dek: a paragraph right after the
    title's heading, written as a sentence."""
    if (
        el.tag != "p"
        or not 2 <= len(_WORD_RE.findall(text)) < 4
        or _SENTENCE_END_RE.search(text) is None
    ):
        return False
    return previous_element(el) is heading


def taxonomy_link(link: HtmlElement) -> bool:
    rel = link.get("rel")
    if rel is None:
        return False
    names = rel.split()
    return "tag" in names or "category" in names


# A post's excerpt card may run to a long paragraph: up to this size, with its read-more link.
_MAX_EXCERPT_CARD_CHARS = 1400


def excerpt_card(el: HtmlElement, size: int, page: PageReader) -> bool:
    """Whether a card too long for a teaser is a post's excerpt card: a linked heading and a
    "Read more" link ("Weiterlesen") to the same story under a paragraph of its opening."""
    if size > _MAX_EXCERPT_CARD_CHARS:
        return False
    # The read-more links first: most long cards have none, and then no heading is looked for.
    more: set[str] = set()
    rest: list[tuple[HtmlElement, str]] = []
    for link in el.iter("a"):
        href = (link.get("href") or "").strip()
        if not href or href.startswith("#"):
            continue
        text = page.text(link)
        if text and (vocab.READ_MORE_RE.match(text) or _MORE_LINK_RE.match(text)):
            more.add(href)
        else:
            rest.append((link, href))
    if not more:
        return False
    # A heading around the card heads each of its links: looked for once, not per link.
    if el.tag in vocab.HEADING_TAGS or any(
        node.tag in vocab.HEADING_TAGS for node in el.iterancestors()
    ):
        return any(href in more for _, href in rest)
    return any(href in more and _headed(link, el) for link, href in rest)


def _headed(link: HtmlElement, card: HtmlElement) -> bool:
    """Whether a link sits in a heading inside the card (not itself one), or wraps one."""
    node = link.getparent()
    while node is not None and node is not card:
        if node.tag in vocab.HEADING_TAGS:
            return True
        node = node.getparent()
    return link.find(".//h1") is not None or link.find(".//h2") is not None


# "Read more" in other languages.
_MORE_LINK_RE = re.compile(
    r"^\s*(weiterlesen|mehr lesen|lire la suite|lire plus|leer más|leggi (tutto|di più)|"
    r"verder lezen|lees meer|ler mais)\s*[»›→>…]?\s*$",
    re.IGNORECASE,
)


def meta_line(el: HtmlElement, card: HtmlElement) -> bool:
    """Whether a line sits in a box named for the card's meta data ("entry-meta", "post-meta"):
    beside the date it holds the author and the comment count ("Kommentare deaktiviert")."""
    node: HtmlElement | None = el
    while node is not None:
        if "meta" in tokens(node):
            return True
        if node is card:
            return False
        node = node.getparent()
    return False
