"""Dates as pages print them: finding, parsing, day/month order, machine values; never a clock."""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import dateparser
from dateparser.data.languages_info import language_order

from extractor.errors import ConfigError

__all__ = [
    "ParsedDate",
    "find_date",
    "infer_order",
    "is_after",
    "parse_date",
    "to_iso_datetime",
]


@dataclass(frozen=True, slots=True)
class ParsedDate:
    """A date read from text: the date part as displayed and its ISO value when it can be known.

    ``iso`` is YYYY-MM-DD, or RFC 3339 when the text fixes a time of day in a known zone (an age
    in hours against an aware reference counts). It is None when the date cannot be placed: an
    age without a reference, a day without a year or page date, or a numeric date whose day/month
    order is unknown (then ``ambiguous``). ``has_time`` says the text gives a time of day, even
    when its zone is unknown and ``iso`` keeps only the day.
    """

    text: str
    iso: str | None
    ambiguous: bool = False
    relative: bool = False
    has_time: bool = False

    @property
    def day(self) -> date | None:
        """The calendar day of ``iso``, in the offset ``iso`` is written in."""
        return date.fromisoformat(self.iso[:10]) if self.iso else None


# --- vocabulary -------------------------------------------------------------------------------


def _load_vocabulary() -> dict[str, Any]:
    with (Path(__file__).with_name("vocab") / "dates.toml").open("rb") as file:
        return tomllib.load(file)


_V = _load_vocabulary()
_MONTHS: dict[str, int] = {w: int(n) for n, words in _V["months"].items() for w in words}
_NEVER_ALONE = frozenset(_V["months_wordlike"]["never_alone"])
_CAPITALIZED_ALONE = frozenset(_V["months_wordlike"]["capitalized_alone"])
_FULL_WEEKDAYS: dict[str, int] = {
    w: int(n) for n, words in _V["weekdays"]["full"].items() for w in words
}
_WEEKDAYS: dict[str, int] = _FULL_WEEKDAYS | {
    w: int(n) for n, words in _V["weekdays"]["short"].items() for w in words
}
_UNITS: dict[str, str] = {w: key for key, words in _V["units"].items() for w in words}
_ONE_WORDS = frozenset(_V["relative"]["one"])
_DAY_WORDS: dict[str, int] = {w: int(n) for n, words in _V["days_back"].items() for w in words}
_NOW_WORDS = frozenset(_V["moments"]["now"])
_SHARED_DAY_WORDS: dict[str, str] = _V["days_back_shared"]
_ZONES: dict[str, str] = _V["zones"]
# Languages the patterns above read; dateparser is only worth its cost for the others.
_FAST_LANGUAGES = frozenset(("en", "de", "fr", "es", "pt", "it", "nl"))
_DATEPARSER_LANGUAGES = frozenset(language_order)


def _alternation(words: Iterable[str]) -> str:
    # Longest first, so "sept" wins over "sep" and "märz" over "mär".
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


_LB = r"(?<![^\W\d_])"  # no letter right before
_LA = r"(?![^\W\d_])"  # no letter right after
_I = re.IGNORECASE

