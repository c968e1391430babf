"""Previous/next post links and the site's top bar hold story links but are navigation."""

from __future__ import annotations

from datetime import UTC, datetime

from extractor.pipeline import extract
from tests.records import valid

NOW = datetime(2026, 11, 24, tzinfo=UTC)
URL = "https://blog.example/2026/11/the-story"
BODY = "<p>" + "The article body has a sentence with some words, commas, and more. " * 6 + "</p>"
TITLES = (
    "Camping by the lake under the autumn maple trees",
    "A night walk to the waterfall with the whole family",
    "Hot springs and cherry blossoms in the mountain village",
)


def _teasers(extra: str, before: str = "") -> list[dict[str, object]]:
    html = f"<html><body>{before}<h1>The story of the day</h1>{BODY * 3}{extra}</body></html>"
    return list(valid(extract(html, URL, now=NOW).to_dict())["teasers"])


def _items(labels: tuple[str, ...] = ("", "", ""), rel: tuple[str, ...] = ("", "", "")) -> str:
    return "".join(
        f"<li>{label}<a href='/2026/{i + 1:02d}/post-{i}'{rel_attr}>{title}</a></li>"
        for i, (label, rel_attr, title) in enumerate(zip(labels, rel, TITLES, strict=True))
    )


def test_a_block_headed_as_previous_and_next_posts_is_navigation() -> None:
    assert _teasers(f"<div><h5>上一篇文章與下一篇文章</h5><ul>{_items()}</ul></div>") == []
    assert _teasers(f"<div><h3>Previous and next posts</h3><ul>{_items()}</ul></div>") == []


def test_titles_labelled_previous_or_next_are_navigation() -> None:
    labels = ("此分類上一篇： ", "上一篇： ", "下一篇： ")
    assert _teasers(f"<ul class='refer'>{_items(labels)}</ul>") == []
    english = ("Previous post: ", "Next post: ", "")
    assert _teasers(f"<ul class='refer'>{_items(english)}</ul>") == []


def test_links_marked_rel_prev_and_next_are_navigation() -> None:
    rel = (" rel='prev'", " rel='next'", "")
    assert _teasers(f"<div><ul>{_items(rel=rel)}</ul></div>") == []


def test_the_same_list_without_those_marks_is_a_block() -> None:
    teasers = _teasers(f"<div><h5>Recent posts</h5><ul>{_items()}</ul></div>")
    assert [t["title"] for t in teasers] == list(TITLES)


def test_story_previews_in_the_site_top_bar_are_navigation() -> None:
    # The bar's flyout previews stories; the bar is the site's chrome, like a masthead.
    stories = f"<div class='related'><ul>{_items()}</ul></div>"
    assert _teasers(f"<div class='topbar' id='topbar'>{stories}</div>") == []
    teasers = _teasers(f"<div class='sidebar'>{stories}</div>")
    assert [t["title"] for t in teasers] == list(TITLES)
