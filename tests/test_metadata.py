"""Tests for extractor.parse.metadata: declared metadata read from small pages and two real ones."""

from __future__ import annotations

import gc
import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from extractor.parse.dom import parse_document
from extractor.parse.metadata import PageMetadata, find_byline, read_metadata

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "metadata"


def read(
    head: str = "",
    body: str = "",
    *,
    url: str | None = "https://example.com/news/a.html",
    html_attrs: str = "",
) -> PageMetadata:
    html = f"<!doctype html><html {html_attrs}><head>{head}</head><body>{body}</body></html>"
    return read_metadata(parse_document(html), url)


def ld(obj: Any) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


# --- JSON-LD -------------------------------------------------------------------------------------

JSONLD_CASES = [
    pytest.param(
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H",}</script>',
        ["NewsArticle"],
        id="trailing-comma",
    ),
    pytest.param(
        '<script type="application/ld+json"><!-- {"@type": "Article", "headline": "H"} -->'
        "</script>",
        ["Article"],
        id="html-comment",
    ),
    pytest.param(
        '<script type="application/ld+json">//<![CDATA[\n{"@type": "Article"}\n//]]></script>',
        ["Article"],
        id="cdata",
    ),
    pytest.param(
        '<script type="application/ld+json">{"@type": "Article", "headline": "a\tb\x01"}</script>',
        ["Article"],
        id="control-characters",
    ),
    pytest.param(
        ld(
            {
                "@context": "https://schema.org",
                "@graph": [
                    {"@type": "WebSite", "name": "S"},
                    {"@type": "WebPage"},
                    {"@type": "NewsArticle"},
                ],
            }
        ),
        ["WebSite", "WebPage", "NewsArticle"],
        id="graph",
    ),
    pytest.param(
        ld([{"@type": "Organization"}, [{"@type": "BlogPosting"}]]),
        ["Organization", "BlogPosting"],
        id="nested-lists",
    ),
    pytest.param(
        '<script type="application/ld+json">{"@type": "Article", "headline": </script>'
        + ld({"@type": "Person"}),
        ["Person"],
        id="unrepairable-skipped",
    ),
    pytest.param(
        '<script type="application/ld+json">{"@type": "Article"}{"@type": "Person"}</script>',
        ["Article", "Person"],
        id="concatenated",
    ),
    pytest.param(
        '<script type="APPLICATION/LD+JSON">{"@type": "Article"}</script>',
        ["Article"],
        id="type-case",
    ),
]


@pytest.mark.parametrize(("head", "types"), JSONLD_CASES)
def test_jsonld_objects_are_read_and_flattened(head: str, types: list[str]) -> None:
    meta = read(head)
    assert [obj.get("@type") for obj in meta.jsonld] == types


def test_main_article_object_wins_over_webpage() -> None:
    meta = read(
        ld(
            {
                "@graph": [
                    {
                        "@type": "WebPage",
                        "name": "Page",
                        "datePublished": "2020-01-01",
                        "description": "page",
                    },
                    {
                        "@type": ["NewsArticle"],
                        "headline": "The story",
                        "datePublished": "2021-05-06T07:08:09Z",
                        "author": [
                            {"@type": "Person", "name": "By Ann Lee", "url": "https://x/ann"},
                            "Bo Chan and Cy Dee",
                            {"@type": "Person", "name": "ann lee"},
                        ],
                        "publisher": {"@type": "Organization", "name": "The Daily"},
                        "image": [{"@type": "ImageObject", "url": "/img/a.jpg"}],
                        "articleSection": ["World"],
                        "keywords": "war, peace",
                    },
                ]
            }
        )
    )
    assert meta.article_type == "NewsArticle"
    assert ("jsonld:headline", "The story") in meta.headline_candidates
    assert meta.authors == ("Ann Lee", "Bo Chan", "Cy Dee")
    assert meta.published_text == "2021-05-06T07:08:09Z"
    assert meta.site_name == "The Daily"
    assert meta.image == "https://example.com/img/a.jpg"
    assert meta.section == "World"
    assert meta.keywords == ("war", "peace")


