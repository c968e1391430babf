"""Frozen configuration of every stage; precedence: flags > environment > job file > defaults."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_USER_AGENT = (
    "extractor/0.1 (+https://github.com/extractor-project/extractor; research crawler)"
)


@dataclass(frozen=True, slots=True)
class FetchConfig:
    """How pages are fetched: limits, retries, politeness and safety."""

    user_agent: str = DEFAULT_USER_AGENT
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    deadline: float = 30.0  # total seconds per page, across retries' bodies and redirects
    max_tries: int = 4
    backoff_base: float = 0.5
    backoff_cap: float = 30.0
    retry_after_cap: float = 120.0
    max_redirects: int = 10
    max_bytes: int = 10 * 1024 * 1024
    obey_robots: bool = True
    allow_private: bool = False
    min_delay: float = 1.0  # seconds between two requests to one host
    per_host: int = 2  # requests in flight per host
    concurrency: int = 16  # requests in flight overall
    accept_non_html: bool = False


@dataclass(frozen=True, slots=True)
class ExtractConfig:
    """How pages are parsed into records."""

    profile_dir: str | None = None  # a directory of <host>.toml site profiles (optional)
    # Learn each host's recurring blocks and date order across its pages (see extractor.site).
    site_learning: bool = True
