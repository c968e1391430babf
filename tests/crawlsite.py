"""A generated news site served on loopback, for crawl tests and the crawl benchmark.

Pages are made on the fly from their number (nothing on disk), so the same class serves 40
pages in a test and 10,000 in ``bench/crawl_scale.py``. What it has, and where each article
can be found, is what a crawl must handle:

- ``/robots.txt``: ``Disallow: /private/`` and a ``Sitemap:`` line pointing to a sitemap index;
- ``/sitemap.xml``: the index, listing gzipped child sitemaps (``/sitemaps/news-<k>.xml.gz``);
- ``/feed.xml``: an RSS feed; ``/`` and ``/news/?page=<k>``: listings with teaser cards;
- ``/news/view/article-<i>``: articles with related-read teasers, a byline, a disclaimer;
- ``/private/...``: pages robots.txt forbids (linked from every footer, listed in a sitemap);
- ``/files/annual-report.pdf``: a link (in every footer) to something that is not a page.

Every page has an ETag and a Last-Modified and answers conditional requests with 304.
``change(i)`` gives article ``i`` a new body; ``requests`` records each request's path and
headers. Run ``python tests/crawlsite.py --pages 10000`` to serve one from its own process.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import random
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

_WORD_TEXT = (
    "patients researchers study brain cells immune therapy trial results disease symptoms "
    "treatment doctors caregivers findings early detection scans nerves damage protect "
    "progression relapse daily life quality measure sample group months years risk lower "
    "higher benefit effect signal marker blood spinal fluid lesions memory fatigue walking"
)
WORDS = _WORD_TEXT.split()
LISTING_SIZE = 20
SITEMAP_CHUNK = 5000
EPOCH = datetime(2026, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Layout:
    """Which channel leads to which article, so a test can tell what a crawl must find.

    Articles ``[0, sitemap)`` are in the sitemaps, ``[sitemap, listed)`` on the listing pages,
    ``[listed, linked)`` only in other articles' teasers, ``[linked, pages)`` only in the feed.
    """

    pages: int
    sitemap: int
    listed: int
    linked: int

    @classmethod
    def for_pages(cls, pages: int) -> Layout:
        quarter = max(1, pages // 4)
        return cls(pages, sitemap=quarter, listed=2 * quarter, linked=3 * quarter)


@dataclass(slots=True)
class SiteData:
    """The site's content, made from article numbers and their versions."""

    layout: Layout
    versions: dict[int, int] = field(default_factory=dict)

    def title(self, i: int) -> str:
        rng = random.Random(i)
        return f"Study {i}: " + " ".join(rng.choice(WORDS) for _ in range(6)).capitalize()

    def blurb(self, i: int) -> str:
        rng = random.Random(i * 7 + 1)
        text = " ".join(rng.choice(WORDS) for _ in range(30))
        return text[:100]

    def date(self, i: int) -> datetime:
        return EPOCH + timedelta(days=i % 300)

    def teasers(self, i: int) -> list[int]:
        """Three other articles: the next teaser-only article first, then two more."""
        lay = self.layout
        linked_span = lay.linked - lay.listed
        picks = []
        if i >= lay.sitemap and linked_span > 0:
            picks.append(lay.listed + (i % linked_span))
        picks += [(i * 7 + 3) % lay.linked, (i + 1) % lay.linked]
        return [p for p in dict.fromkeys(picks) if p != i][:3]

    def card(self, i: int) -> str:
        day = self.date(i)
        return (
            f'<div class="card teaser"><span class="date">{day.month}/{day.day}/{day.year}</span>'
            f'<h3 class="title">{self.title(i)}</h3><p class="blurb">{self.blurb(i)}</p>'
            f'<a class="more" href="/news/view/article-{i}">Read More</a></div>'
        )

    def shell(self, title: str, main: str, canonical: str) -> str:
        return (
            '<!doctype html><html lang="en"><head><meta charset="utf-8">'
            f"<title>{title} | Demo News</title>"
            f'<link rel="canonical" href="{canonical}">'
            '<meta property="og:site_name" content="Demo News">'
            '<link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>'
            '<header><nav class="menu"><a href="/">Home</a> <a href="/news/?page=1">News</a> '
            '<a href="/about?utm_source=nav">About</a></nav></header>'
            f"<main>{main}</main>"
            '<footer class="footer"><p>Demo News summarises research for readers. It is not '
            "medical advice; talk to your doctor before changing any treatment.</p>"
            '<a href="/private/admin">Staff</a> <a href="mailto:desk@demo.test">Contact</a> '
            '<a href="/files/annual-report.pdf">Annual report (PDF)</a>'
            "</footer></body></html>"
        )

    def article(self, i: int) -> str:
        rng = random.Random(i * 31 + self.versions.get(i, 0) * 1_000_003)
        paragraphs = "".join(
            "<p>" + " ".join(rng.choice(WORDS) for _ in range(45)).capitalize() + ".</p>"
            for _ in range(4)
        )
        day = self.date(i)
        related = "".join(self.card(j) for j in self.teasers(i))
        main = (
            f'<article class="post"><h1>{self.title(i)}</h1>'
            f'<p class="dek">{self.blurb(i)} and what it means.</p>'
            f'<p class="byline">By Desk Writer <time datetime="{day.date().isoformat()}">'
            f"{day:%B} {day.day}, {day.year}</time></p>"
            f'<div class="article-body">{paragraphs}</div></article>'
            f'<section class="related"><h2>Related reads</h2>{related}</section>'
        )
        return self.shell(self.title(i), main, f"/news/view/article-{i}")

    def listing(self, page: int) -> str | None:
        lay = self.layout
        first = lay.sitemap + (page - 1) * LISTING_SIZE
        if page < 1 or first >= lay.listed:
            return None
        cards = "".join(self.card(i) for i in range(first, min(first + LISTING_SIZE, lay.listed)))
        more = (
            f'<a class="next" href="/news/?page={page + 1}">Older stories</a>'
            if first + LISTING_SIZE < lay.listed
            else ""
        )
        main = f'<h1>News, page {page}</h1><div class="listing">{cards}</div>{more}'
        return self.shell(f"News page {page}", main, f"/news/?page={page}")

    def home(self) -> str:
        main = (
            "<h1>Demo News</h1><p>Plain-language summaries of new research.</p>"
            '<a href="/news/?page=1">All news</a>'
        )
        return self.shell("Demo News", main, "/")

    def robots(self, base: str) -> str:
        return f"User-agent: *\nDisallow: /private/\n\nSitemap: {base}/sitemap.xml\n"

    def sitemap_index(self, base: str) -> str:
        chunks = (self.layout.sitemap + SITEMAP_CHUNK - 1) // SITEMAP_CHUNK
        items = "".join(
            f"<sitemap><loc>{base}/sitemaps/news-{k}.xml.gz</loc></sitemap>"
            for k in range(1, chunks + 1)
        )
        items += f"<sitemap><loc>{base}/sitemaps/private.xml</loc></sitemap>"
        return (
            '<?xml version="1.0" encoding="UTF-8"?>'
            f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}'
            "</sitemapindex>"
        )

    def sitemap(self, base: str, chunk: int) -> str | None:
        first = (chunk - 1) * SITEMAP_CHUNK
        if chunk < 1 or first >= self.layout.sitemap:
            return None
        last = min(first + SITEMAP_CHUNK, self.layout.sitemap)
        urls = "".join(
            f"<url><loc>{base}/news/view/article-{i}</loc>"
            f"<lastmod>{self.date(i).date().isoformat()}</lastmod></url>"
            for i in range(first, last)
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
        )

    def private_sitemap(self, base: str) -> str:
        return (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<url><loc>{base}/private/report</loc></url></urlset>"
        )

    def feed(self, base: str) -> str:
        items = "".join(
            f"<item><title>{self.title(i)}</title><link>{base}/news/view/article-{i}</link></item>"
            for i in range(self.layout.linked, self.layout.pages)
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
            f"<title>Demo News</title><link>{base}/</link>{items}</channel></rss>"
        )

    def about(self) -> str:
        main = (
            "<article><h1>About Demo News</h1><p>Demo News is written by a small desk of "
            "science writers who read new studies every week and retell them plainly.</p></article>"
        )
        return self.shell("About", main, "/about")

    def private(self) -> str:
        main = "<article><h1>Staff only</h1><p>Not for robots.</p></article>"
        return self.shell("Staff", main, "/private/admin")

    def version(self, path: str) -> int:
        if path.startswith("/news/view/article-"):
            return self.versions.get(int(path.rsplit("-", 1)[1]), 0)
        return 0


