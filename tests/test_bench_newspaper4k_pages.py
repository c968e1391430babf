"""The newspaper4k test-page set: which pages count as articles, their URLs and their split."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.newspaper4k_pages import DIR_ENV, article_pages
from bench.pages import load_pages


def _page(folder: Path, name: str, html: str, *, text: bool = True, url: str | None = None) -> None:
    (folder / "html" / f"{name}.html").write_text(html, encoding="utf-8")
    if text:
        (folder / "txt" / f"{name}.txt").write_text("expected text", encoding="utf-8")
    if url is not None:
        meta = {"url": url, "title": name}
        (folder / "metadata" / f"{name}.json").write_text(json.dumps(meta), encoding="utf-8")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for sub in ("html", "txt", "metadata"):
        (tmp_path / sub).mkdir()
    canonical = '<html><head><link rel="canonical" href="https://b.example/story"></head></html>'
    _page(tmp_path, "a_story", "<html><body><p>A</p></body></html>", url="https://a.example/1")
    _page(tmp_path, "b_canonical", canonical)
    _page(tmp_path, "c_copy", "<html><body><p>A</p></body></html>", url="https://a.example/1")
    _page(tmp_path, "d_front", "<html><body><p>front</p></body></html>", text=False)
    _page(tmp_path, "e_no_url", "<html><body><p>E</p></body></html>")
    return tmp_path


def test_articles_have_text_and_url_and_copies_count_once(folder: Path) -> None:
    pages = article_pages(folder)
    assert [(name, url) for name, url, _ in pages] == [
        ("a_story", "https://a.example/1"),
        ("b_canonical", "https://b.example/story"),
    ]


def test_pages_load_as_a_set_from_the_folder_in_the_variable(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DIR_ENV, str(folder))
    pages = load_pages(folder, ["newspaper4k"])
    assert [page.key for page in pages] == ["newspaper4k/a_story", "newspaper4k/b_canonical"]
    assert pages[0].html() == "<html><body><p>A</p></body></html>"
    assert pages[0].split in ("dev", "held-out")
