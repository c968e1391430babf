"""URL canonicalisation and crawl scope."""

from __future__ import annotations

import pytest

from extractor.crawl.urls import Scope, canonicalize, host_of, is_tracking_param, robots_url
from extractor.errors import ConfigError


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("HTTP://Example.COM:80/a/../b?z=1&a=2#frag", "http://example.com/b?a=2&z=1"),
        ("https://ex.com:443/p?utm_source=x&id=3&fbclid=y&gclid=z", "https://ex.com/p?id=3"),
        ("https://ex.com/p?utm_campaign=a&UTM_MEDIUM=b", "https://ex.com/p"),
        ("http://ex.com", "http://ex.com/"),
        ("http://ex.com:8080/x", "http://ex.com:8080/x"),
        ("http://ex.com/caf\u00e9?q=\u00e4", "http://ex.com/caf%C3%A9?q=%C3%A4"),
        ("http://ex.com/p?b=&a=1", "http://ex.com/p?a=1&b="),
        ("  http://ex.com/a  ", "http://ex.com/a"),
    ],
)
def test_canonicalize(raw: str, expected: str) -> None:
    assert canonicalize(raw) == expected


@pytest.mark.parametrize(
    "raw", ["mailto:a@b.c", "javascript:void(0)", "ftp://ex.com/", "tel:123", "", "http://", "#top"]
)
def test_not_web_pages(raw: str) -> None:
    assert canonicalize(raw) is None


def test_relative_links_resolve_against_the_page() -> None:
    base = "http://ex.com/news/view/a"
    assert canonicalize("../list?page=2", base) == "http://ex.com/news/list?page=2"
    assert canonicalize("//other.org/x", base) == "http://other.org/x"
    assert canonicalize("#comments", base) == "http://ex.com/news/view/a"


def test_canonical_form_is_a_fixed_point() -> None:
    once = canonicalize("HTTP://Ex.com:80/a b/?z=%7e&y=1#x")
    assert once is not None
    assert canonicalize(once) == once


def test_tracking_params() -> None:
    assert is_tracking_param("utm_source")
    assert is_tracking_param("FBCLID")
    assert not is_tracking_param("page")


def test_robots_url_and_host() -> None:
    assert robots_url("http://127.0.0.1:8000/a/b?c") == "http://127.0.0.1:8000/robots.txt"
    assert host_of("http://127.0.0.1:8000/a") == "127.0.0.1:8000"


def test_scope_hosts_then_deny_then_allow() -> None:
    scope = Scope.of(["http://ex.com/news/"], allow=[r"/news/"], deny=[r"/news/private/"])
    assert scope.allows("http://ex.com/news/1")
    assert not scope.allows("http://ex.com/about")
    assert not scope.allows("http://ex.com/news/private/1")
    assert not scope.allows("http://other.org/news/1")
    assert Scope.of([], hosts=["other.org"]).allows("http://other.org/x")


def test_bad_pattern_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        Scope.of(["http://ex.com/"], deny=["("])
