"""Headline lists of partner sites: teasers by their links, whatever their heading calls them."""

from __future__ import annotations

from tests.test_teasers import _teasers


def _partner_box(host: str, n: int = 3) -> str:
    items = "".join(
        f"<li><a href='https://www.{host}/2026/11/a-partner-story-number-{i}' rel='nofollow'>"
        f"A partner story number {i} about the celebrity news of the week</a></li>"
        for i in range(n)
    )
    logo = f"<a href='https://www.{host}/'><img src='/l.png'></a>"
    return f"<div class='partner-headlines'>{logo}<ul>{items}</ul></div>"


def test_partner_headline_lists_under_around_the_web_are_teasers() -> None:
    boxes = "".join(_partner_box(h) for h in ("usmag.example", "ego.example", "chive.example"))
    teasers = _teasers(
        f"<div class='around-the-web-widget'><h3>Around The Web</h3>"
        f"<div class='partner-row'>{boxes}</div></div>"
    )
    assert len(teasers) == 9
    assert {t["block"] for t in teasers} == {"Around The Web"}


def test_an_around_the_web_widget_served_through_an_ad_network_is_not() -> None:
    items = "".join(
        f"<li><a href='https://paid.outbrain.com/network/redir?p={i}'>A sponsored story number "
        f"{i} you will not believe</a></li>"
        for i in range(4)
    )
    assert _teasers(f"<div><h3>Around the web</h3><ul>{items}</ul></div>") == []
