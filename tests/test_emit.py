"""Record writers: JSON Lines appends and repair, JSON, Parquet, SQLite; key order kept."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from extractor.emit import (
    JsonlWriter,
    convert,
    encode_line,
    open_writer,
    read_jsonl,
    repair_jsonl,
)
from extractor.errors import EmitError


def record(n: int, **changes: Any) -> dict[str, Any]:
    """A schema-shaped record (key order of the schema)."""
    data: dict[str, Any] = {
        "schema": "extractor.article/1",
        "url": f"http://ex.com/news/{n}",
        "requested_url": None,
        "canonical_url": None,
        "fetched_at": "2026-01-02T03:04:05Z",
        "status": 200,
        "run_id": "20260102T030405Z",
        "site": {"host": "ex.com", "name": "Ex"},
        "lang": "en",
        "headline": f"Story {n} \u2014 caf\u00e9",
        "summary": None,
        "authors": ["A. Writer"],
        "published": "2026-01-01",
        "modified": None,
        "published_text": "1/1/2026",
        "modified_text": None,
        "image": None,
        "sections": [{"heading": None, "level": None, "paragraphs": ["One.", "Two."]}],
        "text": "One.\n\nTwo.",
        "teasers": [
            {
                "title": "T",
                "blurb": "B",
                "url": "http://ex.com/news/9",
                "date": "2026-01-01",
                "date_text": "1/1/2026",
                "truncated": True,
                "block": "related",
                "blurb_full": None,
            }
        ],
        "boilerplate": [{"kind": "disclaimer", "text": "Not advice."}],
        "metadata": {"og": {"title": "x"}, "jsonld": [{"@type": "NewsArticle"}]},
        "warnings": [],
        "content_hash": f"sha256:{n:064x}",
        "extractor": {"version": "0.1.0", "profile": None},
    }
    data.update(changes)
    return data


def test_encode_line_keeps_key_order_and_utf8() -> None:
    line = encode_line(record(1))
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    assert list(json.loads(line)) == list(record(1))
    assert "café".encode() in line


def test_jsonl_appends_in_batches(tmp_path: Path) -> None:
    path = tmp_path / "records" / "run.jsonl"
    with JsonlWriter(path) as writer:
        assert writer.append([record(1), record(2)]) == 2
        writer.sync()
        assert writer.append([]) == 0
    with JsonlWriter(path) as writer:
        writer.write(record(3))
    assert [r["url"][-1] for r in read_jsonl(path)] == ["1", "2", "3"]


def test_repair_cuts_only_a_torn_tail(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    whole = encode_line(record(1)) + encode_line(record(2))
    path.write_bytes(whole + encode_line(record(3))[:57])
    assert [r["url"] for r in read_jsonl(path)] == [record(1)["url"], record(2)["url"]]
    assert repair_jsonl(path) == 57
    assert path.read_bytes() == whole
    assert repair_jsonl(path) == 0
    assert repair_jsonl(tmp_path / "missing.jsonl") == 0


def test_repair_cuts_a_last_line_that_is_not_json(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    good = encode_line(record(1))
    path.write_bytes(good + b'{"url": "http://ex.com/x", "trunc\n')
    repair_jsonl(path)
    assert path.read_bytes() == good


@pytest.mark.parametrize("fmt", ["jsonl", "json", "sqlite", "parquet"])
def test_convert_round_trips(tmp_path: Path, fmt: str) -> None:
    source = tmp_path / "run.jsonl"
    resolved = [{**record(3)["teasers"][0], "blurb_full": "B, in full."}]
    rows = [
        record(1),
        record(2, headline=None, teasers=[], metadata={}),
        record(3, teasers=resolved),
    ]
    with JsonlWriter(source) as writer:
        writer.append(rows)
    target = convert(source, fmt, tmp_path / f"out.{fmt}")
    assert target.exists()
    assert not target.with_name(target.name + ".tmp").exists()
    if fmt == "jsonl":
        assert list(read_jsonl(target)) == rows
    elif fmt == "json":
        assert json.loads(target.read_text("utf-8")) == rows
    elif fmt == "sqlite":
        db = sqlite3.connect(target)
        got = db.execute("SELECT url, headline, record FROM records ORDER BY url").fetchall()
        assert [(u, h) for u, h, _ in got] == [(r["url"], r["headline"]) for r in rows]
        assert [json.loads(r) for _, _, r in got] == rows
    else:
        import pyarrow.parquet as pq

        table = pq.read_table(target)
        assert table.column_names == list(record(1))
        back = table.to_pylist()
        for row in back:
            row["metadata"] = json.loads(row["metadata"])
        assert back == rows


def test_empty_json_is_an_empty_array(tmp_path: Path) -> None:
    target = convert(tmp_path / "none.jsonl", "json")
    assert json.loads(target.read_text("utf-8")) == []


def test_sqlite_keeps_one_row_per_url_and_hash(tmp_path: Path) -> None:
    with open_writer("sqlite", tmp_path / "r.sqlite") as writer:
        writer.write_all([record(1), record(1), record(1, content_hash="sha256:" + "f" * 64)])
    db = sqlite3.connect(tmp_path / "r.sqlite")
    assert db.execute("SELECT count(*) FROM records").fetchone() == (2,)


def test_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(EmitError):
        open_writer("xml", tmp_path / "x.xml")
    with pytest.raises(EmitError):
        convert(tmp_path / "x.jsonl", "xml")


def test_sample_records_follow_the_schema() -> None:
    import jsonschema

    schema = json.loads(
        (Path(__file__).parent.parent / "extractor/schema/article.schema.json").read_text("utf-8")
    )
    for row in (record(1), record(2, headline=None, teasers=[], metadata={})):
        jsonschema.validate(row, schema)
