"""The crawl state (SQLite) and resume after a crash between writing records and committing them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from crawlsite import SiteServer

from extractor.archive import archive_files, iter_responses
from extractor.config import FetchConfig
from extractor.crawl import CrawlConfig, crawl
from extractor.crawl.state import Counts, Link, Result, State

NOW = "2026-03-01T12:00:00Z"


@pytest.fixture
def state(tmp_path: Path) -> Iterator[State]:
    db = State(tmp_path / "state.sqlite")
    yield db
    db.close()


def test_frontier_order_documents_first_then_discovery_order(state: State) -> None:
    state.start_run("r1", NOW)
    added = state.seed(
        "r1",
        [
            Link("http://ex.com/", "page"),
            Link("http://ex.com/sitemap.xml", "sitemap"),
            Link("http://ex.com/robots.txt", "robots"),
            Link("http://ex.com/b", "page"),
        ],
        now=NOW,
        revisit_before=None,
    )
    assert added == 2  # pages only
    batch = state.next_batch(10)
    assert [t.url for t in batch] == [
        "http://ex.com/robots.txt",
        "http://ex.com/sitemap.xml",
        "http://ex.com/",
        "http://ex.com/b",
    ]
    assert [t.url for t in state.next_batch(1, kinds=("page",))] == ["http://ex.com/"]


def test_commit_marks_done_and_enqueues_new_links_once(state: State) -> None:
    state.start_run("r1", NOW)
    state.seed("r1", [Link("http://ex.com/", "page")], now=NOW, revisit_before=None)
    links = (Link("http://ex.com/a", "page", 1), Link("http://ex.com/", "page", 1))
    counts = Counts(fetched=1, new=1)
    state.commit(
        "r1",
        [
            Result(
                "http://ex.com/",
                "new",
                NOW,
                status=200,
                etag='"e"',
                content_hash="sha256:1",
                record_url="http://ex.com/",
                links=links,
            )
        ],
        counts,
        now=NOW,
    )
    assert counts.discovered == 1  # the seed was known already
    assert [t.url for t in state.next_batch(10)] == ["http://ex.com/a"]
    assert state.is_seen("http://ex.com/", "sha256:1")
    info = state.url_info("http://ex.com/")
    assert info is not None
    assert (info["etag"], info["content_hash"], info["last_status"]) == ('"e"', "sha256:1", 200)
    run = state.run("r1")
    assert run is not None and (run.counts.fetched, run.counts.new, run.counts.discovered) == (
        1,
        1,
        2,
    )


def test_a_304_keeps_validators_and_hash(state: State) -> None:
    state.start_run("r1", NOW)
    state.seed("r1", [Link("http://ex.com/", "page")], now=NOW, revisit_before=None)
    state.commit(
        "r1",
        [
            Result(
                "http://ex.com/",
                "new",
                NOW,
                status=200,
                etag='"e"',
                last_modified="Thu, 01 Jan 2026 00:00:00 GMT",
                content_hash="sha256:1",
                record_url="http://ex.com/",
            )
        ],
        Counts(),
        now=NOW,
    )
    state.finish_run("r1", NOW, 0)
    state.start_run("r2", "2026-03-02T12:00:00Z")
    state.seed("r2", [], now=NOW, revisit_before=None)
    (task,) = state.next_batch(10)
    assert (task.etag, task.last_modified) == ('"e"', "Thu, 01 Jan 2026 00:00:00 GMT")
    state.commit(
        "r2",
        [Result(task.url, "unchanged", "2026-03-02T12:00:00Z", status=304)],
        Counts(),
        now="2026-03-02T12:00:00Z",
    )
    info = state.url_info(task.url)
    assert info is not None
    assert (info["etag"], info["content_hash"], info["last_changed"]) == ('"e"', "sha256:1", NOW)
    assert info["last_fetched"] == "2026-03-02T12:00:00Z"


def test_revisit_before_and_links_to_known_pages(state: State) -> None:
    state.start_run("r1", NOW)
    state.seed(
        "r1",
        [Link("http://ex.com/", "page"), Link("http://ex.com/old", "page")],
        now=NOW,
        revisit_before=None,
    )
    state.commit(
        "r1",
        [Result("http://ex.com/old", "new", NOW, status=200)],
        Counts(),
        now="2026-03-01T00:00:00Z",
    )
    state.commit("r1", [Result("http://ex.com/", "new", NOW, status=200)], Counts(), now=NOW)
    state.finish_run("r1", NOW, 0)
    state.start_run("r2", NOW)
    state.seed("r2", [], now=NOW, revisit_before="2026-03-01T06:00:00Z")
    assert [t.url for t in state.next_batch(10)] == ["http://ex.com/old"]
    # a link to a known page that is not due does not make it due
    state.commit(
        "r2",
        [
            Result(
                "http://ex.com/old",
                "unchanged",
                NOW,
                status=304,
                links=(Link("http://ex.com/", "page", 1),),
            )
        ],
        Counts(),
        now=NOW,
    )
    assert state.next_batch(10) == []


def test_run_ids_and_unfinished_runs(state: State) -> None:
    assert state.new_run_id("20260301T120000Z") == "20260301T120000Z"
    state.start_run("20260301T120000Z", NOW)
    assert state.new_run_id("20260301T120000Z") == "20260301T120000Z-2"
    unfinished = state.unfinished_run()
    assert unfinished is not None and unfinished.run_id == "20260301T120000Z"
    state.finish_run("20260301T120000Z", NOW, 1)
    assert state.unfinished_run() is None
    last = state.last_finished_run()
    assert last is not None and last.exit_code == 1


def test_recover_record(state: State) -> None:
    state.start_run("r1", NOW)
    state.seed("r1", [Link("http://ex.com/a", "page")], now=NOW, revisit_before=None)
    assert state.recover_record("r1", "http://ex.com/a", None, "sha256:1", NOW) == "new"
    assert state.recover_record("r1", "http://ex.com/a", None, "sha256:1", NOW) is None
    (task,) = state.next_batch(10)
    assert task.recovered and task.content_hash == "sha256:1" and task.etag is None
    assert state.recover_record("r1", "http://ex.com/a", None, "sha256:2", NOW) == "changed"
    assert state.recover_error("http://ex.com/a") is True
    assert state.recover_error("http://ex.com/a") is False


# ---------------------------------------------------------------------------- crash and resume


class Crash(Exception):
    """Stands for the process dying at the point the test picks."""


def settings(**changes: Any) -> CrawlConfig:
    fetch = FetchConfig(min_delay=0.0, allow_private=True, per_host=4, max_tries=1)
    return replace(CrawlConfig(fetch=fetch, batch_size=4), **changes)


def test_resume_commits_what_was_written_but_not_committed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Die after the third batch's records are fsynced and before its commit; tear the files."""
    with SiteServer(30) as site:
        reference = crawl([site.url("/")], out_dir=tmp_path / "ref", config=settings())
        expected = sorted(
            (json.loads(line)["url"], json.loads(line)["content_hash"])
            for line in Path(reference.records).read_text("utf-8").splitlines()
        )
        commit = State.commit
        calls = {"n": 0}

        def dying_commit(
            self: State, run_id: str, results: list[Result], counts: Counts, *, now: str
        ) -> None:
            calls["n"] += any(r.record_url for r in results)
            if calls["n"] == 2:  # the second batch that wrote records
                raise Crash("killed between the fsync and the commit")
            commit(self, run_id, results, counts, now=now)

        out = tmp_path / "crawl"
        monkeypatch.setattr(State, "commit", dying_commit)
        with pytest.raises(Crash):
            crawl([site.url("/")], out_dir=out, config=settings())
        monkeypatch.setattr(State, "commit", commit)

        (records,) = (out / "records").glob("*.jsonl")
        written = records.read_text("utf-8").splitlines()
        assert written, "the crashed batch had written records"
        with open(records, "ab") as stream:  # and a torn line from a write cut short
            stream.write(b'{"schema":"extractor.article/1","url":"http://x/"')
        (warc,) = [p for _, p in archive_files(out / "warc")]
        with open(warc, "ab") as stream:  # and a torn WARC record
            stream.write(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03torn")

        resumed = crawl([site.url("/")], out_dir=out, config=settings())

    assert resumed.segments == 2
    assert resumed.counts["recovered"] >= 1
    got = sorted(
        (json.loads(line)["url"], json.loads(line)["content_hash"])
        for line in records.read_text("utf-8").splitlines()
    )
    assert got == expected  # the recovered records once each, the torn line gone
    assert resumed.counts["new"] == len(expected)
    assert resumed.counts["fetched"] == len(expected) + 1  # and the PDF
    assert list(iter_responses(warc))  # repaired: readable to its end
    assert len(resumed.warc) == 2  # the resumed segment writes a new file
