"""The page as one lxml tree: parsing, cleaning, and its text blocks in reading order."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

import lxml.etree

# Plain etree elements: lxml.html's per-element class lookup costs more than the parse itself.
from lxml.etree import _Element as HtmlElement

from extractor.errors import ParseError
from extractor.parse import vocab

__all__ = [
    "Block",
    "HtmlElement",
    "ascii_word_count",
    "blocks",
    "clean",
    "collapse",
    "parse_document",
    "previous_element",
    "text_length",
    "text_of",
    "token_groups",
    "tokens",
]

_PARSER = lxml.etree.HTMLParser(
    encoding="utf-8",
    remove_comments=True,
    remove_pis=True,
    collect_ids=False,
    remove_blank_text=False,
)
_BR = "\x01"  # stands for <br> while text is gathered, so two in a row can split paragraphs
_TOKEN_RE = re.compile(r"[a-z0-9]+")
# Hidden, or pushed far off the screen ("left: -9999px", the hiding place of injected spam links).
_HIDDEN_STYLE_RE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|(?:left|top|text-indent)\s*:\s*-\d{4,}px",
    re.IGNORECASE,
)
# The same pattern for lower-cased ASCII styles: ignoring case makes a search about twice as slow,
# and almost every style attribute is ASCII (where lower-casing is exactly what it ignores).
_HIDDEN_STYLE_LOWER_RE = re.compile(_HIDDEN_STYLE_RE.pattern)

LINK = 1
BOLD = 2


def parse_document(html: str | bytes, content_type: str | None = None) -> HtmlElement:
    """Parse HTML (bytes are decoded by their declared or detected charset) into one tree."""
    if isinstance(html, bytes):
        from extractor.parse.encoding import decode_html

        html = decode_html(html, content_type)
    if not html or html.isspace():
        raise ParseError("the document is empty", kind="empty")
    try:
        # Strict first: the codec's error handling path costs half as much again on every page,
        # and only a lone surrogate (text decoded with "surrogateescape") needs it.
        data = html.encode("utf-8")
    except UnicodeEncodeError:
        data = html.encode("utf-8", errors="replace")
    try:
        root = lxml.etree.fromstring(data, parser=_PARSER)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError) as exc:
        raise ParseError(f"the document cannot be parsed as HTML: {exc}", kind="not_html") from exc
    if root is None or not isinstance(root.tag, str):
        raise ParseError("the document has no HTML element", kind="not_html")
    return root


# Each byte of ASCII text as "a" when it is a word character (what \w matches in ASCII:
# letters, digits and "_"), else as a space.
_WORD_BYTES = bytes(
    0x61 if i < 128 and (chr(i).isalnum() or chr(i) == "_") else 0x20 for i in range(256)
)


def ascii_word_count(text: str) -> int:
    r"""``len(re.findall(r"\w+", text))`` for ASCII text, counted without building the words:
    a third of the cost of the search (texts are counted again and again to tell titles and
    headings from sentences)."""
    marks = text.encode("ascii").translate(_WORD_BYTES)
    return marks.count(b" a") + (1 if marks[:1] == b"a" else 0)


def tokens(el: HtmlElement) -> tuple[str, ...]:
    """The class and id of an element as lower-case tokens, plus their hyphenated wholes."""
    cls = el.get("class")
    ident = el.get("id")
    if not cls and not ident:
        return ()
    return split_tokens(f"{cls or ''} {ident or ''}")


@lru_cache(maxsize=8192)
def split_tokens(raw: str) -> tuple[str, ...]:
    """Tokens of a class/id string; cached because sites repeat the same few class names."""
    words, joined, underscored = token_groups(raw)
    return (*words, *joined, *underscored)


def token_groups(raw: str) -> tuple[list[str], list[str], list[str]]:
    """The tokens of a class/id string in three groups, in the order split_tokens gives them:
    its lower-case words, its hyphenated or underscored wholes, and those wholes with
    underscores read as hyphens ("main_nav" gives "main", "nav", "main_nav", "main-nav")."""
    raw = raw.lower()
    words = _TOKEN_RE.findall(raw)
    if "-" not in raw and "_" not in raw:
        return words, [], []
    parts = raw.split()
    joined = [p for p in parts if "-" in p or "_" in p]
    underscored = [p.replace("_", "-") for p in parts if "_" in p] if "_" in raw else []
    return words, joined, underscored


def drop(el: HtmlElement) -> None:
    """Remove an element but keep the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def is_hidden(el: HtmlElement) -> bool:
    """Whether an element is plainly hidden from a desktop reader."""
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    if style and hides_by_style(style):
        return True
    cls = el.get("class")
    return bool(cls) and _class_verdict(cls) == _HIDDEN


