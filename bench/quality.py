"""Body, title, byline and date quality and speed of extractor and its peers, in one process.

Run by ``make bench`` (``.venv-bench/bin/python -m bench.quality``). Every tool gets the same
decoded HTML text and URL; the tools take turns page by page, the first tool rotating from page
to page, so that machine noise hits them alike; only the extraction call is timed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from bench.metrics import BodyCounts, body_counts, body_score, close, rate, same_date
from bench.pages import KNOWN_SETS, PAGE_SETS, SPLITS, Page, benchmarks_dir, load_pages, select
from bench.report import fmt, provenance, render, write_report
from bench.tools import TOOLS, Extraction, Tool, build_tools, forbid_network, tool_version
from extractor.errors import ConfigError

__all__ = ["PageResult", "main", "run", "summarise"]

OUT = Path(__file__).resolve().parent / "out" / "quality.json"
BASELINE = "trafilatura"


@dataclass(frozen=True, slots=True)
class PageResult:
    """One tool on one page: its time, shingle counts and metadata hits (None: nothing expected)."""

    tool: str
    key: str
    page_set: str
    split: str
    ms: float
    tp: int
    fp: int
    fn: int
    title_ok: bool | None
    byline_ok: bool | None
    date_ok: bool | None
    error: str | None = None

    @property
    def counts(self) -> BodyCounts:
        return BodyCounts(self.tp, self.fp, self.fn)


def score_page(
    tool: Tool, page: Page, extraction: Extraction, ms: float, error: str | None = None
) -> PageResult:
    """Compare one extraction with the page's truth."""
    counts = body_counts(page.body, extraction.text)
    title_ok = close(page.title, extraction.title) if page.title else None
    byline_ok = close(page.byline, extraction.byline) if page.byline and tool.has_byline else None
    date_ok = (
        same_date(page.published, extraction.date) if page.published and tool.has_date else None
    )
    return PageResult(
        tool=tool.name,
        key=page.key,
        page_set=page.page_set,
        split=page.split,
        ms=ms,
        tp=counts.tp,
        fp=counts.fp,
        fn=counts.fn,
        title_ok=title_ok,
        byline_ok=byline_ok,
        date_ok=date_ok,
        error=error,
    )


def run_one(tool: Tool, page: Page, html: str) -> PageResult:
    """Time ``tool.extract`` alone, then read and score its result."""
    started = time.perf_counter()
    try:
        result = tool.extract(html, page.url)
    # A benchmark must survive any tool failing on any page; the failure is kept in the result,
    # counted in the report and scored as an empty extraction, never hidden.
    except Exception as exc:  # noqa: BLE001
        ms = (time.perf_counter() - started) * 1000
        return score_page(tool, page, Extraction(text=""), ms, f"{type(exc).__name__}: {exc}")
    ms = (time.perf_counter() - started) * 1000
    try:
        extraction = tool.read(result, html, page.url)
    except Exception as exc:  # noqa: BLE001
        return score_page(tool, page, Extraction(text=""), ms, f"{type(exc).__name__}: {exc}")
    return score_page(tool, page, extraction, ms)


def run(tools: Sequence[Tool], pages: Sequence[Page], progress: bool = True) -> list[PageResult]:
    """Every tool on every page, interleaved page by page with a rotating first tool."""
    if pages:
        # One untimed call each first, so lazy imports and caches are not billed to page one.
        warm_html = pages[0].html()
        for tool in tools:
            run_one(tool, pages[0], warm_html)
    results: list[PageResult] = []
    for index, page in enumerate(pages):
        html = page.html()
        shift = index % len(tools)
        for tool in [*tools[shift:], *tools[:shift]]:
            results.append(run_one(tool, page, html))
        if progress and (index + 1) % 25 == 0:
            print(f"  {index + 1}/{len(pages)} pages", file=sys.stderr, flush=True)
    return results


def _pick(results: Sequence[PageResult], tool: str, page_set: str, split: str) -> list[PageResult]:
    return [
        result
        for result in results
        if result.tool == tool
        and (page_set == "both" or result.page_set == page_set)
        and (split == "all" or result.split == split)
    ]


