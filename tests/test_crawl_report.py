"""Run reports: the JSON file, the summary paragraph, the progress bar (terminal only)."""

from __future__ import annotations

import io
import json
from pathlib import Path

from extractor.crawl.report import CrawlReport, Progress, read_report, write_report
from extractor.crawl.state import Counts


def report(**counts: int) -> CrawlReport:
    numbers = Counts(
        discovered=12,
        fetched=10,
        new=6,
        changed=1,
        unchanged=2,
        failed=1,
        skipped_robots=3,
        documents=4,
        requests=14,
        conditional=5,
        not_modified=2,
        elapsed=4.0,
        fetch_seconds=2.5,
        parse_seconds=1.0,
        write_seconds=0.25,
    )
    for name, value in counts.items():
        setattr(numbers, name, value)
    return CrawlReport.from_counts(
        run_id="20260301T120000Z",
        out_dir="crawl",
        started_at="2026-03-01T12:00:00Z",
        finished_at="2026-03-01T12:00:04Z",
        segments=2,
        counts=numbers,
        pending=0,
        records="crawl/records/20260301T120000Z.jsonl",
        errors="crawl/errors/20260301T120000Z.jsonl",
        warc=("crawl/warc/x-1.warc.gz",),
        outputs=(),
    )


def test_exit_code_follows_failures() -> None:
    assert report().exit_code == 1
    assert report(failed=0).exit_code == 0


def test_report_file_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "runs" / "20260301T120000Z.json"
    write_report(path, report())
    data = json.loads(path.read_text("utf-8"))
    assert data["schema"] == "extractor.crawl-report/1"
    assert list(data["counts"])[:7] == [
        "discovered",
        "fetched",
        "new",
        "changed",
        "unchanged",
        "failed",
        "skipped_robots",
    ]
    assert data["timings"]["pages_per_second"] == 2.5
    assert data["exit_code"] == 1
    assert read_report(path) == report()
    assert not path.with_name(path.name + ".tmp").exists()


def test_summary_is_one_paragraph_that_says_it_all() -> None:
    text = report().summary()
    assert "\n" not in text
    for part in (
        "20260301T120000Z",
        "10 pages fetched",
        "6 new",
        "1 changed",
        "2 unchanged",
        "1 failed",
        "3 skipped by robots.txt",
        "resumed 1 time",
        "Exit code 1",
        "error records in crawl/errors/20260301T120000Z.jsonl",
    ):
        assert part in text
    assert "error records" not in report(failed=0).summary()


def test_progress_only_when_enabled() -> None:
    shown = io.StringIO()
    with Progress(enabled=True, stream=shown) as bar:
        bar.update(5, total=10, failed=1, new=4)
        bar.update(5, total=10, failed=1, new=8)
    assert "10/10" in shown.getvalue() and "errors=1" in shown.getvalue()
    quiet = io.StringIO()
    with Progress(enabled=False, stream=quiet) as bar:
        bar.update(5, total=10, failed=0, new=5)
    assert quiet.getvalue() == ""
