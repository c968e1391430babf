"""Records held for their truncated teasers during a run: stored with their batch, written
when their teasers' targets are done (``blurb_full`` filled), reconciled after a crash.

The tables and the crash-safety argument are in ``extractor.crawl.blurbs``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from extractor.crawl.batch import Batch
from extractor.crawl.blurbs import BlurbStore, Held
from extractor.crawl.full_blurbs import truncated_targets
from extractor.crawl.state import State
from extractor.emit import JsonlWriter, read_jsonl
from extractor.models import Record

log = logging.getLogger("extractor.crawl")


class HeldRecords:
    """One run's held records, over the crawl state's ``BlurbStore``."""

    def __init__(self, state: State) -> None:
        self._store = BlurbStore(state)

    def emit(self, record: Record, batch: Batch) -> None:
        """A new record: written with its batch, or held while its truncated teasers wait for
        their targets."""
        row = record.to_dict()
        targets = truncated_targets(row)
        if targets:
            batch.held.append(Held(row, targets))
        else:
            batch.records.append(row)

    def hold(self, run_id: str, batch: Batch) -> list[int]:
        """Store the batch's page texts and held records; before its commit, for crash safety."""
        if not (batch.texts or batch.held):
            return []
        return self._store.store(run_id, batch.texts, batch.held)

    def release(
        self, run_id: str, records: JsonlWriter, batch: Batch | None, held: list[int]
    ) -> None:
        """Write the held records none of whose targets is still pending, resolved: those held
        by this batch or waiting on its pages, or every one when the run ends (no batch)."""
        candidates: set[int] | None = None
        if batch is not None:
            done = [url for r in batch.results for url in (r.url, r.final_url) if url]
            candidates = set(held) | self._store.waiting_on(done)
            if not candidates:
                return
        rows = self._store.releasable(run_id, candidates)
        if not rows:
            return
        records.append(row for _, row in rows)
        records.sync()  # durable before the state forgets them
        self._store.released(seq for seq, _ in rows)

    def reconcile(self, run_id: str, path: Path) -> None:
        """Drop held records the state never committed, and those already in the run's file."""
        dropped = self._store.reconcile(run_id, read_jsonl(path) if path.exists() else ())
        if dropped:
            log.info("dropped %d held records already written or never committed", dropped)
