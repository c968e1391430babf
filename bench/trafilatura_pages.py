"""The web pages trafilatura 0.9.3's source distribution keeps for its tests: three more page sets.

Pages the project had never seen before session 6, labelled blind for it by helpers reading the
HTML alone, a third at a time by position in name order: set ``trafilatura`` (every third page
from the first, 32 pages; teasers in ``bench/labels/fresh-7.jsonl``, body, headline, byline and
date in ``bench/labels/bodies-7.jsonl``), ``trafilatura2`` (from the second, 31 pages;
``fresh-8.jsonl``, ``bodies-8.jsonl``) and ``trafilatura3`` (from the third, 31 pages;
``fresh-9.jsonl``, ``bodies-9.jsonl``). ``python -m bench.trafilatura_pages``
(``make bench-pages``) fetches the sdist once from the package index into ``bench/.cache``; later
releases no longer ship the pages. Only pages with a URL of their own (canonical link or
``og:url``) count, one of byte-identical copies. trafilatura was developed on these pages: its
scores here flatter it. Its sdist holds no expected texts.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from bench.sdist_pages import CACHE, fetch_sdist, pages_dir, web_pages

__all__ = ["DIR_ENV", "VERSION", "data_dir", "fetch", "labelled", "web_pages"]

VERSION = "0.9.3"
DIR_ENV = "EXTRACTOR_TRAFILATURA_PAGES"
_DATA = Path(f"trafilatura-{VERSION}") / "tests" / "cache"
# A third of the pages in name order per labelled set.
THIRDS = 3


def data_dir() -> Path:
    """The sdist's ``tests/cache``: ``$EXTRACTOR_TRAFILATURA_PAGES``, else the bench cache."""
    return pages_dir(DIR_ENV, CACHE / _DATA, "trafilatura's test pages")


def labelled(pages: Sequence[tuple[str, str, Path]], third: int = 0) -> list[tuple[str, str, Path]]:
    """The pages of one labelled set: every third, from the ``third``-th, in name order."""
    return [page for index, page in enumerate(pages) if index % THIRDS == third]


def fetch(cache: Path = CACHE) -> Path:
    """Download trafilatura 0.9.3's sdist from the package index and unpack its test pages."""
    return fetch_sdist("trafilatura", VERSION, _DATA, cache)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.trafilatura_pages", description=__doc__)
    parser.parse_args(argv)
    folder = fetch()
    pages = web_pages(folder)
    sets = ", ".join(str(len(labelled(pages, third))) for third in range(THIRDS))
    print(f"{len(pages)} pages with a URL in {folder}; labelled sets of {sets} pages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
