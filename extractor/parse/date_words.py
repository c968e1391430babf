"""Whether dateparser could read a text at all, told from its word lists without its parser."""

from __future__ import annotations

import functools
import importlib
import importlib.util
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import regex

    _Compiled = tuple[tuple[tuple[regex.Pattern[str], str], ...], regex.Pattern[str]]

# dateparser reads a text in a language only when every token of it is a word of that language,
# a number, or matches one of its patterns (after its own rewrites, "simplifications"); a text
# with a word none of its languages know is no date to it. Its setup (~100 ms a process: time
# zone patterns, the English rewrites) and each language's (~10-20 ms) are spent only on texts
# that pass this check, which reads the word lists its data modules ship (~0.2 ms a language)
# and compiles a language's patterns only when a word is in none of its lists.

_RUN_RE = re.compile(r"[^\W\d_]+")
_MONTH_KEYS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
# Entries that are patterns or settings, not words.
_NOT_WORDS = frozenset(
    ("name", "date_order", "no_word_spacing", "sentence_splitter_group", "locale_specific")
)
_PATTERN_KEYS = frozenset(("simplifications", "relative-type-regex"))
# Tokens dateparser knows in every language (its parser's own and the default SKIP_TOKENS).
_ALWAYS_KNOWN = frozenset(("am", "pm", "utc", "gmt", "z", "t", "early", "morning"))
# Escapes that match letters they do not spell out.
_OPEN_ESCAPES = frozenset("wWSDpPX")
# Languages whose words dateparser also reads in variant letters (Arabic/Persian ي/ی, ك/ک).
_LETTER_VARIANT_LANGUAGES = frozenset(("ar", "fa"))


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    """One language's word lists, normalized as dateparser normalizes texts."""

    language: str
    words: frozenset[str]  # letter runs of its word entries
    months: frozenset[str]  # letter runs of its month names and their abbreviations
    letters: frozenset[str]  # every letter its entries and patterns spell out
    open: bool  # a pattern matches letters it does not spell (or letter variants apply)
    no_spacing: bool  # words are written without spaces between them (zh, ja)
    simplifications: tuple[tuple[str, str], ...]
    relative: tuple[str, ...]


