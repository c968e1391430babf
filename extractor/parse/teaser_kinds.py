"""Which siblings of a block are its cards: kinds that tie, lead variants, lists of services."""

from __future__ import annotations

from extractor.parse.dom import HtmlElement
from extractor.parse.teaser_cards import Card, in_running_text, signature
from extractor.parse.teaser_layout import text_size
from extractor.parse.teaser_links import url_host
from extractor.parse.teaser_page import PageReader


def mostly_other_links(
    container: HtmlElement, members: list[HtmlElement], page: PageReader
) -> bool:
    """Whether as many siblings of the cards' kind link off the site to no article.

    A footer column of the app, the Facebook page, the Twitter account and the staff blog
    keeps two items once the social links are dropped; they are a list of services, not of
    stories. (A sibling linking back to this page is a story of the list, not a service.)
    """
    sig = signature(members[0])
    others = 0
    for child in container:
        if child in page.linked or not isinstance(child.tag, str) or signature(child) != sig:
            continue
        link = child if child.tag == "a" else child.find(".//a[@href]")
        if link is not None and off_site(link.get("href") or "", page):
            others += 1
    return others >= len(members)


def off_site(href: str, page: PageReader) -> bool:
    if page.key is None or not href.startswith(("http://", "https://", "//")):
        return False
    return url_host(href.strip()) != page.key[0]


def class_stems(el: HtmlElement) -> set[str]:
    """Class names without their last part: "block-big" and "block-small", "card--lead" and
    "card--small" are variants of "block" and "card"."""
    stems = set()
    for token in (el.get("class") or "").split():
        stem = token.split("--")[0] if "--" in token else token.rpartition("-")[0]
        if stem:
            stems.add(stem)
    return stems


def with_variants(children: list[HtmlElement], members: list[HtmlElement]) -> list[HtmlElement]:
    """The cards with the lead card ahead of them when it is a variant of them: a big one over
    small ones ("widget-block-big" over "widget-block-small")."""
    stems = class_stems(members[0])
    if not stems:
        return members
    tag = members[0].tag
    # One lead card ahead of the others; variants between or after them are another kind of
    # sibling (a day label beside each title).
    lead = children.index(members[0])
    variants = [
        child
        for child in children[:lead]
        if child.tag == tag and not stems.isdisjoint(class_stems(child))
    ]
    if len(variants) != 1:
        return members
    lead_sig = signature(variants[0])
    if sum(1 for child in children if signature(child) == lead_sig) > 1:
        return members  # a kind that recurs is not a lone lead card
    return [variants[0], *members]


def fullest_kind(
    children: list[HtmlElement],
    signatures: list[str],
    members: list[HtmlElement],
    page: PageReader,
) -> list[HtmlElement]:
    """Of the kinds of children as many as the commonest, the one showing the most text; any
    kind showing text when the commonest shows none.

    Two kinds alternate when each story has two siblings: a thumbnail column beside a title
    column (``jctj_l`` / ``jctj_r``), a day label beside an episode title (``eps-day`` /
    ``eps-title``). The titles are the cards, whichever kind comes first.
    """
    groups: dict[str, list[HtmlElement]] = {}
    for child, sig in zip(children, signatures, strict=True):
        groups.setdefault(sig, []).append(child)
    rivals = [g for g in groups.values() if g[0] is not members[0] and len(g) >= 2]
    if not rivals:
        return members  # no other kind recurs: nothing to measure
    best = members
    best_size = text_size(members, page)
    for group in rivals:
        if len(group) == len(members) or not best_size:
            size = text_size(group, page)
            if size > best_size:
                best, best_size = group, size
    return best


def has_lead_linked_items(cards: list[Card]) -> bool:
    """Whether a card is a list item whose link ends a lead of running words.

    Such items are headlines with their last words linked only under a heading that names a
    block ("More Great WIRED Stories"); elsewhere they are a bulleted list of sentences.
    """
    return any(
        card.el.tag == "li" and any(in_running_text(link) for link in card.el.iter("a"))
        for card in cards
    )
