"""What a crawl's memory holds as it grows: tracemalloc snapshots diffed between two page counts.

Crawls the generated loopback site (``tests/crawlsite.py``) in this process, snapshots the
traced Python memory when ``--low`` and ``--high`` pages are committed, and prints the lines
whose allocations grew most in between, then the bounded caches of ``extractor`` (their fill,
and what clearing each frees at the end). Complements ``crawl_scale.py``, which measures RSS.

    .venv/bin/python bench/crawl_memory.py --pages 3000 --low 1000 --high 2800
"""

from __future__ import annotations

import argparse
import functools
import gc
import importlib
import pkgutil
import subprocess
import sys
import tempfile
import tracemalloc
from pathlib import Path
from typing import Any

import extractor
from extractor.config import FetchConfig
from extractor.crawl import CrawlConfig, crawl

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "tests" / "crawlsite.py"


def lru_caches() -> dict[str, Any]:
    """Every functools cache of the package's modules, by qualified name."""
    for info in pkgutil.walk_packages(extractor.__path__, "extractor."):
        if not info.name.endswith("__main__"):
            importlib.import_module(info.name)
    found: dict[str, Any] = {}
    for name, module in list(sys.modules.items()):
        if name.startswith("extractor."):
            for value in vars(module).values():
                if isinstance(value, functools._lru_cache_wrapper):
                    found.setdefault(f"{value.__module__}.{value.__qualname__}", value)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=3000, help="articles on the site")
    parser.add_argument("--low", type=int, default=1000, help="first snapshot (pages committed)")
    parser.add_argument("--high", type=int, default=2800, help="second snapshot")
    parser.add_argument("--top", type=int, default=15, help="lines of the diff to print")
    args = parser.parse_args(argv)
    caches = lru_caches()
    state_module = importlib.import_module("extractor.crawl.state")
    original = state_module.State.commit
    done = {"pages": 0}
    snapshots: dict[int, tracemalloc.Snapshot] = {}

    def commit(self: Any, run_id: str, results: Any, counts: Any, *, now: str) -> None:
        original(self, run_id, results, counts, now=now)
        done["pages"] += counts.fetched
        for mark in (args.low, args.high):
            if mark not in snapshots and done["pages"] >= mark:
                gc.collect()
                snapshots[mark] = tracemalloc.take_snapshot()
                traced = tracemalloc.get_traced_memory()[0] / 1e6
                print(f"{done['pages']} pages: {traced:.1f} MB traced", file=sys.stderr)

    site = subprocess.Popen(
        [sys.executable, str(SITE), "--pages", str(args.pages)], stdout=subprocess.PIPE, text=True
    )
    assert site.stdout is not None
    seed = f"http://127.0.0.1:{int(site.stdout.readline())}/"
    fetch = FetchConfig(min_delay=0.0, allow_private=True, per_host=8, concurrency=8, max_tries=2)
    tracemalloc.start()
    state_module.State.commit = commit  # type: ignore[method-assign]
    try:
        with tempfile.TemporaryDirectory(prefix="crawl-memory-") as folder:
            crawl([seed], out_dir=Path(folder) / "crawl", config=CrawlConfig(fetch=fetch))
    finally:
        state_module.State.commit = original  # type: ignore[method-assign]
        site.terminate()
        site.wait()
    if len(snapshots) < 2:
        print("the crawl ended before --high pages: raise --pages", file=sys.stderr)
        return 1
    skip = [tracemalloc.Filter(False, tracemalloc.__file__)]
    low = snapshots[args.low].filter_traces(skip)
    high = snapshots[args.high].filter_traces(skip)
    print(f"grew most between {args.low} and {args.high} pages:")
    for stat in high.compare_to(low, "lineno")[: args.top]:
        print(f"  {stat}")
    print("caches (entries / bound, MB freed by clearing at the end):")
    for name, cache in sorted(caches.items()):
        info = cache.cache_info()
        before = tracemalloc.get_traced_memory()[0]
        cache.cache_clear()
        gc.collect()
        freed = (before - tracemalloc.get_traced_memory()[0]) / 1e6
        if info.currsize:
            print(f"  {name}: {info.currsize} / {info.maxsize}, {freed:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
