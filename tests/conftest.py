"""Shared fixtures: the MS Buddy fixture site served on loopback."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SITE_ROOT = FIXTURES / "site"


def load_script(name: str, path: Path) -> ModuleType:
    # fixtures/ is not a package (it also holds data), so its scripts load by path.
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


fixture_serve = load_script("fixture_serve", FIXTURES / "serve.py")


@pytest.fixture(scope="session")
def site_server() -> Iterator[str]:
    """Base URL (no trailing slash) of fixtures/site served read-only for the whole session."""
    with fixture_serve.serve(SITE_ROOT) as base:
        yield base


@pytest.fixture
def site_copy(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """(base URL, root) of a writable copy of the site, served on its own port for one test."""
    root = tmp_path / "site"
    shutil.copytree(SITE_ROOT, root, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    with fixture_serve.serve(root) as base:
        yield base, root
