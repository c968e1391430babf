"""The crawl's memory in DIR/state.sqlite: URLs, frontier, validators, content hashes, runs.

Everything that grows with the crawl lives here, on disk; the run loop holds one batch at a time.
One batch's outcomes are committed in one transaction, after the records they produced are
durable in the run's JSON Lines file, so a crash leaves the state behind the files, never ahead.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Literal

from extractor.crawl.site_state import SiteTables
from extractor.errors import CrawlError

SCHEMA_VERSION = "1"

UrlKind = Literal["page", "robots", "sitemap", "feed"]
Outcome = Literal[
    "new",
    "changed",
    "unchanged",
    "failed",
    "skipped_robots",
    "skipped_not_html",
    "document",
    "document_failed",
]
# Discovery documents go first so that the pages they list are known before pages are fetched.
PRIORITY: dict[str, int] = {"robots": 0, "sitemap": 1, "feed": 1, "page": 2}

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS urls (
    url TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    depth INTEGER NOT NULL,
    first_seen TEXT NOT NULL,
    first_run TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    content_hash TEXT,
    last_changed TEXT,
    last_status INTEGER,
    last_fetched TEXT,
    last_outcome TEXT
);
CREATE TABLE IF NOT EXISTS frontier (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    url TEXT NOT NULL UNIQUE,
    priority INTEGER NOT NULL,
    done INTEGER NOT NULL DEFAULT 0,
    recovered INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS frontier_next ON frontier (done, priority, seq);
CREATE TABLE IF NOT EXISTS seen (
    url TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    run_id TEXT NOT NULL,
    PRIMARY KEY (url, content_hash)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS runs (
    run_id TEXT PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    exit_code INTEGER,
    segments INTEGER NOT NULL DEFAULT 1,
    discovered INTEGER NOT NULL DEFAULT 0,
    fetched INTEGER NOT NULL DEFAULT 0,
    new INTEGER NOT NULL DEFAULT 0,
    changed INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0,
    skipped_robots INTEGER NOT NULL DEFAULT 0,
    skipped_not_html INTEGER NOT NULL DEFAULT 0,
    documents INTEGER NOT NULL DEFAULT 0,
    documents_failed INTEGER NOT NULL DEFAULT 0,
    requests INTEGER NOT NULL DEFAULT 0,
    conditional INTEGER NOT NULL DEFAULT 0,
    not_modified INTEGER NOT NULL DEFAULT 0,
    recovered INTEGER NOT NULL DEFAULT 0,
    elapsed REAL NOT NULL DEFAULT 0,
    fetch_seconds REAL NOT NULL DEFAULT 0,
    parse_seconds REAL NOT NULL DEFAULT 0,
    write_seconds REAL NOT NULL DEFAULT 0
);
"""


@dataclass(slots=True)
class Counts:
    """A run's counters; the state adds a batch's counts to the run's in the batch's transaction.

    ``fetched`` counts pages (documents apart); ``requests`` every fetch the crawl asked for,
    ``conditional`` those sent with validators and ``not_modified`` those answered 304.
    """

    discovered: int = 0
    fetched: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    skipped_robots: int = 0
    skipped_not_html: int = 0
    documents: int = 0
    documents_failed: int = 0
    requests: int = 0
    conditional: int = 0
    not_modified: int = 0
    recovered: int = 0
    elapsed: float = 0.0
    fetch_seconds: float = 0.0
    parse_seconds: float = 0.0
    write_seconds: float = 0.0

    def add(self, other: Counts) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


COUNT_FIELDS = tuple(f.name for f in fields(Counts))


@dataclass(frozen=True, slots=True)
class Task:
    """One frontier entry to fetch, with what the state knows of its URL."""

    url: str
    kind: str
    depth: int
    etag: str | None
    last_modified: str | None
    content_hash: str | None
    recovered: bool


@dataclass(frozen=True, slots=True)
class Link:
    """A URL found while crawling, and how it was found."""

    url: str
    kind: str = "page"
    depth: int = 0


