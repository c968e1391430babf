"""Build: the page parser (extractor/parse) compiled to C with mypyc, else pure Python.

A regular install (`pip install .`, a wheel) compiles extractor/parse/*.py with mypyc when a C
compiler works; the compiled modules give the same records (checked on every bench page) about
15 % faster. Pure Python is built instead, with a note on stderr, when:

- the install is editable (`pip install -e .`, what `make install` and `make test` do): modules
  compiled beside their sources would shadow every later edit of a .py file;
- EXTRACTOR_PURE_PYTHON=1 is set;
- no C compiler works (probed with a one-line C file).

Everything else about the package is in pyproject.toml.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from setuptools import setup

HERE = Path(__file__).resolve().parent


# The setup.py commands that build modules; pip's metadata steps (egg_info, dist_info) need no C.
_BUILDS = {"bdist_wheel", "build", "build_ext", "install"}


def _pure_reason() -> str | None:
    """Why this build stays pure Python, or None to compile."""
    if os.environ.get("EXTRACTOR_PURE_PYTHON") == "1":
        return "EXTRACTOR_PURE_PYTHON=1"
    # setuptools.build_meta runs this file with the command it builds for (PEP 660 editables).
    if "editable_wheel" in sys.argv or "develop" in sys.argv:
        return "an editable install (compiled modules would shadow edited sources)"
    if not _compiler_works():
        return "no working C compiler"
    return None


def _compiler_works() -> bool:
    """Whether the C compiler Python's build uses can compile a trivial file."""
    from setuptools._distutils.ccompiler import new_compiler
    from setuptools._distutils.sysconfig import customize_compiler

    compiler = new_compiler()
    customize_compiler(compiler)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp, "probe.c")
        source.write_text("int main(void) { return 0; }\n")
        try:
            compiler.compile([str(source)], output_dir=tmp)
        # Whatever stops a one-line file compiling (distutils' errors come as two classes,
        # from setuptools._distutils and from the "distutils" it may alias) stops the build too.
        except Exception:
            return False
    return True


def _ext_modules() -> list[object]:
    if not _BUILDS.intersection(sys.argv[1:]) and "editable_wheel" not in sys.argv:
        return []
    # pip builds a local directory in place, and setuptools packs whatever build/lib holds: an
    # earlier build's compiled modules would ship in this wheel, even in a pure one.
    shutil.rmtree(HERE / "build", ignore_errors=True)
    reason = _pure_reason()
    if reason is not None:
        print(f"extractor: building pure Python ({reason})", file=sys.stderr)
        return []
    from mypyc.build import mypycify

    os.chdir(HERE)  # mypyc reads pyproject's [tool.mypy] and the sources relative to here
    modules = sorted(str(p.relative_to(HERE)) for p in (HERE / "extractor" / "parse").glob("*.py"))
    # The build's own environment lacks the typed dependencies that fetch/ and crawl/ lean on:
    # their errors there are the lint's business (it runs with them), not the compiler's.
    return list(
        mypycify(["--follow-imports=silent", *modules], opt_level="3", group_name="extractor")
    )


if __name__ == "__main__":  # as pip's backend and `python setup.py` run it; tests import it
    setup(ext_modules=_ext_modules())
