"""Tests of the command line on files: records on stdout, error records on stderr, exit codes."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from extractor.cli import main
from tests.records import valid

PAGE = (
    "<html lang='en'><head><title>A story | Site</title></head><body><article><h1>A story</h1>"
    "<p>" + "Body text of the story, with commas, and words. " * 5 + "</p></article></body></html>"
)


def _lines(text: str) -> list[dict[str, object]]:
    return [valid(json.loads(line)) for line in text.splitlines() if line.strip()]


def test_extract_files_and_gz(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plain = tmp_path / "a.html"
    plain.write_text(PAGE, encoding="utf-8")
    packed = tmp_path / "b.html.gz"
    packed.write_bytes(gzip.compress(PAGE.encode()))
    code = main(["extract", str(plain), str(packed), "--base-url", "https://site.test/a/story"])
    out, err = capsys.readouterr()
    assert code == 0, err
    records = _lines(out)
    assert [r["headline"] for r in records] == ["A story", "A story"]
    assert records[0]["url"] == "https://site.test/a/story"
    assert records[0]["fetched_at"] is None and records[0]["status"] is None


def test_a_bad_file_gives_an_error_record_and_the_batch_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.html"
    good.write_text(PAGE, encoding="utf-8")
    empty = tmp_path / "empty.html"
    empty.write_text("", encoding="utf-8")
    broken = tmp_path / "broken.html.gz"
    broken.write_bytes(b"\x1f\x8bnot really gzip")
    missing = tmp_path / "missing.html"
    code = main(["extract", str(empty), str(broken), str(missing), str(good)])
    out, err = capsys.readouterr()
    assert code == 1
    assert len(_lines(out)) == 1
    errors = _lines(err)
    assert [(e["schema"], e["kind"]) for e in errors] == [
        ("extractor.error/1", "empty"),
        ("extractor.error/1", "bad_gzip"),
        ("extractor.error/1", "unreadable"),
    ]
    assert all(e["message"] and e["at"] for e in errors)


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(PAGE.encode())))
    assert main(["extract", "-", "--base-url", "https://site.test/x"]) == 0
    (record,) = _lines(capsys.readouterr().out)
    assert record["url"] == "https://site.test/x"


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    with pytest.raises(SystemExit) as info:
        main(["extract"])
    assert info.value.code == 2


def test_output_file(tmp_path: Path) -> None:
    page = tmp_path / "a.html"
    page.write_text(PAGE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(page), "-o", str(out)]) == 0
    assert _lines(out.read_text("utf-8"))[0]["headline"] == "A story"
