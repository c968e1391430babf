"""Tests of the teaser benches: date_consistent (what a label without date_iso allows), speed."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pytest  # noqa: E402

from bench.teaser_speed import parser_is_compiled  # noqa: E402
from bench.teasers import date_consistent  # noqa: E402
from extractor.errors import ConfigError  # noqa: E402

NOW = datetime(2026, 11, 24, tzinfo=UTC)


def test_a_labelled_iso_date_must_be_equal() -> None:
    assert date_consistent("November 16, 2019", "2019-11-16", "2019-11-16", NOW)
    assert not date_consistent("November 16, 2019", "2019-11-16", None, NOW)
    assert date_consistent(None, None, None, NOW)
    assert not date_consistent(None, None, "2026-11-23", NOW)


def test_an_age_must_be_resolved_against_the_fetch_time() -> None:
    assert date_consistent("13 hours ago", None, "2026-11-23", NOW)
    assert date_consistent("14h", None, "2026-11-23", NOW)
    assert date_consistent("~2 months ago", None, "2026-09-24", NOW)
    assert not date_consistent("13 hours ago", None, None, NOW)
    assert not date_consistent("13 hours ago", None, "2026-11-10", NOW)


def test_no_year_clock_and_ambiguous_dates_may_stay_empty_but_not_be_wrong() -> None:
    assert date_consistent("Nov 18", None, None, NOW)
    assert date_consistent("Nov 18", None, "2019-11-18", NOW)
    assert not date_consistent("Nov 18", None, "2019-11-17", NOW)
    assert date_consistent("14:48", None, "2026-11-24", NOW)
    assert not date_consistent("14:48", None, "2026-11-20", NOW)
    assert date_consistent("Monday 10:00PM", None, "2026-11-23", NOW)
    assert not date_consistent("Monday 10:00PM", None, "2026-11-22", NOW)
    assert date_consistent("11/12/19 4:40PM", None, "2019-12-11", NOW)
    assert not date_consistent("11/12/19 4:40PM", None, "2019-11-13", NOW)


def _speed_page() -> tuple[str, str]:
    items = "".join(
        f"<li><a href='/a/s-{i}'>A long headline number {i} here</a></li>" for i in range(4)
    )
    body = "Words of the body. " * 40
    page = f"<html><body><h1>Story</h1><p>{body}</p><ul>{items}</ul></body></html>"
    return page, "https://news.example/x/story"


@pytest.mark.skipif(parser_is_compiled(), reason="a compiled parser cannot be timed from inside")
def test_teaser_speed_measures_the_search_inside_the_record() -> None:
    import extractor.parse as parse
    from bench.teaser_speed import SEARCH_NAME, measure

    search = getattr(parse, SEARCH_NAME)
    record, teasers = measure([_speed_page()], rounds=2)
    assert 0 < teasers < record
    assert getattr(parse, SEARCH_NAME) is search  # restored after measuring


@pytest.mark.skipif(not parser_is_compiled(), reason="runs against a compiled parser only")
def test_teaser_speed_refuses_a_compiled_parser_rather_than_time_nothing() -> None:
    from bench.teaser_speed import measure

    with pytest.raises(ConfigError, match="compiled"):
        measure([_speed_page()], rounds=1)


def test_the_fresh_label_sets_follow_the_labels_format() -> None:
    from bench.teasers import load_labels

    fields = ["title", "url", "date", "date_iso", "blurb", "blurb_truncated", "block"]
    seen: set[str] = set()
    for number, pages in ((1, 20), (2, 20), (3, 20), (4, 12)):
        lines = load_labels(
            Path(__file__).parent.parent / "bench" / "labels" / f"fresh-{number}.jsonl"
        )
        assert len(lines) == pages
        for line in lines:
            assert set(line) >= {"page", "url", "headline", "section_headings", "teasers", "notes"}
            assert line["page"].split("/")[0] in ("zyte", "readability")
            assert line["page"] not in seen  # no page in two sets
            seen.add(line["page"])
            for teaser in line["teasers"]:
                assert list(teaser) == fields
                assert teaser["blurb_truncated"] is None or teaser["blurb"]
