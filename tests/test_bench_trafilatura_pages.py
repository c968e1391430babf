"""The trafilatura test-page set: which pages count, the labelled third, their truth and split."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import pages as bench_pages
from bench.trafilatura_pages import DIR_ENV, labelled, web_pages


def _page(folder: Path, name: str, url: str | None, body: str = "<p>text</p>") -> None:
    head = f'<link rel="canonical" href="{url}">' if url else ""
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    (folder / f"{name}.html").write_text(html, encoding="utf-8")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    pages = tmp_path / "cache"
    pages.mkdir()
    _page(pages, "a.example.one", "https://a.example/1", "<p>one</p>")
    _page(pages, "b.example.copy", "https://a.example/1", "<p>one</p>")
    _page(pages, "c.example.no-url", None)
    _page(pages, "d.example.og", None, "<p>four</p>")
    og = '<meta property="og:url" content="https://d.example/4">'
    (pages / "d.example.og.html").write_text(f"<html><head>{og}</head></html>", encoding="utf-8")
    _page(pages, "e.example.relative", "/relative/only")
    for index in range(5):
        _page(pages, f"f{index}.example.more", f"https://f.example/{index}", f"<p>{index}</p>")
    return pages


def test_pages_with_an_own_url_count_and_copies_count_once(folder: Path) -> None:
    found = web_pages(folder)
    assert [(name, url) for name, url, _ in found[:2]] == [
        ("a.example.one", "https://a.example/1"),
        ("d.example.og", "https://d.example/4"),
    ]
    assert len(found) == 7


def test_every_third_page_by_name_makes_a_labelled_set(folder: Path) -> None:
    chosen = [name for name, _, _ in labelled(web_pages(folder))]
    second = [name for name, _, _ in labelled(web_pages(folder), 1)]
    assert chosen == ["a.example.one", "f1.example.more", "f4.example.more"]
    assert second == ["d.example.og", "f2.example.more"]
    assert [name for name, _, _ in labelled(web_pages(folder), 2)] == [
        "f0.example.more",
        "f3.example.more",
    ]


def test_the_set_loads_the_labelled_pages_with_their_truth(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    truth = tmp_path / "bodies.jsonl"
    label = {"page": "trafilatura/f1.example.more", "body": "1", "headline": "H", "byline": None}
    truth.write_text(json.dumps(label) + "\n", encoding="utf-8")
    monkeypatch.setenv(DIR_ENV, str(folder))
    monkeypatch.setattr(bench_pages, "TRAFILATURA_TRUTH", truth)
    loaded = bench_pages.load_pages(tmp_path, ["trafilatura"])
    assert [page.key for page in loaded] == [
        "trafilatura/a.example.one",
        "trafilatura/f1.example.more",
        "trafilatura/f4.example.more",
    ]
    assert (loaded[1].body, loaded[1].title, loaded[1].byline) == ("1", "H", None)
    assert loaded[0].body == "" and loaded[1].url == "https://f.example/1"


def test_the_second_set_loads_the_second_third_under_its_own_name(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    truth = tmp_path / "bodies.jsonl"
    truth.write_text(json.dumps({"page": "trafilatura2/d.example.og", "body": "4"}) + "\n")
    monkeypatch.setenv(DIR_ENV, str(folder))
    monkeypatch.setattr(bench_pages, "TRAFILATURA2_TRUTH", truth)
    loaded = bench_pages.load_pages(tmp_path, ["trafilatura2"])
    assert [(page.key, page.body) for page in loaded] == [
        ("trafilatura2/d.example.og", "4"),
        ("trafilatura2/f2.example.more", ""),
    ]
