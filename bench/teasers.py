"""Teaser, headline and section-heading scores of extractor against the hand-made teaser labels.

Run by ``make bench-teasers`` (``python -m bench.teasers``); needs only extractor, no peer.
The labels and their rules are in ``teaser-labels/README.md`` beside the page sets.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

from bench.metrics import close, collapse, rate, token_f1
from bench.pages import (
    KNOWN_SETS,
    READABILITY_URL,
    SPLITS,
    Page,
    benchmarks_dir,
    load_pages,
    read_jsonl,
    split_of,
)
from bench.report import fmt, render, write_report
from bench.tools import NOW
from extractor.errors import ConfigError
from extractor.models import Record, Teaser

__all__ = [
    "BLURB_F1",
    "PageScore",
    "blurb_ok",
    "date_consistent",
    "load_labels",
    "match_teasers",
    "score_page",
    "summarise",
    "url_key",
]

OUT = Path(__file__).resolve().parent / "out" / "teasers.json"
BLURB_F1 = 0.9


def url_key(url: str, base: str | None = None) -> str:
    """A teaser URL for matching: absolute, no fragment, lower-case scheme and host, no final slash.

    Dropping the final slash makes ``/a/`` and ``/a`` the same teaser; the query stays, because on
    some sites (``news_view.html?idx=…``) it is what names the article.
    """
    absolute = urljoin(base, url.strip()) if base else url.strip()
    parts = urlsplit(absolute)
    cleaned = urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path, parts.query, ""))
    return cleaned.rstrip("/")


def _text_key(text: str | None) -> str | None:
    return _nfc(collapse(text)).casefold() or None if text else None


def _nfc(text: str) -> str:
    # A few labels keep the page's decomposed accents ("E" + U+0301) where a record has them
    # composed ("É"); both spell the same text, and \w+ tokens would split the decomposed one.
    return unicodedata.normalize("NFC", text)


def blurb_ok(expected: str | None, found: str | None) -> bool:
    """Blurbs agree when both are absent, equal once whitespace is collapsed, or token F1 >= 0.9.

    Both sides are compared in Unicode's composed form (NFC).
    """
    if not expected and not found:
        return True
    if not expected or not found:
        return False
    expected, found = _nfc(expected), _nfc(found)
    return collapse(expected) == collapse(found) or token_f1(expected, found) >= BLURB_F1


_AGE_RE = re.compile(
    r"(?P<num>\d+)\s*(?P<unit>minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|months?|mo|years?|y)"
    r"\b",
    re.IGNORECASE,
)
_UNIT_DAYS = {"m": 1 / 1440, "h": 1 / 24, "d": 1, "w": 7, "mo": 31, "y": 366}
_CLOCK_RE = re.compile(r"^\s*\d{1,2}:\d{2}\s*([ap]\.?m\.?)?\s*$", re.IGNORECASE)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_DAY_RE = re.compile(r"\b(?P<month>[a-z]{3})[a-z]*\.?\s+(?P<day>\d{1,2})\b", re.IGNORECASE)
_NUMERIC_RE = re.compile(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{2}|\d{4})\b")


def _unit_days(unit: str) -> float:
    unit = unit.lower()
    if unit.startswith("mo"):
        return _UNIT_DAYS["mo"]
    return _UNIT_DAYS[unit[0]]


def date_consistent(
    shown: str | None, expected: str | None, found: str | None, now: datetime
) -> bool:
    """Whether a teaser's ISO date agrees with its label, reading what the label leaves open.

    The labels give ``date_iso`` only for dates a reader can place without the fetch time or the
    page's date; the issue asks the extractor to resolve the others against them. Here the bench's
    ``now`` is the fetch time, so: an age ("13 hours ago", "14h") must land between now minus the
    age (one day of slack for rounding and zones) and now; a bare clock time or a weekday may be
    resolved (to now's day or the day before / the last such weekday) or left empty; a day without
    a year may be resolved to any year with that month and day, or left empty; an ambiguous numeric
    date may be left empty or read in either order (the page's other dates may settle it).
    """
    if expected is not None or not shown:
        return expected == found
    day = date.fromisoformat(found[:10]) if found else None
    today = now.date()
    if m := _AGE_RE.search(shown):
        if day is None:
            return False
        age = int(m["num"]) * _unit_days(m["unit"])
        earliest = today - timedelta(days=age + 1)
        return earliest <= day <= today
    if day is None:
        return True
    if _CLOCK_RE.match(shown):
        return today - timedelta(days=1) <= day <= today
    lowered = shown.casefold()
    weekday = next((i for i, name in enumerate(_WEEKDAYS) if name in lowered), None)
    if weekday is not None:
        return day.weekday() == weekday and today - timedelta(days=7) <= day <= today
    if m := _NUMERIC_RE.search(shown):
        year = int(m["year"]) + (2000 if len(m["year"]) == 2 else 0)
        a, b = int(m["a"]), int(m["b"])
        return (day.year, day.month, day.day) in ((year, a, b), (year, b, a))
    if m := _MONTH_DAY_RE.search(shown):
        month = m["month"].casefold()
        return month in _MONTHS and (day.month, day.day) == (
            _MONTHS.index(month) + 1,
            int(m["day"]),
        )
    return False


def same_label(expected: str | None, found: str | None) -> bool:
    """Block headings agree when both are absent or equal after collapse and case-fold."""
    return _text_key(expected) == _text_key(found)


def match_teasers(
    labels: Sequence[dict[str, Any]], found: Sequence[Teaser], base: str | None
) -> list[tuple[int, int]]:
    """One-to-one (label index, found index) pairs with the same URL key, in page order.

    A story can be labelled in two blocks; among labels with its URL a found teaser takes the
    one in the block of the same heading first, else the first one still free.
    """
    free: dict[str, list[int]] = {}
    for index, label in enumerate(labels):
        free.setdefault(url_key(label["url"], base), []).append(index)
    pairs = []
    for found_index, teaser in enumerate(found):
        candidates = free.get(url_key(teaser.url, base))
        if not candidates:
            continue
        chosen = next(
            (i for i in candidates if same_label(labels[i]["block"], teaser.block)), candidates[0]
        )
        candidates.remove(chosen)
        pairs.append((chosen, found_index))
    return pairs


@dataclass(frozen=True, slots=True)
class PageScore:
    """One labelled page: teaser counts, checks of matched teasers, headline, section headings."""

    key: str
    page_set: str
    split: str
    labelled: int
    found: int
    matched: int
    date_ok: tuple[bool, ...] = ()
    date_near_ok: tuple[bool, ...] = ()
    dated_ok: tuple[bool, ...] = ()
    title_ok: tuple[bool, ...] = ()
    blurb_ok: tuple[bool, ...] = ()
    truncated_ok: tuple[bool, ...] = ()
    block_ok: tuple[bool, ...] = ()
    headline_exact: bool = False
    headline_close: bool = False
    sections_tp: int = 0
    sections_fp: int = 0
    sections_fn: int = 0
    missed: tuple[str, ...] = field(default=())
    extra: tuple[str, ...] = field(default=())
    error: str | None = None

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.labelled if self.labelled else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_page(
    label: dict[str, Any], page_set: str, record: Record | None, error: str | None = None
) -> PageScore:
    """Compare one page's record with its labels (a failed page has no record: all missed)."""
    key = label["page"]
    base = label["url"] or READABILITY_URL
    labels: list[dict[str, Any]] = label["teasers"]
    found = list(record.teasers) if record else []
    pairs = match_teasers(labels, found, base)
    matched_labels = {i for i, _ in pairs}
    matched_found = {j for _, j in pairs}
    checks = [(labels[i], found[j]) for i, j in pairs]
    headings = [s.heading for s in record.sections if s.heading] if record else []
    want = Counter(_text_key(h) for h in label["section_headings"])
    got = Counter(_text_key(h) for h in headings)
    common = sum((want & got).values())
    headline = record.headline if record else None
    return PageScore(
        key=key,
        page_set=page_set,
        split=split_of(key),
        labelled=len(labels),
        found=len(found),
        matched=len(pairs),
        date_ok=tuple(expected["date_iso"] == teaser.date for expected, teaser in checks),
        date_near_ok=tuple(
            date_consistent(expected["date"], expected["date_iso"], teaser.date, NOW)
            for expected, teaser in checks
        ),
        dated_ok=tuple(
            expected["date_iso"] == teaser.date
            for expected, teaser in checks
            if expected["date_iso"]
        ),
        # Titles are compared like blurbs (both are always present on a matched teaser).
        title_ok=tuple(blurb_ok(expected["title"], teaser.title) for expected, teaser in checks),
        blurb_ok=tuple(blurb_ok(expected["blurb"], teaser.blurb) for expected, teaser in checks),
        # A label with no blurb has blurb_truncated null: our flag must then be False.
        truncated_ok=tuple(
            bool(expected["blurb_truncated"]) == teaser.truncated for expected, teaser in checks
        ),
        block_ok=tuple(same_label(expected["block"], teaser.block) for expected, teaser in checks),
        headline_exact=_text_key(label["headline"]) == _text_key(headline),
        headline_close=close(label["headline"], headline),
        sections_tp=common,
        sections_fp=sum(got.values()) - common,
        sections_fn=sum(want.values()) - common,
        missed=tuple(labels[i]["url"] for i in range(len(labels)) if i not in matched_labels),
        extra=tuple(found[j].url for j in range(len(found)) if j not in matched_found),
        error=error,
    )


def load_labels(path: Path) -> list[dict[str, Any]]:
    """The label lines of ``teasers.jsonl``, one dict per page."""
    return read_jsonl(path, "teaser labels")


def _pooled(scores: Iterable[PageScore], name: str) -> float | None:
    return rate([ok for score in scores for ok in getattr(score, name)])


def _prf(tp: int, fp: int, fn: int) -> tuple[float | None, float | None, float | None]:
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    if precision is None or recall is None:
        return precision, recall, None
    return (
        precision,
        recall,
        (2 * precision * recall / (precision + recall) if precision + recall else 0.0),
    )


def summarise(
    scores: Sequence[PageScore], page_sets: Sequence[str], splits: Sequence[str]
) -> list[dict[str, Any]]:
    """One row per page set and split: micro and macro teaser P/R/F1, field accuracies, headings."""
    rows = []
    for page_set in page_sets:
        for split in splits:
            picked = [
                s
                for s in scores
                if (page_set == "both" or s.page_set == page_set)
                and (split == "all" or s.split == split)
            ]
            if not picked:
                continue
            matched = sum(s.matched for s in picked)
            found = sum(s.found for s in picked)
            labelled = sum(s.labelled for s in picked)
            p, r, f1 = _prf(matched, found - matched, labelled - matched)
            sp, sr, sf1 = _prf(
                sum(s.sections_tp for s in picked),
                sum(s.sections_fp for s in picked),
                sum(s.sections_fn for s in picked),
            )
            rows.append(
                {
                    "set": page_set,
                    "split": split,
                    "pages": len(picked),
                    "labelled": labelled,
                    "found": found,
                    "matched": matched,
                    "precision": p,
                    "recall": r,
                    "f1": f1,
                    "macro_precision": sum(s.precision for s in picked) / len(picked),
                    "macro_recall": sum(s.recall for s in picked) / len(picked),
                    "macro_f1": sum(s.f1 for s in picked) / len(picked),
                    "date": _pooled(picked, "date_ok"),
                    "date_consistent": _pooled(picked, "date_near_ok"),
                    "date_labelled": _pooled(picked, "dated_ok"),
                    "title": _pooled(picked, "title_ok"),
                    "blurb": _pooled(picked, "blurb_ok"),
                    "truncated": _pooled(picked, "truncated_ok"),
                    "block": _pooled(picked, "block_ok"),
                    "headline": rate([s.headline_exact for s in picked]),
                    "headline_close": rate([s.headline_close for s in picked]),
                    "sections_precision": sp,
                    "sections_recall": sr,
                    "sections_f1": sf1,
                    "errors": sum(1 for s in picked if s.error),
                }
            )
    return rows


def tables(rows: Sequence[dict[str, Any]]) -> str:
    teaser_headers = [
        "set",
        "split",
        "pages",
        "labels",
        "found",
        "match",
        "P",
        "R",
        "F1",
        "macro P",
        "macro R",
        "macro F1",
        "date",
        "date≈",
        "date*",
        "title",
        "blurb",
        "trunc",
        "block",
        "errors",
    ]
    teaser_cells = [
        [
            row["set"],
            row["split"],
            fmt(row["pages"]),
            fmt(row["labelled"]),
            fmt(row["found"]),
            fmt(row["matched"]),
        ]
        + [
            fmt(row[name])
            for name in ("precision", "recall", "f1", "macro_precision", "macro_recall", "macro_f1")
        ]
        + [
            fmt(row[name], 2)
            for name in (
                "date",
                "date_consistent",
                "date_labelled",
                "title",
                "blurb",
                "truncated",
                "block",
            )
        ]
        + [fmt(row["errors"])]
        for row in rows
    ]
    page_headers = [
        "set",
        "split",
        "pages",
        "headline",
        "headline≈",
        "sections P",
        "sections R",
        "sections F1",
    ]
    page_cells = [
        [
            row["set"],
            row["split"],
            fmt(row["pages"]),
            fmt(row["headline"], 2),
            fmt(row["headline_close"], 2),
            fmt(row["sections_precision"]),
            fmt(row["sections_recall"]),
            fmt(row["sections_f1"]),
        ]
        for row in rows
    ]
    return (
        "Teasers (matched by URL; date = equal to the label's date_iso; date≈ = equal, or "
        "consistent with a relative, clock, weekday, no-year or ambiguous label text read against "
        "the bench's fetch time; date* = only labels with a date_iso)\n"
        + render(teaser_headers, teaser_cells)
        + "\n\nHeadline and section headings\n"
        + render(page_headers, page_cells)
    )


def run(labels: Sequence[dict[str, Any]], pages: dict[str, Page]) -> list[PageScore]:
    """Extract every labelled page with extractor and score it."""
    from extractor.pipeline import extract

    scores = []
    for label in labels:
        page = pages.get(label["page"])
        if page is None:
            raise ConfigError(f"labelled page {label['page']} is not in the page sets")
        try:
            record = extract(page.html(), label["url"] or READABILITY_URL, now=NOW)
        # The parser may fail on a page; the failure is reported, and its labels count as missed.
        except Exception as exc:  # noqa: BLE001
            scores.append(score_page(label, page.page_set, None, f"{type(exc).__name__}: {exc}"))
            continue
        scores.append(score_page(label, page.page_set, record))
    return scores


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.teasers", description=__doc__)
    parser.add_argument(
        "--data",
        default=None,
        help="folder with the page sets and teaser-labels/ "
        "(default: $EXTRACTOR_BENCHMARKS, else ../shared/benchmarks)",
    )
    parser.add_argument(
        "--labels",
        type=Path,
        default=None,
        help="teasers.jsonl (default: DATA/teaser-labels/teasers.jsonl)",
    )
    parser.add_argument("--split", default="all", choices=SPLITS)
    parser.add_argument("--limit", type=int, default=None, help="at most N labelled pages")
    parser.add_argument("--out", type=Path, default=OUT, help=f"JSON report (default: {OUT})")
    args = parser.parse_args(argv)
    try:
        root = benchmarks_dir(args.data)
        labels = load_labels(args.labels or root / "teaser-labels" / "teasers.jsonl")
        # Only the sets the labels name: the newspaper4k pages are fetched on demand.
        named = [
            name for name in KNOWN_SETS if any(lab["page"].startswith(f"{name}/") for lab in labels)
        ]
        pages = {page.key: page for page in load_pages(root, named)}
    except ConfigError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 2
    labels = [lab for lab in labels if args.split == "all" or split_of(lab["page"]) == args.split]
    labels = labels[: args.limit] if args.limit is not None else labels
    try:
        scores = run(labels, pages)
    except ConfigError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 2
    splits = ["dev", "held-out", "all"] if args.split == "all" else [args.split]
    rows = summarise(scores, [*named, "both"], splits)
    print(tables(rows))
    for score in scores:
        if score.error:
            print(f"error: {score.key}: {score.error}", file=sys.stderr)
    write_report(
        args.out,
        "teasers",
        argv,
        root,
        {"rows": rows, "pages": [asdict(score) for score in scores]},
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
