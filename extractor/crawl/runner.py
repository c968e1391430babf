"""The run loop: open or resume a run, fetch the frontier batch by batch, write, commit, report.

Per batch the order is what makes a crash harmless: the fetcher's transport archives each
exchange (WARC) as it happens; the batch's records and error records are appended to the
run's JSON Lines files and fsynced; then one SQLite transaction marks the batch done with its
hashes, validators, new links and counts. On resume the records written after the last commit
are committed from the files (``reconcile``), so none is lost or written twice.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from extractor.archive import ArchivingTransport, WarcArchive, archive_files
from extractor.config import FetchConfig
from extractor.crawl.batch import Batch, Parsed
from extractor.crawl.blurbs import page_texts
from extractor.crawl.discovery import document_kind
from extractor.crawl.documents import document_failed, read_document
from extractor.crawl.follow import follow
from extractor.crawl.held import HeldRecords
from extractor.crawl.job import CrawlConfig
from extractor.crawl.lock import CrawlLock
from extractor.crawl.paths import CrawlPaths
from extractor.crawl.report import CrawlReport, Progress, read_report, write_report
from extractor.crawl.resume import reconcile
from extractor.crawl.site_pass import SitePass
from extractor.crawl.state import Counts, Link, Outcome, Result, Run, State, Task
from extractor.crawl.urls import Scope, canonicalize, robots_url
from extractor.emit import JsonlWriter, convert
from extractor.errors import CrawlError, ExtractorError, FetchError
from extractor.fetch import Fetcher, Transport
from extractor.fetch.safety import AddressGuard, seed_hosts
from extractor.fetch.transport import RequestsTransport
from extractor.models import ErrorRecord, FetchRequest, FetchResult, Record, rfc3339
from extractor.profiles import load_profiles

__all__ = ["Clock", "CrawlPaths", "Crawler", "crawl"]

log = logging.getLogger("extractor.crawl")

Clock = Callable[[], datetime]


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


class Crawler:
    """One crawl job over one directory. ``run()`` does one run (a new one or the unfinished one).

    ``transport`` is what reaches the network (default: the fetcher's own HTTP transport);
    ``clock`` gives the time for run ids, revisit decisions and state stamps.
    """

    def __init__(
        self,
        config: CrawlConfig,
        *,
        transport: Transport | None = None,
        clock: Clock | None = None,
        progress: bool = False,
        site_learning: bool = True,
    ) -> None:
        self.config = config
        self._site_learning = site_learning and config.extract.site_learning
        self._site: SitePass | None = None
        self.paths = CrawlPaths(Path(config.out_dir))
        self.scope: Scope = config.scope()
        self._transport = transport
        self._clock: Clock = clock or (lambda: datetime.now(UTC))
        self._progress = progress
        self._held: HeldRecords | None = None
        self._profiles = load_profiles(config.extract.profile_dir)

    def _now(self) -> str:
        return rfc3339(self._clock())

    # ------------------------------------------------------------------ the run

    def run(self) -> CrawlReport:
        with CrawlLock(self.paths.lock):
            state = State(self._state_path())
            try:
                return self._run(state)
            finally:
                state.close()

    def _state_path(self) -> Path:
        self.paths.root.mkdir(parents=True, exist_ok=True)
        return self.paths.state

    def _run(self, state: State) -> CrawlReport:
        self._held = HeldRecords(state)
        run = self._open_run(state)
        self._site = SitePass(state, self._profiles) if self._site_learning else None
        started = time.monotonic()
        archive = (
            WarcArchive(self.paths.warc, run.run_id, max_bytes=self.config.warc_max_bytes)
            if self.config.warc
            else None
        )
        records = JsonlWriter(self.paths.records(run.run_id))
        errors = JsonlWriter(self.paths.errors(run.run_id))
        owned: RequestsTransport | None = None
        try:
            inner: Transport
            if self._transport is None:
                owned = inner = self._http_transport()
            else:
                inner = self._transport
            fetcher = self._fetcher(inner, archive)
            with Progress(enabled=self._progress, initial=run.counts.fetched) as progress:
                self._loop(state, run, fetcher, records, errors, progress, started)
        finally:
            records.close()
            errors.close()
            if archive is not None:
                archive.close()
            if owned is not None:
                owned.close()
        return self._finish(state, run.run_id)

    def _open_run(self, state: State) -> Run:
        unfinished = state.unfinished_run()
        if unfinished is not None and self.paths.report(unfinished.run_id).exists():
            # Killed between writing its report and saying so in the state: it had finished.
            report = read_report(self.paths.report(unfinished.run_id))
            state.finish_run(unfinished.run_id, report.finished_at, report.exit_code)
            unfinished = None
        if unfinished is not None:
            log.info("resuming run %s", unfinished.run_id)
            state.resume_run(unfinished.run_id)
            assert self._held is not None
            reconcile(state, self.paths, unfinished.run_id, self._held, self._now)
            resumed = state.run(unfinished.run_id)
            assert resumed is not None
            return resumed
        now = self._clock()
        run_id = state.new_run_id(_stamp(now))
        state.start_run(run_id, rfc3339(now))
        revisit_before = (
            rfc3339(now - timedelta(seconds=self.config.revisit_after))
            if self.config.revisit_after > 0
            else None
        )
        state.seed(run_id, self._seeds(), now=rfc3339(now), revisit_before=revisit_before)
        log.info("started run %s", run_id)
        started = state.run(run_id)
        assert started is not None
        return started

    def _seeds(self) -> list[Link]:
        links: list[Link] = []
        origins: dict[str, None] = {}
        for kind, urls in (
            ("sitemap", self.config.sitemaps),
            ("feed", self.config.feeds),
            ("page", self.config.seeds),
        ):
            for url in urls:
                canonical = canonicalize(url)
                if canonical is None:
                    continue
                links.append(Link(canonical, kind, 0))
                origins.setdefault(robots_url(canonical), None)
        if self.config.robots_sitemaps:
            links[:0] = [Link(url, "robots", 0) for url in origins]
        return links

    def _fetch_config(self) -> FetchConfig:
        # Sitemaps are XML and may be served gzipped: the crawl decides what is a page.
        return replace(self.config.fetch, accept_non_html=True)

    def _named(self) -> tuple[str, ...]:
        return (*self.config.seeds, *self.config.sitemaps, *self.config.feeds)

    def _http_transport(self) -> RequestsTransport:
        """The network transport, with the address guard the Fetcher would give its own."""
        config = self._fetch_config()
        guard = AddressGuard(
            allow_private=config.allow_private, seed_hosts=seed_hosts(self._named())
        )
        return RequestsTransport(config, before_connect=guard.check)

    def _fetcher(self, inner: Transport, archive: WarcArchive | None) -> Fetcher:
        transport = ArchivingTransport(inner, archive) if archive is not None else inner
        return Fetcher(self._fetch_config(), transport, seeds=self._named())

    def _loop(
        self,
        state: State,
        run: Run,
        fetcher: Fetcher,
        records: JsonlWriter,
        errors: JsonlWriter,
        progress: Progress,
        started: float,
    ) -> None:
        assert self._held is not None
        pages_done = run.counts.fetched + run.counts.skipped_robots
        mark = started
        commit_seconds = 0.0  # a commit's time is counted with the next batch (or the tail)
        while True:
            budget = None
            if self.config.max_pages is not None:
                budget = self.config.max_pages - pages_done
            size = self.config.batch_size
            if budget is not None and budget <= 0:
                # The page budget is spent; documents already queued are still read.
                tasks = state.next_batch(size, kinds=("robots", "sitemap", "feed"))
            else:
                tasks = state.next_batch(size if budget is None else min(size, budget))
            if not tasks:
                break
            batch = self._fetch_batch(state, run.run_id, tasks, fetcher)
            t0 = time.monotonic()
            records.append(batch.records)
            errors.append(batch.errors)
            if batch.records:
                records.sync()
            if batch.errors:
                errors.sync()
            now = time.monotonic()
            batch.counts.write_seconds += now - t0 + commit_seconds
            batch.counts.elapsed = now - mark
            mark = now
            held = self._held.hold(run.run_id, batch)
            state.commit(run.run_id, batch.results, batch.counts, now=self._now())
            if self._site is not None:
                self._site.commit()
            self._held.release(run.run_id, records, batch, held)
            commit_seconds = time.monotonic() - now
            pages = batch.counts.fetched + batch.counts.skipped_robots
            pages_done += pages
            run.counts.add(batch.counts)
            progress.update(
                pages,
                total=pages_done + state.pending(),
                failed=run.counts.failed,
                new=run.counts.new + run.counts.changed,
            )
        self._held.release(run.run_id, records, None, [])
        state.add_counts(
            run.run_id, Counts(elapsed=time.monotonic() - mark, write_seconds=commit_seconds)
        )

    # ------------------------------------------------------------------ one batch

    def _fetch_batch(self, state: State, run_id: str, tasks: list[Task], fetcher: Fetcher) -> Batch:
        batch = Batch()
        by_url = {task.url: task for task in tasks}
        requests = [FetchRequest(t.url, etag=t.etag, last_modified=t.last_modified) for t in tasks]
        outcomes = iter(fetcher.fetch_many(requests))
        while True:
            t0 = time.monotonic()
            item = next(outcomes, None)
            batch.counts.fetch_seconds += time.monotonic() - t0
            if item is None:
                break
            request, outcome = item
            task = by_url.get(request.url)
            if task is None:
                raise CrawlError(f"the fetcher answered a URL it was not asked for: {request.url}")
            t1 = time.monotonic()
            if isinstance(outcome, FetchError):
                self._failed_fetch(task, outcome, run_id, batch)
            elif isinstance(outcome, FetchResult):
                self._fetched(state, task, request, outcome, run_id, batch)
            else:
                raise CrawlError(f"the fetcher gave {type(outcome).__name__} for {request.url}")
            batch.counts.parse_seconds += time.monotonic() - t1
        t2 = time.monotonic()
        site = self._site
        pairs = site.apply(batch.parsed, run_id) if site else [(p, p.record) for p in batch.parsed]
        for parsed, record in pairs:
            self._page(state, parsed.task, parsed.result, parsed.at, batch, record)
        batch.counts.parse_seconds += time.monotonic() - t2
        return batch

    def _date_order(self, url: str) -> str | None:
        return self._site.date_order(url) if self._site is not None else None

    def _failed_fetch(self, task: Task, exc: FetchError, run_id: str, batch: Batch) -> None:
        at = self._now()
        if exc.kind == "robots_disallowed":
            batch.counts.skipped_robots += 1
            batch.results.append(Result(task.url, "skipped_robots", at))
            return
        if task.kind != "page":
            document_failed(task, str(exc), at, batch, status=exc.status)
            return
        batch.counts.fetched += 1
        batch.counts.failed += 1
        batch.errors.append(self._error(exc, task.url, run_id))
        batch.results.append(Result(task.url, "failed", at, status=exc.status))

    def _error(self, exc: ExtractorError, url: str, run_id: str) -> dict[str, Any]:
        from extractor.pipeline import error_record

        record: ErrorRecord = error_record(exc, at=self._clock(), url=url, run_id=run_id)
        # Keyed by the frontier URL, the one resume looks for (a redirect target is in the message).
        if record.url != url:
            record = replace(record, url=url, message=f"{record.message} (at {record.url})")
        return record.to_dict()

    def _fetched(
        self,
        state: State,
        task: Task,
        request: FetchRequest,
        result: FetchResult,
        run_id: str,
        batch: Batch,
    ) -> None:
        at = rfc3339(result.fetched_at)
        batch.counts.requests += 1
        batch.counts.conditional += bool(request.etag or request.last_modified)
        kind = task.kind
        if kind == "page" and 200 <= result.status < 300:
            found = document_kind(result.url, result.body, result.content_type)
            if found is not None:
                kind = found  # a link that turned out to be a sitemap or a feed
        if kind != "page":
            read_document(task, kind, result, at, batch, self.scope)
            return
        if result.not_modified:
            batch.counts.not_modified += 1
            if not task.recovered:
                batch.counts.fetched += 1
                batch.counts.unchanged += 1
            batch.results.append(
                Result(task.url, "unchanged", at, status=304, final_url=result.url)
            )
            return
        self._parse(task, result, at, run_id, batch)

    def _parse(self, task: Task, result: FetchResult, at: str, run_id: str, batch: Batch) -> None:
        """Parse a page; its outcome waits for the batch's site pass (``_page``)."""
        from extractor.pipeline import record_from_fetch

        if not task.recovered:
            batch.counts.fetched += 1
        etag, last_modified = result.header("etag"), result.header("last-modified")
        order = self._date_order(result.url)
        try:
            profile = self._profiles.for_url(result.url)
            record: Record = record_from_fetch(
                result, run_id=run_id, date_order=order, profile=profile
            )
        except FetchError as exc:
            if exc.kind != "not_html":
                self._page_failed(task, result, exc, at, run_id, batch)
                return
            # A link to an image, a PDF, an archive: not a page, and not a failure either.
            log.debug("not an HTML page: %s (%s)", task.url, result.content_type)
            batch.counts.skipped_not_html += 1
            batch.results.append(
                Result(
                    task.url,
                    "skipped_not_html",
                    at,
                    status=result.status,
                    final_url=result.url,
                    etag=etag,
                    last_modified=last_modified,
                )
            )
            return
        except ExtractorError as exc:
            self._page_failed(task, result, exc, at, run_id, batch)
            return
        batch.parsed.append(Parsed(task, result, at, record, order))

    def _page(
        self, state: State, task: Task, result: FetchResult, at: str, batch: Batch, record: Record
    ) -> None:
        etag, last_modified = result.header("etag"), result.header("last-modified")
        key = (record.url, record.content_hash)
        links = follow(task, result, record, self.config, self.scope)
        texts = page_texts(record, task.url, result.url)
        if texts is not None:
            batch.texts.append(texts)
        if key in batch.written or state.is_seen(*key):
            if not task.recovered:
                batch.counts.unchanged += 1
            batch.results.append(
                Result(
                    task.url,
                    "unchanged",
                    at,
                    status=result.status,
                    content_hash=record.content_hash,
                    final_url=result.url,
                    links=links,
                    etag=etag,
                    last_modified=last_modified,
                )
            )
            return
        outcome: Outcome = "changed" if task.content_hash is not None else "new"
        if task.recovered:
            batch.counts.fetched += 1
        batch.counts.new += outcome == "new"
        batch.counts.changed += outcome == "changed"
        batch.written.add(key)
        assert self._held is not None
        self._held.emit(record, batch)
        batch.results.append(
            Result(
                task.url,
                outcome,
                at,
                status=result.status,
                content_hash=record.content_hash,
                record_url=record.url,
                final_url=result.url,
                links=links,
                etag=etag,
                last_modified=last_modified,
            )
        )

    def _page_failed(
        self,
        task: Task,
        result: FetchResult,
        exc: ExtractorError,
        at: str,
        run_id: str,
        batch: Batch,
    ) -> None:
        if task.recovered:
            batch.counts.fetched += 1  # its recovered record was counted, this failure is not
        batch.counts.failed += 1
        batch.errors.append(self._error(exc, task.url, run_id))
        batch.results.append(
            Result(task.url, "failed", at, status=result.status, final_url=result.url)
        )

    # ------------------------------------------------------------------ the end

    def _finish(self, state: State, run_id: str) -> CrawlReport:
        run = state.run(run_id)
        assert run is not None
        records = self.paths.records(run_id)
        outputs = tuple(str(convert(records, fmt)) for fmt in self.config.formats if fmt != "jsonl")
        finished_at = self._now()
        report = CrawlReport.from_counts(
            run_id=run_id,
            out_dir=str(self.paths.root),
            started_at=run.started_at,
            finished_at=finished_at,
            segments=run.segments,
            counts=run.counts,
            pending=state.pending(),
            records=str(records),
            errors=str(self.paths.errors(run_id)),
            warc=tuple(str(p) for _, p in archive_files(self.paths.warc, run_id)),
            outputs=outputs,
            sites=self._site.sites(state) if self._site is not None else (),
        )
        write_report(self.paths.report(run_id), report)
        state.finish_run(run_id, finished_at, report.exit_code)
        return report


def crawl(
    seeds: Iterable[str] = (),
    *,
    out_dir: str | Path | None = None,
    config: CrawlConfig | None = None,
    transport: Transport | None = None,
    clock: Clock | None = None,
    progress: bool = False,
    site_learning: bool = True,
) -> CrawlReport:
    """Run one crawl of ``seeds`` (added to ``config.seeds``) into ``out_dir``: the unfinished
    run if there is one, else an incremental re-crawl. Raises LockedError when another process
    is crawling the same directory. Site learning (each host's recurring blocks and date order
    across its pages, kept in the crawl state and applied) is on unless ``site_learning`` or
    ``config.extract.site_learning`` is false."""
    from extractor.crawl.job import check

    base = config or CrawlConfig()
    extra = tuple(s for s in seeds if s not in base.seeds)
    changes: dict[str, Any] = {"seeds": base.seeds + extra}
    if out_dir is not None:
        changes["out_dir"] = str(out_dir)
    final = replace(base, **changes)
    check(final)
    return Crawler(
        final, transport=transport, clock=clock, progress=progress, site_learning=site_learning
    ).run()