class SiteServer(ThreadingHTTPServer):
    """The generated site on 127.0.0.1 (port 0: any free one); a context manager."""

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(
        self, pages: int = 40, *, port: int = 0, delay: float = 0.0, log_requests: bool = True
    ) -> None:
        super().__init__(("127.0.0.1", port), SiteHandler)
        self.data = SiteData(Layout.for_pages(pages))
        self.delay = delay
        self.log_requests = log_requests
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def change(self, i: int) -> None:
        """Give article ``i`` a new body (new ETag, later Last-Modified)."""
        with self.lock:
            self.data.versions[i] = self.data.versions.get(i, 0) + 1

    def grow(self, more: int) -> None:
        """Publish ``more`` new articles; they appear in the feed only."""
        with self.lock:
            lay = self.data.layout
            self.data.layout = Layout(lay.pages + more, lay.sitemap, lay.listed, lay.linked)

    def article_urls(self) -> set[str]:
        return {self.url(f"/news/view/article-{i}") for i in range(self.data.layout.pages)}

    def listing_urls(self) -> set[str]:
        lay = self.data.layout
        count = (lay.listed - lay.sitemap + LISTING_SIZE - 1) // LISTING_SIZE
        return {self.url(f"/news/?page={k}") for k in range(1, count + 1)}

    def paths(self) -> list[str]:
        with self.lock:
            return [path for path, _ in self.requests]

    def clear(self) -> None:
        with self.lock:
            self.requests.clear()

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A crawler killed mid-request resets its connections; that is expected here.
        return

    def __enter__(self) -> SiteServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()


