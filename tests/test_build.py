"""The build (setup.py): when it compiles extractor/parse with mypyc, and when it stays pure."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _setup_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("extractor_setup", ROOT / "setup.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # not "__main__": defines the helpers, builds nothing
    return module


def test_pure_python_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXTRACTOR_PURE_PYTHON", "1")
    monkeypatch.setattr(sys, "argv", ["setup.py", "bdist_wheel"])
    assert _setup_module()._pure_reason() == "EXTRACTOR_PURE_PYTHON=1"


def test_an_editable_install_stays_pure(monkeypatch: pytest.MonkeyPatch) -> None:
    # What setuptools.build_meta passes for `pip install -e .` (PEP 660).
    monkeypatch.delenv("EXTRACTOR_PURE_PYTHON", raising=False)
    monkeypatch.setattr(sys, "argv", ["setup.py", "editable_wheel", "--dist-dir", "/tmp/x"])
    reason = _setup_module()._pure_reason()
    assert reason is not None and "editable" in reason


@pytest.mark.skipif(shutil.which("cc") is None, reason="no C compiler on this machine")
def test_a_wheel_compiles_where_a_compiler_works(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EXTRACTOR_PURE_PYTHON", raising=False)
    monkeypatch.setattr(sys, "argv", ["setup.py", "bdist_wheel"])
    assert _setup_module()._pure_reason() is None


def test_no_working_compiler_means_pure(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EXTRACTOR_PURE_PYTHON", raising=False)
    monkeypatch.setenv("CC", "/nonexistent/cc")
    monkeypatch.setattr(sys, "argv", ["setup.py", "bdist_wheel"])
    assert _setup_module()._pure_reason() == "no working C compiler"


def test_metadata_steps_compile_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EXTRACTOR_PURE_PYTHON", raising=False)
    for command in ("egg_info", "dist_info", "sdist"):
        monkeypatch.setattr(sys, "argv", ["setup.py", command])
        assert _setup_module()._ext_modules() == []


def test_no_compiled_module_in_the_checkout_is_older_than_its_source() -> None:
    # Python imports a module's .so before its .py: a module compiled in place (mypyc run by
    # hand) and edited since would run its old code in every test.
    stale = [
        str(so.relative_to(ROOT))
        for so in (ROOT / "extractor").rglob("*.so")
        if (source := so.with_name(so.name.split(".")[0] + ".py")).exists()
        and source.stat().st_mtime > so.stat().st_mtime
    ]
    assert stale == [], f"stale compiled modules shadow their edited sources: {stale}"
