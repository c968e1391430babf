"""Which links of a fetched page a crawl follows: teasers first, then its links and feeds."""

from __future__ import annotations

from extractor.crawl.discovery import page_links
from extractor.crawl.job import CrawlConfig
from extractor.crawl.state import Link, Task
from extractor.crawl.urls import Scope, canonicalize
from extractor.models import FetchResult, Record


def follow(
    task: Task, result: FetchResult, record: Record, config: CrawlConfig, scope: Scope
) -> tuple[Link, ...]:
    """The links a page leads to, teasers first, within scope and depth."""
    if not config.follow_links:
        return ()
    depth = task.depth + 1
    if config.max_depth is not None and depth > config.max_depth:
        return ()
    from extractor.parse.encoding import decode_html

    found = page_links(decode_html(result.body, result.content_type), result.url)
    ordered: dict[str, str] = {}
    for teaser in record.teasers:
        canonical = canonicalize(teaser.url, result.url)
        if canonical:
            ordered.setdefault(canonical, "page")
    for url in found.links:
        ordered.setdefault(url, "page")
    for url in found.feeds:
        ordered.setdefault(url, "feed")
    return tuple(
        Link(url, kind, depth if kind == "page" else 0)
        for url, kind in ordered.items()
        if scope.allows(url)
    )