_LEAD_ONLY = [w for words in _V["weekdays"]["lead"].values() for w in words]
_MONTH = rf"{_LB}(?P<month>{_alternation(_MONTHS)}){_LA}\.?"
# Two-letter weekdays ("Do", "di") are words too: they lead a date only with their dot or comma.
_WEEKDAY_LEAD = (
    rf"(?:{_LB}(?:(?:{_alternation(_WEEKDAYS)}){_LA}\.?,?"
    rf"|(?:{_alternation(_LEAD_ONLY)}){_LA}(?:\.,?|,))\s+)?"
)
_ORDINAL = r"(?:st|nd|rd|th|er|e|º|°|\.)?"
_DAY = r"(?<!\d)(?P<day>[0-3]?\d)"
_YEAR = r"(?P<year>[12]\d{3})(?!\d)"
_NUM = rf"(?P<num>(?<![\d.,])\d{{1,3}}|{_LB}(?:{_alternation(_ONE_WORDS)}){_LA})"
_UNIT = rf"(?P<unit>{_alternation(_UNITS)}){_LA}\.?"
_HEDGE = rf"(?:(?:{_alternation(_V['relative']['hedges'])})\s*)?"
_LABEL = rf"(?P<label>(?:{_alternation(_V['labels']['words'])}){_LA}\s*:?\s*)?"
# Zone words are matched in capitals only: "10:00 et 12:00" is French, not Eastern Time.
_ZONE_WORDS = "|".join(sorted((z.upper() for z in _ZONES), key=lambda z: (-len(z), z)))
_TIME = (
    r"(?<![\d:.,])(?P<hour>[01]?\d|2[0-3])"
    r"(?:(?P<sep>[:h.])(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?)?(?![\d:])"
    rf"(?:\s*(?P<ampm>[ap])\.?\s?m\.?{_LA})?"
    rf"(?:\s*(?P<suffix>{_alternation(_V['times']['suffixes'])}){_LA})?"
    r"(?:\s?(?P<offset>(?-i:GMT|UTC)\s*[+-]\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2})(?!\d)"
    rf"|\s*(?P<zone>(?-i:{_ZONE_WORDS})){_LA})?"
)
_GAP = r"\s*(?:[,|·•–—/-]\s*)?"
_JOINER = rf"(?P<joiner>(?:{_alternation(_V['times']['joiners'])}){_LA}\s*)?"
_TIME_AFTER_RE = re.compile(rf"{_GAP}{_JOINER}{_TIME}", _I)
_TIME_BEFORE_RE = re.compile(rf"{_TIME}{_GAP}(?:(?:on|am|le|el|il|op)\s+)?$", _I)

# The cheap gate every text passes first: which kinds of date it could hold, from what follows
# its digits and from its words; a text with no digit and no date word holds none.
_DIGIT_RE = re.compile(r"\d")
_AFTER_DIGIT_RE = re.compile(r"\d(\D)")
_AMPM_RE = re.compile(r"\d\s?[ap]\.?m", _I)
_WORD_RE = re.compile(r"[^\W\d_]+")
_MONTH_TOKENS = frozenset(_MONTHS)
_AGO_TOKENS = frozenset(p.split()[0] for p in _V["relative"]["before"] + _V["relative"]["after"])
_DAY_TOKENS = frozenset(t for w in [*_DAY_WORDS, *_NOW_WORDS] for t in _WORD_RE.findall(w))
_WEEKDAY_TOKENS = frozenset(t for w in _WEEKDAYS for t in _WORD_RE.findall(w))
_CUE_TOKENS = _MONTH_TOKENS | _AGO_TOKENS | _DAY_TOKENS | _WEEKDAY_TOKENS


class _Cues(NamedTuple):
    """What a text could hold, so the scan runs only the patterns that can match.

    A NamedTuple, not a frozen dataclass: it is built for every text node of a page, and a
    frozen dataclass pays an ``object.__setattr__`` per field.
    """

    digit: bool
    numeric: bool  # a digit before "/", "." or "-": 5/1/2026, 2019-11-20
    cjk: bool  # 2013年
    clock: bool  # 14:48, 10h55, 10 PM
    compact: bool  # 14h, 52m
    month: bool
    ago: bool
    day_word: bool
    weekday: bool


def _cues(text: str) -> _Cues | None:
    digit = _DIGIT_RE.search(text) is not None
    words = _CUE_TOKENS.intersection(_WORD_RE.findall(text.casefold()))
    if not digit and not words:
        return None
    after = frozenset(_AFTER_DIGIT_RE.findall(text)) if digit else frozenset()
    return _Cues(
        digit,
        not after.isdisjoint("/.-"),
        not after.isdisjoint("年년"),
        not after.isdisjoint(":hH.") or (digit and _AMPM_RE.search(text) is not None),
        not after.isdisjoint("mhdwyMHDWY"),
        not _MONTH_TOKENS.isdisjoint(words),
        not _AGO_TOKENS.isdisjoint(words),
        not _DAY_TOKENS.isdisjoint(words),
        not _WEEKDAY_TOKENS.isdisjoint(words),
    )


