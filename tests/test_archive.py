"""WARC writing (responses, requests, revisits, rotation, repair), reading and replay."""

from __future__ import annotations

import gzip
import threading
import zlib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from extractor.archive import (
    NOT_MODIFIED_PROFILE,
    ArchivingTransport,
    ReplayTransport,
    WarcArchive,
    archive_files,
    complete_length,
    iter_responses,
    repair_warc,
)
from extractor.errors import ArchiveError, FetchError
from extractor.models import FetchRequest, FetchResult

WHEN = datetime(2026, 1, 2, 3, 4, 5, 123456, tzinfo=UTC)


def page(n: int, *, status: int = 200, body: bytes | None = None) -> FetchResult:
    html = (
        body
        if body is not None
        else f"<html><body><p>page {n} caf\u00e9</p></body></html>".encode()
    )
    return FetchResult(
        requested_url=f"http://ex.com/{n}",
        url=f"http://ex.com/{n}",
        status=status,
        headers=(
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Encoding", "gzip"),  # the transport already decoded the body
            ("ETag", f'"v{n}"'),
        ),
        body=html,
        fetched_at=WHEN,
        reason="OK" if status == 200 else "Not Found",
        request_headers=(("User-Agent", "test"),),
    )


def not_modified(n: int) -> FetchResult:
    return FetchResult(
        f"http://ex.com/{n}",
        f"http://ex.com/{n}",
        304,
        (("ETag", f'"v{n}"'),),
        b"",
        WHEN,
        reason="Not Modified",
    )


def records(path: Path) -> list[tuple[str, str]]:
    with open(path, "rb") as stream:
        return [
            (r.rec_type, r.rec_headers.get_header("WARC-Target-URI"))
            for r in ArchiveIterator(stream)
        ]


def test_round_trip_of_responses(tmp_path: Path) -> None:
    with WarcArchive(tmp_path, "run") as archive:
        for n in range(3):
            archive.write_exchange(FetchRequest(f"http://ex.com/{n}"), page(n))
        archive.write_exchange(FetchRequest("http://ex.com/9"), page(9, status=404, body=b"gone"))
    (path,) = [p for _, p in archive_files(tmp_path, "run")]
    assert path.name == "run-1.warc.gz"
    assert records(path) == [("warcinfo", None)] + [
        (kind, f"http://ex.com/{n}") for n in (0, 1, 2, 9) for kind in ("response", "request")
    ]
    back = list(iter_responses(path))
    assert [(r.url, r.status, r.body) for r in back] == [
        (p.url, p.status, p.body)
        for p in (page(0), page(1), page(2), page(9, status=404, body=b"gone"))
    ]
    first = back[0]
    assert first.fetched_at == WHEN
    assert first.header("content-type") == "text/html; charset=utf-8"
    assert first.header("etag") == '"v0"'
    # the body is stored decoded, so its original encoding header must not claim otherwise
    assert first.header("content-encoding") is None
    assert first.reason == "OK"


def test_every_member_is_gzip_and_warc_1_1(tmp_path: Path) -> None:
    with WarcArchive(tmp_path, "run") as archive:
        archive.write_exchange(FetchRequest("http://ex.com/1"), page(1))
    data = (tmp_path / "run-1.warc.gz").read_bytes()
    assert gzip.decompress(data).startswith(b"WARC/1.1\r\n")
    with open(tmp_path / "run-1.warc.gz", "rb") as stream:
        kinds = []
        for rec in ArchiveIterator(stream):
            kinds.append(rec.rec_type)
            if rec.rec_type == "request":
                # warcio reads a request line as protocol "GET", status line "/1 HTTP/1.1"
                assert rec.http_headers.protocol == "GET"
                assert rec.http_headers.statusline == "/1 HTTP/1.1"
                assert rec.http_headers.get_header("User-Agent") == "test"
                assert rec.rec_headers.get_header("WARC-Concurrent-To")
    assert kinds == ["warcinfo", "response", "request"]


def test_304_is_a_revisit_and_not_a_response(tmp_path: Path) -> None:
    with WarcArchive(tmp_path, "run") as archive:
        archive.write_exchange(FetchRequest("http://ex.com/1", etag='"v1"'), not_modified(1))
    path = tmp_path / "run-1.warc.gz"
    with open(path, "rb") as stream:
        revisit = next(r for r in ArchiveIterator(stream) if r.rec_type == "revisit")
        assert revisit.rec_headers.get_header("WARC-Profile") == NOT_MODIFIED_PROFILE
        assert revisit.http_headers.get_statuscode() == "304"
    with open(path, "rb") as stream:
        request = [r for r in ArchiveIterator(stream) if r.rec_type == "request"][0]
        assert request.http_headers.get_header("If-None-Match") == '"v1"'
    assert list(iter_responses(path)) == []