def summarise(
    results: Sequence[PageResult],
    tools: Sequence[str],
    page_sets: Sequence[str],
    splits: Sequence[str],
) -> list[dict[str, Any]]:
    """One row per page set, split and tool: body P/R/F1, metadata rates, timings."""
    rows = []
    for page_set in page_sets:
        for split in splits:
            baseline = _pick(results, BASELINE, page_set, split)
            baseline_ms = statistics.fmean(r.ms for r in baseline) if baseline else None
            for tool in tools:
                picked = _pick(results, tool, page_set, split)
                if not picked:
                    continue
                score = body_score(r.counts for r in picked)
                mean_ms = statistics.fmean(r.ms for r in picked)
                rows.append(
                    {
                        "tool": tool,
                        "set": page_set,
                        "split": split,
                        "pages": len(picked),
                        "f1": score.f1 if score else None,
                        "precision": score.precision if score else None,
                        "recall": score.recall if score else None,
                        "title": rate([r.title_ok for r in picked if r.title_ok is not None]),
                        "byline": rate([r.byline_ok for r in picked if r.byline_ok is not None]),
                        "date": rate([r.date_ok for r in picked if r.date_ok is not None]),
                        "mean_ms": mean_ms,
                        "median_ms": statistics.median(r.ms for r in picked),
                        "vs_trafilatura": mean_ms / baseline_ms if baseline_ms else None,
                        "errors": sum(1 for r in picked if r.error),
                    }
                )
    return rows


def table(rows: Sequence[dict[str, Any]]) -> str:
    headers = [
        "set",
        "split",
        "tool",
        "pages",
        "F1",
        "P",
        "R",
        "title",
        "byline",
        "date",
        "mean ms",
        "median ms",
        "×traf",
        "errors",
    ]
    cells = [
        [
            row["set"],
            row["split"],
            row["tool"],
            fmt(row["pages"]),
            fmt(row["f1"]),
            fmt(row["precision"]),
            fmt(row["recall"]),
            fmt(row["title"], 2),
            fmt(row["byline"], 2),
            fmt(row["date"], 2),
            fmt(row["mean_ms"], 1),
            fmt(row["median_ms"], 1),
            fmt(row["vs_trafilatura"], 2),
            fmt(row["errors"]),
        ]
        for row in rows
    ]
    return render(headers, cells)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.quality", description=__doc__)
    parser.add_argument(
        "--tools",
        default=",".join(TOOLS),
        help=f"comma-separated, from {','.join(TOOLS)} (default: all)",
    )
    parser.add_argument(
        "--set",
        dest="page_set",
        default="all",
        choices=[*KNOWN_SETS, "all"],
        help="a page set (default: all = zyte and readability; newspaper4k: make bench-pages)",
    )
    parser.add_argument(
        "--split",
        default="all",
        choices=SPLITS,
        help="run only these pages (the table always breaks down by split)",
    )
    parser.add_argument("--limit", type=int, default=None, help="at most N pages per page set")
    parser.add_argument(
        "--data",
        default=None,
        help="folder with zyte-articles/ and readability-pages/ "
        "(default: $EXTRACTOR_BENCHMARKS, else ../shared/benchmarks)",
    )
    parser.add_argument("--out", type=Path, default=OUT, help=f"JSON report (default: {OUT})")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    refused = forbid_network()
    # The peers warn on every run about optional extras and odd time zones; what matters to the
    # benchmark, a tool failing on a page, is counted and listed instead.
    warnings.filterwarnings(
        "ignore", module=r"(newspaper|dateutil|trafilatura|htmldate|courlan|readability)"
    )
    names = [name.strip() for name in args.tools.split(",") if name.strip()]
    page_sets = list(PAGE_SETS) if args.page_set == "all" else [args.page_set]
    try:
        root = benchmarks_dir(args.data)
        pages = select(load_pages(root, page_sets), args.split, args.limit)
        tools = build_tools(names)
    except ConfigError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 2
    print(f"bench: {len(pages)} pages from {root}, tools: {', '.join(names)}", file=sys.stderr)
    started = time.perf_counter()
    results = run(tools, pages)
    elapsed = time.perf_counter() - started
    splits = ["dev", "held-out", "all"] if args.split == "all" else [args.split]
    sets = [*page_sets, "both"] if len(page_sets) > 1 else page_sets
    rows = summarise(results, names, sets, splits)
    print(table(rows))
    versions = {name: tool_version(name) for name in names}
    origin = provenance()
    print(
        "versions: "
        + ", ".join(f"{name} {version}" for name, version in versions.items())
        + f"; commit {str(origin['commit'])[:10]}{' (with edits)' if origin['dirty'] else ''}"
    )
    failures = [r for r in results if r.error]
    for failure in failures[:20]:
        print(f"error: {failure.tool} on {failure.key}: {failure.error}", file=sys.stderr)
    if refused:
        print(f"network attempts refused: {len(refused)} (e.g. {refused[0]})", file=sys.stderr)
    write_report(
        args.out,
        "quality",
        argv,
        root,
        {
            "versions": versions,
            "seconds": elapsed,
            "network_refused": refused,
            "rows": rows,
            "pages": [asdict(result) for result in results],
        },
        origin,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
