"""Tests of parse.dates: finding date text in lines, parsing every shape, order, machine values."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.parse.dates import (
    ParsedDate,
    _dateparser,
    find_date,
    infer_order,
    is_after,
    parse_date,
    to_iso_datetime,
)

REF = datetime(2026, 5, 10, 12, 0, tzinfo=UTC)
PAGE = date(2026, 5, 1)
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$")


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
        ("Mittwoch, 20. November 2019 um 10:00", "Mittwoch, 20. November 2019", "2019-11-20"),
        ("Por Ana | 16 de noviembre de 2016", "16 de noviembre de 2016", "2016-11-16"),
        ("vor 3 Stunden aktualisiert", "vor 3 Stunden", "2026-05-10T09:00:00+00:00"),
        ("Mis à jour il y a 2 jours", "il y a 2 jours", "2026-05-08"),
        ("Story · Nov 18", "Nov 18", "2025-11-18"),
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
        "5:32",
        "12 photos",
        "Read the full story",
        "Subscribe today",
        "3 out of 5 stars",
        "5m views",
        "Version 1.2",
        "You may 5 times",
        "",
        "Call 555-1234",
        "1,234 views · 12:05",
        "Sports · 5 min",
        "Python 3.10.12 released",
        "Subscribe now",
        "Top 10 · 2h 15m",
    ],
)
def test_find_date_rejects_counts_durations_and_prose(line: str) -> None:
    assert find_date(line, reference=REF, page_date=PAGE) is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2019-11-20", "2019-11-20"),
        ("2019-11-20T10:00:00+01:00", "2019-11-20T10:00:00+01:00"),
        ("November 16, 2016", "2016-11-16"),
        ("Nov. 16, 2016", "2016-11-16"),
        ("Nov 1st, 2016", "2016-11-01"),
        ("16 November 2016", "2016-11-16"),
        ("16th of November, 2016", "2016-11-16"),
        ("Wednesday November 20, 2019", "2019-11-20"),
        ("Wed, Nov 20, 2019", "2019-11-20"),
        ("13/04/2026", "2026-04-13"),
        ("04/13/2026", "2026-04-13"),
        ("4-13-2026", "2026-04-13"),
        ("13.4.2026", "2026-04-13"),
        ("13/4/26", "2026-04-13"),
        ("03.10.12", "2012-10-03"),
        ("5/5/2026", "2026-05-05"),
        ("20. März 2019", "2019-03-20"),
        ("3 janvier 2020", "2020-01-03"),
        ("1er août 2021", "2021-08-01"),
        ("5 de março de 2018", "2018-03-05"),
        ("12 dicembre 2017", "2017-12-12"),
        ("7 mei 2015", "2015-05-07"),
        ("2013年04月09日", "2013-04-09"),
        ("2013년 4월 9일", "2013-04-09"),
        ("21.dez.2018 às 10h55", "2018-12-21"),
        ("16-Nov-2016", "2016-11-16"),
    ],
)
def test_parse_date_absolute_shapes(text: str, iso: str) -> None:
    parsed = parse_date(text)
    assert parsed is not None
    assert parsed.iso == iso
    assert not parsed.ambiguous and not parsed.relative


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("4 hours ago", "2026-05-10T08:00:00+00:00"),
        ("52m", "2026-05-10T11:08:00+00:00"),
        ("14h", "2026-05-09T22:00:00+00:00"),
        ("~6 hours ago", "2026-05-10T06:00:00+00:00"),
        ("updated 15M ago", "2026-05-10T11:45:00+00:00"),
        ("an hour ago", "2026-05-10T11:00:00+00:00"),
        ("yesterday", "2026-05-09"),
        ("Today", "2026-05-10"),
        ("2 days ago", "2026-05-08"),
        ("3d", "2026-05-07"),
        ("1 week ago", "2026-05-03"),
        ("2 months ago", "2026-03-10"),
        ("1 year ago", "2025-05-10"),
        ("hace 3 días", "2026-05-07"),
        ("2 settimane fa", "2026-04-26"),
        ("3 dagen geleden", "2026-05-07"),
        ("gestern", "2026-05-09"),
        ("just now", "2026-05-10T12:00:00+00:00"),
        ("a few seconds ago", "2026-05-10T12:00:00+00:00"),
        ("aujourd'hui", "2026-05-10"),
        ("há 2 horas", "2026-05-10T10:00:00+00:00"),
        ("3 horas atrás", "2026-05-10T09:00:00+00:00"),
    ],
)
def test_parse_date_relative_shapes(text: str, iso: str) -> None:
    parsed = parse_date(text, reference=REF)
    assert parsed is not None
    assert (parsed.iso, parsed.relative) == (iso, True)
    # Without a reference time a relative date cannot be placed.
    unplaced = parse_date(text)
    assert unplaced is not None
    assert (unplaced.iso, unplaced.relative) == (None, True)


def test_relative_hours_against_a_naive_reference_give_a_day() -> None:
    parsed = parse_date("4 hours ago", reference=datetime(2026, 5, 10, 2, 0))
    assert parsed == ParsedDate("4 hours ago", "2026-05-09", relative=True)


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
        ("Feb 29", date(2026, 3, 1), "2024-02-29"),
        ("Nov 18", None, None),
    ],
)
def test_no_year_dates_take_the_year_from_the_page(
    text: str, page: date | None, iso: str | None
) -> None:
    parsed = parse_date(text, page_date=page)
    assert parsed is not None
    assert parsed.iso == iso


@pytest.mark.parametrize(
    ("text", "order", "iso", "ambiguous"),
    [
        ("5/1/2026", None, None, True),
        ("5/1/2026", "MD", "2026-05-01", False),
        ("5/1/2026", "DM", "2026-01-05", False),
        ("12/31/2026", None, "2026-12-31", False),
        ("31/12/2026", "MD", "2026-12-31", False),
        ("5.1.2026", None, "2026-01-05", False),  # dotted numeric dates are day-first
        ("13/13/2026", None, None, False),
    ],
)
def test_numeric_order(text: str, order: str | None, iso: str | None, ambiguous: bool) -> None:
    parsed = parse_date(text, order=order)
    if iso is None and not ambiguous:
        assert parsed is None or parsed.iso is None
        return
    assert parsed is not None
    assert (parsed.iso, parsed.ambiguous) == (iso, ambiguous)


@pytest.mark.parametrize(
    ("texts", "order"),
    [
        (["12/31/2026", "5/1/2026"], "MD"),
        (["31/12/2026", "5/1/2026"], "DM"),
        (["31/12/2026", "12/31/2026"], None),
        (["5/1/2026", "Nov 18"], None),
        (["13.01.2026", "12/31/2026", "1/20/2026"], "MD"),
        ([], None),
    ],
)
def test_infer_order(texts: list[str], order: str | None) -> None:
    assert infer_order(texts) == order


def test_page_order_settles_ambiguous_dates() -> None:
    texts = ["12/31/2026", "5/1/2026"]
    parsed = parse_date("5/1/2026", order=infer_order(texts))
    assert parsed is not None and parsed.iso == "2026-05-01"


def test_parse_date_falls_back_to_dateparser_for_other_languages() -> None:
    parsed = parse_date("16 listopada 2016")
    assert parsed is not None and parsed.iso == "2016-11-16"
    relative = parse_date("3 дня назад", reference=REF)
    assert relative is not None and (relative.iso, relative.relative) == ("2026-05-07", True)
    assert parse_date("3 дня назад") == ParsedDate("3 дня назад", None, relative=True)


def test_lines_without_date_cues_never_reach_dateparser() -> None:
    before = _dateparser.cache_info()
    for text in ("Read the full story", "Sign up for our newsletter", "Share this", ""):
        assert parse_date(text) is None
    after = _dateparser.cache_info()
    assert (after.hits, after.misses) == (before.hits, before.misses)


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2019-11-20", "2019-11-20"),
        ("2019-11-20T10:00:00+01:00", "2019-11-20T10:00:00+01:00"),
        ("2019-11-20T10:00:00Z", "2019-11-20T10:00:00+00:00"),
        ("2019-11-20T10:00:00.123456Z", "2019-11-20T10:00:00+00:00"),
        ("2019-11-20T10:00:00.000+0530", "2019-11-20T10:00:00+05:30"),
        ("2019-11-20T10:00-05:00", "2019-11-20T10:00:00-05:00"),
        ("2019-11-20T10:00:00", "2019-11-20"),
        ("2019-11-20 10:00:00", "2019-11-20"),
        ("2019-11-20 10:00:00 UTC", "2019-11-20T10:00:00+00:00"),
        ("20191120", "2019-11-20"),
        ("2019/11/20", "2019-11-20"),
        ("Tue, 19 Nov 2019 16:00:00 GMT", "2019-11-19T16:00:00+00:00"),
        ("Tue, 19 Nov 2019 16:00:00 +0100", "2019-11-19T16:00:00+01:00"),
        ("1574179200", "2019-11-19T16:00:00+00:00"),
        ("1574179200000", "2019-11-19T16:00:00+00:00"),
        ("November 20, 2019", "2019-11-20"),
        (" 2019-11-20 ", "2019-11-20"),
        ("2019-13-20", None),
        ("2019-11-20T25:00:00Z", None),
        ("2019-11-20T10:00:00+25:00", None),
        ("3 days ago", None),
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


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60))
def test_nothing_raises_on_arbitrary_text(text: str) -> None:
    found = find_date(text, reference=REF, page_date=PAGE)
    if found is not None:
        assert found.text and found.text in text
        assert found.iso is None or RFC3339.match(found.iso)
    parsed = parse_date(text, order="DM", reference=REF, page_date=PAGE)
    assert parsed is None or parsed.iso is None or RFC3339.match(parsed.iso)
    iso = to_iso_datetime(text)
    assert iso is None or RFC3339.match(iso)
    infer_order([text])


_DATEISH = st.from_regex(
    r"(?:[~|·]? ?(?:\d{1,4}[/.\- ]){0,3}\d{0,4} ?(?:Nov|mai|de|ago|h|m|d|年|月|日|T|Z|:)?){1,4}",
    fullmatch=True,
)


@settings(max_examples=200, deadline=None)
@given(_DATEISH, st.sampled_from([None, "MD", "DM"]))
def test_nothing_raises_on_date_like_text(text: str, order: str | None) -> None:
    found = find_date(text, order=order, reference=REF, page_date=PAGE)
    assert found is None or found.iso is None or RFC3339.match(found.iso)
    iso = to_iso_datetime(text)
    assert iso is None or RFC3339.match(iso)
