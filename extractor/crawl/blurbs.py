"""Truncated teasers resolved in a crawl: each page's full texts, and records held until resolved.

A page's teasers often point to pages the crawl fetches later. So a record with truncated
teasers is not written when its page is parsed: it is *held* in the state, next to the pages'
full texts (summary and opening paragraphs), and written once none of its teasers' targets is
still pending in this run's frontier (or when the run ends), with ``blurb_full`` filled from
those texts.

Crash safety follows the run loop's order. A batch's held records and page texts are stored in
one transaction *before* the batch is committed; the commit then marks their (URL, hash) seen as
for any record. Releasing appends the records to the run's JSON Lines file, fsyncs it and only
then deletes them from ``held``. On resume, ``reconcile`` drops held rows the commit never
covered (their pages are fetched again) and rows whose lines are already in the file (released
just before the crash): each record is written exactly once.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from extractor.crawl.database import IN_LIST, listed
from extractor.crawl.full_blurbs import page_keys, resolve, truncated_targets
from extractor.crawl.state import State
from extractor.models import Record
from extractor.normalize import full_texts

_SCHEMA = """
CREATE TABLE IF NOT EXISTS page_texts (url TEXT PRIMARY KEY, texts TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS held (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    url TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    run_id TEXT NOT NULL,
    record TEXT NOT NULL,
    UNIQUE (url, content_hash)
);
CREATE TABLE IF NOT EXISTS held_targets (
    seq INTEGER NOT NULL,
    target TEXT NOT NULL,
    PRIMARY KEY (seq, target)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS held_targets_target ON held_targets (target);
"""


@dataclass(frozen=True, slots=True)
class PageTexts:
    """The full texts of one parsed page, under every URL a teaser may name it by."""

    urls: tuple[str, ...]
    texts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Held:
    """A record waiting for the pages its truncated teasers point to."""

    record: dict[str, Any]
    targets: tuple[str, ...]


def page_texts(record: Record, *urls: str) -> PageTexts | None:
    """What a page gives teasers elsewhere: its full texts under its final and frontier URLs."""
    texts = full_texts(record)
    if not texts:
        return None
    return PageTexts(page_keys(record, *urls), texts)


class BlurbStore:
    """The page texts and held records of one crawl directory, in its state database."""

    def __init__(self, state: State) -> None:
        self._state = state
        with state.transaction() as db:
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    db.execute(statement)

    def store(self, run_id: str, pages: Iterable[PageTexts], held: Iterable[Held]) -> list[int]:
        """One batch's page texts and held records, in one transaction; the held rows' ids.

        Call before the batch's commit: a crash in between leaves held rows the state never
        saw, which ``reconcile`` drops.
        """
        seqs: list[int] = []
        with self._state.transaction() as db:
            for page in pages:
                encoded = json.dumps(page.texts, ensure_ascii=False)
                db.executemany(
                    "INSERT INTO page_texts (url, texts) VALUES (?, ?) "
                    "ON CONFLICT (url) DO UPDATE SET texts = excluded.texts",
                    [(url, encoded) for url in page.urls],
                )
            for item in held:
                record = item.record
                # A page held again (refetched after a crash) replaces its row and targets.
                db.execute(
                    "DELETE FROM held_targets WHERE seq IN "
                    "(SELECT seq FROM held WHERE url = ? AND content_hash = ?)",
                    (record["url"], record["content_hash"]),
                )
                cursor = db.execute(
                    "INSERT OR REPLACE INTO held (url, content_hash, run_id, record) "
                    "VALUES (?, ?, ?, ?)",
                    (
                        record["url"],
                        record["content_hash"],
                        run_id,
                        json.dumps(record, ensure_ascii=False),
                    ),
                )
                seq = int(cursor.lastrowid or 0)
                db.executemany(
                    "INSERT OR IGNORE INTO held_targets (seq, target) VALUES (?, ?)",
                    [(seq, target) for target in item.targets],
                )
                seqs.append(seq)
        return seqs

    def waiting_on(self, urls: Iterable[str]) -> set[int]:
        """Held rows with a target among ``urls`` (pages just fetched)."""
        found: set[int] = set()
        with self._state.transaction() as db:
            found.update(
                row[0]
                for row in db.execute(
                    f"SELECT DISTINCT seq FROM held_targets WHERE target {IN_LIST}",
                    (listed(dict.fromkeys(urls)),),
                )
            )
        return found

    def releasable(
        self, run_id: str, candidates: Iterable[int] | None = None
    ) -> list[tuple[int, dict[str, Any]]]:
        """Held records none of whose targets is pending in the frontier, resolved; all of the
        run's held records when ``candidates`` is None (the run is ending)."""
        out: list[tuple[int, dict[str, Any]]] = []
        with self._state.transaction() as db:
            if candidates is None:
                rows = db.execute(
                    "SELECT seq, record FROM held WHERE run_id = ? ORDER BY seq", (run_id,)
                ).fetchall()
            else:
                rows = db.execute(
                    f"SELECT seq, record FROM held h WHERE seq {IN_LIST} AND NOT EXISTS "
                    "(SELECT 1 FROM held_targets t JOIN frontier f ON f.url = t.target "
                    "WHERE t.seq = h.seq AND f.done = 0) ORDER BY seq",
                    (listed(set(candidates)),),
                ).fetchall()
            for seq, text in rows:
                record = json.loads(text)
                out.append((seq, resolve(record, self._texts(db, truncated_targets(record)))))
        return out

    def released(self, seqs: Iterable[int]) -> None:
        """Forget held rows whose records are durable in the run's file."""
        param = (listed(seqs),)
        with self._state.transaction() as db:
            db.execute(f"DELETE FROM held_targets WHERE seq {IN_LIST}", param)
            db.execute(f"DELETE FROM held WHERE seq {IN_LIST}", param)

    def reconcile(self, run_id: str, written: Iterable[Mapping[str, Any]]) -> int:
        """After a crash: drop held rows never committed, and those among ``written`` (the
        run's file, read as a stream: memory grows with the held rows, not the file)."""
        drop: list[int] = []
        held: dict[tuple[str, str], int] = {}
        with self._state.transaction() as db:
            for seq, url, content_hash, committed in db.execute(
                "SELECT h.seq, h.url, h.content_hash, EXISTS (SELECT 1 FROM seen s "
                "WHERE s.url = h.url AND s.content_hash = h.content_hash) "
                "FROM held h WHERE h.run_id = ?",
                (run_id,),
            ).fetchall():
                if committed:
                    held[(url, content_hash)] = seq
                else:
                    drop.append(seq)
        if held:
            for row in written:
                seq = held.pop((str(row.get("url")), str(row.get("content_hash"))), None)
                if seq is not None:
                    drop.append(seq)
        self.released(drop)
        return len(drop)

    def held_count(self) -> int:
        with self._state.transaction() as db:
            return int(db.execute("SELECT count(*) FROM held").fetchone()[0])

    @staticmethod
    def _texts(db: Any, targets: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
        texts: dict[str, tuple[str, ...]] = {}
        for url, encoded in db.execute(
            f"SELECT url, texts FROM page_texts WHERE url {IN_LIST}", (listed(targets),)
        ):
            texts[url] = tuple(json.loads(encoded))
        return texts
