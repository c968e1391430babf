"""Tests of normalize: cleaned strings, normalized URLs, flags and the content hash."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from extractor.models import PageParts, Section, Teaser
from extractor.normalize import clean_text, normalize_url, to_record


def test_clean_text_folds_spaces_and_invisible_characters() -> None:
    assert clean_text("  a\u00a0\u200bb  \u3000c ") == "a b c"
    assert clean_text("   ") is None
    assert clean_text("e\u0301") == "\u00e9"


def test_normalize_url() -> None:
    assert normalize_url("HTTP://Example.COM:80/a?b=1#frag") == "http://example.com/a?b=1"
    assert normalize_url("https://example.com:8443") == "https://example.com:8443/"
    assert normalize_url("mailto:x@example.com") is None


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