def hides_by_style(style: str) -> bool:
    """Whether a style attribute hides its element or pushes it far off the screen."""
    if style.isascii():
        return _HIDDEN_STYLE_LOWER_RE.search(style.lower()) is not None
    return _HIDDEN_STYLE_RE.search(style) is not None


@lru_cache(maxsize=16384)
def _popup_classes(cls: str) -> bool:
    # A card that shows on hover over a name ("rollover-people-block", "tooltip"); the link
    # that opens it is an <a> and stays.
    return any(t in vocab.POPUP_TOKENS for t in split_tokens(cls))


# A popup token in any spelling split_tokens reads one from ("hover_card" gives "hover-card"):
# substring tests that rule out nearly every class string before it is split into tokens (a few
# `in` tests cost a third of one regex search for any of them).
_POPUP_HINTS = tuple(
    sorted({t.replace("-", sep) for t in vocab.POPUP_TOKENS for sep in ("-", "_")})
)
_SHOWN, _HIDDEN, _POPUP = 0, 1, 2


@lru_cache(maxsize=16384)
def _class_verdict(cls: str) -> int:
    """Whether a class attribute hides its element (_HIDDEN), makes it a hover card (_POPUP,
    hidden unless it is the link that opens one) or neither (_SHOWN).

    Pages repeat few class strings but sites are many: this runs once for each new string, so
    it reads the string once and splits it into tokens only when a popup word is in it.
    """
    low = cls.lower()
    names = low.split()
    if (
        not vocab.HIDDEN_CLASSES.isdisjoint(names)
        and vocab.DESKTOP_CLASSES.isdisjoint(names)
        and not any(vocab.DESKTOP_CLASS_RE.fullmatch(name) for name in names)
    ) or (":hidden" in low and any(vocab.PHONE_ONLY_CLASS_RE.fullmatch(n) for n in names)):
        return _HIDDEN
    if _has_popup_hint(low) and _popup_classes(cls):
        return _POPUP
    return _SHOWN


def _has_popup_hint(low: str) -> bool:
    # A plain loop: a generator under any() costs more than the few substring tests it runs.
    for hint in _POPUP_HINTS:  # noqa: SIM110
        if hint in low:
            return True
    return False


_HIDING_ATTRIBUTES = lxml.etree.XPath(
    "descendant-or-self::*/@style | descendant-or-self::*/@hidden"
    " | descendant-or-self::*/@aria-hidden"
)


def clean(root: HtmlElement) -> None:
    """Remove what a reader never sees: scripts, styles, embeds and hidden elements."""
    lxml.etree.strip_elements(root, *vocab.DROP_TAGS, with_tail=False)
    body = root.find("body")
    # The classes in one pass in Python: attribute reads are cheaper than an XPath of
    # contains() tests. The rarer attributes come from one XPath listing only the elements
    # that have them, cheaper than three reads on every element. Dropping keeps the text after
    # each element in place, so the order of the drops makes no difference.
    hidden = []
    for el in root.iter(lxml.etree.Element):
        cls = el.get("class")
        if (
            cls
            and (verdict := _class_verdict(cls))
            and (verdict == _HIDDEN or (el.tag != "a" and not _opens_a_popup(el)))
        ):
            hidden.append(el)
    for attr in _HIDING_ATTRIBUTES(root):
        name = attr.attrname
        if name == "hidden" or (attr == "true" if name == "aria-hidden" else hides_by_style(attr)):
            hidden.append(attr.getparent())
    for el in hidden:
        if el is not root and el is not body:
            drop(el)


def _opens_a_popup(el: HtmlElement) -> bool:
    # A wrapper named like its hover card ("rollover-people") that holds the link opening the
    # card ("rollover-people-link") is part of the sentence: only the card inside it goes.
    return any(_class_verdict(a.get("class") or "") == _POPUP for a in el.iter("a") if a is not el)