def test_graph_references_are_resolved() -> None:
    meta = read(
        ld(
            {
                "@context": "https://schema.org",
                "@graph": [
                    {
                        "@type": "Article",
                        "@id": "https://s/#article",
                        "headline": "H",
                        "author": {"@id": "https://s/#/person/1"},
                        "publisher": {"@id": "https://s/#org"},
                        "image": {"@id": "https://s/#img"},
                    },
                    {"@type": "Person", "@id": "https://s/#/person/1", "name": "Pat Kim"},
                    {"@type": "Organization", "@id": "https://s/#org", "name": "Org Name"},
                    {"@type": "ImageObject", "@id": "https://s/#img", "url": "https://s/i.png"},
                ],
            }
        )
    )
    assert meta.authors == ("Pat Kim",)
    assert meta.site_name == "Org Name"
    assert meta.image == "https://s/i.png"


def test_any_article_subtype_is_the_main_object() -> None:
    meta = read(
        ld(
            [
                {"@type": "WebPage", "datePublished": "2001-01-01"},
                {
                    "@type": "http://schema.org/ReportageNewsArticle",
                    "datePublished": "2018-12-21",
                    "author": {"name": "Bruno (H. Z.) Rodrigues"},
                },
            ]
        )
    )
    assert meta.article_type == "ReportageNewsArticle"
    assert meta.published_text == "2018-12-21"
    assert meta.authors == ("Bruno (H. Z.) Rodrigues",)


def test_article_name_stands_in_for_a_missing_headline() -> None:
    meta = read(ld({"@type": "BlogPosting", "name": "Post title"}))
    assert meta.headline_candidates == (("jsonld:name", "Post title"),)
    meta = read(ld({"@type": "BlogPosting", "name": "Name", "headline": "Headline"}))
    assert meta.headline_candidates == (("jsonld:headline", "Headline"),)


def test_webpage_date_is_the_last_resort() -> None:
    meta = read(
        ld({"@type": "WebPage", "datePublished": "2020-01-01"})
        + '<meta name="date" content="2019-02-03">'
    )
    assert meta.published_text == "2019-02-03"
    meta = read(ld({"@type": "WebPage", "datePublished": "2020-01-01"}))
    assert meta.published_text == "2020-01-01"


# --- meta tags, dates ----------------------------------------------------------------------------

DATE_CASES = [
    (
        '<meta property="article:published_time" content="2022-03-04T05:06:07+01:00">',
        "2022-03-04T05:06:07+01:00",
    ),
    ('<meta name="DC.date.issued" content="2018-07-08">', "2018-07-08"),
    ('<meta name="sailthru.date" content="2017-01-02 10:00:00">', "2017-01-02 10:00:00"),
    ('<meta name="parsely-pub-date" content="2016-05-06T00:00:00Z">', "2016-05-06T00:00:00Z"),
    ('<meta itemprop="datePublished" content="2015-09-10">', "2015-09-10"),
]


@pytest.mark.parametrize(("head", "expected"), DATE_CASES)
def test_published_date_from_meta(head: str, expected: str) -> None:
    assert read(head).published_text == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            '<span itemprop="datePublished" datetime="2014-02-03T01:00:00Z">Feb 3</span>',
            "2014-02-03T01:00:00Z",
        ),
        ('<p><time pubdate datetime="2013-04-05">April 5</time></p>', "2013-04-05"),
        (
            '<time class="entry-date published" datetime="2019-08-02T15:57:41+00:00">Aug 2</time>'
            '<time class="updated" datetime="2019-08-03T16:03:18+00:00">Aug 3</time>',
            "2019-08-02T15:57:41+00:00",
        ),
        (
            '<time class="published" datetime="2019-01-01">Jan 1</time>'
            '<time pubdate datetime="2013-04-05">April 5</time>',
            "2013-04-05",
        ),
    ],
)
def test_published_date_from_body_markup(body: str, expected: str) -> None:
    assert read(body=body).published_text == expected


