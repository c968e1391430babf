"""Parts of a teaser card that markup mixes with others: its meta line, a short dek, an excerpt."""

from __future__ import annotations

import re

from extractor.parse import vocab
from extractor.parse.dom import HtmlElement, tokens
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
    before = el.getprevious()
    while before is not None and not isinstance(before.tag, str):
        before = before.getprevious()
    return before is heading


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


# A count of comments opening a line ("133 Kommentare Nicolas La Rocco", "8 comments"): the
# card's meta line, not its dek.
_COMMENT_COUNT_RE = re.compile(
    r"^\s*\d[\d.,]*\s*(comments?|kommentare?|commentaires?|comentarios?|commenti|reacties|"
    r"antworten|replies|responses|réactions?)\b",
    re.IGNORECASE,
)


def comment_count_line(text: str) -> bool:
    """Whether a card's line opens with its comment count."""
    return _COMMENT_COUNT_RE.match(text) is not None


def kicker_and_title(text: str, title: str) -> bool:
    """Whether a card's line is its title after a kicker ("Video Neue Protestbewegung in
    Italien: Sardinen gegen Salvini" under the title "Sardinen gegen Salvini"): the title's
    own line, shown again, not a dek."""
    return text != title and text.endswith(title) and len(title) >= 10


_TITLE_PART_CLASS_RE = re.compile(r"title|headline", re.IGNORECASE)


def title_after_kicker(heading: HtmlElement, title: str, page: PageReader) -> str | None:
    """The part of a heading's text that an element names as the title, when a kicker opens
    the heading before it ("<h2><a><span class='context'>iPhone 2020</span> <span
    class='title'>Apple setzt auf ...</span></a></h2>")."""
    for el in heading.iterdescendants():
        cls = el.get("class")
        if not cls or _TITLE_PART_CLASS_RE.search(cls) is None:
            continue
        part = page.text(el)
        if part and part != title and title.endswith(part) and len(part.split()) >= 2:
            return part
    return None


def title_after_heading(
    heading: HtmlElement, links: list[tuple[HtmlElement, str]], page: PageReader
) -> str | None:
    """The text after a short heading that opens the card's link, when the link goes on with a
    longer line ("<a><h4>Fotorecht</h4>Das berechtigte Interesse im Sinne des ...</a>"): the
    heading is a keyword over the title, the rest of the link is the title."""
    head = page.text(heading)
    if not head or len(head.split()) > 3:
        return None
    for link, _ in links:
        if heading not in link.iterdescendants():
            continue
        text = page.text(link)
        if not text.startswith(head):
            return None
        rest = text[len(head) :].strip(" |·•-–—:")
        # Only loose text after the heading: a paragraph after it is the heading's dek.
        tail = " ".join((heading.tail or "").split())
        return rest if tail and rest.startswith(tail) and len(rest.split()) >= 4 else None
    return None


# The blog owner's edit controls (Blogger's "item-control blog-admin" wrench, "quickedit";
# WordPress's "post-edit-link"): hidden from readers by the platform's own stylesheet.
_ADMIN_TOKENS = frozenset(("blog-admin", "quickedit", "post-edit-link", "edit-link"))


def admin_control(link: HtmlElement) -> bool:
    """Whether a link is an edit control that only the blog's owner sees."""
    if not _ADMIN_TOKENS.isdisjoint(tokens(link)):
        return True
    parent = link.getparent()
    return parent is not None and not _ADMIN_TOKENS.isdisjoint(tokens(parent))


# A link's text that is only a media badge and a running time ("Video 02:46"): the label over a
# video's picture, not its headline. A bare time is a clock time as often ("10:20" in a live feed).
_MEDIA_BADGE_RE = re.compile(
    r"^\W*(video|audio|podcast|play|foto|fotos|photos?|galerie|gallery|bilder)\W*"
    r"(\d{1,2}:)?\d{1,2}:\d{2}\W*$",
    re.IGNORECASE,
)


def media_badge(text: str) -> bool:
    """Whether a link's text is only a media badge with its running time."""
    return _MEDIA_BADGE_RE.match(text) is not None


def widget_run(cards: list[HtmlElement]) -> bool:
    """Whether the cards are a column's widgets, each a box of its own under its own unlinked
    heading over a linked picture ("<div class='widget Image'><h2>Award!</h2><a><img></a>
    </div>", one after the other down a blog's sidebar): separate boxes, not one list."""
    for card in cards:
        if "widget" not in tokens(card):
            return False
        heading = next(card.iterdescendants("h2", "h3", "h4"), None)
        if heading is None or next(heading.iterancestors("a"), None) is not None:
            return False
        if heading.find(".//a") is not None:
            return False
        # Only a picture links on: a story card links its headline or a line of text.
        if not picture_links_only(card):
            return False
    return True


def picture_links_only(card: HtmlElement) -> bool:
    """Whether every link of a card shows no text (a linked picture)."""
    return not any("".join(link.itertext()).strip() for link in card.iter("a"))
