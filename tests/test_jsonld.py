"""Tests for extractor.parse.jsonld: script bodies read through their wrappers and breakage."""

from __future__ import annotations

import pytest

from extractor.parse.jsonld import load_jsonld


@pytest.mark.parametrize(
    "raw",
    [
        '{"a": 1}',
        '  \n {"a": 1} \n ',
        '<!-- {"a": 1} -->',
        '<!--{"a": 1}',
        '{"a": 1}-->',
        '//<![CDATA[\n{"a": 1}\n//]]>',
        '//   <![CDATA[ {"a": 1} ]]>',
        '{"a": 1} //   -->',
        '[{"a": 1}]',
    ],
)
def test_wrappers_around_the_json_are_dropped(raw: str) -> None:
    expected = [[{"a": 1}]] if raw.lstrip().startswith("[") else [{"a": 1}]
    assert load_jsonld(raw) == expected


def test_a_wrapper_inside_a_string_value_is_kept() -> None:
    assert load_jsonld('{"a": "x --> y ]]> z"}') == [{"a": "x --> y ]]> z"}]
    assert load_jsonld('{"a": "<!-- kept"}') == [{"a": "<!-- kept"}]
