"""Plain-text tables for the benchmark reports, and the number formats they share."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

__all__ = ["fmt", "render", "write_json"]


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
