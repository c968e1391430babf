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
from contextlib import suppress
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from extractor.archive import ArchivingTransport, WarcArchive, archive_files, repair_warc
from extractor.config import FetchConfig
from extractor.crawl.blurbs import BlurbStore, Held, PageTexts, page_texts, truncated_targets
from extractor.crawl.discovery import (
    document_kind,
    page_links,
    parse_feed,
    parse_sitemap,
    robots_sitemaps,
)
from extractor.crawl.job import CrawlConfig
from extractor.crawl.lock import CrawlLock
from extractor.crawl.report import CrawlReport, Progress, read_report, report_path, write_report
from extractor.crawl.state import Counts, Link, Outcome, Result, Run, State, Task
from extractor.crawl.urls import Scope, canonicalize, robots_url
from extractor.emit import JsonlWriter, convert, read_jsonl, repair_jsonl
from extractor.errors import CrawlError, ExtractorError, FetchError
from extractor.fetch import Fetcher, Transport
from extractor.fetch.safety import AddressGuard, seed_hosts
from extractor.fetch.transport import RequestsTransport
from extractor.models import ErrorRecord, FetchRequest, FetchResult, Record, rfc3339
from extractor.profiles import load_profiles
from extractor.site import SiteLearner, apply_knowledge, needs_reparse

log = logging.getLogger("extractor.crawl")

Clock = Callable[[], datetime]


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


@dataclass(slots=True)
class _Batch:
    """What one batch produced, held until it is written and committed."""

    records: list[dict[str, Any]]
    errors: list[dict[str, Any]]
    results: list[Result]
    counts: Counts
    written: set[tuple[str, str]]
    parsed: list[_Parsed] = field(default_factory=list)
    texts: list[PageTexts] = field(default_factory=list)  # parsed pages' full texts
    held: list[Held] = field(default_factory=list)  # new records with truncated teasers


