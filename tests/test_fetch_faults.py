"""Faults a line-level HTTP server cannot make: trickled headers, raw Location bytes, parser
differentials in redirects, binary bodies under an HTML label. All traffic stays on 127/8."""

from __future__ import annotations

import dataclasses
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator

import pytest

from extractor.config import FetchConfig
from extractor.errors import FetchError
from extractor.fetch import Fetcher
from extractor.fetch.safety import url_host
from extractor.fetch.watchdog import Watchdog
from extractor.models import FetchResult

HTML = (
    b"<html><head><title>t</title></head><body><p>" + b"Some words. " * 40 + b"</p></body></html>"
)
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 600
CONFIG = FetchConfig(
    user_agent="extractor-test/1",
    connect_timeout=1.0,
    read_timeout=1.0,
    deadline=1.0,
    max_tries=2,
    backoff_base=0.01,
    backoff_cap=0.02,
    min_delay=0.0,
    concurrency=4,
)
SLACK = 0.6  # seconds a loaded CI machine may add on top of a deadline

Route = Callable[[socket.socket, int], None]


def response(status: str, body: bytes, headers: dict[str, str | None] | None = None) -> bytes:
    fields: dict[str, str | None] = {
        "Content-Type": "text/html; charset=utf-8",
        "Content-Length": str(len(body)),
        "Connection": "close",  # the server hangs up after each answer: never reuse
    }
    fields.update(headers or {})
    head = "".join(f"{k}: {v}\r\n" for k, v in fields.items() if v is not None)
    return f"HTTP/1.1 {status}\r\n{head}\r\n".encode("latin-1") + body


