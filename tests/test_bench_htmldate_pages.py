"""The htmldate test-page set: which pages count, what trafilatura's set has already, truth."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import pages as bench_pages
from bench.htmldate_pages import DIR_ENV, web_pages
from bench.trafilatura_pages import DIR_ENV as TRAFILATURA_DIR_ENV


def _page(folder: Path, name: str, url: str | None, body: str) -> None:
    head = f'<link rel="canonical" href="{url}">' if url else ""
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    (folder / f"{name}.html").write_text(html, encoding="utf-8")


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    own, others = tmp_path / "htmldate", tmp_path / "trafilatura"
    own.mkdir()
    others.mkdir()
    _page(own, "a.example.own", "https://a.example/1", "<p>one</p>")
    _page(own, "b.example.same-bytes", None, "<p>shared</p>")
    _page(others, "b.example.kept-there", None, "<p>shared</p>")
    _page(own, "c.example.same-url", "https://c.example/3", "<p>a later copy</p>")
    _page(others, "c.example.there", "https://c.example/3", "<p>an earlier copy</p>")
    _page(own, "d.example.no-host", "https://.tramino.de", "<p>four</p>")
    _page(own, "e.example.copy", "https://a.example/1", "<p>one</p>")
    _page(own, "f.example.og", None, "<p>six</p>")
    og = '<meta property="og:url" content="https://f.example/6">'
    (own / "f.example.og.html").write_text(f"<html><head>{og}</head></html>", encoding="utf-8")
    return own, others


def test_only_pages_of_their_own_url_and_not_in_the_other_set_count(
    folders: tuple[Path, Path],
) -> None:
    found = web_pages(*folders)
    assert [(name, url) for name, url, _ in found] == [
        ("a.example.own", "https://a.example/1"),
        ("f.example.og", "https://f.example/6"),
    ]


def test_the_set_loads_its_pages_with_their_truth(
    folders: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    truth = tmp_path / "bodies.jsonl"
    label = {"page": "htmldate/f.example.og", "body": "six", "headline": "H", "published": "2019"}
    truth.write_text(json.dumps(label) + "\n", encoding="utf-8")
    monkeypatch.setenv(DIR_ENV, str(folders[0]))
    monkeypatch.setenv(TRAFILATURA_DIR_ENV, str(folders[1]))
    monkeypatch.setattr(bench_pages, "HTMLDATE_TRUTH", truth)
    loaded = bench_pages.load_pages(tmp_path, ["htmldate"])
    assert [(page.key, page.body) for page in loaded] == [
        ("htmldate/a.example.own", ""),
        ("htmldate/f.example.og", "six"),
    ]
    assert (loaded[1].title, loaded[1].published, loaded[1].url) == (
        "H",
        "2019",
        "https://f.example/6",
    )