_ISO_DATETIME_RE = re.compile(
    r"(?<!\d)\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?"
    r"\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?(?!\d)"
)
_CJK_RE = re.compile(
    r"(?P<year>\d{4})\s*[年년]\s*(?P<month>\d{1,2})\s*[月월]\s*(?P<day>\d{1,2})\s*[日일]?"
)
_MDY_RE = re.compile(
    rf"{_WEEKDAY_LEAD}{_MONTH}\s*(?<!\d)(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)\s*,?\s*{_YEAR}",
    _I,
)
_DMY_RE = re.compile(
    rf"{_WEEKDAY_LEAD}{_DAY}{_ORDINAL}[\s./-]*(?:de\s+|of\s+)?{_MONTH}[\s,./-]*"
    rf"(?:de\s+|del\s+)?{_YEAR}",
    _I,
)
_YMD_RE = re.compile(
    r"(?<![\d.,/:-])(?P<year>[12]\d{3})(?P<sep>[/.-])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})"
    r"(?!\d)(?![/.:-]\d)"
)
_NUMERIC_RE = re.compile(
    r"(?<![\d.,/:-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})"
    r"(?!\d)(?![/.:-]\d)"
)
_AGO_AFTER_RE = re.compile(
    rf"{_HEDGE}{_NUM}\s*{_UNIT}\s+(?:{_alternation(_V['relative']['after'])}){_LA}", _I
)
_AGO_BEFORE_RE = re.compile(
    rf"{_LB}(?:{_alternation(_V['relative']['before'])})\s+{_HEDGE}{_NUM}\s*{_UNIT}", _I
)
# Words, weekdays, compact ages ("14h") and bare times count only when they stand apart from
# prose, so "Subscribe today", "Cyber Monday deals" or "5m views" are no dates.
_APART_START = rf"(?:^|(?<=[·•|–—:,])|(?<=\s-))\s*{_LABEL}"
_APART_END_RE = re.compile(r"\s*(?:$|[·•|–—,]|-\s)")
_DAY_WORD_RE = re.compile(
    rf"{_APART_START}(?P<word>{_alternation([*_DAY_WORDS, *_NOW_WORDS])}){_LA}", _I
)
_MD_RE = re.compile(
    rf"{_WEEKDAY_LEAD}{_MONTH}\s*(?<!\d)(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])", _I
)
_DM_RE = re.compile(rf"{_WEEKDAY_LEAD}{_DAY}{_ORDINAL}\s*(?:de\s+|of\s+)?{_MONTH}(?!\s*\d)", _I)
_WEEKDAY_RE = re.compile(rf"{_APART_START}(?P<weekday>{_alternation(_WEEKDAYS)}){_LA}\.?,?", _I)
# Only the glued form ("14h"): "5 min" on its own is a reading time far more often than an age,
# and "90s" is a decade.
_COMPACT_RE = re.compile(rf"{_APART_START}(?P<num>\d{{1,3}})(?P<unit>mo|[mhdwy]){_LA}", _I)
_CLOCK_RE = re.compile(rf"{_APART_START}{_JOINER}{_TIME}", _I)
_SEGMENT_RE = re.compile(r"\s*(?:[|·•–—]|:\s|\s-\s)\s*")


@dataclass(frozen=True, slots=True)
class _Options:
    """What a text is read against: day/month order, fetch time, page date, page languages."""

    order: str | None
    reference: datetime | None
    page_date: date | None
    languages: tuple[str, ...] | None


@dataclass(frozen=True, slots=True)
class _Clock:
    """A time of day read next to (or instead of) a date."""

    at: time
    zone: tzinfo | None
    marked: bool  # "PM", a zone, "10h55" or "Uhr": a time of day, not a video's length


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
    return _Options(order, reference, page_date, _dateparser_languages(languages))


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


def _absolute(text: str, cues: _Cues, order: str | None) -> Iterator[ParsedDate]:
    if cues.numeric:
        for m in _ISO_DATETIME_RE.finditer(text):
            iso = to_iso_datetime(m.group())
            if iso is not None:
                yield ParsedDate(m.group().strip(), iso, has_time=True)
    if cues.cjk:
        for m in _CJK_RE.finditer(text):
            yield from _dated(text, m, int(m["year"]), int(m["month"]), int(m["day"]))
    if cues.month:
        for regex in (_MDY_RE, _DMY_RE):
            for m in regex.finditer(text):
                month = _MONTHS[m["month"].casefold()]
                yield from _dated(text, m, int(m["year"]), month, int(m["day"]))
    if cues.numeric:
        for m in _YMD_RE.finditer(text):
            yield from _dated(text, m, int(m["year"]), int(m["month"]), int(m["day"]))
        for m in _NUMERIC_RE.finditer(text):
            yield from _numeric(text, m, order)


def _dated(text: str, m: re.Match[str], year: int, month: int, day: int) -> Iterator[ParsedDate]:
    try:
        when = date(year, month, day)
    except ValueError:
        return
    start, end, clock = _with_time(text, m)
    yield ParsedDate(text[start:end], _iso(when, clock), has_time=clock is not None)


