"""A host's month/day order: each page's unambiguous numeric dates as evidence, and the verdict."""

from __future__ import annotations

import re
from collections.abc import Iterator

from extractor.models import Record
from extractor.parse.dates import infer_order

# Two numbers up to 12 and a year: "03/04/2025" reads as either month first or day first.
_AMBIGUOUS_RE = re.compile(r"(?<![\d.])(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?![\d])")


def date_texts(record: Record) -> Iterator[str]:
    """The dates a page prints: its own and its teasers'."""
    for text in (record.published_text, record.modified_text):
        if text:
            yield text
    for teaser in record.teasers:
        if teaser.date_text:
            yield teaser.date_text


def page_order(record: Record) -> str | None:
    """The order the page's own dates settle ("MD" or "DM"), or None when they do not."""
    return infer_order(date_texts(record))


def has_ambiguous_dates(record: Record) -> bool:
    """Whether the page prints a numeric date its own dates cannot settle (03/04/2025)."""
    for text in date_texts(record):
        for m in _AMBIGUOUS_RE.finditer(text):
            a, b = int(m[1]), int(m[2])
            if a != b and 1 <= a <= 12 and 1 <= b <= 12:
                return True
    return False


def site_order(md: int, dm: int) -> str | None:
    """The host's order: the side more of its pages settle; None while they are even."""
    if md == dm:
        return None
    return "MD" if md > dm else "DM"


def needs_reparse(record: Record, used: str | None, learned: str | None) -> bool:
    """Whether a page read with order ``used`` must be read again with the host's ``learned``."""
    if learned is None or learned == used:
        return False
    return page_order(record) is None and has_ambiguous_dates(record)
