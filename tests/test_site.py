"""extractor.site: block patterns with a slot, learning across pages, applying, date order."""

from __future__ import annotations

import itertools

from extractor.models import Boilerplate, ExtractorInfo, Record, Section, Site, Teaser
from extractor.normalize import content_hash
from extractor.site import (
    SLOTS_KEY,
    BlockStats,
    HostStats,
    MemoryStore,
    SiteKnowledge,
    SiteLearner,
    apply_knowledge,
    needs_reparse,
)
from extractor.site.order import has_ambiguous_dates, page_order, site_order
from extractor.site.templates import MAX_SLOT_TOKENS, fingerprint, kind_of, tokens_of

NOTE = (
    "Every summary here is written for patients and families. This one comes from {} and was "
    "simplified for everyday readers."
)


_NUMBERS = itertools.count()


def note(journal: str) -> str:
    return NOTE.format(journal)


def stats_of(*texts: str, kind: str = "body") -> BlockStats:
    first = tokens_of(texts[0])
    stats = BlockStats.first(fingerprint(first), first, kind, 1)
    for n, text in enumerate(texts[1:], start=2):
        stats = stats.merge(tokens_of(text), kind, n)
    return stats


def record(
    paragraphs: list[str],
    boilerplate: tuple[Boilerplate, ...] = (),
    *,
    heading: str | None = "Findings",
    host: str = "site.test",
    teasers: tuple[Teaser, ...] = (),
    published_text: str | None = None,
    headline: str | None = None,
) -> Record:
    """A record of one page; each has its own headline unless given one (pages are learned
    from once per headline)."""
    sections = (Section(heading, 2, tuple(paragraphs)),)
    text = "\n\n".join(paragraphs)
    return Record(
        url=f"https://{host}/a",
        site=Site(host),
        extractor=ExtractorInfo("test"),
        content_hash=content_hash(text),
        text=text,
        sections=sections,
        boilerplate=boilerplate,
        teasers=teasers,
        published_text=published_text,
        headline=headline or f"Article {next(_NUMBERS)}",
    )


# ---------------------------------------------------------------------------- patterns


def test_exact_repeats_stay_an_exact_pattern() -> None:
    stats = stats_of(note("Brain"), note("Brain"), note("Brain"))
    assert not stats.slotted and stats.pages == 3 and stats.usable
    assert stats.template().match(tokens_of(note("Brain"))) == ""
    assert stats.template().match(tokens_of(note("Neurology"))) is None


def test_variants_make_a_slot_between_their_shared_words() -> None:
    stats = stats_of(note("Acta neuropathologica"), note("Brain"), note("The Lancet Neurology"))
    template = stats.template()
    assert stats.slotted and stats.usable
    assert template.pattern() == note("{slot}")
    assert template.match(tokens_of(note("Multiple Sclerosis Journal"))) == (
        "Multiple Sclerosis Journal"
    )
    assert template.match(tokens_of("Something else entirely that is long enough here.")) is None


def test_a_slot_shared_first_word_narrows_as_more_variants_come() -> None:
    two = stats_of(note("Journal of Neurology"), note("Journal of Immunology"))
    assert two.template().match(tokens_of(note("Journal of Neurology"))) == "Neurology"
    three = two.merge(tokens_of(note("Brain")), "body", 3)
    assert three.template().match(tokens_of(note("Journal of Neurology"))) == (
        "Journal of Neurology"
    )


def test_two_different_paragraphs_with_the_same_edge_words_are_not_a_template() -> None:
    a = "In a new study published this year, " + "alpha " * 30 + "the researchers said so."
    b = "In a new study published this year, " + "beta gamma " * 20 + "the researchers said so."
    stats = stats_of(a, b, a)
    assert stats.slotted and stats.max_slot > MAX_SLOT_TOKENS
    assert not stats.usable


def test_the_kind_is_the_one_the_parser_gave_where_it_recognised_the_block() -> None:
    assert kind_of({"body": 5, "disclaimer": 2, "other": 1}) == "disclaimer"
    assert kind_of({"body": 5, "other": 1}) == "other"


# ---------------------------------------------------------------------------- learning


