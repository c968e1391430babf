"""Real pages from the benchmarks: the body keeps known sentences and none of the page chrome."""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from extractor.pipeline import extract

PAGES = Path(__file__).parent.parent / "fixtures" / "pages"
SCHEMA = Path(__file__).parent.parent / "extractor" / "schema" / "article.schema.json"
CASES: list[dict[str, Any]] = json.loads((PAGES / "pages.json").read_text("utf-8"))["pages"]


@pytest.fixture(scope="module")
def records() -> dict[str, dict[str, Any]]:
    now = datetime(2026, 11, 24, tzinfo=UTC)
    return {
        case["file"]: extract(
            gzip.decompress((PAGES / case["file"]).read_bytes()), case["url"], now=now
        ).to_dict()
        for case in CASES
    }


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_body_keeps_the_article(case: dict[str, Any], records: dict[str, dict[str, Any]]) -> None:
    text = records[case["file"]]["text"]
    for sentence in case["must_contain"]:
        assert sentence in text


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_body_leaves_out_the_chrome(
    case: dict[str, Any], records: dict[str, dict[str, Any]]
) -> None:
    text = records[case["file"]]["text"]
    for chrome in case["must_not_contain"]:
        assert chrome not in text


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_headline(case: dict[str, Any], records: dict[str, dict[str, Any]]) -> None:
    assert records[case["file"]]["headline"] == case["headline"]


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_record_validates_against_schema(
    case: dict[str, Any], records: dict[str, dict[str, Any]]
) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    errors = Draft202012Validator(schema).iter_errors(records[case["file"]])
    assert [e.message for e in errors] == []
