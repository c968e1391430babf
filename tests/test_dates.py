"""Tests of parse.dates: finding date text in lines, parsing every shape, order, machine values."""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.errors import ConfigError
from extractor.parse.date_fallback import _dateparser
from extractor.parse.dates import (
    ParsedDate,
    find_date,
    infer_order,
    is_after,
    parse_date,
    to_iso_datetime,
)

REF = datetime(2026, 5, 10, 12, 0, tzinfo=UTC)  # a Sunday
PAGE = date(2026, 5, 1)
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$")


# --- finding the date part of a line ----------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "shown", "iso"),
    [
        ("16 hours ago on iOS Blog", "16 hours ago", "2026-05-09T20:00:00+00:00"),
        ("4,162 comments - 7 hours ago", "7 hours ago", "2026-05-10T05:00:00+00:00"),
        ("By Jane Doe | March 3, 2020 | 5 min read", "March 3, 2020", "2020-03-03"),
        ("Read More5/1/2026", "5/1/2026", None),
        ("Posted 2019-11-20T10:00Z by admin", "2019-11-20T10:00Z", "2019-11-20T10:00:00+00:00"),
        ("Published on 2016/11/16", "2016/11/16", "2016-11-16"),
        ("Sports · 31/12/2025 · 3 min", "31/12/2025", "2025-12-31"),
        ("CNN · 14h", "14h", "2026-05-09T22:00:00+00:00"),
        ("Updated: yesterday", "yesterday", "2026-05-09"),
        ("Publié hier", "hier", "2026-05-09"),
        ("hier à 10h30", "hier à 10h30", "2026-05-09"),
        (
            "Mittwoch, 20. November 2019 um 10:00 Uhr | Lesezeit 3 Minuten",
            "Mittwoch, 20. November 2019 um 10:00 Uhr",
            "2019-11-20",
        ),
        ("Por Ana | 16 de noviembre de 2016", "16 de noviembre de 2016", "2016-11-16"),
        ("vor 3 Stunden aktualisiert", "vor 3 Stunden", "2026-05-10T09:00:00+00:00"),
        ("Mis à jour il y a 2 jours", "il y a 2 jours", "2026-05-08"),
        ("Story · Nov 18", "Nov 18", "2025-11-18"),
        (
            "Updated 3:41 PM ET, Tue November 19, 2019",
            "3:41 PM ET, Tue November 19, 2019",
            "2019-11-19T15:41:00-05:00",
        ),
        ("Monday 10:00PM", "Monday 10:00PM", "2026-05-04"),
        ("Politics · Wednesday", "Wednesday", "2026-05-06"),
        ("14:48", "14:48", "2026-05-10"),
        ("Updated 9:05", "9:05", "2026-05-10"),
        ("Opublikowano: 16 listopada 2016", "16 listopada 2016", "2016-11-16"),
        ("2013年04月09日 10:55 来源：新华网", "2013年04月09日 10:55", "2013-04-09"),
        ("Posted at 10:30am", "10:30am", "2026-05-10"),
        (
            "Sunday 3 November 2020 10.04 GMT",
            "Sunday 3 November 2020 10.04 GMT",
            "2020-11-03T10:04:00+00:00",
        ),
        ("Do., 5. Mai 2020", "Do., 5. Mai 2020", "2020-05-05"),
        ("Do 5. Mai 2020", "5. Mai 2020", "2020-05-05"),  # "Do" without its dot may be a word
        ("and so May 5 arrives", "May 5", "2026-05-05"),  # within the week after the page date
    ],
)
def test_find_date_returns_only_the_date_part(line: str, shown: str, iso: str | None) -> None:
    found = find_date(line, reference=REF, page_date=PAGE)
    assert found is not None
    assert (found.text, found.iso) == (shown, iso)


