"""Page parts into a Record: Unicode and whitespace, absolute normalized URLs, ISO dates, flags."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import replace
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from extractor.models import (
    Boilerplate,
    ExtractorInfo,
    PageParts,
    Record,
    Section,
    Site,
    rfc3339,
)
from extractor.parse.body import body_text
from extractor.parse.dates import is_after
from extractor.parse.vocab import ELLIPSIS_RE
from extractor.version import __version__

_LANG_RE = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")
_SPACE_RE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLES = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INVISIBLE = dict.fromkeys(map(ord, _INVISIBLES), None)
_INVISIBLE_RE = re.compile(f"[{_INVISIBLES}]")
# What _SPACE_RE would change: a run of two spaces, or any other space. Its sub rewrites every
# single space of a text as well, so a search first spares it on text that is already clean.
_FOLDABLE_RE = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]| {2}")
# Either of the two: one scan tells that most non-ASCII text needs neither.
_UNCLEAN_RE = re.compile(f"[{_INVISIBLES}\t\u00a0\u2000-\u200a\u202f\u205f\u3000]| {{2}}")


def clean_text(text: str | None) -> str | None:
    """NFC, no invisible characters, runs of spaces folded; None for empty text."""
    if text is None:
        return None
    # Every string of a record passes here, most of them ASCII and already clean: ASCII is its
    # own NFC and holds no invisible character, and its only foldable spaces are " " and tab.
    if text.isascii():
        if "  " in text or "\t" in text:
            text = _SPACE_RE.sub(" ", text)
    else:
        text = unicodedata.normalize("NFC", text)
        # Every invisible character and every space but " " is unprintable: one isprintable()
        # scan clears most text six times faster than the search for them.
        if text.isprintable():
            if "  " in text:
                text = _SPACE_RE.sub(" ", text)
        elif _UNCLEAN_RE.search(text):
            if _INVISIBLE_RE.search(text):  # a search is far cheaper than translate's copy
                text = text.translate(_INVISIBLE)
            if _FOLDABLE_RE.search(text):
                text = _SPACE_RE.sub(" ", text)
    return text.strip() or None


# A URL already in the form normalize_url gives (lower-case host of plain labels, no port, user
# or fragment, a path, no empty "?"): most teaser and canonical URLs, returned as they are.
_NORMAL_URL_RE = re.compile(r"https?://[a-z0-9.-]+/[^\s#?]*(?:\?[^\s#]+)?")


def normalize_url(url: str | None) -> str | None:
    """An absolute http(s) URL with its host lower-cased, default port and fragment dropped."""
    if not url:
        return None
    if _NORMAL_URL_RE.fullmatch(url):
        return url
    return _normalize_parsed(url)


def _normalize_parsed(url: str) -> str | None:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower()
    if ":" in host:
        host = f"[{host}]"
    port = parts.port
    if port and not (
        (parts.scheme == "http" and port == 80) or (parts.scheme == "https" and port == 443)
    ):
        host = f"{host}:{port}"
    return urlunsplit((parts.scheme, host, parts.path or "/", parts.query, ""))


def content_hash(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def _lang(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip().replace("_", "-")
    return value if _LANG_RE.match(value) else None


def _strings(values: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    for value in values:
        cleaned = clean_text(value)
        if cleaned and cleaned not in out:
            out.append(cleaned)
    return tuple(out)


def normalize_parts(parts: PageParts) -> PageParts:
    """The parts with every string cleaned and every URL normalized."""
    sections = tuple(
        Section(clean_text(s.heading), s.level, _paragraphs(s.paragraphs)) for s in parts.sections
    )
    teasers = tuple(
        replace(
            t,
            url=normalize_url(t.url) or t.url,
            title=clean_text(t.title),
            blurb=clean_text(t.blurb),
            date_text=clean_text(t.date_text),
            block=clean_text(t.block),
        )
        for t in parts.teasers
    )
    boilerplate = tuple(
        Boilerplate(b.kind, text) for b in parts.boilerplate if (text := _block_text(b.text))
    )
    return replace(
        parts,
        headline=clean_text(parts.headline),
        summary=clean_text(parts.summary),
        authors=_strings(parts.authors),
        published_text=clean_text(parts.published_text),
        modified_text=clean_text(parts.modified_text),
        lang=_lang(parts.lang),
        canonical_url=normalize_url(parts.canonical_url),
        image=parts.image.strip() if parts.image else None,
        site_name=clean_text(parts.site_name),
        sections=tuple(s for s in sections if s.heading or s.paragraphs),
        teasers=teasers,
        boilerplate=boilerplate,
    )


def _paragraphs(paragraphs: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(p for p in (clean_text(x) for x in paragraphs) if p)


def _block_text(text: str) -> str | None:
    lines = [clean_text(line) for line in text.split("\n")]
    joined = "\n".join(line for line in lines if line)
    return joined or None


def future_warnings(parts: PageParts, moment: datetime | None) -> tuple[str, ...]:
    """`date_in_future:<field path>` for every date after the fetch time (or the caller's now)."""
    if moment is None:
        return ()
    flags: list[str] = []
    for name, value in (("published", parts.published), ("modified", parts.modified)):
        if value and is_after(value, moment):
            flags.append(f"date_in_future:{name}")
    for i, teaser in enumerate(parts.teasers):
        if teaser.date and is_after(teaser.date, moment):
            flags.append(f"date_in_future:teasers[{i}]")
    return tuple(flags)


def to_record(
    parts: PageParts,
    *,
    url: str,
    now: datetime | None = None,
    fetched_at: datetime | None = None,
    status: int | None = None,
    requested_url: str | None = None,
    run_id: str | None = None,
    profile: str | None = None,
) -> Record:
    """The record of one page; ``now`` (or ``fetched_at``) dates the `date_in_future` flags."""
    parts = normalize_parts(parts)
    text = body_text(parts.sections)
    host = (urlsplit(url).hostname or "").lower()
    warnings = parts.warnings + future_warnings(parts, fetched_at or now)
    metadata: dict[str, Any] = dict(parts.metadata)
    return Record(
        url=url,
        requested_url=requested_url if requested_url and requested_url != url else None,
        canonical_url=parts.canonical_url,
        fetched_at=rfc3339(fetched_at) if fetched_at else None,
        status=status,
        run_id=run_id,
        site=Site(host, parts.site_name),
        lang=parts.lang,
        headline=parts.headline,
        summary=parts.summary,
        authors=parts.authors,
        published=parts.published,
        modified=parts.modified,
        published_text=parts.published_text,
        modified_text=parts.modified_text,
        image=parts.image,
        sections=parts.sections,
        text=text,
        teasers=parts.teasers,
        boilerplate=parts.boilerplate,
        metadata=metadata,
        warnings=tuple(dict.fromkeys(warnings)),
        content_hash=content_hash(text),
        extractor=ExtractorInfo(__version__, profile),
    )


# Paragraphs of a page kept as the texts a teaser elsewhere may have cut its blurb from: sites
# cut blurbs from the summary or the opening, and a bound keeps a crawl's state small.
FULL_TEXT_PARAGRAPHS = 12


def full_texts(record: Record) -> tuple[str, ...]:
    """The texts a teaser on another page may cut its blurb from: summary first, then paragraphs."""
    texts: list[str] = [record.summary] if record.summary else []
    for section in record.sections:
        texts.extend(section.paragraphs)
        if len(texts) > FULL_TEXT_PARAGRAPHS:
            break
    return tuple(dict.fromkeys(texts))[: FULL_TEXT_PARAGRAPHS + 1]


def blurb_stem(blurb: str | None) -> str | None:
    """A truncated blurb without its ellipsis: the start its full text must have."""
    cleaned = clean_text(blurb)
    if cleaned is None:
        return None
    return clean_text(ELLIPSIS_RE.sub("", cleaned))


def full_blurb(blurb: str | None, texts: tuple[str, ...] | list[str]) -> str | None:
    """The first of ``texts`` (the target page's summary, then paragraphs) that starts with the
    blurb's stem and is at least as long: the text the blurb was cut from; None if none is."""
    stem = blurb_stem(blurb)
    if stem is None:
        return None
    for text in texts:
        cleaned = clean_text(text)
        if cleaned is not None and cleaned.startswith(stem):
            return cleaned
    return None


__all__ = [
    "blurb_stem",
    "clean_text",
    "content_hash",
    "full_blurb",
    "full_texts",
    "normalize_url",
    "to_record",
]
