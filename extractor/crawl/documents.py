"""robots.txt, sitemaps and feeds fetched by a crawl: the links they give, or why they gave none.

They are how the crawl finds pages, not pages: a missing one is logged and counted, never an
error record or a failed page.
"""

from __future__ import annotations

import logging

from extractor.crawl.batch import Batch
from extractor.crawl.discovery import parse_feed, parse_sitemap, robots_sitemaps
from extractor.crawl.state import Link, Result, Task
from extractor.crawl.urls import Scope
from extractor.errors import ExtractorError
from extractor.models import FetchResult

log = logging.getLogger("extractor.crawl")


def read_document(
    task: Task, kind: str, result: FetchResult, at: str, batch: Batch, scope: Scope
) -> None:
    """A fetched document's outcome in the batch: its in-scope links, or a failure."""
    if result.not_modified:
        batch.counts.not_modified += 1
        batch.counts.documents += 1
        batch.results.append(Result(task.url, "document", at, status=304))
        return
    if not 200 <= result.status < 300:
        if kind == "robots" and 400 <= result.status < 500:
            # No robots.txt: everything is allowed and no sitemap is declared.
            batch.counts.documents += 1
            batch.results.append(Result(task.url, "document", at, status=result.status))
            return
        document_failed(task, f"HTTP {result.status}", at, batch, status=result.status)
        return
    try:
        links = document_links(kind, result)
    except ExtractorError as exc:
        document_failed(task, exc.message, at, batch, status=result.status)
        return
    batch.counts.documents += 1
    batch.results.append(
        Result(
            task.url,
            "document",
            at,
            status=result.status,
            etag=result.header("etag"),
            last_modified=result.header("last-modified"),
            links=tuple(link for link in links if scope.allows(link.url)),
        )
    )


def document_links(kind: str, result: FetchResult) -> list[Link]:
    """The links a robots.txt (its sitemaps), a sitemap or a feed gives."""
    if kind == "robots":
        text = result.body.decode("utf-8", errors="replace")
        return [Link(url, "sitemap", 0) for url in robots_sitemaps(text, result.url)]
    if kind == "sitemap":
        sitemap = parse_sitemap(result.body, result.url)
        return [Link(url, "sitemap", 0) for url in sitemap.sitemaps] + [
            Link(url, "page", 0) for url in sitemap.pages
        ]
    return [Link(url, "page", 0) for url in parse_feed(result.body, result.url)]


def document_failed(
    task: Task, why: str, at: str, batch: Batch, *, status: int | None = None
) -> None:
    """A document that could not be read: logged and counted."""
    log.warning("cannot read %s %s: %s", task.kind, task.url, why)
    batch.counts.documents_failed += 1
    batch.results.append(Result(task.url, "document_failed", at, status=status))
