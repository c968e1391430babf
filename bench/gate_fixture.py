"""The CI quality gate's pinned pages: choosing and copying them, measuring them, raising the floor.

``python -m bench.gate_fixture copy`` copies the chosen pages and their truth into
``fixtures/quality/``; ``measure`` prints extractor's body F1 on them; ``raise-floor`` writes
``floor.json`` as the measured F1 less ``MARGIN``, but never lower than the floor already there.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.metrics import BodyCounts, BodyScore, body_counts, body_score, tokens
from bench.pages import REPO, Page, benchmarks_dir, decode, load_pages
from bench.report import write_json
from bench.tools import NOW
from extractor.errors import ConfigError

__all__ = [
    "FIXTURE",
    "GatePage",
    "MARGIN",
    "PER_SET",
    "choose",
    "load_gate_pages",
    "measure",
]

FIXTURE = REPO / "fixtures" / "quality"
PER_SET = {"zyte": 8, "readability": 4}
MIN_TOKENS = 200
MARGIN = 0.01
RULE = (
    "per page set, the first pages of the dev split in key order whose truth body has at least "
    f"{MIN_TOKENS} tokens: {PER_SET['zyte']} zyte, {PER_SET['readability']} readability"
)


def choose(pages: Sequence[Page]) -> list[Page]:
    """The gate's pages by RULE (the token minimum skips Readability's tiny synthetic tests)."""
    chosen: list[Page] = []
    for page_set, count in PER_SET.items():
        eligible = [
            page
            for page in pages
            if page.page_set == page_set
            and page.split == "dev"
            and len(tokens(page.body)) >= MIN_TOKENS
        ]
        chosen.extend(sorted(eligible, key=lambda page: page.key)[:count])
    return chosen


def copy(root: Path, target: Path = FIXTURE) -> list[Page]:
    """Copy the chosen pages (gzipped HTML as is), their truth and both licenses into ``target``."""
    chosen = choose(load_pages(root))
    pages_dir = target / "pages"
    if pages_dir.exists():
        shutil.rmtree(pages_dir)
    pages_dir.mkdir(parents=True)
    entries = []
    for page in chosen:
        file_name = f"{page.page_set}-{page.name}.html.gz"
        shutil.copyfile(page.path, pages_dir / file_name)
        entries.append(
            {
                "key": page.key,
                "url": page.url,
                "file": f"pages/{file_name}",
                "articleBody": page.body,
            }
        )
    shutil.copyfile(root / "zyte-articles" / "LICENSE", target / "LICENSE-zyte-articles")
    shutil.copyfile(root / "readability-pages" / "LICENSE", target / "LICENSE-readability-pages")
    write_json(target / "truth.json", {"rule": RULE, "pages": entries})
    return chosen


@dataclass(frozen=True, slots=True)
class GatePage:
    """A pinned page of the gate: key, URL, HTML file and truth body."""

    key: str
    url: str
    path: Path
    body: str

    def html(self) -> str:
        return decode(gzip.decompress(self.path.read_bytes()))


def load_gate_pages(fixture: Path = FIXTURE) -> list[GatePage]:
    """The pinned pages listed in ``truth.json``."""
    data: dict[str, Any] = json.loads((fixture / "truth.json").read_text("utf-8"))
    return [
        GatePage(
            key=item["key"], url=item["url"], path=fixture / item["file"], body=item["articleBody"]
        )
        for item in data["pages"]
    ]


def measure(fixture: Path = FIXTURE) -> tuple[BodyScore | None, dict[str, BodyCounts]]:
    """extractor's body score on the pinned pages, and each page's counts."""
    from extractor.pipeline import extract

    counts = {
        page.key: body_counts(page.body, extract(page.html(), page.url, now=NOW).text)
        for page in load_gate_pages(fixture)
    }
    return body_score(counts.values()), counts


def raise_floor(fixture: Path = FIXTURE) -> float:
    """Set the floor to the measured F1 less MARGIN, unless the floor already stands higher."""
    score, _ = measure(fixture)
    if score is None:
        raise ConfigError(f"no pinned pages in {fixture}", kind="missing")
    path = fixture / "floor.json"
    current = json.loads(path.read_text("utf-8"))["body_f1"] if path.exists() else 0.0
    floor = max(current, round(score.f1 - MARGIN, 3))
    write_json(
        path,
        {
            "body_f1": floor,
            "measured_body_f1": round(score.f1, 4),
            "note": "Only ever raise this floor (python -m bench.gate_fixture raise-floor); "
            "tests/test_quality_gate.py fails if it is lower than any committed value.",
        },
    )
    return floor


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.gate_fixture", description=__doc__)
    parser.add_argument("action", choices=["copy", "measure", "raise-floor"])
    parser.add_argument("--data", default=None, help="folder with the page sets (for copy)")
    args = parser.parse_args(argv)
    try:
        if args.action == "copy":
            chosen = copy(benchmarks_dir(args.data))
            print("\n".join(page.key for page in chosen))
        elif args.action == "measure":
            score, counts = measure()
            for key, page in counts.items():
                print(f"{page.f1:.3f}  {key}")
            print(f"body F1 {score.f1:.4f}" if score else "no pages")
        else:
            print(f"floor {raise_floor():.3f}")
    except ConfigError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
