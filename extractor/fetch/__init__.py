"""Fetching pages: the transport seam, retries, politeness, robots.txt and safety checks."""

from __future__ import annotations

from typing import Protocol

from extractor.models import FetchRequest, FetchResult


class Transport(Protocol):
    """Sends one request and returns what came back; HTTP status is data, not an exception.

    Raises ``FetchError`` only when no response was had at all (timeout, connection, limits).
    Tests and archive replays swap in their own object with this one method.
    """

    def send(self, request: FetchRequest) -> FetchResult: ...


__all__ = ["Transport"]
