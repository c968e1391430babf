"""Recommendation widgets served by ad networks: their cards are paid placements, not teasers."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from extractor.parse.dom import HtmlElement

# The hosts of content-recommendation networks. Every widget they serve carries a link to its
# network: the "by Taboola" attribution, the ZergNet logo, Outbrain's "What is this?".
_NETWORK_LINK_RE = re.compile(
    r"^\s*(https?:)?//([\w-]+\.)*(taboola|outbrain|zergnet|revcontent|mgid|postquare|dianomi|"
    r"nativo|plista|ligatus|adblade)\.(com|net|de)([/?#:]|\s*$)",
    re.IGNORECASE,
)
# How far above a block its widget's wrapper may sit: a card list, its box, the widget.
_ANCESTORS = 4


def served_by_network(container: HtmlElement, size_of: Callable[[HtmlElement], int]) -> bool:
    """Whether a block is a widget that links its recommendation network.

    The link may sit in the block (a ZergNet logo ahead of the cards it served) or in the
    widget around it (Taboola's header and footer wrap its card list). A wrapper of much more
    than the block is the page's, not the widget's. ``size_of`` gives an element's text length
    with spaces normalised.
    """
    size = size_of(container)
    node: HtmlElement | None = container
    inner: HtmlElement | None = None  # the level below, whose links were looked at already
    for _ in range(_ANCESTORS):
        if node is None or size_of(node) > 1.5 * size + 200:
            break
        if any(
            _NETWORK_LINK_RE.match(link.get("href") or "") for link in _links_beside(node, inner)
        ):
            return True
        node, inner = node.getparent(), node
    return False


def _links_beside(node: HtmlElement, inner: HtmlElement | None) -> Iterator[HtmlElement]:
    """The links under ``node`` (itself included) that are not under its child ``inner``."""
    if inner is None:
        yield from node.iter("a")
        return
    if node.tag == "a":
        yield node
    for child in node:
        if child is not inner:
            yield from child.iter("a")
