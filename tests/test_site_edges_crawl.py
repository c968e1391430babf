"""Edge slots end to end: a crawl and an `extract` batch of the kidney site with two more lines in
its disclaimer, one whose slot ends it and one whose slot starts it; and the state they live in."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from kidneysite import ARTICLES, JOURNALS, Article, KidneySite, disclaimer
from records import valid
from test_site import note, record
from test_site_crawl import articles, rows, settings

from extractor.cli import main
from extractor.crawl import crawl
from extractor.crawl.state import State
from extractor.models import Boilerplate
from extractor.pipeline import extract
from extractor.site import SLOTS_KEY, HostStats, SiteLearner, apply_knowledge
from extractor.site.templates import BlockStats, fingerprint, tokens_of

REVIEWERS = ("Dr Amara Okafor", "Nurse Tom Reilly", "Dr Li Wei", "Dr Sofia Marques")
WRITERS = ("Hannah Cole", "Ravi Patel", "Maria Lopez")
REVIEWED = "Every figure in this summary was checked against the paper by {}."
WROTE = "{} wrote this plain-language summary for the readers of Kidney Care Digest."
OWN = "The article's own words, long enough to be a paragraph of it and nothing else."


def edge_lines(i: int) -> list[str]:
    return [REVIEWED.format(REVIEWERS[i % len(REVIEWERS)]), WROTE.format(WRITERS[i % len(WRITERS)])]


def html(i: int) -> str:
    """Article ``i`` with the two lines after its disclaimer's first paragraph."""
    page = Article(i).html()
    first = f"<p>{disclaimer(i)[0]}</p>"
    assert page.count(first) == 1
    return page.replace(first, first + "".join(f"<p>{line}</p>" for line in edge_lines(i)))


@pytest.fixture(scope="module")
def edged() -> Iterator[KidneySite]:
    with KidneySite() as site:
        for i in range(ARTICLES):
            site.pages[Article(i).path] = html(i)
        yield site


def check_page(article: Article, r: dict[str, Any]) -> None:
    """Both lines are disclaimer boilerplate, each with its name as a slot beside the journal."""
    i = article.i
    notes = "\n".join(b["text"] for b in r["boilerplate"] if b["kind"] == "disclaimer")
    for line in edge_lines(i):
        assert line in notes, (i, line)
        assert line not in r["text"]
    assert "Researchers followed" in r["text"]
    slots = [s["value"] for s in r["metadata"][SLOTS_KEY] if s["kind"] == "disclaimer"]
    reviewer, writer = REVIEWERS[i % len(REVIEWERS)], WRITERS[i % len(WRITERS)]
    assert slots == [JOURNALS[i % len(JOURNALS)], reviewer, writer], i


def test_a_crawl_learns_both_edge_slots(
    edged: KidneySite, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Read alone, the old template's lines are body text.
    assert edge_lines(2)[0] in extract(html(2), edged.base + Article(2).path).text
    report = crawl([edged.base + "/"], out_dir=tmp_path, config=settings())
    assert report.exit_code == 0
    # The kidney site's four blocks and the two new ones, each once.
    assert report.sites == (
        {"host": "127.0.0.1", "pages": ARTICLES + 2, "templates": 6, "date_order": "DM"},
    )
    pages = articles(rows(report.records))
    assert [a.i for a, _ in pages] == list(range(ARTICLES))
    for article, r in pages:
        check_page(article, r)
    assert main(["site", "127.0.0.1", "--out", str(tmp_path)]) == 0
    patterns = [t["pattern"] for t in json.loads(capsys.readouterr().out)["templates"]]
    assert REVIEWED.format("{slot}")[:-1] in patterns
    assert WROTE.format("{slot}") in patterns


def test_extract_learns_both_edge_slots_over_its_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = []
    for i in range(ARTICLES):
        path = tmp_path / f"{i:02d}.html"
        path.write_text(html(i), encoding="utf-8")
        files.append(str(path))
    assert main(["extract", *files, "--base-url", "https://kidney.test/stories/page"]) == 0
    records = [valid(json.loads(line)) for line in capsys.readouterr().out.splitlines()]
    assert len(records) == ARTICLES
    for i, r in enumerate(records):
        check_page(Article(i), r)


def test_edge_templates_round_trip_through_the_crawl_state(tmp_path: Path) -> None:
    pages = [
        record([], (Boilerplate("disclaimer", "\n".join(edge_lines(i))),), heading=None)
        for i in range(4)
    ]
    state = State(tmp_path / "state.sqlite")
    try:
        learner = SiteLearner(state)
        for page in pages:
            learner.observe(page)
        learner.commit()
        before = learner.knowledge("site.test").to_dict()
    finally:
        state.close()
    state = State(tmp_path / "state.sqlite")
    try:
        after = SiteLearner(state).knowledge("site.test")
        assert after.to_dict() == before
        assert sorted(t["pattern"] for t in before["templates"]) == sorted(
            (REVIEWED.format("{slot}")[:-1], WROTE.format("{slot}"))
        )
        out = apply_knowledge(record([OWN, *edge_lines(9)], heading=None), after)
        assert out.text == OWN
        assert [s["value"] for s in out.metadata[SLOTS_KEY]] == [REVIEWERS[1], WRITERS[0]]
    finally:
        state.close()


def test_a_state_learned_before_edge_slots_still_applies_and_learns_on(tmp_path: Path) -> None:
    """An older state holds two-sided fingerprints only, in the same columns: they load as they
    are, and the edge keys are learned beside them from the next pages on."""
    tokens = [tokens_of(note(j)) for j in ("Brain", "Neurology", "Lancet")]
    stats = BlockStats.first(fingerprint(tokens[0]), tokens[0], "disclaimer", 1)
    for n, more in enumerate(tokens[1:], start=2):
        stats = stats.merge(more, "disclaimer", n)
    state = State(tmp_path / "state.sqlite")
    try:
        state.save_site([HostStats("site.test", 3)], [("site.test", stats)], min_pages=3, window=9)
    finally:
        state.close()
    state = State(tmp_path / "state.sqlite")
    try:
        learner = SiteLearner(state)
        (old,) = learner.knowledge("site.test").templates.values()
        assert old.pattern() == note("{slot}")
        for i in range(3):
            lines = "\n".join([note("Cell"), *edge_lines(i)])
            learner.observe(record([], (Boilerplate("disclaimer", lines),), heading=None))
        learner.commit()
        page = record([OWN, note("Annals"), *edge_lines(5)], heading=None)
        out = apply_knowledge(page, SiteLearner(state).knowledge("site.test"))
        values = [s["value"] for s in out.metadata[SLOTS_KEY]]
        assert values == ["Annals", REVIEWERS[1], WRITERS[2]]
        assert out.text == OWN
    finally:
        state.close()
