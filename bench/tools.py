"""The extractors under comparison, each split into a timed extraction call and an untimed read-out.

Peers are imported only when a tool is built, so the metric and the CI gate never need them.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from typing import Any, Protocol

from extractor.errors import ConfigError

__all__ = [
    "NOW",
    "TOOLS",
    "Extraction",
    "Tool",
    "build_tools",
    "forbid_network",
    "html_text",
    "tool_version",
]

# Fixed so that extractor's relative teaser dates and future-date flags do not depend on the clock.
NOW = datetime(2026, 11, 24, tzinfo=UTC)
TOOLS = ("extractor", "trafilatura", "readability", "newspaper")
_BLOCKS = frozenset(
    (
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    )
)


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the benchmark scores: body text, and title, byline and date when the tool gives them."""

    text: str
    title: str | None = None
    byline: str | None = None
    date: str | None = None


class Tool(Protocol):
    """A tool: ``extract`` is the timed call, ``read`` turns its result into an Extraction."""

    name: str
    has_byline: bool
    has_date: bool

    def extract(self, html: str, url: str) -> Any: ...

    def read(self, result: Any, html: str, url: str) -> Extraction: ...


def tool_version(name: str) -> str:
    """The installed version of a tool's distribution."""
    distribution = {
        "extractor": "extractor",
        "trafilatura": "trafilatura",
        "readability": "readability-lxml",
        "newspaper": "newspaper4k",
    }[name]
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def html_text(fragment: str) -> str:
    """The text of an HTML fragment, with a line break after every block so words never fuse."""
    import lxml.html

    if not fragment.strip():
        return ""
    root = lxml.html.fromstring(fragment)
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
    return "".join(root.itertext())


class ExtractorTool:
    """extractor's full record through ``extractor.pipeline.extract``."""

    name = "extractor"
    has_byline = True
    has_date = True

    def __init__(self) -> None:
        from extractor.pipeline import extract

        self._extract = extract

    def extract(self, html: str, url: str) -> Any:
        return self._extract(html, url, now=NOW)

    def read(self, result: Any, html: str, url: str) -> Extraction:
        return Extraction(
            text=result.text,
            title=result.headline,
            byline=", ".join(result.authors) or None,
            date=result.published,
        )


class TrafilaturaTool:
    """``trafilatura.extract`` with its defaults (timed); its metadata from ``extract_metadata``."""

    name = "trafilatura"
    has_byline = True
    has_date = True

    def __init__(self) -> None:
        import trafilatura
        from trafilatura.metadata import extract_metadata

        self._extract = trafilatura.extract
        self._metadata = extract_metadata

    def extract(self, html: str, url: str) -> Any:
        return self._extract(html, url=url)

    def read(self, result: Any, html: str, url: str) -> Extraction:
        document = self._metadata(html, default_url=url)
        return Extraction(
            text=result or "",
            title=document.title,
            byline=document.author,
            date=document.date,
        )


class ReadabilityTool:
    """readability-lxml: ``Document(html).summary()`` (timed); ``short_title()``, ``author()``."""

    name = "readability"
    has_byline = True
    has_date = False

    def __init__(self) -> None:
        from readability import Document

        self._document = Document

    def extract(self, html: str, url: str) -> Any:
        document = self._document(html, url=url)
        return document, document.summary()

    def read(self, result: Any, html: str, url: str) -> Extraction:
        document, summary = result
        author = document.author()
        return Extraction(
            text=html_text(summary),
            title=document.short_title(),
            # readability-lxml answers "[no-author]" when the page declares none.
            byline=None if author == "[no-author]" else author,
        )


class NewspaperTool:
    """newspaper4k: ``Article(url)``, ``download(input_html=html)`` and ``parse()`` (timed)."""

    name = "newspaper"
    has_byline = True
    has_date = True

    def __init__(self) -> None:
        from newspaper import Article, Config

        config = Config()
        # Left on, parse() downloads the candidate images over the network to pick a top image.
        config.fetch_images = False
        config.follow_meta_refresh = False
        self._config = config
        self._article = Article

    def extract(self, html: str, url: str) -> Any:
        article = self._article(url, config=self._config)
        article.download(input_html=html)
        article.parse()
        return article

    def read(self, result: Any, html: str, url: str) -> Extraction:
        published = result.publish_date
        return Extraction(
            text=result.text or "",
            title=result.title or None,
            byline=", ".join(result.authors) or None,
            date=published.isoformat() if published else None,
        )


_BUILDERS: dict[str, Callable[[], Tool]] = {
    "extractor": ExtractorTool,
    "trafilatura": TrafilaturaTool,
    "readability": ReadabilityTool,
    "newspaper": NewspaperTool,
}


def build_tools(names: Sequence[str]) -> list[Tool]:
    """The named tools, ready to run; a peer that is not installed is a ConfigError saying how."""
    tools = []
    for name in names:
        if name not in _BUILDERS:
            raise ConfigError(f"unknown tool {name!r}; known: {', '.join(TOOLS)}")
        try:
            tools.append(_BUILDERS[name]())
        except ImportError as exc:
            raise ConfigError(
                f"{name} is not installed in this interpreter ({exc}); run `make bench`, which "
                "installs the peers into .venv-bench from the `bench` extra",
                kind="missing",
            ) from exc
    return tools


def forbid_network() -> list[str]:
    """Make every non-loopback connection and name lookup of this process fail; return the log.

    The peers reach for the network on their own (tldextract refreshes the public suffix list,
    newspaper4k can fetch images), and this benchmark must never send traffic off the machine.
    The list it returns fills with every attempt that was refused, so the report can show them.
    """
    refused: list[str] = []
    # tldextract reads this before its first lookup: empty means "use the bundled snapshot".
    os.environ["TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"] = ""
    real_getaddrinfo = socket.getaddrinfo
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def loopback(host: object) -> bool:
        if host is None:
            return True
        name = host.decode() if isinstance(host, bytes) else str(host)
        if name in ("localhost", "") or name.endswith(".localhost"):
            return True
        try:
            return ipaddress.ip_address(name.split("%", 1)[0]).is_loopback
        except ValueError:
            return False

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if not loopback(host):
            refused.append(f"lookup {host}")
            raise socket.gaierror(socket.EAI_NONAME, f"network disabled in the benchmark: {host}")
        return real_getaddrinfo(host, *args, **kwargs)

    def address_ok(address: Any) -> bool:
        return not isinstance(address, tuple) or loopback(address[0])

    def connect(self: socket.socket, address: Any) -> None:
        if not address_ok(address):
            refused.append(f"connect {address}")
            raise ConnectionRefusedError(f"network disabled in the benchmark: {address}")
        real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        if not address_ok(address):
            refused.append(f"connect {address}")
            return 111
        return real_connect_ex(self, address)

    socket.getaddrinfo = getaddrinfo
    socket.socket.connect = connect  # type: ignore[assignment]
    socket.socket.connect_ex = connect_ex  # type: ignore[assignment]
    return refused
