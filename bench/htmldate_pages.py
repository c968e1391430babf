"""The web pages htmldate 1.2.0's source distribution keeps for its tests: one more page set.

Pages the project had never seen before session 7, labelled blind for it by helpers reading the
HTML alone: set ``htmldate`` (teasers in ``bench/labels/fresh-10.jsonl``; body, headline, byline
and date in ``bench/labels/bodies-10.jsonl``). ``python -m bench.htmldate_pages`` (``make
bench-pages``) fetches the sdist once from the package index into ``bench/.cache``. Only pages with
a URL of their own count, one of byte-identical copies, and none that trafilatura 0.9.3's sdist
also keeps (same bytes or same URL): those are in the ``trafilatura`` sets already. htmldate was
developed on these pages for dates only. Its sdist holds no expected texts.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from bench import sdist_pages, trafilatura_pages
from bench.sdist_pages import CACHE, fetch_sdist

__all__ = ["DIR_ENV", "VERSION", "data_dir", "fetch", "web_pages"]

VERSION = "1.2.0"
DIR_ENV = "EXTRACTOR_HTMLDATE_PAGES"
_DATA = Path(f"htmldate-{VERSION}") / "tests" / "cache"


def data_dir() -> Path:
    """The sdist's ``tests/cache``: ``$EXTRACTOR_HTMLDATE_PAGES``, else the bench cache."""
    return sdist_pages.pages_dir(DIR_ENV, CACHE / _DATA, "htmldate's test pages")


def web_pages(folder: Path, others: Path) -> list[tuple[str, str, Path]]:
    """(name, url, html path) of the pages in ``folder`` not also in ``others``, sorted by name."""
    known: set[str] = set()
    for _, url, path in sdist_pages.web_pages(others):
        known.update((url, sdist_pages.digest(path.read_bytes())))
    # trafilatura's pages without a URL of their own can still be copies of these.
    known.update(sdist_pages.digest(path.read_bytes()) for path in others.glob("*.html"))
    return sdist_pages.web_pages(folder, known)


def fetch(cache: Path = CACHE) -> Path:
    """Download htmldate 1.2.0's sdist from the package index and unpack its test pages."""
    return fetch_sdist("htmldate", VERSION, _DATA, cache)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.htmldate_pages", description=__doc__)
    parser.parse_args(argv)
    folder = fetch()
    pages = web_pages(folder, trafilatura_pages.data_dir())
    print(f"{len(pages)} pages with a URL of their own, not in trafilatura's set, in {folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
