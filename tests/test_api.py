"""The public API and the layering rules: parse stays pure and never imports fetching."""

from __future__ import annotations

import ast
import inspect
import sys
from pathlib import Path

import pytest

import extractor

PACKAGE = Path(extractor.__file__).parent


def test_public_api_is_exactly_all() -> None:
    public = set(dir(extractor))
    exported = set(extractor.__all__)
    assert exported <= public
    for name in ("extract", "fetch", "crawl", "Record", "Teaser", "ExtractorError"):
        assert name in exported


def test_errors_share_one_root() -> None:
    for name in extractor.__all__:
        obj = getattr(extractor, name)
        if isinstance(obj, type) and issubclass(obj, Exception):
            assert issubclass(obj, extractor.ExtractorError)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_parse_and_normalize_never_import_io_layers() -> None:
    forbidden = (
        "extractor.fetch",
        "extractor.crawl",
        "extractor.archive",
        "extractor.cli",
        "extractor.pipeline",
        "requests",
        "socket",
        "time",
    )
    modules = [*sorted((PACKAGE / "parse").glob("*.py")), PACKAGE / "normalize.py"]
    for module in modules:
        bad = {name for name in _imports(module) if name.startswith(forbidden)}
        assert not bad, f"{module.name} imports {bad}"


def test_crawl_and_fetch_stay_functions_after_their_packages_are_imported(
    tmp_path: Path,
) -> None:
    import extractor.crawl
    import extractor.fetch  # noqa: F401

    crawl_package = sys.modules["extractor.crawl"]
    assert inspect.isfunction(extractor.crawl) and inspect.isfunction(extractor.fetch)
    # A job config alone (no seeds argument) reaches the crawl, which names what is missing.
    with pytest.raises(extractor.ConfigError, match="seed"):
        extractor.crawl(config=crawl_package.CrawlConfig(out_dir=str(tmp_path)))
