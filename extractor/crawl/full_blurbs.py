"""Truncated teasers' full blurbs: which pages they point to, and filling ``blurb_full`` (pure).

Shared by the crawl (``extractor.crawl.blurbs`` keeps target pages' texts in the state) and by
``extractor extract`` over many pages (``TeaserBlurbs`` keeps, in memory, only what can match).
The match itself is ``extractor.normalize.full_blurb``: the first of the target page's texts
(summary, then paragraphs) that starts with the blurb's stem.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

from extractor.crawl.urls import canonicalize
from extractor.models import Record, Teaser
from extractor.normalize import full_blurb, full_texts


def wants_full(truncated: object, blurb: object, blurb_full: object) -> bool:
    """Whether a teaser waits for its target's text: truncated, with a blurb, not yet filled."""
    return bool(truncated and blurb and not blurb_full)


def truncated_targets(record: Mapping[str, Any]) -> tuple[str, ...]:
    """The canonical URLs of a record's truncated teasers that have no full text yet."""
    targets: dict[str, None] = {}
    for teaser in record.get("teasers") or ():
        if wants_full(teaser.get("truncated"), teaser.get("blurb"), teaser.get("blurb_full")):
            target = canonicalize(teaser["url"], record["url"])
            if target is not None:
                targets.setdefault(target, None)
    return tuple(targets)


def resolve(record: dict[str, Any], texts: Mapping[str, tuple[str, ...]]) -> dict[str, Any]:
    """The record with ``blurb_full`` on each truncated teaser whose target's texts hold it."""
    teasers = []
    for teaser in record.get("teasers") or ():
        if teaser.get("truncated") and not teaser.get("blurb_full"):
            target = canonicalize(teaser["url"], record["url"])
            found = full_blurb(teaser.get("blurb"), texts.get(target or "", ()))
            if found is not None:
                teaser = _with_blurb_full(teaser, found)
        teasers.append(teaser)
    return {**record, "teasers": teasers}


def _with_blurb_full(teaser: Mapping[str, Any], full: str) -> dict[str, Any]:
    # The same key order as Teaser.to_dict: blurb_full closes the teaser.
    out = {k: v for k, v in teaser.items() if k != "blurb_full"}
    out["blurb_full"] = full
    return out


def page_keys(record: Record, *urls: str | None) -> tuple[str, ...]:
    """Every canonical URL a teaser elsewhere may name a page by: its own and ``urls``."""
    keys = (canonicalize(u) for u in (record.url, *urls) if u)
    return tuple(dict.fromkeys(k for k in keys if k))


def _waiting(record: Record) -> Iterator[tuple[Teaser, str]]:
    """A record's teasers that wait for their target's text, with the target's canonical URL."""
    for teaser in record.teasers:
        if wants_full(teaser.truncated, teaser.blurb, teaser.blurb_full):
            target = canonicalize(teaser.url, record.url)
            if target is not None:
                yield teaser, target


class TeaserBlurbs:
    """``blurb_full`` over a sequence of records read twice in the same order (``extract``'s two
    passes), holding only blurbs that wait for a page and the full texts found for them.

    First pass, per record: ``offer`` (its texts, to the blurbs already waiting for it), then
    ``want`` (its own truncated blurbs). Second pass, per record: ``offer`` again (to blurbs
    named after the page was first read), then ``resolve``. A teaser before its target is
    matched in the first pass; one after it in the second, before its record is yielded,
    since the order is the same. No page's texts are kept, only the matches.
    """

    def __init__(self) -> None:
        self._waiting: dict[str, set[str]] = {}  # target URL -> blurbs not yet tried on it
        self._found: dict[tuple[str, str], str] = {}  # (target URL, blurb) -> its full text

    def want(self, record: Record) -> None:
        for teaser, target in _waiting(record):
            assert teaser.blurb is not None  # wants_full
            if (target, teaser.blurb) not in self._found:
                self._waiting.setdefault(target, set()).add(teaser.blurb)

    def offer(self, record: Record) -> None:
        texts: tuple[str, ...] | None = None
        for key in page_keys(record, record.requested_url, record.canonical_url):
            blurbs = self._waiting.pop(key, None)
            if not blurbs:
                continue
            if texts is None:
                texts = full_texts(record)
            for blurb in blurbs:  # each tried once: the page's texts do not change
                found = full_blurb(blurb, texts)
                if found is not None:
                    self._found[(key, blurb)] = found

    def resolve(self, record: Record) -> Record:
        full: dict[int, str] = {}
        for teaser, target in _waiting(record):
            found = self._found.get((target, teaser.blurb or ""))
            if found is not None:
                full[id(teaser)] = found
        if not full:
            return record
        teasers = tuple(
            replace(t, blurb_full=full[id(t)]) if id(t) in full else t for t in record.teasers
        )
        return replace(record, teasers=teasers)

    def __len__(self) -> int:
        """Blurbs held: those waiting for a page, and the full texts found."""
        return sum(len(b) for b in self._waiting.values()) + len(self._found)
