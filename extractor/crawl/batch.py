"""What one batch of the run loop produced, held until it is written and committed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from extractor.crawl.blurbs import Held, PageTexts
from extractor.crawl.state import Counts, Result, Task
from extractor.models import FetchResult, Record


@dataclass(frozen=True, slots=True)
class Parsed:
    """A page parsed in a batch, waiting for the batch's site pass (see ``crawl.site_pass``)."""

    task: Task
    result: FetchResult
    at: str
    record: Record
    date_order: str | None


@dataclass(slots=True)
class Batch:
    """One batch's records, error records, task results and counts, before they are committed."""

    records: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)
    counts: Counts = field(default_factory=Counts)
    written: set[tuple[str, str]] = field(default_factory=set)
    parsed: list[Parsed] = field(default_factory=list)
    texts: list[PageTexts] = field(default_factory=list)  # parsed pages' full texts
    held: list[Held] = field(default_factory=list)  # new records with truncated teasers
