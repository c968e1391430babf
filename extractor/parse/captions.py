"""Picture captions inside the article's container: figures, caption boxes and gallery slides."""

from __future__ import annotations

from functools import lru_cache

import lxml.etree

from extractor.parse import vocab
from extractor.parse.dom import HtmlElement, split_tokens, text_length

# What a figure may frame that is the article's own (a quote, a table, code), not a caption.
FIGURE_CONTENT = frozenset(("blockquote", "table", "pre", "code"))
_FIGURE_CONTENT_TAGS = tuple(sorted(FIGURE_CONTENT))
# A caption box is short; a longer element named so is more likely a section of the article.
_MAX_CAPTION_CHARS = 600
_STRING = lxml.etree.XPath("string()", smart_strings=False)


def is_caption_box(el: HtmlElement, cls: str | None) -> bool:
    """Whether an element (``cls`` its class) is a box whose class names a caption or a photo
    credit ("wp-caption", "credit"), set in plain divs and spans where no figure says so.

    A figcaption outside a figure is no box: the readability pages keep those as text.
    """
    if not cls or el.tag == "figcaption" or not _names_caption(cls):
        return False
    if text_length(el) > _MAX_CAPTION_CHARS:
        return False
    return next(el.iterdescendants(*_FIGURE_CONTENT_TAGS), None) is None


@lru_cache(maxsize=4096)
def _names_caption(cls: str) -> bool:
    return any(t in vocab.CAPTION_TOKENS for t in split_tokens(cls))


def gallery_slides(roots: list[HtmlElement]) -> set[HtmlElement]:
    """The slides of galleries under ``roots``: the elements around a heading that opens with a
    slide counter ("1/50 United goin down"), holding the caption and credit beside it.

    A gallery's captions are many and long enough to read as prose, but each describes a
    picture, not the article.
    """
    found: set[HtmlElement] = set()
    for root in roots:
        slides: list[HtmlElement] = []
        # Each heading's text is read once (by libxml2) for both kinds of gallery.
        headings = [
            (heading, _STRING(heading)) for heading in root.iterdescendants(*vocab.HEADING_TAGS)
        ]
        for heading, string in headings:
            if not vocab.SLIDE_COUNTER_RE.match(string):
                continue
            slide = heading.getparent()
            if slide is not None and slide is not root and slide not in slides:
                slides.append(slide)
        if len(slides) >= 2:  # one heading opening with "24/7" or "11/24" is no gallery
            found.update(slides)
        if len(headings) >= _MIN_TITLED_SLIDES:
            found.update(_titled_slides(root, headings))
    return found


# A gallery repeats its title on this many slides or more.
_MIN_TITLED_SLIDES = 3


def _titled_slides(root: HtmlElement, texts: list[tuple[HtmlElement, str]]) -> list[HtmlElement]:
    """The slides of a gallery that repeats its own title over every slide: items side by side
    ("<li>" of one list), each opening with the same heading above its picture's caption.

    A heading repeated word for word in sibling items is no section of an article, whose
    headings differ; the captions under it describe pictures.
    """
    by_text: dict[str, list[HtmlElement]] = {}
    for heading, string in texts:
        text = " ".join(string.split())
        if text:
            by_text.setdefault(text, []).append(heading)
    found: list[HtmlElement] = []
    for headings in by_text.values():
        if len(headings) < _MIN_TITLED_SLIDES:
            continue
        # Each heading's slide: its ancestor that is a child of the element holding them all.
        common = set(headings[0].iterancestors())
        for heading in headings[1:]:
            common.intersection_update(heading.iterancestors())
        slides = []
        for heading in headings:
            child = heading
            parent = child.getparent()
            while parent is not None and parent not in common:
                child, parent = parent, parent.getparent()
            slides.append(child)
        if len({id(s) for s in slides}) < len(slides) or len({s.tag for s in slides}) > 1:
            continue
        if any(s is root or root not in s.iterancestors() for s in slides):
            continue
        # The title opens each slide: a "Pros" heading repeated under each product's own name
        # in a roundup is a part of each item, not a gallery's title.
        openers = [next(s.iter(*vocab.HEADING_TAGS)) for s in slides]
        if any(o is not h for o, h in zip(openers, headings, strict=True)):
            continue
        # A slide shows a picture (later ones may load theirs by script): the repeated
        # "Ingredients" of a page of recipes shows none in its lists.
        if any(next(s.iter("img", "picture"), None) is not None for s in slides):
            found.extend(slides)
    return found


# The longest text a picture box's caption line may hold.
_MAX_BOX_CAPTION_CHARS = 200


def is_picture_box(el: HtmlElement) -> bool:
    """Whether a <div> is a picture set with its caption and nothing else: a picture (in a link
    or not) and one short line ("<div class='picBox'><a><img></a><p>Caption</p></div>"), a
    figure written without the tag.
    """
    if len(el) < 2 or (el.text or "").strip():
        return False
    # Two child elements exactly: the count stops at a third (a box of many is no picture's).
    children: list[HtmlElement] = []
    for child in el:
        if isinstance(child.tag, str):
            if len(children) == 2:
                return False
            children.append(child)
    if len(children) != 2:
        return False
    picture, line = children
    if picture.tag not in ("img", "picture", "a") or (picture.tail or "").strip():
        return False
    if picture.tag == "a" and (
        next(picture.iter("img", "picture"), None) is None or _STRING(picture).strip()
    ):
        return False
    if line.tag not in ("p", "span", "div") or len(line):
        return False  # a caption line is one run of text, with no elements in it
    text = (line.text or "").strip()
    return 0 < len(text) <= _MAX_BOX_CAPTION_CHARS