@pytest.mark.parametrize(
    "line",
    [
        "4,162 comments",
        "3 comments",
        "5:32",
        "12:05",
        "1:02:33",
        "12 photos",
        "Read the full story",
        "Subscribe today",
        "Cyber Monday deals",
        "The Sun · 12 photos",
        "3 out of 5 stars",
        "5m views",
        "Version 1.2",
        "You may 5 times",
        "",
        "Call 555-1234",
        "1,234 views · 12:05",
        "Sports · 5 min",
        "5 min read",
        "Top 10 · 2h 15m",
        "Best of the 90s",
        "Music · 90s",
        "10:00 et 12:00",
        "Copyright 2020 Example Media",
        "Ordered 2 at 3",
        "1:00:00",
        "Version 10.04",
        "Room 10:00-12:00",
        "Watch: 3:45",
        "Feb 30",
        "Rated 4.5/5",
        "Open 24/7",
        "Windows 11 24H2",
        "Today's paper",
        "Yesterday's news",
        "Mehr Infos: hier",  # German "here"
        "Marco ha 2 anni",
    ],
)
def test_find_date_rejects_counts_durations_and_prose(line: str) -> None:
    assert find_date(line, reference=REF, page_date=PAGE) is None


def test_lines_without_a_year_or_a_foreign_language_never_reach_dateparser() -> None:
    before = _dateparser.cache_info()
    lines = (
        "12 фото",
        "3 дня назад",
        "Top 10 of 20",
        "4,162 comments",
        "2 órája",
        "Top 10 movies of 2023",
        "iPhone 15 (2023)",
        "Season 2 of 2021 · 8 episodes",
    )
    for line in lines:
        assert find_date(line) is None
    after = _dateparser.cache_info()
    assert (after.hits, after.misses) == (before.hits, before.misses)


def test_shared_day_words_need_their_language() -> None:
    assert find_date("hier", reference=REF) is None
    assert find_date("hier", reference=REF, languages=["de"]) is None
    found = find_date("hier", reference=REF, languages=["fr-FR"])
    assert found == ParsedDate("hier", "2026-05-09", relative=True)


def test_find_date_asks_dateparser_about_ages_in_the_pages_language() -> None:
    found = find_date("Новости · 3 дня назад", reference=REF, languages=["ru-RU"])
    assert found == ParsedDate("3 дня назад", "2026-05-07", relative=True)
    # The fast languages' ages are read by the patterns; dateparser is not asked again.
    before = _dateparser.cache_info()
    assert find_date("12 comments", languages=["en", "de"]) is None
    assert _dateparser.cache_info().misses == before.misses


# --- parsing every shape ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2019-11-20", "2019-11-20"),
        ("2019-11-20T10:00:00+01:00", "2019-11-20T10:00:00+01:00"),
        ("November 16, 2016", "2016-11-16"),
        ("Nov. 16, 2016", "2016-11-16"),
        ("Nov 1st, 2016", "2016-11-01"),
        ("16 November 2016", "2016-11-16"),
        ("12 November 2019", "2019-11-12"),
        ("16th of November, 2016", "2016-11-16"),
        ("Wednesday November 20, 2019", "2019-11-20"),
        ("Wed, Nov 20, 2019", "2019-11-20"),
        ("13/04/2026", "2026-04-13"),
        ("04/13/2026", "2026-04-13"),
        ("4-13-2026", "2026-04-13"),
        ("13.4.2026", "2026-04-13"),
        ("13/4/26", "2026-04-13"),
        ("11/13/19", "2019-11-13"),
        ("5/5/2026", "2026-05-05"),
        ("20. März 2019", "2019-03-20"),
        ("3 janvier 2020", "2020-01-03"),
        ("1er août 2021", "2021-08-01"),
        ("mer. 20 nov. 2019", "2019-11-20"),
        ("Di, 5. Mai 2020", "2020-05-05"),
        ("5 de março de 2018", "2018-03-05"),
        ("12 dicembre 2017", "2017-12-12"),
        ("7 mei 2015", "2015-05-07"),
        ("2013年04月09日", "2013-04-09"),
        ("2013년 4월 9일", "2013-04-09"),
        ("16-Nov-2016", "2016-11-16"),
        ("2016.11.16", "2016-11-16"),
    ],
)
def test_parse_date_absolute_shapes(text: str, iso: str) -> None:
    parsed = parse_date(text)
    assert parsed is not None
    assert parsed.iso == iso
    assert parsed.text == text
    assert not parsed.ambiguous and not parsed.relative
    assert parsed.day == date.fromisoformat(iso[:10])


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Updated 3:41 PM ET, Tue November 19, 2019", "2019-11-19T15:41:00-05:00"),
        ("June 3, 2019 at 9:15 a.m. ET", "2019-06-03T09:15:00-04:00"),  # summer: EDT
        ("June 3, 2019 9:15 PM EST", "2019-06-03T21:15:00-05:00"),
        ("Tue, 19 Nov 2019 16:00:00 GMT", "2019-11-19T16:00:00+00:00"),
        ("20.11.2019, 10:30 Uhr MEZ", "2019-11-20T10:30:00+01:00"),
        ("Nov 20 2019 10:00:00 GMT+0100", "2019-11-20T10:00:00+01:00"),
        ("2019-11-20 10:00", "2019-11-20"),  # no zone: the day only
        ("21.dez.2018 às 10h55", "2018-12-21"),
        ("November 20, 2019 at 10 am", "2019-11-20"),
        ("10:00 am, Nov 20, 2019", "2019-11-20"),
        ("2013年04月09日 10:55", "2013-04-09"),
    ],
)
def test_parse_date_times_of_day(text: str, iso: str) -> None:
    parsed = parse_date(text)
    assert parsed is not None
    assert (parsed.iso, parsed.has_time) == (iso, True)


