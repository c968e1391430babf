"""The HTTP transport over a pooled requests.Session: timeouts, deadline, size cap, redirects."""

from __future__ import annotations

import contextlib
import threading
import time
import zlib
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from extractor.config import FetchConfig
from extractor.errors import FetchError
from extractor.models import FetchRequest, FetchResult
from extractor.parse.encoding import sniff_is_html

from .watchdog import Watch, Watchdog

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# Media types that cannot hold an article page; the body of these is never read.
NOT_HTML_PREFIXES = ("image/", "audio/", "video/", "font/")
NOT_HTML_TYPES = frozenset(
    {
        "application/pdf",
        "application/zip",
        "application/gzip",
        "application/x-gzip",
        "application/x-zip-compressed",
        "application/x-tar",
        "application/x-7z-compressed",
        "application/x-rar-compressed",
        "application/octet-stream",
        "application/msword",
        "application/vnd.ms-excel",
    }
)
CHUNK = 64 * 1024
HTTP_VERSIONS = {9: "HTTP/0.9", 10: "HTTP/1.0", 11: "HTTP/1.1", 20: "HTTP/2"}


def is_not_html(content_type: str | None) -> bool:
    """Whether a Content-Type names a document that is surely not an HTML page."""
    if not content_type:
        return False
    media = content_type.split(";", 1)[0].strip().lower()
    return (
        media in NOT_HTML_TYPES
        or media.startswith(NOT_HTML_PREFIXES)
        or (media.startswith("application/vnd.") and "xml" not in media)
    )


def redirect_target(url: str, location: str) -> str:
    """The absolute URL a Location header points to; FetchError ``invalid_url`` if none."""
    text = location.strip()
    # http.client reads header bytes as Latin-1; servers mostly send UTF-8 (as requests does).
    with contextlib.suppress(UnicodeError):
        text = text.encode("latin-1").decode("utf-8")
    try:
        return urljoin(url, text)
    except ValueError as exc:  # e.g. an unclosed IPv6 bracket
        raise FetchError(
            f"invalid redirect Location {location!r}: {exc}", url=url, kind="invalid_url"
        ) from exc


class _Body:
    """Decompresses a streamed body as it comes, refusing it once it passes the size cap."""

    def __init__(self, encoding: str, limit: int, url: str) -> None:
        self.limit = limit
        self.url = url
        self.parts: list[bytes] = []
        self.size = 0
        coding = encoding.strip().lower()
        if coding in ("gzip", "x-gzip"):
            self.decoder: zlib._Decompress | None = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif coding == "deflate":
            self.decoder = zlib.decompressobj()
        elif coding in ("", "identity"):
            self.decoder = None
        else:
            message = f"unsupported Content-Encoding {encoding!r}"
            raise FetchError(message, url=url, kind="connection")
        self._deflate_raw_tried = coding != "deflate"

    def feed(self, chunk: bytes) -> None:
        if self.decoder is None:
            self._add(chunk)
            return
        data = chunk
        while data:
            # max_length bounds the memory one compressed chunk can expand into (gzip bombs).
            try:
                out = self.decoder.decompress(data, self.limit - self.size + 1)
            except zlib.error as exc:
                if not self._deflate_raw_tried and self.size == 0:
                    # Some servers send raw deflate, without the zlib header the RFC asks for.
                    self._deflate_raw_tried = True
                    self.decoder = zlib.decompressobj(-zlib.MAX_WBITS)
                    continue
                message = f"bad compressed body: {exc}"
                raise FetchError(message, url=self.url, kind="connection") from exc
            self._add(out)
            data = self.decoder.unconsumed_tail

    def _add(self, data: bytes) -> None:
        self.size += len(data)
        if self.size > self.limit:
            raise FetchError(
                f"the body is larger than {self.limit} bytes", url=self.url, kind="too_large"
            )
        self.parts.append(data)

    def bytes(self) -> bytes:
        if self.decoder is not None:
            self._add(self.decoder.flush())
        return b"".join(self.parts)


def _attach(current: threading.local, conn: Any) -> Any:
    watch: Watch | None = getattr(current, "watch", None)
    if watch is not None:
        watch.attach(conn)
    return conn


