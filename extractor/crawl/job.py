"""The crawl job: a TOML file, environment variables and flags folded into one frozen CrawlConfig.

Precedence, highest first: command-line flags > ``EXTRACTOR_*`` environment variables > the job
file > defaults. Every setting has one flat name (``max_pages``, ``min_delay``…) in all four
places; in the job file it sits in a section (see ``examples/job.toml``). Paths in a job file
are relative to the file.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from extractor.archive import DEFAULT_MAX_BYTES
from extractor.config import ExtractConfig, FetchConfig
from extractor.crawl.urls import Scope, canonicalize
from extractor.emit import FORMATS
from extractor.errors import ConfigError

ENV_PREFIX = "EXTRACTOR_"


@dataclass(frozen=True, slots=True)
class CrawlConfig:
    """Everything one crawl job needs; build it with ``load_config`` or directly."""

    seeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    out_dir: str = "crawl"
    hosts: tuple[str, ...] = ()  # besides the hosts of seeds, sitemaps and feeds
    allow: tuple[str, ...] = ()  # regular expressions; when given, a URL must match one
    deny: tuple[str, ...] = ()  # regular expressions; a URL that matches one is left out
    max_pages: int | None = None  # pages fetched per run (documents not counted)
    max_depth: int | None = None  # link hops from a seed, sitemap or feed
    revisit_after: float = 0.0  # seconds; known pages fetched more recently are not revisited
    robots_sitemaps: bool = True  # read the Sitemap: lines of each host's robots.txt
    follow_links: bool = True
    formats: tuple[str, ...] = ("jsonl",)  # DIR/records/<run-id>.jsonl always; others derived
    warc: bool = True
    warc_max_bytes: int = DEFAULT_MAX_BYTES
    batch_size: int = 64  # pages committed per transaction
    fetch: FetchConfig = field(default_factory=FetchConfig)
    extract: ExtractConfig = field(default_factory=ExtractConfig)

    def scope(self) -> Scope:
        return Scope.of(
            (*self.seeds, *self.sitemaps, *self.feeds),
            hosts=self.hosts,
            allow=self.allow,
            deny=self.deny,
        )


# Every setting's flat name and the job file section it belongs in.
_SETTINGS: dict[str, str] = {
    "seeds": "job",
    "sitemaps": "job",
    "feeds": "job",
    "out": "job",
    "hosts": "scope",
    "allow": "scope",
    "deny": "scope",
    "max_pages": "limits",
    "max_depth": "limits",
    "revisit_after": "limits",
    "batch_size": "limits",
    "follow_links": "discovery",
    "robots_sitemaps": "discovery",
    "user_agent": "politeness",
    "min_delay": "politeness",
    "per_host": "politeness",
    "concurrency": "politeness",
    "obey_robots": "politeness",
    "timeout": "politeness",
    "max_tries": "politeness",
    "max_bytes": "politeness",
    "allow_private": "politeness",
    "formats": "outputs",
    "warc": "outputs",
    "warc_max_size": "outputs",
    "profiles": "extract",
    "site_learning": "extract",
}
_LISTS = {"seeds", "sitemaps", "feeds", "hosts", "allow", "deny", "formats"}
_BOOLS = {
    "follow_links",
    "robots_sitemaps",
    "obey_robots",
    "allow_private",
    "warc",
    "site_learning",
}
_INTS = {"max_pages", "max_depth", "batch_size", "per_host", "concurrency", "max_tries"}
_FLOATS = {"min_delay", "timeout"}
_DURATION_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*$", re.IGNORECASE)
_SIZE_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?i?b?)\s*$", re.IGNORECASE)
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_duration(value: object, *, name: str = "duration") -> float:
    """Seconds from ``90``, ``"90s"``, ``"15m"``, ``"6h"``, ``"1d"`` or ``"2w"``."""
    if isinstance(value, bool):
        raise ConfigError(f"{name}: expected a duration like 6h or 1d, got {value!r}")
    if isinstance(value, int | float):
        seconds = float(value)
    else:
        match = _DURATION_RE.match(str(value))
        if not match:
            raise ConfigError(f"{name}: expected a duration like 30m, 6h or 1d, got {value!r}")
        seconds = float(match[1]) * _UNITS[match[2].lower()]
    if seconds < 0:
        raise ConfigError(f"{name}: a duration cannot be negative")
    return seconds


def parse_size(value: object, *, name: str = "size") -> int:
    """Bytes from ``1048576``, ``"512MB"``, ``"1GiB"``…; units are powers of 1024."""
    if isinstance(value, int) and not isinstance(value, bool):
        size = value
    else:
        match = _SIZE_RE.match(str(value))
        if not match:
            raise ConfigError(f"{name}: expected a size like 512MB or 1GB, got {value!r}")
        unit = match[2][:1].lower()
        size = int(float(match[1]) * 1024 ** " kmgt".index(unit or " "))
    if size <= 0:
        raise ConfigError(f"{name}: a size must be positive")
    return size


def _convert(name: str, value: Any, origin: str) -> Any:
    where = f"{name} ({origin})"
    try:
        if name in _LISTS:
            if isinstance(value, str):
                return tuple(v for v in re.split(r"[\s,]+", value) if v)
            if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{where}: expected a list of strings")
            return tuple(value)
        if name in _BOOLS:
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in ("1", "true", "yes", "on"):
                return True
            if text in ("0", "false", "no", "off"):
                return False
            raise ConfigError(f"{where}: expected true or false, got {value!r}")
        if name in _INTS:
            if isinstance(value, bool):
                raise ConfigError(f"{where}: expected a whole number, got {value!r}")
            number = int(value)
            if number < 0 or (number == 0 and name not in ("max_depth", "max_pages")):
                raise ConfigError(f"{where}: must be positive, got {number}")
            return number
        if name in _FLOATS:
            seconds = float(value)
            if seconds < 0:
                raise ConfigError(f"{where}: cannot be negative")
            return seconds
        if name == "revisit_after":
            return parse_duration(value, name=where)
        if name in ("warc_max_size", "max_bytes"):
            return parse_size(value, name=where)
        if not isinstance(value, str):
            raise ConfigError(f"{where}: expected a string")
        return value
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{where}: {exc}") from exc


def read_job(path: str | Path) -> dict[str, Any]:
    """A job file's settings by flat name, converted and checked; unknown keys are errors."""
    job = Path(path)
    try:
        data = tomllib.loads(job.read_text("utf-8"))
    except OSError as exc:
        raise ConfigError(
            f"cannot read the job file {job}: {exc.strerror}", kind="missing"
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"the job file {job} is not valid TOML: {exc}") from exc
    settings: dict[str, Any] = {}
    for section, table in data.items():
        if not isinstance(table, dict):
            raise ConfigError(f"{job}: {section!r} must be a [section]")
        for key, value in table.items():
            if _SETTINGS.get(key) != section:
                hint = f" (it belongs in [{_SETTINGS[key]}])" if key in _SETTINGS else ""
                raise ConfigError(f"{job}: unknown setting [{section}] {key}{hint}")
            settings[key] = _convert(key, value, str(job))
    for name in ("out", "profiles"):
        if name in settings:
            settings[name] = str((job.parent / settings[name]).resolve())
    return settings