@dataclass(frozen=True, slots=True)
class Result:
    """What became of one task; ``record_url`` is the URL of the record it wrote, if any."""

    url: str
    outcome: Outcome
    fetched_at: str
    status: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    record_url: str | None = None
    final_url: str | None = None
    links: tuple[Link, ...] = ()


@dataclass(frozen=True, slots=True)
class Run:
    run_id: str
    started_at: str
    finished_at: str | None
    exit_code: int | None
    segments: int
    counts: Counts = field(default_factory=Counts)


class State(SiteTables):
    """One crawl directory's state database. Not shared between threads.

    Site learning's tables and methods come from ``SiteTables``, the connection and
    ``transaction`` from ``Database``.
    """

    def __init__(self, path: str | Path) -> None:
        super().__init__(path)
        try:
            self._db.executescript(_SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise CrawlError(f"cannot open the crawl state {self.path}: {exc}") from exc
        version = self._db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        if version is None:
            self._db.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        elif version[0] != SCHEMA_VERSION:
            raise CrawlError(
                f"{self.path} has state schema {version[0]}, this version reads {SCHEMA_VERSION}"
            )
        self._migrate_site()

    # ------------------------------------------------------------------ runs

    def unfinished_run(self) -> Run | None:
        row = self._db.execute(
            "SELECT run_id FROM runs WHERE finished_at IS NULL ORDER BY started_at DESC LIMIT 1"
        ).fetchone()
        return self.run(row[0]) if row else None

    def run(self, run_id: str) -> Run | None:
        row = self._db.execute(
            f"SELECT run_id, started_at, finished_at, exit_code, segments, "
            f"{', '.join(COUNT_FIELDS)} FROM runs WHERE run_id = ?",
            (run_id,),
        ).fetchone()
        if row is None:
            return None
        counts = Counts(**dict(zip(COUNT_FIELDS, row[5:], strict=True)))
        return Run(row[0], row[1], row[2], row[3], row[4], counts)

    def last_finished_run(self) -> Run | None:
        row = self._db.execute(
            "SELECT run_id FROM runs WHERE finished_at IS NOT NULL "
            "ORDER BY finished_at DESC LIMIT 1"
        ).fetchone()
        return self.run(row[0]) if row else None

    def new_run_id(self, stamp: str) -> str:
        """``stamp``, or ``stamp-2``, ``stamp-3``… when runs started within the same second."""
        candidate, n = stamp, 1
        while self._db.execute("SELECT 1 FROM runs WHERE run_id = ?", (candidate,)).fetchone():
            n += 1
            candidate = f"{stamp}-{n}"
        return candidate

    def start_run(self, run_id: str, started_at: str) -> None:
        """A new run: its row, and a frontier emptied of the previous run's leftovers."""
        with self.transaction() as db:
            db.execute("INSERT INTO runs (run_id, started_at) VALUES (?, ?)", (run_id, started_at))
            db.execute("DELETE FROM frontier")

    def resume_run(self, run_id: str) -> None:
        self._db.execute("UPDATE runs SET segments = segments + 1 WHERE run_id = ?", (run_id,))

    def finish_run(self, run_id: str, finished_at: str, exit_code: int) -> None:
        self._db.execute(
            "UPDATE runs SET finished_at = ?, exit_code = ? WHERE run_id = ?",
            (finished_at, exit_code, run_id),
        )

    # ------------------------------------------------------------------ frontier

    def seed(
        self, run_id: str, links: Iterable[Link], *, now: str, revisit_before: str | None
    ) -> int:
        """Fill a new run's frontier: the links given, every known document, and the known pages
        last fetched before ``revisit_before`` (all of them when it is None); returns new URLs."""
        with self.transaction() as db:
            added = self._enqueue(db, run_id, links, now=now, requeue_known=True)
            db.execute(
                "INSERT OR IGNORE INTO frontier (url, priority) "
                "SELECT url, CASE kind WHEN 'robots' THEN 0 WHEN 'page' THEN 2 ELSE 1 END "
                "FROM urls WHERE kind != 'page' ORDER BY rowid"
            )
            if revisit_before is None:
                db.execute(
                    "INSERT OR IGNORE INTO frontier (url, priority) "
                    "SELECT url, 2 FROM urls WHERE kind = 'page' ORDER BY rowid"
                )
            else:
                db.execute(
                    "INSERT OR IGNORE INTO frontier (url, priority) SELECT url, 2 FROM urls "
                    "WHERE kind = 'page' AND (last_fetched IS NULL OR last_fetched < ?) "
                    "ORDER BY rowid",
                    (revisit_before,),
                )
            db.execute(
                "UPDATE runs SET discovered = discovered + ? WHERE run_id = ?", (added, run_id)
            )
        return added

    def _enqueue(
        self,
        db: sqlite3.Connection,
        run_id: str,
        links: Iterable[Link],
        *,
        now: str,
        requeue_known: bool,
    ) -> int:
        """Insert links as known URLs and frontier entries; returns how many pages are new.

        A known URL joins the frontier only when ``requeue_known``: a link to a page that is not
        due for a revisit does not make it due.
        """
        added = 0
        for link in links:
            cursor = db.execute(
                "INSERT OR IGNORE INTO urls (url, kind, depth, first_seen, first_run) "
                "VALUES (?, ?, ?, ?, ?)",
                (link.url, link.kind, link.depth, now, run_id),
            )
            is_new = cursor.rowcount == 1
            if is_new and link.kind == "page":
                added += 1
            if is_new or requeue_known:
                db.execute(
                    "INSERT OR IGNORE INTO frontier (url, priority) VALUES (?, ?)",
                    (link.url, PRIORITY.get(link.kind, 2)),
                )
        return added

    def next_batch(self, size: int, *, kinds: tuple[str, ...] | None = None) -> list[Task]:
        """Up to ``size`` pending frontier entries, documents first, then in discovery order."""
        sql = (
            "SELECT f.url, u.kind, u.depth, u.etag, u.last_modified, u.content_hash, f.recovered "
            "FROM frontier f JOIN urls u ON u.url = f.url WHERE f.done = 0 "
        )
        params: list[object] = []
        if kinds is not None:
            sql += f"AND u.kind IN ({', '.join('?' * len(kinds))}) "
            params.extend(kinds)
        sql += "ORDER BY f.priority, f.seq LIMIT ?"
        params.append(size)
        return [
            Task(row[0], row[1], row[2], row[3], row[4], row[5], bool(row[6]))
            for row in self._db.execute(sql, params)
        ]

    def pending(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM frontier WHERE done = 0").fetchone()[0])

    def is_seen(self, url: str, content_hash: str) -> bool:
        return (
            self._db.execute(
                "SELECT 1 FROM seen WHERE url = ? AND content_hash = ?", (url, content_hash)
            ).fetchone()
            is not None
        )

    # ------------------------------------------------------------------ commits

    def commit(self, run_id: str, results: Iterable[Result], counts: Counts, *, now: str) -> None:
        """One batch: every result's URL state, its records' hashes, its links, the run's counts."""
        with self.transaction() as db:
            for result in results:
                self._apply(db, run_id, result, now)
                counts.discovered += self._enqueue(
                    db, run_id, result.links, now=now, requeue_known=False
                )
            self._add_counts(db, run_id, counts)

    def _apply(self, db: sqlite3.Connection, run_id: str, result: Result, now: str) -> None:
        fetched = result.outcome not in ("skipped_robots",)
        full = ("new", "changed", "unchanged", "skipped_not_html", "document")
        if result.outcome in full and result.status != 304:
            # A full answer replaces the validators, even with none: stale ones would lie.
            db.execute(
                "UPDATE urls SET etag = ?, last_modified = ? WHERE url = ?",
                (result.etag, result.last_modified, result.url),
            )
        if result.content_hash is not None:
            db.execute(
                "UPDATE urls SET last_changed = ?, content_hash = ? "
                "WHERE url = ? AND content_hash IS NOT ?",
                (result.fetched_at, result.content_hash, result.url, result.content_hash),
            )
        db.execute(
            "UPDATE urls SET last_status = ?, last_outcome = ?, "
            "last_fetched = CASE WHEN ? THEN ? ELSE last_fetched END WHERE url = ?",
            # The crawl's clock, not the response's: revisit decisions are made with it.
            (result.status, result.outcome, fetched, now, result.url),
        )
        if result.record_url is not None and result.content_hash is not None:
            db.execute(
                "INSERT OR IGNORE INTO seen (url, content_hash, run_id) VALUES (?, ?, ?)",
                (result.record_url, result.content_hash, run_id),
            )
        db.execute("UPDATE frontier SET done = 1, recovered = 0 WHERE url = ?", (result.url,))
        if result.final_url and result.final_url != result.url:
            # The page a redirect led to is known and done: it is not fetched again this run.
            db.execute(
                "INSERT OR IGNORE INTO urls (url, kind, depth, first_seen, first_run, "
                "content_hash, last_status, last_fetched, last_outcome) "
                "SELECT ?, 'page', depth, ?, ?, ?, ?, ?, 'redirect_target' FROM urls WHERE url = ?",
                (
                    result.final_url,
                    result.fetched_at,
                    run_id,
                    result.content_hash,
                    result.status,
                    result.fetched_at,
                    result.url,
                ),
            )
            db.execute(
                "INSERT INTO frontier (url, priority, done) VALUES (?, 2, 1) "
                "ON CONFLICT (url) DO UPDATE SET done = 1",
                (result.final_url,),
            )

    def _add_counts(self, db: sqlite3.Connection, run_id: str, counts: Counts) -> None:
        assignments = ", ".join(f"{name} = {name} + ?" for name in COUNT_FIELDS)
        db.execute(
            f"UPDATE runs SET {assignments} WHERE run_id = ?",
            [getattr(counts, name) for name in COUNT_FIELDS] + [run_id],
        )

    def add_counts(self, run_id: str, counts: Counts) -> None:
        with self.transaction() as db:
            self._add_counts(db, run_id, counts)

    # ------------------------------------------------------------------ recovery

    def recover_record(
        self, run_id: str, url: str, requested_url: str | None, content_hash: str, fetched_at: str
    ) -> str | None:
        """Commit a record the run wrote but did not commit before it died.

        Returns ``"new"`` or ``"changed"`` when it was uncommitted (the caller counts it), None
        when the state already had it. The page stays in the frontier, marked recovered, so a
        later fetch still finds its links without counting or writing the page again.
        """
        if self.is_seen(url, content_hash):
            return None
        frontier_url = requested_url or url
        with self.transaction() as db:
            row = db.execute("SELECT content_hash FROM urls WHERE url = ?", (frontier_url,))
            previous = row.fetchone()
            outcome = "changed" if previous is not None and previous[0] is not None else "new"
            db.execute(
                "INSERT OR IGNORE INTO seen (url, content_hash, run_id) VALUES (?, ?, ?)",
                (url, content_hash, run_id),
            )
            db.execute(
                # Validators are dropped: they belong to the response whose record is
                # recovered, and the refetch that finds the page's links must not get a 304.
                "UPDATE urls SET content_hash = ?, last_changed = ?, last_outcome = ?, "
                "etag = NULL, last_modified = NULL WHERE url IN (?, ?)",
                (content_hash, fetched_at, outcome, frontier_url, url),
            )
            db.execute(
                "UPDATE frontier SET recovered = 1 WHERE url IN (?, ?) AND done = 0",
                (frontier_url, url),
            )
        return outcome

    def recover_error(self, url: str) -> bool:
        """Mark done a failed page whose error record was written before the run died."""
        cursor = self._db.execute("UPDATE frontier SET done = 1 WHERE url = ? AND done = 0", (url,))
        return cursor.rowcount == 1

    # ------------------------------------------------------------------ reading

    def url_info(self, url: str) -> dict[str, object] | None:
        cursor = self._db.execute("SELECT * FROM urls WHERE url = ?", (url,))
        row = cursor.fetchone()
        if row is None:
            return None
        return dict(zip([c[0] for c in cursor.description], row, strict=True))
