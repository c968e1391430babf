"""The benchmark page sets on disk: where they are, their pages and truth, and their split."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import htmldate_pages, newspaper4k_pages, trafilatura_pages
from extractor.errors import ConfigError

__all__ = [
    "DATA_ENV",
    "HELD_OUT",
    "KNOWN_SETS",
    "PAGE_SETS",
    "READABILITY_URL",
    "SPLITS",
    "Page",
    "benchmarks_dir",
    "decode",
    "load_pages",
    "read_jsonl",
    "select",
    "split_of",
]

DATA_ENV = "EXTRACTOR_BENCHMARKS"
PAGE_SETS = ("zyte", "readability")
# Sets with no body truth of their own, read only when asked for (teaser labels name them).
KNOWN_SETS = (
    *PAGE_SETS,
    "newspaper4k",
    "trafilatura",
    "trafilatura2",
    "trafilatura3",
    "htmldate",
)
SPLITS = ("dev", "held-out", "all")
HELD_OUT = "held-out"
# Mozilla Readability's own test harness serves every test page under this URI; the pages have no
# URL of their own, and every tool gets the same one so none of them gains from it.
READABILITY_URL = "http://fakehost/test/page.html"
REPO = Path(__file__).resolve().parents[1]
NEWSPAPER4K_TRUTH = REPO / "bench" / "labels" / "bodies-6.jsonl"
TRAFILATURA_TRUTH = REPO / "bench" / "labels" / "bodies-7.jsonl"
TRAFILATURA2_TRUTH = REPO / "bench" / "labels" / "bodies-8.jsonl"
TRAFILATURA3_TRUTH = REPO / "bench" / "labels" / "bodies-9.jsonl"
HTMLDATE_TRUTH = REPO / "bench" / "labels" / "bodies-10.jsonl"
_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""")


@dataclass(frozen=True, slots=True)
class Page:
    """One benchmark page: its key (``zyte/<id>``, ``readability/<name>``), HTML file and truth."""

    key: str
    page_set: str
    url: str
    path: Path
    body: str
    title: str | None = None
    byline: str | None = None
    published: str | None = None

    @property
    def name(self) -> str:
        return self.key.split("/", 1)[1]

    @property
    def split(self) -> str:
        return split_of(self.key)

    def html_bytes(self) -> bytes:
        data = self.path.read_bytes()
        return gzip.decompress(data) if self.path.suffix == ".gz" else data

    def html(self) -> str:
        return decode(self.html_bytes())


def split_of(key: str) -> str:
    """``held-out`` for a quarter of the pages, ``dev`` for the rest, by the SHA-1 of the key.

    The hash of the key alone decides, so adding or removing pages never moves another page.
    """
    digest = int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16)
    return HELD_OUT if digest % 4 == 0 else "dev"


def decode(data: bytes) -> str:
    """HTML bytes as text, the same text for every tool: UTF-8, else the declared charset."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    match = _CHARSET.search(data[:4096])
    if match:
        try:
            return data.decode(match.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    return data.decode("cp1252", errors="replace")


def benchmarks_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The folder holding ``zyte-articles/`` and ``readability-pages/``.

    A flag beats the ``EXTRACTOR_BENCHMARKS`` variable, which beats ``../shared/benchmarks``
    beside the repository.
    """
    chosen = override or os.environ.get(DATA_ENV) or REPO.parent / "shared" / "benchmarks"
    root = Path(chosen)
    if not root.is_dir():
        raise ConfigError(
            f"benchmark pages not found at {root}: pass --data DIR or set {DATA_ENV} to the folder "
            "that holds zyte-articles/ and readability-pages/",
            kind="missing",
        )
    return root


