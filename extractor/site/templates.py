"""A host's recurring blocks: fingerprints, patterns with a slot, support across pages."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

# A block is fingerprinted by its first and last words: a slot (the journal a disclaimer names)
# sits between them, so every variant of one site block shares the fingerprint.
EDGE_TOKENS = 4
# A slot at a block's end ("... first appeared in {The Lancet}") or start ("{Nature Reviews
# Neurology}. All rights reserved ...") changes those edge words, so a block is also keyed by
# its first words alone (END_SLOT) and by its last words alone (START_SLOT). These one-sided
# keys are told from the two-sided fingerprint (bare hex) by their prefix.
END_SLOT = "e:"
START_SLOT = "s:"
# Shorter blocks are left alone: a short line that recurs ("Journal: Brain", "Read more") is
# as likely a fact of the article as a piece of the site.
MIN_TOKENS = 2 * EDGE_TOKENS
# A line with a slot at one edge needs only its shared words on the other: "This article first
# appeared in The Lancet" is learned. At six words the slot guard below leaves the slot two
# words at most beside four shared ones; a shorter line is not learned.
MIN_EDGE_TOKENS = EDGE_TOKENS + 2
# A slot holds a name or a short phrase; a wider difference means two different blocks.
MAX_SLOT_TOKENS = 12
MAX_SLOT_SHARE = 0.4
_STOPS = (".", ",", ";", ":")
BODY = "body"  # the "kind" a block has on a page where the parser kept it in the body


def tokens_of(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


def fingerprint(tokens: tuple[str, ...]) -> str:
    """The key all variants of one recurring block share: its edge words."""
    return _digest(" ".join(tokens[:EDGE_TOKENS]) + "\x1f" + " ".join(tokens[-EDGE_TOKENS:]))


def end_key(tokens: tuple[str, ...]) -> str:
    """The key of the variants of a block with a slot at its end: its first words."""
    return END_SLOT + _digest(" ".join(tokens[:EDGE_TOKENS]))


def start_key(tokens: tuple[str, ...]) -> str:
    """The key of the variants of a block with a slot at its start: its last words."""
    return START_SLOT + _digest(" ".join(tokens[-EDGE_TOKENS:]))


def keys_of(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """A block's keys, in the order a page's block is looked up by: its first words alone (a
    slot at the end), its last words alone (a slot at the start), then its fingerprint (a slot
    in the middle, or none) when it is long enough for one; none when it is too short."""
    if len(tokens) < MIN_EDGE_TOKENS:
        return ()
    edges = (end_key(tokens), start_key(tokens))
    return edges if len(tokens) < MIN_TOKENS else (*edges, fingerprint(tokens))


def slot_fits(width: int, fixed: int) -> bool:
    """Whether a slot ``width`` words wide beside ``fixed`` shared words holds a name or a short
    phrase, not the difference between two blocks."""
    return width <= MAX_SLOT_TOKENS and width <= MAX_SLOT_SHARE * (fixed + width)


def one_sided(key: str) -> bool:
    return key.startswith((END_SLOT, START_SLOT))


@dataclass(frozen=True, slots=True)
class BlockStats:
    """What a host's pages say about one fingerprint: its pattern, support and kinds.

    An exact block has its whole text as ``prefix``; a slotted one keeps the words every
    variant shares before (``prefix``) and after (``suffix``) a varying middle, whose widest
    observed width is ``max_slot``. ``kinds`` counts the kind the parser gave it per page.
    """

    key: str
    prefix: tuple[str, ...]
    suffix: tuple[str, ...] = ()
    slotted: bool = False
    pages: int = 1
    max_slot: int = 0
    kinds: Mapping[str, int] = field(default_factory=dict)
    last_page: int = 0

    @classmethod
    def first(cls, key: str, tokens: tuple[str, ...], kind: str, page: int) -> BlockStats:
        return cls(key, tokens, kinds={kind: 1}, last_page=page)

    @property
    def fits(self) -> bool:
        """Whether the variants are one block with a slot, not two blocks sharing edge words."""
        return not self.slotted or slot_fits(self.max_slot, len(self.prefix) + len(self.suffix))

    @property
    def usable(self) -> bool:
        """Whether these stats make a template: the variants fit one pattern, and under a
        one-sided key its slot touches the side the fingerprint cannot see past (an exact
        block, or one with four shared words on both sides, is the fingerprint's template)."""
        if not self.fits:
            return False
        if self.key.startswith(END_SLOT):
            return self.slotted and len(self.suffix) < EDGE_TOKENS
        if self.key.startswith(START_SLOT):
            return self.slotted and len(self.prefix) < EDGE_TOKENS
        return True

    def merge(self, tokens: tuple[str, ...], kind: str, page: int) -> BlockStats:
        """The stats once one more page shows this key with ``tokens``.

        Under a one-sided key, four shared words are a weak bond: unrelated paragraphs opening
        alike ("The study was published in ...") meet there. A sighting that does not fit the
        pattern is left out of it once two pages share that pattern, and replaces a pattern only
        one page has, so one stray paragraph never spoils a site block's key for good. There an
        edge slot is also always filled: a line that is another one's words less its start or
        end ("Home · News · About", "MS Buddy · Home · News · About") is a block of its own, not
        a value of nothing in a slot.
        """
        merged = self._merged(tokens, kind, page)
        if not one_sided(self.key) or (merged.fits and not _empty_slot(self, merged, tokens)):
            return merged
        if self.pages >= 2:
            return self
        return BlockStats.first(self.key, tokens, kind, page)

    def _merged(self, tokens: tuple[str, ...], kind: str, page: int) -> BlockStats:
        kinds = dict(self.kinds)
        kinds[kind] = kinds.get(kind, 0) + 1
        base = replace(self, pages=self.pages + 1, kinds=kinds, last_page=page)
        if not self.slotted:
            if tokens == self.prefix:
                return base
            cp, cs = _common(self.prefix, tokens)
            widest = max(len(self.prefix), len(tokens)) - cp - cs
            return replace(
                base,
                prefix=self.prefix[:cp],
                suffix=self.prefix[len(self.prefix) - cs :],
                slotted=True,
                max_slot=widest,
            )
        cp = _prefix_len(self.prefix, tokens)
        cs = _prefix_len(self.suffix[::-1], tokens[::-1])
        cs = min(cs, len(tokens) - cp)
        # Earlier variants' slots widen by what the pattern loses at its edges.
        grown = self.max_slot + (len(self.prefix) - cp) + (len(self.suffix) - cs)
        return replace(
            base,
            prefix=self.prefix[:cp],
            suffix=self.suffix[len(self.suffix) - cs :],
            max_slot=max(grown, len(tokens) - cp - cs),
        )

    def template(self) -> Template:
        return Template(
            self.key, self.prefix, self.suffix, self.slotted, kind_of(self.kinds), self.pages
        )


def _empty_slot(old: BlockStats, new: BlockStats, tokens: tuple[str, ...]) -> bool:
    """Whether a merge made a pattern one of whose variants fills its slot with nothing: the
    new one, or the exact block it was. (A slotted pattern's earlier variants only widen.)"""
    if not new.slotted:
        return False
    fixed = len(new.prefix) + len(new.suffix)
    return len(tokens) == fixed or (not old.slotted and len(old.prefix) == fixed)


def _prefix_len(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[int, int]:
    """Common prefix and suffix lengths of two token runs, never overlapping in the shorter."""
    cp = _prefix_len(a, b)
    cs = _prefix_len(a[::-1], b[::-1])
    return cp, min(cs, min(len(a), len(b)) - cp)


def kind_of(kinds: Mapping[str, int]) -> str:
    """The kind the parser gave the block where it recognised it; `other` when it never did."""
    named = [(n, k) for k, n in kinds.items() if k not in (BODY, "other")]
    if not named:
        return "other"
    return max(named, key=lambda item: (item[0], item[1]))[1]


@dataclass(frozen=True, slots=True)
class Template:
    """A block that recurs on a host's pages, with a slot where its variants differ."""

    key: str
    prefix: tuple[str, ...]
    suffix: tuple[str, ...]
    slotted: bool
    kind: str
    pages: int

    def match(self, tokens: tuple[str, ...]) -> str | None:
        """The slot's value in ``tokens`` ("" for an exact block), or None when they differ."""
        if not self.slotted:
            return "" if tokens == self.prefix else None
        fixed = len(self.prefix) + len(self.suffix)
        middle = len(tokens) - fixed
        if middle < 0 or middle > MAX_SLOT_TOKENS:
            return None
        # At an edge the slot has only one side bounding it: the fixed part must still dominate,
        # or a paragraph that merely opens (or closes) with the block's words would match; and
        # it is filled, as it was on every page learned from (see ``BlockStats.merge``).
        if one_sided(self.key) and not (middle > 0 and slot_fits(middle, fixed)):
            return None
        if tokens[: len(self.prefix)] != self.prefix:
            return None
        if self.suffix and tokens[len(tokens) - len(self.suffix) :] != self.suffix:
            return None
        value = " ".join(tokens[len(self.prefix) : len(self.prefix) + middle])
        if value[-1:] in _STOPS and one_sided(self.key):
            # A slot found by a one-sided key often ends a sentence, and carries its stop ("first
            # appeared in The Lancet.", "© 2026 Nature Reviews Neurology. All rights reserved."):
            # the value is the name alone. (A middle slot's values are kept as they always were.)
            value = value[:-1]
        return value

    def pattern(self) -> str:
        """The block's text with ``{slot}`` where its variants differ."""
        if not self.slotted:
            return " ".join(self.prefix)
        return " ".join((*self.prefix, "{slot}", *self.suffix))

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "pages": self.pages,
            "slotted": self.slotted,
            "pattern": self.pattern(),
        }
