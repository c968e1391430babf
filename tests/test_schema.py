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
