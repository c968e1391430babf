"""Bytes to text: the charset from the header, a BOM or the page itself, else a detector."""

from __future__ import annotations

import codecs
import re

from extractor.errors import DecodeError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_HEADER_CHARSET_RE = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_META_CHARSET_RE = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
# Labels that browsers read as another encoding (WHATWG Encoding Standard).
_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-sjis": "shift_jis",
    "sjis": "shift_jis",
    "shift-jis": "shift_jis",
    "unicode": "utf-16-le",
    "utf8": "utf-8",
}
SNIFF_BYTES = 4096


def normalize_charset(label: str | None) -> str | None:
    """A Python codec name for a declared charset label, or None when Python has none."""
    if not label:
        return None
    name = label.strip().strip("\"'").lower()
    name = _ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def declared_charset(body: bytes, content_type: str | None = None) -> str | None:
    """The charset a response declares: BOM first, then the header, then <meta> in the head."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name
    if content_type:
        header = _HEADER_CHARSET_RE.search(content_type)
        if header:
            found = normalize_charset(header.group(1))
            if found:
                return found
    meta = _META_CHARSET_RE.search(body[:SNIFF_BYTES])
    if meta:
        return normalize_charset(meta.group(1).decode("ascii", "replace"))
    return None


def _ascii_compatible(codec: str) -> bool:
    """Whether a codec writes ASCII as ASCII (not UTF-16/32, UTF-7 or EBCDIC)."""
    try:
        return "<meta a='b-c'>".encode(codec) == b"<meta a='b-c'>"
    except (UnicodeError, LookupError):
        return False


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """Decode a page; a wrong declaration is survived by checking it and detecting instead."""
    declared = declared_charset(body, content_type)
    for bom, name in _BOMS:
        if body.startswith(bom) and declared == name:
            return body[len(bom) :].decode(name, errors="replace")
    # Strict UTF-8 first: most pages are UTF-8, and bytes that decode strictly as UTF-8 are
    # almost never meant as anything else, even under a legacy label (a template's stale
    # <meta charset=iso-8859-1> over a UTF-8 body is common; read as cp1252 it is mojibake).
    if declared is None or declared == "utf-8" or _ascii_compatible(declared):
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:
            pass
    if declared is not None and declared != "utf-8":
        try:
            return body.decode(declared)
        except UnicodeDecodeError:
            pass  # declared wrongly: detect below
    detected = _detect(body)
    if detected is not None:
        return detected
    fallback = declared if declared not in (None, "utf-8") else "cp1252"
    try:
        return body.decode(fallback, errors="replace")
    except LookupError as exc:  # pragma: no cover - normalize_charset returned a real codec
        raise DecodeError(f"cannot decode the page as {fallback}") from exc


# Single-byte Latin code pages a detector confuses with each other on short texts; the web
# writes windows-1252 far more often than any of them.
_LATIN_LOOKALIKES = frozenset(
    [
        "cp1250",
        "cp1252",
        "cp1254",
        "cp1257",
        "cp1258",
        "iso8859_1",
        "iso8859_2",
        "iso8859_3",
        "iso8859_4",
        "iso8859_9",
        "iso8859_10",
        "iso8859_13",
        "iso8859_14",
        "iso8859_15",
        "iso8859_16",
        "latin_1",
        "mac_latin2",
        "mac_roman",
        "mac_iceland",
        "mac_turkish",
        "cp850",
        "cp437",
    ]
)


def _detect(body: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(body[: 256 * 1024]).best()
    if best is None or best.encoding is None:
        return None
    encoding = best.encoding
    if encoding in _LATIN_LOOKALIKES:
        try:
            return body.decode("cp1252")
        except UnicodeDecodeError:
            pass
    try:
        return body.decode(encoding, errors="replace")
    except LookupError:
        return None


# Leading bytes of formats that are never an HTML page, whatever the Content-Type says.
_BINARY_SIGNATURES = (
    b"%PDF-",
    b"%!PS",
    b"\x89PNG\r\n\x1a\n",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",  # JPEG
    b"II*\x00",  # TIFF
    b"MM\x00*",
    b"RIFF",  # WebP, WAV, AVI
    b"OggS",
    b"ID3",  # MP3
    b"fLaC",
    b"wOFF",
    b"wOF2",
    b"\x00\x00\x01\x00",  # ICO
    b"PK\x03\x04",  # ZIP, DOCX, EPUB
    b"\x1f\x8b",  # gzip
    b"BZh",
    b"\xfd7zXZ\x00",
    b"7z\xbc\xaf\x27\x1c",
    b"Rar!\x1a\x07",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",  # MS Office 97
    b"\x7fELF",
    b"MZ",  # Windows executables
)


def sniff_is_html(body: bytes, content_type: str | None = None) -> bool:
    """Whether a body can be a web page: not a known binary format, and not binary at all.

    Only the bytes decide (the caller judges the declared media type): a server that sends a
    PDF as text/html, or an image with no Content-Type, must not become a page of garbage.
    """
    head = body[:1024]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True  # UTF-16 text is full of NUL bytes
    if head.startswith(_BINARY_SIGNATURES) or head[4:8] == b"ftyp":  # ftyp: MP4, MOV, HEIC
        return False
    if b"\x00" in head:
        label = declared_charset(body, content_type) or ""
        return label.startswith(("utf-16", "utf-32"))
    return True
