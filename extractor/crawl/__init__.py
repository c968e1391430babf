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

from extractor.crawl.job import CrawlConfig, load_config
from extractor.crawl.report import CrawlReport
from extractor.crawl.runner import Crawler, CrawlPaths, crawl

__all__ = ["CrawlConfig", "CrawlPaths", "CrawlReport", "Crawler", "crawl", "load_config"]
