"""Shared check for tests: every record a test produces must validate against the shipped schema."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import jsonschema


@cache
def _validator(name: str) -> jsonschema.Draft202012Validator:
    text = (resources.files("extractor") / "schema" / f"{name}.schema.json").read_text("utf-8")
    return jsonschema.Draft202012Validator(json.loads(text))


def valid(record: dict[str, Any]) -> dict[str, Any]:
    """The record, after checking it against the article or error schema it names."""
    name = "error" if record.get("schema") == "extractor.error/1" else "article"
    _validator(name).validate(record)
    return record
