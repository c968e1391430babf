"""Tests of parse.link_lists: link runs leave the body unless their links leave the site."""

from __future__ import annotations

from datetime import UTC, datetime

from extractor.parse import dom
from extractor.parse.link_lists import page_hosts, without_link_lists
from extractor.pipeline import extract

NOW = datetime(2026, 11, 24, tzinfo=UTC)
P1 = "Researchers found that the thalamus shrinks in people with MS, and that this matters a lot."
P2 = "Patients and caregivers should care, because the change affects symptoms, treatment and care."


def _text(body: str, url: str = "https://news.example/a/story") -> str:
    return extract(f"<html><body>{body}</body></html>", url, now=NOW).text


def _page(links: str) -> str:
    return f"<article><h1>Title of the story</h1><p>{P1}</p><ul>{links}</ul><p>{P2}</p></article>"


def test_a_run_of_links_within_the_site_leaves_the_body() -> None:
    links = "".join(f"<li><a href='/tag/{i}'>Tag number {i}</a></li>" for i in range(4))
    assert "Tag number" not in _text(_page(links))


def _kept(items: str) -> list[str]:
    root = dom.parse_document(f"<html><body><p>{P1}</p><ul>{items}</ul><p>{P2}</p></body></html>")
    body = root.find("body")
    assert body is not None
    own = page_hosts("https://news.example/a/story")
    return [b.text for b in without_link_lists(dom.blocks(body), own)]


def test_a_run_of_links_to_other_sites_is_a_list_of_sources_and_stays() -> None:
    items = "".join(
        f"<li><a href='https://bugs.other.example/{i}'>Bug {i} - fix the thing</a></li>"
        for i in range(4)
    )
    assert _kept(items) == [P1, *(f"Bug {i} - fix the thing" for i in range(4)), P2]
    # The same run linking within the site (relative or to its own host) is a menu.
    assert _kept(items.replace("https://bugs.other.example", "")) == [P1, P2]
    assert _kept(items.replace("bugs.other.example", "www.news.example")) == [P1, P2]


def test_one_link_within_the_site_makes_the_line_a_menu_entry() -> None:
    links = "".join(
        f"<li><a href='https://bugs.other.example/{i}'>Bug {i}</a> <a href='/more'>more</a></li>"
        for i in range(4)
    )
    assert _kept(links) == [P1, P2]


def test_page_hosts_drop_www_and_ignore_missing_urls() -> None:
    assert page_hosts("https://www.news.example/a", None, "http://m.news.example/b") == frozenset(
        {"news.example", "m.news.example"}
    )
    assert page_hosts(None) == frozenset()
