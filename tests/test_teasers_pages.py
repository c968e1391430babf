"""Teasers of the regression pages against their hand-made labels (fixtures/teasers/)."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.pages import READABILITY_URL  # noqa: E402
from bench.teasers import date_consistent, match_teasers, same_label  # noqa: E402
from bench.tools import NOW  # noqa: E402
from extractor.pipeline import extract  # noqa: E402

FIXTURES = ROOT / "fixtures"
LABELS = [
    json.loads(line)
    for line in (FIXTURES / "teasers" / "labels.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]
# Per page: at least this many labelled teasers found, at most this many found that are not
# labelled (set when the test was added; raise the floors as the extractor improves).
FLOORS = {
    "readability/breitbart": (10, 0),
    "readability/ebb-org": (0, 0),
    "readability/folha": (8, 0),
    "zyte/05844573ca7e1fba": (6, 0),
    "zyte/0e014df693f18282": (5, 0),
    "zyte/16c30add7e96315e": (17, 0),
    "zyte/1f765c48780665e8": (10, 2),
    "zyte/232a43fb15abde80": (23, 8),
}


def _floor(page: str) -> tuple[int, int]:
    return next(value for key, value in FLOORS.items() if page.startswith(key))


@pytest.mark.parametrize("label", LABELS, ids=[label["page"][:30] for label in LABELS])
def test_teasers_of_a_labelled_page(label: dict[str, Any]) -> None:
    html = gzip.decompress((FIXTURES / "pages" / label["fixture"]).read_bytes())
    url = label["url"] or READABILITY_URL
    found = extract(html, url, now=NOW).teasers
    pairs = match_teasers(label["teasers"], found, url)
    least, extra = _floor(label["page"])
    assert len(pairs) >= least
    assert len(found) - len(pairs) <= extra
    for i, j in pairs:
        expected, teaser = label["teasers"][i], found[j]
        assert date_consistent(expected["date"], expected["date_iso"], teaser.date, NOW), expected
        assert same_label(expected["block"], teaser.block), (expected["block"], teaser.block)
