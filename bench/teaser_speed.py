"""CPU time of the teaser search against the whole record, per page of a page set.

``python -m bench.teaser_speed [--set zyte] [--rounds 3]``: every page is extracted once to pay
one-time costs (regex compiles, dateparser locales), then each round clears the link cache (every
page of a crawl is new) and extracts every page again, timing ``find_teaser_blocks`` and the whole
``extract`` with the thread's CPU clock, so that other processes on the machine do not count. Each
page's best round is kept (a machine shared with other jobs slows pages at random, and a page's
fastest round is the one least disturbed), and the means of those are printed.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

import extractor.parse as parse
from bench.pages import READABILITY_URL, benchmarks_dir, load_pages
from bench.tools import NOW
from extractor.errors import ConfigError
from extractor.parse.teaser_links import forget_links
from extractor.pipeline import extract

SEARCH_NAME = "find_teaser_blocks"


def parser_is_compiled() -> bool:
    """Whether extractor.parse was compiled by mypyc (a non-editable install, see setup.py)."""
    return not (parse.__file__ or "").endswith(".py")


def measure(pages: Sequence[tuple[str, str]], rounds: int) -> tuple[float, float]:
    """Mean CPU milliseconds per page of (record, teaser search), each page's best round."""
    if parser_is_compiled():
        # Compiled code calls find_teaser_blocks directly: a patch of the namespace times nothing.
        raise ConfigError(
            f"{parse.__file__} is compiled, and the teaser search cannot be timed inside it: "
            "install extractor editable (pip install -e .) or with EXTRACTOR_PURE_PYTHON=1"
        )
    # parse_page calls the search through the package's namespace: patch it there.
    search: Callable[..., Any] = getattr(parse, SEARCH_NAME)
    spent = [0.0]

    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.thread_time()
        try:
            return search(*args, **kwargs)
        finally:
            spent[0] += time.thread_time() - start

    for html, url in pages:
        extract(html, url, now=NOW)
    best = [(float("inf"), float("inf"))] * len(pages)
    setattr(parse, SEARCH_NAME, timed)
    try:
        for _ in range(rounds):
            forget_links()
            for index, (html, url) in enumerate(pages):
                spent[0] = 0.0
                start = time.thread_time()
                extract(html, url, now=NOW)
                total = time.thread_time() - start
                if total < best[index][0]:
                    best[index] = (total, spent[0])
    finally:
        setattr(parse, SEARCH_NAME, search)
    records = sum(record for record, _ in best)
    searches = sum(search_time for _, search_time in best)
    return 1000 * records / len(pages), 1000 * searches / len(pages)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.teaser_speed", description=__doc__)
    parser.add_argument("--data", default=None, help="folder with the page sets")
    parser.add_argument("--set", default="zyte", choices=("zyte", "readability"))
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    try:
        pages = load_pages(benchmarks_dir(args.data), [args.set])
    except ConfigError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 2
    items = [(page.html(), page.url or READABILITY_URL) for page in pages]
    try:
        record, teasers = measure(items, max(1, args.rounds))
    except ConfigError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 2
    print(
        f"{args.set}: {len(items)} pages, record {record:.2f} ms/page, teaser search "
        f"{teasers:.2f} ms/page ({teasers / record:.1%} of the record), CPU time, best of "
        f"{args.rounds} per page"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