def test_placeholder_dates_are_skipped() -> None:
    meta = read(
        ld({"@type": "NewsArticle", "datePublished": "0001-01-01T00:00:00Z"})
        + '<meta property="article:published_time" content="2019-11-19T10:00:00Z">'
    )
    assert meta.published_text == "2019-11-19T10:00:00Z"
    assert read(ld({"@type": "Article", "datePublished": "1970-01-01T00:00:00Z"})).published is None


def test_modified_date() -> None:
    meta = read('<meta property="og:updated_time" content="2022-03-05T00:00:00Z">')
    assert meta.modified_text == "2022-03-05T00:00:00Z"
    assert meta.published_text is None


def test_iso_dates_are_normalised() -> None:
    pytest.importorskip("extractor.parse.dates")
    meta = read(
        ld(
            {
                "@type": "Article",
                "datePublished": "2021-05-06T07:08:09Z",
                "dateModified": "2021-05-07",
            }
        )
    )
    assert meta.published is not None and meta.published.startswith("2021-05-06")
    assert meta.modified == "2021-05-07"


def test_opengraph_twitter_and_meta_maps() -> None:
    meta = read(
        '<meta property="og:title twitter:title" content="Both">'
        '<meta property="og:site_name" content="Site">'
        '<meta name="twitter:card" content="summary">'
        '<meta name="Description" content="  A   page. ">'
        '<meta http-equiv="Content-Language" content="de_DE">'
        '<meta property="article:tag" content="a"><meta property="article:tag" content="b">'
        "<title> The  title </title>"
    )
    assert meta.opengraph["og:title"] == "Both"
    assert meta.twitter == {"twitter:title": "Both", "twitter:card": "summary"}
    assert meta.meta["description"] == "A page."
    assert meta.description == "A page."
    assert meta.site_name == "Site"
    assert meta.title_tag == "The title"
    assert meta.headline_candidates == (("og:title", "Both"), ("twitter:title", "Both"))
    assert meta.lang == "de-DE"
    assert meta.keywords == ("a", "b")


def test_repeatable_opengraph_properties_are_lists() -> None:
    meta = read(
        '<meta property="og:image" content="https://i.example/1.jpg">'
        '<meta property="og:image" content="https://i.example/2.jpg">'
        '<meta property="article:author" content="https://facebook.com/ann">'
        '<meta property="og:type" content="article"><meta property="og:type" content="website">'
    )
    assert meta.opengraph["og:image"] == ["https://i.example/1.jpg", "https://i.example/2.jpg"]
    assert meta.opengraph["article:author"] == ["https://facebook.com/ann"]
    assert meta.opengraph["og:type"] == "article"
    assert meta.image == "https://i.example/1.jpg"
    assert meta.to_record_metadata()["opengraph"]["og:image"] == meta.opengraph["og:image"]


@pytest.mark.parametrize(
    ("attrs", "head", "expected"),
    [
        ('lang="en_US"', "", "en-US"),
        ('lang="fr"', '<meta property="og:locale" content="en_GB">', "fr"),
        ("", '<meta property="og:locale" content="pt_BR">', "pt-BR"),
        ('lang="not a language!"', "", None),
        ('lang="en, de"', "", "en"),
        ('lang="EN-us"', "", "en-US"),
        ('lang="zh-hant-tw"', "", "zh-Hant-TW"),
        ('lang="de-1996"', "", "de-1996"),
    ],
)
def test_lang(attrs: str, head: str, expected: str | None) -> None:
    assert read(head, html_attrs=attrs).lang == expected