def test_dates_without_a_time_say_so() -> None:
    parsed = parse_date("March 3, 2020 | 5 min read")
    assert parsed == ParsedDate("March 3, 2020", "2020-03-03")
    assert not parsed.has_time


@pytest.mark.parametrize(
    ("text", "iso", "has_time"),
    [
        ("4 hours ago", "2026-05-10T08:00:00+00:00", True),
        ("52m", "2026-05-10T11:08:00+00:00", True),
        ("14h", "2026-05-09T22:00:00+00:00", True),
        ("~6 hours ago", "2026-05-10T06:00:00+00:00", True),
        ("about an hour ago", "2026-05-10T11:00:00+00:00", True),
        ("updated 15M ago", "2026-05-10T11:45:00+00:00", True),
        ("30 seconds ago", "2026-05-10T11:59:30+00:00", True),
        ("an hour ago", "2026-05-10T11:00:00+00:00", True),
        ("just now", "2026-05-10T12:00:00+00:00", True),
        ("yesterday", "2026-05-09", False),
        ("Today", "2026-05-10", False),
        ("2 days ago", "2026-05-08", False),
        ("3d", "2026-05-07", False),
        ("1 week ago", "2026-05-03", False),
        ("2 months ago", "2026-03-10", False),
        ("5mo", "2025-12-10", False),
        ("1 year ago", "2025-05-10", False),
        ("hace 3 días", "2026-05-07", False),
        ("2 settimane fa", "2026-04-26", False),
        ("3 dagen geleden", "2026-05-07", False),
        ("vor einer Woche", "2026-05-03", False),
        ("vor 3 Std.", "2026-05-10T09:00:00+00:00", True),
        ("il y a 2 j", "2026-05-08", False),
        ("gestern", "2026-05-09", False),
        ("vorgestern", "2026-05-08", False),
        ("aujourd'hui", "2026-05-10", False),
        ("há 2 horas", "2026-05-10T10:00:00+00:00", True),
        ("3 horas atrás", "2026-05-10T09:00:00+00:00", True),
        ("yesterday at 10:30", "2026-05-09", True),
        ("Yesterday at 11:30 PM ET", "2026-05-09T23:30:00-04:00", True),
        ("heute, 10:30 Uhr", "2026-05-10", True),
        ("Monday 10:00PM", "2026-05-04", True),
        ("Mon 10:00 PM ET", "2026-05-04T22:00:00-04:00", True),
        ("Monday", "2026-05-04", False),
        ("Sunday", "2026-05-10", False),  # the reference's own weekday is today
        ("14:48", "2026-05-10", True),
        ("5:32", "2026-05-10", True),  # alone in a date slot, a time
        ("7:15 AM ET", "2026-05-10T07:15:00-04:00", True),
        # 11:30 PM in New York has not come yet at noon UTC: it was yesterday's.
        ("11:30 PM ET", "2026-05-09T23:30:00-04:00", True),
    ],
)
def test_parse_date_relative_shapes(text: str, iso: str, has_time: bool) -> None:
    parsed = parse_date(text, reference=REF)
    assert parsed is not None
    assert (parsed.iso, parsed.relative, parsed.has_time) == (iso, True, has_time)
    # Without a reference time a relative date cannot be placed.
    unplaced = parse_date(text)
    assert unplaced is not None
    assert (unplaced.iso, unplaced.relative, unplaced.day) == (None, True, None)


