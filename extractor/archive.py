"""WARC archives (warcio): every HTTP exchange written as WARC/1.1, read back, and replayed.

Writing: ``WarcArchive`` keeps one gzip member per record (a crash can tear at most the last
one, which ``repair_warc`` cuts), writes a response and its request for each exchange, a
``server-not-modified`` revisit for a 304, and starts ``<prefix>-<n+1>.warc.gz`` once a file
passes its size limit. ``ArchivingTransport`` puts it under any Transport, so robots.txt,
sitemaps, redirects and retries are archived too.

Reading: ``iter_responses`` turns the response records of a WARC back into FetchResults, and
``ReplayTransport`` answers requests from archives instead of the network.
"""

from __future__ import annotations

import io
import os
import re
import threading
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.limitreader import LimitReader
from warcio.statusandheaders import StatusAndHeaders
from warcio.timeutils import iso_date_to_datetime
from warcio.warcwriter import WARCWriter

from extractor.closing import Closing
from extractor.errors import ArchiveError, FetchError
from extractor.fetch import Transport
from extractor.models import FetchRequest, FetchResult
from extractor.version import __version__

WARC_VERSION = "1.1"
NOT_MODIFIED_PROFILE = "http://netpreserve.org/warc/1.1/revisit/server-not-modified"
DEFAULT_MAX_BYTES = 1024 * 1024 * 1024
# The body a transport returns is already decoded, so these headers would describe bytes that
# are not in the record; they are kept under another name for the record's sake.
_DECODED_HEADERS = ("content-encoding", "transfer-encoding", "content-length")
_ORIGINAL_PREFIX = "X-Archive-Orig-"
_FILE_RE = re.compile(r"^(?P<prefix>.+)-(?P<n>\d+)\.warc\.gz$")