class RawServer:
    """Answers each request by a route that writes raw bytes to the socket, then closes it."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._sock = socket.socket()
        self._sock.bind((host, 0))
        self._sock.listen(64)
        self.base = f"http://{host}:{self._sock.getsockname()[1]}"
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return  # closed
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            try:
                data = b""
                while b"\r\n\r\n" not in data:
                    chunk = conn.recv(4096)
                    if not chunk:
                        return
                    data += chunk
                path = data.split(b" ", 2)[1].decode("latin-1").split("?")[0]
                with self._lock:
                    self.hits[path] += 1
                    hit = self.hits[path]
                route = self.routes.get(path)
                if route is None:
                    conn.sendall(response("404 Not Found", b"no such page"))
                else:
                    route(conn, hit)
            except OSError:
                pass  # the client hung up: that is what some tests are about

    def close(self) -> None:
        self._sock.close()


@pytest.fixture
def server() -> Iterator[RawServer]:
    raw = RawServer()
    raw.routes["/robots.txt"] = lambda conn, hit: conn.sendall(response("404 Not Found", b""))
    raw.routes["/ok"] = lambda conn, hit: conn.sendall(response("200 OK", HTML))
    yield raw
    raw.close()


def fetcher(server: RawServer, config: FetchConfig = CONFIG, **kw: object) -> Fetcher:
    return Fetcher(config, seeds=[server.base + "/"], sleep=lambda s: None, **kw)  # type: ignore[arg-type]


def timed(call: Callable[[], FetchResult]) -> tuple[FetchResult | FetchError, float]:
    start = time.monotonic()
    try:
        outcome: FetchResult | FetchError = call()
    except FetchError as exc:
        outcome = exc
    return outcome, time.monotonic() - start


# ---------------------------------------------------------------------------- the deadline


def test_trickled_status_line_and_headers_end_at_the_deadline(server: RawServer) -> None:
    def trickle_head(conn: socket.socket, hit: int) -> None:
        for byte in b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Pad: " + b"a" * 400:
            conn.sendall(bytes([byte]))  # each byte well inside the read timeout
            time.sleep(0.05)

    server.routes["/head"] = trickle_head
    outcome, took = timed(lambda: fetcher(server).fetch(server.base + "/head"))
    assert isinstance(outcome, FetchError) and outcome.kind == "timeout"
    assert took < CONFIG.deadline + SLACK
    assert "deadline" in outcome.message


def test_slow_redirect_hops_share_one_deadline(server: RawServer) -> None:
    def slow_hop(conn: socket.socket, hit: int) -> None:
        time.sleep(0.4)
        conn.sendall(response("302 Found", b"", {"Location": f"/hop?{hit}"}))

    server.routes["/hop"] = slow_hop
    outcome, took = timed(lambda: fetcher(server).fetch(server.base + "/hop"))
    assert isinstance(outcome, FetchError) and outcome.kind == "timeout"
    assert took < CONFIG.deadline + SLACK


def test_watchdog_ends_only_exchanges_that_are_still_running() -> None:
    class Sock:
        def __init__(self) -> None:
            self.shut = threading.Event()

        def shutdown(self, how: int) -> None:
            self.shut.set()

    class Conn:
        def __init__(self) -> None:
            self.sock = Sock()

    dog = Watchdog()
    late, early = Conn(), Conn()
    with dog.watch(time.monotonic() + 0.05) as watch:
        watch.attach(early)
    with dog.watch(time.monotonic() + 0.05) as watch:
        watch.attach(late)
        assert late.sock.shut.wait(2.0)
        assert watch.expired
    time.sleep(0.1)
    assert not early.sock.shut.is_set()  # finished in time: its pooled connection lives on


# ---------------------------------------------------------------------------- redirects


def test_backslash_authority_cannot_slip_past_the_address_guard(server: RawServer) -> None:
    # urllib3 reads http://127.0.0.2:P\@127.0.0.1:Q/ as host 127.0.0.2; urlsplit as 127.0.0.1
    # (the seed). The guard must not judge one host while the connection goes to the other.
    other = RawServer("127.0.0.2")
    other.routes["/ok"] = lambda conn, hit: conn.sendall(response("200 OK", HTML))
    port = other.base.rsplit(":", 1)[1]
    target = f"http://127.0.0.2:{port}\\@{server.base[len('http://') :]}/ok"
    server.routes["/jump"] = lambda conn, hit: conn.sendall(
        response("302 Found", b"", {"Location": target})
    )
    try:
        with pytest.raises(FetchError) as caught:
            fetcher(server).fetch(server.base + "/jump")
        assert caught.value.kind == "invalid_url"
        assert sum(other.hits.values()) == 0
    finally:
        other.close()


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.1\\@127.0.0.1:8000/",
        "http://127.0.0.1:8000\\@10.0.0.1/",
        "http://public.example\\.127.0.0.1/",
    ],
)
def test_ambiguous_authorities_are_invalid(url: str) -> None:
    with pytest.raises(FetchError) as caught:
        url_host(url)
    assert caught.value.kind == "invalid_url"


def test_url_host_is_the_connection_host() -> None:
    assert url_host("http://Bücher.Example/x") == "xn--bcher-kva.example"
    assert url_host("http://user:pw@Example.COM:8080/a") == "example.com"
    assert url_host("http://[::1]:80/") == "::1"


def test_an_unreadable_location_is_an_error_record_and_the_batch_goes_on(
    server: RawServer,
) -> None:
    server.routes["/broken"] = lambda conn, hit: conn.sendall(
        response("302 Found", b"", {"Location": "http://[::1/x"})
    )
    urls = [server.base + "/ok", server.base + "/broken", server.base + "/ok?again"]
    outcomes = [outcome for _, outcome in fetcher(server).fetch_many(urls)]
    assert [getattr(o, "status", None) for o in outcomes] == [200, None, 200]
    assert isinstance(outcomes[1], FetchError) and outcomes[1].kind == "invalid_url"


def test_a_utf8_location_is_followed(server: RawServer) -> None:
    # http.client hands header bytes over as Latin-1; read as that, the path would be "cafÃ©".
    server.routes["/caf%C3%A9"] = lambda conn, hit: conn.sendall(response("200 OK", HTML))
    server.routes["/accent"] = lambda conn, hit: conn.sendall(
        b"HTTP/1.1 301 Moved\r\nLocation: /caf\xc3\xa9\r\nContent-Length: 0\r\n"
        b"Connection: close\r\n\r\n"
    )
    result = fetcher(server).fetch(server.base + "/accent")
    assert result.status == 200 and result.url.endswith("/café")
    assert server.hits["/caf%C3%A9"] == 1


# ---------------------------------------------------------------------------- robots.txt


def test_a_brief_robots_outage_is_retried(server: RawServer) -> None:
    def robots(conn: socket.socket, hit: int) -> None:
        if hit == 1:
            conn.sendall(response("503 Busy", b"", {"Content-Type": "text/plain"}))
        else:
            text = b"User-agent: *\nDisallow: /no\n"
            conn.sendall(response("200 OK", text, {"Content-Type": "text/plain"}))

    server.routes["/robots.txt"] = robots
    active = fetcher(server)
    assert active.fetch(server.base + "/ok").status == 200
    with pytest.raises(FetchError) as caught:
        active.fetch(server.base + "/no")
    assert caught.value.kind == "robots_disallowed"
    assert server.hits["/robots.txt"] == 2


def test_a_robots_outage_defers_the_host_for_a_while_not_for_good(server: RawServer) -> None:
    state = {"status": "503 Busy"}
    server.routes["/robots.txt"] = lambda conn, hit: conn.sendall(
        response(state["status"], b"", {"Content-Type": "text/plain"})
    )
    now = [1000.0]
    active = fetcher(server, clock=lambda: now[0])
    for _ in range(2):
        with pytest.raises(FetchError) as caught:
            active.fetch(server.base + "/ok")
        assert caught.value.kind == "robots_unavailable"
    assert server.hits["/robots.txt"] == CONFIG.max_tries  # retried once, then cached
    state["status"] = "404 Not Found"
    now[0] += active.robots.defer_for
    assert active.fetch(server.base + "/ok").status == 200


# ---------------------------------------------------------------------------- content


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (PNG, None),
        (b"%PDF-1.7\n" + b"\x01\x02" * 300, "text/html"),
        (b"\0\1\2\3" * 200, "text/html; charset=utf-8"),
    ],
)
def test_binary_bodies_are_not_html_whatever_their_label(
    server: RawServer, body: bytes, content_type: str | None
) -> None:
    server.routes["/file"] = lambda conn, hit: conn.sendall(
        response("200 OK", body, {"Content-Type": content_type})
    )
    with pytest.raises(FetchError) as caught:
        fetcher(server).fetch(server.base + "/file")
    assert caught.value.kind == "not_html"
    accepting = fetcher(server, dataclasses.replace(CONFIG, accept_non_html=True))
    assert accepting.fetch(server.base + "/file").body == body