@dataclass(frozen=True, slots=True)
class _Parsed:
    """A page parsed in a batch, waiting for the batch's site learning (see ``_site_pass``)."""

    task: Task
    result: FetchResult
    at: str
    record: Record
    date_order: str | None


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
        self._learner: SiteLearner | None = None
        self.paths = CrawlPaths(Path(config.out_dir))
        self.scope: Scope = config.scope()
        self._transport = transport
        self._clock: Clock = clock or (lambda: datetime.now(UTC))
        self._progress = progress
        self._blurbs: BlurbStore | None = None
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
        self._blurbs = BlurbStore(state)
        run = self._open_run(state)
        self._learner = SiteLearner(state) if self._site_learning else None
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
            self._reconcile(state, unfinished.run_id)
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
            held = self._hold(run.run_id, batch)
            state.commit(run.run_id, batch.results, batch.counts, now=self._now())
            if self._learner is not None:
                # After the batch's commit: a crash in between loses what the batch taught,
                # never counts one of its pages twice.
                self._learner.commit()
            self._release(run.run_id, records, batch, held)
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
        self._release(run.run_id, records, None, [])
        state.add_counts(
            run.run_id, Counts(elapsed=time.monotonic() - mark, write_seconds=commit_seconds)
        )

    # ------------------------------------------------------------------ one batch

    def _fetch_batch(
        self, state: State, run_id: str, tasks: list[Task], fetcher: Fetcher
    ) -> _Batch:
        batch = _Batch([], [], [], Counts(), set())
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
        for parsed, record in self._site_pass(batch.parsed, run_id):
            self._page(state, parsed.task, parsed.result, parsed.at, batch, record)
        batch.counts.parse_seconds += time.monotonic() - t2
        return batch

    # ------------------------------------------------------------------ site learning

    def _site_pass(self, parsed: list[_Parsed], run_id: str) -> list[tuple[_Parsed, Record]]:
        """The batch's pages with what their hosts taught: first every new page is learned from,
        then each is read with its host's date order (when its own dates cannot settle it)
        and its host's recurring blocks are typed, so a batch's first pages get them too."""
        if self._learner is None:
            return [(p, p.record) for p in parsed]
        from extractor.pipeline import record_from_fetch

        learner = self._learner
        for p in parsed:
            # A page is learned from once, when first recorded: a revisit would count it twice.
            if p.task.content_hash is None and not p.task.recovered:
                learner.observe(p.record)
        out = []
        for p in parsed:
            knowledge = learner.knowledge(p.record.site.host)
            record = p.record
            if needs_reparse(record, p.date_order, knowledge.date_order):
                # It parsed once: should the second reading fail, the first stands.
                with suppress(ExtractorError):
                    record = record_from_fetch(
                        p.result,
                        run_id=run_id,
                        date_order=knowledge.date_order,
                        profile=self._profiles.for_url(p.result.url),
                    )
            out.append((p, apply_knowledge(record, knowledge)))
        return out

    def _sites(self, state: State) -> tuple[dict[str, Any], ...]:
        """What the crawl has learned about each host, for the run's report."""
        if self._learner is None:
            return ()
        learner = self._learner
        # A broad crawl's report names its 50 largest hosts.
        return tuple(learner.knowledge(host).summary() for host in state.site_hosts(limit=50))

    def _date_order(self, url: str) -> str | None:
        if self._learner is None:
            return None
        from urllib.parse import urlsplit

        return self._learner.knowledge((urlsplit(url).hostname or "").lower()).date_order

    def _failed_fetch(self, task: Task, exc: FetchError, run_id: str, batch: _Batch) -> None:
        at = self._now()
        if exc.kind == "robots_disallowed":
            batch.counts.skipped_robots += 1
            batch.results.append(Result(task.url, "skipped_robots", at))
            return
        if task.kind != "page":
            self._document_failed(task, str(exc), at, batch, status=exc.status)
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

    def _document_failed(
        self, task: Task, why: str, at: str, batch: _Batch, *, status: int | None = None
    ) -> None:
        # robots.txt, sitemaps and feeds are how the crawl finds pages, not pages: a missing
        # one is logged and counted, never an error record or a failed page.
        log.warning("cannot read %s %s: %s", task.kind, task.url, why)
        batch.counts.documents_failed += 1
        batch.results.append(Result(task.url, "document_failed", at, status=status))

    def _fetched(
        self,
        state: State,
        task: Task,
        request: FetchRequest,
        result: FetchResult,
        run_id: str,
        batch: _Batch,
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
            self._document(task, kind, result, at, batch)
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

    def _parse(self, task: Task, result: FetchResult, at: str, run_id: str, batch: _Batch) -> None:
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
        batch.parsed.append(_Parsed(task, result, at, record, order))

    def _page(
        self, state: State, task: Task, result: FetchResult, at: str, batch: _Batch, record: Record
    ) -> None:
        etag, last_modified = result.header("etag"), result.header("last-modified")
        key = (record.url, record.content_hash)
        links = self._links(task, result, record)
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
        self._emit(record, batch)
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

    # ------------------------------------------------------------------ truncated teasers

    def _emit(self, record: Record, batch: _Batch) -> None:
        """A new record: written with its batch, or held while its truncated teasers wait for
        their targets (see ``extractor.crawl.blurbs``)."""
        row = record.to_dict()
        targets = truncated_targets(row)
        if targets:
            batch.held.append(Held(row, targets))
        else:
            batch.records.append(row)

    def _hold(self, run_id: str, batch: _Batch) -> list[int]:
        """Store the batch's page texts and held records; before its commit, for crash safety."""
        assert self._blurbs is not None
        if not (batch.texts or batch.held):
            return []
        return self._blurbs.store(run_id, batch.texts, batch.held)

    def _release(
        self, run_id: str, records: JsonlWriter, batch: _Batch | None, held: list[int]
    ) -> None:
        """Write the held records none of whose targets is still pending, resolved: those held
        by this batch or waiting on its pages, or every one when the run ends (no batch)."""
        assert self._blurbs is not None
        candidates: set[int] | None = None
        if batch is not None:
            done = [url for r in batch.results for url in (r.url, r.final_url) if url]
            candidates = set(held) | self._blurbs.waiting_on(done)
            if not candidates:
                return
        rows = self._blurbs.releasable(run_id, candidates)
        if not rows:
            return
        records.append(row for _, row in rows)
        records.sync()  # durable before the state forgets them
        self._blurbs.released(seq for seq, _ in rows)

    def _page_failed(
        self,
        task: Task,
        result: FetchResult,
        exc: ExtractorError,
        at: str,
        run_id: str,
        batch: _Batch,
    ) -> None:
        if task.recovered:
            batch.counts.fetched += 1  # its recovered record was counted, this failure is not
        batch.counts.failed += 1
        batch.errors.append(self._error(exc, task.url, run_id))
        batch.results.append(
            Result(task.url, "failed", at, status=result.status, final_url=result.url)
        )

    def _links(self, task: Task, result: FetchResult, record: Record) -> tuple[Link, ...]:
        """The links a page leads to, teasers first, within scope and depth."""
        if not self.config.follow_links:
            return ()
        depth = task.depth + 1
        if self.config.max_depth is not None and depth > self.config.max_depth:
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
            if self.scope.allows(url)
        )

    def _document(self, task: Task, kind: str, result: FetchResult, at: str, batch: _Batch) -> None:
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
            self._document_failed(task, f"HTTP {result.status}", at, batch, status=result.status)
            return
        try:
            links = self._document_links(kind, result)
        except ExtractorError as exc:
            self._document_failed(task, exc.message, at, batch, status=result.status)
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
                links=tuple(link for link in links if self.scope.allows(link.url)),
            )
        )

    def _document_links(self, kind: str, result: FetchResult) -> list[Link]:
        if kind == "robots":
            text = result.body.decode("utf-8", errors="replace")
            return [Link(url, "sitemap", 0) for url in robots_sitemaps(text, result.url)]
        if kind == "sitemap":
            sitemap = parse_sitemap(result.body, result.url)
            return [Link(url, "sitemap", 0) for url in sitemap.sitemaps] + [
                Link(url, "page", 0) for url in sitemap.pages
            ]
        return [Link(url, "page", 0) for url in parse_feed(result.body, result.url)]

    # ------------------------------------------------------------------ resume

    def _reconcile(self, state: State, run_id: str) -> None:
        """Commit what the killed segment wrote but did not commit; cut torn tails."""
        counts = Counts()
        records_path = self.paths.records(run_id)
        errors_path = self.paths.errors(run_id)
        for path in (records_path, errors_path):
            cut = repair_jsonl(path)
            if cut:
                log.warning("cut a torn last line (%d bytes) off %s", cut, path)
        for n, path in archive_files(self.paths.warc, run_id)[-1:]:
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
                    row.get("fetched_at") or self._now(),
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
        self._reconcile_held(run_id)

    def _reconcile_held(self, run_id: str) -> None:
        """Drop held records the state never committed, and those already in the run's file."""
        assert self._blurbs is not None
        path = self.paths.records(run_id)
        dropped = self._blurbs.reconcile(run_id, read_jsonl(path) if path.exists() else ())
        if dropped:
            log.info("dropped %d held records already written or never committed", dropped)

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
            sites=self._sites(state),
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