@pytest.mark.parametrize(
    ("head", "url", "canonical", "image"),
    [
        (
            '<link rel="canonical" href="/a"><meta property="og:url" content="https://o/x">'
            '<meta property="og:image" content="img.png">',
            "https://example.com/news/p",
            "https://example.com/a",
            "https://example.com/news/img.png",
        ),
        (
            '<base href="https://cdn.example.org/base/"><link rel="canonical" href="a">'
            '<link rel="image_src" href="i.jpg">',
            "https://example.com/p",
            "https://cdn.example.org/base/a",
            "https://cdn.example.org/base/i.jpg",
        ),
        (
            '<meta property="og:url" content="//example.net/x">'
            '<meta name="twitter:image" content="data:image/png;base64,AAAA">',
            None,
            "https://example.net/x",
            None,
        ),
        ('<link rel="canonical" href="/relative-without-base">', None, None, None),
    ],
)
def test_canonical_and_image_are_absolute(
    head: str, url: str | None, canonical: str | None, image: str | None
) -> None:
    meta = read(head, url=url)
    assert meta.canonical_url == canonical
    assert meta.image == image


# --- authors -------------------------------------------------------------------------------------

AUTHOR_CASES = [
    pytest.param('<meta name="author" content="Jane Roe">', "", ("Jane Roe",), id="meta-author"),
    pytest.param(
        '<meta property="article:author" content="https://facebook.com/jane">'
        '<meta property="article:author" content="Jane Roe">',
        "",
        ("Jane Roe",),
        id="article-author-url-skipped",
    ),
    pytest.param(
        '<meta name="author" content="By Jane Roe and John Doe">',
        "",
        ("Jane Roe", "John Doe"),
        id="by-and-split",
    ),
    pytest.param(
        '<meta name="author" content="Meta"><meta name="dc.creator" content="Dc Name">',
        "",
        ("Dc Name",),
        id="dublin-core-first",
    ),
    pytest.param(
        "",
        '<div itemprop="author" itemscope><a href="/p"><span itemprop="name">'
        "Ann Lee</span></a> Staff</div>",
        ("Ann Lee",),
        id="itemprop-name-child",
    ),
    pytest.param(
        "",
        '<p>Words by <a rel="author" href="/u/k">Kim Park</a></p>',
        ("Kim Park",),
        id="rel-author",
    ),
    pytest.param(
        "",
        '<div class="article-byline">By Sam Poe, Staff Writer | Reuters</div>',
        ("Sam Poe",),
        id="byline-role-agency",
    ),
    pytest.param(
        "",
        '<span class="pb-byline">BY JO MARCH\n March 11, 2015 3:46 PM</span>',
        ("JO MARCH",),
        id="byline-date",
    ),
    pytest.param(
        "", '<p class="meta">By Al Bee (al@example.com)</p>', ("Al Bee",), id="by-text-email"
    ),
    pytest.param(
        "",
        '<div class="comments"><span class="author">Troll Person</span></div>'
        '<span class="writer">Pat Kim</span>',
        ("Pat Kim",),
        id="comment-authors-ignored",
    ),
    pytest.param(
        "",
        '<div class="author">This is a long sentence about something else that is not'
        " a name at all</div>",
        (),
        id="no-long-text",
    ),
    pytest.param("", "<p>Nothing declared.</p>", (), id="none"),
    pytest.param(
        '<meta name="citation_author" content="Doe, Jane A.">',
        "",
        ("Jane A. Doe",),
        id="inverted-citation-name",
    ),
    pytest.param(
        '<meta name="author" content="Jane Doe - Staff Writer">',
        "",
        ("Jane Doe",),
        id="declared-role-after-dash",
    ),
    pytest.param(
        '<meta name="author" content="Jo Roe, CNN">', "", ("Jo Roe",), id="agency-dropped"
    ),
    pytest.param(
        "",
        '<span itemprop="author">Ann Lee</span> and <span itemprop="author">Bo Chan</span>',
        ("Ann Lee", "Bo Chan"),
        id="several-itemprop-authors",
    ),
    pytest.param(
        "",
        '<p class="legal">By clicking "Submit" you agree to the Terms of Use.</p>',
        (),
        id="by-clicking-is-no-byline",
    ),
    pytest.param(
        "",
        '<p class="byline author">Written by Rob Ewaschuk Edited by Betsy Beyer</p>',
        ("Rob Ewaschuk", "Betsy Beyer"),
        id="written-and-edited-by",
    ),
    pytest.param(
        "",
        '<div class="post-author">Joe Wee Monday, 12 May 2014</div>',
        ("Joe Wee",),
        id="weekday-cut",
    ),
    pytest.param(
        '<meta name="author" content="Sarah E. Needleman">',
        "",
        ("Sarah E. Needleman",),
        id="initial-e-is-no-conjunction",
    ),
    pytest.param(
        '<meta name="author" content="Bruce Y. Lee">',
        "",
        ("Bruce Y. Lee",),
        id="initial-y-is-no-conjunction",
    ),
    pytest.param(
        '<meta name="author" content="Ana y Juan Pérez">',
        "",
        ("Ana", "Juan Pérez"),
        id="spanish-y-splits",
    ),
    pytest.param(
        ld({"@type": "NewsArticle", "author": {"name": "By TOM KRISHER, AP Auto Writer"}}),
        "",
        ("TOM KRISHER",),
        id="agency-role-piece-dropped",
    ),
    pytest.param(
        '<meta name="author" content="Kevin Johnson and Kevin McCoy, USA TODAY">',
        "",
        ("Kevin Johnson", "Kevin McCoy"),
        id="outlet-tail-dropped",
    ),
    pytest.param(
        '<meta name="author" content="DANICA KIRKA and JILL LAWLESS Associated Press">',
        "",
        ("DANICA KIRKA", "JILL LAWLESS"),
        id="agency-suffix-stripped",
    ),
    pytest.param(
        '<meta name="author" content="Victor Tangermann, Futurism">',
        "",
        ("Victor Tangermann",),
        id="lone-outlet-word-dropped",
    ),
    pytest.param(
        '<meta name="author" content="Finian Cunningham. Sputnik International">',
        "",
        ("Finian Cunningham",),
        id="sentence-stop",
    ),
    pytest.param(
        '<meta name="author" content="The Associated Press">',
        "",
        ("Associated Press",),
        id="agency-alone-kept",
    ),
    pytest.param(
        '<meta name="author" content="Reuters, AP">',
        "",
        ("Reuters", "AP"),
        id="agencies-alone-kept",
    ),
    pytest.param(
        '<meta name="author" content="Текст: Венера Ерофеева">',
        "",
        ("Венера Ерофеева",),
        id="label-with-colon",
    ),
    pytest.param(
        ld({"@type": "Article", "author": {"name": "Science X staff"}}),
        "",
        ("Science X staff",),
        id="organisation-byline-kept-whole",
    ),
    pytest.param('<meta name="author" content="Staff Writer">', "", (), id="role-alone-no-name"),
]


