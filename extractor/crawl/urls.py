"""URL canonicalisation and crawl scope: one spelling per page, so no page is queued twice."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

from extractor.errors import ConfigError

# Parameters that only say where a click came from; two URLs that differ in them are one page.
TRACKING_PREFIXES = ("utm_", "mtm_", "pk_", "hsa_")
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "gclsrc",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "twclid",
        "ttclid",
        "li_fat_id",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "_hsenc",
        "_hsmi",
        "vero_id",
        "oly_anon_id",
        "oly_enc_id",
        "rb_clickid",
        "s_cid",
        "ref_src",
    }
)
_DEFAULT_PORTS = {"http": 80, "https": 443}
_SKIPPED_SCHEMES = ("javascript:", "mailto:", "tel:", "data:", "ftp:", "file:", "about:")


def is_tracking_param(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def canonicalize(url: str, base: str | None = None) -> str | None:
    """The one spelling of an http(s) URL, or None when it is not a fetchable web page address.

    Resolved against ``base``; fragment dropped; tracking parameters removed; scheme and host
    lower-cased; default port dropped; path percent-encoded and dot segments resolved; query
    arguments sorted (w3lib). Pure.
    """
    candidate = url.strip()
    if not candidate or candidate.lower().startswith(_SKIPPED_SCHEMES):
        return None
    if base:
        candidate = urljoin(base, candidate)
    try:
        parts = urlsplit(candidate)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return None
    host = parts.hostname.lower().rstrip(".")
    if ":" in host:
        host = f"[{host}]"
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        query = urlencode([(k, v) for k, v in pairs if not is_tracking_param(k)])
    rebuilt = urlunsplit((scheme, host, parts.path or "/", query, ""))
    try:
        return canonicalize_url(rebuilt, keep_fragments=False)
    except ValueError:
        return None


def host_of(url: str) -> str:
    """The host (with a non-default port) of a canonical URL."""
    return urlsplit(url).netloc


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def robots_url(url: str) -> str:
    return origin_of(url) + "/robots.txt"


@dataclass(frozen=True, slots=True)
class Scope:
    """Which URLs a crawl may follow: its hosts, then deny patterns, then allow patterns.

    With no allow patterns every URL of an allowed host is in scope. Patterns are regular
    expressions searched in the canonical URL; a bad one raises ConfigError when the scope is made.
    """

    hosts: frozenset[str]
    allow: tuple[str, ...] = ()
    deny: tuple[str, ...] = ()
    _allow: tuple[re.Pattern[str], ...] = field(init=False, repr=False, compare=False)
    _deny: tuple[re.Pattern[str], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_allow", _compile(self.allow))
        object.__setattr__(self, "_deny", _compile(self.deny))

    @classmethod
    def of(
        cls,
        urls: Iterable[str],
        *,
        hosts: Iterable[str] = (),
        allow: Iterable[str] = (),
        deny: Iterable[str] = (),
    ) -> Scope:
        """A scope of the hosts named plus the hosts of ``urls`` (seeds, sitemaps, feeds)."""
        named = {h.lower() for h in hosts}
        for url in urls:
            canonical = canonicalize(url)
            if canonical:
                named.add(host_of(canonical))
        return cls(frozenset(named), tuple(allow), tuple(deny))

    def allows(self, url: str) -> bool:
        if host_of(url) not in self.hosts:
            return False
        if any(p.search(url) for p in self._deny):
            return False
        return not self._allow or any(p.search(url) for p in self._allow)


def _compile(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    compiled = []
    for pattern in patterns:
        try:
            compiled.append(re.compile(pattern))
        except re.error as exc:
            raise ConfigError(f"bad scope pattern {pattern!r}: {exc}", kind="invalid") from exc
    return tuple(compiled)
