"""Ad networks' recommendation widgets and ad-click redirects are not teaser blocks."""

from __future__ import annotations

from datetime import UTC, datetime

from extractor.parse.teaser_links import article_url
from extractor.pipeline import extract
from tests.records import valid

NOW = datetime(2026, 11, 24, tzinfo=UTC)
URL = "https://news.example/2026/11/the-story"
BODY = "<p>" + "The article body has a sentence with some words, commas, and more. " * 6 + "</p>"
TITLES = (
    "A solution that puts your snoring to bed for good",
    "This strategy game is the phenomenon of the year",
    "Track your car using nothing but your smartphone",
)


def _teasers(extra: str) -> list[dict[str, object]]:
    html = f"<html><body><h1>The story of the day</h1>{BODY * 3}{extra}</body></html>"
    return list(valid(extract(html, URL, now=NOW).to_dict())["teasers"])


def _cards(host: str) -> str:
    return "".join(
        f"<div class='item'><a href='https://{host}/landing/{i}?utm_source=network'>{t}</a></div>"
        for i, t in enumerate(TITLES)
    )


def test_cards_in_a_widget_that_credits_its_network_are_no_teasers() -> None:
    credit = "<div class='footer'><a href='https://popup.taboola.com/en/'>by Taboola</a></div>"
    widget = f"<div class='rbox'><div class='cards'>{_cards('offers.example')}</div>{credit}</div>"
    assert _teasers(widget) == []


def test_a_network_logo_inside_the_block_marks_its_cards_as_paid() -> None:
    logo = "<div id='w-1'><a href='http://www.zergnet.com/?w=16910'><b>ZergNet</b></a></div>"
    assert _teasers(f"<div class='posts'>{logo}{_cards('gossip.example')}</div>") == []


def test_the_same_cards_without_a_network_link_stay_teasers() -> None:
    teasers = _teasers(f"<div class='posts'>{_cards('partner.example')}</div>")
    assert [t["title"] for t in teasers] == list(TITLES)


def test_a_widget_serving_the_site_own_stories_keeps_them() -> None:
    credit = "<a href='https://popup.taboola.com/en/'>by Taboola</a>"
    teasers = _teasers(f"<div class='rbox'>{_cards('news.example')}{credit}</div>")
    assert [t["title"] for t in teasers] == list(TITLES)


def test_ad_click_redirects_lead_to_no_article() -> None:
    href = "http://ard.yahoo.co.jp/SIG=159lgniqh/M=300972296.301842118/D=news/*http://ex.jp/"
    assert article_url(href, URL, URL) is None


def test_around_the_web_is_a_block_of_partner_headlines_unless_a_network_serves_it() -> None:
    # The heading alone does not make a block paid: partner sites' headline lists carry it too.
    partners = f"<div><h3>Around The Web</h3><ul>{_cards('partner.example')}</ul></div>"
    assert [t["title"] for t in _teasers(partners)] == list(TITLES)
    credit = "<a href='https://www.outbrain.com/what-is/'>Recommended by Outbrain</a>"
    served = f"<div><h3>Around The Web</h3><ul>{_cards('partner.example')}</ul>{credit}</div>"
    assert _teasers(served) == []