def test_relative_hours_against_a_naive_reference_give_a_day() -> None:
    parsed = parse_date("4 hours ago", reference=datetime(2026, 5, 10, 2, 0))
    assert parsed == ParsedDate("4 hours ago", "2026-05-09", relative=True, has_time=True)


def test_relative_dates_follow_the_reference_zone() -> None:
    tokyo = datetime(2026, 5, 10, 1, 0, tzinfo=timezone(timedelta(hours=9)))
    assert parse_date("yesterday", reference=tokyo) == ParsedDate(
        "yesterday", "2026-05-09", relative=True
    )
    parsed = parse_date("2 hours ago", reference=tokyo)
    assert parsed is not None and parsed.iso == "2026-05-09T23:00:00+09:00"


def test_month_subtraction_clamps_to_month_end() -> None:
    parsed = parse_date("1 month ago", reference=datetime(2026, 3, 31, tzinfo=UTC))
    assert parsed is not None and parsed.iso == "2026-02-28"


@pytest.mark.parametrize(
    ("text", "page", "iso"),
    [
        ("Nov 18", date(2026, 5, 1), "2025-11-18"),
        ("Nov 18", date(2026, 11, 12), "2026-11-18"),  # within the week after the page date
        ("Nov 18", date(2026, 11, 10), "2025-11-18"),
        ("18 November", date(2026, 12, 1), "2026-11-18"),
        ("November 18th", date(2026, 12, 1), "2026-11-18"),
        ("18 de noviembre", date(2026, 12, 1), "2026-11-18"),
        ("2 Mai", date(2026, 12, 1), "2026-05-02"),
        ("Feb 29", date(2026, 3, 1), "2024-02-29"),
        ("Nov 18", None, None),
    ],
)
def test_no_year_dates_take_the_year_from_the_page(
    text: str, page: date | None, iso: str | None
) -> None:
    parsed = parse_date(text, page_date=page, reference=REF)
    assert parsed is not None
    assert (parsed.text, parsed.iso, parsed.relative) == (text, iso, False)


def test_no_year_dates_keep_their_time() -> None:
    parsed = parse_date("Nov 18, 9:30 AM PT", page_date=date(2026, 12, 1))
    assert parsed is not None
    assert (parsed.iso, parsed.has_time) == ("2026-11-18T09:30:00-08:00", True)


@pytest.mark.parametrize(
    ("text", "order", "iso", "ambiguous"),
    [
        ("5/1/2026", None, None, True),
        ("5/1/2026", "MD", "2026-05-01", False),
        ("5/1/2026", "DM", "2026-01-05", False),
        ("12/31/2026", None, "2026-12-31", False),
        ("31/12/2026", "MD", "2026-12-31", False),
        ("5.1.2026", None, "2026-01-05", False),  # dotted numeric dates are day-first
        ("5/1/26", None, None, True),
        ("5/1/26", "MD", "2026-05-01", False),
    ],
)
def test_numeric_order(text: str, order: str | None, iso: str | None, ambiguous: bool) -> None:
    parsed = parse_date(text, order=order)
    assert parsed is not None
    assert (parsed.iso, parsed.ambiguous) == (iso, ambiguous)


@pytest.mark.parametrize("text", ["13/13/2026", "2/30/2026", "0/5/2026"])
def test_impossible_numeric_dates_have_no_iso(text: str) -> None:
    parsed = parse_date(text, order="MD")
    assert parsed is None or parsed.iso is None


def test_an_unknown_order_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        parse_date("5/1/2026", order="YMD")
    with pytest.raises(ConfigError):
        find_date("5/1/2026", order="md")


@pytest.mark.parametrize(
    ("texts", "order"),
    [
        (["12/31/2026", "5/1/2026"], "MD"),
        (["31/12/2026", "5/1/2026"], "DM"),
        (["31/12/2026", "12/31/2026"], None),
        (["5/1/2026", "Nov 18"], None),
        (["13.01.2026", "12/31/2026", "1/20/2026"], "MD"),
        (["Posted 25/12/2025 by Ana", "30/1/26"], "DM"),
        (["2026-05-13", "2026/12/31"], None),  # year-first dates say nothing about the order
        ([], None),
    ],
)
def test_infer_order(texts: list[str], order: str | None) -> None:
    assert infer_order(texts) == order


