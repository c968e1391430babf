"""The benchmark's metrics on small hand-computed cases: shingles, the page-normalised body score,
title/byline closeness, dates, the dev/held-out split and teaser matching."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    # bench/ is a top-level folder of the repository, not part of the installed package.
    sys.path.insert(0, str(ROOT))

from bench.metrics import (  # noqa: E402
    BodyCounts,
    body_counts,
    body_score,
    close,
    date_part,
    same_date,
    shingles,
    token_f1,
    tokens,
)
from bench.pages import split_of  # noqa: E402
from bench.teasers import blurb_ok, match_teasers, url_key  # noqa: E402
from bench.tools import html_text  # noqa: E402
from extractor.models import Teaser  # noqa: E402


def test_tokens_are_lowercased_unicode_words() -> None:
    assert tokens("Hello, World! Straße_1 café—naïve 2019") == [
        "hello",
        "world",
        "straße_1",
        "café",
        "naïve",
        "2019",
    ]
    assert tokens("") == []
    assert tokens(None) == []


def test_shingles_are_a_multiset_of_four_grams() -> None:
    assert shingles("a b c d e") == Counter({("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1})
    assert shingles("a b c d a b c d")[("a", "b", "c", "d")] == 2
    assert sum(shingles("a b c d a b c d").values()) == 5


def test_short_text_is_one_shingle_of_all_its_tokens() -> None:
    assert shingles("Just two") == Counter({("just", "two"): 1})
    assert shingles("  ...  ") == Counter()


def test_page_counts_intersect_multisets() -> None:
    # truth {abcd, bcde}, prediction {bcde, cdef}
    assert body_counts("a b c d e", "b c d e f") == BodyCounts(tp=1, fp=1, fn=1)
    # truth has abcd twice, the prediction once: one found, four missed.
    assert body_counts("a b c d a b c d", "A, B. C; D!") == BodyCounts(tp=1, fp=0, fn=4)
    assert body_counts("a b c d e", "") == BodyCounts(tp=0, fp=0, fn=2)


def test_every_page_weighs_the_same() -> None:
    first = BodyCounts(tp=1, fp=1, fn=1)  # normalised 1/3, 1/3, 1/3
    second = BodyCounts(tp=1, fp=0, fn=4)  # normalised 1/5, 0, 4/5
    score = body_score([first, second])
    assert score is not None
    # tp = 8/15, fp = 5/15, fn = 17/15 -> P = 8/13, R = 8/25, F1 = 8/19
    assert score.pages == 2
    assert score.precision == pytest.approx(8 / 13)
    assert score.recall == pytest.approx(8 / 25)
    assert score.f1 == pytest.approx(8 / 19)


def test_a_long_page_does_not_drown_a_short_one() -> None:
    score = body_score([BodyCounts(tp=1000, fp=0, fn=0), BodyCounts(tp=0, fp=10, fn=0)])
    assert score is not None
    assert score.precision == pytest.approx(0.5)  # pooled counts would give 1000/1010
    assert score.recall == pytest.approx(1.0)


def test_both_empty_is_perfect_and_one_empty_is_zero() -> None:
    perfect = body_score([body_counts("", "")])
    assert perfect is not None
    assert (perfect.precision, perfect.recall, perfect.f1) == (1.0, 1.0, 1.0)
    missed = body_score([body_counts("some article text here", "")])
    assert missed is not None
    assert (missed.precision, missed.recall, missed.f1) == (0.0, 0.0, 0.0)
    assert body_score([]) is None


def test_title_and_byline_closeness_is_casefolded_token_f1() -> None:
    expected = "Get your Frontend JavaScript Code Covered | Code"
    # 6 of 7 tokens, nothing extra: F1 = 12/13
    assert token_f1(expected, "get your frontend javascript code covered") == pytest.approx(12 / 13)
    assert close(expected, "Get Your Frontend JavaScript Code Covered")
    assert not close(expected, "Code")  # F1 = 2/8
    assert token_f1("Straße", "STRASSE") == 1.0
    assert not close("Laura June Topolsky", None)


def test_dates_compare_the_written_calendar_day() -> None:
    assert date_part("2015-07-10T09:53:00-04:00") == "2015-07-10"
    assert same_date("2015-07-10T09:53:00-04:00", "2015-07-10")
    assert same_date("2019-04-28 06:01:07", "2019-04-28T06:01:07+00:00")
    # no time-zone shift: the day as written is the day compared
    assert not same_date("2015-07-10T23:00:00-04:00", "2015-07-11T03:00:00Z")
    assert not same_date("2015-07-10", "July 10, 2015")
    assert not same_date(None, None)


def test_split_holds_out_a_stable_quarter() -> None:
    # sha1("readability/001") ends in 4: held out; sha1("readability/002") does not.
    assert split_of("readability/001") == "held-out"
    assert split_of("readability/002") == "dev"
    keys = [f"zyte/{n:05d}" for n in range(4000)]
    share = sum(split_of(key) == "held-out" for key in keys) / len(keys)
    assert 0.22 < share < 0.28
    assert [split_of(key) for key in keys] == [split_of(key) for key in keys]


def test_html_text_keeps_blocks_apart() -> None:
    assert tokens(html_text("<div><p>first</p><p>second<br>third</p></div>")) == [
        "first",
        "second",
        "third",
    ]
    assert html_text("  ") == ""


def test_teaser_urls_match_absolute_without_fragment_or_final_slash() -> None:
    base = "https://Example.org/news/story-1"
    assert url_key("/news/story-2/#comments", base) == "https://example.org/news/story-2"
    assert url_key("https://example.org/news/story-2", base) == url_key("story-2/", base)
    assert url_key("view.html?idx=1", base) != url_key("view.html?idx=2", base)


def test_teasers_match_one_to_one_preferring_the_same_block() -> None:
    labels = [
        {"url": "https://x.org/a", "block": "Latest"},
        {"url": "https://x.org/a/", "block": "Most Read"},
        {"url": "https://x.org/b", "block": "Latest"},
    ]
    found = [
        Teaser(url="https://x.org/a#top", block="most read"),
        Teaser(url="https://x.org/a", block=None),
        Teaser(url="https://x.org/a", block=None),
        Teaser(url="https://x.org/c", block="Latest"),
    ]
    assert match_teasers(labels, found, "https://x.org/") == [(1, 0), (0, 1)]


def test_blurb_rule() -> None:
    assert blurb_ok(None, None)
    assert not blurb_ok("A blurb.", None)
    assert blurb_ok(
        "Even their own  witnesses\nsaid damaging stuff.",
        "Even their own witnesses said damaging stuff.",
    )
    ten = "one two three four five six seven eight nine ten"
    assert blurb_ok(ten, ten + " …")  # token F1 1.0
    assert blurb_ok(ten, ten.replace(" ten", ""))  # F1 = 18/19 >= 0.9
    assert not blurb_ok(ten, "one two three four five")  # F1 = 2/3


def test_blurb_rule_compares_composed_accents() -> None:
    # The same words with "É" decomposed (E + U+0301) on one side and composed on the other.
    assert blurb_ok("A Balela do \u201cE\u0301 Cedo\u201d", "A Balela do \u201c\u00c9 Cedo\u201d")
    assert not blurb_ok("A Balela do \u201cE\u0301 Cedo\u201d", "A Balela do \u201cA Cedo\u201d")


def test_decomposed_accents_read_as_the_composed_letters() -> None:
    decomposed = "Violences polici\u0065\u0300res d\u0065\u0301j\u0061\u0300"
    assert tokens(decomposed) == ["violences", "policières", "déjà"]
    assert body_counts(decomposed, "Violences policières déjà").fp == 0