def _read_json(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return json.load(handle)
    except FileNotFoundError as exc:
        raise ConfigError(f"benchmark file missing: {path}", kind="missing") from exc


def _zyte_pages(root: Path) -> list[Page]:
    folder = root / "zyte-articles"
    truth: dict[str, dict[str, Any]] = _read_json(folder / "ground-truth.json")
    pages = []
    for name in sorted(truth):
        path = folder / "html" / f"{name}.html.gz"
        if not path.is_file():
            raise ConfigError(f"page of the ground truth missing: {path}", kind="missing")
        pages.append(
            Page(
                key=f"zyte/{name}",
                page_set="zyte",
                url=truth[name]["url"],
                path=path,
                body=truth[name]["articleBody"],
            )
        )
    return pages


def _readability_pages(root: Path) -> list[Page]:
    folder = root / "readability-pages"
    # ground-truth.json holds the text of each expected.html, whitespace collapsed: the body truth.
    truth: dict[str, dict[str, Any]] = _read_json(folder / "ground-truth.json")
    pages = []
    for name in sorted(truth):
        page_dir = folder / name
        meta: dict[str, Any] = _read_json(page_dir / "expected-metadata.json")
        pages.append(
            Page(
                key=f"readability/{name}",
                page_set="readability",
                url=READABILITY_URL,
                path=page_dir / "source.html.gz",
                body=truth[name]["articleBody"],
                title=meta.get("title") or None,
                byline=meta.get("byline") or None,
                published=meta.get("publishedTime") or None,
            )
        )
    return pages


def _labelled_pages(
    page_set: str, found: Iterable[tuple[str, str, Path]], truth_file: Path
) -> list[Page]:
    # Pages from another project's sdist, their truth from this project's blind labels.
    truth = {label["page"]: label for label in read_jsonl(truth_file, "body labels")}
    pages = []
    for name, url, path in found:
        key = f"{page_set}/{name}"
        label = truth.get(key, {})
        pages.append(
            Page(
                key=key,
                page_set=page_set,
                url=url,
                path=path,
                body=label.get("body") or "",
                title=label.get("headline") or None,
                byline=label.get("byline") or None,
                published=label.get("published") or None,
            )
        )
    return pages


def _newspaper4k_pages(root: Path) -> list[Page]:
    # Not under ``root``: see bench.newspaper4k_pages (bench/labels/bodies-6.jsonl is the truth).
    found = newspaper4k_pages.article_pages(newspaper4k_pages.data_dir())
    return _labelled_pages("newspaper4k", found, NEWSPAPER4K_TRUTH)


def _trafilatura_pages(root: Path) -> list[Page]:
    # Not under ``root``: see bench.trafilatura_pages; the first labelled third of its pages.
    return _trafilatura_third("trafilatura", 0, TRAFILATURA_TRUTH)


def _trafilatura2_pages(root: Path) -> list[Page]:
    # The second third, labelled after development had examined the first.
    return _trafilatura_third("trafilatura2", 1, TRAFILATURA2_TRUTH)


def _trafilatura3_pages(root: Path) -> list[Page]:
    # The last third, labelled while development examined the first two.
    return _trafilatura_third("trafilatura3", 2, TRAFILATURA3_TRUTH)


def _trafilatura_third(page_set: str, third: int, truth: Path) -> list[Page]:
    found = trafilatura_pages.web_pages(trafilatura_pages.data_dir())
    return _labelled_pages(page_set, trafilatura_pages.labelled(found, third), truth)


def _htmldate_pages(root: Path) -> list[Page]:
    # Not under ``root``: see bench.htmldate_pages; labelled after the trafilatura sets.
    found = htmldate_pages.web_pages(htmldate_pages.data_dir(), trafilatura_pages.data_dir())
    return _labelled_pages("htmldate", found, HTMLDATE_TRUTH)


def read_jsonl(path: Path, what: str = "benchmark file") -> list[dict[str, Any]]:
    """The objects of a JSON-lines file, one per non-blank line; a missing file is a ConfigError."""
    try:
        with path.open(encoding="utf-8") as handle:
            return [json.loads(line) for line in handle if line.strip()]
    except FileNotFoundError as exc:
        raise ConfigError(f"{what} not found at {path}", kind="missing") from exc


def load_pages(root: Path, page_sets: Sequence[str] = PAGE_SETS) -> list[Page]:
    """Every page of the named sets, in set order, then sorted by key."""
    loaders = {
        "zyte": _zyte_pages,
        "readability": _readability_pages,
        "newspaper4k": _newspaper4k_pages,
        "trafilatura": _trafilatura_pages,
        "trafilatura2": _trafilatura2_pages,
        "trafilatura3": _trafilatura3_pages,
        "htmldate": _htmldate_pages,
    }
    pages: list[Page] = []
    for page_set in page_sets:
        if page_set not in loaders:
            raise ConfigError(f"unknown page set {page_set!r}; known: {', '.join(KNOWN_SETS)}")
        pages.extend(loaders[page_set](root))
    return pages


def select(pages: Iterable[Page], split: str = "all", limit: int | None = None) -> list[Page]:
    """The pages of one split, at most ``limit`` of each page set (the first by key)."""
    if split not in SPLITS:
        raise ConfigError(f"unknown split {split!r}; known: {', '.join(SPLITS)}")
    chosen = [page for page in pages if split == "all" or page.split == split]
    if limit is None:
        return chosen
    kept: list[Page] = []
    per_set: dict[str, int] = {}
    for page in chosen:
        if per_set.get(page.page_set, 0) < limit:
            kept.append(page)
            per_set[page.page_set] = per_set.get(page.page_set, 0) + 1
    return kept
