"""Tests for read_metadata's single walk, lazy microdata and declared title order."""

from __future__ import annotations

from extractor.parse.authors import declared_authors, outlet_keys
from extractor.parse.dom import parse_document
from extractor.parse.jsonld import load_jsonld, text_value
from extractor.parse.metadata import PageMetadata, read_metadata


def read(
    head: str = "", body: str = "", url: str | None = "https://example.com/a/b"
) -> PageMetadata:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    return read_metadata(parse_document(html), url)


def test_title_base_and_pubdate_come_from_the_one_walk() -> None:
    meta = read(
        '<title> </title><title>The  real\n title</title><base href="/root/">'
        '<link rel="canonical" href="page.html">',
        '<time datetime="2020-01-01">x</time>'
        '<time pubdate datetime="2021-02-03T04:05:06Z">y</time>',
    )
    assert meta.title_tag == "The real title"
    assert meta.canonical_url == "https://example.com/root/page.html"
    assert meta.published == "2021-02-03T04:05:06+00:00"


def test_ld_json_type_is_matched_case_insensitively() -> None:
    meta = read(
        '<script type="Application/LD+JSON">{"@type": "NewsArticle", "headline": "H"}</script>'
    )
    assert [o["@type"] for o in meta.jsonld] == ["NewsArticle"]


def test_rel_author_link_outside_comments_names_the_author() -> None:
    body = (
        '<div class="comments"><a rel="author" href="/u/1">Commenter Name</a></div>'
        '<a rel="nofollow author" href="/staff/jo">Jo Ellis</a>'
    )
    assert read(body=body).authors == ("Jo Ellis",)


def test_microdata_is_read_when_nothing_else_declares() -> None:
    body = (
        '<article itemscope itemtype="https://schema.org/NewsArticle">'
        '<h1 itemprop="headline">Micro headline</h1>'
        '<span itemprop="author" itemscope><span itemprop="name">Ann Author</span></span>'
        '<meta itemprop="datePublished" content="2019-05-06"></article>'
    )
    meta = read(body=body)
    assert ("itemprop:headline", "Micro headline") in meta.headline_candidates
    assert meta.authors == ("Ann Author",)
    assert meta.published == "2019-05-06"


def test_declared_dates_win_over_microdata() -> None:
    meta = read(
        '<meta property="article:published_time" content="2020-10-10">',
        '<meta itemprop="datePublished" content="2019-05-06">',
    )
    assert meta.published == "2020-10-10"


def test_headline_candidates_in_preference_order() -> None:
    meta = read(
        '<meta property="og:title" content="OG">'
        '<meta name="twitter:title" content="TW">'
        '<meta name="DC.title" content="DC name">'
        '<meta property="dc:title" content="DC property">'
        '<script type="application/ld+json">{"@type": "Article", "headline": "LD"}</script>'
    )
    assert [s for s, _ in meta.headline_candidates] == [
        "jsonld:headline",
        "dc:title",
        "og:title",
        "twitter:title",
    ]
    assert dict(meta.headline_candidates)["dc:title"] == "DC property"


def test_jsonld_text_value_decodes_entities() -> None:
    [obj] = load_jsonld('{"headline": "Tom &amp; Jerry&#8217;s &nbsp;day"}')
    assert text_value(obj["headline"]) == "Tom & Jerry’s day"
    assert text_value({"@value": "  a  b "}) == "a b"


def test_outlet_keys_include_the_host() -> None:
    keys = outlet_keys(("The Daily News", None), "https://www.dailynews.example/x")
    assert {"thedailynews", "dailynewsexample", "dailynews"} <= keys


def test_declared_authors_take_the_first_source_with_names() -> None:
    root = parse_document("<html><body><p class='byline'>By Dom Name</p></body></html>")
    called: list[str] = []

    def microdata() -> list[str]:
        called.append("microdata")
        return ["Micro Name"]

    found = declared_authors(
        root,
        jsonld_author=None,
        by_id={},
        meta_all={"author": ["Meta Name"]},
        itemprop_authors=microdata,
        author_links=[],
        outlets=frozenset(),
    )
    assert found == ("Meta Name",)
    assert called == []  # microdata is never read when a meta tag names the author
