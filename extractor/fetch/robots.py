"""robots.txt: a pure parse of its text and a per-host cache that fetches each file once."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from protego import Protego

from extractor.errors import FetchError
from extractor.models import FetchRequest

from . import Transport


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

    A 4xx means no rules (allow all); a 5xx or no answer defers the host: its pages fail
    with ``robots_unavailable`` rather than being fetched against unknown rules.
    """

    def __init__(self, transport: Transport) -> None:
        self._transport = transport
        self._rules: dict[str, RobotsRules | FetchError] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def rules(self, url: str) -> RobotsRules:
        key = origin(url)
        with self._guard:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:  # one fetch per origin even when many workers ask at once
            if key not in self._rules:
                self._rules[key] = self._load(robots_url(url))
            found = self._rules[key]
        if isinstance(found, FetchError):
            raise FetchError(found.message, url=url, kind="robots_unavailable")
        return found

    def _load(self, url: str) -> RobotsRules | FetchError:
        try:
            result = self._transport.send(FetchRequest(url))
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
