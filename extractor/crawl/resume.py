"""Resuming a killed run: commit what it wrote but did not commit, cut torn file tails."""

from __future__ import annotations

import logging
from collections.abc import Callable

from extractor.archive import archive_files, repair_warc
from extractor.crawl.held import HeldRecords
from extractor.crawl.paths import CrawlPaths
from extractor.crawl.state import Counts, State
from extractor.emit import read_jsonl, repair_jsonl

log = logging.getLogger("extractor.crawl")


def reconcile(
    state: State, paths: CrawlPaths, run_id: str, held: HeldRecords, now: Callable[[], str]
) -> None:
    """Commit what the killed segment wrote but did not commit; cut torn tails.

    Records and error records in the run's files are committed from the files, so none is lost
    or written twice; ``now`` stamps a record that has no ``fetched_at``.
    """
    counts = Counts()
    records_path = paths.records(run_id)
    errors_path = paths.errors(run_id)
    for path in (records_path, errors_path):
        cut = repair_jsonl(path)
        if cut:
            log.warning("cut a torn last line (%d bytes) off %s", cut, path)
    for n, path in archive_files(paths.warc, run_id)[-1:]:
        cut = repair_warc(path)
        if cut:
            log.warning("cut a torn last record (%d bytes) off %s (file %d)", cut, path, n)
    if records_path.exists():
        for row in read_jsonl(records_path):
            outcome = state.recover_record(
                run_id,
                row["url"],
                row.get("requested_url"),
                row["content_hash"],
                row.get("fetched_at") or now(),
            )
            if outcome is not None:
                counts.fetched += 1
                counts.recovered += 1
                counts.new += outcome == "new"
                counts.changed += outcome == "changed"
    if errors_path.exists():
        for row in read_jsonl(errors_path):
            if row.get("url") and state.recover_error(row["url"]):
                counts.fetched += 1
                counts.failed += 1
                counts.recovered += 1
    if counts.recovered:
        log.info("recovered %d uncommitted records of run %s", counts.recovered, run_id)
    state.add_counts(run_id, counts)
    held.reconcile(run_id, records_path)
