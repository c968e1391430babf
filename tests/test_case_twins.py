"""Tests of the case-sensitive twins of IGNORECASE patterns, searched on lower-cased ASCII text."""

from __future__ import annotations

import re
import re._constants as c
import re._parser as sre_parse
from typing import Any

import pytest

from extractor.parse import boilerplate, bylines, teaser_headings, vocab
from extractor.parse.dom import case_sensitive_twin

_LOWER = "abcdefghijklmnopqrstuvwxyz"


def _fold_problems(pattern: re.Pattern[str]) -> list[object]:
    """What makes ``twin.search(text.lower())`` differ from ``pattern.search(text)`` on ASCII
    text: an upper-case letter or range, a character that case-folds to an ASCII letter, inline
    flags, a back-reference."""
    problems: list[object] = []

    def char(code: int) -> None:
        ch = chr(code)
        if "A" <= ch <= "Z":
            problems.append(ch)
        elif not ch.isascii() and any(re.fullmatch(re.escape(ch), a, re.I) for a in _LOWER):
            problems.append(ch)  # "K" (Kelvin sign), "ſ": they match ASCII letters

    def walk(items: Any) -> None:
        for op, av in items:
            if op in (c.LITERAL, c.NOT_LITERAL):
                char(av)
            elif op is c.IN:
                for sub, arg in av:
                    if sub is c.LITERAL:
                        char(arg)
                    elif sub is c.RANGE:
                        low, high = arg
                        if low <= ord("Z") and high >= ord("A"):
                            problems.append((chr(low), chr(high)))
                        if high > 127:
                            problems.append(("non-ASCII range", low, high))
            elif op is c.SUBPATTERN:
                if av[1] or av[2]:
                    problems.append("inline flags")
                walk(av[3])
            elif op is c.BRANCH:
                for branch in av[1]:
                    walk(branch)
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
                walk(av[2])
            elif op in (c.ASSERT, c.ASSERT_NOT):
                walk(av[1])
            elif op is c.ATOMIC_GROUP:
                walk(av)
            elif op in (c.GROUPREF, c.GROUPREF_EXISTS):
                problems.append("back-reference")

    walk(sre_parse.parse(pattern.pattern, pattern.flags))
    return problems


@pytest.mark.parametrize(
    "pattern",
    [boilerplate._LINE_STARTS_RE, vocab.TEASER_HEADING_RE, bylines._BYLINE_NAME_RE],
    ids=["line_starts", "teaser_heading", "byline_name"],
)
def test_patterns_searched_by_their_twins_are_lower_case(pattern: re.Pattern[str]) -> None:
    assert pattern.flags & re.IGNORECASE
    assert _fold_problems(pattern) == []


def test_fold_check_finds_what_a_twin_would_miss() -> None:
    assert _fold_problems(re.compile(r"By [A-Z]\w+", re.I)) == ["B", ("A", "Z")]
    assert _fold_problems(re.compile("\u212a", re.I)) == ["\u212a"]
    assert _fold_problems(re.compile(r"(?-i:x)y", re.I)) == ["inline flags"]


def test_twin_drops_only_the_case_flag() -> None:
    twin = case_sensitive_twin(re.compile(r"^\s*share\b", re.I | re.M))
    assert not twin.flags & re.IGNORECASE
    assert twin.flags & re.MULTILINE
    assert twin.match("  share this") and not twin.match("  Share this")


@pytest.mark.parametrize(
    "line",
    [
        "SHARE THIS ARTICLE",
        "Share on Facebook",
        "Read more: the story",
        "Advertisement",
        "Tags: Politics, World",
        "The president said on Monday",
        "Previous Post",
        "(Reporting by Jane Doe; Editing by John Roe)",
        "Photo 3 of 12",
    ],
)
def test_line_kinds_read_the_same_in_any_case(line: str) -> None:
    for text in (line, line.upper(), line.lower()):
        expected = boilerplate._LINE_STARTS_RE.match(text) is not None
        assert (boilerplate._LINE_STARTS_LOWER_RE.match(text.lower()) is not None) == expected


@pytest.mark.parametrize(
    ("heading", "named"),
    [
        ("RELATED STORIES", True),
        ("More From Our Partners", True),
        ("You Might Also Like", True),
        ("Comments", False),
        ("MORE NEWS — überblick", True),  # searched as written: not ASCII
        ("Kommentare über", False),
    ],
)
def test_block_headings_are_named_in_any_case(heading: str, named: bool) -> None:
    assert teaser_headings.names_a_block(heading) is named
    assert (vocab.TEASER_HEADING_RE.search(heading) is not None) is named
    assert teaser_headings.names_a_block(heading.swapcase()) is named


@pytest.mark.parametrize(
    ("name", "found"),
    [("Article-Byline", True), ("POST-AUTHOR", True), ("headline", False), ("Autorin", True)],
)
def test_byline_names_are_found_in_any_case(name: str, found: bool) -> None:
    assert bylines._names_byline(name) is found
    assert bylines._names_byline(name + " \u00e9t\u00e9") is found  # the non-ASCII path