def collapse(text: str) -> str:
    """Whitespace collapsed to single spaces, zero-width characters removed."""
    if text.isprintable():
        # Every space but " " and every zero-width character is unprintable: a printable text
        # is collapsed already unless it has two spaces in a row or one at an end (half the
        # texts read are, and one scan spares splitting them into words and joining them).
        if "  " not in text and text[:1] != " " and text[-1:] != " ":
            return text
        return " ".join(text.split())
    if not text.isascii() and ("\u200b" in text or "\ufeff" in text or "\u00ad" in text):
        text = text.replace("\u200b", "").replace("\ufeff", "").replace("\u00ad", "")
    return " ".join(text.split())


_TEXT_LENGTH = lxml.etree.XPath("string-length(.)")


def text_length(el: HtmlElement) -> int:
    """The number of characters of text under an element, counted in C rather than by itertext."""
    return int(_TEXT_LENGTH(el))


def previous_element(el: HtmlElement) -> HtmlElement | None:
    """The sibling element right before ``el``, past comments and processing instructions."""
    before = el.getprevious()
    while before is not None and not isinstance(before.tag, str):
        before = before.getprevious()
    return before


def text_of(el: HtmlElement) -> str:
    """The visible text of an element, whitespace collapsed."""
    return collapse(" ".join(el.itertext()))


# init=False with an __init__ of its own: mypyc compiles that one, where a dataclass's generated
# __init__ stays interpreted (about 8 % of the cost of gathering the blocks, one call per block).
@dataclass(slots=True, init=False)
class Block:
    """A run of text that reads as one unit: a paragraph, a heading, a list item, a cell."""

    el: HtmlElement  # the block-level element the text belongs to
    text: str
    link_chars: int
    bold_chars: int
    index: int
    zone: object | None  # the marked ancestor container, if any

    def __init__(
        self,
        el: HtmlElement,
        text: str,
        link_chars: int,
        bold_chars: int,
        index: int,
        zone: object | None,
    ) -> None:
        self.el = el
        self.text = text
        self.link_chars = link_chars
        self.bold_chars = bold_chars
        self.index = index
        self.zone = zone

    @property
    def tag(self) -> str:
        return str(self.el.tag)

    @property
    def heading_level(self) -> int:
        tag = self.el.tag
        if tag in vocab.HEADING_TAGS and self.text:
            return int(str(tag)[1])
        return 0

    @property
    def link_density(self) -> float:
        return self.link_chars / max(1, len(self.text))

    @property
    def all_bold(self) -> bool:
        return self.bold_chars >= len(self.text.replace(" ", "")) > 0


def _all_bold(pieces: list[tuple[str, int]]) -> bool:
    return any(not p.isspace() for p, _ in pieces) and all(
        flags & BOLD or p.isspace() for p, flags in pieces
    )


# What the walk does with a tag, looked up once per element (anything else is inline text).
_K_INLINE, _K_BR, _K_HR, _K_BLOCK, _K_LINK, _K_BOLD = range(6)
_TAG_KINDS: dict[object, int] = {
    **dict.fromkeys(vocab.BLOCK_TAGS, _K_BLOCK),
    **dict.fromkeys(vocab.BOLD_TAGS, _K_BOLD),
    "a": _K_LINK,
    "br": _K_BR,
    "hr": _K_HR,
}
# A <br> among the pieces; its flags are never read, so one shared tuple serves for all.
_BR_PIECE = (_BR, 0)


_Pieces = list[tuple[str, int]]
_Marks = dict[HtmlElement, object]


def blocks(root: HtmlElement, zones: Mapping[HtmlElement, object] | None = None) -> list[Block]:
    """Every text block under ``root`` in document order, each tagged with its marked zone.

    ``zones`` maps container elements to a mark (a boilerplate kind, a teaser block, ...); a block
    inherits the mark of its nearest marked ancestor.
    """
    # The block being gathered is a plain list of (text, LINK/BOLD flags) pieces. The walk is
    # the parser's hottest loop, so it binds what it uses locally, recurses only into elements
    # with children, and never stores whitespace at the start of a block: most of a page's
    # elements are layout <div>s whose text and tails are only the source's indentation, and
    # leading whitespace is collapsed away anyway (two <br> split a paragraph with or without it).
    # The walk is made of module functions, not closures: closures that call each other form a
    # reference cycle that would hold the blocks, and through them the whole tree, until the
    # cycle collector runs (a tenth of the parse time went to collecting them).
    out: list[Block] = []
    # A dict, read by the walk with dict.get: mypyc calls that directly, where a bound method
    # passed in costs a Python call per element.
    marks: _Marks = zones if isinstance(zones, dict) else dict(zones or {})
    start_zone = marks.get(root)
    text: str | None = root.text  # typed: compiled, str's own methods are called directly
    top = [(text, 0)] if text and not text.isspace() else []
    _walk(root, top, root, 0, start_zone, out, marks)
    if top:
        _flush(top, root, start_zone, out)
    return out