class _WatchedAdapter(HTTPAdapter):
    """An adapter whose pools tell the thread's current Watch which connection it is on."""

    def __init__(self, current: threading.local, **kw: Any) -> None:
        self._current_watch = current
        super().__init__(**kw)

    def init_poolmanager(self, *args: Any, **kw: Any) -> None:
        super().init_poolmanager(*args, **kw)
        current = self._current_watch

        # Subclasses that only hook _get_conn: recorders such as vcrpy patch the base classes'
        # ConnectionCls and _get_conn, which these still reach through super().
        class WatchedHTTPPool(HTTPConnectionPool):
            def _get_conn(self, timeout: float | None = None) -> Any:
                return _attach(current, super()._get_conn(timeout))

        class WatchedHTTPSPool(HTTPSConnectionPool):
            def _get_conn(self, timeout: float | None = None) -> Any:
                return _attach(current, super()._get_conn(timeout))

        self.poolmanager.pool_classes_by_scheme = {
            "http": WatchedHTTPPool,
            "https": WatchedHTTPSPool,
        }


class RequestsTransport:
    """Sends one request over a shared session; follows redirects itself so each hop is checked.

    ``before_connect`` is called with every URL (first and each redirect) before any packet is
    sent to it; the Fetcher's address guard goes there.
    """

    def __init__(
        self,
        config: FetchConfig | None = None,
        *,
        before_connect: Callable[[str], None] | None = None,
        session: requests.Session | None = None,
    ) -> None:
        self.config = config or FetchConfig()
        self.before_connect = before_connect
        self.session = session or requests.Session()
        # Proxies from the environment would send traffic to hosts the guard never saw.
        self.session.trust_env = False
        self.watchdog = Watchdog()
        self._current = threading.local()  # the Watch of the exchange this thread is in
        adapter = _WatchedAdapter(
            self._current,
            pool_connections=max(self.config.concurrency, 10),
            pool_maxsize=max(self.config.concurrency, 10),
            max_retries=0,  # retries are the Fetcher's, with backoff and a record of each try
        )
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)

    def close(self) -> None:
        self.session.close()

    def headers(self, request: FetchRequest) -> dict[str, str]:
        headers = {
            "User-Agent": self.config.user_agent,
            "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "Accept-Encoding": "gzip, deflate",
        }
        if request.etag:
            headers["If-None-Match"] = request.etag
        if request.last_modified:
            headers["If-Modified-Since"] = request.last_modified
        headers.update(request.headers)
        return headers

    def send(self, request: FetchRequest) -> FetchResult:
        started = time.monotonic()
        try:
            with self.watchdog.watch(started + self.config.deadline) as watch:
                self._current.watch = watch
                try:
                    result = self._send(request, started)
                except FetchError as exc:
                    late = self._late(watch, exc.url or request.url)
                    if late is None:
                        raise
                    raise late from exc
                finally:
                    self._current.watch = None
                # A close-delimited body cut off at the deadline looks complete: it is not.
                late = self._late(watch, result.url)
                if late is not None:
                    raise late
                return result
        except FetchError as exc:
            # An error is about the page that was asked for; the hop where it happened is
            # told in the message, so a record of it still names the input URL.
            if exc.url and exc.url != request.url:
                exc.message = f"{exc.message} (at redirect {exc.url})"
                exc.args = (exc.message,)
            exc.url = request.url
            raise

    def _late(self, watch: Watch, url: str) -> FetchError | None:
        """The timeout error of an exchange the watchdog ended, or None if it ended in time."""
        if not watch.expired:
            return None
        return FetchError(
            f"the page took longer than its {self.config.deadline} s deadline",
            url=url,
            kind="timeout",
        )

    def _send(self, request: FetchRequest, started: float) -> FetchResult:
        headers = self.headers(request)
        url = request.url
        seen = {url}
        redirects: list[str] = []
        while True:
            if self.before_connect is not None:
                self.before_connect(url)
            remaining = self.config.deadline - (time.monotonic() - started)
            if remaining <= 0:
                message = "the page deadline passed during redirects"
                raise FetchError(message, url=url, kind="timeout")
            response = self._open(url, headers, remaining)
            try:
                location = response.headers.get("location")
                if response.status_code in REDIRECT_STATUSES and location:
                    target = redirect_target(url, location)
                    redirects.append(url)
                    if target in seen:
                        raise FetchError(
                            f"redirect loop back to {target}", url=request.url, kind="redirect_loop"
                        )
                    if len(redirects) > self.config.max_redirects:
                        raise FetchError(
                            f"more than {self.config.max_redirects} redirects",
                            url=request.url,
                            kind="too_many_redirects",
                        )
                    seen.add(target)
                    url = target
                    continue
                return self._result(request, url, redirects, headers, response, started)
            finally:
                response.close()

    def _open(self, url: str, headers: dict[str, str], remaining: float) -> requests.Response:
        timeout = (
            min(self.config.connect_timeout, remaining),
            min(self.config.read_timeout, remaining),
        )
        try:
            return self.session.get(
                url, headers=headers, allow_redirects=False, stream=True, timeout=timeout
            )
        except requests.Timeout as exc:
            raise FetchError(f"timed out: {exc}", url=url, kind="timeout") from exc
        except (
            requests.exceptions.InvalidURL,
            requests.exceptions.MissingSchema,
            requests.exceptions.InvalidSchema,
            UnicodeError,
        ) as exc:
            raise FetchError(f"invalid URL: {exc}", url=url, kind="invalid_url") from exc
        except requests.RequestException as exc:
            raise FetchError(f"connection failed: {exc}", url=url, kind="connection") from exc
        except ValueError as exc:
            # requests reads the Location of every 3xx (even with allow_redirects off), and
            # urlsplit raises on one such as ``http://[::1/x``.
            raise FetchError(
                f"the response has an unreadable Location: {exc}", url=url, kind="invalid_url"
            ) from exc

    def _result(
        self,
        request: FetchRequest,
        url: str,
        redirects: list[str],
        headers: dict[str, str],
        response: requests.Response,
        started: float,
    ) -> FetchResult:
        content_type = response.headers.get("content-type")
        if (
            200 <= response.status_code < 300
            and not self.config.accept_non_html
            and is_not_html(content_type)
        ):
            raise FetchError(
                f"the response is {content_type}, not an HTML page",
                url=url,
                kind="not_html",
                status=response.status_code,
            )
        body = self._read(response, url, started)
        if (
            200 <= response.status_code < 300
            and not self.config.accept_non_html
            and not sniff_is_html(body, content_type)
        ):
            raise FetchError(
                f"the response is not an HTML page (its bytes are a binary format; it was "
                f"served as {content_type or 'no type'})",
                url=url,
                kind="not_html",
                status=response.status_code,
            )
        raw = response.raw
        return FetchResult(
            requested_url=request.url,
            url=url,
            status=response.status_code,
            headers=tuple((str(k), str(v)) for k, v in raw.headers.items()),
            body=body,
            fetched_at=datetime.now(UTC),
            redirects=tuple(redirects),
            request_headers=tuple(headers.items()),
            http_version=HTTP_VERSIONS.get(getattr(raw, "version", 11), "HTTP/1.1"),
            reason=response.reason or "",
        )

    def _read(self, response: requests.Response, url: str, started: float) -> bytes:
        length = response.headers.get("content-length", "")
        encoding = response.headers.get("content-encoding", "")
        if length.isdigit() and not encoding and int(length) > self.config.max_bytes:
            raise FetchError(
                f"the body is {length} bytes, over {self.config.max_bytes}",
                url=url,
                kind="too_large",
            )
        body = _Body(encoding, self.config.max_bytes, url)
        raw = response.raw
        try:
            while True:
                remaining = self.config.deadline - (time.monotonic() - started)
                if remaining <= 0:
                    raise FetchError(
                        f"the page took longer than {self.config.deadline} s",
                        url=url,
                        kind="timeout",
                    )
                self._limit_wait(raw, min(self.config.read_timeout, remaining))
                # read1 returns what has arrived, so a trickling body meets the deadline check.
                chunk = raw.read1(CHUNK, decode_content=False)
                if not chunk:
                    break
                body.feed(chunk)
        except (urllib3.exceptions.ReadTimeoutError, TimeoutError) as exc:
            raise FetchError(f"read timed out: {exc}", url=url, kind="timeout") from exc
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            raise FetchError(f"connection broke: {exc}", url=url, kind="connection") from exc
        return body.bytes()

    @staticmethod
    def _limit_wait(raw: urllib3.BaseHTTPResponse, seconds: float) -> None:
        """Shorten the socket's read timeout so a body that stalls ends at the page deadline.

        The socket is reached through http.client's reader because the connection object lets
        go of it (``sock`` None) when the server says ``Connection: close``. If a future
        urllib3 hides it, the read timeout set when the hop began still bounds the wait.
        """
        reader = getattr(getattr(raw, "_fp", None), "fp", None)
        sock = getattr(getattr(reader, "raw", None), "_sock", None)
        if sock is None:
            sock = getattr(getattr(raw, "connection", None), "sock", None)
        if sock is not None:
            sock.settimeout(max(seconds, 0.001))