class SiteHandler(BaseHTTPRequestHandler):
    server: SiteServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base's name
        return

    def do_GET(self) -> None:  # noqa: N802 - the base's name
        site = self.server
        if site.log_requests:
            with site.lock:
                site.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
        if site.delay:
            time.sleep(site.delay)
        found = self._route(urlsplit(self.path))
        if found is None:
            self._send(404, b"<html><body><h1>Not found</h1></body></html>", "text/html")
            return
        body, content_type = found
        with site.lock:
            version = site.data.version(urlsplit(self.path).path)
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        modified = EPOCH + timedelta(hours=version)
        match = self.headers.get("If-None-Match")
        since = self.headers.get("If-Modified-Since")
        fresh = match == etag if match else bool(since) and _not_after(modified, since)
        headers = {"ETag": etag, "Last-Modified": format_datetime(modified, usegmt=True)}
        if fresh:
            self._send(304, b"", None, headers)
        else:
            self._send(200, body, content_type, headers)

    def _route(self, url: Any) -> tuple[bytes, str] | None:
        data = self.server.data
        base = self.server.base
        path = url.path
        html = "text/html; charset=utf-8"
        with self.server.lock:
            if path == "/robots.txt":
                return data.robots(base).encode(), "text/plain"
            if path == "/sitemap.xml":
                return data.sitemap_index(base).encode(), "application/xml"
            if path.startswith("/sitemaps/news-") and path.endswith(".xml.gz"):
                chunk = path[len("/sitemaps/news-") : -len(".xml.gz")]
                text = data.sitemap(base, int(chunk)) if chunk.isdigit() else None
                return (gzip.compress(text.encode(), mtime=0), "application/gzip") if text else None
            if path == "/sitemaps/private.xml":
                return data.private_sitemap(base).encode(), "application/xml"
            if path == "/feed.xml":
                return data.feed(base).encode(), "application/rss+xml"
            if path == "/":
                return data.home().encode(), html
            if path == "/news/":
                page = parse_qs(url.query).get("page", ["1"])[0]
                text = data.listing(int(page)) if page.isdigit() else None
                return (text.encode(), html) if text else None
            if path.startswith("/news/view/article-"):
                number = path.rsplit("-", 1)[1]
                if number.isdigit() and int(number) < data.layout.pages:
                    return data.article(int(number)).encode(), html
                return None
            if path == "/files/annual-report.pdf":
                return b"%PDF-1.4\n% not a page\n%%EOF\n", "application/pdf"
            if path == "/about":
                return data.about().encode(), html
            if path.startswith("/private/"):
                return data.private().encode(), html
        return None

    def _send(
        self,
        status: int,
        body: bytes,
        content_type: str | None,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if status != 304:
            self.wfile.write(body)


def _not_after(modified: datetime, since: str) -> bool:
    try:
        return modified <= parsedate_to_datetime(since)
    except (TypeError, ValueError):
        return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args(argv)
    server = SiteServer(args.pages, port=args.port, log_requests=False)
    # The port on stdout's first line tells a parent process where the site is.
    sys.stdout.write(f"{server.server_address[1]}\n")
    sys.stdout.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
