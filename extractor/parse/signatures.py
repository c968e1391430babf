"""An article signed at its edge: a line of nothing but a name, set flush right."""

from __future__ import annotations

import re

from lxml.etree import _Element as HtmlElement

from extractor.parse.bylines import is_foreign, looks_like_name, person_names
from extractor.parse.jsonld import collapse

__all__ = ["signed_name"]

# Right alignment as an editor writes it: a style, an editor's class, the old align attribute.
_RIGHT_RE = re.compile(
    r"text-align\s*:\s*right|\b(?:has-text-align-right|text-right|align-right|spip-block-right)\b",
    re.IGNORECASE,
)
_MAX_CHARS = 40
_MAX_ELEMENTS = 20_000


def signed_name(tree: HtmlElement) -> list[str]:
    """The name on the first right-aligned line that holds only a name of two to four words
    ("<div style='text-align:right'><strong>Didier Porte</strong></div>"): the signature
    French and German editors set under or over a text. Links are menus, not signatures."""
    body = next(tree.iter("body"), None)
    for count, el in enumerate((body if body is not None else tree).iter()):
        if count >= _MAX_ELEMENTS:
            break
        if not isinstance(el.tag, str) or el.tag == "a":
            continue
        style = el.get("style")
        cls = el.get("class")
        if not (
            (style and _RIGHT_RE.search(style))
            or (cls and _RIGHT_RE.search(cls))
            or (el.get("align") or "").lower() == "right"
        ):
            continue
        text = collapse(" ".join(el.itertext()))
        if not text or len(text) > _MAX_CHARS or any(ch.isdigit() for ch in text):
            continue
        if not 2 <= len(text.split()) <= 4 or any(True for _ in el.iter("a")):
            continue
        names = person_names(text, declared=False)
        if len(names) == 1 and names[0] == text and looks_like_name(text) and not is_foreign(el):
            return names
    return []
