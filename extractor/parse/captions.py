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
        for heading in root.iterdescendants(*vocab.HEADING_TAGS):
            if not vocab.SLIDE_COUNTER_RE.match(_STRING(heading)):
                continue
            slide = heading.getparent()
            if slide is not None and slide is not root and slide not in slides:
                slides.append(slide)
        if len(slides) >= 2:  # one heading opening with "24/7" or "11/24" is no gallery
            found.update(slides)
    return found