def test_page_order_settles_ambiguous_dates() -> None:
    texts = ["12/31/2026", "5/1/2026"]
    parsed = parse_date("5/1/2026", order=infer_order(texts))
    assert parsed is not None and parsed.iso == "2026-05-01"


# --- the dateparser fallback ------------------------------------------------------------------


def test_parse_date_falls_back_to_dateparser_for_other_languages() -> None:
    parsed = parse_date("16 listopada 2016")
    assert parsed == ParsedDate("16 listopada 2016", "2016-11-16")
    timed = parse_date("16 listopada 2016 o 10:00")
    assert timed is not None and (timed.iso, timed.has_time) == ("2016-11-16", True)
    relative = parse_date("3 дня назад", reference=REF)
    assert relative == ParsedDate("3 дня назад", "2026-05-07", relative=True)
    assert parse_date("3 дня назад") == ParsedDate("3 дня назад", None, relative=True)
    hours = parse_date("3 часа назад", reference=REF, languages=["ru"])
    assert hours == ParsedDate(
        "3 часа назад", "2026-05-10T09:00:00+00:00", relative=True, has_time=True
    )
    yesterday = parse_date("вчера", reference=REF)
    assert yesterday is not None and yesterday.iso == "2026-05-09"


def test_dateparser_no_year_dates_take_the_year_from_the_page() -> None:
    assert parse_date("16 listopada", page_date=date(2026, 12, 1)) == ParsedDate(
        "16 listopada", "2026-11-16"
    )
    # The page date, never the clock, places it: without one it stays unplaced.
    assert parse_date("16 listopada") == ParsedDate("16 listopada", None)


def test_dateparser_languages_are_normalized() -> None:
    for languages in (["ru"], ["ru-RU"], ["ru_RU", "xx"], ["xx-YY"], []):
        parsed = parse_date("3 дня назад", reference=REF, languages=languages)
        assert parsed is not None and parsed.iso == "2026-05-07"


def test_lines_without_date_cues_never_reach_dateparser() -> None:
    before = _dateparser.cache_info()
    for text in ("Read the full story", "Sign up for our newsletter", "Share this", "", "   "):
        assert parse_date(text) is None
    after = _dateparser.cache_info()
    assert (after.hits, after.misses) == (before.hits, before.misses)


def test_dateparser_results_are_cached() -> None:
    parse_date("17 listopada 2016")
    before = _dateparser.cache_info()
    assert parse_date("17 listopada 2016") == ParsedDate("17 listopada 2016", "2016-11-17")
    after = _dateparser.cache_info()
    assert after.misses == before.misses and after.hits > before.hits


# --- machine values and comparison ------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2019-11-20", "2019-11-20"),
        ("2019-11-20T10:00:00+01:00", "2019-11-20T10:00:00+01:00"),
        ("2019-11-20T10:00:00Z", "2019-11-20T10:00:00+00:00"),
        ("2019-11-20T10:00:00.123456Z", "2019-11-20T10:00:00+00:00"),
        ("2019-11-20T10:00:00.000+0530", "2019-11-20T10:00:00+05:30"),
        ("2019-11-20T10:00-05:00", "2019-11-20T10:00:00-05:00"),
        ("2019-11-20T10:00:00+01", "2019-11-20T10:00:00+01:00"),
        ("2019-11-20T10:00:00", "2019-11-20"),
        ("2019-11-20 10:00:00", "2019-11-20"),
        ("2019-11-20 10:00:00 UTC", "2019-11-20T10:00:00+00:00"),
        ("20191120", "2019-11-20"),
        ("20191120T100000Z", "2019-11-20T10:00:00+00:00"),
        ("2019/11/20", "2019-11-20"),
        ("Tue, 19 Nov 2019 16:00:00 GMT", "2019-11-19T16:00:00+00:00"),
        ("Tue, 19 Nov 2019 16:00:00 +0100", "2019-11-19T16:00:00+01:00"),
        ("Tue, 19 Nov 2019 16:00:00 -0000", "2019-11-19T16:00:00+00:00"),  # UTC, zone unsaid
        (
            "Wed Nov 20 2019 10:00:00 GMT+0100 (Central European Standard Time)",
            "2019-11-20T10:00:00+01:00",
        ),
        ("1574179200", "2019-11-19T16:00:00+00:00"),
        ("1574179200000", "2019-11-19T16:00:00+00:00"),
        ("1574179200.5", "2019-11-19T16:00:00+00:00"),
        ("November 20, 2019", "2019-11-20"),
        (" 2019-11-20 ", "2019-11-20"),
        ("2019-13-20", None),
        ("2019-11-20T25:00:00Z", None),
        ("2019-11-20T25:00:00", None),
        ("2019-11-20T10:00:00+25:00", None),
        ("5/1/2026", None),  # no guessing in machine slots
        ("3 days ago", None),
        ("16 listopada 2016", None),
        ("", None),
        ("garbage", None),
        ("99999999999999999999", None),
    ],
)
def test_to_iso_datetime(value: str, iso: str | None) -> None:
    assert to_iso_datetime(value) == iso
    if iso is not None:
        assert RFC3339.match(iso)


