"""Dates as pages print them: finding, parsing, day/month order, machine values; never a clock."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime

from extractor.errors import ConfigError
from extractor.parse.absolute_dates import (
    _absolute,
)
from extractor.parse.date_fallback import (
    _dateparser_languages,
    _fallback,
    _fallback_in_segments,
    _has_foreign_letters,
)
from extractor.parse.date_patterns import (
    _AGO_AFTER_RE,
    _AGO_BEFORE_RE,
    _APART_END_RE,
    _COMPACT_RE,
    _DM_RE,
    _MD_RE,
    _NUMERIC_RE,
    ParsedDate,
    _Cues,
    _cues,
    _Options,
)
from extractor.parse.machine_dates import is_after, machine_value, rfc2822
from extractor.parse.relative_dates import (
    _age,
    _clocks,
    _day_words,
    _no_year,
    _weekdays,
)

__all__ = [
    "ParsedDate",
    "find_date",
    "infer_order",
    "is_after",
    "parse_date",
    "to_iso_datetime",
]


# --- finding and parsing ----------------------------------------------------------------------


def find_date(
    text: str,
    *,
    order: str | None = None,
    reference: datetime | None = None,
    page_date: date | None = None,
    languages: Sequence[str] | None = None,
) -> ParsedDate | None:
    """The first date inside a short line; `.text` is only the date part.

    Counts, durations and prose are rejected. dateparser is asked only about a day, a word and a
    year (a month name the patterns don't know), and, when ``languages`` names a language they
    don't read, about short numbered phrases ("3 дня назад").
    """
    cues = _cues(text)
    if cues is None:
        return None
    opts = _options(order, reference, page_date, languages)
    found = next(_scan(text, cues, opts, whole=False), None)
    if found is not None or not cues.digit:
        return found
    return _fallback_in_segments(text, opts)


def parse_date(
    text: str,
    *,
    order: str | None = None,
    reference: datetime | None = None,
    page_date: date | None = None,
    languages: Sequence[str] | None = None,
) -> ParsedDate | None:
    """The date a date slot holds (a teaser's date text, a byline): like `find_date`, but a bare
    time of day counts, and dateparser reads the whole text when the patterns cannot."""
    stripped = text.strip()
    cues = _cues(stripped)
    if cues is None and not _has_foreign_letters(stripped):
        return None
    opts = _options(order, reference, page_date, languages)
    if cues is not None:
        found = next(_scan(stripped, cues, opts, whole=True), None)
        if found is not None:
            return found
    if len(stripped) > 80:
        return None
    found = _fallback(stripped, opts)
    if found is None and cues is not None and cues.digit:
        # "Opublikowano: 16 listopada 2016": the date may be one part of a labelled line.
        return _fallback_in_segments(stripped, opts)
    return found


def _options(
    order: str | None,
    reference: datetime | None,
    page_date: date | None,
    languages: Sequence[str] | None,
) -> _Options:
    if order not in (None, "MD", "DM"):
        raise ConfigError(f"date order must be 'MD' or 'DM', not {order!r}")
    if order is None and languages and languages[0].split("-")[0].lower() in _DAY_FIRST:
        order = "DM"  # "08/01/2014" on a Spanish page is the 8th of January
    return _Options(order, reference, page_date, _dateparser_languages(languages))


# Languages whose numeric dates put the day first (English does either, by country).
_DAY_FIRST = frozenset(
    (
        "de", "fr", "es", "it", "pt", "nl", "ca", "ru", "uk", "pl", "cs", "sk", "sl", "hr",
        "sr", "bg", "ro", "el", "tr", "da", "sv", "nb", "nn", "no", "fi", "et", "lv", "lt",
        "is", "ga", "cy", "id", "ms", "vi", "ar", "he",
    )
)  # fmt: skip


def _scan(text: str, cues: _Cues, opts: _Options, *, whole: bool) -> Iterator[ParsedDate]:
    """Every date the fast patterns read, strongest shapes first."""
    if cues.digit:
        yield from _absolute(text, cues, opts.order)
    if cues.ago:
        for regex in (_AGO_AFTER_RE, _AGO_BEFORE_RE):
            for m in regex.finditer(text):
                yield from _age(m.group().strip(), m["num"], m["unit"], opts.reference)
    if cues.day_word:
        yield from _day_words(text, opts.reference, opts.languages)
    if cues.digit and cues.month:
        for regex in (_MD_RE, _DM_RE):
            for m in regex.finditer(text):
                yield from _no_year(text, m, opts.page_date)
    if cues.weekday:
        yield from _weekdays(text, opts.reference)
    if cues.compact:
        for m in _COMPACT_RE.finditer(text):
            if _APART_END_RE.match(text, m.end()):
                yield from _age(text[m.start("num") : m.end()], m["num"], m["unit"], opts.reference)
    if cues.clock:
        yield from _clocks(text, opts.reference, whole=whole)


# --- order, machine values, comparison --------------------------------------------------------


def infer_order(texts: Iterable[str]) -> str | None:
    """ "MD" or "DM": the majority of numeric dates with a part above 12; a tie says None."""
    md = dm = 0
    for text in texts:
        for m in _NUMERIC_RE.finditer(text):
            a, b = int(m["a"]), int(m["b"])
            if a > 12 >= b:
                dm += 1
            elif b > 12 >= a:
                md += 1
    if md == dm:
        return None
    return "MD" if md > dm else "DM"


def to_iso_datetime(value: str) -> str | None:
    """An RFC 3339 datetime (or a bare ISO date when no zone is known) from a machine date value.

    Reads ISO 8601 variants, RFC 2822, epoch seconds or milliseconds, and human dates that need
    no guessing ("November 20, 2019"); never dateparser.
    """
    text = value.strip()
    if not text or len(text) > 100:
        return None
    machine, found = machine_value(text)
    if machine:
        return found
    # RFC 2822 drops zones it doesn't know ("GMT+0100 (CET)" from JavaScript); the patterns
    # may still read them.
    cues = _cues(text)
    if cues is not None and cues.digit:
        found = next((d.iso for d in _absolute(text, cues, None) if d.iso), None)
    if found is None:
        parsed = rfc2822(text)
        return parsed.date().isoformat() if parsed is not None else None
    return found
