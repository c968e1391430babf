"""Frozen value types that flow between the stages: fetch results, page parts and records."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

ARTICLE_SCHEMA = "extractor.article/1"
# The schema document's minor version: additive, optional fields since 1.0 (1.1: blurb_full).
# Records keep saying "extractor.article/1": a reader of /1 reads them unchanged.
ARTICLE_SCHEMA_VERSION = "1.1"
ERROR_SCHEMA = "extractor.error/1"

BoilerplateKind = Literal[
    "navigation",
    "breadcrumb",
    "disclaimer",
    "footer",
    "cookie",
    "share",
    "subscribe",
    "comments",
    "advert",
    "other",
]
BOILERPLATE_KINDS: tuple[str, ...] = (
    "navigation",
    "breadcrumb",
    "disclaimer",
    "footer",
    "cookie",
    "share",
    "subscribe",
    "comments",
    "advert",
    "other",
)


def rfc3339(moment: datetime) -> str:
    """RFC 3339 text of an aware datetime, in UTC, to the second."""
    from datetime import UTC

    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# ---------------------------------------------------------------------------- fetching


@dataclass(frozen=True, slots=True)
class FetchRequest:
    """What a transport is asked for; validators make the request conditional."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    headers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Attempt:
    """One try at a URL: its status or the error that ended it, and how long it took."""

    url: str
    status: int | None
    error: str | None
    elapsed: float
    started_at: datetime


@dataclass(frozen=True, slots=True)
class FetchResult:
    """A finished exchange. HTTP status is data: a 404 is a result, not an exception."""

    requested_url: str
    url: str
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    fetched_at: datetime
    redirects: tuple[str, ...] = ()
    attempts: tuple[Attempt, ...] = ()
    request_headers: tuple[tuple[str, str], ...] = ()
    http_version: str = "HTTP/1.1"
    reason: str = ""

    def header(self, name: str) -> str | None:
        """The first value of a header, case-insensitively."""
        lowered = name.lower()
        for key, value in self.headers:
            if key.lower() == lowered:
                return value
        return None

    @property
    def content_type(self) -> str | None:
        return self.header("content-type")

    @property
    def not_modified(self) -> bool:
        return self.status == 304


# ---------------------------------------------------------------------------- page parts


@dataclass(frozen=True, slots=True)
class Section:
    """A run of body paragraphs under one heading (or none, before the first heading)."""

    heading: str | None
    level: int | None
    paragraphs: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"heading": self.heading, "level": self.level, "paragraphs": list(self.paragraphs)}


@dataclass(frozen=True, slots=True)
class Teaser:
    """A card that points the reader to another article of the site.

    ``blurb_full`` is the text a truncated blurb was cut from (the target page's summary or the
    paragraph that starts with the blurb); only a crawl that also fetched the target, or an
    ``extract`` over many pages that include it, knows it.
    """

    url: str
    title: str | None = None
    blurb: str | None = None
    date: str | None = None
    date_text: str | None = None
    truncated: bool = False
    block: str | None = None
    blurb_full: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "title": self.title,
            "blurb": self.blurb,
            "url": self.url,
            "date": self.date,
            "date_text": self.date_text,
            "truncated": self.truncated,
            "block": self.block,
            # Since schema 1.1: always present (null when not resolved), so a corpus has one
            # stable set of keys; schema 1.1 does not require it, so /1.0 records stay valid.
            "blurb_full": self.blurb_full,
        }
        return data


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """Text that belongs to the site, not to the article, typed by what it is."""

    kind: str
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text}


@dataclass(frozen=True, slots=True)
class PageParts:
    """What the pure parser found on one page, before normalization into a Record."""

    headline: str | None = None
    summary: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    published_text: str | None = None
    modified: str | None = None
    modified_text: str | None = None
    lang: str | None = None
    canonical_url: str | None = None
    image: str | None = None
    site_name: str | None = None
    sections: tuple[Section, ...] = ()
    teasers: tuple[Teaser, ...] = ()
    boilerplate: tuple[Boilerplate, ...] = ()
    metadata: Mapping[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


# ---------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class Site:
    host: str
    name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"host": self.host, "name": self.name}


@dataclass(frozen=True, slots=True)
class ExtractorInfo:
    version: str
    profile: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"version": self.version, "profile": self.profile}


@dataclass(frozen=True, slots=True)
class Record:
    """One article page as schema ``extractor.article/1``; ``to_dict`` keeps the schema order."""

    url: str
    site: Site
    extractor: ExtractorInfo
    content_hash: str
    text: str = ""
    requested_url: str | None = None
    canonical_url: str | None = None
    fetched_at: str | None = None
    status: int | None = None
    run_id: str | None = None
    lang: str | None = None
    headline: str | None = None
    summary: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    modified: str | None = None
    published_text: str | None = None
    modified_text: str | None = None
    image: str | None = None
    sections: tuple[Section, ...] = ()
    teasers: tuple[Teaser, ...] = ()
    boilerplate: tuple[Boilerplate, ...] = ()
    metadata: Mapping[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    schema: str = ARTICLE_SCHEMA

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": self.schema,
            "url": self.url,
            "requested_url": self.requested_url,
            "canonical_url": self.canonical_url,
            "fetched_at": self.fetched_at,
            "status": self.status,
            "run_id": self.run_id,
            "site": self.site.to_dict(),
            "lang": self.lang,
            "headline": self.headline,
            "summary": self.summary,
            "authors": list(self.authors),
            "published": self.published,
            "modified": self.modified,
            "published_text": self.published_text,
            "modified_text": self.modified_text,
            "image": self.image,
            "sections": [section.to_dict() for section in self.sections],
            "text": self.text,
            "teasers": [teaser.to_dict() for teaser in self.teasers],
            "boilerplate": [item.to_dict() for item in self.boilerplate],
            "metadata": dict(self.metadata),
            "warnings": list(self.warnings),
            "content_hash": self.content_hash,
            "extractor": self.extractor.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class ErrorRecord:
    """A page that failed, as schema ``extractor.error/1``: nothing is dropped silently."""

    url: str | None
    stage: str
    kind: str
    message: str
    at: str
    status: int | None = None
    run_id: str | None = None
    schema: str = ERROR_SCHEMA

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "schema": self.schema,
            "url": self.url,
            "stage": self.stage,
            "kind": self.kind,
            "message": self.message,
            "at": self.at,
        }
        if self.status is not None:
            data["status"] = self.status
        if self.run_id is not None:
            data["run_id"] = self.run_id
        return data
