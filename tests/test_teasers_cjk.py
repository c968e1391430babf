"""Teasers titled in Chinese or Japanese: words there are not separated by spaces."""

from __future__ import annotations

from datetime import UTC, datetime

from extractor.parse.teaser_cards import words
from extractor.pipeline import extract
from tests.records import valid

NOW = datetime(2026, 11, 24, tzinfo=UTC)
URL = "https://news.example.cn/edu/201701/t20170302_1.htm"
BODY = "<p>" + "教育部今天发布了新的统计数据，显示出国留学人数继续增长。" * 8 + "</p>"
TITLES = (
    "国家开放大学2016年度十大新闻权威发布",
    "江苏最大规模作弊案27人获刑",
    "教育部：中国教育对外交流走上快车道",
    "教育部：中国成为世界最大的留学输出国",
)


def test_unspaced_scripts_count_about_two_characters_a_word() -> None:
    assert words("热点推荐") == 2
    assert words("教育部：中国成为世界最大的留学输出国") == 9
    assert words("NBA5大选秀日") == 3  # "NBA5" and three Han characters, rounded up to two
    assert words("A headline in English") == 4
    assert words("Überschrift auf Deutsch") == 3


def test_an_unheaded_list_of_chinese_headlines_is_a_teaser_block() -> None:
    items = "".join(
        f"<li><a href='../201612/t2016121{i}_{i}.htm'>{t}</a></li>" for i, t in enumerate(TITLES)
    )
    page = f"<h1>留学人数继续增长</h1>{BODY * 3}<ul class='tj'>{items}</ul>"
    html = f"<html><body>{page}</body></html>"
    record = valid(extract(html, URL, now=NOW).to_dict())
    assert [t["title"] for t in record["teasers"]] == list(TITLES)


def test_short_chinese_headlines_under_thumbnails_are_not_menu_items() -> None:
    # Nine to eleven Han characters a card: under the sixteen characters a menu item is told
    # apart by, were every character counted once.
    short = ("这个萌妹纸竟然是个男的", "国人镜头下真实菲律宾", "实拍变性手术全过程")
    items = "".join(
        f"<li><a href='/news/t2016071{i}_{i}.htm'><img src='/p{i}.jpg'></a>"
        f"<p><a href='/news/t2016071{i}_{i}.htm'>{t}</a></p></li>"
        for i, t in enumerate(short)
    )
    page = f"<h1>留学人数继续增长</h1>{BODY * 3}<div class='yytj'><ul>{items}</ul></div>"
    record = valid(extract(f"<html><body>{page}</body></html>", URL, now=NOW).to_dict())
    assert [t["title"] for t in record["teasers"]] == list(short)


def test_katakana_runs_count_as_one_word_each() -> None:
    assert words("プライバシー・ポリシー") == 3  # two loanwords and the dot between them
    assert words("サイトマップ") == 1


def test_a_chinese_block_heading_names_a_block_of_short_titles() -> None:
    # Two titles of about four words each: too short for an unnamed block, enough under a
    # heading that names one ("other articles of this category").
    short = ("美樹營地 - 探訪老鷹...", "美樹營地 - 秀巒賞楓...")
    items = "".join(
        f"<li><a href='/blog/post/3779546{i}'><span>{t}</span></a></li>"
        for i, t in enumerate(short)
    )
    page = (
        f"<h1>留学人数继续增长</h1>{BODY * 3}<div><h5>這個類別其他的文章</h5><ul>{items}</ul></div>"
    )
    record = valid(extract(f"<html><body>{page}</body></html>", URL, now=NOW).to_dict())
    assert [t["title"] for t in record["teasers"]] == list(short)
    assert {t["block"] for t in record["teasers"]} == {"這個類別其他的文章"}
