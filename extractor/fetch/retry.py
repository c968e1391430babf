"""When to try again: retryable outcomes, exponential backoff with jitter, Retry-After."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from extractor.config import FetchConfig
from extractor.errors import FetchError
from extractor.models import FetchResult

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
RETRY_KINDS = frozenset({"connection"})


def is_retryable(outcome: FetchResult | FetchError) -> bool:
    if isinstance(outcome, FetchError):
        return outcome.kind in RETRY_KINDS
    return outcome.status in RETRY_STATUSES


def retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds a Retry-After header asks for (delta-seconds or an HTTP-date), or None."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def backoff_delay(attempt: int, config: FetchConfig, rng: random.Random) -> float:
    """Full-jitter exponential backoff before try ``attempt + 1`` (``attempt`` counts from 1)."""
    ceiling = min(config.backoff_cap, config.backoff_base * (2 ** (attempt - 1)))
    return rng.uniform(ceiling / 2, ceiling)


def retry_delay(
    outcome: FetchResult | FetchError, attempt: int, config: FetchConfig, rng: random.Random
) -> float:
    """The wait before the next try: the server's Retry-After (capped) or our backoff."""
    delay = backoff_delay(attempt, config, rng)
    if isinstance(outcome, FetchResult):
        asked = retry_after(outcome.header("retry-after"))
        if asked is not None:
            delay = max(delay, min(asked, config.retry_after_cap))
    return delay