def _numeric(text: str, m: re.Match[str], order: str | None) -> Iterator[ParsedDate]:
    a, b, year = int(m["a"]), int(m["b"]), int(m["year"])
    if len(m["year"]) == 2:
        year += 2000
    if order is None and m["sep"] == ".":
        # Dotted numeric dates are day-first wherever they are written (de, fr, ru, ...).
        order = "DM"
    if a > 12 and b > 12:
        return
    if a == b or a > 12 or b > 12:
        day, month = (a, b) if a > 12 or a == b else (b, a)
    elif order == "MD":
        month, day = a, b
    elif order == "DM":
        day, month = a, b
    else:
        start, end, clock = _with_time(text, m)
        yield ParsedDate(text[start:end], None, ambiguous=True, has_time=clock is not None)
        return
    yield from _dated(text, m, year, month, day)


def _with_time(text: str, m: re.Match[str]) -> tuple[int, int, _Clock | None]:
    """The date's span widened by a time of day printed right after or right before it."""
    start, end = m.span()
    while start < end and text[start] in " ,":
        start += 1
    while end > start and text[end - 1] in " ,":
        end -= 1
    end, clock = _time_after(text, end)
    if clock is not None:
        return start, end, clock
    before = _TIME_BEFORE_RE.search(text, 0, start)
    if before is not None and (clock := _clock(before)) is not None:
        return before.start(), end, clock
    return start, end, None


def _time_after(text: str, end: int) -> tuple[int, _Clock | None]:
    """A time of day printed right after ``end`` ("Nov 18 at 10:00"), and where it stops."""
    after = _TIME_AFTER_RE.match(text, end)
    if after is not None and (clock := _clock(after)) is not None:
        return after.end(), clock
    return end, None


def _clock(m: re.Match[str]) -> _Clock | None:
    hour, minute, ampm = int(m["hour"]), m["minute"], m["ampm"]
    if minute is None and ampm is None:
        return None  # a bare number is no time of day
    if m["sep"] == "." and ampm is None and m["suffix"] is None and m["zone"] is None:
        return None  # "10.04" is a number unless "GMT", "pm" or "Uhr" says otherwise
    if ampm is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm.casefold() == "p" else 0)
    zone = _zone(m["zone"], m["offset"])
    at = time(hour, int(minute or 0), int(m["second"] or 0))
    # "10h55" and "10:55 Uhr" are written only for times of day, like "PM" or a zone.
    marked = ampm is not None or zone is not None or m["sep"] == "h" or m["suffix"] is not None
    return _Clock(at, zone, marked)


def _zone(word: str | None, offset: str | None) -> tzinfo | None:
    if word is not None:
        value = _ZONES[word.casefold()]
        if value[0] not in "+-":
            try:
                return ZoneInfo(value)
            except ZoneInfoNotFoundError:
                return None  # no tz database here: the day is still right
        offset = value
    if offset is None:
        return None
    sign = -1 if "-" in offset else 1
    digits = re.sub(r"\D", "", offset)
    hours, minutes = (int(digits[:-2]), int(digits[-2:])) if len(digits) > 2 else (int(digits), 0)
    if hours > 14 or minutes > 59:
        return None
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _iso(day: date, clock: _Clock | None) -> str:
    if clock is None or clock.zone is None:
        return day.isoformat()
    return datetime.combine(day, clock.at, clock.zone).isoformat(timespec="seconds")


def _age(shown: str, num: str, unit: str, reference: datetime | None) -> Iterator[ParsedDate]:
    # "15M ago" is minutes; a lone "m" unit is never months ("mo" is).
    key = _UNITS.get(unit.casefold())
    if key is None:
        return
    count = 1 if num.casefold() in _ONE_WORDS else int(num)
    has_time = key in ("s", "min", "h")
    if reference is None:
        yield ParsedDate(shown, None, relative=True, has_time=has_time)
        return
    try:
        when = _minus(reference, count, key)
    except (OverflowError, ValueError):
        return
    iso = _moment_iso(when) if has_time else when.date().isoformat()
    yield ParsedDate(shown, iso, relative=True, has_time=has_time)


def _moment_iso(moment: datetime) -> str:
    # A moment is written with its time only when its zone is known.
    if moment.tzinfo is None:
        return moment.date().isoformat()
    return moment.isoformat(timespec="seconds")


