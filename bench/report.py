"""How the benchmarks report: plain-text tables, number formats, JSON files and their provenance."""

from __future__ import annotations

import json
import platform
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

__all__ = ["fmt", "provenance", "render", "write_json", "write_report"]

REPO = Path(__file__).resolve().parents[1]


def fmt(value: float | int | str | None, digits: int = 3) -> str:
    """A cell: a dash for a missing value, floats to ``digits`` places."""
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def render(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A fixed-width table: words left-aligned, numbers (and dashes) right-aligned."""
    widths = [len(header) for header in headers]
    for row in rows:
        widths = [max(width, len(cell)) for width, cell in zip(widths, row, strict=True)]

    def line(cells: Sequence[str]) -> str:
        parts = []
        for index, (cell, width) in enumerate(zip(cells, widths, strict=True)):
            numeric = index > 0 and cell[:1] in "0123456789–-."
            parts.append(cell.rjust(width) if numeric else cell.ljust(width))
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([line(headers), rule, *(line(row) for row in rows)])


def write_json(path: Path, data: dict[str, Any]) -> None:
    """Write a report as indented UTF-8 JSON, creating its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def write_report(
    path: Path,
    benchmark: str,
    argv: Sequence[str] | None,
    data: Path,
    fields: dict[str, Any],
    origin: dict[str, Any] | None = None,
) -> None:
    """Write a benchmark's JSON report: what ran, on which data and commit, then its results."""
    report = {
        "benchmark": benchmark,
        "argv": list(sys.argv[1:] if argv is None else argv),
        "data": str(data),
        **(origin if origin is not None else provenance()),
        **fields,
    }
    write_json(path, report)
    print(f"wrote {path}", file=sys.stderr)


def provenance() -> dict[str, Any]:
    """Where a report's numbers come from: the commit measured (and whether the tree had edits)."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "HEAD"],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout.strip()
        dirty = bool(
            subprocess.run(
                ["git", "status", "--porcelain", "--untracked-files=no"],
                cwd=REPO,
                capture_output=True,
                text=True,
                timeout=10,
                check=True,
            ).stdout.strip()
        )
    except (OSError, subprocess.SubprocessError):
        commit, dirty = None, None
    return {
        "commit": commit,
        "dirty": dirty,
        "python": platform.python_version(),
        "machine": platform.platform(),
    }
