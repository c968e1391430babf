"""dateparser as the last resort, for languages and shapes the fast patterns do not read."""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Sequence
from datetime import datetime, time, timedelta

from extractor.parse.date_patterns import (
    _FAST_LANGUAGES,
    _SEGMENT_RE,
    _WORD_RE,
    ParsedDate,
    _moment_iso,
    _Options,
)
from extractor.parse.date_words import could_read, dateparser_data, names_a_month
from extractor.parse.relative_dates import (
    _year_for,
)

# --- dateparser fallback ----------------------------------------------------------------------

# Two fixed bases: a text read the same against both is absolute; one that moves only its year
# has no year ("16 listopada"); anything else is relative ("3 дня назад").
_BASE_A = datetime(2001, 6, 15, 12, 0, 0)
_BASE_B = datetime(2003, 2, 10, 7, 31, 17)
_NUMBER_RE = re.compile(r"\d+")
_YEARLIKE_RE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
# A day, one word and a year, in any script and order: a month name of a language the patterns
# don't read ("16 listopada 2016", "2016. november 16.", "Kasım 16, 2016").
# A month may be given by two names at once ("28 آب/اغسطس 2013": the Levantine and the
# Egyptian name of August); each is then tried alone (_month_spellings).
_MONTH = r"(?:[^\W\d_]{2,}\s*/\s*[^\W\d_]{2,}|[^\W\d_]{3,})"
_FOREIGN_DATE_RE = re.compile(
    rf"(?<!\d)[0-3]?\d\.?\s*(?:de\s+)?{_MONTH}\.?,?\s*(?:de\s+)?(?:19|20)\d{{2}}(?!\d)"
    rf"|{_MONTH}\.?\s*[0-3]?\d\.?,?\s*(?:19|20)\d{{2}}(?!\d)"
    r"|(?<!\d)(?:19|20)\d{2}[.,/\s-]*[^\W\d_]{3,}\.?[/\s-]*[0-3]?\d(?!\d)\.?"
)


@functools.cache
def _known_languages() -> frozenset[str]:
    """The language codes dateparser reads (its data, without importing its parser)."""
    return frozenset(dateparser_data("data.languages_info").language_order)


def _dateparser_languages(languages: Sequence[str] | None) -> tuple[str, ...] | None:
    if not languages:
        return None
    known = _known_languages()
    found: list[str] = []
    for code in languages:
        tag = code.strip().replace("_", "-")
        for candidate in (tag, tag.split("-")[0].lower()):
            if candidate in known:
                if candidate not in found:
                    found.append(candidate)
                break
    return tuple(found) or None


def _has_foreign_letters(text: str) -> bool:
    return not text.isascii() and len(text) <= 40 and any(c.isalpha() for c in text)


def _fallback_in_segments(text: str, opts: _Options) -> ParsedDate | None:
    """dateparser's reading of the parts of a line that look like dates the patterns missed."""
    candidates: list[str] = []
    if _YEARLIKE_RE.search(text) is not None:
        for m in _FOREIGN_DATE_RE.finditer(text):
            shown = m.group().strip(" ,.")
            for spelled in _month_spellings(shown):
                # Its word must name a month in a language of the page ("FinanceOctober 13,
                # 2016" and "2019 após 36" do not, in English): asking dateparser would only
                # say no.
                word = max(_WORD_RE.findall(spelled), key=len)
                if opts.languages is None or names_a_month(word, opts.languages):
                    found = _fallback(spelled, opts)
                    if found is not None:
                        return dataclasses.replace(found, text=shown)
    # An age in a language the patterns don't read ("3 дня назад"): only with the page's
    # language, since guessing the language costs dateparser ~10 ms a line.
    if opts.languages is not None and not _FAST_LANGUAGES.issuperset(opts.languages):
        candidates.extend(s.strip(" ,.") for s in _SEGMENT_RE.split(text) if _short_phrase(s))
    for candidate in candidates:
        found = _fallback(candidate, opts)
        if found is not None:
            return found
    return None


_MONTH_PAIR_RE = re.compile(r"([^\W\d_]{2,})\s*/\s*([^\W\d_]{2,})")


def _month_spellings(shown: str) -> list[str]:
    """A date as shown, or with each of its month's two names alone."""
    if "/" not in shown or _MONTH_PAIR_RE.search(shown) is None:
        return [shown]
    return [_MONTH_PAIR_RE.sub(r"\2", shown), _MONTH_PAIR_RE.sub(r"\1", shown)]


def _short_phrase(segment: str) -> bool:
    if not 2 <= len(segment) <= 40:
        return False
    words, numbers = _WORD_RE.findall(segment), _NUMBER_RE.findall(segment)
    return 0 < len(words) <= 4 and 0 < len(numbers) <= 3


def _fallback(text: str, opts: _Options) -> ParsedDate | None:
    if opts.languages is not None and not could_read(text, opts.languages):
        return None  # a word none of the languages knows: dateparser would not read it
    first = _dateparser(text, opts.order, opts.languages, _BASE_A)
    if first is None:
        # Most texts that reach here are not dates: one dateparser call says so, not two.
        return None
    second = _dateparser(text, opts.order, opts.languages, _BASE_B)
    if second is None:
        return None
    has_time = first.time() != time()
    if first == second:
        return ParsedDate(text, first.date().isoformat(), has_time=has_time)
    if (first.month, first.day, first.time()) == (second.month, second.day, second.time()):
        day = _year_for(first.month, first.day, opts.page_date) if opts.page_date else None
        return ParsedDate(text, day.isoformat() if day else None, has_time=has_time)
    has_time = (first - _BASE_A) % timedelta(days=1) != timedelta(0)
    reference = opts.reference
    if reference is None:
        return ParsedDate(text, None, relative=True, has_time=has_time)
    naive = reference.replace(tzinfo=None)
    moved = _dateparser(text, opts.order, opts.languages, naive)
    if moved is None:
        return None
    iso = _moment_iso(reference + (moved - naive)) if has_time else moved.date().isoformat()
    return ParsedDate(text, iso, relative=True, has_time=has_time)


@functools.lru_cache(maxsize=4096)
def _dateparser(
    text: str, order: str | None, languages: tuple[str, ...] | None, base: datetime
) -> datetime | None:
    settings: dict[str, object] = {
        "RELATIVE_BASE": base,  # never the clock: results depend on the arguments only
        "REQUIRE_PARTS": ["day", "month"],
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DATES_FROM": "past",
        # Not "timestamp" or "no-spaces-time": they read counts and ids as dates.
        "PARSERS": ["relative-time", "absolute-time"],
    }
    if order is not None:
        settings["DATE_ORDER"] = "MDY" if order == "MD" else "DMY"
    # Imported here: most pages never reach this parser, and importing it costs ~40 ms.
    import dateparser

    try:
        found = dateparser.parse(
            text, languages=list(languages) if languages else None, settings=settings
        )
    except (ValueError, OverflowError, TypeError, KeyError, IndexError, AttributeError):
        # dateparser has no error type of its own; these are what its parsers raise on odd text.
        return None
    return found if isinstance(found, datetime) else None
