"""The page's date where no line near the headline gives one: a labelled or date-classed line."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from urllib.parse import urlsplit

from extractor.parse import dates
from extractor.parse.bylines import is_foreign
from extractor.parse.dom import Block, tokens
from extractor.parse.field_labels import DATE_LABELS, label_values

__all__ = ["marked_page_date", "url_date"]

# "Published: ...", "veröffentlicht: 25.10.2007", "publié le ...": a label that says whose date.
_PUBLISHED_LABEL_RE = re.compile(
    r"^\s*(?:published|first published|posted|veröffentlicht|erschienen|publié(?: le)?"
    r"|publicado(?: el)?|pubblicato(?: il)?|gepubliceerd(?: op)?)\b\s*(?:on|am|:)?\s*",
    re.IGNORECASE,
)
# Class and id names of the element showing a post's own date ("post-date", "entry-date").
_DATE_NAMES = frozenset(
    {
        "post-date",
        "entry-date",
        "published",
        "pubdate",
        "date-published",
        "publish-date",
        "publication-date",
        "article-date",
        "artikeldatum",
        "posted-on",
        "date-header",  # Blogger's day heading over the day's posts
    }
)
# Zones whose dates are other people's: readers' comments, and the page's menus.
_FOREIGN_ZONES = frozenset({"comments", "navigation", "breadcrumb"})
# Words beside the date on a dated line ("12. September 2013", "veröffentlicht: ... 15:19").
_MAX_OTHER_CHARS = 24
_MAX_LINE_CHARS = 80
# "This entry was posted on Monday, December 14th, 2015 at 2:48 pm and is filed under ...",
# "Dieser Artikel wurde am 14. Dezember 2015 um 14:48 von Heiner geschrieben ...": a post's
# footer sentence about the post itself, whose date follows the phrase at once. The subject
# is required: "Das Gesetz wurde am 14. März beschlossen" is the text's news, not its date.
_POSTED_ON_RE = re.compile(
    r"(?:\b(?:this|the)\s+(?:entry|post|article|story)\s+(?:was|has\s+been)\s+(?:first\s+)?"
    r"(?:posted|published|written|submitted)\s+on"
    r"|\b(?:dieser|der)\s+(?:artikel|beitrag|eintrag)\s+wurde\s+am"
    r"|\bcet\s+(?:article|billet)\s+a\s+été\s+(?:publié|écrit|posté)\s+le"
    r"|\b(?:este|esta)\s+(?:artículo|entrada)\s+fue\s+(?:publicad|escrit)[oa]\s+el"
    r"|\bquesto\s+articolo\s+è\s+stato\s+(?:pubblicato|scritto)\s+il"
    r"|\bdit\s+(?:artikel|bericht)\s+werd\s+geplaatst\s+op)\s+",
    re.IGNORECASE,
)
_MAX_SENTENCE_CHARS = 400
# Words between the phrase and its date: a weekday ("on Monday, December 14th").
_MAX_LEAD_CHARS = 12


def marked_page_date(
    all_blocks: list[Block],
    headline_index: int | None,
    order: str | None,
    now: datetime | None,
    languages: tuple[str, ...],
) -> tuple[str | None, str | None]:
    """The date of the first short line after the headline (then before it) that a label names
    as the publication's ("veröffentlicht: 25.10.2007") or that sits in an element named for a
    post's date (``span.post-date`` in the post's footer), with its year; else nothing.

    Lines of teaser blocks, comments and menus are other stories' and people's dates.
    """
    start = headline_index if headline_index is not None else 0
    for block in _own_dated_lines(all_blocks, start, _MAX_LINE_CHARS):
        text = block.text
        label = _PUBLISHED_LABEL_RE.match(text)
        if label is None and not _named_for_a_date(block):
            continue
        parsed = dates.find_date(text, order=order, reference=now, languages=languages)
        if parsed is None or parsed.iso is None or is_foreign(block.el):
            continue
        other = len(text) - len(parsed.text) - (label.end() if label else 0)
        if other <= _MAX_OTHER_CHARS:
            return parsed.text, parsed.iso
    found = _posted_on_date(all_blocks, start, order, now, languages)
    if found[1] is None:
        found = _labelled_date(all_blocks, start, order, now, languages)
    if found[1] is None and headline_index is not None:
        found = _time_after_headline(all_blocks, headline_index)
    return found


def _foreign(block: Block) -> bool:
    """Whether a line is in comments, a menu or a teaser block, whose dates are not the page's.

    (A teaser block's zone is no kind name: its dates are its cards'.)
    """
    zone = block.zone
    return zone is not None and (not isinstance(zone, str) or zone in _FOREIGN_ZONES)


def _own_dated_lines(
    all_blocks: list[Block], start: int, max_chars: int | None = None
) -> Iterator[Block]:
    """The lines from ``start`` (the headline's) on, then those before it, that hold a digit
    (and at most ``max_chars`` characters), outside teasers, comments and menus."""
    for block in (*all_blocks[start:], *all_blocks[:start]):
        text = block.text
        if max_chars is not None and len(text) > max_chars:
            continue
        if any(ch.isdigit() for ch in text) and not _foreign(block):
            yield block


def _posted_on_date(
    all_blocks: list[Block],
    start: int,
    order: str | None,
    now: datetime | None,
    languages: tuple[str, ...],
) -> tuple[str | None, str | None]:
    """The date a post's footer sentence gives ("This entry was posted on ..."), the first after
    the headline (then before it), outside teasers, comments and menus."""
    for block in _own_dated_lines(all_blocks, start, _MAX_SENTENCE_CHARS):
        text = block.text
        phrase = _POSTED_ON_RE.search(text)
        if phrase is None:
            continue
        rest = text[phrase.end() :]
        parsed = dates.find_date(rest, order=order, reference=now, languages=languages)
        if (
            parsed is not None
            and parsed.iso is not None
            and rest.find(parsed.text) <= _MAX_LEAD_CHARS
            and not is_foreign(block.el)
        ):
            return parsed.text, parsed.iso
    return None, None


def _named_for_a_date(block: Block) -> bool:
    """Whether the line's element, or an element inside it, is named for a post's date (the
    line is short: ``div.post-meta > a.date-link > span.post-date``)."""
    return any(
        isinstance(node.tag, str) and not _DATE_NAMES.isdisjoint(tokens(node))
        for node in block.el.iter()
    )


def _labelled_date(
    all_blocks: list[Block],
    start: int,
    order: str | None,
    now: datetime | None,
    languages: tuple[str, ...],
) -> tuple[str | None, str | None]:
    """The date a fact list gives its label ("<dt>Erschienen:</dt><dd>07.02.2019</dd>",
    "<strong>Date</strong> 19.01.2020"), the first after the headline (then before it)."""
    for block in _own_dated_lines(all_blocks, start):
        for value in label_values(block.el, DATE_LABELS):
            parsed = dates.find_date(value, order=order, reference=now, languages=languages)
            if parsed is not None and parsed.iso and len(value) - len(parsed.text) <= 2:
                return parsed.text, parsed.iso
    return None, None


# How far below the headline a <time> still belongs to the article's head or first lines.
_TIME_BLOCKS = 12


def _time_after_headline(
    all_blocks: list[Block], headline_index: int
) -> tuple[str | None, str | None]:
    """The machine value of the first ``<time datetime>`` in the lines right under the
    headline, outside teasers, comments and menus: the article's head marks its own date so
    even where its text says only "Friday" or nothing at all."""
    for block in all_blocks[headline_index : headline_index + _TIME_BLOCKS]:
        if _foreign(block):
            continue
        for node in block.el.iter("time"):
            value = (node.get("datetime") or "").strip()
            iso = dates.to_iso_datetime(value) if value else None
            if iso and len(iso) >= 10 and not is_foreign(node):
                return value, iso
    return None, None


# A full date as a path segment run: "/2012/05/11/slug", "/2012-05-11-slug", "/20120511/".
_URL_DATE_RE = re.compile(
    r"/((?:19|20)\d\d)([/-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)"
)


def url_date(url: str | None) -> tuple[str | None, str | None]:
    """The date a page's URL path gives in full, year, month and day: the last resort, when
    the page shows none. Blogs and news sites file a story under the day it went out; a
    path with a year or a month only dates an archive, not a post."""
    if not url:
        return None, None
    path = urlsplit(url).path
    found = _URL_DATE_RE.search(path)
    if found is None:
        return None, None
    year, _, month, day = found.groups()
    try:
        day_of = date(int(year), int(month), int(day))
    except ValueError:
        return None, None  # "/2019/02/30/": no such day
    return found.group(0).lstrip("/"), day_of.isoformat()
