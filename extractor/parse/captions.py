"""Picture captions inside the article's container: figures, caption boxes and gallery slides."""

from __future__ import annotations

from extractor.parse import vocab
from extractor.parse.dom import HtmlElement, split_tokens, text_length

_FIGURE_CONTENT = ("blockquote", "table", "pre", "code")
# A caption box is short; a longer element named so is more likely a section of the article.
_MAX_CAPTION_CHARS = 600


def picture_captions(root: HtmlElement) -> set[HtmlElement]:
    """The elements under ``root`` that describe a picture rather than tell the article."""
    found = _figure_captions(root)
    found |= _caption_boxes(root, found)
    found |= _gallery_slides(root)
    return found


def _caption_boxes(root: HtmlElement, done: set[HtmlElement]) -> set[HtmlElement]:
    """Elements whose class names a caption or a photo credit ("wp-caption", "credit"), set in
    plain divs and spans where no figure says so."""
    found: set[HtmlElement] = set()
    for el in root.iterdescendants():
        if el in found or el in done:
            continue
        cls = el.get("class")
        if (
            el.tag == "figcaption"
            or not cls
            or not any(t in vocab.CAPTION_TOKENS for t in split_tokens(cls))
        ):
            continue
        if text_length(el) > _MAX_CAPTION_CHARS or any(
            True for _ in el.iterdescendants(*_FIGURE_CONTENT)
        ):
            continue
        found.update(el.iter())
    return found


def _figure_captions(root: HtmlElement) -> set[HtmlElement]:
    """The elements of figures under ``root`` that caption a picture rather than quote text.

    A caption describes an image beside the article; a figure may also frame a quote, a table
    or code, which are the article's own.
    """
    found: set[HtmlElement] = set()
    figures = [root] if root.tag == "figure" else []
    figures.extend(root.iterdescendants("figure"))
    for figure in figures:
        own = set(figure.iter())
        for kept in figure.iterdescendants(*_FIGURE_CONTENT):
            own.difference_update(kept.iter())
        found |= own
    return found


def _gallery_slides(root: HtmlElement) -> set[HtmlElement]:
    """The elements of gallery slides under ``root``: a heading that opens with a slide counter
    ("1/50 United goin down") and the caption and credit beside it.

    A gallery's captions are many and long enough to read as prose, but each describes a
    picture, not the article.
    """
    slides: list[HtmlElement] = []
    for heading in root.iterdescendants(*vocab.HEADING_TAGS):
        if not vocab.SLIDE_COUNTER_RE.match(heading.xpath("string()")):
            continue
        slide = heading.getparent()
        if slide is not None and slide is not root and slide not in slides:
            slides.append(slide)
    found: set[HtmlElement] = set()
    if len(slides) < 2:
        return found  # one heading opening with "24/7" or "11/24" is no gallery
    for slide in slides:
        found.update(slide.iter())
    return found
