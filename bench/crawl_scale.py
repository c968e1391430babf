"""Crawl at scale: a generated 10,000-article site on loopback, crawled twice by `extractor crawl`.

Measures pages/s of the first crawl, the peak RSS of the crawl process once 1,000 pages are
done and at the end (it must not grow with the crawl: the frontier, hashes and validators live
in SQLite), and the time of a second run in which every page is unchanged (conditional requests
only). The site is generated on the fly by ``tests/crawlsite.py`` in its own process; nothing
leaves 127.0.0.1.

    .venv/bin/python bench/crawl_scale.py               # 10,000 articles
    .venv/bin/python bench/crawl_scale.py --pages 2000  # a quicker look

Prints a table and writes ``bench/out/crawl_scale.json``. ``bench/crawl_memory.py`` shows
what the memory that grows between two page counts is.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "tests" / "crawlsite.py"
POLL = 0.05
MARKS = (1000, 2500, 5000, 7500)  # committed pages at which the peak RSS is sampled


@dataclass(frozen=True, slots=True)
class RunNumbers:
    run: str
    seconds: float
    exit_code: int
    pages: int
    pages_per_second: float
    records: int
    not_modified: int
    requests: int
    peak_rss_mb: float
    peak_rss_mb_at: dict[int, float]  # pages committed -> peak RSS so far


def rss_high_water_kb(pid: int) -> int | None:
    """VmHWM of a live process (its peak resident set so far), from /proc."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def committed_pages(state: Path) -> int:
    """Pages the running crawl has committed (a read-only look at its state)."""
    if not state.exists():
        return 0
    try:
        db = sqlite3.connect(f"file:{state}?mode=ro", uri=True, timeout=0.2)
        try:
            row = db.execute(
                "SELECT fetched FROM runs WHERE finished_at IS NULL ORDER BY started_at DESC"
            ).fetchone()
        finally:
            db.close()
    except sqlite3.Error:
        return 0
    return int(row[0]) if row else 0


def start_site(pages: int) -> tuple[subprocess.Popen[str], str]:
    site = subprocess.Popen(
        [sys.executable, str(SITE), "--pages", str(pages)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert site.stdout is not None
    port = int(site.stdout.readline())
    return site, f"http://127.0.0.1:{port}/"


def crawl_once(seed: str, out: Path, name: str, concurrency: int) -> RunNumbers:
    env = dict(
        os.environ,
        EXTRACTOR_MIN_DELAY="0",
        EXTRACTOR_ALLOW_PRIVATE="1",
        EXTRACTOR_CONCURRENCY=str(concurrency),
        EXTRACTOR_PER_HOST=str(concurrency),
        EXTRACTOR_MAX_TRIES="2",
    )
    command = [sys.executable, "-m", "extractor", "crawl", seed, "--out", str(out)]
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    marks = list(MARKS)
    seen: dict[int, float] = {}
    while True:
        # wait4 reaps the child with its own peak RSS (ru_maxrss, KiB on Linux); Popen.poll
        # would reap it first and lose that number.
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if marks and committed_pages(out / "state.sqlite") >= marks[0]:
            peak = rss_high_water_kb(process.pid)
            if peak is not None:
                seen[marks[0]] = round(peak / 1024, 1)
            marks.pop(0)
        time.sleep(POLL)
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.monotonic() - started
    assert process.stderr is not None
    summary = process.stderr.read().strip()
    code = process.returncode
    runs = sorted((out / "runs").glob("*.json"), key=lambda p: p.stat().st_mtime)
    report = json.loads(runs[-1].read_text("utf-8"))
    counts = report["counts"]
    print(f"  {summary.splitlines()[-1] if summary else '(no summary)'}", file=sys.stderr)
    return RunNumbers(
        run=name,
        seconds=round(seconds, 1),
        exit_code=code,
        pages=counts["fetched"],
        pages_per_second=round(counts["fetched"] / seconds, 1),
        records=counts["new"] + counts["changed"],
        not_modified=counts["not_modified"],
        requests=counts["requests"],
        peak_rss_mb=round(usage.ru_maxrss / 1024, 1),
        peak_rss_mb_at=seen,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000, help="articles on the site")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "crawl_scale.json")
    args = parser.parse_args(argv)

    site, seed = start_site(args.pages)
    try:
        with tempfile.TemporaryDirectory(prefix="crawl-scale-") as folder:
            out = Path(folder) / "crawl"
            print(f"site: {args.pages} articles at {seed}", file=sys.stderr)
            first = crawl_once(seed, out, "first (all new)", args.concurrency)
            second = crawl_once(seed, out, "second (all unchanged)", args.concurrency)
    finally:
        site.terminate()
        site.wait()

    rows = [first, second]
    marks = [m for m in MARKS if m <= first.pages]
    print(
        f"{'run':<24}{'s':>7}{'pages':>7}{'pages/s':>9}{'records':>9}{'304':>7}"
        + "".join(f"{'RSS@' + str(m):>10}" for m in marks)
        + f"{'RSS peak':>10}"
    )
    for r in rows:
        print(
            f"{r.run:<24}{r.seconds:>7.1f}{r.pages:>7}{r.pages_per_second:>9.1f}"
            f"{r.records:>9}{r.not_modified:>7}"
            + "".join(f"{r.peak_rss_mb_at.get(m, float('nan')):>10.1f}" for m in marks)
            + f"{r.peak_rss_mb:>10.1f}"
        )
    print("(RSS in MB: the crawl process's peak resident set once N pages were committed)")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps({"pages": args.pages, "runs": [asdict(r) for r in rows]}, indent=2) + "\n",
        "utf-8",
    )
    ok = first.exit_code == 0 and second.exit_code == 0 and second.records == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