def normalize(text: str) -> str:
    """dateparser's normalization: compatibility forms, accents dropped, lower case."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn").lower()


def names_a_month(word: str, languages: Sequence[str]) -> bool:
    """Whether a word is a month name (or its abbreviation) in one of the languages."""
    folded = normalize(word)
    runs = _RUN_RE.findall(folded)
    for language in languages:
        vocabulary = _vocabulary(language)
        if vocabulary is None or vocabulary.open:
            return True
        if not vocabulary.months.isdisjoint(runs):
            return True
        if vocabulary.no_spacing and any(month in folded for month in vocabulary.months):
            return True
    return False


def could_read(text: str, languages: Sequence[str]) -> bool:
    """Whether every word of a text is one dateparser knows in one of the languages.

    Never False for a text dateparser reads as a date in those languages: words are matched
    leniently (any entry's letter runs, any pattern match that overlaps them, time zones).
    """
    folded = normalize(text)
    runs = [(m.start(), m.end(), m.group()) for m in _RUN_RE.finditer(folded)]
    if not runs:
        return True
    zones = _zone_words()
    for language in languages:
        vocabulary = _vocabulary(language)
        if vocabulary is None or vocabulary.open:
            return True
        unknown = [
            run
            for run in runs
            if run[2] not in vocabulary.words
            and run[2] not in _ALWAYS_KNOWN
            and run[2] not in zones
            and not (vocabulary.no_spacing and set(run[2]) <= vocabulary.letters)
        ]
        if not unknown:
            return True
        if any(not set(word) <= vocabulary.letters for _, _, word in unknown):
            continue  # a letter none of its words or patterns spell
        if _patterns_explain(folded, unknown, vocabulary):
            return True
    return False


def _patterns_explain(
    folded: str, unknown: list[tuple[int, int, str]], vocabulary: _Vocabulary
) -> bool:
    """Whether the language's rewrites and relative patterns cover every unknown word, in the
    text as written or as rewritten."""
    compiled = _compiled(vocabulary.language)
    if compiled is None:
        return True
    rewrites, relative = compiled
    spans = [m.span() for pattern, _ in rewrites for m in pattern.finditer(folded, overlapped=True)]
    if all(_covered(run, spans) or _relative(folded, run, relative) for run in unknown):
        return True
    import regex  # loaded by _compiled already: only texts with unknown words come here

    rewritten = folded
    for pattern, replacement in rewrites:
        try:
            rewritten = pattern.sub(replacement, rewritten).lower()
        except (regex.error, IndexError):
            return True  # a rewrite this check cannot replay: leave it to dateparser
    if rewritten == folded:
        return False
    zones = _zone_words()
    for m in _RUN_RE.finditer(rewritten):
        run = (m.start(), m.end(), m.group())
        if run[2] in vocabulary.words or run[2] in _ALWAYS_KNOWN or run[2] in zones:
            continue
        if not _relative(rewritten, run, relative):
            return False
    return True


def _covered(run: tuple[int, int, str], spans: list[tuple[int, int]]) -> bool:
    start, end, _ = run
    return any(s < end and start < e for s, e in spans)


_EDGE_RE = re.compile(r"(?<=\w)(?=\W)|(?<=\W)(?=\w)|(?<=\d)(?=\D)|(?<=\D)(?=\d)")


def _relative(text: str, run: tuple[int, int, str], relative: regex.Pattern[str]) -> bool:
    """Whether a stretch of the text around the word, cut where letters, digits and spaces
    meet, is a relative expression ("3 дня назад") as a whole."""
    edges = sorted({0, len(text), *(m.start() for m in _EDGE_RE.finditer(text))})
    start, end, _ = run
    return any(
        relative.fullmatch(text, s, e) is not None
        for s in edges
        if s <= start
        for e in edges
        if e >= end
    )


def dateparser_data(name: str) -> ModuleType:
    """One of dateparser's modules of plain data ("data.languages_info", "timezones", ...).

    Importing any of them the usual way imports dateparser itself first (~40 ms: its settings,
    parser and language loader), which only texts that reach its parser need. Until dateparser
    is imported, the module is run from its file as a module of its own; after, dateparser's
    copy is used. Raises ImportError when there is no such module.
    """
    dotted = f"dateparser.{name}"
    if "dateparser" in sys.modules:
        return importlib.import_module(dotted)
    return _data_from_file(name) or importlib.import_module(dotted)


@functools.cache
def _data_from_file(name: str) -> ModuleType | None:
    """The data module run from its file, or None when dateparser is not installed as files."""
    package = importlib.util.find_spec("dateparser")
    if package is None or package.origin is None:
        return None
    path = Path(package.origin).parent.joinpath(*name.split(".")).with_suffix(".py")
    if not path.is_file():
        raise ImportError(f"dateparser has no module {name!r}")
    spec = importlib.util.spec_from_file_location(f"extractor.dateparser_data.{name}", path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@functools.cache
def _vocabulary(language: str) -> _Vocabulary | None:
    try:
        module = dateparser_data(f"data.date_translation_data.{language}")
    except ImportError:
        return None
    info: dict[str, Any] = module.info
    infos = [info, *info.get("locale_specific", {}).values()]
    words: set[str] = set()
    months: set[str] = set()
    letters: set[str] = set()
    simplifications: list[tuple[str, str]] = []
    relative: list[str] = []
    for part in infos:
        for key, value in part.items():
            if key in _NOT_WORDS:
                continue
            if key == "simplifications":
                for item in value:
                    for pattern, replacement in item.items():
                        simplifications.append((normalize(pattern), normalize(str(replacement))))
                continue
            if key == "relative-type-regex":
                relative.extend(normalize(p) for patterns in value.values() for p in patterns)
                continue
            for entry in _strings(value):
                folded = normalize(entry)
                words.update(_RUN_RE.findall(folded))
                if key in _MONTH_KEYS:
                    months.update(_RUN_RE.findall(folded))
    patterns = [p for p, _ in simplifications] + relative
    for text in [*words, *patterns, *(r for _, r in simplifications)]:
        for run in _RUN_RE.findall(text):
            letters.update(run)
    return _Vocabulary(
        language,
        frozenset(words),
        frozenset(months),
        frozenset(letters),
        language in _LETTER_VARIANT_LANGUAGES or any(_consumes_any_letter(p) for p in patterns),
        str(info.get("no_word_spacing", "")).lower() in ("true", "1", "yes"),
        tuple(simplifications),
        tuple(relative),
    )


def _consumes_any_letter(pattern: str) -> bool:
    """Whether a pattern can take in a letter it does not spell out (``\\w``, ``.``, ``[^...]``),
    outside its lookarounds, which only look."""
    depth = 0  # nesting inside a lookaround
    stack: list[bool] = []  # for each open group: whether it is a lookaround
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            if depth == 0 and pattern[i + 1 : i + 2] in _OPEN_ESCAPES:
                return True
            i += 2
            continue
        if c == "[":
            end = i + 1
            if pattern[end : end + 1] == "^":
                if depth == 0:
                    return True
                end += 1
            end += 1  # a "]" right after "[" is a member
            while end < n and pattern[end] != "]":
                end += 2 if pattern[end] == "\\" else 1
            i = end + 1
            continue
        if c == "(":
            look = pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), i)
            stack.append(look)
            depth += look
        elif c == ")" and stack:
            depth -= stack.pop()
        elif c == "." and depth == 0:
            return True
        i += 1
    return False


def _strings(value: object) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


@functools.cache
def _compiled(language: str) -> _Compiled | None:
    """The language's rewrites and relative patterns, or None when one does not compile here."""
    import regex  # (~5 ms to import) only for texts with a word a language's lists lack

    vocabulary = _vocabulary(language)
    if vocabulary is None:
        return None
    # The same boundaries dateparser puts around its rewrites.
    wrap = r"(?!(?<=\d)\d){}" if vocabulary.no_spacing else r"(?<=\A|\W|_){}(?=\Z|\W|_)"
    # dateparser matches tokens against its relative patterns with their parentheses dropped,
    # all in one alternation; so does this check.
    stripped = sorted((re.sub(r"[()]", "", p) for p in vocabulary.relative), key=len, reverse=True)
    try:
        rewrites = tuple(
            (regex.compile(wrap.format(pattern), regex.IGNORECASE), replacement)
            for pattern, replacement in vocabulary.simplifications
        )
        relative = regex.compile(f"(?:{'|'.join(stripped) or '(?!)'})", regex.IGNORECASE)
    except regex.error:
        return None
    return rewrites, relative


@functools.cache
def _zone_words() -> frozenset[str]:
    """Letter runs of the time zone names dateparser strips from a text's end."""
    found: set[str] = set()
    for info in dateparser_data("timezones").timezone_info_list:
        for name, _ in info["timezones"]:
            found.update(w.lower() for w in _RUN_RE.findall(name))
    return frozenset(found)
