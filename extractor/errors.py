"""The one exception tree: every failure is an ExtractorError that can become an error record.

::

    ExtractorError                 stage      kinds
     ├── ConfigError               config     invalid, missing
     ├── FetchError                fetch      timeout, connection, too_many_redirects,
     │                                        redirect_loop, too_large, not_html, robots_disallowed,
     │                                        robots_unavailable, http_status, private_address,
     │                                        invalid_url, deadline
     ├── DecodeError               decode     decode, bad_gzip
     ├── ParseError                parse      empty, not_html, parse
     ├── ArchiveError              archive    archive
     ├── CrawlError                crawl      crawl
     │    └── LockedError          crawl      locked
     └── EmitError                 emit       emit

Each error carries the ``url`` it is about (or None), its ``stage`` and a machine-readable ``kind``
from the list above, so the pipeline can turn it into an ``extractor.error/1`` record and go on.
"""

from __future__ import annotations

from typing import ClassVar

__all__ = [
    "ArchiveError",
    "ConfigError",
    "CrawlError",
    "DecodeError",
    "EmitError",
    "ExtractorError",
    "FetchError",
    "LockedError",
    "ParseError",
]


class ExtractorError(Exception):
    """Root of every error extractor raises on purpose."""

    stage: ClassVar[str] = "other"
    default_kind: ClassVar[str] = "error"

    def __init__(self, message: str, *, url: str | None = None, kind: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.url = url
        self.kind = kind or self.default_kind

    def __str__(self) -> str:
        return f"{self.message} ({self.url})" if self.url else self.message


class ConfigError(ExtractorError):
    """A flag, environment variable or job file that cannot be used."""

    stage = "config"
    default_kind = "invalid"


class FetchError(ExtractorError):
    """A page that could not be fetched: network, limits, policy or an HTTP status."""

    stage = "fetch"
    default_kind = "connection"

    def __init__(
        self,
        message: str,
        *,
        url: str | None = None,
        kind: str | None = None,
        status: int | None = None,
    ) -> None:
        super().__init__(message, url=url, kind=kind)
        self.status = status


class DecodeError(ExtractorError):
    """Bytes that cannot be turned into text."""

    stage = "decode"
    default_kind = "decode"


class ParseError(ExtractorError):
    """A document that is not an article page we can read (empty, not HTML)."""

    stage = "parse"
    default_kind = "parse"


class ArchiveError(ExtractorError):
    """A WARC file that cannot be read or written."""

    stage = "archive"
    default_kind = "archive"


class CrawlError(ExtractorError):
    """A crawl job that cannot run (bad state, bad job)."""

    stage = "crawl"
    default_kind = "crawl"


class LockedError(CrawlError):
    """Another run of the same crawl holds its lock."""

    default_kind = "locked"


class EmitError(ExtractorError):
    """Records that cannot be written."""

    stage = "emit"
    default_kind = "emit"