def _minus(reference: datetime, count: int, key: str) -> datetime:
    if key in ("mo", "y"):
        months = reference.year * 12 + reference.month - 1 - count * (12 if key == "y" else 1)
        year, month = divmod(months, 12)
        day = min(reference.day, _month_length(year, month + 1))
        return reference.replace(year=year, month=month + 1, day=day)
    seconds = {"s": 1, "min": 60, "h": 3600, "d": 86400, "w": 604800}[key]
    return reference - timedelta(seconds=count * seconds)


def _month_length(year: int, month: int) -> int:
    following = date(year + month // 12, month % 12 + 1, 1)
    return (following - timedelta(days=1)).day


def _day_words(
    text: str, reference: datetime | None, languages: tuple[str, ...] | None
) -> Iterator[ParsedDate]:
    for m in _DAY_WORD_RE.finditer(text):
        word = " ".join(m["word"].casefold().split())
        start = m.start("word")
        end, clock = _time_after(text, m.end())
        if not _APART_END_RE.match(text, end):
            continue
        language = _SHARED_DAY_WORDS.get(word)
        if language and clock is None and m["label"] is None and language not in (languages or ()):
            continue
        shown = text[start:end]
        if word in _NOW_WORDS:
            iso = _moment_iso(reference) if reference is not None else None
            yield ParsedDate(shown, iso, relative=True, has_time=True)
            continue
        iso = None
        if reference is not None:
            day = _local_date(reference, clock) - timedelta(days=_DAY_WORDS[word])
            iso = _iso(day, clock)
        yield ParsedDate(shown, iso, relative=True, has_time=clock is not None)


def _local_date(reference: datetime, clock: _Clock | None) -> date:
    """The reference's calendar day where the page's clock runs, when its zone is printed."""
    if clock is not None and clock.zone is not None and reference.tzinfo is not None:
        return reference.astimezone(clock.zone).date()
    return reference.date()


def _no_year(text: str, m: re.Match[str], page_date: date | None) -> Iterator[ParsedDate]:
    token = m["month"]
    folded = token.casefold()
    if folded in _NEVER_ALONE or (folded in _CAPITALIZED_ALONE and not token[0].isupper()):
        return
    month, day = _MONTHS[folded], int(m["day"])
    try:
        date(2000, month, day)  # a leap year: "Feb 29" is a day, "Feb 30" is not
    except ValueError:
        return
    start, end, clock = _with_time(text, m)
    year_day = _year_for(month, day, page_date) if page_date is not None else None
    iso = _iso(year_day, clock) if year_day is not None else None
    yield ParsedDate(text[start:end], iso, has_time=clock is not None)


def _year_for(month: int, day: int, page_date: date) -> date | None:
    # The latest year that puts the day no later than a week after the page's own date: pages
    # are updated after they are published, and so are the teasers they show.
    limit = page_date + timedelta(days=7)
    for year in range(limit.year, limit.year - 8, -1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= limit:
            return candidate
    return None


def _weekdays(text: str, reference: datetime | None) -> Iterator[ParsedDate]:
    """ "Monday 10:00PM", and a full weekday name standing alone ("Monday")."""
    for m in _WEEKDAY_RE.finditer(text):
        folded = m["weekday"].casefold()
        start = m.start("weekday")
        end, clock = _time_after(text, m.end())
        if clock is None and (folded not in _FULL_WEEKDAYS or not _APART_END_RE.match(text, end)):
            continue
        iso = None
        if reference is not None:
            today = _local_date(reference, clock)
            day = today - timedelta(days=(today.weekday() - _WEEKDAYS[folded]) % 7)
            iso = _iso(day, clock)
        yield ParsedDate(
            text[start:end].rstrip(" ,."), iso, relative=True, has_time=clock is not None
        )


def _clocks(text: str, reference: datetime | None, *, whole: bool) -> Iterator[ParsedDate]:
    """A time of day on its own means that time on the reference's day."""
    for m in _CLOCK_RE.finditer(text):
        clock = _clock(m)
        if clock is None or not _APART_END_RE.match(text, m.end()):
            continue
        alone = not text[: m.start()].strip() and not text[m.end() :].strip()
        marked = clock.marked or m["label"] is not None or m["joiner"] is not None
        if m["second"] is not None and not marked:
            continue  # "1:02:33" is a video's length
        # Alone in a line, "14:48" reads as a time, but "5:32" or "12:05" as a video's length
        # just as often; only a 24-hour or zero-padded hour tips it, unless marked.
        hour = m["hour"]
        padded = hour.startswith("0") and int(hour) > 0
        if not (marked or (alone and (whole or int(hour) >= 13 or padded))):
            continue
        iso = None
        if reference is not None:
            day = _local_date(reference, clock)
            if clock.zone is not None and reference.tzinfo is not None:
                stamp = datetime.combine(day, clock.at, clock.zone)
                if stamp > reference + timedelta(minutes=10):
                    day -= timedelta(days=1)  # printed before midnight where the page is
            iso = _iso(day, clock)
        yield ParsedDate(text[m.start("hour") : m.end()].strip(), iso, relative=True, has_time=True)


# --- dateparser fallback ----------------------------------------------------------------------

# Two fixed bases: a text read the same against both is absolute; one that moves only its year
# has no year ("16 listopada"); anything else is relative ("3 дня назад").
_BASE_A = datetime(2001, 6, 15, 12, 0, 0)
_BASE_B = datetime(2003, 2, 10, 7, 31, 17)
_NUMBER_RE = re.compile(r"\d+")
_YEARLIKE_RE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
# A day, one word and a year, in any script and order: a month name of a language the patterns
# don't read ("16 listopada 2016", "2016. november 16.", "Kasım 16, 2016").
_FOREIGN_DATE_RE = re.compile(
    r"(?<!\d)[0-3]?\d\.?\s*(?:de\s+)?[^\W\d_]{3,}\.?,?\s*(?:de\s+)?(?:19|20)\d{2}(?!\d)"
    r"|[^\W\d_]{3,}\.?\s*[0-3]?\d\.?,?\s*(?:19|20)\d{2}(?!\d)"
    r"|(?<!\d)(?:19|20)\d{2}[.,/\s-]*[^\W\d_]{3,}\.?[/\s-]*[0-3]?\d(?!\d)\.?"
)


def _dateparser_languages(languages: Sequence[str] | None) -> tuple[str, ...] | None:
    if not languages:
        return None
    found: list[str] = []
    for code in languages:
        tag = code.strip().replace("_", "-")
        for candidate in (tag, tag.split("-")[0].lower()):
            if candidate in _DATEPARSER_LANGUAGES:
                if candidate not in found:
                    found.append(candidate)
                break
    return tuple(found) or None


def _has_foreign_letters(text: str) -> bool:
    return not text.isascii() and len(text) <= 40 and any(c.isalpha() for c in text)


def _fallback_in_segments(text: str, opts: _Options) -> ParsedDate | None:
    """dateparser's reading of the parts of a line that look like dates the patterns missed."""
    candidates: list[str] = []
    if _YEARLIKE_RE.search(text) is not None:
        candidates.extend(m.group().strip(" ,.") for m in _FOREIGN_DATE_RE.finditer(text))
    # An age in a language the patterns don't read ("3 дня назад"): only with the page's
    # language, since guessing the language costs dateparser ~10 ms a line.
    if opts.languages is not None and not _FAST_LANGUAGES.issuperset(opts.languages):
        candidates.extend(s.strip(" ,.") for s in _SEGMENT_RE.split(text) if _short_phrase(s))
    for candidate in candidates:
        found = _fallback(candidate, opts)
        if found is not None:
            return found
    return None


def _short_phrase(segment: str) -> bool:
    if not 2 <= len(segment) <= 40:
        return False
    words, numbers = _WORD_RE.findall(segment), _NUMBER_RE.findall(segment)
    return 0 < len(words) <= 4 and 0 < len(numbers) <= 3


def _fallback(text: str, opts: _Options) -> ParsedDate | None:
    first = _dateparser(text, opts.order, opts.languages, _BASE_A)
    second = _dateparser(text, opts.order, opts.languages, _BASE_B)
    if first is None or second is None:
        return None
    has_time = first.time() != time()
    if first == second:
        return ParsedDate(text, first.date().isoformat(), has_time=has_time)
    if (first.month, first.day, first.time()) == (second.month, second.day, second.time()):
        day = _year_for(first.month, first.day, opts.page_date) if opts.page_date else None
        return ParsedDate(text, day.isoformat() if day else None, has_time=has_time)
    has_time = (first - _BASE_A) % timedelta(days=1) != timedelta(0)
    reference = opts.reference
    if reference is None:
        return ParsedDate(text, None, relative=True, has_time=has_time)
    naive = reference.replace(tzinfo=None)
    moved = _dateparser(text, opts.order, opts.languages, naive)
    if moved is None:
        return None
    iso = _moment_iso(reference + (moved - naive)) if has_time else moved.date().isoformat()
    return ParsedDate(text, iso, relative=True, has_time=has_time)


@functools.lru_cache(maxsize=4096)
def _dateparser(
    text: str, order: str | None, languages: tuple[str, ...] | None, base: datetime
) -> datetime | None:
    settings: dict[str, object] = {
        "RELATIVE_BASE": base,  # never the clock: results depend on the arguments only
        "REQUIRE_PARTS": ["day", "month"],
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DATES_FROM": "past",
        # Not "timestamp" or "no-spaces-time": they read counts and ids as dates.
        "PARSERS": ["relative-time", "absolute-time"],
    }
    if order is not None:
        settings["DATE_ORDER"] = "MDY" if order == "MD" else "DMY"
    try:
        found = dateparser.parse(
            text, languages=list(languages) if languages else None, settings=settings
        )
    except (ValueError, OverflowError, TypeError, KeyError, IndexError, AttributeError):
        # dateparser has no error type of its own; these are what its parsers raise on odd text.
        return None
    return found if isinstance(found, datetime) else None


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


_MACHINE_ISO_RE = re.compile(
    r"(?P<year>\d{4})-?(?P<month>\d{2})-?(?P<day>\d{2})"
    r"(?:[T ](?P<hour>\d{2}):?(?P<minute>\d{2})(?::?(?P<second>\d{2})(?:[.,]\d+)?)?"
    r"\s*(?P<zone>Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?",
    re.IGNORECASE,
)
_EPOCH_RE = re.compile(r"\d{9,13}(?:\.\d+)?")


def to_iso_datetime(value: str) -> str | None:
    """An RFC 3339 datetime (or a bare ISO date when no zone is known) from a machine date value.

    Reads ISO 8601 variants, RFC 2822, epoch seconds or milliseconds, and human dates that need
    no guessing ("November 20, 2019"); never dateparser.
    """
    text = value.strip()
    if not text or len(text) > 100:
        return None
    if _EPOCH_RE.fullmatch(text):
        seconds = float(text)
        if seconds > 1e11:
            seconds /= 1000  # milliseconds
        try:
            return datetime.fromtimestamp(seconds, UTC).isoformat(timespec="seconds")
        except (OverflowError, ValueError, OSError):
            return None
    m = _MACHINE_ISO_RE.fullmatch(text.replace("/", "-"))
    if m is not None:
        return _machine_iso(m)
    try:
        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        parsed = None
    if parsed is not None and parsed.tzinfo is not None:
        return _moment_iso(parsed.replace(microsecond=0))
    # RFC 2822 drops zones it doesn't know ("GMT+0100 (CET)" from JavaScript); the patterns
    # may still read them.
    cues = _cues(text)
    found = None
    if cues is not None and cues.digit:
        found = next((d.iso for d in _absolute(text, cues, None) if d.iso), None)
    if found is None and parsed is not None:
        return parsed.date().isoformat()
    return found


def _machine_iso(m: re.Match[str]) -> str | None:
    try:
        day = date(int(m["year"]), int(m["month"]), int(m["day"]))
        if m["hour"] is None:
            return day.isoformat()
        moment = datetime(
            day.year, day.month, day.day, int(m["hour"]), int(m["minute"]), int(m["second"] or 0)
        )
    except ValueError:
        return None
    zone = m["zone"]
    if zone is None:
        return day.isoformat()  # a naive time: the schema wants a zone with every time
    if zone.upper() in ("Z", "UTC", "GMT"):
        return moment.replace(tzinfo=UTC).isoformat(timespec="seconds")
    offset = _zone(None, zone)
    return moment.replace(tzinfo=offset).isoformat(timespec="seconds") if offset else None


def is_after(iso: str, moment: datetime) -> bool:
    """Whether an ISO value lies after `moment`: by UTC day for bare dates, exactly otherwise."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    try:
        if len(iso) == 10:
            return date.fromisoformat(iso) > aware.astimezone(UTC).date()
        value = datetime.fromisoformat(iso)
    except ValueError:
        return False
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value > aware
