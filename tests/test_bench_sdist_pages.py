"""Page sets kept in other projects' sdists: where their folders are, what a missing one says."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bench import htmldate_pages, newspaper4k_pages, trafilatura_pages
from extractor.errors import ConfigError

SETS = [
    (newspaper4k_pages.DIR_ENV, newspaper4k_pages.data_dir, "html"),
    (trafilatura_pages.DIR_ENV, trafilatura_pages.data_dir, ""),
    (htmldate_pages.DIR_ENV, htmldate_pages.data_dir, ""),
]


@pytest.mark.parametrize(("env", "data_dir", "inner"), SETS)
def test_a_missing_folder_says_how_to_fetch_it(
    env: str,
    data_dir: Callable[[], Path],
    inner: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(env, str(tmp_path / "nowhere"))
    with pytest.raises(ConfigError, match="make bench-pages"):
        data_dir()
    # The folder named by the variable is the set's, once it holds what the set reads.
    (tmp_path / "here" / inner).mkdir(parents=True)
    monkeypatch.setenv(env, str(tmp_path / "here"))
    assert data_dir() == tmp_path / "here"