def test_rotation_by_size_and_no_append_to_old_files(tmp_path: Path) -> None:
    with WarcArchive(tmp_path, "run", max_bytes=1500) as archive:
        for n in range(6):
            archive.write_exchange(
                FetchRequest(f"http://ex.com/{n}"), page(n, body=bytes(range(256)) * 4)
            )
    files = archive_files(tmp_path, "run")
    assert [n for n, _ in files] == list(range(1, len(files) + 1)) and len(files) >= 3
    urls = [r.url for _, p in files for r in iter_responses(p)]
    assert urls == [f"http://ex.com/{n}" for n in range(6)]
    with WarcArchive(tmp_path, "run") as archive:  # a resumed run starts a new file
        archive.write_exchange(FetchRequest("http://ex.com/7"), page(7))
    assert archive_files(tmp_path, "run")[-1][0] == len(files) + 1
    assert archive_files(tmp_path, "other") == []


def test_repair_cuts_a_torn_record(tmp_path: Path) -> None:
    with WarcArchive(tmp_path, "run") as archive:
        archive.write_exchange(FetchRequest("http://ex.com/1"), page(1))
        archive.write_exchange(FetchRequest("http://ex.com/2"), page(2))
    path = tmp_path / "run-1.warc.gz"
    whole = path.read_bytes()
    with WarcArchive(tmp_path, "tmp") as archive:
        archive.write_exchange(FetchRequest("http://ex.com/3"), page(3))
    other = (tmp_path / "tmp-1.warc.gz").read_bytes()  # warcinfo, response, request members
    ends = member_ends(other)
    assert len(ends) == 3
    for cut in (1, 10, ends[0] - 1, ends[0] + 10, ends[1] - 1, ends[1] + 10, len(other) - 1):
        path.write_bytes(whole + other[:cut])
        with pytest.raises(ArchiveError):
            list(iter_responses(path))
        kept = len(whole) + max((end for end in ends if end <= cut), default=0)
        assert complete_length(path) == kept
        assert repair_warc(path) == len(whole) + cut - kept
        assert path.read_bytes() == whole + other[: kept - len(whole)]
    assert [r.url for r in iter_responses(path)] == [
        "http://ex.com/1",
        "http://ex.com/2",
        "http://ex.com/3",
    ]
    assert repair_warc(path) == 0


def member_ends(data: bytes) -> list[int]:
    """Where each gzip member of a whole .gz ends (read with zlib, apart from the code)."""
    ends, position = [], 0
    while position < len(data):
        inflater = zlib.decompressobj(wbits=31)
        inflater.decompress(data[position:])
        position = len(data) - len(inflater.unused_data)
        ends.append(position)
    return ends


def test_not_a_warc(tmp_path: Path) -> None:
    bad = tmp_path / "x.warc.gz"
    bad.write_bytes(gzip.compress(b"<html>not a warc</html>"))
    with pytest.raises(ArchiveError):
        list(iter_responses(bad))
    with pytest.raises(ArchiveError):
        list(iter_responses(tmp_path / "missing.warc.gz"))


class Echo:
    """A transport that answers every URL with a small page."""

    def send(self, request: FetchRequest) -> FetchResult:
        n = int(request.url.rsplit("/", 1)[1])
        return page(n)


def test_archiving_transport_is_thread_safe(tmp_path: Path) -> None:
    archive = WarcArchive(tmp_path, "run", max_bytes=4000)
    transport = ArchivingTransport(Echo(), archive)

    def work(start: int) -> None:
        for n in range(start, start + 25):
            assert transport.send(FetchRequest(f"http://ex.com/{n}")).status == 200

    threads = [threading.Thread(target=work, args=(k * 100,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    archive.close()
    urls = sorted(r.url for _, p in archive_files(tmp_path, "run") for r in iter_responses(p))
    assert urls == sorted(f"http://ex.com/{k * 100 + n}" for k in range(4) for n in range(25))


def test_replay_transport(tmp_path: Path) -> None:
    with WarcArchive(tmp_path, "run") as archive:
        archive.write_exchange(FetchRequest("http://ex.com/1"), page(1))
        archive.write_exchange(FetchRequest("http://ex.com/2"), page(2))
        archive.write_exchange(FetchRequest("http://ex.com/1"), page(1, body=b"<p>newer</p>"))
    replay = ReplayTransport([p for _, p in archive_files(tmp_path)])
    assert len(replay) == 2 and "http://ex.com/2" in replay
    assert replay.send(FetchRequest("http://ex.com/1")).body == b"<p>newer</p>"
    assert replay.send(FetchRequest("http://ex.com/2", etag='"v2"')).status == 304
    with pytest.raises(FetchError):
        replay.send(FetchRequest("http://ex.com/404"))
