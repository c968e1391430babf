"""Crawl jobs: discovery, frontier and state in SQLite, incremental re-crawls, crash-safe resume.

::

    from extractor.crawl import CrawlConfig, crawl
    report = crawl(["https://example.org/news/"], out_dir="crawl",
                   config=CrawlConfig(max_pages=500, revisit_after=86400))
    report.counts["new"], report.exit_code

A crawl directory holds everything (``state.sqlite``, ``records/``, ``errors/``, ``warc/``,
``runs/``); running the same job again resumes an unfinished run or re-crawls incrementally.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from extractor.crawl.job import CrawlConfig, load_config
    from extractor.crawl.report import CrawlReport
    from extractor.crawl.runner import Crawler, CrawlPaths, crawl

# The names are read from their modules on first use (PEP 562): the crawler's modules (SQLite,
# requests, warcio: ~70 ms) are not paid by a caller that only needs one module of the package,
# such as extract_sources_learned's full_blurbs.
_HOMES = {
    "CrawlConfig": "extractor.crawl.job",
    "load_config": "extractor.crawl.job",
    "CrawlReport": "extractor.crawl.report",
    "Crawler": "extractor.crawl.runner",
    "CrawlPaths": "extractor.crawl.runner",
    "crawl": "extractor.crawl.runner",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # later reads are plain attribute reads
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})


__all__ = ["CrawlConfig", "CrawlPaths", "CrawlReport", "Crawler", "crawl", "load_config"]
