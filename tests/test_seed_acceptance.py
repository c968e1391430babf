"""Acceptance: a page built like the seed, without class or id attributes, splits into its parts."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from extractor.pipeline import extract

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "fixtures" / "unseen" / "seedlike.html"
SCHEMA = ROOT / "extractor" / "schema" / "article.schema.json"
URL = "https://mymsbuddy.com/news/view/thalamic-shrinkage-brain-connections-r5d2fa"
NOW = datetime(2026, 11, 24, tzinfo=UTC)

# What a reader sees on the page, the seed's text verbatim (checked against article-page.txt
# when the page was written).
EXPECTED: dict[str, Any] = json.loads(
    (ROOT / "fixtures" / "unseen" / "seedlike.expected.json").read_text(encoding="utf-8")
)
HEADLINE: str = EXPECTED["headline"]
LEAD: str = EXPECTED["summary"]
BODY: list[tuple[str, str]] = [(b["heading"], b["paragraph"]) for b in EXPECTED["body"]]
TEASERS: list[tuple[str, str, str]] = [
    (t["path"], t["date"], t["blurb"]) for t in EXPECTED["teasers"]
]
DISCLAIMER: list[str] = EXPECTED["disclaimer"]


@pytest.fixture(scope="module")
def record() -> dict[str, Any]:
    return extract(PAGE.read_bytes(), URL, now=NOW).to_dict()


def test_page_has_no_class_or_id_attributes() -> None:
    # The point of this page: the parser must not lean on class names or ids.
    assert re.search(r"\s(class|id)\s*=", PAGE.read_text(encoding="utf-8"), re.IGNORECASE) is None


def test_headline(record: dict[str, Any]) -> None:
    assert record["headline"] == HEADLINE


def test_lead_line_is_the_summary(record: dict[str, Any]) -> None:
    assert record["summary"] == LEAD


@pytest.mark.parametrize(("heading", "paragraph"), BODY, ids=["found", "care", "limitations"])
def test_body_paragraph_under_its_heading(
    record: dict[str, Any], heading: str, paragraph: str
) -> None:
    owners = [s["heading"] for s in record["sections"] if paragraph in s["paragraphs"]]
    assert owners == [heading]
    assert paragraph in record["text"]


def test_body_headings_in_page_order(record: dict[str, Any]) -> None:
    headings = [s["heading"] for s in record["sections"]]
    assert [h for h in headings if h in {b[0] for b in BODY}] == [b[0] for b in BODY]


def test_more_details_is_body_not_boilerplate(record: dict[str, Any]) -> None:
    # The seed README: source details are "body or metadata, never boilerplate".
    assert "Acta neuropathologica" in record["text"]
    assert [b for b in record["boilerplate"] if "doi.org" in b["text"]] == []


def test_six_teasers(record: dict[str, Any]) -> None:
    got = [(t["url"], t["date"], t["blurb"], t["truncated"]) for t in record["teasers"]]
    want = [("https://mymsbuddy.com" + path, date, blurb, True) for path, date, blurb in TEASERS]
    assert got == want


def test_teaser_blurbs_are_100_characters(record: dict[str, Any]) -> None:
    assert [len(t["blurb"] or "") for t in record["teasers"]] == [100] * 6


def test_future_teaser_date_kept_and_flagged(record: dict[str, Any]) -> None:
    assert record["teasers"][0]["date"] == "2026-12-31"
    assert "date_in_future:teasers[0]" in record["warnings"]


def test_disclaimer_is_boilerplate_and_not_text(record: dict[str, Any]) -> None:
    disclaimers = [b["text"] for b in record["boilerplate"] if b["kind"] == "disclaimer"]
    for paragraph in DISCLAIMER:
        assert any(paragraph in d for d in disclaimers), paragraph[:40]
        assert paragraph not in record["text"]
    assert "Whether you" not in record["text"]


@pytest.mark.parametrize(
    "chrome",
    [
        "Read More",
        "We use cookies",
        "Accept",
        "Home",
        "About",
        "All rights reserved",
        "Privacy Policy",
        "Contact",
        "Related Reads",
    ],
)
def test_no_page_chrome_in_text(record: dict[str, Any], chrome: str) -> None:
    assert chrome not in record["text"]


def test_record_validates_against_schema(record: dict[str, Any]) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    errors = sorted(Draft202012Validator(schema).iter_errors(record), key=lambda e: list(e.path))
    assert [e.message for e in errors] == []