@pytest.mark.parametrize(("head", "body", "expected"), AUTHOR_CASES)
def test_authors(head: str, body: str, expected: tuple[str, ...]) -> None:
    assert read(head, body).authors == expected


def test_account_handle_gives_way_to_a_name() -> None:
    page = ld({"@type": "NewsArticle", "author": "CC7567"})
    assert read(page, '<div class="byline">James Akinaka</div>').authors == ("James Akinaka",)
    assert read(page, "<p>No byline here.</p>").authors == ("CC7567",)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            '<header><h1>T</h1><p class="byline">By <a href="/people/ann">Ann Lee</a> and '
            '<a href="/people/bo">Bo Chan</a> | May 3, 2021</p></header>',
            ("Ann Lee", "Bo Chan"),
        ),
        (
            '<div class="related"><span class="author">Other Writer</span></div>'
            "<p>By Real Person</p>",
            ("Real Person",),
        ),
        (
            '<p>by the way, we moved.</p><span class="policy">By clicking "Submit," you agree'
            "</span>",
            (),
        ),
    ],
)
def test_find_byline(body: str, expected: tuple[str, ...]) -> None:
    html = f"<html><head><meta name='author' content='Ignored'></head><body>{body}</body></html>"
    assert find_byline(parse_document(html)) == expected


