"""Tests of parse.link_lists: link runs leave the body unless their links leave the site."""

from __future__ import annotations

from datetime import UTC, datetime

from extractor.parse import dom
from extractor.parse.link_lists import (
    cited_lists,
    page_hosts,
    prose_zones,
    table_zones,
    without_link_lists,
)
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


def _cited(hrefs: list[str]) -> list[str]:
    items = "".join(f"<li><a href='{h}'>{h}</a></li>" for h in hrefs)
    root = dom.parse_document(f"<html><body><h2>Sources</h2><ul>{items}</ul></body></html>")
    body = root.find("body")
    assert body is not None
    listed = dom.blocks(body)
    own = page_hosts("https://news.example/a/story")
    return [b.text for b in cited_lists(listed, lambda b: "one list", own)]


def test_a_list_read_as_teasers_whose_links_mostly_leave_the_site_is_cited() -> None:
    away = [f"https://docs{i}.example/page" for i in range(3)]
    assert _cited(away) == ["Sources", *away]
    # One line of four may cite the site itself; two of four make it the site's own list.
    assert _cited([*away, "https://news.example/b"]) == ["Sources", *away, "https://news.example/b"]
    assert _cited([*away[:2], "/b", "/c"]) == []


def test_related_stories_of_a_page_read_as_teasers_stay_out_of_the_body() -> None:
    links = "".join(
        f"<li><a href='/2024/story-{i}'>Another story of the site, number {i}</a></li>"
        for i in range(4)
    )
    page = f"<article><h1>Title of the story</h1><p>{P1}</p><ul>{links}</ul><p>{P2}</p></article>"
    text = _text(page)
    assert P2 in text and "Another story" not in text


def test_bug_reports_read_as_teasers_stay_in_the_body() -> None:
    links = "".join(
        f"<li><a href='https://bugzilla.other.example/show_bug.cgi?id={i}'>Bug {i} – Prevent "
        f"windows from opening on top of one another, case {i}</a></li>"
        for i in range(5)
    )
    page = (
        f"<article><h1>Title of the story</h1><p>{P1}</p><h4>In progress</h4>"
        f"<ul>{links}</ul><p>{P2}</p></article>"
    )
    record = extract(f"<html><body>{page}</body></html>", "https://news.example/a", now=NOW)
    assert len(record.teasers) == 5  # the teaser reader takes them as cards
    assert "In progress\n\nBug 0 – Prevent" in record.text and "case 4" in record.text


def test_a_reference_linking_its_title_away_and_its_publisher_within_the_site_is_cited() -> None:
    items = "".join(
        f"<li><a href='https://other{i}.example/story'>The long title of the cited story {i}</a>. "
        "<i><a href='/wiki/Publisher'>Publisher</a></i>. Retrieved 2012-08-18.</li>"
        for i in range(4)
    )
    kept = _kept(items)
    assert len(kept) == 6 and kept[1].startswith("The long title of the cited story 0")
    # A short outside link beside a longer one within the site is a menu entry.
    menu = "".join(
        f"<li><a href='https://x.example/{i}'>X</a> <a href='/section/{i}'>Section {i}</a></li>"
        for i in range(4)
    )
    assert _kept(menu) == [P1, P2]


ITEM = "what the story says, in a sentence or two of its own, with commas, and a point to make"


def _roundup(host: str, wrapped: bool) -> str:
    items = "".join(
        f"<p><strong><a href='{host}/story-{i}'>Story {i}</a></strong> — {ITEM} ({i}).</p>"
        for i in range(6)
    )
    intro = f"<p>{P1}</p><p>{P2}</p>"
    if wrapped:
        intro, items = f"<div class='intro-x'>{intro}</div>", f"<div>{items}</div>"
    return f"<article><h1>Morning roundup</h1>{intro}{items}</article>"


def test_a_roundups_paragraphs_that_open_with_a_link_stay_in_the_body() -> None:
    for host in ("", "https://other.example"):
        for wrapped in (False, True):
            record = extract(
                f"<html><body>{_roundup(host, wrapped)}</body></html>",
                "https://news.example/a",
                now=NOW,
            )
            assert len(record.teasers) == 6  # the teaser reader takes them as cards
            text = record.text
            assert P2 in text and all(f"({i})." in text for i in range(6)), (host, wrapped)


def test_prose_zones_are_the_zones_mostly_made_of_long_paragraphs_that_open_with_a_link() -> None:
    roundup, cards = object(), object()
    items = "".join(f"<p><a href='/s{i}'>Story {i}</a> — {ITEM}.</p>" for i in range(3))
    rail = "".join(
        f"<h3><a href='/r{i}'>Another story {i}</a></h3><p>{ITEM}.</p>" for i in range(3)
    )
    root = dom.parse_document(
        f"<html><body><div id='a'>{items}</div><div id='b'>{rail}</div></body></html>"
    )
    body = root.find("body")
    assert body is not None
    found = dom.blocks(
        body, {root.xpath("//*[@id='a']")[0]: roundup, root.xpath("//*[@id='b']")[0]: cards}
    )
    assert prose_zones(found, lambda b: b.zone is not None) == {id(roundup)}


def test_table_zones_are_data_tables_whose_rows_link_but_whose_cells_mostly_do_not() -> None:
    results, related = object(), object()
    rows = "".join(
        f"<tr><td><a href='/test/{i}'>Seat model {i}</a></td><td>{100 + i} €</td><td>ja</td>"
        f"<td>1,{i}</td></tr>"
        for i in range(3)
    )
    links = "".join(
        f"<tr><td><a href='/story/{i}'>Another story {i}</a></td><td><a href='/s/{i}'>More</a>"
        "</td></tr>"
        for i in range(3)
    )
    root = dom.parse_document(
        f"<html><body><table id='a'>{rows}</table><table id='b'>{links}</table></body></html>"
    )
    body = root.find("body")
    assert body is not None
    found = dom.blocks(
        body, {root.xpath("//*[@id='a']")[0]: results, root.xpath("//*[@id='b']")[0]: related}
    )
    assert table_zones(found, lambda b: b.zone is not None) == {id(results)}
