"""Previous/next post links set out as a block: chronological navigation, not teasers."""

from __future__ import annotations

import re
from functools import lru_cache

from extractor.parse.dom import HtmlElement
from extractor.parse.teaser_cards import Card
from extractor.parse.teaser_page import PageReader

# Labels of previous/next post links, in the heading over them or ahead of each title:
# "上一篇：", "此分類下一篇", "前の記事", "이전 글", "Previous post", "Post navigation".
_PREV_NEXT_RE = re.compile(
    r"上一篇|下一篇|前一篇|后一篇|後一篇|上一則|下一則|前の記事|次の記事|이전\s?글|다음\s?글|"
    r"\b((previous|prev|next|older|newer)\s+(posts?|articles?|stor(y|ies)|entry|entries)|"
    r"post navigation)\b"
    # French, German, Spanish, Italian, Dutch: "Article précédent", "Nächster Beitrag".
    r"|\b((article|billet) (précédent|suivant)|(vorheriger|voriger|nächster) (beitrag|artikel)|"
    r"(artículo|entrada) (anterior|siguiente)|articolo (precedente|successivo)|"
    r"(vorig|volgend) (bericht|artikel))\b",
    re.IGNORECASE,
)
# Ids and classes of previous/next links and their boxes: "nextlink", "nav-previous",
# "prev-post". Not a bare "next" or "prev": a carousel's arrows and slides are named so too.
_PREV_NEXT_NAME_RE = re.compile(
    r"^nav[-_](?:next|prev|previous)(?:[-_]?(?:link|post|article|entry|story))?$"
    r"|^(?:next|prev|previous)[-_]?(?:link|post|article|entry|story)$|^prelink$"
)
# A label ahead of a title is short: "此分類上一篇：", "Next article:".
_MAX_LABEL_CHARS = 24


def is_post_navigation(cards: list[Card], heading: str | None, page: PageReader) -> bool:
    """Whether a block is previous/next post links: its heading names them, or most of its
    cards are labelled as one or link with ``rel="prev"`` / ``rel="next"``."""
    if heading is not None and _PREV_NEXT_RE.search(heading):
        return True
    # Half the cards at least: the count stops once it is reached or out of reach.
    needed = (len(cards) + 1) // 2
    # A class name ("nextstory") tells one previous and one next post apart; on three cards
    # or more it names a list of the stories that follow ("More at Boing Boing").
    by_name = len(cards) <= 2
    labelled = 0
    for index, card in enumerate(cards):
        if labelled >= needed:
            return True
        if labelled + len(cards) - index < needed:
            return False
        if _prev_next_card(card, page, by_name):
            labelled += 1
    return labelled >= needed


def _prev_next_card(card: Card, page: PageReader, by_name: bool = True) -> bool:
    if by_name and _named_prev_next(card.el):
        return True
    for link in card.el.iter("a"):
        rel = (link.get("rel") or "").lower().split()
        if "prev" in rel or "next" in rel or (by_name and _named_prev_next(link)):
            return True
    if not card.title:
        return False
    if _PREV_NEXT_RE.match(card.title):
        return True  # the label is part of the link: "Article suivant « Titre »"
    text = page.text(card.el)
    lead, found, _ = text.partition(card.title)
    return bool(found) and len(lead) <= _MAX_LABEL_CHARS and _PREV_NEXT_RE.search(lead) is not None


def _named_prev_next(el: HtmlElement) -> bool:
    """Whether the id or a class of ``el`` names a previous/next link ("nextlink", "prev")."""
    ident = el.get("id")
    cls = el.get("class")
    return bool(ident and _names_prev_next(ident)) or bool(cls and _names_prev_next(cls))


@lru_cache(maxsize=2048)
def _names_prev_next(names: str) -> bool:
    # Cached: a page repeats its card and link classes; most name neither direction.
    low = names.lower()
    if "next" not in low and "prev" not in low and "prelink" not in low:
        return False
    return any(_PREV_NEXT_NAME_RE.match(name) for name in low.split())
