"""Tests of parse.encoding: declared, detected and wrongly declared charsets."""

from __future__ import annotations

import codecs

import pytest

from extractor.parse.encoding import declared_charset, decode_html, sniff_is_html

TEXT = "Café «déjà vu» — naïve façade, €5 "


def _page(body: str, meta: str = "") -> str:
    return f"<html><head>{meta}<title>t</title></head><body><p>{body * 20}</p></body></html>"


def test_utf8_without_declaration() -> None:
    assert TEXT in decode_html(_page(TEXT).encode("utf-8"))


def test_header_charset_wins() -> None:
    data = _page(TEXT).encode("cp1252")
    assert TEXT in decode_html(data, "text/html; charset=windows-1252")


def test_meta_charset_and_latin1_label_read_as_windows_1252() -> None:
    data = _page(TEXT, "<meta charset='iso-8859-1'>").encode("cp1252")
    assert declared_charset(data) == "cp1252"
    assert TEXT in decode_html(data)


def test_http_equiv_declaration() -> None:
    meta = "<meta http-equiv='Content-Type' content='text/html; charset=Shift_JIS'>"
    text = "日本語の記事です。東京で会議が開かれました。"
    data = _page(text, meta).encode("shift_jis")
    assert text in decode_html(data)


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("日本語の記事です。東京で会議が開かれました。今日は晴れです。", "shift_jis"),
        ("这是一篇关于经济的新闻文章。北京今天举行了会议，讨论了发展问题。", "gb18030"),
        ("Les élèves ont reçu leurs résultats à l’école cet été, déjà très attendus.", "cp1252"),
    ],
)
def test_undeclared_pages_are_detected(text: str, codec: str) -> None:
    assert text in decode_html(_page(text).encode(codec))


def test_a_wrong_declaration_is_survived() -> None:
    data = _page(TEXT, "<meta charset='utf-8'>").encode("cp1252")
    assert TEXT in decode_html(data, "text/html; charset=utf-8")


def test_bom_beats_declarations() -> None:
    data = codecs.BOM_UTF16_LE + _page(TEXT, "<meta charset='iso-8859-1'>").encode("utf-16-le")
    decoded = decode_html(data, "text/html; charset=iso-8859-1")
    assert TEXT in decoded and not decoded.startswith("\ufeff")


@pytest.mark.parametrize(
    "body",
    [
        b"%PDF-1.4\n%\xe2\xe3",
        b"\x89PNG\r\n\x1a\n\0\0",
        b"GIF89a\x01\x00",
        b"\xff\xd8\xff\xe0\0\x10JFIF",
        b"PK\x03\x04\x14\0",
        b"\x1f\x8b\x08\0",
        b"\0\0\0\x18ftypmp42",
        b"<html>\0\0\0\x01\x02",
    ],
)
def test_binary_bodies_are_not_html(body: bytes) -> None:
    assert not sniff_is_html(body, "text/html")


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"<!doctype html><title>t</title>", "text/html"),
        (b"  \n<html><body>plain</body></html>", None),
        (codecs.BOM_UTF16_LE + "<html><p>x</p></html>".encode("utf-16-le"), None),
        ("<html><p>x</p></html>".encode("utf-16-le"), "text/html; charset=utf-16le"),
        ("Café".encode("cp1252"), "text/html"),
    ],
)
def test_text_bodies_may_be_html(body: bytes, content_type: str | None) -> None:
    assert sniff_is_html(body, content_type)


@pytest.mark.parametrize("label", ["iso-8859-1", "windows-1252", "shift_jis", "gb2312"])
def test_a_utf8_body_under_a_legacy_label_is_read_as_utf8(label: str) -> None:
    text = TEXT + "日本語の記事です。"
    data = _page(text, f"<meta charset='{label}'>").encode("utf-8")
    assert text in decode_html(data)
    assert text in decode_html(data, f"text/html; charset={label}")


def test_a_label_that_is_not_ascii_compatible_is_trusted() -> None:
    data = "<html><p>x</p></html>".encode("utf-16-le")
    assert "<p>x</p>" in decode_html(data, "text/html; charset=utf-16le")
