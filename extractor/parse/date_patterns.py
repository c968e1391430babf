"""Date vocabulary, patterns and value types shared by the date readers."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from pathlib import Path
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


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


def _moment_iso(moment: datetime) -> str:
    # A moment is written with its time only when its zone is known.
    if moment.tzinfo is None:
        return moment.date().isoformat()
    return moment.isoformat(timespec="seconds")
