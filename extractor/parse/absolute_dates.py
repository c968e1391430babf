"""Dates that carry their own year: written out, numeric (with day/month order) and CJK."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from extractor.parse.date_patterns import (
    _CJK_RE,
    _DMY_RE,
    _ISO_DATETIME_RE,
    _MDY_RE,
    _MONTHS,
    _NUMERIC_RE,
    _TIME_AFTER_RE,
    _TIME_BEFORE_RE,
    _YMD_RE,
    ParsedDate,
    _Clock,
    _clock,
    _Cues,
    _iso,
)
from extractor.parse.machine_dates import machine_value


def _absolute(text: str, cues: _Cues, order: str | None) -> Iterator[ParsedDate]:
    if cues.numeric:
        for m in _ISO_DATETIME_RE.finditer(text):
            _, iso = machine_value(m.group().strip())
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
