"""Tests for extractor.parse.jsonld: script bodies read through their wrappers and breakage."""

from __future__ import annotations

import pytest

from extractor.parse.jsonld import MAX_DEPTH, MAX_LIST, MAX_STRING, bounded, load_jsonld


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


def test_bounded_drops_long_strings_caps_lists_and_cuts_depth() -> None:
    long = "x" * (MAX_STRING + 1)
    deep: object = "leaf"
    for _ in range(MAX_DEPTH + 2):
        deep = {"d": deep}
    value = {
        "keep": "short",
        "long": long,
        7: ["a", long, "b", {"in": long, "n": 1.5}, None, True],
        "many": list(range(MAX_LIST + 5)),
        "deep": deep,
        "other": (1, 2),
    }
    got = bounded(value, 0)
    assert got["keep"] == "short" and "long" not in got
    assert got["7"] == ["a", "b", {"n": 1.5}, None, True]  # keys become strings
    assert got["many"] == list(range(MAX_LIST))
    assert got["other"] == "(1, 2)"  # anything not JSON is its string
    level = got["deep"]
    for _ in range(MAX_DEPTH - 1):
        level = level["d"]
    assert level == {}