def test_a_block_becomes_a_template_at_the_minimum_support() -> None:
    learner = SiteLearner(min_pages=3)
    # Each page's own paragraph: no words shared at either edge (a paragraph that differed only
    # in its last word would be a block with a slot at its end).
    body = [
        "A paragraph of this page alone, long enough to be learned from, on {}.",
        "Nothing in this one is like the others: it is about {} and nothing else.",
        "Here the third page says its own thing about {}, in words of its own.",
    ]
    for text, journal in zip(body[:2], ("Brain", "Neurology"), strict=True):
        learner.observe(record([text.format(journal), note(journal)]))
    assert not learner.knowledge("site.test").templates
    learner.observe(record([body[2].format("kidneys"), note("Annals of Neurology")]))
    knowledge = learner.knowledge("site.test")
    assert [t.pattern() for t in knowledge.templates.values()] == [note("{slot}")]
    assert knowledge.pages == 3
    assert not learner.knowledge("other.test").templates  # hosts learn apart


def test_the_learning_lives_in_the_store_across_learners() -> None:
    store = MemoryStore()
    first = SiteLearner(store, min_pages=2)
    first.observe(record([note("Brain")]))
    first.commit()
    second = SiteLearner(store, min_pages=2)
    second.observe(record([note("Neurology")]))
    second.commit()
    third = SiteLearner(store, min_pages=2)
    assert third.knowledge("site.test").pages == 2
    assert [t.pages for t in third.knowledge("site.test").templates.values()] == [2]


def test_copies_of_one_article_are_learned_from_once() -> None:
    learner = SiteLearner(min_pages=2)
    paragraphs = ["The article's own paragraph, long enough to be learned from as a block."]
    assert learner.observe(record(paragraphs, headline="One story"))
    assert not learner.observe(record(paragraphs, headline="One  STORY"))
    learner.commit()
    assert not learner.observe(record(paragraphs, headline="One story"))
    assert not learner.knowledge("site.test").templates
    assert learner.knowledge("site.test").pages == 1


def test_blocks_not_seen_again_within_the_window_are_forgotten() -> None:
    store = MemoryStore()
    learner = SiteLearner(store, min_pages=3, window=5)
    for n in range(20):
        text = f"Paragraph {n} of its own page, never repeated anywhere else, number {n}."
        learner.observe(record([text]))
        learner.commit()
    kept = store.site_templates("site.test", 0)  # every block the store still holds
    # The last pages' blocks, within the window of 5, each under its three keys.
    assert 0 < len(kept) <= 3 * 6
    assert all(b.last_page >= 20 - 5 for b in kept)


# ---------------------------------------------------------------------------- applying


def knowledge_with(*texts: str, kind: str = "disclaimer", min_pages: int = 3) -> SiteKnowledge:
    learner = SiteLearner(min_pages=min_pages)
    for text in texts:
        learner.observe(record([], (Boilerplate(kind, text),), heading=None))
    return learner.knowledge("site.test")


def test_a_body_paragraph_that_is_a_site_block_moves_to_boilerplate_with_its_slot() -> None:
    knowledge = knowledge_with(note("Brain"), note("Neurology"), note("Lancet"))
    body = "What the study found, in a paragraph of this article alone."
    page = record([body], heading=None)
    moved = apply_knowledge(record([body, note("Annals")], heading=None), knowledge)
    assert moved.text == body and moved.content_hash == page.content_hash
    assert [(b.kind, b.text) for b in moved.boilerplate] == [("disclaimer", note("Annals"))]
    slots = moved.metadata[SLOTS_KEY]
    assert [(s["kind"], s["value"]) for s in slots] == [("disclaimer", "Annals")]
    assert (
        slots[0]["before"].endswith("comes from") and slots[0]["after"] == "and was simplified for"
    )


def test_a_section_of_site_blocks_only_takes_its_heading_along() -> None:
    knowledge = knowledge_with(note("Brain"), note("Neurology"), note("Lancet"))
    page = Record(
        url="https://site.test/a",
        site=Site("site.test"),
        extractor=ExtractorInfo("test"),
        content_hash="sha256:" + "0" * 64,
        sections=(
            Section("Findings", 2, ("The article's own words, long enough to be a paragraph.",)),
            Section("About these summaries", 2, (note("Cell"),)),
        ),
    )
    out = apply_knowledge(page, knowledge)
    assert [s.heading for s in out.sections] == ["Findings"]
    assert out.boilerplate == (Boilerplate("disclaimer", "About these summaries\n" + note("Cell")),)


