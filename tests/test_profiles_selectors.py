"""The CSS subset of site profiles: what each form selects, and what it refuses."""

from __future__ import annotations

import lxml.html
import pytest

from extractor.errors import ConfigError
from extractor.profiles import Selector

PAGE = """
<html><body>
<div id="main" class="wrap  outer">
  <h1 id="t">Title</h1>
  <p id="p1" class="lead x-y">One</p>
  <p id="p2" data-role="body text">Two</p>
  <section id="s1"><p id="p3">Three</p><span id="sp">x</span><p id="p4">Four</p></section>
  <a id="a1" href="/news/1" title="it's &quot;quoted&quot;">A</a>
</div>
<aside id="side" lang="en-GB"><p id="p5">Five</p></aside>
</body></html>
"""


@pytest.fixture(scope="module")
def root() -> lxml.html.HtmlElement:
    return lxml.html.fromstring(PAGE)


@pytest.mark.parametrize(
    ("selector", "ids"),
    [
        ("p", ["p1", "p2", "p3", "p4", "p5"]),
        ("div.wrap > p", ["p1", "p2"]),
        (".outer p", ["p1", "p2", "p3", "p4"]),
        ("#main > section > p", ["p3", "p4"]),
        ("p.lead.x-y", ["p1"]),
        ("p.lead.nope", []),
        ("[data-role]", ["p2"]),
        ('[data-role="body text"]', ["p2"]),
        ("[data-role~=text]", ["p2"]),
        ("a[href^='/news/']", ["a1"]),
        ("a[href$='/1']", ["a1"]),
        ("a[href*=news]", ["a1"]),
        ("[lang|=en]", ["side"]),
        ("""a[title='it\\'s']""", None),  # escapes are not in the subset
        ('a[title*="it\'s"]', ["a1"]),
        ("section > p:first-child", ["p3"]),
        ("section > p:last-child", ["p4"]),
        ("section > :nth-child(2)", ["sp"]),
        ("section > p:nth-of-type(2)", ["p4"]),
        ("section > p:first-of-type", ["p3"]),
        ("section > p:last-of-type", ["p4"]),
        ("section > *:nth-last-child(3)", ["p3"]),
        ("section > p:nth-last-of-type(2)", ["p3"]),
        ("h1 + p", ["p1"]),
        ("h1 ~ p", ["p1", "p2"]),
        ("aside p, h1", ["t", "p5"]),  # a group gives page order
        ("P#P1", []),  # names are lower-cased, ids are not
    ],
)
def test_selects(root: lxml.html.HtmlElement, selector: str, ids: list[str] | None) -> None:
    if ids is None:
        with pytest.raises(ConfigError):
            Selector.parse(selector)
        return
    assert [el.get("id") for el in Selector.parse(selector).select(root)] == ids


def test_a_leading_child_combinator_is_relative_to_the_element(
    root: lxml.html.HtmlElement,
) -> None:
    main = Selector.parse("#main").first(root)
    assert main is not None
    assert [el.get("id") for el in Selector.parse("> p").select(main)] == ["p1", "p2"]
    assert [el.get("id") for el in Selector.parse("p").select(main)] == ["p1", "p2", "p3", "p4"]
    assert Selector.parse("#main").select(main) == []  # never the element itself


@pytest.mark.parametrize(
    "bad", ["", "p:hover", "p:not(.x)", "+ p", "p >", "p > > a", "div.", "p[", "a::before"]
)
def test_refuses_what_it_cannot_read(bad: str) -> None:
    with pytest.raises(ConfigError):
        Selector.parse(bad)
