"""robots.txt: a pure parse of its text and a per-host cache that fetches each file once."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from protego import Protego

from extractor.errors import FetchError
from extractor.models import FetchRequest, FetchResult


@dataclass(frozen=True, slots=True)
class RobotsRules:
    """What one host's robots.txt says; ``parser`` None means everything is allowed."""

    parser: Protego | None = None

    def allowed(self, url: str, user_agent: str) -> bool:
        return self.parser is None or bool(self.parser.can_fetch(url, user_agent))

    def crawl_delay(self, user_agent: str) -> float:
        if self.parser is None:
            return 0.0
        delay = self.parser.crawl_delay(user_agent)
        return float(delay) if delay else 0.0


ALLOW_ALL = RobotsRules()


def parse_robots(text: str) -> RobotsRules:
    """Rules from the text of a robots.txt (pure: no I/O)."""
    return RobotsRules(Protego.parse(text))


def robots_url(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"


class RobotsCache:
    """Fetches robots.txt once per origin (scheme, host, port) and keeps the rules.

    A 4xx means no rules (allow all); a 5xx or no answer (after the fetcher's retries) defers
    the host: its pages fail with ``robots_unavailable`` rather than being fetched against
    unknown rules (RFC 9309, 2.3.1.4), and the file is asked for again ``defer_for`` seconds
    later, so a brief outage does not shut a host out of a whole crawl.
    """

    def __init__(
        self,
        fetch: Callable[[FetchRequest], FetchResult],
        *,
        defer_for: float = 300.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._fetch = fetch
        self.defer_for = defer_for
        self._clock = clock
        self._rules: dict[str, RobotsRules | tuple[FetchError, float]] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def rules(self, url: str) -> RobotsRules:
        key = origin(url)
        with self._guard:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:  # one fetch per origin even when many workers ask at once
            found = self._rules.get(key)
            if found is None or (isinstance(found, tuple) and self._clock() >= found[1]):
                loaded = self._load(robots_url(url))
                found = (
                    (loaded, self._clock() + self.defer_for)
                    if isinstance(loaded, FetchError)
                    else loaded
                )
                self._rules[key] = found
        if isinstance(found, tuple):
            raise FetchError(found[0].message, url=url, kind="robots_unavailable")
        return found

    def _load(self, url: str) -> RobotsRules | FetchError:
        try:
            result = self._fetch(FetchRequest(url))
        except FetchError as exc:
            if exc.kind == "not_html":  # a robots.txt served as octet-stream is still read below
                return ALLOW_ALL
            return FetchError(f"robots.txt unreachable: {exc.message}", url=url)
        if 400 <= result.status < 500:
            return ALLOW_ALL
        if result.status >= 500 or result.status < 200:
            return FetchError(f"robots.txt answered HTTP {result.status}", url=url)
        if 300 <= result.status < 400:
            return ALLOW_ALL  # the transport followed redirects; one left over means none usable
        return parse_robots(result.body.decode("utf-8", errors="replace"))