def test_the_site_itself_is_not_an_author() -> None:
    page = ld(
        {
            "@type": "NewsArticle",
            "author": [{"name": "Clark Kent"}, {"name": "Daily Planet"}],
            "publisher": {"name": "The Daily Planet"},
        }
    )
    assert read(page).authors == ("Clark Kent",)
    by_host = '<meta name="author" content="Lois Lane and Planet News.com">'
    assert read(by_host, url="https://www.planetnews.com/a").authors == ("Lois Lane",)
    assert read(by_host, url="http://[::1").authors == ("Lois Lane", "Planet News.com")
    alone = (
        '<meta property="og:site_name" content="Daily Planet">'
        '<meta name="author" content="Daily Planet">'
    )
    assert read(alone).authors == ("Daily Planet",)


def test_declared_author_beats_dom_byline() -> None:
    meta = read(
        '<meta name="author" content="Declared Name">', '<div class="byline">By Other Person</div>'
    )
    assert meta.authors == ("Declared Name",)


# --- bounds and bad input ------------------------------------------------------------------------


def test_record_metadata_is_bounded_and_serialisable() -> None:
    big = "x" * 20_000
    meta = read(
        ld(
            {
                "@type": "Article",
                "articleBody": big,
                "keywords": list(range(80)),
                "nested": {"a": {"b": {"c": [1, 2]}}},
                "bad": float("nan"),
            }
        ).replace("NaN", "NaN")
        + f'<meta name="description" content="{big}"><meta name="x" content="y">'
    )
    record = meta.to_record_metadata()
    assert list(record) == ["jsonld", "opengraph", "twitter", "meta"]
    article = record["jsonld"][0]
    assert "articleBody" not in article
    assert len(article["keywords"]) == 50
    assert article["nested"] == {"a": {"b": {"c": [1, 2]}}}
    assert article["bad"] is None
    assert "description" not in record["meta"] and record["meta"]["x"] == "y"
    json.dumps(record, allow_nan=False)


@pytest.mark.parametrize(
    "html",
    [
        "<html></html>",
        "<p>just text</p>",
        '<html><head><meta><meta name=""><meta property="og:title"><link rel="canonical">'
        '<script type="application/ld+json"></script>'
        '<script type="application/ld+json">"a string"</script>'
        '<script type="application/ld+json">{"@type": 5, "author": {"name": 7}, '
        '"image": {"url": null}, "@graph": "x"}</script></head><body><time pubdate></time>'
        '<div itemprop="author"></div></body></html>',
    ],
)
def test_bad_input_never_raises(html: str) -> None:
    meta = read_metadata(parse_document(html), None)
    json.dumps(meta.to_record_metadata(), allow_nan=False)


def test_metadata_is_frozen() -> None:
    meta = read()
    with pytest.raises(AttributeError):
        meta.lang = "en"  # type: ignore[misc]


# --- real pages ----------------------------------------------------------------------------------


def real(name: str) -> PageMetadata:
    html = gzip.decompress((FIXTURES / f"{name}.html.gz").read_bytes()).decode("utf-8")
    return read_metadata(parse_document(html), "https://example.com/page")


def test_real_page_theverge() -> None:
    meta = real("theverge")
    assert meta.authors == ("Alex Heath",)
    assert meta.article_type == "NewsArticle"
    assert meta.published_text == "2023-06-07T20:54:26.829Z"
    assert meta.site_name == "The Verge"
    assert meta.lang == "en"
    assert meta.canonical_url == (
        "https://www.theverge.com/23752959/apple-vision-pro-headset-hands-on-demo-impressions"
    )
    assert meta.image is not None and meta.image.startswith("https://cdn.vox-cdn.com/")
    assert ("og:title", "Apple’s Vision Pro is the Retina display moment for headsets") in (
        meta.headline_candidates
    )
    assert "apple" in meta.keywords
    json.dumps(meta.to_record_metadata(), allow_nan=False)


