"""Acceptance of site learning: a crawl and an `extract` batch of a site the code has never seen."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from kidneysite import AMBIGUOUS, ARTICLES, JOURNALS, OLD_TEMPLATE, Article, KidneySite, disclaimer
from records import valid

from extractor.cli import main
from extractor.config import FetchConfig
from extractor.crawl import CrawlConfig, CrawlReport, crawl
from extractor.crawl.state import State
from extractor.site import SLOTS_KEY

BY_PATH = {Article(i).path: Article(i) for i in range(ARTICLES)}


@pytest.fixture(scope="module")
def kidney() -> Iterator[KidneySite]:
    with KidneySite() as site:
        yield site


def settings(**changes: Any) -> CrawlConfig:
    fetch = FetchConfig(min_delay=0.0, allow_private=True, per_host=4, max_tries=1, deadline=10)
    return replace(CrawlConfig(fetch=fetch, batch_size=8), **changes)


def rows(path: str | Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as stream:
        return [valid(json.loads(line)) for line in stream]


def articles(records: list[dict[str, Any]]) -> list[tuple[Article, dict[str, Any]]]:
    found = []
    for r in records:
        path = "/" + r["url"].split("/", 3)[3]
        if path in BY_PATH:
            found.append((BY_PATH[path], r))
    return sorted(found, key=lambda pair: pair[0].i)


@pytest.fixture(scope="module")
def crawled(
    kidney: KidneySite, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, CrawlReport]:
    out = tmp_path_factory.mktemp("kidney") / "crawl"
    report = crawl([kidney.base + "/"], out_dir=out, config=settings())
    return out, report


def check_page(article: Article, r: dict[str, Any]) -> None:
    """The acceptance: the disclaimer is disclaimer boilerplate with its journal as the slot,
    and every date reads day first."""
    notes = "\n".join(b["text"] for b in r["boilerplate"] if b["kind"] == "disclaimer")
    for paragraph in disclaimer(article.i):
        assert paragraph in notes, (article.i, paragraph[:40])
        assert paragraph not in r["text"]
    assert "Researchers followed" in r["text"]
    journal = JOURNALS[article.i % len(JOURNALS)]
    slots = [s["value"] for s in r["metadata"][SLOTS_KEY] if s["kind"] == "disclaimer"]
    assert slots == [journal]
    assert r["published"] == article.iso
    assert r["teasers"], article.i
    for teaser in r["teasers"]:
        linked = BY_PATH["/" + teaser["url"].split("/", 3)[3]]
        assert teaser["date"] == linked.iso


def test_the_site_has_what_the_test_needs(kidney: KidneySite) -> None:
    from datetime import UTC, datetime

    from extractor.pipeline import extract

    now = datetime(2025, 11, 1, tzinfo=UTC)
    alone = {
        i: extract(Article(i).html(), kidney.base + Article(i).path, now=now).to_dict()
        for i in range(ARTICLES)
    }
    # Read alone, the old template's disclaimer is body text and ambiguous dates stay unread.
    for i in OLD_TEMPLATE:
        assert disclaimer(i)[0] in alone[i]["text"]
    for i in AMBIGUOUS:
        assert alone[i]["published"] is None
        assert all(t["date"] is None for t in alone[i]["teasers"])
    assert any(
        b["kind"] == "disclaimer"
        for i in range(ARTICLES)
        if i not in OLD_TEMPLATE
        for b in alone[i]["boilerplate"]
    )


def test_every_page_of_a_crawl_has_the_disclaimer_and_its_journal(
    crawled: tuple[Path, CrawlReport],
) -> None:
    out, report = crawled
    assert report.exit_code == 0
    assert report.sites == (
        {"host": "127.0.0.1", "pages": ARTICLES + 2, "templates": 4, "date_order": "DM"},
    )
    assert "Learned 127.0.0.1 over 14 pages: 4 recurring blocks, day first." in report.summary()
    pages = articles(rows(report.records))
    assert [a.i for a, _ in pages] == list(range(ARTICLES))
    for article, r in pages:
        check_page(article, r)


def test_a_recrawl_writes_nothing_new_and_keeps_learning_once(
    kidney: KidneySite, crawled: tuple[Path, CrawlReport]
) -> None:
    out, _ = crawled
    again = crawl([kidney.base + "/"], out_dir=out, config=settings())
    assert again.exit_code == 0
    assert rows(again.records) == []
    state = State(out / "state.sqlite")
    try:
        stats = state.site_host("127.0.0.1")
    finally:
        state.close()
    assert stats is not None and stats.pages == ARTICLES + 2  # with the home and about pages


def test_the_site_command_shows_the_learned_template(
    crawled: tuple[Path, CrawlReport], capsys: pytest.CaptureFixture[str]
) -> None:
    out, _ = crawled
    assert main(["site", "127.0.0.1", "--out", str(out)]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["date_order"] == "DM"
    assert shown["date_order_evidence"]["MD"] == 0
    notes = [t for t in shown["templates"] if t["kind"] == "disclaimer"]
    assert len(notes) == 3
    slotted = [t for t in notes if t["slotted"]]
    assert len(slotted) == 1 and slotted[0]["pages"] == ARTICLES
    assert "appeared in {slot} and was written" in slotted[0]["pattern"]
    capsys.readouterr()
    assert main(["site", "http://127.0.0.1:8080/stories/", "--out", str(out)]) == 0
    assert json.loads(capsys.readouterr().out) == shown
    assert main(["site", "nowhere.test", "--out", str(out)]) == 1
    capsys.readouterr()
    assert main(["site", "--out", str(out)]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "hosts": [{"host": "127.0.0.1", "pages": 14, "templates": 4, "date_order": "DM"}]
    }
    assert main(["site", "127.0.0.1", "--out", str(out / "missing")]) == 2


def test_without_site_learning_the_old_template_keeps_its_disclaimer_in_the_body(
    kidney: KidneySite, tmp_path: Path
) -> None:
    report = crawl(
        [kidney.base + "/"], out_dir=tmp_path / "c", config=settings(), site_learning=False
    )
    pages = dict((a.i, r) for a, r in articles(rows(report.records)))
    assert disclaimer(2)[0] in pages[2]["text"]
    assert SLOTS_KEY not in pages[2]["metadata"]


def test_an_older_state_file_gains_the_site_tables(tmp_path: Path) -> None:
    from extractor.crawl import state as state_module

    path = tmp_path / "state.sqlite"
    db = sqlite3.connect(path)
    db.executescript(state_module._SCHEMA)  # a state file from before site learning
    db.execute("INSERT INTO meta VALUES ('schema', ?)", (state_module.SCHEMA_VERSION,))
    db.commit()
    db.close()
    state = State(path)
    try:
        assert state.site_hosts() == []
        assert state.site_host("x.test") is None
        assert not state.site_page_known("x.test", "h:1")
    finally:
        state.close()
    db = sqlite3.connect(path)
    meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
    db.close()
    assert meta == {"schema": state_module.SCHEMA_VERSION, "site_schema": "1"}


def test_extract_learns_over_its_batch_of_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = []
    for i in range(ARTICLES):
        path = tmp_path / f"{i:02d}.html"
        path.write_text(Article(i).html(), encoding="utf-8")
        files.append(str(path))
    base = "https://kidney.test/stories/page"
    assert main(["extract", *files, "--base-url", base]) == 0
    records = [valid(json.loads(line)) for line in capsys.readouterr().out.splitlines()]
    assert len(records) == ARTICLES
    for i, r in enumerate(records):
        check_page(Article(i), r)
    assert main(["extract", *files, "--base-url", base, "--no-site-learning"]) == 0
    alone = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert disclaimer(2)[0] in alone[2]["text"]


def test_re_extracting_the_crawls_archive_gives_the_same_records(
    crawled: tuple[Path, CrawlReport], capsys: pytest.CaptureFixture[str]
) -> None:
    out, report = crawled
    warcs = sorted(str(p) for p in (out / "warc").glob("*.warc.gz"))
    assert main(["extract", *warcs]) == 0
    replayed = articles([valid(json.loads(line)) for line in capsys.readouterr().out.splitlines()])
    first = articles(rows(report.records))
    # The archive may hold the re-crawl too: the same pages, the same records.
    assert {(r["url"], r["content_hash"]) for _, r in replayed} == {
        (r["url"], r["content_hash"]) for _, r in first
    }
    for article, r in replayed:
        check_page(article, r)


def test_extract_learns_over_its_urls_and_fetches_each_once(kidney: KidneySite) -> None:
    from extractor.fetch import Fetcher
    from extractor.pipeline import extract_sources_learned

    urls = [kidney.base + Article(i).path for i in range(ARTICLES)]
    before = dict(kidney.hits)
    fetcher = Fetcher(FetchConfig(min_delay=0.0, per_host=4), seeds=urls)
    records = [valid(item.to_dict()) for item in extract_sources_learned(urls, fetcher=fetcher)]
    assert all(r["schema"] == "extractor.article/1" for r in records)
    fetched = {p: n - before.get(p, 0) for p, n in kidney.hits.items() if p in BY_PATH}
    assert fetched == dict.fromkeys(BY_PATH, 1)
    assert len(articles(records)) == ARTICLES
    for article, r in articles(records):
        check_page(article, r)


def test_later_runs_apply_what_earlier_runs_learned(kidney: KidneySite, tmp_path: Path) -> None:
    # One page per batch: a page is helped only by itself and what earlier batches and runs
    # taught. The first run reads the home page and articles 0 and 1 only.
    one = settings(batch_size=1)
    first = crawl([kidney.base + "/"], out_dir=tmp_path, config=replace(one, max_pages=3))
    assert [a.i for a, _ in articles(rows(first.records))] == [0, 1]

    second = crawl([kidney.base + "/"], out_dir=tmp_path, config=one)
    pages = articles(rows(second.records))
    # Article 2, of the old template, is read first in this run: the disclaimer's two other
    # sightings are in the state, from the first run.
    assert [a.i for a, _ in pages] == list(range(2, ARTICLES))  # 0 and 1 are unchanged
    for article, r in pages:
        check_page(article, r)


def test_every_truncated_teaser_carries_its_targets_full_text(
    crawled: tuple[Path, CrawlReport],
) -> None:
    """The acceptance of blurb_full on the unseen site: every card's blurb is the first 110
    characters of its target's opening paragraphs, every target is crawled, so every teaser is
    truncated and resolved to the paragraph its blurb was cut from."""
    _, report = crawled
    pages = articles(rows(report.records))
    for article, r in pages:
        assert [t["url"].split("/", 3)[3] for t in r["teasers"]] == [
            a.path[1:] for a in article.related()
        ]
    teasers = [t for _, r in pages for t in r["teasers"]]
    for teaser in teasers:
        linked = BY_PATH["/" + teaser["url"].split("/", 3)[3]]
        assert teaser["truncated"], teaser
        assert linked.blurb().startswith(teaser["blurb"].rstrip(" .…"))
        assert teaser["blurb_full"] == linked.paragraphs()[0]
