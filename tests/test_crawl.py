"""End-to-end crawls on loopback: discovery, robots, re-crawls, WARC, lock, limits, kill -9."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from crawlsite import SiteServer

from extractor.archive import ReplayTransport
from extractor.cli import main
from extractor.config import FetchConfig
from extractor.crawl import CrawlConfig, CrawlReport, crawl
from extractor.crawl.lock import CrawlLock
from extractor.crawl.state import State
from extractor.errors import LockedError

ROOT = Path(__file__).parent.parent
ARTICLE_SCHEMA = json.loads((ROOT / "extractor/schema/article.schema.json").read_text("utf-8"))
ERROR_SCHEMA = json.loads((ROOT / "extractor/schema/error.schema.json").read_text("utf-8"))


@pytest.fixture
def site() -> Iterator[SiteServer]:
    with SiteServer(40) as server:
        yield server


def settings(**changes: Any) -> CrawlConfig:
    fetch = FetchConfig(min_delay=0.0, allow_private=True, per_host=4, max_tries=1, deadline=10)
    return replace(CrawlConfig(fetch=fetch, batch_size=8), **changes)


def rows(path: str | Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as stream:
        return [json.loads(line) for line in stream]


def all_records(out: Path) -> list[dict[str, Any]]:
    return [row for path in sorted((out / "records").glob("*.jsonl")) for row in rows(path)]


def pairs(records: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(r["url"], r["content_hash"]) for r in records]


def pages_of(site: SiteServer) -> set[str]:
    """Every page a crawl may fetch: articles, listings, home, about."""
    return site.article_urls() | site.listing_urls() | {site.url("/"), site.url("/about")}


def check_records(report: CrawlReport) -> list[dict[str, Any]]:
    records = rows(report.records)
    for record in records:
        jsonschema.validate(record, ARTICLE_SCHEMA)
        assert record["run_id"] == report.run_id
    for error in rows(report.errors):
        jsonschema.validate(error, ERROR_SCHEMA)
    return records


def test_first_crawl_finds_every_page_and_obeys_robots(site: SiteServer, tmp_path: Path) -> None:
    out = tmp_path / "crawl"
    report = crawl([site.url("/")], out_dir=out, config=settings())

    records = check_records(report)
    assert {r["url"] for r in records} == pages_of(site)
    assert len(records) == len(pages_of(site))  # one record per page
    assert not any(path.startswith("/private/") for path in site.paths())
    counts = report.counts
    assert counts["skipped_robots"] == 2  # /private/admin (footer link), /private/report (sitemap)
    assert counts["new"] == len(records) and counts["changed"] == counts["unchanged"] == 0
    assert counts["failed"] == 0 and report.exit_code == 0
    assert counts["skipped_not_html"] == 1  # the PDF in the footer: no record, no failure
    assert counts["fetched"] == len(records) + 1
    assert counts["discovered"] == len(records) + 3
    # robots.txt, the sitemap index, two child sitemaps and the feed: documents, not pages
    assert counts["documents"] == 5 and counts["documents_failed"] == 0

    # the crawl directory layout of the design
    assert (out / "state.sqlite").is_file()
    assert Path(report.records) == out / "records" / f"{report.run_id}.jsonl"
    assert Path(report.errors) == out / "errors" / f"{report.run_id}.jsonl"
    assert [Path(p).name for p in report.warc] == [f"{report.run_id}-1.warc.gz"]
    saved = json.loads((out / "runs" / f"{report.run_id}.json").read_text("utf-8"))
    assert saved["counts"] == counts and saved["exit_code"] == 0
    assert set(saved["timings"]) >= {"total_seconds", "pages_per_second"}


def test_teaser_links_come_before_other_links(site: SiteServer, tmp_path: Path) -> None:
    # Only the seed page's links, one hop: the teaser-only article is queued before the menu.
    config = settings(max_depth=1, robots_sitemaps=False, batch_size=1)
    seed = site.url("/news/view/article-15")
    crawl([seed], out_dir=tmp_path, config=config)
    fetched = [p for p in site.paths() if p != "/robots.txt"]
    assert fetched[0] == "/news/view/article-15"
    first_teaser = "/news/view/article-" + str(site.data.teasers(15)[0])
    assert fetched.index(first_teaser) < fetched.index("/news/?page=1")
    assert "/news/view/article-16" not in fetched[1:] or fetched.index(
        first_teaser
    ) < fetched.index("/news/view/article-16")


def test_second_crawl_is_conditional_and_writes_nothing(site: SiteServer, tmp_path: Path) -> None:
    first = crawl([site.url("/")], out_dir=tmp_path, config=settings())
    site.clear()
    second = crawl([site.url("/")], out_dir=tmp_path, config=settings())

    assert second.run_id != first.run_id
    assert rows(second.records) == []
    counts = second.counts
    assert counts["unchanged"] == counts["fetched"] == first.counts["fetched"]
    assert counts["new"] == counts["changed"] == counts["failed"] == counts["discovered"] == 0
    assert counts["not_modified"] == counts["requests"] == counts["conditional"]
    # Every request was conditional but the fetcher's own robots.txt check.
    plain = [path for path, headers in site.requests if "if-none-match" not in headers]
    assert plain == ["/robots.txt"]
    assert not any(path.startswith("/private/") for path in site.paths())


def test_a_changed_page_gives_exactly_one_record(site: SiteServer, tmp_path: Path) -> None:
    first = crawl([site.url("/")], out_dir=tmp_path, config=settings())
    crawl([site.url("/")], out_dir=tmp_path, config=settings())
    site.change(5)
    third = crawl([site.url("/")], out_dir=tmp_path, config=settings())

    records = check_records(third)
    assert [r["url"] for r in records] == [site.url("/news/view/article-5")]
    assert third.counts["changed"] == 1 and third.counts["new"] == 0
    old = next(r for r in rows(first.records) if r["url"] == records[0]["url"])
    assert old["content_hash"] != records[0]["content_hash"]
    state = State(tmp_path / "state.sqlite")
    info = state.url_info(records[0]["url"])
    state.close()
    assert info is not None and info["content_hash"] == records[0]["content_hash"]
    assert info["last_changed"] == records[0]["fetched_at"]
    assert info["first_run"] == first.run_id


def test_new_pages_are_discovered_on_a_recrawl(site: SiteServer, tmp_path: Path) -> None:
    crawl([site.url("/")], out_dir=tmp_path, config=settings())
    site.grow(2)
    again = crawl([site.url("/")], out_dir=tmp_path, config=settings())
    assert {r["url"] for r in check_records(again)} == {
        site.url("/news/view/article-40"),
        site.url("/news/view/article-41"),
    }
    assert again.counts["new"] == again.counts["discovered"] == 2


def test_revisit_after_skips_recently_fetched_pages(site: SiteServer, tmp_path: Path) -> None:
    now = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    config = settings(revisit_after=3600)
    crawl([site.url("/")], out_dir=tmp_path, config=config, clock=lambda: now)
    site.clear()
    soon = crawl(
        [site.url("/")], out_dir=tmp_path, config=config, clock=lambda: now + timedelta(minutes=10)
    )
    assert soon.counts["fetched"] == 1  # the seed: entry points are read every run
    assert all(not p.startswith("/news/view/") for p in site.paths())
    later = crawl(
        [site.url("/")], out_dir=tmp_path, config=config, clock=lambda: now + timedelta(hours=2)
    )
    assert later.counts["fetched"] == len(pages_of(site)) + 1  # and the PDF


def test_max_pages_leaves_the_rest_for_the_next_run(site: SiteServer, tmp_path: Path) -> None:
    first = crawl([site.url("/")], out_dir=tmp_path, config=settings(max_pages=10))
    assert first.counts["fetched"] + first.counts["skipped_robots"] == 10
    assert first.counts["pending"] > 0
    second = crawl([site.url("/")], out_dir=tmp_path, config=settings())
    seen = {r["url"] for r in all_records(tmp_path)}
    assert seen == pages_of(site)
    assert second.counts["new"] == len(pages_of(site)) - first.counts["new"]


def test_warc_round_trip_gives_the_same_records(site: SiteServer, tmp_path: Path) -> None:
    crawl([site.url("/")], out_dir=tmp_path, config=settings(warc_max_bytes=20_000))
    site.change(7)
    crawl([site.url("/")], out_dir=tmp_path, config=settings(warc_max_bytes=20_000))
    warcs = sorted(str(p) for p in (tmp_path / "warc").glob("*.warc.gz"))
    assert len(warcs) > 2  # rotated by size

    stdout, stderr = io.StringIO(), io.StringIO()
    with redirect_stdout(stdout), redirect_stderr(stderr):
        code = main(["extract", *warcs])
    assert code == 0, stderr.getvalue()
    replayed = [json.loads(line) for line in stdout.getvalue().splitlines()]
    for record in replayed:
        jsonschema.validate(record, ARTICLE_SCHEMA)
    crawled = pairs(all_records(tmp_path))
    state = State(tmp_path / "state.sqlite")
    try:
        pages = [p for p in pairs(replayed) if (state.url_info(p[0]) or {}).get("kind") == "page"]
        documents = {p[0] for p in pairs(replayed)} - {p[0] for p in pages}
        assert all((state.url_info(u) or {}).get("kind") != "page" for u in documents)
    finally:
        state.close()
    assert sorted(pages) == sorted(crawled)  # same records, each once (304s are revisits)


def test_a_crawl_replays_offline_from_its_warc(site: SiteServer, tmp_path: Path) -> None:
    first = crawl([site.url("/")], out_dir=tmp_path / "live", config=settings())
    replay = ReplayTransport(sorted((tmp_path / "live" / "warc").glob("*.warc.gz")))
    site.clear()
    again = crawl(
        [site.url("/")], out_dir=tmp_path / "replayed", config=settings(), transport=replay
    )
    assert site.paths() == []  # not one request reached the site
    assert sorted(pairs(rows(again.records))) == sorted(pairs(rows(first.records)))
    assert again.counts["skipped_robots"] == first.counts["skipped_robots"]


def test_lock_is_exit_code_3_and_dies_with_its_process(site: SiteServer, tmp_path: Path) -> None:
    argv = ["crawl", site.url("/"), "--out", str(tmp_path), "--allow-private", "--min-delay", "0"]
    with CrawlLock(tmp_path / "lock"):
        with redirect_stderr(io.StringIO()):
            assert main(argv) == 3
        with pytest.raises(LockedError):
            crawl([site.url("/")], out_dir=tmp_path, config=settings())
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from extractor.crawl.lock import CrawlLock; "
            "CrawlLock(sys.argv[1]).acquire(); print('held', flush=True); time.sleep(60)",
            str(tmp_path / "lock"),
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(LockedError):
            CrawlLock(tmp_path / "lock").acquire()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    with redirect_stderr(io.StringIO()):
        assert main(argv) == 0  # kill -9 left no stale lock


def test_cli_crawl_writes_the_summary_and_formats(site: SiteServer, tmp_path: Path) -> None:
    job = tmp_path / "job.toml"
    job.write_text(
        f'[job]\nseeds = ["{site.url("/")}"]\nout = "out"\n'
        "[politeness]\nmin_delay = 0\nallow_private = true\n"
        '[outputs]\nformats = ["jsonl", "sqlite", "json"]\n',
        "utf-8",
    )
    stderr = io.StringIO()
    with redirect_stderr(stderr):
        assert main(["crawl", "--job", str(job), "--max-pages", "5"]) == 0
    assert "pages fetched" in stderr.getvalue() and "Exit code 0" in stderr.getvalue()
    assert "page/s" not in stderr.getvalue()  # no progress bar when stderr is not a terminal
    (report_file,) = (tmp_path / "out" / "runs").glob("*.json")
    report = json.loads(report_file.read_text("utf-8"))
    assert report["counts"]["fetched"] + report["counts"]["skipped_robots"] == 5  # flag > job
    assert sorted(Path(p).suffix for p in report["outputs"]) == [".json", ".sqlite"]
    with redirect_stderr(io.StringIO()):
        assert main(["crawl", "--job", str(tmp_path / "missing.toml")]) == 2
        assert main(["crawl", "--out", str(tmp_path / "x")]) == 2  # nothing to crawl
        assert main(["crawl", site.url("/"), "--engine", "dask", "--out", str(tmp_path)]) == 2


def test_the_fixture_site_crawl_and_recrawl(site_copy: tuple[str, Path], tmp_path: Path) -> None:
    base, root = site_copy
    sitemap = (root / "sitemap.xml").read_text("utf-8")
    articles = {
        base + "/news/view/" + page.stem for page in (root / "news" / "view").glob("*.html")
    }
    assert all(url.rsplit("/", 1)[1] in sitemap for url in articles)
    first = crawl([base + "/"], out_dir=tmp_path, config=settings())
    assert articles <= {r["url"] for r in check_records(first)}
    assert first.exit_code == 0

    again = crawl([base + "/"], out_dir=tmp_path, config=settings())
    assert rows(again.records) == []
    assert again.counts["not_modified"] == again.counts["requests"]

    page = root / "news" / "view" / "sleep-apnea-fatigue-b7k2m4.html"
    html = page.read_text("utf-8")
    marker = "Most of them had never been tested."
    assert marker in html
    page.write_text(html.replace(marker, marker + " A second clinic found the same."), "utf-8")
    changed = crawl([base + "/"], out_dir=tmp_path, config=settings())
    (record,) = check_records(changed)
    assert record["url"] == base + "/news/view/sleep-apnea-fatigue-b7k2m4"
    assert "A second clinic found the same." in record["text"]


# ---------------------------------------------------------------------------- kill -9


def run_crawl(site: SiteServer, out: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, EXTRACTOR_BATCH_SIZE="4", EXTRACTOR_CONCURRENCY="4")
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "extractor",
            "crawl",
            site.url("/"),
            "--out",
            str(out),
            "--allow-private",
            "--min-delay",
            "0",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def kill_mid_run(site: SiteServer, out: Path, seconds: float) -> bool:
    """Start a crawl, SIGKILL it ``seconds`` after it holds the lock; True if it was killed."""
    process = run_crawl(site, out)
    deadline = time.monotonic() + 30
    lock = out / "lock"
    while process.poll() is None:
        assert time.monotonic() < deadline, "the crawl never started"
        if lock.exists() and lock.read_text().strip() == str(process.pid):
            break
        time.sleep(0.002)
    time.sleep(seconds)
    killed = process.poll() is None
    process.send_signal(signal.SIGKILL)
    process.wait()
    return killed


@pytest.fixture(scope="module")
def kill_site() -> Iterator[tuple[SiteServer, list[tuple[str, str]]]]:
    """A site slow enough to be killed mid-run, and the records an uninterrupted crawl gives."""
    import tempfile

    with SiteServer(60, delay=0.004) as site, tempfile.TemporaryDirectory() as folder:
        reference = crawl([site.url("/")], out_dir=folder, config=settings())
        assert reference.counts["fetched"] == len(rows(reference.records)) + 1  # and the PDF
        yield site, sorted(pairs(rows(reference.records)))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_kill_9_and_resume_lose_and_repeat_nothing(
    kill_site: tuple[SiteServer, list[tuple[str, str]]], tmp_path: Path, seed: int
) -> None:
    import random

    site, expected = kill_site
    rng = random.Random(seed)
    out = tmp_path / "killed"
    kills = sum(kill_mid_run(site, out, rng.uniform(0.0, 0.5)) for _ in range(2))
    process = run_crawl(site, out)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 0, stderr

    records = all_records(out)
    for record in records:
        jsonschema.validate(record, ARTICLE_SCHEMA)
    assert sorted(pairs(records)) == expected  # nothing lost, nothing repeated
    (report_file,) = (out / "runs").glob("*.json")
    report = json.loads(report_file.read_text("utf-8"))
    assert report["counts"]["new"] == len(expected)
    assert report["counts"]["fetched"] == len(expected) + 1  # and the PDF
    # A kill right after the lock may come before the run is opened: not every kill resumes.
    assert kills == 0 or 2 <= report["segments"] <= 1 + kills
    assert len({r["run_id"] for r in records}) == 1  # one run, resumed
    for line in (out / "records" / f"{report['run_id']}.jsonl").read_bytes().splitlines(True):
        assert line.endswith(b"\n")