def test_real_page_medium() -> None:
    meta = real("medium-2")
    # article:author is a profile URL here, so the name comes from the visible byline.
    assert meta.authors == ("Courtney Kirchoff",)
    assert meta.published_text == "2015-02-24T19:56:33.374Z"
    assert meta.site_name == "Medium"
    assert meta.canonical_url == "https://medium.com/@ckirchoff/on-behalf-of-literally-429fab868ca8"
    assert meta.opengraph["og:type"] == "article"
    assert meta.twitter["twitter:creator"] == "@ckirchoff"


def test_hostile_values_never_raise() -> None:
    deep = "[" * 900 + "]" * 900
    meta = read(
        '<base href="http://[bad"><link rel="canonical" href="http://[::1">'
        f'<script type="application/ld+json">{deep}</script>'
        + ld(
            {
                "@type": "Article",
                "author": [[[[[[["Deep Name"]]]]]]],
                "headline": {"name": {"name": {"name": {"name": {"name": {"name": "x"}}}}}},
            }
        ),
        url="https://example.com/",
    )
    assert meta.canonical_url is None
    assert meta.authors == ()
    json.dumps(meta.to_record_metadata(), allow_nan=False)


@pytest.mark.parametrize(
    ("head", "url", "expected"),
    [
        ("", "https://example.com/news/a.html", "https://example.com/news/a.html"),
        (
            '<base href=" /static/ ">',
            "https://example.com/news/a.html",
            "https://example.com/static/",
        ),
        # The first <base href> is the document's base even when empty: a later one does not count.
        ('<base href=""><base href="/later/">', "https://example.com/a", "https://example.com/a"),
        (
            '<base target="_blank"><base href="/b/">',
            "https://example.com/a",
            "https://example.com/b/",
        ),
        ('<base href="/b/">', None, "/b/"),
        ("", None, None),
        # A base urllib cannot join (a broken IPv6 host) leaves the page URL, never an error.
        ('<base href="http://[bad/">', "https://example.com/a", "https://example.com/a"),
    ],
)
def test_document_base(head: str, url: str | None, expected: str | None) -> None:
    assert read(head, url=url).document_base == expected


def test_reading_leaves_no_reference_cycle_that_would_hold_the_tree() -> None:
    # Nested functions compiled by mypyc share their locals in a cycle: the page's tree would
    # stay alive until the cycle collector ran (the compiled build runs this test too).
    root = parse_document(
        "<html><head><meta name='keywords' content='a, b'><title>T</title></head>"
        "<body><div itemprop='author'>Ann Lee</div><p>text</p></body></html>"
    )
    gc.collect()
    gc.disable()
    try:
        meta = read_metadata(root, "https://example.com/a")
        assert meta.keywords == ("a", "b")
        del meta, root
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_a_wire_service_declared_as_author_gives_way_to_the_reporter_shown() -> None:
    head = ld({"@type": "Article", "author": [{"@type": "Person", "name": "CNN Wire"}]})
    body = (
        "<div id='pnlByline'><p>CNN</p></div><div>By Leigh Ann Caldwell</div>"
        "<div id='pnlContributors'>CNN's Christine Romans contributed to this report</div>"
    )
    assert read(head, body).authors == ("Leigh Ann Caldwell",)


def test_a_wire_service_alone_stays_the_author() -> None:
    head = ld({"@type": "Article", "author": {"@type": "Person", "name": "Reuters"}})
    assert read(head, "<p>LONDON (Reuters) - Text of the story.</p>").authors == ("Reuters",)


def test_a_dateline_city_after_a_wire_credit_is_no_author() -> None:
    head = '<meta name="author" content="PTI">'
    assert read(head, "<p class='byline'>PTI, Washington,</p>").authors == ("PTI",)


def test_the_site_declared_as_author_gives_way_to_the_writer_shown() -> None:
    head = '<meta property="og:site_name" content="heise online">' + ld(
        {"@type": "Article", "author": {"@type": "Organization", "name": "heise online"}}
    )
    body = "<p class='byline'>Von Denis Dilba</p>"
    assert read(head, body, url="https://www.heise.de/news/a.html").authors == ("Denis Dilba",)


