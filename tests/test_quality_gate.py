"""CI quality gate: extractor's body F1 on the pages pinned in fixtures/quality/ stays up.

The floor in fixtures/quality/floor.json only ever goes up (``python -m bench.gate_fixture
raise-floor``); the second test fails when it is lower than any value committed before.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    # bench/ is a top-level folder of the repository, not part of the installed package.
    sys.path.insert(0, str(ROOT))

from bench.gate_fixture import FIXTURE, load_gate_pages  # noqa: E402
from bench.metrics import body_counts, body_score  # noqa: E402
from bench.pages import split_of  # noqa: E402
from bench.tools import NOW  # noqa: E402
from extractor.pipeline import extract  # noqa: E402

FLOOR_PATH = FIXTURE / "floor.json"
SCHEMA = json.loads((ROOT / "extractor" / "schema" / "article.schema.json").read_text("utf-8"))


def _floor(text: str) -> float:
    value: Any = json.loads(text)["body_f1"]
    assert isinstance(value, float | int)
    return float(value)


def test_body_f1_on_pinned_pages_stays_above_the_floor() -> None:
    pages = load_gate_pages()
    assert len(pages) == 12
    counts = {}
    for page in pages:
        record = extract(page.html(), page.url, now=NOW)
        jsonschema.validate(record.to_dict(), SCHEMA)
        counts[page.key] = body_counts(page.body, record.text)
    score = body_score(counts.values())
    assert score is not None
    floor = _floor(FLOOR_PATH.read_text("utf-8"))
    worst = sorted(counts.items(), key=lambda item: item[1].f1)[:4]
    detail = ", ".join(f"{key} {page.f1:.3f}" for key, page in worst)
    assert score.f1 >= floor, f"body F1 {score.f1:.4f} is below the floor {floor}; worst: {detail}"


def test_pinned_pages_are_dev_pages_with_their_licenses() -> None:
    # Held-out pages must stay unseen while the parser is tuned; the gate pins dev pages only.
    assert all(split_of(page.key) == "dev" for page in load_gate_pages())
    assert (FIXTURE / "LICENSE-zyte-articles").read_text("utf-8").startswith("MIT License")
    assert "Apache License" in (FIXTURE / "LICENSE-readability-pages").read_text("utf-8")


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True, timeout=30
    ).stdout


def test_floor_never_goes_down() -> None:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: the floor's history cannot be read")
    relative = FLOOR_PATH.relative_to(ROOT).as_posix()
    current = _floor(FLOOR_PATH.read_text("utf-8"))
    commits = _git("log", "--diff-filter=AM", "--format=%H", "--", relative).split()
    earlier = [_floor(_git("show", f"{commit}:{relative}")) for commit in commits]
    assert all(current >= value for value in earlier), (
        f"floor {current} is below a committed floor {max(earlier)}: floors only go up"
    )
