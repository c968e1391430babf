"""Site profiles as data: one TOML file per host pinning selectors, and a directory of them.

A profile is never needed: every field is optional, and a selector that matches nothing on a
page leaves the generic extractor's answer in place. See ``examples/profiles/``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from extractor.errors import ConfigError
from extractor.models import BOILERPLATE_KINDS
from extractor.profiles.selectors import Selector

_PROFILE_KEYS = {"hosts", "headline", "body"}
_TEASER_KEYS = {"block", "card", "title", "blurb", "date", "link", "heading"}


@dataclass(frozen=True, slots=True)
class TeaserRule:
    """Where a site keeps a teaser block, its cards, and each card's parts (card-relative)."""

    block: Selector
    card: Selector
    link: Selector
    title: Selector | None = None
    blurb: Selector | None = None
    date: Selector | None = None
    heading: Selector | None = None  # block-relative; default: the block's first h1–h6


@dataclass(frozen=True, slots=True)
class Profile:
    """One host's pinned selectors; ``name`` is what records carry in ``extractor.profile``."""

    name: str
    hosts: tuple[str, ...] = ()
    headline: Selector | None = None
    body: Selector | None = None
    teasers: tuple[TeaserRule, ...] = ()
    boilerplate: tuple[tuple[Selector, str], ...] = ()


def _selector(table: Mapping[str, Any], key: str, where: str) -> Selector | None:
    value = table.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}: {key} must be a CSS selector string")
    try:
        return Selector.parse(value)
    except ConfigError as exc:
        raise ConfigError(f"{where}: {key}: {exc.message}") from exc


def read_profile(data: Mapping[str, Any], name: str, where: str = "profile") -> Profile:
    """A profile from parsed TOML; unknown keys and bad selectors or kinds are ConfigErrors."""
    unknown = set(data) - {"profile", "teasers", "boilerplate"}
    if unknown:
        raise ConfigError(f"{where}: unknown section {sorted(unknown)[0]!r}")
    head = data.get("profile", {})
    if not isinstance(head, dict) or set(head) - _PROFILE_KEYS:
        raise ConfigError(f"{where}: [profile] takes only {', '.join(sorted(_PROFILE_KEYS))}")
    hosts = head.get("hosts", [])
    if not isinstance(hosts, list) or not all(isinstance(h, str) for h in hosts):
        raise ConfigError(f"{where}: hosts must be a list of host names")
    rules = []
    for i, rule in enumerate(data.get("teasers", [])):
        at = f"{where} [[teasers]] #{i + 1}"
        if not isinstance(rule, dict) or set(rule) - _TEASER_KEYS:
            raise ConfigError(f"{at}: takes only {', '.join(sorted(_TEASER_KEYS))}")
        block, card = _selector(rule, "block", at), _selector(rule, "card", at)
        if block is None or card is None:
            raise ConfigError(f"{at}: block and card are required")
        rules.append(
            TeaserRule(
                block=block,
                card=card,
                link=_selector(rule, "link", at) or Selector.parse("a[href]"),
                title=_selector(rule, "title", at),
                blurb=_selector(rule, "blurb", at),
                date=_selector(rule, "date", at),
                heading=_selector(rule, "heading", at),
            )
        )
    boilerplate = []
    table = data.get("boilerplate", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: [boilerplate] maps selectors to kinds")
    for source, kind in table.items():
        if kind not in BOILERPLATE_KINDS:
            raise ConfigError(
                f"{where}: [boilerplate] {source!r}: kind must be one of "
                f"{', '.join(BOILERPLATE_KINDS)}, not {kind!r}"
            )
        selector = _selector({"selector": source}, "selector", f"{where} [boilerplate]")
        assert selector is not None
        boilerplate.append((selector, str(kind)))
    return Profile(
        name=name,
        hosts=tuple(h.lower() for h in hosts),
        headline=_selector(head, "headline", f"{where} [profile]"),
        body=_selector(head, "body", f"{where} [profile]"),
        teasers=tuple(rules),
        boilerplate=tuple(boilerplate),
    )


def load_profile(path: str | Path) -> Profile:
    """The profile in ``<host>.toml``: its name is the file's stem (the host)."""
    file = Path(path)
    try:
        data = tomllib.loads(file.read_text("utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read the profile {file}: {exc.strerror}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"the profile {file} is not valid TOML: {exc}") from exc
    return read_profile(data, file.stem.lower(), str(file))


@dataclass(frozen=True, slots=True)
class Profiles:
    """The profiles of a directory, by host; ``for_url`` picks one for a page (or none)."""

    by_host: Mapping[str, Profile]

    def for_url(self, url: str | None) -> Profile | None:
        host = (urlsplit(url or "").hostname or "").lower()
        if not host:
            return None
        # The host itself, then without "www.", then each parent domain: a profile for
        # example.org serves news.example.org unless that host has its own.
        labels = host.removeprefix("www.").split(".")
        parents = (
            () if _is_address(host) else (".".join(labels[i:]) for i in range(len(labels) - 1))
        )
        for candidate in (host, *parents):
            found = self.by_host.get(candidate)
            if found is not None:
                return found
        return None

    def __len__(self) -> int:
        return len({p.name for p in self.by_host.values()})


def _is_address(host: str) -> bool:
    return ":" in host or host.replace(".", "").isdigit()


def load_profiles(directory: str | Path | None) -> Profiles:
    """Every ``*.toml`` of ``directory`` as a profile; none for None. A bad file is an error."""
    if directory is None:
        return Profiles({})
    folder = Path(directory)
    if not folder.is_dir():
        raise ConfigError(f"the profiles directory {folder} does not exist", kind="missing")
    by_host: dict[str, Profile] = {}
    for file in sorted(folder.glob("*.toml")):
        profile = load_profile(file)
        for host in (profile.name, *profile.hosts):
            by_host.setdefault(host, profile)
    return Profiles(by_host)


__all__ = ["Profile", "Profiles", "TeaserRule", "load_profile", "load_profiles", "read_profile"]
