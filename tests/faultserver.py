"""A threaded loopback HTTP server whose routes misbehave in the ways real sites do."""

from __future__ import annotations

import gzip
import socket
import struct
import threading
import time
from collections import Counter, deque
from collections.abc import Iterable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

OK_HTML = (
    "<html lang='en'><head><title>A story | Site</title></head><body><article><h1>A story</h1>"
    "<p>" + "Body text of the story, with commas, and words. " * 5 + "</p></article></body></html>"
).encode()
CP1252_HTML = (
    "<html><head><title>Caf\u00e9 \u2013 story</title></head><body><article><h1>Caf\u00e9 "
    "\u201cquoted\u201d \u2013 news</h1><p>"
    + "Na\u00efve d\u00e9j\u00e0 vu \u2014 text. " * 8
    + "</p></article></body></html>"
).encode("cp1252")
ROBOTS = "User-agent: *\nDisallow: /private\n"
PDF = b"%PDF-1.4\n" + b"0" * 4096
HUGE_SIZE = 2_000_000
BOMB_SIZE = 20_000_000
INTERNAL_HOST = "internal.test"  # the stub resolver maps this name to 10.0.0.1


class FaultServer(ThreadingHTTPServer):
    """ThreadingHTTPServer on 127.0.0.1:0 counting hits per path (with query).

    ``robots_status`` is what /robots.txt answers; with 200 it disallows /private and, when
    ``crawl_delay`` is given, asks for that Crawl-delay.
    """

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, robots_status: int = 200, crawl_delay: int | None = None) -> None:
        super().__init__(("127.0.0.1", 0), FaultHandler)
        self.robots_status = robots_status
        self.robots_text = ROBOTS + (f"Crawl-delay: {crawl_delay}\n" if crawl_delay else "")
        self.hits: Counter[str] = Counter()
        self.requests: deque[tuple[str, dict[str, str]]] = deque(maxlen=256)  # recent only
        self.lock = threading.Lock()
        self.bomb = gzip.compress(b"\0" * BOMB_SIZE, compresslevel=9)
        self.in_flight = 0
        self.max_in_flight = 0
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def url(self, path: str) -> str:
        return self.base + path

    def __enter__(self) -> FaultServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.shutdown()
        self.server_close()


class FaultHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes; no 40 ms ACK stalls
    server: FaultServer

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base's name
        pass  # keep test output clean

    def do_GET(self) -> None:  # noqa: N802 - the base class's name
        path = urlsplit(self.path).path
        key = self.path
        with self.server.lock:
            self.server.hits[key] += 1
            hit = self.server.hits[key]
            self.server.requests.append((self.path, dict(self.headers.items())))
        route = ROUTES.get(path)
        if route is None:
            for prefix, handler in PREFIX_ROUTES:
                if path.startswith(prefix):
                    route = handler
                    break
        if route is None:
            self.send_body(404, b"<html><body><h1>Not found</h1></body></html>")
            return
        route(self, hit)

    def send_body(
        self,
        status: int,
        body: bytes,
        content_type: str = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location: str, status: int = 302) -> None:
        self.send_response(status)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    # ---------------------------------------------------------------- routes

    def ok(self, hit: int) -> None:
        self.send_body(200, OK_HTML)

    def not_found(self, hit: int) -> None:
        self.send_body(404, b"<html><body>gone</body></html>")

    def stream(self, parts: Iterable[tuple[bytes, float]], length: int | None) -> None:
        """Sends each part then pauses, on a connection closed after; the client may hang up."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        if length is not None:
            self.send_header("Content-Length", str(length))
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        try:
            for data, pause in parts:
                self.wfile.write(data)
                self.wfile.flush()
                time.sleep(pause)
        except OSError:
            pass  # the client gave up, as it should

    def trickle(self, hit: int) -> None:
        """One byte every 0.2 s: never idle long enough for a read timeout."""
        self.stream(((b"x", 0.2) for _ in range(200)), 200)

    def stall(self, hit: int) -> None:
        """A little at once and after 0.8 s, then nothing for 3 s: the wait must end at the
        page deadline, not at a read timeout counted from the last byte."""
        self.stream([(b"<html>", 0.8), (b"<body>", 3.0)], 1000)

    def slow(self, hit: int) -> None:
        """Answers after 0.2 s, counting how many requests are in flight at once."""
        with self.server.lock:
            self.server.in_flight += 1
            self.server.max_in_flight = max(self.server.max_in_flight, self.server.in_flight)
        time.sleep(0.2)
        with self.server.lock:
            self.server.in_flight -= 1
        self.send_body(200, OK_HTML)

    def reset(self, hit: int) -> None:
        """Resets the connection (RST) on the first hit, answers 200 after."""
        if hit == 1:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            self.connection.close()
            return
        self.send_body(200, OK_HTML)

    def always_reset(self, hit: int) -> None:
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True
        self.connection.close()

    def unavailable_then_ok(self, hit: int) -> None:
        if hit == 1:
            self.send_body(503, b"busy", "text/plain", {"Retry-After": "1"})
        else:
            self.send_body(200, OK_HTML)

    def too_many(self, hit: int) -> None:
        date = "Wed, 21 Oct 2099 07:28:00 GMT"  # far future: the cap must apply
        self.send_body(429, b"slow down", "text/plain", {"Retry-After": date})

    def redirect_chain(self, hit: int) -> None:
        left = int(urlsplit(self.path).path.rsplit("/", 1)[1])
        self.redirect("/ok" if left <= 0 else f"/chain/{left - 1}", 301 if left % 2 else 302)

    def loop_a(self, hit: int) -> None:
        self.redirect("/loop/b")

    def loop_b(self, hit: int) -> None:
        self.redirect("/loop/a")

    def huge(self, hit: int) -> None:
        """A body with no length: the client must count as it reads."""
        block = b"<p>" + b"a" * 65533
        self.stream(((block, 0.0) for _ in range(HUGE_SIZE // len(block) + 1)), None)

    def bomb(self, hit: int) -> None:
        self.send_body(200, self.server.bomb, "text/html", {"Content-Encoding": "gzip"})

    def gzipped(self, hit: int) -> None:
        self.send_body(200, gzip.compress(OK_HTML), "text/html", {"Content-Encoding": "gzip"})

    def pdf(self, hit: int) -> None:
        self.send_body(200, PDF, "application/pdf")

    def robots(self, hit: int) -> None:
        status = self.server.robots_status
        body = self.server.robots_text.encode() if status == 200 else b"error"
        self.send_body(status, body, "text/plain")

    def to_internal(self, hit: int) -> None:
        self.redirect(f"http://{INTERNAL_HOST}:{self.server.port}/ok")

    def etag(self, hit: int) -> None:
        if self.headers.get("If-None-Match") == '"v1"':
            self.send_response(304)
            self.send_header("ETag", '"v1"')
            self.end_headers()
            return
        self.send_body(
            200, OK_HTML, headers={"ETag": '"v1"', "Last-Modified": "Mon, 02 Nov 2026 10:00:00 GMT"}
        )

    def cp1252(self, hit: int) -> None:
        self.send_body(200, CP1252_HTML, "text/html")


ROUTES = {
    "/ok": FaultHandler.ok,
    "/notfound": FaultHandler.not_found,
    "/trickle": FaultHandler.trickle,
    "/stall": FaultHandler.stall,
    "/slow": FaultHandler.slow,
    "/reset": FaultHandler.reset,
    "/always-reset": FaultHandler.always_reset,
    "/503": FaultHandler.unavailable_then_ok,
    "/429": FaultHandler.too_many,
    "/loop/a": FaultHandler.loop_a,
    "/loop/b": FaultHandler.loop_b,
    "/huge": FaultHandler.huge,
    "/bomb": FaultHandler.bomb,
    "/gzip": FaultHandler.gzipped,
    "/doc.pdf": FaultHandler.pdf,
    "/robots.txt": FaultHandler.robots,
    "/to-internal": FaultHandler.to_internal,
    "/etag": FaultHandler.etag,
    "/cp1252": FaultHandler.cp1252,
}
PREFIX_ROUTES = (("/chain/", FaultHandler.redirect_chain), ("/private", FaultHandler.ok))
