"""A profile on one page (pure): take its pinned parts before the generic parse, apply them after.

Before: boilerplate and teaser blocks the profile names are read and removed from the tree, so
the generic parse never mistakes them for body text; headline and body are read. After: each
part the profile found replaces the generic one; a part whose selector matched nothing keeps
the generic answer, so a profile can never make a page worse than having none where it misses.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urljoin

from extractor.models import Boilerplate, PageParts, Section, Teaser
from extractor.parse.body import build_sections
from extractor.parse.dom import HtmlElement, blocks, drop, text_of
from extractor.parse.teasers import Card, TeaserBlock
from extractor.profiles.profile import Profile, TeaserRule
from extractor.profiles.selectors import Selector

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


@dataclass(frozen=True, slots=True)
class Taken:
    """What a profile took from a page; None for a part its selectors did not find."""

    profile: Profile
    headline: str | None = None
    sections: tuple[Section, ...] | None = None
    teaser_blocks: tuple[TeaserBlock, ...] | None = None
    boilerplate: tuple[Boilerplate, ...] = ()

    def apply(
        self,
        parts: PageParts,
        teasers_of: Callable[[list[TeaserBlock]], tuple[Teaser, ...]],
    ) -> PageParts:
        """The generic parts with the profile's in their place; ``teasers_of`` dates cards the
        way the generic parse does."""
        changes: dict[str, Any] = {}
        headline = self.headline or parts.headline
        if self.headline:
            changes["headline"] = self.headline
        if self.sections is not None:
            repeated = {text for text in (headline, parts.summary) if text}
            byline = tuple(t for t in (parts.published_text, *parts.authors) if t)
            changes["sections"] = _without(self.sections, repeated, byline)
        if self.teaser_blocks is not None:
            changes["teasers"] = teasers_of(list(self.teaser_blocks))
        if self.boilerplate:
            changes["boilerplate"] = parts.boilerplate + self.boilerplate
        return replace(parts, **changes)


def take(root: HtmlElement, profile: Profile, base_url: str | None, page_url: str | None) -> Taken:
    """Read (and for boilerplate and teasers, remove) what ``profile`` pins on this page.

    Every selector is matched on the page as served, before anything is removed: positional
    selectors (``:nth-last-of-type``) mean what they say in the page's source.
    """
    typed = [
        (kind, el)
        for selector, kind in profile.boilerplate
        for el in _outermost(selector.select(root))
    ]
    blocks_of = [
        (rule, el) for rule in profile.teasers for el in _outermost(rule.block.select(root))
    ]
    headline_el = profile.headline.first(root) if profile.headline else None
    bodies = _outermost(profile.body.select(root)) if profile.body else []

    taken: dict[HtmlElement, object] = {el: kind for kind, el in typed}
    taken.update({el: rule for rule, el in blocks_of})
    boilerplate = [Boilerplate(kind, text) for kind, el in typed if (text := _block_text(el))]
    teaser_blocks = [_teaser_block(el, rule, base_url or page_url) for rule, el in blocks_of]
    sections = None
    if bodies:
        # Boilerplate and teasers inside the body element are not body text.
        kept = [b for el in bodies for b in blocks(el, taken) if b.zone is None]
        sections = build_sections(kept)
    headline = text_of(headline_el) if headline_el is not None else None
    for el in taken:
        drop(el)
    return Taken(
        profile=profile,
        headline=headline or None,
        sections=sections,
        teaser_blocks=tuple(teaser_blocks) if teaser_blocks else None,
        boilerplate=tuple(boilerplate),
    )


def _block_text(el: HtmlElement) -> str:
    return "\n".join(block.text for block in blocks(el)) or text_of(el)


def _outermost(els: list[HtmlElement]) -> list[HtmlElement]:
    """Matches not inside another match of the same selector, in page order."""
    picked: set[HtmlElement] = set()
    for el in els:
        if not any(a in picked for a in el.iterancestors()):
            picked.add(el)
    return [el for el in els if el in picked]


def _teaser_block(block: HtmlElement, rule: TeaserRule, base: str | None) -> TeaserBlock:
    heading_el = rule.heading.first(block) if rule.heading else _first_heading(block)
    cards: list[Card] = []
    for card in rule.card.select(block):
        link = card if card.tag == "a" and card.get("href") else rule.link.first(card)
        href = (link.get("href") or "").strip() if link is not None else ""
        if not href:
            continue
        date_el = rule.date.first(card) if rule.date else None
        cards.append(
            Card(
                el=card,
                url=urljoin(base, href) if base else href,
                title=_text(card, rule.title),
                blurb=_text(card, rule.blurb),
                date_text=(text_of(date_el) or None) if date_el is not None else None,
                date_attr=date_el.get("datetime") if date_el is not None else None,
            )
        )
    heading = (text_of(heading_el) or None) if heading_el is not None else None
    return TeaserBlock(el=block, heading=heading, heading_el=heading_el, cards=cards)


def _first_heading(block: HtmlElement) -> HtmlElement | None:
    for el in block.iter(*_HEADINGS):
        return el
    return None


def _text(card: HtmlElement, selector: Selector | None) -> str | None:
    el = selector.first(card) if selector is not None else None
    return (text_of(el) or None) if el is not None else None


# A line this short that names the page's date or author is its byline, not body text.
_BYLINE_CHARS = 100


def _without(
    sections: tuple[Section, ...], repeated: set[str], byline: tuple[str, ...]
) -> tuple[Section, ...]:
    """The body without the headline, summary and byline a body selector may also catch."""

    def keep(text: str) -> bool:
        if text in repeated:
            return False
        return not (len(text) < _BYLINE_CHARS and any(b in text for b in byline))

    out = []
    for section in sections:
        heading = None if section.heading in repeated else section.heading
        paragraphs = tuple(p for p in section.paragraphs if keep(p))
        if heading or paragraphs:
            out.append(Section(heading, section.level if heading else None, paragraphs))
    return tuple(out)


__all__ = ["Taken", "take"]