def read_env(env: Mapping[str, str]) -> dict[str, Any]:
    """Settings from ``EXTRACTOR_<NAME>`` variables (``EXTRACTOR_MAX_PAGES=500``)."""
    settings: dict[str, Any] = {}
    for name in _SETTINGS:
        raw = env.get(ENV_PREFIX + name.upper())
        if raw is not None and raw != "":
            settings[name] = _convert(name, raw, ENV_PREFIX + name.upper())
    return settings


def load_config(
    *,
    job: str | Path | None = None,
    env: Mapping[str, str] | None = None,
    flags: Mapping[str, Any] | None = None,
    base: CrawlConfig | None = None,
) -> CrawlConfig:
    """One CrawlConfig: ``flags`` over ``env`` over the ``job`` file over ``base`` (defaults).

    ``flags`` uses the flat names; a None value means "not given" and does not override.
    """
    settings: dict[str, Any] = {}
    if job is not None:
        settings.update(read_job(job))
    if env is not None:
        settings.update(read_env(env))
    for name, value in (flags or {}).items():
        if name not in _SETTINGS:
            raise ConfigError(f"unknown setting {name!r}")
        if value is None or (isinstance(value, list | tuple) and not value):
            continue  # not given on the command line
        settings[name] = _convert(name, value, "flag")
    return build_config(settings, base or CrawlConfig())


def build_config(settings: Mapping[str, Any], base: CrawlConfig) -> CrawlConfig:
    """Apply flat, converted settings to a config."""
    fetch_changes: dict[str, Any] = {}
    for name, fetch_name in (
        ("user_agent", "user_agent"),
        ("min_delay", "min_delay"),
        ("per_host", "per_host"),
        ("concurrency", "concurrency"),
        ("obey_robots", "obey_robots"),
        ("timeout", "deadline"),
        ("max_tries", "max_tries"),
        ("max_bytes", "max_bytes"),
        ("allow_private", "allow_private"),
    ):
        if name in settings:
            fetch_changes[fetch_name] = settings[name]
    changes: dict[str, Any] = {}
    for name in (
        "seeds",
        "sitemaps",
        "feeds",
        "hosts",
        "allow",
        "deny",
        "formats",
        "max_pages",
        "max_depth",
        "revisit_after",
        "batch_size",
        "follow_links",
        "robots_sitemaps",
        "warc",
    ):
        if name in settings:
            changes[name] = settings[name]
    if "out" in settings:
        changes["out_dir"] = settings["out"]
    if "warc_max_size" in settings:
        changes["warc_max_bytes"] = settings["warc_max_size"]
    extract_changes: dict[str, Any] = {}
    if "profiles" in settings:
        extract_changes["profile_dir"] = settings["profiles"]
    if "site_learning" in settings:
        extract_changes["site_learning"] = settings["site_learning"]
    if extract_changes:
        changes["extract"] = replace(base.extract, **extract_changes)
    config = replace(base, fetch=replace(base.fetch, **fetch_changes), **changes)
    check(config)
    return config


def check(config: CrawlConfig) -> None:
    """Raise ConfigError for a config no crawl can run with."""
    for name in ("seeds", "sitemaps", "feeds"):
        for url in getattr(config, name):
            if canonicalize(url) is None:
                raise ConfigError(f"{name}: {url!r} is not an http(s) URL")
    if not (config.seeds or config.sitemaps or config.feeds):
        raise ConfigError("a crawl needs at least one seed, sitemap or feed URL", kind="missing")
    unknown = [f for f in config.formats if f not in FORMATS]
    if unknown:
        raise ConfigError(
            f"formats: unknown {', '.join(unknown)}; choose from {', '.join(FORMATS)}"
        )
    if config.batch_size < 1:
        raise ConfigError("batch_size must be at least 1")
    config.scope()  # compiles the patterns: a bad one is a usage error now, not mid-crawl
    if config.extract.profile_dir is not None:
        from extractor.profiles import load_profiles

        load_profiles(config.extract.profile_dir)  # a bad profile is a usage error too
