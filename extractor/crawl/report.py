"""What a run says about itself: DIR/runs/<run-id>.json, a summary paragraph, a progress bar."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from extractor.closing import Closing
from extractor.crawl.state import Counts
from extractor.emit import fsync_dir

REPORT_SCHEMA = "extractor.crawl-report/1"


@dataclass(frozen=True, slots=True)
class CrawlReport:
    """One run of a crawl job, as written to DIR/runs/<run-id>.json.

    ``counts``: ``discovered`` page URLs first seen in this run; ``fetched`` pages asked for
    (``new`` + ``changed`` + ``unchanged`` + ``failed`` + ``skipped_not_html``, links that
    turned out to be images, PDFs…); ``skipped_robots`` pages robots.txt forbids;
    ``documents`` robots.txt files, sitemaps and feeds read (``documents_failed`` could not
    be); ``requests``, ``conditional`` and ``not_modified`` count HTTP exchanges; ``pending``
    the URLs left for a later run by ``max_pages``. ``sites``: what the crawl has learned
    about each host so far (pages learned from, recurring-block templates, date order).
    """

    run_id: str
    out_dir: str
    started_at: str
    finished_at: str
    exit_code: int
    segments: int
    counts: dict[str, int]
    timings: dict[str, float]
    records: str
    errors: str
    warc: tuple[str, ...] = ()
    outputs: tuple[str, ...] = ()
    sites: tuple[dict[str, Any], ...] = ()
    schema: str = REPORT_SCHEMA

    @classmethod
    def from_counts(
        cls,
        *,
        run_id: str,
        out_dir: str,
        started_at: str,
        finished_at: str,
        segments: int,
        counts: Counts,
        pending: int,
        records: str,
        errors: str,
        warc: tuple[str, ...],
        outputs: tuple[str, ...],
        sites: tuple[dict[str, Any], ...] = (),
    ) -> CrawlReport:
        numbers = {
            "discovered": counts.discovered,
            "fetched": counts.fetched,
            "new": counts.new,
            "changed": counts.changed,
            "unchanged": counts.unchanged,
            "failed": counts.failed,
            "skipped_robots": counts.skipped_robots,
            "skipped_not_html": counts.skipped_not_html,
            "documents": counts.documents,
            "documents_failed": counts.documents_failed,
            "requests": counts.requests,
            "conditional": counts.conditional,
            "not_modified": counts.not_modified,
            "recovered": counts.recovered,
            "pending": pending,
        }
        elapsed = counts.elapsed
        timings = {
            "total_seconds": round(elapsed, 3),
            "fetch_seconds": round(counts.fetch_seconds, 3),
            "parse_seconds": round(counts.parse_seconds, 3),
            "write_seconds": round(counts.write_seconds, 3),
            "pages_per_second": round(counts.fetched / elapsed, 2) if elapsed > 0 else 0.0,
        }
        return cls(
            run_id=run_id,
            out_dir=out_dir,
            started_at=started_at,
            finished_at=finished_at,
            exit_code=1 if counts.failed else 0,
            segments=segments,
            counts=numbers,
            timings=timings,
            records=records,
            errors=errors,
            warc=warc,
            outputs=outputs,
            sites=sites,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": self.schema,
            "run_id": self.run_id,
            "out_dir": self.out_dir,
            "started_at": self.started_at,
            "finished_at": self.finished_at,
            "segments": self.segments,
            "counts": dict(self.counts),
            "timings": dict(self.timings),
            "records": self.records,
            "errors": self.errors,
            "warc": list(self.warc),
            "outputs": list(self.outputs),
            "sites": [dict(site) for site in self.sites],
            "exit_code": self.exit_code,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CrawlReport:
        return cls(
            run_id=data["run_id"],
            out_dir=data["out_dir"],
            started_at=data["started_at"],
            finished_at=data["finished_at"],
            exit_code=int(data["exit_code"]),
            segments=int(data.get("segments", 1)),
            counts=dict(data["counts"]),
            timings=dict(data["timings"]),
            records=data["records"],
            errors=data["errors"],
            warc=tuple(data.get("warc", ())),
            outputs=tuple(data.get("outputs", ())),
            sites=tuple(data.get("sites", ())),
        )

    def summary(self) -> str:
        """One paragraph for people: what the run did, what it wrote, how it ended."""
        c = self.counts
        t = self.timings
        resumed = f", resumed {self.segments - 1} time(s)" if self.segments > 1 else ""
        parts = [
            f"Crawl run {self.run_id} finished in {t['total_seconds']:.1f} s{resumed}:",
            f"{c['fetched']} pages fetched ({t['pages_per_second']:.1f}/s) —",
            f"{c['new']} new, {c['changed']} changed, {c['unchanged']} unchanged,",
            f"{c['failed']} failed, {c['skipped_robots']} skipped by robots.txt"
            + (f", {c['skipped_not_html']} not HTML;" if c.get("skipped_not_html") else ";"),
            f"{c['discovered']} new URLs discovered, {c['documents']} robots/sitemap/feed "
            f"documents read",
        ]
        if c["documents_failed"]:
            parts[-1] += f" ({c['documents_failed']} unreadable)"
        parts[-1] += ";"
        parts.append(
            f"{c['requests']} requests, {c['conditional']} conditional, "
            f"{c['not_modified']} answered 304."
        )
        if c["pending"]:
            parts.append(f"{c['pending']} URLs are left for the next run (max_pages).")
        wrote = c["new"] + c["changed"]
        parts.append(f"{wrote} records in {self.records}")
        if c["failed"]:
            parts[-1] += f", {c['failed']} error records in {self.errors}"
        parts[-1] += "."
        learned = _sites_sentence(self.sites)
        if learned:
            parts.append(learned)
        parts.append(f"Exit code {self.exit_code}.")
        return " ".join(parts)


def _sites_sentence(sites: tuple[dict[str, Any], ...]) -> str | None:
    """ "Learned 127.0.0.1 over 14 pages: 4 recurring blocks, day first." for up to 3 hosts."""
    orders = {"MD": "month first", "DM": "day first"}
    said = []
    for site in sites[:3]:
        order = orders.get(site.get("date_order") or "", "date order unknown")
        said.append(
            f"{site['host']} over {site['pages']} pages: {site['templates']} recurring blocks, "
            f"{order}"
        )
    if not said:
        return None
    more = f" (and {len(sites) - 3} more hosts)" if len(sites) > 3 else ""
    return "Learned " + "; ".join(said) + more + "."


def report_path(out_dir: str | Path, run_id: str) -> Path:
    return Path(out_dir) / "runs" / f"{run_id}.json"


def write_report(path: str | Path, report: CrawlReport) -> None:
    """Write the report whole (temporary file, fsync, rename): its presence means the run ended."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.with_name(target.name + ".tmp")
    with open(staging, "w", encoding="utf-8") as stream:
        json.dump(report.to_dict(), stream, indent=2, ensure_ascii=False)
        stream.write("\n")
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(staging, target)
    fsync_dir(target.parent)


def read_report(path: str | Path) -> CrawlReport:
    with open(path, encoding="utf-8") as stream:
        return CrawlReport.from_dict(json.load(stream))


class Progress(Closing):
    """A tqdm bar (pages, rate, errors) on a terminal; nothing at all when disabled."""

    def __init__(self, *, enabled: bool, stream: TextIO | None = None, initial: int = 0) -> None:
        self._bar: Any = None
        if enabled:
            from tqdm import tqdm

            self._bar = tqdm(
                total=None,
                initial=initial,
                unit="page",
                file=stream,
                dynamic_ncols=True,
                leave=False,
                desc="crawl",
                mininterval=0,  # updated once a batch, not once a page: every update shows
            )

    def update(self, pages: int, *, total: int, failed: int, new: int) -> None:
        if self._bar is None:
            return
        self._bar.total = max(total, self._bar.n + pages)
        self._bar.set_postfix(new=new, errors=failed, refresh=False)
        self._bar.update(pages)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
