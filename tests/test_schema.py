"""Every record validates against the shipped schema, and the CLI prints that schema."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from importlib import resources

import jsonschema
import pytest

from extractor.cli import main
from extractor.models import ARTICLE_SCHEMA, Record
from extractor.pipeline import extract


def article_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(
        (resources.files("extractor") / "schema" / "article.schema.json").read_text()
    )
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_schema_command_prints_the_shipped_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["title"] == ARTICLE_SCHEMA
    assert printed == article_validator().schema
    assert list(printed["properties"]) == printed["required"]
    assert set(printed["required"]) == set(Record.__dataclass_fields__)


def test_schema_fields_match_the_record() -> None:
    schema = article_validator().schema
    record = extract(
        "<html><body><h1>T</h1><p>text</p></body></html>",
        "http://a.test/x",
        now=datetime(2026, 1, 1, tzinfo=UTC),
    ).to_dict()
    assert list(record) == schema["required"]
    article_validator().validate(record)


def test_schema_rejects_a_wrong_record() -> None:
    record = extract(
        "<html><body><p>x</p></body></html>",
        "http://a.test/x",
        now=datetime(2026, 1, 1, tzinfo=UTC),
    ).to_dict()
    record["teasers"] = [{"url": "http://a.test/y"}]
    with pytest.raises(jsonschema.ValidationError):
        article_validator().validate(record)


def test_schema_1_1_adds_an_optional_blurb_full_and_keeps_records_at_1() -> None:
    from extractor.models import ARTICLE_SCHEMA_VERSION, Teaser

    schema = article_validator().schema
    assert schema["version"] == ARTICLE_SCHEMA_VERSION == "1.1"
    assert schema["$id"].endswith("article-1.1.json")
    assert schema["properties"]["schema"] == {"const": ARTICLE_SCHEMA}  # still /1
    teaser = schema["properties"]["teasers"]["items"]
    assert "blurb_full" in teaser["properties"] and "blurb_full" not in teaser["required"]

    record = extract(
        "<html><body><h1>T</h1><p>text</p></body></html>",
        "http://a.test/x",
        now=datetime(2026, 1, 1, tzinfo=UTC),
    ).to_dict()
    cut = Teaser("http://a.test/y", blurb="Cut her…", truncated=True)
    record["teasers"] = [cut.to_dict()]
    assert record["teasers"][0]["blurb_full"] is None  # not resolved: null
    article_validator().validate(record)
    del record["teasers"][0]["blurb_full"]  # a 1.0 teaser is a valid 1.1 teaser
    article_validator().validate(record)
    full = Teaser("http://a.test/y", blurb="Cut her…", truncated=True, blurb_full="Cut here.")
    record["teasers"] = [full.to_dict()]
    assert list(record["teasers"][0])[-1] == "blurb_full"
    article_validator().validate(record)
    record["teasers"][0]["blurb_full"] = 3
    with pytest.raises(jsonschema.ValidationError):
        article_validator().validate(record)