def test_the_site_declared_as_author_stays_when_no_writer_is_shown() -> None:
    head = '<meta property="og:site_name" content="Deutsche Welle">' + ld(
        {"@type": "Article", "author": {"@type": "Organization", "name": "Deutsche Welle"}}
    )
    assert read(head, "<p>Text.</p>").authors == ("Deutsche Welle",)


def test_a_company_declared_as_author_gives_way_to_the_writer_shown() -> None:
    head = '<meta name="author" content="Süddeutsche.de GmbH, Munich, Germany">'
    body = (
        "<section class='authors'><div class='authorContainer'><span class='moreInfo'>"
        "<strong>Von <span>Markus Balser</span>, Berlin</strong></span></div></section>"
    )
    assert read(head, body).authors == ("Markus Balser",)
    # Alone, the company stays the author; a person named beside it is the author.
    assert read(head, "<p>Text.</p>").authors == ("Süddeutsche.de GmbH",)
    beside = '<meta name="author" content="Jane Roe, Acme Media Inc.">'
    assert read(beside, "<p>Text.</p>").authors == ("Jane Roe",)


def test_the_sites_name_in_its_author_box_gives_way_to_a_written_by_line() -> None:
    head = '<meta property="og:site_name" content="The Planetary Press">'
    body = (
        "<div class='td-post-author-name'><div class='td-author-by'>By</div>"
        "<a href='/author/tpp/'>The Planetary Press</a></div>"
        "<p>Text of the story.</p><p><em>Written by: <a href='/x'>Julie Mollins</a></em></p>"
    )
    url = "https://www.theplanetarypress.com/2020/01/a/"
    assert read(head, body, url=url).authors == ("Julie Mollins",)


def test_a_column_named_for_teasers_around_the_whole_article_holds_its_byline() -> None:
    text = "<p>" + "The interview goes on at length about money and politics. " * 60 + "</p>"
    head = '<meta name="author" content="Weltwoche">'
    body = (
        "<div class='teaser-body'><div class='detail-content'><h2>Steve Forbes: a billionaire</h2>"
        "<div class='social-share'><h5>23.01.2019</h5>"
        "<div class='font-italic'>By Urs Gehriger and Florian Schwab</div></div>"
        f"{text}</div></div>"
    )
    url = "https://www.weltwoche.ch/ausgaben/2019-4/artikel/forbes.html"
    assert read(head, body, url=url).authors == ("Urs Gehriger", "Florian Schwab")
    # A short teaser box keeps its bylines foreign.
    card = "<div class='teaser-card'><h3>Another story</h3><div>By Jane Roe</div></div>"
    assert read(head, f"<p>Text.</p>{card}", url=url).authors == ("Weltwoche",)


@pytest.mark.parametrize(
    "box",
    [
        "<aside>{}</aside>",
        "<div id='aside' class='aside secondary'><ul><li>{}</li></ul></div>",
        "<div id='secondary' class='widget-area'>{}</div>",
        "<nav>{}</nav>",
    ],
)
def test_a_side_columns_pubdate_is_another_storys(box: str) -> None:
    latest = (
        "<article class='entry'><a href='/other'>Other story "
        "<time pubdate datetime='2019-09-22T07:30:29Z'>22 septembre</time></a></article>"
    )
    body = (
        "<article><h1>Title</h1><time datetime='2019-06-28T13:49:45Z'>28 juin</time></article>"
        + box.format(latest)
    )
    assert read(body=body).published is None
    assert read(body=latest).published_text == "2019-09-22T07:30:29Z"


def test_an_author_meta_naming_the_declared_publisher_is_no_person() -> None:
    head = (
        '<meta name="publisher" content="Deutsche Welle (www.dw.com)">'
        '<meta name="author" content="Deutsche Welle (www.dw.com)">'
    )
    body = (
        "<ul><li><strong>Date</strong> 19.01</li><li><strong>Author</strong> Ben Knight</li></ul>"
    )
    assert read(head, body).authors == ("Ben Knight",)
