"""Absolute URLs from what a page declares: its <base>, hrefs joined and checked."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

__all__ = ["absolute_url", "base_url"]

_HTTP_RE = re.compile(r"^https?://[^/\s]", re.IGNORECASE)


def base_url(base_href: str | None, url: str | None) -> str | None:
    if base_href:
        return _join(url, base_href) if url else base_href
    return url


def _join(base: str, href: str) -> str | None:
    try:
        joined = urljoin(base, href)
        urlsplit(joined).hostname  # noqa: B018 - raises on a broken host
    except ValueError:  # "http://[bad" is an invalid IPv6 host to urllib
        return None
    return joined


def absolute_url(href: str | None, base: str | None) -> str | None:
    if not href:
        return None
    href = href.strip()
    if not href or href.startswith(("data:", "javascript:", "#")):
        return None
    # A scheme-relative URL with no page URL to lean on is taken as https.
    joined = _join(base or ("https:" if href.startswith("//") else ""), href)
    if joined is None:
        return None
    return joined if _HTTP_RE.match(joined) else None
