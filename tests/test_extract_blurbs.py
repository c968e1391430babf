"""`extractor extract` over many pages fills blurb_full: files, a WARC and loopback URLs."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from records import valid
from test_blurb_full import check_resolved, expected_full, records_of, settings

from extractor.cli import main
from extractor.config import FetchConfig
from extractor.crawl import crawl
from extractor.crawl.full_blurbs import TeaserBlurbs
from extractor.crawl.urls import canonicalize
from extractor.fetch import Fetcher
from extractor.models import ExtractorInfo, Record, Section, Site, Teaser
from extractor.pipeline import extract_sources_learned

SITE = Path(__file__).parent.parent / "fixtures" / "site"
ORIGIN = "http://msbuddy.test"


def extracted(capsys: pytest.CaptureFixture[str], *argv: str) -> list[dict[str, Any]]:
    assert main(["extract", *argv]) == 0
    return [valid(json.loads(line)) for line in capsys.readouterr().out.splitlines()]


def page(url: str, *, summary: str | None = None, teasers: tuple[Teaser, ...] = ()) -> Record:
    return Record(
        url=url,
        site=Site("news.test"),
        extractor=ExtractorInfo("0"),
        content_hash="sha256:" + "0" * 64,
        summary=summary,
        sections=(Section(None, None, ("Opening paragraph of the story, in full.",)),),
        teasers=teasers,
    )


# ---------------------------------------------------------------------------- the two passes

CUT = Teaser("/b", blurb="Opening paragraph of the…", truncated=True)
WHOLE = Teaser("/b", blurb="Opening paragraph.", truncated=False)


def two_passes(records: list[Record]) -> tuple[list[Record], TeaserBlurbs]:
    blurbs = TeaserBlurbs()
    for record in records:
        blurbs.offer(record)
        blurbs.want(record)
    out = []
    for record in records:
        blurbs.offer(record)
        out.append(blurbs.resolve(record))
    return out, blurbs


@pytest.mark.parametrize("target_first", [False, True])
def test_a_teaser_is_resolved_whether_its_target_comes_before_or_after_it(
    target_first: bool,
) -> None:
    teaser_page = page("http://news.test/a", teasers=(CUT, WHOLE))
    target = page("http://news.test/b", summary="The dek.")
    order = [target, teaser_page] if target_first else [teaser_page, target]
    out, _ = two_passes(order)
    resolved = next(r for r in out if r.url.endswith("/a"))
    assert resolved.teasers[0].blurb_full == "Opening paragraph of the story, in full."
    assert resolved.teasers[1].blurb_full is None  # not truncated: nothing to fill
    assert next(r for r in out if r.url.endswith("/b")) is order[order.index(target)]


def test_only_blurbs_and_their_matches_are_kept_never_page_texts() -> None:
    pages = [page(f"http://news.test/{i}", summary=f"Summary {i}") for i in range(50)]
    waiting = page("http://news.test/a", teasers=(CUT, replace(CUT, url="/elsewhere")))
    out, blurbs = two_passes([*pages, waiting, page("http://news.test/b")])
    assert out[50].teasers[0].blurb_full is not None
    assert out[50].teasers[1].blurb_full is None  # its target is not among the sources
    assert len(blurbs) == 2  # one match found, one blurb still waiting: none of the 52 pages


def test_a_target_is_found_by_its_canonical_url() -> None:
    teaser_page = page("file:///tmp/a.html", teasers=(replace(CUT, url="http://news.test/b"),))
    target = replace(page("file:///tmp/b.html"), canonical_url="http://news.test/b")
    out, _ = two_passes([teaser_page, target])
    assert out[0].teasers[0].blurb_full == "Opening paragraph of the story, in full."


# ---------------------------------------------------------------------------- sources


def saved_site(folder: Path) -> list[Path]:
    """The fixture site's pages as a browser saves them: links made absolute, each page
    naming its canonical URL (the site's pages do)."""
    paths = []
    for source in sorted(SITE.rglob("*.html")):
        html = source.read_text("utf-8").replace('href="/', f'href="{ORIGIN}/')
        path = folder / source.relative_to(SITE).as_posix().replace("/", "_")
        path.write_text(html, "utf-8")
        paths.append(path)
    return paths


def check_by_canonical(records: list[dict[str, Any]]) -> int:
    by_url = {canonicalize(r["canonical_url"] or ""): r for r in records}
    resolved = 0
    for record in records:
        for teaser in record["teasers"]:
            target = by_url.get(canonicalize(teaser["url"]))
            if not teaser["truncated"] or target is None:
                assert teaser["blurb_full"] is None, teaser
                continue
            assert teaser["blurb_full"] == expected_full(teaser, target), teaser
            resolved += 1
    return resolved


@pytest.mark.parametrize("reverse", [False, True])
def test_extract_over_saved_files_fills_blurb_full(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], reverse: bool
) -> None:
    paths = saved_site(tmp_path)
    names = [str(p) for p in (reversed(paths) if reverse else paths)]
    records = extracted(capsys, *names)
    assert len(records) == len(paths)
    assert check_by_canonical(records) >= 40


def test_no_site_learning_reads_once_and_leaves_blurb_full_null(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = extracted(capsys, *map(str, saved_site(tmp_path)), "--no-site-learning")
    assert all(t["blurb_full"] is None for r in records for t in r["teasers"])


def test_extract_over_a_crawls_warc_resolves_as_the_crawl_did(
    site_server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    crawl([site_server + "/"], out_dir=tmp_path, config=settings())
    crawled = {r["url"]: r for r in records_of(tmp_path)}
    warcs = sorted(str(p) for p in (tmp_path / "warc").glob("*.warc.gz"))
    assert warcs
    records = extracted(capsys, *warcs)
    assert {r["url"] for r in records} == set(crawled)
    assert check_resolved(records) >= 60
    for record in records:
        assert record["teasers"] == crawled[record["url"]]["teasers"]


def test_extract_over_loopback_urls_fills_blurb_full(site_server: str) -> None:
    paths = [p for p in sorted(SITE.rglob("*.html")) if p.parent.name != "private"]  # robots.txt
    urls = [f"{site_server}/{p.relative_to(SITE).with_suffix('').as_posix()}" for p in paths]
    urls = [u.removesuffix("/index") + "/" if u.endswith("/index") else u for u in urls]
    config = FetchConfig(min_delay=0.0, allow_private=True, per_host=4, max_tries=1, deadline=10)
    with Fetcher(config, seeds=urls) as fetcher:
        out = list(extract_sources_learned(urls[::-1], fetcher=fetcher))
    records = [r.to_dict() for r in out if isinstance(r, Record)]
    assert len(records) == len(out) == len(urls)
    assert check_resolved(records) >= 40
