"""The crawl state's SQLite connection: opening it durably, and one way to run a transaction."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from extractor.errors import CrawlError

# "column IN_LIST" with ``listed(values)`` as its one parameter: one statement text for any
# number of values. A varying "IN (?, ?, ...)" is a new prepared statement per count, and the
# connection's statement cache (128 statements, tens of KB each for long lists) then grew the
# crawl's memory for thousands of pages before it filled.
IN_LIST = "IN (SELECT value FROM json_each(?))"


def listed(values: Iterable[str | int]) -> str:
    """The parameter of an ``IN_LIST``."""
    return json.dumps(list(values), ensure_ascii=False)


class Database:
    """One SQLite file in autocommit mode, where ``transaction`` is the only way to group writes."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            # FULL: a committed batch survives power loss too, not only a killed process.
            self._db.execute("PRAGMA synchronous=FULL")
        except sqlite3.DatabaseError as exc:
            raise CrawlError(f"cannot open the crawl state {self.path}: {exc}") from exc

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")
