"""Tests of normalize: cleaned strings, normalized URLs, flags and the content hash."""

from __future__ import annotations

import hashlib
import unicodedata
from datetime import UTC, datetime

import pytest

from extractor.models import PageParts, Section, Teaser
from extractor.normalize import _INVISIBLES as INVISIBLES
from extractor.normalize import _SPACE_RE as SPACE_RE
from extractor.normalize import _normalize_parsed, clean_text, normalize_url, to_record


def test_clean_text_folds_spaces_and_invisible_characters() -> None:
    assert clean_text("  a\u00a0\u200bb  \u3000c ") == "a b c"
    assert clean_text("   ") is None
    assert clean_text("e\u0301") == "\u00e9"


def _reference_clean_text(text: str) -> str | None:
    """clean_text as first written, without its ASCII fast path."""
    text = unicodedata.normalize("NFC", text).translate(dict.fromkeys(map(ord, INVISIBLES)))
    return SPACE_RE.sub(" ", text).strip() or None


def test_clean_text_fast_paths_agree_with_the_full_cleaning() -> None:
    samples = [
        "plain words",
        "two  spaces and\ttab\t\t here ",
        "line\n\n  next\r\n",
        "\t\n ",
        "",
        "caf\u00e9 \u00a0 \u2009thin",
        "soft\u00adhyphen and zero\u200bwidth\ufeff",
        "\u200b",
        "e\u0301 \u212b",  # decomposed e-acute; the Angstrom sign composes to a different letter
        "\u3000ideographic\u3000space\u205f",
        "\u00ad \u00a0",
        "caf\u00e9 with single spaces only",
        "caf\u00e9  with a double space",
        "caf\u00e9 a \u200d b",  # an invisible between two spaces leaves a double space
        "caf\u00e9\u2002en space and\u202fnarrow",
    ]
    for sample in samples:
        assert clean_text(sample) == _reference_clean_text(sample), repr(sample)


def test_every_character_clean_text_removes_or_folds_is_unprintable() -> None:
    # The isprintable() fast path relies on it: a printable text has nothing to clean but "  ".
    folded = [chr(c) for c in range(0x110000) if SPACE_RE.fullmatch(chr(c))]
    assert " " in folded and "\u3000" in folded
    for ch in [*INVISIBLES, *folded]:
        assert ch == " " or not ch.isprintable(), hex(ord(ch))
    for sample in ("caf\u00e9\u2060x", "caf\u00e9  x\u200c", "caf\u00e9 \u2028 x"):
        assert clean_text(sample) == _reference_clean_text(sample), repr(sample)


def test_normalize_url() -> None:
    assert normalize_url("HTTP://Example.COM:80/a?b=1#frag") == "http://example.com/a?b=1"
    assert normalize_url("https://example.com:8443") == "https://example.com:8443/"
    assert normalize_url("mailto:x@example.com") is None


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/",
        "http://example.com/a/b.html",
        "https://example.com/a?b=1&c=%20d",
        "https://example.com/a?b=1?c",
        "https://example.com/a?",
        "https://example.com/a#frag",
        "https://example.com/a?#",
        "https://example.com",
        "https://Example.com/a",
        "https://example.com:443/a",
        "http://example.com:8080/a",
        "https://user@example.com/a",
        "https://[::1]/a",
        " https://example.com/a ",
        "https://example.com/a\tb",
        "https://example.com/caf\u00e9 x",
        "https://./",
        "HTTPS://example.com/a",
        "ftp://example.com/a",
        "https:///a",
    ],
)
def test_normalize_url_fast_path_agrees_with_parsing(url: str) -> None:
    assert normalize_url(url) == _normalize_parsed(url)


def test_record_flags_future_dates_and_hashes_text() -> None:
    parts = PageParts(
        headline="H",
        published="2026-12-01",
        sections=(Section("Head", 2, ("One.", "Two.")),),
        teasers=(
            Teaser("http://s.test/a", date="2026-01-01"),
            Teaser("http://s.test/b", date="2027-01-01"),
        ),
    )
    record = to_record(parts, url="http://s.test/x", now=datetime(2026, 11, 24, tzinfo=UTC))
    assert record.warnings == ("date_in_future:published", "date_in_future:teasers[1]")
    assert record.text == "Head\n\nOne.\n\nTwo."
    assert record.content_hash == "sha256:" + hashlib.sha256(record.text.encode()).hexdigest()
    assert record.site.host == "s.test"
