"""The fixture site server: clean URLs, charsets, revalidation, 404s, robots.txt."""

from __future__ import annotations

import os
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import fixture_serve

SLUG = "vitamin-d-relapse-risk-a1b2c3"
SITE = Path(__file__).resolve().parents[1] / "fixtures" / "site"


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as err:
        with err:
            return err.code, dict(err.headers), err.read()


def test_article_clean_url_is_served_as_utf8_html(site_server: str) -> None:
    status, headers, body = get(f"{site_server}/news/view/{SLUG}")
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert body == (Path(__file__).parents[1] / f"fixtures/site/news/view/{SLUG}.html").read_bytes()
    assert headers["ETag"].startswith('"') and "GMT" in headers["Last-Modified"]


@pytest.mark.parametrize(("path", "needle"), [("/", b"<h1>MS Buddy</h1>"), ("/news/", b"Latest")])
def test_directory_paths_serve_their_index(site_server: str, path: str, needle: bytes) -> None:
    status, _, body = get(site_server + path)
    assert status == 200 and needle in body


@pytest.mark.parametrize(
    "path",
    [
        "/news/view/no-such-article",
        "/nothing.html",
        "/../serve.py",
        "/build.py",
        "/build.py/x",
        "/%2e%2e/serve.py",
    ],
)
def test_missing_or_outside_paths_are_404(site_server: str, path: str) -> None:
    assert get(site_server + path)[0] == 404


def test_etag_revalidation_gives_304(site_server: str) -> None:
    _, headers, _ = get(f"{site_server}/news/view/{SLUG}")
    status, again, body = get(f"{site_server}/news/view/{SLUG}", {"If-None-Match": headers["ETag"]})
    assert (status, body, again["ETag"]) == (304, b"", headers["ETag"])
    assert get(f"{site_server}/news/view/{SLUG}", {"If-None-Match": '"other"'})[0] == 200


def test_if_modified_since_gives_304_until_the_file_changes(site_copy: tuple[str, Path]) -> None:
    base, root = site_copy
    url = f"{base}/news/view/{SLUG}"
    _, headers, _ = get(url)
    since = headers["Last-Modified"]
    assert get(url, {"If-Modified-Since": since})[0] == 304
    page = root / "news" / "view" / f"{SLUG}.html"
    page.write_text(page.read_text(encoding="utf-8") + "<!-- edited -->\n", encoding="utf-8")
    later = time.time() + 10
    os.utime(page, (later, later))
    status, changed, body = get(url, {"If-Modified-Since": since, "If-None-Match": headers["ETag"]})
    assert status == 200 and body.endswith(b"<!-- edited -->\n")
    assert changed["ETag"] != headers["ETag"]


def test_robots_and_sitemap_name_the_live_server(site_server: str) -> None:
    status, headers, body = get(f"{site_server}/robots.txt")
    assert status == 200 and headers["Content-Type"] == "text/plain; charset=utf-8"
    text = body.decode("utf-8")
    assert "Disallow: /private/" in text
    assert f"Sitemap: {site_server}/sitemap.xml" in text
    _, _, sitemap = get(f"{site_server}/sitemap.xml")
    articles = len(list((SITE / "news" / "view").glob("*.html")))
    assert articles >= 10
    assert sitemap.count(f"<loc>{site_server}/news/view/".encode()) == articles
    assert b"<lastmod>" in sitemap and b"msbuddy.test" not in sitemap


def test_feed_names_the_live_server(site_server: str) -> None:
    status, headers, body = get(f"{site_server}/feed.xml")
    assert status == 200 and headers["Content-Type"] == "application/xml; charset=utf-8"
    assert body.count(f"<link>{site_server}/news/view/".encode()) >= 10


@pytest.mark.parametrize("path", ["/about", "/contact", "/privacy"])
def test_navigation_targets_exist(site_server: str, path: str) -> None:
    # A crawl that follows the menu and footer meets no dead links.
    assert get(site_server + path)[0] == 200


def test_request_log_names_every_answer(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<p>hi</p>", encoding="utf-8")
    log: list[tuple[str, str, int]] = []
    with fixture_serve.serve(tmp_path, log=log) as base:
        _, headers, _ = get(base + "/")
        get(base + "/", {"If-None-Match": headers["ETag"]})
        get(base + "/missing")
    assert log == [("GET", "/", 200), ("GET", "/", 304), ("GET", "/missing", 404)]


def test_private_page_exists_for_robots_tests(site_server: str) -> None:
    assert get(f"{site_server}/private/secret.html")[0] == 200


def test_serve_picks_a_free_port_and_stops(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<p>hi</p>", encoding="utf-8")
    with fixture_serve.serve(tmp_path) as first, fixture_serve.serve(tmp_path) as second:
        assert first != second
        assert get(first + "/")[2] == b"<p>hi</p>"
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(first + "/", timeout=2)


def test_many_requests_are_quick(site_server: str) -> None:
    start = time.perf_counter()
    for _ in range(50):
        assert get(f"{site_server}/news/view/{SLUG}")[0] == 200
    assert time.perf_counter() - start < 5
