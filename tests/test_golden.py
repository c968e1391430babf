"""Golden records: each fixture-site page against what build.py's data says a reader sees."""

from __future__ import annotations

import difflib
import json
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, SITE_ROOT, load_script
from jsonschema import Draft202012Validator

from extractor.pipeline import extract

EXPECTED = FIXTURES / "expected"
SCHEMA = Path(__file__).resolve().parents[1] / "extractor" / "schema" / "article.schema.json"
NOW = datetime(2026, 11, 24, tzinfo=UTC)
SLUGS = sorted(p.stem for p in EXPECTED.glob("*.json"))
FIELDS = [
    "headline",
    "summary",
    "authors",
    "published",
    "published_text",
    "lang",
    "canonical_url",
    "image",
    "sections",
    "text",
    "teasers",
    "warnings",
]
# Page chrome the build puts on every article page; none of it is article text.
CHROME = [
    "Read More",
    "We use cookies",
    "Accept",
    "All rights reserved",
    "Privacy Policy",
    "Home",
    "Contact",
    "Related Reads",
    "Share this summary",
    "Facebook",
    "Stay up to date",
    "Get new MS research summaries",
    "Subscribe",
]


@cache
def golden(slug: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXPECTED / f"{slug}.json").read_text(encoding="utf-8"))
    return data


def diff(got: Any, want: Any) -> str:
    """A unified diff of two values, line by line: text as it reads, anything else as JSON."""

    def lines(value: Any) -> list[str]:
        if isinstance(value, str):
            return value.split("\n")
        return json.dumps(value, ensure_ascii=False, indent=2).split("\n")

    return "\n".join(
        difflib.unified_diff(lines(want), lines(got), "golden", "record", lineterm="", n=2)
    )


@cache
def record(slug: str) -> dict[str, Any]:
    page = SITE_ROOT / "news" / "view" / f"{slug}.html"
    return extract(page.read_bytes(), golden(slug)["url"], now=NOW).to_dict()


def test_goldens_cover_every_article_page() -> None:
    pages = sorted(p.stem for p in (SITE_ROOT / "news" / "view").glob("*.html"))
    assert pages == SLUGS and len(SLUGS) >= 10
    assert {golden(s)["style"] for s in SLUGS} == {"A", "B"}


def test_site_and_goldens_match_build_data() -> None:
    # A hand edit of a page or golden, or a data edit without a rebuild, shows up here.
    build = load_script("fixture_site_build", SITE_ROOT / "build.py")
    assert build.main(["--check"]) == 0


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("slug", SLUGS)
def test_field(slug: str, field: str) -> None:
    got, want = record(slug)[field], golden(slug)[field]
    assert got == want, f"{slug} {field}:\n{diff(got, want)}"


@pytest.mark.parametrize("slug", SLUGS)
def test_disclaimer_is_typed_boilerplate_and_not_text(slug: str) -> None:
    rec = record(slug)
    disclaimers = [b["text"] for b in rec["boilerplate"] if b["kind"] == "disclaimer"]
    assert disclaimers == golden(slug)["disclaimer"], diff(disclaimers, golden(slug)["disclaimer"])
    for paragraph in golden(slug)["disclaimer"]:
        assert paragraph not in rec["text"]


@pytest.mark.parametrize("slug", SLUGS)
def test_no_page_chrome_in_text(slug: str) -> None:
    text = record(slug)["text"]
    assert [c for c in CHROME if c in text] == []


@pytest.mark.parametrize("slug", SLUGS)
def test_other_boilerplate_is_not_text(slug: str) -> None:
    rec = record(slug)
    others = [b for b in rec["boilerplate"] if b["kind"] != "disclaimer"]
    assert [b for b in others if b["text"] in rec["text"]] == []


@pytest.mark.parametrize("slug", SLUGS)
def test_chrome_boilerplate_kinds_found(slug: str) -> None:
    kinds = {b["kind"] for b in record(slug)["boilerplate"]}
    assert {"navigation", "footer", "cookie"} <= kinds


@pytest.mark.parametrize("slug", SLUGS)
def test_record_validates_against_schema(slug: str) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    errors = [e.message for e in Draft202012Validator(schema).iter_errors(record(slug))]
    assert errors == []