def test_boilerplate_the_parser_called_other_takes_the_learned_kind() -> None:
    knowledge = knowledge_with(note("Brain"), note("Neurology"), note("Lancet"))
    footer = Boilerplate("footer", "© 2026 The site, all rights reserved for all time.")
    other = Boilerplate("other", "A line the parser could not place.\n" + note("Cell"))
    out = apply_knowledge(record([], (footer, other), heading=None), knowledge)
    assert out.boilerplate == (
        footer,
        Boilerplate("other", "A line the parser could not place."),
        Boilerplate("disclaimer", note("Cell")),
    )


def test_a_page_with_nothing_learned_is_returned_as_it_is() -> None:
    page = record(["Words of this page, long enough to be a paragraph of its own."])
    assert apply_knowledge(page, SiteKnowledge(HostStats("site.test"))) is page


# ---------------------------------------------------------------------------- date order


def dated(*texts: str) -> Record:
    return record(
        [],
        teasers=tuple(Teaser(f"https://site.test/{n}", date_text=t) for n, t in enumerate(texts)),
    )


def test_a_page_settles_the_order_only_with_a_part_above_twelve() -> None:
    assert page_order(dated("25/04/2025", "03/04/2025")) == "DM"
    assert page_order(dated("12/31/2026", "5/1/2026")) == "MD"
    assert page_order(dated("03/04/2025", "07/02/2025")) is None
    assert has_ambiguous_dates(dated("03/04/2025"))
    assert not has_ambiguous_dates(dated("25/04/2025", "04/04/2025", "April 3, 2025"))


def test_the_site_order_is_the_side_more_pages_settle() -> None:
    assert site_order(3, 1) == "MD" and site_order(0, 2) == "DM" and site_order(1, 1) is None


def test_the_learner_counts_each_pages_order() -> None:
    learner = SiteLearner()
    learner.observe(dated("25/04/2025"))
    learner.observe(dated("30/01/2025", "03/04/2025"))
    learner.observe(dated("03/04/2025"))
    learner.observe(record([], published_text="4/13/2025"))
    knowledge = learner.knowledge("site.test")
    assert (knowledge.stats.md, knowledge.stats.dm, knowledge.date_order) == (1, 2, "DM")


def test_only_an_all_ambiguous_page_read_another_way_is_read_again() -> None:
    ambiguous = dated("03/04/2025")
    assert needs_reparse(ambiguous, None, "DM")
    assert not needs_reparse(ambiguous, "DM", "DM")
    assert not needs_reparse(ambiguous, None, None)
    assert not needs_reparse(dated("25/04/2025", "03/04/2025"), None, "DM")


def test_the_run_report_says_what_was_learned() -> None:
    from extractor.crawl.report import CrawlReport
    from extractor.crawl.state import Counts

    sites = tuple(
        {"host": f"h{n}.test", "pages": 10, "templates": n, "date_order": order}
        for n, order in enumerate(("MD", None, "DM", "DM"))
    )
    report = CrawlReport.from_counts(
        run_id="r",
        out_dir="crawl",
        started_at="2026-03-01T12:00:00Z",
        finished_at="2026-03-01T12:00:04Z",
        segments=1,
        counts=Counts(fetched=40, elapsed=1.0),
        pending=0,
        records="r.jsonl",
        errors="e.jsonl",
        warc=(),
        outputs=(),
        sites=sites,
    )
    assert (
        "Learned h0.test over 10 pages: 0 recurring blocks, month first; h1.test over 10 pages: "
        "1 recurring blocks, date order unknown; h2.test over 10 pages: 2 recurring blocks, day "
        "first (and 1 more hosts)." in report.summary()
    )
    assert CrawlReport.from_dict(report.to_dict()) == report


def test_a_body_made_only_of_site_blocks_is_left_as_the_parser_read_it() -> None:
    knowledge = knowledge_with(note("Brain"), note("Neurology"), note("Lancet"))
    page = record([note("Annals"), note("Cell")], heading=None)
    assert apply_knowledge(page, knowledge) is page
