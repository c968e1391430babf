"""extractor: article pages split into headline, summary, sections, teasers and typed boilerplate.

The public API::

    from extractor import extract
    record = extract(html, url="https://example.org/news/1")
    record.to_dict()   # schema extractor.article/1
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from extractor.errors import (
    ArchiveError,
    ConfigError,
    CrawlError,
    DecodeError,
    EmitError,
    ExtractorError,
    FetchError,
    LockedError,
    ParseError,
)
from extractor.models import (
    Boilerplate,
    ErrorRecord,
    FetchRequest,
    FetchResult,
    PageParts,
    Record,
    Section,
    Site,
    Teaser,
)
from extractor.pipeline import error_record, extract, record_from_fetch
from extractor.version import __version__

if TYPE_CHECKING:
    from extractor.models import FetchResult as _FetchResult


def fetch(url: str, **options: Any) -> _FetchResult:
    """Fetch one page politely (robots.txt, retries, limits); see ``extractor.fetch.fetch``."""
    from extractor.fetch import fetch as _fetch

    return _fetch(url, **options)


def crawl(seeds: Any, **options: Any) -> Any:
    """Run a crawl job; see ``extractor.crawl.crawl``."""
    from extractor.crawl import crawl as _crawl

    return _crawl(seeds, **options)


__all__ = [
    "ArchiveError",
    "Boilerplate",
    "ConfigError",
    "CrawlError",
    "DecodeError",
    "EmitError",
    "ErrorRecord",
    "ExtractorError",
    "FetchError",
    "FetchRequest",
    "FetchResult",
    "LockedError",
    "PageParts",
    "ParseError",
    "Record",
    "Section",
    "Site",
    "Teaser",
    "__version__",
    "crawl",
    "error_record",
    "extract",
    "fetch",
    "record_from_fetch",
]
