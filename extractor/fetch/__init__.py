"""Fetching pages: the transport seam, retries, politeness, robots.txt and safety checks."""

from __future__ import annotations

from typing import Any, Protocol

from extractor.config import FetchConfig
from extractor.models import FetchRequest, FetchResult


class Transport(Protocol):
    """Sends one request and returns what came back; HTTP status is data, not an exception.

    Raises ``FetchError`` only when no response was had at all (timeout, connection, limits).
    Tests and archive replays swap in their own object with this one method.
    """

    def send(self, request: FetchRequest) -> FetchResult: ...


from .fetcher import Fetcher  # noqa: E402 - fetcher imports Transport from this module


def fetch(url: str, config: FetchConfig | None = None, **kw: Any) -> FetchResult:
    """One page by a fresh Fetcher seeded with ``url``; ``kw`` goes to ``Fetcher.fetch``."""
    return Fetcher(config, seeds=[url]).fetch(url, **kw)


__all__ = ["Fetcher", "Transport", "fetch"]
