"""Dates placed against a reference: ages, day words, weekdays, clock times, no-year days."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta

from extractor.parse.absolute_dates import (
    _time_after,
    _with_time,
)
from extractor.parse.date_patterns import (
    _APART_END_RE,
    _CAPITALIZED_ALONE,
    _CLOCK_RE,
    _DAY_WORD_RE,
    _DAY_WORDS,
    _FULL_WEEKDAYS,
    _MONTHS,
    _NEVER_ALONE,
    _NOW_WORDS,
    _ONE_WORDS,
    _SHARED_DAY_WORDS,
    _UNITS,
    _WEEKDAY_RE,
    _WEEKDAYS,
    ParsedDate,
    _Clock,
    _clock,
    _iso,
    _moment_iso,
)


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
