"""Where a crawl directory keeps each thing: state, lock, WARC files, records, errors, reports."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from extractor.crawl.report import report_path


@dataclass(frozen=True, slots=True)
class CrawlPaths:
    """Where a crawl directory keeps each thing (see the design's crawl directory layout)."""

    root: Path

    @property
    def state(self) -> Path:
        return self.root / "state.sqlite"

    @property
    def lock(self) -> Path:
        return self.root / "lock"

    @property
    def warc(self) -> Path:
        return self.root / "warc"

    def records(self, run_id: str) -> Path:
        return self.root / "records" / f"{run_id}.jsonl"

    def errors(self, run_id: str) -> Path:
        return self.root / "errors" / f"{run_id}.jsonl"

    def report(self, run_id: str) -> Path:
        return report_path(self.root, run_id)
