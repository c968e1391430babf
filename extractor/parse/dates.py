"""Dates as pages print them: finding, parsing, day/month order, machine values; never a clock."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

import dateparser

__all__ = [
    "ParsedDate",
    "find_date",
    "infer_order",
    "is_after",
    "parse_date",
    "to_iso_datetime",
]


@dataclass(frozen=True, slots=True)
class ParsedDate:
    """A date read from text: the date part as displayed and its ISO value when it can be known."""

    text: str
    iso: str | None
    ambiguous: bool = False
    relative: bool = False


# --- vocabulary -------------------------------------------------------------------------------

_MONTH_WORDS: dict[int, str] = {
    1: "january jan januar jänner jaenner janvier janv enero ene janeiro gennaio gen januari",
    2: "february feb februar février fevrier févr fevr febrero fevereiro fev febbraio februari",
    3: "march mar märz maerz mär mrz mars marzo março marco maart mrt",
    4: "april apr avril avr abril abr aprile",
    5: "may mai mayo maio maggio mag mei",
    6: "june jun juni juin junio junho giugno giu",
    7: "july jul juli juillet juil julio julho luglio lug",
    8: "august aug août aout agosto ago augustus",
    9: "september sep sept septembre septiembre setiembre setembro set settembre",
    10: "october oct oktober okt octobre octubre outubro out ottobre ott",
    11: "november nov novembre noviembre novembro",
    12: "december dec dezember dez décembre decembre déc diciembre dic dezembro dicembre",
}
MONTHS: dict[str, int] = {w: n for n, words in _MONTH_WORDS.items() for w in words.split()}

# Abbreviations that are also everyday words: without a year next to them they are not months
# ("3 out of 5", "5 ago"), and "May 3"/"March 3" count only when capitalized.
_WORDLIKE_MONTHS = frozenset(
    {"out", "set", "ago", "gen", "mag", "mar", "may", "march", "mai", "mei"}
)
_CAPITALIZED_ONLY = frozenset({"may", "march", "mar"})

_WEEKDAYS = (
    "monday mon tuesday tues tue wednesday wed thursday thurs thu friday fri "
    "saturday sat sunday sun "
    "montag dienstag mittwoch donnerstag freitag samstag sonntag "
    "lundi mardi mercredi jeudi vendredi samedi dimanche "
    "lunes martes miércoles miercoles jueves viernes sábado sabado domingo "
    "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira "
    "lunedì martedì mercoledì giovedì venerdì "
    "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag"
)

# Relative units in every supported language, mapped to one key.
_UNIT_WORDS: dict[str, str] = {
    "s": "s sec secs second seconds sekunde sekunden seconde secondes segundo segundos secondi "
    "seconden",
    "min": "m min mins minute minutes minuten minuto minutos minuti minuut",
    "h": "h hr hrs hour hours stunde stunden heure heures hora horas ora ore uur uren",
    "d": "d day days tag tagen tage jour jours día días dia dias giorno giorni dag dagen",
    "w": "w wk wks week weeks woche wochen semaine semaines semana semanas settimana settimane "
    "weken",
    "mo": "mo mos month months monat monaten monate mois mes meses mês mese mesi maand maanden",
    "y": "y yr yrs year years jahr jahren jahre an ans année années año años ano anos anno anni "
    "jaar jaren",
}
UNITS: dict[str, str] = {w: key for key, words in _UNIT_WORDS.items() for w in words.split()}
_ONE_WORDS_TEXT = "a an one ein eine einer einem einen un une uno una um uma een"
_ONE_WORDS = frozenset(_ONE_WORDS_TEXT.split())

_DAYS_BACK: dict[int, str] = {
    0: "today heute aujourd'hui aujourd’hui hoy hoje oggi vandaag",
    1: "yesterday gestern hier ayer ontem ieri gisteren",
    2: "vorgestern avant-hier anteayer anteontem eergisteren",
}
_DAY_WORDS: dict[str, int] = {w: n for n, words in _DAYS_BACK.items() for w in words.split()}


def _alternation(words: Iterable[str]) -> str:
    # Longest first, so "sept" wins over "sep" and "märz" over "mär".
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


_MONTH = rf"(?<![^\W\d_])(?P<month>{_alternation(MONTHS)})(?![^\W\d_])\.?"
_WEEKDAY = rf"(?:(?<![^\W\d_])(?:{_alternation(_WEEKDAYS.split())})(?![^\W\d_])\.?,?\s+)?"
_ORDINAL = r"(?:st|nd|rd|th|er|e|º|°|\.)?"
_DAY = r"(?<!\d)(?P<day>[0-3]?\d)"
_YEAR = r"(?P<year>[12]\d{3})(?!\d)"
_NUM_UNIT = rf"(?P<num>\d{{1,3}}|{_alternation(_ONE_WORDS)})"

# The cheap gate every text passes first: which kinds of date it could hold, from its digits and
# its words; a text with no digit, month name or relative word holds none.
_DIGIT_RE = re.compile(r"\d")
_WORD_RE = re.compile(r"[^\W\d_]+")
_MONTH_TOKENS = frozenset(MONTHS)
_DAY_TOKENS = frozenset(t for w in _DAY_WORDS for t in _WORD_RE.findall(w))
_FOREIGN_AGO_TOKENS = frozenset(("vor", "y", "hace", "há", "ha", "fa", "geleden", "atrás"))
_AGO_TOKENS = frozenset(("ago", "now"))
_CUE_TOKENS = _MONTH_TOKENS | _DAY_TOKENS | _FOREIGN_AGO_TOKENS | _AGO_TOKENS


@dataclass(frozen=True, slots=True)
class _Cues:
    """What a text could hold, so the scan runs only the patterns that can match."""

    digit: bool
    month: bool
    ago: bool
    foreign_ago: bool
    day_word: bool


def _cues(text: str) -> _Cues | None:
    digit = _DIGIT_RE.search(text) is not None
    words = _CUE_TOKENS.intersection(_WORD_RE.findall(text.casefold()))
    if not digit and not words:
        return None
    return _Cues(
        digit=digit,
        month=not _MONTH_TOKENS.isdisjoint(words),
        ago=not _AGO_TOKENS.isdisjoint(words),
        foreign_ago=not _FOREIGN_AGO_TOKENS.isdisjoint(words),
        day_word=not _DAY_TOKENS.isdisjoint(words),
    )


_I = re.IGNORECASE
_ISO_DATETIME_RE = re.compile(
    r"(?<!\d)\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?"
    r"\s*(?:Z|[+-]\d{2}:?\d{2})?(?!\d)"
)
_CJK_RE = re.compile(
    r"(?P<year>\d{4})\s*[年년]\s*(?P<month>\d{1,2})\s*[月월]\s*(?P<day>\d{1,2})\s*[日일]?"
)
_MDY_RE = re.compile(
    rf"{_WEEKDAY}{_MONTH}\s*(?<!\d)(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)\s*,?\s*{_YEAR}", _I
)
_DMY_RE = re.compile(
    rf"{_WEEKDAY}{_DAY}{_ORDINAL}[\s./-]*(?:de\s+|of\s+)?{_MONTH}[\s,./-]*(?:de\s+|del\s+)?{_YEAR}",
    _I,
)
_YMD_RE = re.compile(
    r"(?<![\d.,/:-])(?P<year>[12]\d{3})(?P<sep>[/.-])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})"
    r"(?!\d)(?![/.:-]\d)"
)
_NUMERIC_RE = re.compile(
    r"(?<![\d.,/:-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})"
    r"(?!\d)(?![/.:-]\d)"
)
_AGO_RE = re.compile(
    rf"(?:~\s*|(?:about|around|over|almost|nearly)\s+)?{_NUM_UNIT}\s*"
    rf"(?P<unit>{_alternation(UNITS)})(?![^\W\d_])\.?\s+ago(?![^\W\d_])",
    _I,
)
_JUST_NOW_RE = re.compile(
    r"(?<![^\W\d_])(?:just\s+now|moments?\s+ago|a\s+few\s+(?:seconds|minutes)\s+ago)"
    r"(?![^\W\d_])",
    _I,
)
_FOREIGN_AGO_RE = re.compile(
    rf"(?<![^\W\d_])(?:vor|il\s+y\s+a|hace|há|ha)\s+{_NUM_UNIT}\s+(?P<unit>{_alternation(UNITS)})"
    rf"(?![^\W\d_])"
    rf"|{_NUM_UNIT.replace('num', 'num2')}\s+(?P<unit2>{_alternation(UNITS)})\s+"
    rf"(?:fa|geleden|atrás)(?![^\W\d_])",
    _I,
)
# Words and compact forms ("today", "14h") count only when they stand apart from prose,
# so "Subscribe today" or "5m views" are not dates.
_APART_START = r"(?:^|[·•|–—:,]|\s-)\s*(?:(?:updated|published|posted|modified)\s+)?"
_APART_END = r"\s*(?=$|[·•|–—,]|\s-)"
_DAY_WORD_RE = re.compile(
    rf"{_APART_START}(?P<word>{_alternation(_DAY_WORDS)})"
    rf"(?:,?\s*(?:at\s+|um\s+|à\s+|às\s+|a\s+las\s+|alle\s+|om\s+)?\d{{1,2}}[:h.]\d{{2}}"
    rf"(?:\s*[ap]\.?m\.?)?)?{_APART_END}",
    _I,
)
# Only the glued form ("14h"): "5 min" on its own is a reading time far more often than an age.
_COMPACT_RE = re.compile(rf"{_APART_START}(?P<num>\d{{1,3}})(?P<unit>mo|[smhdwy]){_APART_END}", _I)
_MD_RE = re.compile(rf"{_WEEKDAY}{_MONTH}\s*(?<!\d)(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])", _I)
_DM_RE = re.compile(rf"{_WEEKDAY}{_DAY}{_ORDINAL}\s*(?:de\s+|of\s+)?{_MONTH}(?!\s*\d)", _I)


# --- finding and parsing ----------------------------------------------------------------------


def find_date(
    text: str,
    *,
    order: str | None = None,
    reference: datetime | None = None,
    page_date: date | None = None,
) -> ParsedDate | None:
    """The first date inside a short line; `.text` is only the date part."""
    cues = _cues(text)
    if cues is None:
        return None
    return next(_scan(text, cues, order, reference, page_date), None)


def parse_date(
    text: str,
    *,
    order: str | None = None,
    reference: datetime | None = None,
    page_date: date | None = None,
    languages: tuple[str, ...] | None = None,
) -> ParsedDate | None:
    """The whole text read as a date; dateparser is the slow fallback for shapes we don't know.

    ``languages`` (ISO 639-1 codes, e.g. the page's) narrow dateparser's search: without them
    it tries every locale it knows, which costs a second the first time.
    """
    stripped = text.strip()
    cues = _cues(stripped)
    if cues is None:
        return None
    found = next(_scan(stripped, cues, order, reference, page_date), None)
    if found is not None:
        return found
    if len(stripped) > 80:
        return None
    return _fallback(stripped, order, reference, languages)


def _scan(
    text: str,
    cues: _Cues,
    order: str | None,
    reference: datetime | None,
    page_date: date | None,
) -> Iterator[ParsedDate]:
    """Every date the fast patterns read, strongest shapes first."""
    if cues.digit:
        yield from _absolute(text, cues, order)
    if cues.ago:
        for m in _AGO_RE.finditer(text):
            yield from _relative(m.group().strip(), m["num"], m["unit"], reference)
        for m in _JUST_NOW_RE.finditer(text):
            yield from _relative(m.group(), "0", "s", reference)
    if cues.foreign_ago:
        for m in _FOREIGN_AGO_RE.finditer(text):
            num, unit = (m["num"], m["unit"]) if m["num"] else (m["num2"], m["unit2"])
            yield from _relative(m.group().strip(), num, unit, reference)
    if cues.day_word:
        for m in _DAY_WORD_RE.finditer(text):
            days = _DAY_WORDS[m["word"].casefold()]
            when = reference.date() - timedelta(days=days) if reference is not None else None
            shown = text[m.start("word") : m.end()].strip()
            yield ParsedDate(shown, when.isoformat() if when else None, relative=True)
    if cues.digit and cues.month:
        for regex in (_MD_RE, _DM_RE):
            for m in regex.finditer(text):
                yield from _no_year(m, page_date)
    if cues.digit:
        for m in _COMPACT_RE.finditer(text):
            shown = text[m.start("num") : m.end()].strip()
            yield from _relative(shown, m["num"], m["unit"], reference)


def _absolute(text: str, cues: _Cues, order: str | None) -> Iterator[ParsedDate]:
    for m in _ISO_DATETIME_RE.finditer(text):
        iso = to_iso_datetime(m.group())
        if iso is not None:
            yield ParsedDate(m.group().strip(), iso)
    for m in _CJK_RE.finditer(text):
        yield from _dated(m.group().strip(), int(m["year"]), int(m["month"]), int(m["day"]))
    if cues.month:
        for regex in (_MDY_RE, _DMY_RE):
            for m in regex.finditer(text):
                month = MONTHS[m["month"].casefold()]
                yield from _dated(m.group().strip(" ,"), int(m["year"]), month, int(m["day"]))
    for m in _YMD_RE.finditer(text):
        yield from _dated(m.group(), int(m["year"]), int(m["month"]), int(m["day"]))
    for m in _NUMERIC_RE.finditer(text):
        yield from _numeric(m, order)


def _dated(shown: str, year: int, month: int, day: int) -> Iterator[ParsedDate]:
    try:
        yield ParsedDate(shown, date(year, month, day).isoformat())
    except ValueError:
        return


def _numeric(m: re.Match[str], order: str | None) -> Iterator[ParsedDate]:
    a, b, year = int(m["a"]), int(m["b"]), int(m["year"])
    if len(m["year"]) == 2:
        if m["sep"] == "." and (len(m["a"]) < 2 or len(m["b"]) < 2):
            return  # "3.10.12" is a version; a short dotted date is written "03.10.12"
        year += 2000
    if order is None and m["sep"] == ".":
        # Dotted numeric dates are day-first wherever they are written (de, fr, ru, ...).
        order = "DM"
    if a > 12 and b > 12:
        return
    if a == b or a > 12 or b > 12:
        day, month = (a, b) if a > 12 or a == b else (b, a)
    elif order == "MD":
        month, day = a, b
    elif order == "DM":
        day, month = a, b
    else:
        yield ParsedDate(m.group(), None, ambiguous=True)
        return
    yield from _dated(m.group(), year, month, day)


def _relative(shown: str, num: str, unit: str, reference: datetime | None) -> Iterator[ParsedDate]:
    # A capital M is minutes ("15M ago"); months are written "mo".
    key = UNITS.get(unit.casefold()) if unit != "M" else "min"
    if key is None:
        return
    count = 1 if num.casefold() in _ONE_WORDS else int(num)
    if reference is None:
        yield ParsedDate(shown, None, relative=True)
        return
    try:
        when = _minus(reference, count, key)
    except (OverflowError, ValueError):
        return
    if key in ("s", "min", "h") and reference.tzinfo is not None:
        iso = when.isoformat(timespec="seconds")
    else:
        iso = when.date().isoformat()
    yield ParsedDate(shown, iso, relative=True)


def _minus(reference: datetime, count: int, key: str) -> datetime:
    if key in ("mo", "y"):
        months = reference.year * 12 + reference.month - 1 - count * (12 if key == "y" else 1)
        year, month = divmod(months, 12)
        day = min(reference.day, _month_length(year, month + 1))
        return reference.replace(year=year, month=month + 1, day=day)
    seconds = {"s": 1, "min": 60, "h": 3600, "d": 86400, "w": 604800}[key]
    return reference - timedelta(seconds=count * seconds)


def _month_length(year: int, month: int) -> int:
    following = date(year + month // 12, month % 12 + 1, 1)
    return (following - timedelta(days=1)).day


def _no_year(m: re.Match[str], page_date: date | None) -> Iterator[ParsedDate]:
    token = m["month"]
    folded = token.casefold()
    if folded in _WORDLIKE_MONTHS and not (token[0].isupper() and folded in _CAPITALIZED_ONLY):
        return
    month, day = MONTHS[folded], int(m["day"])
    if not 1 <= day <= 31:
        return
    shown = m.group().strip(" ,")
    if page_date is None:
        yield ParsedDate(shown, None)
        return
    # The latest year that puts the day no later than a week after the page's own date.
    limit = page_date + timedelta(days=7)
    for year in range(limit.year, limit.year - 8, -1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= limit:
            yield ParsedDate(shown, candidate.isoformat())
            return


# --- dateparser fallback ----------------------------------------------------------------------

# Two fixed bases: a text that reads differently against each is relative ("3 days ago").
_BASE_A = datetime(2001, 6, 15, 12, 0, 0)
_BASE_B = datetime(2003, 2, 10, 12, 0, 0)


def _fallback(
    text: str, order: str | None, reference: datetime | None,
    languages: tuple[str, ...] | None = None,
) -> ParsedDate | None:
    naive_ref = reference.replace(tzinfo=None) if reference is not None else None
    first = _dateparser(text, order, naive_ref or _BASE_A, languages)
    if first is None:
        return None
    other = _dateparser(text, order, _BASE_B if naive_ref != _BASE_B else _BASE_A, languages)
    relative = other != first
    if relative and reference is None:
        return ParsedDate(text, None, relative=True)
    return ParsedDate(text, first.date().isoformat(), relative=relative)


@functools.lru_cache(maxsize=4096)
def _dateparser(
    text: str, order: str | None, base: datetime, languages: tuple[str, ...] | None = None
) -> datetime | None:
    settings: dict[str, object] = {
        "RELATIVE_BASE": base,
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DATES_FROM": "past",
    }
    if order in ("MD", "DM"):
        settings["DATE_ORDER"] = "MDY" if order == "MD" else "DMY"
    try:
        found = dateparser.parse(
            text, languages=list(languages) if languages else None, settings=settings
        )
    except (ValueError, OverflowError, TypeError, KeyError, IndexError, AttributeError):
        # dateparser has no error type of its own; these are what its parsers raise on odd text.
        return None
    return found if isinstance(found, datetime) else None


# --- order, machine values, comparison --------------------------------------------------------


def infer_order(texts: Iterable[str]) -> str | None:
    """ "MD" or "DM": the majority of numeric dates with a part above 12; a tie says None."""
    md = dm = 0
    for text in texts:
        for m in _NUMERIC_RE.finditer(text):
            a, b = int(m["a"]), int(m["b"])
            if a > 12 >= b:
                dm += 1
            elif b > 12 >= a:
                md += 1
    if md == dm:
        return None
    return "MD" if md > dm else "DM"


_MACHINE_ISO_RE = re.compile(
    r"(?P<year>\d{4})-?(?P<month>\d{2})-?(?P<day>\d{2})"
    r"(?:[T ](?P<hour>\d{2}):?(?P<minute>\d{2})(?::?(?P<second>\d{2})(?:[.,]\d+)?)?"
    r"\s*(?P<zone>Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?",
    re.IGNORECASE,
)
_EPOCH_RE = re.compile(r"\d{9,13}(?:\.\d+)?")


def to_iso_datetime(value: str) -> str | None:
    """An RFC 3339 datetime (or a bare ISO date when no zone is known) from a machine date value."""
    text = value.strip()
    if not text or len(text) > 64:
        return None
    if _EPOCH_RE.fullmatch(text):
        seconds = float(text)
        if seconds > 1e11:
            seconds /= 1000  # milliseconds
        try:
            return datetime.fromtimestamp(seconds, UTC).isoformat(timespec="seconds")
        except (OverflowError, ValueError, OSError):
            return None
    m = _MACHINE_ISO_RE.fullmatch(text.replace("/", "-"))
    if m is not None:
        return _machine_iso(m)
    try:
        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        parsed = None
    if parsed is not None:
        return _rfc3339(parsed)
    # Human dates in machine slots ("November 20, 2019") are read by the fast patterns only:
    # a machine value never needs dateparser's guessing.
    cues = _cues(text)
    if cues is None or not cues.digit:
        return None
    return next((found.iso for found in _absolute(text, cues, None) if found.iso), None)


def _machine_iso(m: re.Match[str]) -> str | None:
    try:
        day = date(int(m["year"]), int(m["month"]), int(m["day"]))
        if m["hour"] is None:
            return day.isoformat()
        moment = datetime(
            day.year, day.month, day.day, int(m["hour"]), int(m["minute"]), int(m["second"] or 0)
        )
    except ValueError:
        return None
    zone = m["zone"]
    if zone is None:
        return day.isoformat()
    if zone.upper() in ("Z", "UTC", "GMT"):
        return moment.replace(tzinfo=UTC).isoformat(timespec="seconds")
    digits = zone[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    if hours > 23 or minutes > 59:
        return None
    offset = timedelta(hours=hours, minutes=minutes) * (-1 if zone[0] == "-" else 1)
    return moment.replace(tzinfo=timezone(offset)).isoformat(timespec="seconds")


def _rfc3339(moment: datetime) -> str:
    if moment.tzinfo is None:
        return moment.date().isoformat()
    return moment.replace(microsecond=0).isoformat(timespec="seconds")


def is_after(iso: str, moment: datetime) -> bool:
    """Whether an ISO value lies after `moment`: by UTC day for bare dates, exactly otherwise."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    try:
        if len(iso) == 10:
            return date.fromisoformat(iso) > aware.astimezone(UTC).date()
        value = datetime.fromisoformat(iso)
    except ValueError:
        return False
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value > aware
