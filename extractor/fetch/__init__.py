"""Fetching pages: the transport seam, retries, politeness, robots.txt and safety checks."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from extractor.config import FetchConfig
from extractor.models import FetchRequest, FetchResult

if TYPE_CHECKING:
    from extractor.fetch.fetcher import Fetcher


class Transport(Protocol):
    """Sends one request and returns what came back; HTTP status is data, not an exception.

    Raises ``FetchError`` only when no response was had at all (timeout, connection, limits).
    Tests and archive replays swap in their own object with this one method.
    """

    def send(self, request: FetchRequest) -> FetchResult: ...


def fetch(url: str, config: FetchConfig | None = None, **kw: Any) -> FetchResult:
    """One page by a fresh Fetcher seeded with ``url``; ``kw`` goes to ``Fetcher.fetch``."""
    from extractor.fetch.fetcher import Fetcher

    return Fetcher(config, seeds=[url]).fetch(url, **kw)


def __getattr__(name: str) -> Any:
    # Fetcher (requests, urllib3: ~45 ms) is imported when asked for, not with the Transport
    # protocol that archive replays and tests need.
    if name == "Fetcher":
        from extractor.fetch.fetcher import Fetcher

        globals()[name] = Fetcher
        return Fetcher
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), "Fetcher"})


__all__ = ["Fetcher", "Transport", "fetch"]
