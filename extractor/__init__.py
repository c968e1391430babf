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
    from collections.abc import Sequence

    from extractor.crawl.report import CrawlReport
    from extractor.models import FetchResult as _FetchResult


# The subpackages are imported here, before the functions of the same name are defined: a later
# `import extractor.crawl` then finds them loaded and leaves `extractor.crawl` the function.
import extractor.crawl as _crawl_package  # noqa: E402
import extractor.fetch as _fetch_package  # noqa: E402


def fetch(url: str, **options: Any) -> _FetchResult:
    """Fetch one page politely (robots.txt, retries, limits); see ``extractor.fetch.fetch``."""
    return _fetch_package.fetch(url, **options)


def crawl(seeds: Sequence[str] = (), **options: Any) -> CrawlReport:
    """Run a crawl job (seeds, or ``config=`` from a job file); see ``extractor.crawl.crawl``."""
    return _crawl_package.crawl(seeds, **options)


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