@pytest.mark.parametrize(
    ("iso", "moment", "after"),
    [
        ("2026-05-11", datetime(2026, 5, 10, 23, 0, tzinfo=UTC), True),
        ("2026-05-10", datetime(2026, 5, 10, 23, 0, tzinfo=UTC), False),
        # 01:00 at +02:00 is the previous UTC day.
        ("2026-05-10", datetime(2026, 5, 10, 1, 0, tzinfo=timezone(timedelta(hours=2))), True),
        ("2026-05-10T12:00:01+00:00", datetime(2026, 5, 10, 12, 0, tzinfo=UTC), True),
        ("2026-05-10T13:00:00+02:00", datetime(2026, 5, 10, 12, 0, tzinfo=UTC), False),
        ("2026-05-10T12:00:01+00:00", datetime(2026, 5, 10, 12, 0), True),
        ("not a date", datetime(2026, 5, 10, 12, 0, tzinfo=UTC), False),
    ],
)
def test_is_after(iso: str, moment: datetime, after: bool) -> None:
    assert is_after(iso, moment) is after


def test_parsed_date_is_frozen_and_positional() -> None:
    parsed = ParsedDate("Nov 18", "2025-11-18")
    assert parsed.day == date(2025, 11, 18)
    assert (parsed.ambiguous, parsed.relative, parsed.has_time) == (False, False, False)
    with pytest.raises(dataclasses.FrozenInstanceError):
        parsed.iso = None  # type: ignore[misc]
    assert ParsedDate("14:48", "2026-05-10T14:48:00+02:00", has_time=True).day == date(2026, 5, 10)


# --- properties -------------------------------------------------------------------------------

_MONTH_NAMES = [date(2000, m, 1).strftime("%B") for m in range(1, 13)]  # C locale: English
_GERMAN_MONTHS = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _render(day: date, shape: str) -> tuple[str, str | None]:
    """A day printed in one of the common shapes, and the order a page would have to give."""
    d, m, y, name = day.day, day.month, day.year, _MONTH_NAMES[day.month - 1]
    return {
        "mdy": (f"{name} {d}, {y}", None),
        "dmy": (f"{d} {name} {y}", None),
        "abbr": (f"{name[:3]}. {d}, {y}", None),
        "ordinal": (f"{_ordinal(d)} of {name} {y}", None),
        "weekday": (f"{day:%A}, {name} {d}, {y}", None),
        "german": (f"{d}. {_GERMAN_MONTHS[m - 1]} {y}", None),
        "iso": (day.isoformat(), None),
        "slash_md": (f"{m}/{d}/{y}", "MD"),
        "slash_dm": (f"{d}/{m}/{y}", "DM"),
        "dots": (f"{d:02}.{m:02}.{y}", None),
        "cjk": (f"{y}年{m}月{d}日", None),
    }[shape]


_SHAPES = [
    "mdy",
    "dmy",
    "abbr",
    "ordinal",
    "weekday",
    "german",
    "iso",
    "slash_md",
    "slash_dm",
    "dots",
    "cjk",
]


