"""The word-list check that spares dateparser texts it could not read."""

from __future__ import annotations

import importlib
from datetime import UTC, datetime

import dateparser
import pytest

from extractor.parse.date_fallback import _dateparser
from extractor.parse.date_words import _consumes_any_letter, could_read, names_a_month
from extractor.parse.dates import find_date, parse_date

REF = datetime(2026, 5, 10, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "languages"),
    [
        ("3 дня назад", ("ru", "en")),
        ("три дня назад", ("ru",)),
        ("вчера в 10:30", ("ru",)),
        ("3 часа назад MSK", ("ru",)),
        ("16 listopada 2016 o 10:00", ("pl",)),
        ("3天前", ("zh",)),
        ("2時間前", ("ja",)),
        ("3 gün önce", ("tr",)),
        ("3 hours ago", ("en",)),
    ],
)
def test_texts_of_date_words_may_be_read(text: str, languages: tuple[str, ...]) -> None:
    assert could_read(text, languages)


@pytest.mark.parametrize(
    ("text", "languages"),
    [
        ("Интересное 0", ("ru", "en")),  # a count under a Russian label
        ("01/19 版主回覆： Terry 晚安", ("zh", "en")),  # a comment line
        ("ログイン今なら5,000ポイント YJFX!", ("ja", "en")),  # an advert
        ("2019 após 36", ("en",)),  # a Portuguese word on an English page
        ("kein Datum hier", ("de",)),
    ],
)
def test_texts_with_a_word_no_language_knows_are_not(text: str, languages: tuple[str, ...]) -> None:
    assert not could_read(text, languages)


def test_month_names_are_those_of_the_page_languages() -> None:
    assert names_a_month("listopada", ("pl",))
    assert names_a_month("Kasım", ("tr", "en"))
    assert names_a_month("sept", ("en",))
    assert not names_a_month("listopada", ("en",))
    assert not names_a_month("FinanceOctober", ("en",))
    assert not names_a_month("após", ("en",))
    # A language without word lists here cannot be judged: dateparser decides.
    assert names_a_month("anything", ("xx-unknown",))


def test_patterns_that_take_any_letter_are_told_apart() -> None:
    assert _consumes_any_letter(r"(\d+)\w*")
    assert _consumes_any_letter(r"[^\d]+ ago")
    assert _consumes_any_letter(r"at (.+)")
    # Looking is not taking; a dot in a class is a dot.
    assert not _consumes_any_letter(r"(?<=[^\d]\s+|^)день(?=(\s+назад))")
    assert not _consumes_any_letter(r"(\d+[.,]?\d*) дн(?:я|ей)? назад")
    assert not _consumes_any_letter(r"[]a.]b\.c")


@pytest.mark.parametrize("language", ["ru", "pl", "zh", "ja", "tr", "hi", "vi", "fi"])
def test_every_date_dateparser_reads_passes_the_check(language: str) -> None:
    # Month names and ages built from the language's own lists: whatever dateparser reads as a
    # date, the check lets through (it may let more through, never less).
    info = importlib.import_module(f"dateparser.data.date_translation_data.{language}").info
    months = ("january", "march", "may", "october", "december")
    texts = [f"16 {name} 2016" for key in months for name in info.get(key, [])[:3]]
    texts += [f"{name} 16" for key in months for name in info.get(key, [])[:3]]
    for unit in ("day", "hour", "week"):
        for word in info.get(unit, [])[:3]:
            for ago in info.get("ago", [])[:2]:
                texts += [f"3 {word} {ago}", f"{ago} 3 {word}"]
    settings = {
        "RELATIVE_BASE": datetime(2001, 6, 15, 12),
        "REQUIRE_PARTS": ["day", "month"],
        "PARSERS": ["relative-time", "absolute-time"],
    }
    read = [t for t in texts if dateparser.parse(t, languages=[language], settings=settings)]
    assert read  # the sample holds dates, or the test proves nothing
    assert [t for t in read if not could_read(t, (language,))] == []


def test_lines_of_unknown_words_never_reach_dateparser() -> None:
    before = _dateparser.cache_info()
    assert find_date("FinanceOctober 13, 2016", languages=["en"]) is None
    assert find_date("Интересное 0", languages=["ru"]) is None
    assert parse_date("Интересное 0", reference=REF, languages=["ru"]) is None
    assert _dateparser.cache_info().misses == before.misses


def test_dates_of_other_languages_still_reach_it() -> None:
    found = find_date("Opublikowano: 16 listopada 2016", languages=["pl"])
    assert found is not None and found.iso == "2016-11-16"
    aged = find_date("Новости · 3 дня назад", reference=REF, languages=["ru"])
    assert aged is not None and aged.iso == "2026-05-07"
