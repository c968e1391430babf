"""Discovery parsers: sitemaps (index, .gz, text), robots.txt Sitemap: lines, feeds, page links."""

from __future__ import annotations

import gzip

import pytest

from extractor.crawl.discovery import (
    PageLinks,
    gunzip,
    page_links,
    parse_feed,
    parse_sitemap,
    robots_sitemaps,
    sniff,
)
from extractor.errors import CrawlError

NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
URLSET = f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset {NS}>
  <url><loc>http://ex.com/news/1?utm_source=sitemap</loc><lastmod>2026-01-01</lastmod></url>
  <url><loc> http://ex.com/news/2 </loc></url>
  <url><loc>http://ex.com/news/1</loc></url>
  <url><loc>mailto:someone@ex.com</loc></url>
</urlset>""".encode()
INDEX = f"""<?xml version="1.0"?>
<sitemapindex {NS}>
  <sitemap><loc>http://ex.com/sitemap-news.xml.gz</loc></sitemap>
  <sitemap><loc>/sitemap-pages.xml</loc></sitemap>
</sitemapindex>""".encode()


def test_urlset_pages_in_order_without_repeats() -> None:
    found = parse_sitemap(URLSET, "http://ex.com/sitemap.xml")
    assert found.pages == ("http://ex.com/news/1", "http://ex.com/news/2")
    assert found.sitemaps == ()


def test_index_lists_sitemaps_resolved() -> None:
    found = parse_sitemap(INDEX, "http://ex.com/sitemap.xml")
    assert found.sitemaps == (
        "http://ex.com/sitemap-news.xml.gz",
        "http://ex.com/sitemap-pages.xml",
    )
    assert found.pages == ()


def test_gzip_sitemap() -> None:
    found = parse_sitemap(gzip.compress(URLSET), "http://ex.com/s.xml.gz")
    assert found.pages == ("http://ex.com/news/1", "http://ex.com/news/2")


def test_text_sitemap() -> None:
    found = parse_sitemap(
        b"http://ex.com/a\n\nhttp://ex.com/b\r\nnot a url\n", "http://ex.com/s.txt"
    )
    assert found.pages == ("http://ex.com/a", "http://ex.com/b")


def test_sitemap_without_urlset_is_an_error() -> None:
    with pytest.raises(CrawlError):
        parse_sitemap(b"<html><body>hi</body></html>", "http://ex.com/s.xml")


def test_external_entities_are_not_resolved() -> None:
    evil = (
        b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<urlset><url><loc>http://ex.com/&x;</loc></url></urlset>"
    )
    for url in parse_sitemap(evil, "http://ex.com/s.xml").pages:
        assert "root" not in url


def test_gunzip_is_capped() -> None:
    bomb = gzip.compress(b"0" * 10_000)
    with pytest.raises(CrawlError):
        gunzip(bomb, limit=1000)
    assert gunzip(b"plain") == b"plain"


def test_rss_atom_and_rdf_feeds() -> None:
    rss = b"""<?xml version="1.0"?><rss version="2.0"><channel><link>http://ex.com/</link>
      <item><title>A</title><link>http://ex.com/news/a</link></item>
      <item><title>B</title><link>/news/b</link><guid>x</guid></item></channel></rss>"""
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom"><link href="http://ex.com/"/>
      <entry><link rel="edit" href="/edit/1"/><link rel="alternate" href="/news/c"/></entry>
      <entry><link href="http://ex.com/news/d"/></entry></feed>"""
    rdf = b"""<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
      xmlns="http://purl.org/rss/1.0/"><item rdf:about="http://ex.com/news/e"><title>E</title>
      </item></rdf:RDF>"""
    assert parse_feed(rss, "http://ex.com/feed") == ("http://ex.com/news/a", "http://ex.com/news/b")
    assert parse_feed(atom, "http://ex.com/atom") == (
        "http://ex.com/news/c",
        "http://ex.com/news/d",
    )
    assert parse_feed(rdf, "http://ex.com/rdf") == ("http://ex.com/news/e",)


def test_feed_that_is_not_xml_is_an_error() -> None:
    with pytest.raises(CrawlError):
        parse_feed(b"", "http://ex.com/feed")
    with pytest.raises(CrawlError):
        parse_feed(b"<urlset><url><loc>http://ex.com/</loc></url></urlset>", "http://ex.com/f")


def test_robots_sitemap_lines() -> None:
    robots = (
        "User-agent: *\nDisallow: /private/\nSitemap: /sitemap.xml # main\n"
        "SITEMAP:http://cdn.ex.com/s.xml\n# Sitemap: /commented.xml\n"
    )
    assert robots_sitemaps(robots, "http://ex.com/robots.txt") == (
        "http://ex.com/sitemap.xml",
        "http://cdn.ex.com/s.xml",
    )


def test_page_links_in_order_with_base_and_feeds() -> None:
    html = """<html><head><base href="http://ex.com/news/">
      <link rel="alternate" type="application/rss+xml" href="/feed.xml">
      <link rel="stylesheet" href="/s.css"></head><body>
      <a href="view/1#comments">one</a> <a href="mailto:x@ex.com">mail</a>
      <a rel="nofollow" href="/login">login</a> <a href="view/2?utm_medium=x">two</a>
      <a href="view/1">again</a><map><area href="/map-target"></map></body></html>"""
    assert page_links(html, "http://ex.com/") == PageLinks(
        links=(
            "http://ex.com/news/view/1",
            "http://ex.com/news/view/2",
            "http://ex.com/map-target",
        ),
        feeds=("http://ex.com/feed.xml",),
    )
    assert page_links("   ", "http://ex.com/") == PageLinks()


def test_sniff() -> None:
    assert sniff(URLSET) == "sitemap"
    assert sniff(gzip.compress(INDEX), "application/gzip") == "sitemap"
    assert sniff(b"<?xml version='1.0'?><rss version='2.0'/>", "text/xml") == "feed"
    assert sniff(b"<feed xmlns='http://www.w3.org/2005/Atom'/>") == "feed"
    assert sniff(b"<html><body><p>rss feeds</p></body></html>", "text/html") is None
    assert sniff(b"<html><urlset>", "text/html; charset=utf-8") is None
