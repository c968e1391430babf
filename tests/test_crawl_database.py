"""The crawl state's connection: durable settings, transactions, and lists as one parameter."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.crawl.database import IN_LIST, Database, listed
from extractor.crawl.state import State


def test_a_list_of_any_length_is_one_parameter(tmp_path: Path) -> None:
    db = Database(tmp_path / "x.sqlite")
    try:
        with db.transaction() as conn:
            conn.execute("CREATE TABLE t (n INTEGER PRIMARY KEY, s TEXT)")
            conn.executemany("INSERT INTO t VALUES (?, ?)", [(n, f"u{n}") for n in range(5000)])
        # Past SQLite's old limit of 999 parameters, in one statement.
        wanted = list(range(0, 5000, 2)) + [99999]
        with db.transaction() as conn:
            rows = conn.execute(f"SELECT n FROM t WHERE n {IN_LIST}", (listed(wanted),))
            assert sorted(r[0] for r in rows) == wanted[:-1]
            texts = conn.execute(
                f"SELECT count(*) FROM t WHERE s {IN_LIST}", (listed(["u1", "u2", "é"]),)
            )
            assert texts.fetchone()[0] == 2
            empty = conn.execute(f"SELECT count(*) FROM t WHERE n {IN_LIST}", (listed([]),))
            assert empty.fetchone()[0] == 0
    finally:
        db.close()


def test_a_failed_transaction_leaves_nothing(tmp_path: Path) -> None:
    db = Database(tmp_path / "x.sqlite")
    try:
        with db.transaction() as conn:
            conn.execute("CREATE TABLE t (n INTEGER)")
        with pytest.raises(ZeroDivisionError), db.transaction() as conn:
            conn.execute("INSERT INTO t VALUES (1)")
            raise ZeroDivisionError
        with db.transaction() as conn:
            assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 0
    finally:
        db.close()


def test_the_state_reads_many_site_blocks_at_once(tmp_path: Path) -> None:
    state = State(tmp_path / "state.sqlite")
    try:
        assert state.site_blocks("x.test", [f"k{n}" for n in range(3000)]) == {}
    finally:
        state.close()