def warc_date(moment: datetime) -> str:
    """WARC/1.1 date: UTC with microseconds."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _path_of(url: str) -> str:
    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def _response_headers(result: FetchResult) -> list[tuple[str, str]]:
    headers: list[tuple[str, str]] = []
    for name, value in result.headers:
        if name.lower() in _DECODED_HEADERS:
            headers.append((_ORIGINAL_PREFIX + name, value))
        else:
            headers.append((name, value))
    headers.append(("Content-Length", str(len(result.body))))
    return headers


def _request_headers(request: FetchRequest, result: FetchResult) -> list[tuple[str, str]]:
    if result.request_headers:
        headers = list(result.request_headers)
    else:
        headers = list(request.headers)
        if request.etag:
            headers.append(("If-None-Match", request.etag))
        if request.last_modified:
            headers.append(("If-Modified-Since", request.last_modified))
    if not any(name.lower() == "host" for name, _ in headers):
        headers.insert(0, ("Host", urlsplit(result.url).netloc))
    return headers


class WarcArchive(Closing):
    """Writes exchanges to ``<directory>/<prefix>-<n>.warc.gz``, rotating past ``max_bytes``.

    Thread-safe: a fetcher's worker threads may write at once. A new archive never appends to
    an existing file (it might end in a torn record): it starts at the next free ``n``.
    """

    def __init__(
        self, directory: str | Path, prefix: str, *, max_bytes: int = DEFAULT_MAX_BYTES
    ) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.prefix = prefix
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._number = max((n for n, _ in archive_files(self.directory, prefix)), default=0)
        self._stream: IO[bytes] | None = None
        self._writer: WARCWriter | None = None
        self.paths: list[Path] = []

    def _open_next(self) -> WARCWriter:
        self._close_stream()
        self._number += 1
        path = self.directory / f"{self.prefix}-{self._number}.warc.gz"
        try:
            self._stream = open(path, "xb")  # noqa: SIM115
        except OSError as exc:
            raise ArchiveError(f"cannot create {path}: {exc.strerror}", url=str(path)) from exc
        self.paths.append(path)
        self._writer = WARCWriter(self._stream, gzip=True, warc_version=WARC_VERSION)
        # Each file says what wrote it and which crawl run it belongs to.
        info = {
            "software": f"extractor/{__version__}",
            "format": "WARC File Format 1.1",
            "isPartOf": self.prefix,
        }
        self._writer.write_record(self._writer.create_warcinfo_record(path.name, info))
        return self._writer

    def _close_stream(self) -> None:
        if self._stream is not None:
            self._stream.flush()
            os.fsync(self._stream.fileno())
            self._stream.close()
            self._stream = None
            self._writer = None

    def write_exchange(self, request: FetchRequest, result: FetchResult) -> None:
        """The response (or a revisit for a 304) and the request that asked for it."""
        with self._lock:
            writer = self._writer or self._open_next()
            date = warc_date(result.fetched_at)
            http = StatusAndHeaders(
                f"{result.status} {result.reason}".strip(),
                _response_headers(result),
                protocol=result.http_version or "HTTP/1.1",
            )
            if result.not_modified:
                response = writer.create_warc_record(
                    result.url,
                    "revisit",
                    http_headers=http,
                    warc_headers_dict={
                        "WARC-Date": date,
                        "WARC-Profile": NOT_MODIFIED_PROFILE,
                        "WARC-Refers-To-Target-URI": result.url,
                    },
                )
            else:
                response = writer.create_warc_record(
                    result.url,
                    "response",
                    payload=io.BytesIO(result.body),
                    length=len(result.body),
                    http_headers=http,
                    warc_headers_dict={"WARC-Date": date},
                )
            request_record = writer.create_warc_record(
                result.url,
                "request",
                http_headers=StatusAndHeaders(
                    f"GET {_path_of(result.url)} {result.http_version or 'HTTP/1.1'}",
                    _request_headers(request, result),
                    is_http_request=True,
                ),
                warc_headers_dict={"WARC-Date": date},
            )
            try:
                writer.write_request_response_pair(request_record, response)
                assert self._stream is not None
                # Flushed to the OS per exchange: a kill -9 then loses nothing already written.
                self._stream.flush()
            except OSError as exc:
                raise ArchiveError(f"cannot write the archive: {exc.strerror}") from exc
            if self._stream.tell() >= self.max_bytes:
                self._close_stream()

    def close(self) -> None:
        with self._lock:
            self._close_stream()


def archive_files(directory: str | Path, prefix: str | None = None) -> list[tuple[int, Path]]:
    """``(n, path)`` of the ``<prefix>-<n>.warc.gz`` files in a directory, by prefix then n."""
    found: list[tuple[str, int, Path]] = []
    folder = Path(directory)
    if not folder.is_dir():
        return []
    for path in folder.iterdir():
        match = _FILE_RE.match(path.name)
        if match and (prefix is None or match["prefix"] == prefix):
            found.append((match["prefix"], int(match["n"]), path))
    return [(n, path) for _, n, path in sorted(found)]


def complete_length(path: str | Path) -> int:
    """How many leading bytes of a record-per-member .warc.gz are whole gzip members."""
    good = 0
    offset = 0
    inflater = zlib.decompressobj(wbits=31)
    with open(path, "rb") as stream:
        while chunk := stream.read(1 << 20):
            while chunk:
                try:
                    inflater.decompress(chunk)
                except zlib.error:
                    return good
                if inflater.eof:
                    used = len(chunk) - len(inflater.unused_data)
                    offset += used
                    good = offset
                    chunk = inflater.unused_data
                    inflater = zlib.decompressobj(wbits=31)
                else:
                    offset += len(chunk)
                    chunk = b""
    return good


def repair_warc(path: str | Path) -> int:
    """Cut a torn last record (an unfinished gzip member) off a .warc.gz; returns bytes cut."""
    target = Path(path)
    size = target.stat().st_size
    keep = complete_length(target)
    if keep == size:
        return 0
    with open(target, "r+b") as stream:
        stream.truncate(keep)
        stream.flush()
        os.fsync(stream.fileno())
    return size - keep


class ArchivingTransport:
    """A Transport that writes every exchange of the one it wraps to a WarcArchive."""

    def __init__(self, inner: Transport, archive: WarcArchive) -> None:
        self.inner = inner
        self.archive = archive

    def send(self, request: FetchRequest) -> FetchResult:
        result = self.inner.send(request)
        self.archive.write_exchange(request, result)
        return result


# ---------------------------------------------------------------------------- reading


def _result(record: Any, target: str) -> FetchResult:
    http = record.http_headers
    date = record.rec_headers.get_header("WARC-Date")
    try:
        fetched_at = iso_date_to_datetime(date).replace(tzinfo=UTC) if date else None
    except ValueError:
        fetched_at = None
    headers = tuple((name.removeprefix(_ORIGINAL_PREFIX), value) for name, value in http.headers)
    status_text = http.get_statuscode() or "0"
    reason = http.statusline.split(" ", 1)[1] if " " in http.statusline else ""
    return FetchResult(
        requested_url=target,
        url=target,
        status=int(status_text) if status_text.isdigit() else 0,
        headers=tuple((n, v) for n, v in headers if n.lower() not in _DECODED_HEADERS),
        body=record.content_stream().read(),
        fetched_at=fetched_at or datetime.fromtimestamp(0, UTC),
        http_version=http.protocol or "HTTP/1.1",
        reason=reason,
    )


def iter_responses(path: str | Path) -> Iterator[FetchResult]:
    """The HTTP responses archived in a WARC (.warc or .warc.gz), in file order, bodies decoded.

    Revisit, request and metadata records are skipped. A file that is not a WARC, or ends in a
    torn record, raises ArchiveError after the responses before the damage.
    """
    try:
        stream = open(path, "rb")  # noqa: SIM115
    except OSError as exc:
        raise ArchiveError(f"cannot read {path}: {exc.strerror}", url=str(path)) from exc
    with stream:
        torn = False
        source: Any = stream
        if stream.read(2) == b"\x1f\x8b":
            # warcio hands out whatever it can inflate of a cut gzip member, so only the whole
            # members are given to it, and a torn tail is reported once they are read.
            whole = complete_length(path)
            torn = whole < os.fstat(stream.fileno()).st_size
            source = LimitReader(stream, whole)
        stream.seek(0)
        try:
            for record in ArchiveIterator(source, arc2warc=True):
                if record.rec_type is None:
                    torn = True
                    break
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                target = record.rec_headers.get_header("WARC-Target-URI") or ""
                if not target.startswith(("http://", "https://")):
                    continue
                result = _result(record, target)
                if getattr(record.raw_stream, "limit", 0) > 0:
                    # A plain .warc cut short: the record's body has fewer bytes than it says.
                    torn = True
                    break
                yield result
        # AttributeError too: warcio trips over its own None on some damaged headers.
        except (ArchiveLoadFailed, EOFError, zlib.error, ValueError, AttributeError) as exc:
            raise ArchiveError(f"{path} is not a readable WARC: {exc}", url=str(path)) from exc
        if torn:
            raise ArchiveError(f"{path} ends in a torn record", url=str(path))


class ReplayTransport:
    """A Transport that answers from WARC files: the last response archived for each URL.

    A URL the archives do not hold raises FetchError (kind ``connection``), as a host that
    cannot be reached would. Only an index (URL → file, offset) is kept in memory.
    """

    def __init__(self, paths: Iterable[str | Path]) -> None:
        self._index: dict[str, tuple[Path, int]] = {}
        for path in paths:
            self._index_file(Path(path))

    def _index_file(self, path: Path) -> None:
        try:
            with open(path, "rb") as stream:
                iterator = ArchiveIterator(stream)
                for record in iterator:
                    if record.rec_type == "response" and record.http_headers is not None:
                        target = record.rec_headers.get_header("WARC-Target-URI") or ""
                        self._index[target] = (path, iterator.get_record_offset())
        except (OSError, ArchiveLoadFailed, EOFError, zlib.error, ValueError) as exc:
            raise ArchiveError(f"{path} is not a readable WARC: {exc}", url=str(path)) from exc

    def __contains__(self, url: object) -> bool:
        return url in self._index

    def __len__(self) -> int:
        return len(self._index)

    def send(self, request: FetchRequest) -> FetchResult:
        found = self._index.get(request.url)
        if found is None:
            raise FetchError(
                "the archive holds no response for this URL", url=request.url, kind="connection"
            )
        path, offset = found
        with open(path, "rb") as stream:
            stream.seek(offset)
            record = next(iter(ArchiveIterator(stream)))
            result = _result(record, request.url)
        if _matches(request, result):
            # Answer a conditional request the way the server would have.
            return replace(result, status=304, reason="Not Modified", body=b"")
        return result


def _matches(request: FetchRequest, result: FetchResult) -> bool:
    etag = result.header("etag")
    if request.etag and etag:
        return request.etag == etag
    modified = result.header("last-modified")
    return bool(request.last_modified and modified and request.last_modified == modified)
