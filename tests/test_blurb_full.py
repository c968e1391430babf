"""Truncated teasers resolved in a crawl: blurb_full from the target page, each record once."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from crawlsite import SiteServer
from test_crawl import kill_mid_run, run_crawl

from extractor.config import FetchConfig
from extractor.crawl import CrawlConfig, CrawlReport, crawl
from extractor.crawl.blurbs import BlurbStore, resolve, truncated_targets
from extractor.crawl.state import State
from extractor.crawl.urls import canonicalize
from extractor.models import ExtractorInfo, Record, Section, Site
from extractor.normalize import blurb_stem, full_blurb, full_texts

ROOT = Path(__file__).parent.parent
ARTICLE_SCHEMA = json.loads((ROOT / "extractor/schema/article.schema.json").read_text("utf-8"))


def settings(**changes: Any) -> CrawlConfig:
    fetch = FetchConfig(min_delay=0.0, allow_private=True, per_host=4, max_tries=1, deadline=10)
    return replace(CrawlConfig(fetch=fetch, batch_size=2), **changes)


def records_of(out: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for path in sorted((out / "records").glob("*.jsonl")):
        with open(path, encoding="utf-8") as stream:
            rows += [json.loads(line) for line in stream]
    return rows


def expected_full(teaser: dict[str, Any], target: dict[str, Any]) -> str | None:
    """What the acceptance asks for, from the target's record: its summary or the paragraph
    that starts with the blurb (cut at its ellipsis)."""
    stem = blurb_stem(teaser["blurb"])
    assert stem
    candidates = [target["summary"]] + [p for s in target["sections"] for p in s["paragraphs"]]
    return next((c for c in candidates if c and c.startswith(stem)), None)


def check_resolved(records: list[dict[str, Any]]) -> int:
    """Every truncated teaser whose target was crawled carries its full text; how many did."""
    by_url = {canonicalize(r["url"]): r for r in records}
    resolved = 0
    for record in records:
        jsonschema.validate(record, ARTICLE_SCHEMA)
        for teaser in record["teasers"]:
            target = by_url.get(canonicalize(teaser["url"], record["url"]))
            if not teaser["truncated"] or target is None:
                assert teaser.get("blurb_full") is None, teaser
                continue
            want = expected_full(teaser, target)
            assert want is not None, (record["url"], teaser)
            assert teaser.get("blurb_full") == want, (record["url"], teaser)
            resolved += 1
    return resolved


# ---------------------------------------------------------------------------- pure parts


def test_full_blurb_takes_the_summary_or_the_paragraph_the_blurb_starts() -> None:
    texts = ("The dek of the story, in full.", "First paragraph runs on and on.")
    assert full_blurb("The dek of the st…", texts) == texts[0]
    assert full_blurb("First paragraph runs on...", texts) == texts[1]
    assert full_blurb("First  paragraph\u00a0runs", texts) == texts[1]  # whitespace folded
    assert full_blurb("Something else entirely", texts) is None
    assert full_blurb(None, texts) is None
    assert blurb_stem("Cut here [\u2026]") == "Cut here"


def test_full_texts_are_the_summary_then_the_opening_paragraphs() -> None:
    sections = tuple(Section(None, None, (f"P{i}a", f"P{i}b")) for i in range(20))
    record = Record(
        url="http://a.test/x",
        site=Site("a.test"),
        extractor=ExtractorInfo("0"),
        content_hash="sha256:" + "0" * 64,
        summary="S",
        sections=sections,
    )
    texts = full_texts(record)
    assert texts[:3] == ("S", "P0a", "P0b")
    assert len(texts) == 13  # bounded: the summary and twelve paragraphs


def test_resolve_fills_only_truncated_teasers_with_a_match() -> None:
    record = {
        "url": "http://a.test/news/1",
        "teasers": [
            {"blurb": "Alpha beta ga…", "url": "/news/2", "truncated": True},
            {"blurb": "Whole blurb.", "url": "/news/3", "truncated": False},
            {"blurb": "Not on the page…", "url": "/news/2", "truncated": True},
        ],
    }
    assert truncated_targets(record) == ("http://a.test/news/2",)
    out = resolve(record, {"http://a.test/news/2": ("Alpha beta gamma delta.",)})
    assert out["teasers"][0]["blurb_full"] == "Alpha beta gamma delta."
    assert out["teasers"][1].get("blurb_full") is None
    assert out["teasers"][2].get("blurb_full") is None
    assert record["teasers"][0].get("blurb_full") is None  # the input is left as it was


# ---------------------------------------------------------------------------- crawls


@pytest.mark.parametrize("batch_size", [1, 2, 64])
def test_fixture_site_crawl_resolves_every_truncated_teaser(
    site_server: str, tmp_path: Path, batch_size: int
) -> None:
    report = crawl([site_server + "/"], out_dir=tmp_path, config=settings(batch_size=batch_size))
    records = records_of(tmp_path)
    assert len({(r["url"], r["content_hash"]) for r in records}) == len(records)
    assert report.counts["new"] == len(records)
    assert check_resolved(records) >= 60  # the site's cards are all cut at 100 characters
    # On this site every blurb is cut from the target's summary (the dek).
    by_url = {canonicalize(r["url"]): r for r in records}
    for record in records:
        for teaser in record["teasers"]:
            target = by_url[canonicalize(teaser["url"], record["url"])]
            assert teaser["blurb_full"] == target["summary"]


def test_targets_left_for_the_next_run_are_not_resolved(site_server: str, tmp_path: Path) -> None:
    report = crawl([site_server + "/"], out_dir=tmp_path, config=settings(max_pages=3))
    records = records_of(tmp_path)
    assert report.counts["pending"] > 0 and len(records) == 3
    check_resolved(records)
    unresolved = [t for r in records for t in r["teasers"] if t["truncated"]]
    assert any(t.get("blurb_full") is None for t in unresolved)  # their pages were not crawled
    state = State(tmp_path / "state.sqlite")
    try:
        assert BlurbStore(state).held_count() == 0  # the run's end wrote every held record
    finally:
        state.close()


class Boom(Exception):
    """Stands in for a kill at one point of the run loop."""


def crash_once(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str, after: int) -> None:
    """``owner.name`` raises Boom on its ``after``-th call (1-based) and works afterwards."""
    original = getattr(owner, name)
    calls = {"n": 0}

    def wrapped(self: Any, *args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == after:
            raise Boom(name)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(owner, name, wrapped)


@pytest.mark.parametrize(
    ("owner", "name", "after"),
    [
        (State, "commit", 3),  # held rows stored, the batch never committed
        (BlurbStore, "released", 2),  # held records written, the state not yet told
        (BlurbStore, "releasable", 4),
        (State, "finish_run", 1),  # every record written, the run not closed
    ],
)
def test_a_crash_anywhere_writes_each_record_once(
    site_server: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    owner: Any,
    name: str,
    after: int,
) -> None:
    with pytest.MonkeyPatch.context() as patch:
        crash_once(patch, owner, name, after)
        with pytest.raises(Boom):
            crawl([site_server + "/"], out_dir=tmp_path, config=settings())
    report: CrawlReport = crawl([site_server + "/"], out_dir=tmp_path, config=settings())
    records = records_of(tmp_path)
    pairs = [(r["url"], r["content_hash"]) for r in records]
    if name == "finish_run":  # its report was written: the run had ended, a re-crawl follows
        assert report.segments == 1 and report.counts["new"] == 0
    else:
        assert report.segments == 2
        assert len(set(pairs)) == len(pairs) == report.counts["new"]
    assert len(records) == 17  # every page of the site
    assert check_resolved(records) >= 60


# ---------------------------------------------------------------------------- kill -9


@pytest.fixture(scope="module")
def slow_site() -> Iterator[tuple[SiteServer, list[tuple[str, str]]]]:
    with SiteServer(60, delay=0.004) as site, tempfile.TemporaryDirectory() as folder:
        crawl([site.url("/")], out_dir=folder, config=settings(batch_size=8))
        records = records_of(Path(folder))
        assert check_resolved(records) > 0
        yield site, sorted((r["url"], r["content_hash"]) for r in records)


@pytest.mark.parametrize("seed", [4, 5])
def test_kill_9_and_resume_write_each_resolved_record_once(
    slow_site: tuple[SiteServer, list[tuple[str, str]]], tmp_path: Path, seed: int
) -> None:
    site, expected = slow_site
    rng = random.Random(seed)
    out = tmp_path / "killed"
    for _ in range(2):
        kill_mid_run(site, out, rng.uniform(0.05, 0.6))
    process = run_crawl(site, out)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 0, stderr
    records = records_of(out)
    assert sorted((r["url"], r["content_hash"]) for r in records) == expected
    check_resolved(records)


def _killed_crawl(seed: str, out: Path, seconds: float) -> None:
    """``extractor crawl`` in a process, SIGKILLed ``seconds`` after it holds the lock."""
    env = dict(os.environ, EXTRACTOR_BATCH_SIZE="2", EXTRACTOR_CONCURRENCY="2")
    argv = [sys.executable, "-m", "extractor", "crawl", seed, "--out", str(out)]
    argv += ["--allow-private", "--min-delay", "0"]
    process = subprocess.Popen(argv, cwd=ROOT, env=env, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while process.poll() is None and time.monotonic() < deadline:
        lock = out / "lock"
        if lock.exists() and lock.read_text().strip() == str(process.pid):
            break
        time.sleep(0.002)
    time.sleep(seconds)
    process.send_signal(signal.SIGKILL)
    process.wait()


@pytest.mark.parametrize("seed", [6, 7, 8])
def test_fixture_site_killed_and_resumed_writes_each_record_once(
    site_server: str, tmp_path: Path, seed: int
) -> None:
    rng = random.Random(seed)
    reference = tmp_path / "reference"
    crawl([site_server + "/"], out_dir=reference, config=settings())
    want = sorted((r["url"], r["content_hash"]) for r in records_of(reference))
    out = tmp_path / "killed"
    for _ in range(3):
        _killed_crawl(site_server + "/", out, rng.uniform(0.0, 0.4))
    crawl([site_server + "/"], out_dir=out, config=settings())
    records = records_of(out)
    assert sorted((r["url"], r["content_hash"]) for r in records) == want
    assert check_resolved(records) >= 60