@settings(max_examples=300, deadline=None, database=None)
@given(st.dates(date(1990, 1, 1), date(2099, 12, 31)), st.sampled_from(_SHAPES))
def test_printed_dates_read_back(day: date, shape: str) -> None:
    text, order = _render(day, shape)
    parsed = parse_date(text, order=order)
    assert parsed is not None and (parsed.text, parsed.iso) == (text, day.isoformat())
    line = f"By Ana Lima | {text} | 5 min read"
    found = find_date(line, order=order)
    assert found is not None and (found.text, found.iso) == (text, day.isoformat())


@settings(max_examples=200, deadline=None, database=None)
@given(st.integers(1, 999), st.sampled_from(["minutes", "hours", "days", "weeks"]))
def test_ages_read_back(count: int, unit: str) -> None:
    parsed = find_date(f"Politics · {count} {unit} ago", reference=REF)
    expected = REF - timedelta(**{unit: count})
    assert parsed is not None and parsed.text == f"{count} {unit} ago"
    if unit in ("minutes", "hours"):
        assert parsed.iso == expected.isoformat(timespec="seconds")
    else:
        assert parsed.iso == expected.date().isoformat()


@settings(max_examples=150, deadline=None, database=None)
@given(st.text(max_size=60))
def test_nothing_raises_on_arbitrary_text(text: str) -> None:
    found = find_date(text, reference=REF, page_date=PAGE)
    if found is not None:
        assert found.text and found.text in text
        assert found.iso is None or RFC3339.match(found.iso)
    parsed = parse_date(text, order="DM", reference=REF, page_date=PAGE, languages=["en"])
    assert parsed is None or parsed.iso is None or RFC3339.match(parsed.iso)
    iso = to_iso_datetime(text)
    assert iso is None or RFC3339.match(iso)
    infer_order([text])


_DATEISH = st.from_regex(
    r"(?:[~|·]? ?(?:\d{1,4}[/.\- :h]){0,3}\d{0,4} ?"
    r"(?:Nov|mai|de|ago|h|m|d|PM|ET|GMT\+1|Uhr|at|年|月|日|T|Z|:)?){1,4}",
    fullmatch=True,
)


@settings(max_examples=300, deadline=None, database=None)
@given(_DATEISH, st.sampled_from([None, "MD", "DM"]))
def test_nothing_raises_on_date_like_text(text: str, order: str | None) -> None:
    found = find_date(text, order=order, reference=REF, page_date=PAGE)
    if found is not None:
        assert found.text and found.text in text
        assert found.iso is None or RFC3339.match(found.iso)
        assert found.day is None or found.day == date.fromisoformat(found.iso[:10])  # type: ignore[index]
    iso = to_iso_datetime(text)
    assert iso is None or RFC3339.match(iso)


def test_fallback_asks_dateparser_once_for_a_text_that_is_no_date(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import dateparser

    import extractor.parse.date_fallback as fallback
    from extractor.parse.date_patterns import _Options

    calls: list[str] = []

    def counting(text: str, **kwargs: object) -> None:
        calls.append(text)
        return None

    monkeypatch.setattr(dateparser, "parse", counting)
    fallback._dateparser.cache_clear()
    try:
        # Words German dates are made of: the first reading says no, and no second is asked.
        found = fallback._fallback("vor 3 Tagen", _Options(None, None, None, ("de",)))
        assert found is None
        assert calls == ["vor 3 Tagen"]
        # Words no German date has: dateparser is not asked at all.
        assert fallback._fallback("kein Datum hier", _Options(None, None, None, ("de",))) is None
    finally:
        fallback._dateparser.cache_clear()
    assert calls == ["vor 3 Tagen"]


def test_a_month_given_by_two_names_is_read_by_either() -> None:
    # Arabic news sites name August both ways, Levantine and Egyptian: "آب/اغسطس".
    text = "الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)"
    parsed = find_date(text, languages=("ar", "en"))
    assert parsed is not None and parsed.iso == "2013-08-28"
    assert parsed.text == "28 آب/اغسطس 2013"  # as shown, both names


def test_a_day_first_languages_numeric_date_reads_day_first() -> None:
    found = find_date("08/01/2014", languages=("es", "en"))
    assert found is not None and found.iso == "2014-01-08"
    english = find_date("08/01/2014", languages=("en",))
    assert english is not None and english.iso is None and english.ambiguous
    stated = find_date("08/01/2014", order="MD", languages=("es", "en"))
    assert stated is not None and stated.iso == "2014-08-01"
