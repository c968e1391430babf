"""Links that lead to no article: a comment, an event, subscription, account and help pages."""

from __future__ import annotations

import pytest

from extractor.parse.teaser_links import article_url

URL = "https://blog.example/2026/11/the-story/"


@pytest.mark.parametrize(
    "href",
    [
        "https://blog.example/2019/11/11/a-letter/#comment-954190",
        "/2019/07/23/experiments/#comment_12",
    ],
)
def test_comment_anchors_are_no_article_links(href: str) -> None:
    assert article_url(href, URL, URL) is None


@pytest.mark.parametrize("fragment", ["#section-2", "#comments"])
def test_other_fragments_keep_the_article(fragment: str) -> None:
    # "#comments" is a card's comment count: it still names the post.
    href = f"/2019/07/23/experiments/{fragment}"
    assert article_url(href, URL, URL) == "https://blog.example/2019/07/23/experiments/"


def test_event_listings_are_no_article_links() -> None:
    # "Upcoming Events" boxes link each conference's listing page.
    assert article_url("/event/space-tech-expo-europe/", URL, URL) is None
    assert article_url("/2026/10/event-of-the-year/", URL, URL) is not None


@pytest.mark.parametrize(
    "href",
    [
        "https://subs.news.example/checkout?plan=85339",
        "/membership?source=post_page",
        "https://help.news.example/hc/en-us",
        "https://support.news.example/hc/articles/360",
        "https://myaccount.news.example/forgotPassword",
        "http://subscription.news.example/offers",
    ],
)
def test_subscription_and_help_pages_are_no_article_links(href: str) -> None:
    assert article_url(href, URL, URL) is None
