"""Scores of extracted text and metadata: Zyte's shingle metric for bodies, token F1 for fields.

The body metric re-implements the article-body evaluation of Zyte's article-extraction
benchmark: ``\\w+`` tokens (Unicode, lower-cased, composed), 4-gram shingles, per-page true/false
positives and false negatives counted over shingle multisets, each page's three counts divided
by their sum so that every page weighs the same, and precision and recall taken over the sums of
those normalised counts. Nothing here imports a peer library or touches the disk.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = [
    "BodyCounts",
    "BodyScore",
    "body_counts",
    "body_score",
    "close",
    "collapse",
    "date_part",
    "rate",
    "same_date",
    "shingles",
    "token_f1",
    "tokens",
]

SHINGLE = 4
CLOSE = 0.8
_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def tokens(text: str | None) -> list[str]:
    """The lower-cased ``\\w+`` tokens of a text (Unicode word characters, as Zyte's metric).

    Read in Unicode's composed form (NFC): a page that spells "é" as "e" and a combining accent
    would split every such word in two (the accent is no word character), and a tool that
    writes the same text composed would lose every shingle around it.
    """
    if not text:
        return []
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return _WORD.findall(text.lower())


def shingles(text: str | None, size: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """The multiset of ``size``-token shingles; a shorter text is one shingle of all its tokens."""
    words = tokens(text)
    if not words:
        return Counter()
    if len(words) < size:
        return Counter([tuple(words)])
    return Counter(tuple(words[i : i + size]) for i in range(len(words) - size + 1))


@dataclass(frozen=True, slots=True)
class BodyCounts:
    """One page's shingle counts, raw and divided by their sum (tp_n + fp_n + fn_n == 1)."""

    tp: int
    fp: int
    fn: int

    @property
    def total(self) -> int:
        return self.tp + self.fp + self.fn

    @property
    def normalised(self) -> tuple[float, float, float]:
        # Both texts empty: the extractor was right to find nothing, so the page is perfect.
        if self.total == 0:
            return (1.0, 0.0, 0.0)
        return (self.tp / self.total, self.fp / self.total, self.fn / self.total)

    @property
    def f1(self) -> float:
        """This page's own F1 (2tp / (2tp + fp + fn)); only for finding bad pages, not averaged."""
        if self.total == 0:
            return 1.0
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn)


def body_counts(truth: str | None, predicted: str | None) -> BodyCounts:
    """Shingle tp/fp/fn of one page, the multisets intersected as Counters."""
    expected = shingles(truth)
    found = shingles(predicted)
    tp = sum((expected & found).values())
    return BodyCounts(
        tp=tp,
        fp=sum(found.values()) - tp,
        fn=sum(expected.values()) - tp,
    )


@dataclass(frozen=True, slots=True)
class BodyScore:
    """Precision, recall and F1 over a set of pages, each page weighing the same."""

    pages: int
    precision: float
    recall: float
    f1: float


def body_score(pages: Iterable[BodyCounts]) -> BodyScore | None:
    """Zyte's aggregate: sums of the per-page normalised counts, then F1 of P and R.

    None for no pages at all, so an empty split prints as a dash instead of a fake zero.
    """
    count = 0
    tp_sum = fp_sum = fn_sum = 0.0
    for page in pages:
        tp_n, fp_n, fn_n = page.normalised
        tp_sum += tp_n
        fp_sum += fp_n
        fn_sum += fn_n
        count += 1
    if count == 0:
        return None
    precision = _ratio(tp_sum, tp_sum + fp_sum)
    recall = _ratio(tp_sum, tp_sum + fn_sum)
    f1 = _ratio(2 * precision * recall, precision + recall)
    return BodyScore(pages=count, precision=precision, recall=recall, f1=f1)


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def token_f1(expected: str | None, predicted: str | None) -> float:
    """F1 of the case-folded ``\\w+`` token multisets of two short strings (titles, bylines)."""
    want = Counter(_WORD.findall(expected.casefold())) if expected else Counter()
    got = Counter(_WORD.findall(predicted.casefold())) if predicted else Counter()
    if not want and not got:
        return 1.0
    common = sum((want & got).values())
    if common == 0:
        return 0.0
    precision = common / sum(got.values())
    recall = common / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def close(expected: str | None, predicted: str | None, threshold: float = CLOSE) -> bool:
    """Whether a title or byline is close enough to the expected one (token F1 >= 0.8)."""
    return token_f1(expected, predicted) >= threshold


def date_part(value: str | None) -> str | None:
    """The ``YYYY-MM-DD`` an ISO 8601 date or timestamp starts with, as written (no zone shift)."""
    if not value:
        return None
    match = _ISO_DATE.match(value.strip())
    return "-".join(match.groups()) if match else None


def same_date(expected: str | None, predicted: str | None) -> bool:
    """Whether a predicted date names the same calendar day as the expected ``publishedTime``."""
    want = date_part(expected)
    return want is not None and want == date_part(predicted)


def collapse(text: str | None) -> str:
    """A text with its whitespace runs collapsed to single spaces and the ends stripped."""
    return _SPACE.sub(" ", text).strip() if text else ""


def rate(hits: Sequence[bool]) -> float | None:
    """The share of True in a list, or None when the list is empty."""
    return sum(hits) / len(hits) if hits else None
