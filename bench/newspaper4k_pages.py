"""The real article pages newspaper4k's source distribution keeps for its tests: a third page set.

Pages the project had never seen: the blind teaser labels of ``bench/labels/fresh-6.jsonl`` and
the blind body, headline, byline and date labels of ``bench/labels/bodies-6.jsonl`` describe them.
They come from the package registry (``pip download``), never from the open web:
``python -m bench.newspaper4k_pages`` (``make bench-pages``) fetches the sdist once into
``bench/.cache``. Only article pages count: a page with newspaper4k's expected text and a URL of
its own (its metadata's, else the page's canonical link); of byte-identical copies the first name
is kept. newspaper4k's own expected texts and metadata are its regression snapshots, not a truth,
and are never scored against (newspaper4k was tuned on these pages: its scores here flatter it).
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

from bench.sdist_pages import CACHE, canonical_url, fetch_sdist, pages_dir

__all__ = ["DIR_ENV", "VERSION", "article_pages", "data_dir", "fetch"]

VERSION = "0.9.6"
DIR_ENV = "EXTRACTOR_NEWSPAPER4K_PAGES"
_DATA = Path(f"newspaper4k-{VERSION}") / "tests" / "data"


def data_dir() -> Path:
    """The sdist's ``tests/data`` folder: ``$EXTRACTOR_NEWSPAPER4K_PAGES``, else the bench cache."""
    return pages_dir(
        DIR_ENV,
        CACHE / _DATA,
        "newspaper4k's test pages",
        inner="html",
        holds="a folder holding html/, txt/ and metadata/",
    )


def _own_url(folder: Path, name: str, html: bytes) -> str | None:
    meta = folder / "metadata" / f"{name}.json"
    if meta.is_file():
        url = json.loads(meta.read_text(encoding="utf-8")).get("url")
        if isinstance(url, str) and url.startswith("http"):
            return url
    return canonical_url(html)


def article_pages(folder: Path) -> list[tuple[str, str, Path]]:
    """(name, url, html path) of every article page, sorted by name."""
    pages: list[tuple[str, str, Path]] = []
    seen: set[str] = set()
    for path in sorted((folder / "html").glob("*.html")):
        name = path.name.removesuffix(".html")
        data = path.read_bytes()
        digest = hashlib.sha1(data).hexdigest()
        if not (folder / "txt" / f"{name}.txt").is_file() or digest in seen:
            continue
        url = _own_url(folder, name, data)
        if url is None:
            continue
        seen.add(digest)
        pages.append((name, url, path))
    return pages


def fetch(cache: Path = CACHE) -> Path:
    """Download newspaper4k's sdist from the package index and unpack its test data."""
    return fetch_sdist("newspaper4k", VERSION, _DATA, cache)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.newspaper4k_pages", description=__doc__)
    parser.parse_args(argv)
    folder = fetch()
    print(f"{len(article_pages(folder))} article pages in {folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
