"""The address guard: no request goes to a private, loopback or link-local host unless allowed."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
from urllib.parse import unquote, urlsplit

from urllib3.exceptions import LocationParseError
from urllib3.util import parse_url

from extractor.errors import FetchError

Resolver = Callable[[str], list[str]]

# Named explicitly (not only ipaddress.is_private) so the refused ranges are readable in one place.
BLOCKED_NETWORKS: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = tuple(
    ipaddress.ip_network(net)
    for net in (
        "0.0.0.0/8",
        "10.0.0.0/8",
        "100.64.0.0/10",
        "127.0.0.0/8",
        "169.254.0.0/16",
        "172.16.0.0/12",
        "192.168.0.0/16",
        "::/128",
        "::1/128",
        "fc00::/7",
        "fe80::/10",
    )
)


def system_resolver(host: str) -> list[str]:
    """Every address the system resolver gives for a host name."""
    infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    return [str(info[4][0]) for info in infos]


def is_private_address(address: str) -> bool:
    """Whether an IP address is private, loopback, link-local or otherwise not public."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return True  # an address we cannot read is not one we may connect to
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return any(ip in net for net in BLOCKED_NETWORKS if net.version == ip.version) or (
        ip.is_multicast or ip.is_reserved or ip.is_unspecified
    )


def url_host(url: str) -> str:
    """The lower-case host of an http(s) URL; FetchError ``invalid_url`` for anything else."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - a bad port raises ValueError here, not later inside requests
    except ValueError as exc:
        raise FetchError(f"invalid URL: {exc}", url=url, kind="invalid_url") from exc
    if parts.scheme not in ("http", "https") or not host:
        raise FetchError("invalid URL: not an http(s) URL with a host", url=url, kind="invalid_url")
    # The guard must judge the host the connection goes to, which is urllib3's reading of the
    # URL (requests hands it on). The two parsers differ on some authorities: urllib3 ends one
    # at a backslash and urlsplit does not, so ``http://10.0.0.1\\@127.0.0.1/`` is 10.0.0.1 to
    # the connection and 127.0.0.1 to urlsplit. A URL they read differently is refused.
    try:
        sent = parse_url(url).host
    except LocationParseError as exc:
        raise FetchError(f"invalid URL: {exc}", url=url, kind="invalid_url") from exc
    if not sent:
        raise FetchError("invalid URL: no host", url=url, kind="invalid_url")
    sent = sent.strip("[]").lower()
    split = unquote(host).lower()
    if any(char in parts.netloc for char in "\\\t\r\n ") or (
        split.isascii() and sent.isascii() and split != sent
    ):
        raise FetchError(
            "invalid URL: its host is ambiguous (URL parsers disagree on it)",
            url=url,
            kind="invalid_url",
        )
    return sent


class AddressGuard:
    """Refuses URLs whose host resolves to a non-public address, except seed hosts."""

    def __init__(
        self,
        *,
        allow_private: bool = False,
        seed_hosts: Iterable[str] = (),
        resolver: Resolver | None = None,
    ) -> None:
        self.allow_private = allow_private
        self.seed_hosts = frozenset(host.lower() for host in seed_hosts)
        self.resolver = resolver or system_resolver

    def check(self, url: str) -> None:
        """Raise FetchError unless ``url`` may be connected to; called before every hop."""
        host = url_host(url)
        if self.allow_private or host in self.seed_hosts:
            return
        try:
            addresses = [str(ipaddress.ip_address(host))]
        except ValueError:
            try:
                addresses = self.resolver(host)
            except (OSError, UnicodeError) as exc:
                message = f"cannot resolve {host}: {exc}"
                raise FetchError(message, url=url, kind="connection") from exc
        if not addresses:
            raise FetchError(f"{host} has no address", url=url, kind="connection")
        for address in addresses:
            if is_private_address(address):
                raise FetchError(
                    f"{host} resolves to the non-public address {address}",
                    url=url,
                    kind="private_address",
                )


def seed_hosts(seeds: Iterable[str]) -> frozenset[str]:
    """The hosts of the seed URLs that parse; the user named them, so they may be private."""
    hosts = set()
    for seed in seeds:
        try:
            hosts.add(url_host(seed))
        except FetchError:
            continue  # the bad seed gets its own invalid_url error when fetched
    return frozenset(hosts)
