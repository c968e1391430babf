"""Record writers: JSON Lines (durable appends), JSON, Parquet, SQLite; keys in schema order.

JSON Lines is the crawl's primary output: lines are appended with one ``write`` each batch and
made durable with ``fsync`` before the crawl state says they exist. The other formats are
derived from it (``convert``) and written to a temporary file renamed into place, so a reader
never sees half a file.
"""

from __future__ import annotations

import json
import os
import sqlite3
from abc import abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any, Literal

from extractor.closing import Closing
from extractor.errors import EmitError

Format = Literal["jsonl", "json", "parquet", "sqlite"]
FORMATS: tuple[Format, ...] = ("jsonl", "json", "parquet", "sqlite")
SUFFIXES: dict[str, str] = {
    "jsonl": ".jsonl",
    "json": ".json",
    "parquet": ".parquet",
    "sqlite": ".sqlite",
}


def encode_line(record: Mapping[str, Any]) -> bytes:
    """One JSON Lines row: compact, UTF-8, keys in the order the record gives them."""
    return (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def fsync_dir(path: Path) -> None:
    """Make a file's creation or rename in ``path`` durable (POSIX needs the directory synced)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class RecordWriter(Closing):
    """A sink of record dicts; closing it makes what was written complete and visible."""

    @abstractmethod
    def write(self, record: Mapping[str, Any]) -> None: ...

    def write_all(self, records: Iterable[Mapping[str, Any]]) -> int:
        count = 0
        for record in records:
            self.write(record)
            count += 1
        return count


class JsonlWriter(RecordWriter):
    """Appends JSON Lines to a file opened with O_APPEND; ``sync`` makes them durable.

    ``append`` writes a whole batch with one system call, so concurrent readers and a crash see
    whole batches or a torn last line (which ``repair_jsonl`` cuts off), never interleaving.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._fd: int | None = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        except OSError as exc:
            raise EmitError(f"cannot open {self.path}: {exc.strerror}", url=str(path)) from exc

    def append(self, records: Iterable[Mapping[str, Any]]) -> int:
        """Write records as lines in one system call; returns how many were written."""
        lines = [encode_line(record) for record in records]
        if lines:
            self._write(b"".join(lines))
        return len(lines)

    def write(self, record: Mapping[str, Any]) -> None:
        self._write(encode_line(record))

    def _write(self, data: bytes) -> None:
        if self._fd is None:
            raise EmitError(f"{self.path} is closed")
        view = memoryview(data)
        try:
            while view:
                written = os.write(self._fd, view)
                view = view[written:]
        except OSError as exc:
            raise EmitError(f"cannot write {self.path}: {exc.strerror}") from exc

    def sync(self) -> None:
        """Durable on disk: call before telling anyone (the crawl state) the lines exist."""
        if self._fd is not None:
            os.fsync(self._fd)

    def close(self) -> None:
        if self._fd is not None:
            os.fsync(self._fd)
            os.close(self._fd)
            self._fd = None


def read_jsonl(path: str | Path) -> Iterator[dict[str, Any]]:
    """The rows of a JSON Lines file; a torn last line (no newline) is not a row."""
    with open(path, "rb") as stream:
        for line in stream:
            if not line.endswith(b"\n"):
                return
            if line.strip():
                yield json.loads(line)


def repair_jsonl(path: str | Path) -> int:
    """Cut a torn tail (a last line without its newline, or one that is not JSON); bytes cut.

    A crash can leave at most one partial line, at the end: everything up to the last complete
    line is kept as it is.
    """
    target = Path(path)
    if not target.exists():
        return 0
    size = target.stat().st_size
    keep = 0
    with open(target, "rb") as stream:
        offset = 0
        for line in stream:
            if not line.endswith(b"\n"):
                break
            try:
                json.loads(line)
            except ValueError:
                break
            offset += len(line)
            keep = offset
    if keep == size:
        return 0
    with open(target, "r+b") as stream:
        stream.truncate(keep)
        stream.flush()
        os.fsync(stream.fileno())
    return size - keep


class _Staged(RecordWriter):
    """Writes to ``<path>.tmp`` and renames it over ``path`` on close."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.staging = self.path.with_name(self.path.name + ".tmp")
        self._closed = False

    def _publish(self) -> None:
        os.replace(self.staging, self.path)
        fsync_dir(self.path.parent)


class JsonWriter(_Staged):
    """One JSON array of records, pretty enough to read, published whole on close."""

    def __init__(self, path: str | Path) -> None:
        super().__init__(path)
        self._stream: IO[str] = open(self.staging, "w", encoding="utf-8")  # noqa: SIM115
        self._stream.write("[")
        self._count = 0

    def write(self, record: Mapping[str, Any]) -> None:
        self._stream.write(",\n" if self._count else "\n")
        self._stream.write(json.dumps(record, ensure_ascii=False))
        self._count += 1

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._stream.write("\n]\n" if self._count else "]\n")
        self._stream.flush()
        os.fsync(self._stream.fileno())
        self._stream.close()
        self._publish()


class SqliteWriter(_Staged):
    """A ``records`` table: main fields as columns, the whole record as JSON; (url, hash) unique."""

    COLUMNS = (
        "url",
        "content_hash",
        "run_id",
        "fetched_at",
        "status",
        "canonical_url",
        "lang",
        "headline",
        "summary",
        "published",
        "modified",
        "text",
    )

    def __init__(self, path: str | Path) -> None:
        super().__init__(path)
        self.staging.unlink(missing_ok=True)
        self._db = sqlite3.connect(self.staging)
        columns = ", ".join(f"{c} {'INTEGER' if c == 'status' else 'TEXT'}" for c in self.COLUMNS)
        self._db.execute(
            f"CREATE TABLE records ({columns}, record TEXT NOT NULL, "
            "PRIMARY KEY (url, content_hash))"
        )
        self._sql = (
            f"INSERT OR IGNORE INTO records ({', '.join(self.COLUMNS)}, record) "
            f"VALUES ({', '.join('?' * (len(self.COLUMNS) + 1))})"
        )

    def write(self, record: Mapping[str, Any]) -> None:
        values = [record.get(c) for c in self.COLUMNS]
        self._db.execute(self._sql, [*values, json.dumps(record, ensure_ascii=False)])

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._db.commit()
        self._db.close()
        self._publish()


class ParquetWriter(_Staged):
    """Records as Parquet with a fixed Arrow schema (``metadata`` as JSON text: its shape is free).

    Needs the ``parquet`` extra (pyarrow). Rows are written in row groups of ``batch_rows``.
    """

    def __init__(self, path: str | Path, *, batch_rows: int = 1000) -> None:
        super().__init__(path)
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError as exc:
            raise EmitError(
                "Parquet output needs pyarrow: pip install 'extractor[parquet]'"
            ) from exc
        self._pa = pa
        self._schema = record_arrow_schema()
        self._writer = pq.ParquetWriter(self.staging, self._schema, compression="zstd")
        self._rows: list[dict[str, Any]] = []
        self._batch_rows = batch_rows

    def write(self, record: Mapping[str, Any]) -> None:
        row = dict(record)
        row["metadata"] = json.dumps(record.get("metadata") or {}, ensure_ascii=False)
        self._rows.append(row)
        if len(self._rows) >= self._batch_rows:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            table = self._pa.Table.from_pylist(self._rows, schema=self._schema)
            self._writer.write_table(table)
            self._rows = []

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._flush()
        self._writer.close()
        self._publish()


def record_arrow_schema() -> Any:
    """The Arrow schema of ``extractor.article/1`` (document 1.1) in the record's key order.

    Every optional field is a column too (null where the record leaves it out), so files of
    one crawl share one schema.
    """
    import pyarrow as pa

    text = pa.string()
    return pa.schema(
        [
            ("schema", text),
            ("url", text),
            ("requested_url", text),
            ("canonical_url", text),
            ("fetched_at", text),
            ("status", pa.int32()),
            ("run_id", text),
            ("site", pa.struct([("host", text), ("name", text)])),
            ("lang", text),
            ("headline", text),
            ("summary", text),
            ("authors", pa.list_(text)),
            ("published", text),
            ("modified", text),
            ("published_text", text),
            ("modified_text", text),
            ("image", text),
            (
                "sections",
                pa.list_(
                    pa.struct(
                        [("heading", text), ("level", pa.int32()), ("paragraphs", pa.list_(text))]
                    )
                ),
            ),
            ("text", text),
            (
                "teasers",
                pa.list_(
                    pa.struct(
                        [
                            ("title", text),
                            ("blurb", text),
                            ("url", text),
                            ("date", text),
                            ("date_text", text),
                            ("truncated", pa.bool_()),
                            ("block", text),
                            ("blurb_full", text),
                        ]
                    )
                ),
            ),
            ("boilerplate", pa.list_(pa.struct([("kind", text), ("text", text)]))),
            ("metadata", text),
            ("warnings", pa.list_(text)),
            ("content_hash", text),
            ("extractor", pa.struct([("version", text), ("profile", text)])),
        ]
    )


class _JsonlFile(_Staged):
    """JSON Lines published whole on close, for ``convert`` (the crawl appends with JsonlWriter)."""

    def __init__(self, path: str | Path) -> None:
        super().__init__(path)
        self._stream: IO[bytes] = open(self.staging, "wb")  # noqa: SIM115

    def write(self, record: Mapping[str, Any]) -> None:
        self._stream.write(encode_line(record))

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._stream.flush()
        os.fsync(self._stream.fileno())
        self._stream.close()
        self._publish()


def open_writer(fmt: str, path: str | Path) -> RecordWriter:
    """A writer of one of FORMATS that publishes ``path`` whole when closed."""
    if fmt == "jsonl":
        return _JsonlFile(path)
    if fmt == "json":
        return JsonWriter(path)
    if fmt == "parquet":
        return ParquetWriter(path)
    if fmt == "sqlite":
        return SqliteWriter(path)
    raise EmitError(
        f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}", kind="emit"
    )


def convert(source: str | Path, fmt: str, dest: str | Path | None = None) -> Path:
    """Write the records of a JSON Lines file in another format; returns the file written."""
    src = Path(source)
    suffix = SUFFIXES.get(fmt)
    if suffix is None:
        raise EmitError(f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}")
    target = Path(dest) if dest is not None else src.with_suffix(suffix)
    if target == src:
        raise EmitError(f"cannot convert {src} onto itself")
    with open_writer(fmt, target) as writer:
        writer.write_all(read_jsonl(src) if src.exists() else ())
    return target
