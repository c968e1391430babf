"""Site learning's tables in the crawl state: each host's counters, its blocks' stats, its pages.

``State`` inherits them; ``extractor.site.SiteLearner`` reads and writes them through the
``SiteStore`` methods below.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterable
from typing import Any

from extractor.crawl.database import IN_LIST, Database, listed
from extractor.errors import CrawlError
from extractor.site.knowledge import HostStats
from extractor.site.learn import sweep_due
from extractor.site.templates import BlockStats

# Site learning (extractor.site): per host, its counters and the stats of its recurring blocks.
# Added to state files of any age on open; ``site_schema`` in ``meta`` says which version.
SITE_SCHEMA_VERSION = "1"
_SITE_SCHEMA = """
CREATE TABLE IF NOT EXISTS site_hosts (
    host TEXT PRIMARY KEY,
    pages INTEGER NOT NULL,
    md INTEGER NOT NULL,
    dm INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS site_blocks (
    host TEXT NOT NULL,
    key TEXT NOT NULL,
    prefix TEXT NOT NULL,
    suffix TEXT NOT NULL,
    slotted INTEGER NOT NULL,
    pages INTEGER NOT NULL,
    max_slot INTEGER NOT NULL,
    kinds TEXT NOT NULL,
    last_page INTEGER NOT NULL,
    PRIMARY KEY (host, key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS site_blocks_support ON site_blocks (host, pages);
CREATE TABLE IF NOT EXISTS site_pages (
    host TEXT NOT NULL,
    page TEXT NOT NULL,
    PRIMARY KEY (host, page)
) WITHOUT ROWID;
"""


class SiteTables(Database):
    """The ``SiteStore`` of a crawl: site learning kept in the state database."""

    def _migrate_site(self) -> None:
        row = self._db.execute("SELECT value FROM meta WHERE key='site_schema'").fetchone()
        if row is not None and row[0] == SITE_SCHEMA_VERSION:
            return
        if row is not None:
            raise CrawlError(
                f"{self.path} has site schema {row[0]}, this version reads {SITE_SCHEMA_VERSION}"
            )
        try:
            self._db.executescript(_SITE_SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise CrawlError(f"cannot add site learning to {self.path}: {exc}") from exc
        self._db.execute("INSERT INTO meta VALUES ('site_schema', ?)", (SITE_SCHEMA_VERSION,))

    def site_hosts(self, limit: int = -1) -> list[str]:
        """The hosts learned from, the most pages first."""
        return [
            row[0]
            for row in self._db.execute(
                "SELECT host FROM site_hosts ORDER BY pages DESC, host LIMIT ?", (limit,)
            )
        ]

    def site_host(self, host: str) -> HostStats | None:
        row = self._db.execute(
            "SELECT pages, md, dm FROM site_hosts WHERE host = ?", (host,)
        ).fetchone()
        return HostStats(host, row[0], row[1], row[2]) if row else None

    def site_page_known(self, host: str, page: str) -> bool:
        row = self._db.execute(
            "SELECT 1 FROM site_pages WHERE host = ? AND page = ?", (host, page)
        ).fetchone()
        return row is not None

    def site_blocks(self, host: str, keys: Collection[str]) -> dict[str, BlockStats]:
        found: dict[str, BlockStats] = {}
        for row in self._db.execute(
            f"SELECT {_BLOCK_COLUMNS} FROM site_blocks WHERE host = ? AND key {IN_LIST}",
            (host, listed(keys)),
        ):
            found[row[0]] = _block(row)
        return found

    def site_templates(self, host: str, min_pages: int) -> list[BlockStats]:
        return [
            _block(row)
            for row in self._db.execute(
                f"SELECT {_BLOCK_COLUMNS} FROM site_blocks WHERE host = ? AND pages >= ? "
                "ORDER BY key",
                (host, min_pages),
            )
        ]

    def save_site(
        self,
        hosts: Iterable[HostStats],
        blocks: Iterable[tuple[str, BlockStats]],
        *,
        pages: Iterable[tuple[str, str]] = (),
        min_pages: int,
        window: int,
    ) -> None:
        """One transaction: the hosts' counters, the pages and blocks learned, stale blocks gone."""
        with self.transaction() as db:
            db.executemany("INSERT OR IGNORE INTO site_pages VALUES (?, ?)", list(pages))
            db.executemany(
                "INSERT OR REPLACE INTO site_blocks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        host,
                        b.key,
                        " ".join(b.prefix),
                        " ".join(b.suffix),
                        int(b.slotted),
                        b.pages,
                        b.max_slot,
                        json.dumps(dict(b.kinds), sort_keys=True),
                        b.last_page,
                    )
                    for host, b in blocks
                ],
            )
            for stats in hosts:
                row = db.execute(
                    "SELECT pages FROM site_hosts WHERE host = ?", (stats.host,)
                ).fetchone()
                db.execute(
                    "INSERT OR REPLACE INTO site_hosts VALUES (?, ?, ?, ?)",
                    (stats.host, stats.pages, stats.md, stats.dm),
                )
                if sweep_due(row[0] if row else 0, stats.pages, window):
                    db.execute(
                        "DELETE FROM site_blocks WHERE host = ? AND pages < ? AND last_page < ?",
                        (stats.host, min_pages, stats.pages - window),
                    )


_BLOCK_COLUMNS = "key, prefix, suffix, slotted, pages, max_slot, kinds, last_page"


def _block(row: tuple[Any, ...]) -> BlockStats:
    return BlockStats(
        key=row[0],
        prefix=tuple(row[1].split()),
        suffix=tuple(row[2].split()),
        slotted=bool(row[3]),
        pages=row[4],
        max_slot=row[5],
        kinds=json.loads(row[6]),
        last_page=row[7],
    )