def _split_at_breaks(
    pieces: _Pieces, owner: HtmlElement, zone: object | None, out: list[Block]
) -> None:
    # Two or more <br> in a row (whitespace between them allowed) end a paragraph.
    paragraphs: list[_Pieces] = [[]]
    pending_br = 0
    for piece, flags in pieces:
        if piece == _BR:
            pending_br += 1
            continue
        if pending_br:
            if piece.isspace():
                continue
            if paragraphs[-1] and (pending_br >= 2 or _all_bold(paragraphs[-1])):
                # Two <br> end a paragraph; so does one after a bold line on its own
                # ("<strong>Why it matters</strong><br>The text..."), a heading in effect.
                paragraphs.append([])
            else:
                paragraphs[-1].append((" ", flags))
            pending_br = 0
        paragraphs[-1].append((piece, flags))
    for para in paragraphs:
        _flush(para, owner, zone, out)


def _flush(pieces: _Pieces, owner: HtmlElement, zone: object | None, out: list[Block]) -> None:
    """Add the block the pieces make, if they hold any text."""
    if _BR_PIECE in pieces:
        _split_at_breaks(pieces, owner, zone, out)
        return
    if len(pieces) == 1:
        raw, flags = pieces[0]
        text = collapse(raw)
        if not text:
            return
        n = len(raw.strip()) if flags else 0
        link = n if flags & LINK else 0
        bold = n if flags & BOLD else 0
        out.append(Block(owner, text, link, bold, len(out), zone))
        return
    text = collapse("".join([p[0] for p in pieces]))
    if not text:
        return
    link = bold = 0
    for piece, flags in pieces:
        if flags:
            n = len(piece.strip())
            if flags & LINK:
                link += n
            if flags & BOLD:
                bold += n
    out.append(Block(owner, text, link, bold, len(out), zone))


def _walk(
    parent: HtmlElement,
    acc: _Pieces,
    owner: HtmlElement,
    flags: int,
    zone: object | None,
    out: list[Block],
    marks: _Marks,
    kinds: dict[object, int] = _TAG_KINDS,
) -> None:
    """Gather the text of ``parent``'s children (and their tails) into ``acc``."""
    for el in parent[:]:  # a list built in C iterates faster than the element
        tag = el.tag
        kind = kinds.get(tag, 0)
        if kind == _K_BR:
            acc.append(_BR_PIECE)
        elif kind == _K_HR:
            if acc:
                _flush(acc, owner, zone, out)
                acc.clear()
        elif kind == _K_BLOCK or (mark := marks.get(el)) is not None:
            if acc:
                _flush(acc, owner, zone, out)
                acc.clear()
            if kind == _K_BLOCK:
                mark = marks.get(el)
            inner_zone = mark if mark is not None else zone
            # Typed: compiled, str's own methods are called directly, not looked up by name.
            text: str | None = el.text
            inner = [(text, flags)] if text and not text.isspace() else []
            if len(el):
                _walk(el, inner, el, flags, inner_zone, out, marks)
            if inner:
                _flush(inner, el, inner_zone, out)
        elif isinstance(tag, str):  # not a comment or entity, whose tail alone is text
            inner_flags = flags
            if kind == _K_LINK:
                href: str | None = el.get("href")
                # A "javascript:" href is a script hook on text, not a way to another page.
                if href is not None and href.lstrip()[:11].lower() != "javascript:":
                    inner_flags |= LINK
            elif kind == _K_BOLD:
                inner_flags |= BOLD
            text = el.text
            if text and (acc or not text.isspace()):
                acc.append((text, inner_flags))
            if len(el):
                _walk(el, acc, owner, inner_flags, zone, out, marks)
        tail: str | None = el.tail
        if tail and (acc or not tail.isspace()):
            acc.append((tail, flags))
