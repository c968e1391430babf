"""Site blocks whose slot is at their start or end: one template, kept apart from other blocks."""

from __future__ import annotations

import pytest
from test_site import knowledge_with, note, record

from extractor.models import Boilerplate
from extractor.site import SLOTS_KEY, BlockStats, MemoryStore, SiteLearner, apply_knowledge
from extractor.site.templates import END_SLOT, START_SLOT, end_key, fingerprint, tokens_of

# A slot at the end: the first words are shared, the last ones are not.
APPEARED = "This summary was prepared by our editors from a study first published in {}."
CREDIT = "© 2026 Example Media, all rights reserved. Photo: {}"
# A slot at the start: the last words are shared.
RIGHTS = "{}. All rights reserved. Reproduced here with the kind permission of the publisher."
JOURNALS = ("The Lancet", "Nature Reviews Neurology", "Brain", "JAMA Neurology")
PHOTOGRAPHERS = ("Jane Doe", "Ana María Ruiz", "Tom Li", "Sam Okafor")
OWN = "What the study found, in a paragraph of this article alone, with its own findings."


def learned(pattern: str, values: tuple[str, ...], kind: str = "other") -> SiteLearner:
    learner = SiteLearner(min_pages=3)
    for n, value in enumerate(values):
        own = f"Page {n} tells its own story here, unlike any of the other pages at all ({n})."
        learner.observe(record([own], (Boilerplate(kind, pattern.format(value)),), heading=None))
    return learner


@pytest.mark.parametrize(
    ("pattern", "values", "side"),
    [
        (APPEARED, JOURNALS[:3], END_SLOT),
        (CREDIT, PHOTOGRAPHERS[:3], END_SLOT),
        (RIGHTS, JOURNALS[:3], START_SLOT),
        ("© 2026 " + RIGHTS, JOURNALS[:3], START_SLOT),
        # Lines of seven words: five shared ones beside the slot.
        ("This article first appeared in {}", JOURNALS[:3], END_SLOT),
        ("© 2026 Example Media. Photo: {}", PHOTOGRAPHERS[:3], END_SLOT),
    ],
    ids=["end", "end-credit", "start", "start-after-two-words", "short-end", "short-credit"],
)
def test_a_block_with_a_slot_at_an_edge_is_one_template(
    pattern: str, values: tuple[str, ...], side: str
) -> None:
    assert not learned(pattern, values[:2]).knowledge("site.test").templates  # two pages: not yet
    learner = learned(pattern, values)
    templates = list(learner.knowledge("site.test").templates.values())
    assert len(templates) == 1
    template = templates[0]
    assert template.key.startswith(side) and template.slotted and template.pages == 3
    # The stop after the slot is a variant's own ("Brain." beside "The Lancet."): it stays in
    # the slot, but out of the value.
    assert template.pattern() == pattern.format("{slot}").replace("{slot}.", "{slot}")
    assert template.match(tokens_of(pattern.format("Cell Reports"))) == "Cell Reports"
    assert template.match(tokens_of(OWN)) is None


def test_edge_slots_move_body_paragraphs_to_boilerplate_with_their_values() -> None:
    learner = SiteLearner(min_pages=3)
    for journal in JOURNALS[:3]:
        parts = (
            Boilerplate("disclaimer", APPEARED.format(journal)),
            Boilerplate("footer", RIGHTS.format(journal)),
        )
        learner.observe(record([], parts, heading=None))
    page = record([OWN, APPEARED.format("JAMA Neurology"), RIGHTS.format("Cell")], heading=None)
    out = apply_knowledge(page, learner.knowledge("site.test"))
    assert out.text == OWN
    assert [(b.kind, b.text) for b in out.boilerplate] == [
        ("disclaimer", APPEARED.format("JAMA Neurology")),
        ("footer", RIGHTS.format("Cell")),
    ]
    slots = [(s["kind"], s["value"], s["before"], s["after"]) for s in out.metadata[SLOTS_KEY]]
    assert slots == [
        ("disclaimer", "JAMA Neurology", "study first published in", ""),
        ("footer", "Cell", "", "All rights reserved. Reproduced"),
    ]


def test_a_value_that_recurs_is_still_the_pages_slot_and_one_template() -> None:
    # The Lancet on three pages: the fingerprint holds that variant as an exact block too.
    values = ("The Lancet", "Brain", "The Lancet", "JAMA Neurology", "The Lancet")
    knowledge = learned(APPEARED, values, kind="disclaimer").knowledge("site.test")
    assert len(knowledge.templates) == 1
    assert knowledge.summary()["templates"] == 1
    found = knowledge.match(APPEARED.format("The Lancet"))
    assert found is not None and found[1] == "The Lancet"


def test_two_blocks_sharing_their_last_words_are_not_merged() -> None:
    newsletter = (
        "Sign up for our free weekly newsletter and get the latest research delivered to your "
        "inbox every Friday."
    )
    social = (
        "Follow our reporters on social media for daily updates and get the latest research "
        "delivered to your inbox every Friday."
    )
    for order in ((newsletter, social) * 3, (newsletter,) * 3 + (social,) * 3):
        learner = SiteLearner(min_pages=3)
        for text in order:
            learner.observe(record([], (Boilerplate("other", text),), heading=None))
        templates = list(learner.knowledge("site.test").templates.values())
        assert sorted(t.pattern() for t in templates) == sorted((newsletter, social))
        assert not any(t.slotted for t in templates)
        for text in (newsletter, social):
            found = learner.knowledge("site.test").match(text)
            assert found is not None and found[1] == ""


def test_a_stray_paragraph_opening_like_the_block_does_not_spoil_it() -> None:
    stray = (
        "This summary was prepared by our editors over many weeks, with the help of doctors, "
        "nurses and patients who read every draft and told us what was unclear."
    )
    assert end_key(tokens_of(stray)) == end_key(tokens_of(APPEARED.format("Brain")))
    for texts in (
        (stray, *(APPEARED.format(j) for j in JOURNALS[:3])),
        (APPEARED.format("Brain"), stray, *(APPEARED.format(j) for j in JOURNALS[1:])),
        (*(APPEARED.format(j) for j in JOURNALS[:2]), stray, APPEARED.format("Brain")),
    ):
        stats = end_stats(*texts)
        assert stats.key.startswith(END_SLOT)
        assert stats.usable and stats.pages == 3
        assert stats.template().match(tokens_of(stray)) is None


def end_stats(*texts: str) -> BlockStats:
    """The stats under the first words' key of the texts, one page each."""
    first = tokens_of(texts[0])
    stats = BlockStats.first(end_key(first), first, "body", 1)
    for n, text in enumerate(texts[1:], start=2):
        stats = stats.merge(tokens_of(text), "body", n)
    return stats


def test_a_slot_too_wide_for_its_fixed_words_is_no_template() -> None:
    # A name of six words beside six fixed words: the fixed part does not dominate.
    pattern = "Subscribe now and read more from {}"
    values = (
        "the editors of the weekly paper",
        "our partners at the city desk",
        "a team of writers abroad",
    )
    learner = learned(pattern, values)
    assert not learner.knowledge("site.test").templates


@pytest.mark.parametrize(
    ("pattern", "values"),
    [
        # Three shared words, no more than the name beside them: fewer than a key's four.
        (
            "{}. All rights reserved.",
            ("Nature Reviews Neurology", "The BMJ Group", "Cell Press Journals", "Elsevier Health"),
        ),
        # Five words: too short a line to tell a piece of the site from a fact of the article.
        ("The study appeared in {}", ("Brain", "Cell", "Neuron")),
    ],
    ids=["fixed-part-too-small", "too-short"],
)
def test_a_short_line_is_not_learned(pattern: str, values: tuple[str, ...]) -> None:
    assert not learned(pattern, values).knowledge("site.test").templates


def test_a_middle_slot_is_learned_as_before_and_once() -> None:
    knowledge = knowledge_with(note("Brain"), note("Neurology"), note("Lancet"))
    (template,) = knowledge.templates.values()
    assert template.key == fingerprint(tokens_of(note("Brain")))
    assert template.pattern() == note("{slot}")
    found = knowledge.match(note("Annals of Neurology."))
    assert found is not None and found[1] == "Annals of Neurology."  # a middle slot keeps its stop


def test_a_middle_slot_near_the_end_is_found_by_the_first_words() -> None:
    # Three fixed words after the slot: the fingerprint's last four words hold part of the slot.
    pattern = "This article first appeared in the pages of {} and is republished."
    knowledge = learned(pattern, JOURNALS[:3]).knowledge("site.test")
    (template,) = knowledge.templates.values()
    assert template.key.startswith(END_SLOT) and template.pattern() == pattern.format("{slot}")
    found = knowledge.match(pattern.format("JAMA Neurology"))
    assert found is not None and found[1] == "JAMA Neurology"


def test_edge_templates_live_in_the_store_across_learners() -> None:
    store = MemoryStore()
    for journal in JOURNALS[:3]:
        learner = SiteLearner(store, min_pages=3)
        learner.observe(record([], (Boilerplate("footer", RIGHTS.format(journal)),)))
        learner.commit()
    (template,) = SiteLearner(store, min_pages=3).knowledge("site.test").templates.values()
    assert template.key.startswith(START_SLOT) and template.pages == 3


def test_a_line_that_is_another_less_its_start_is_its_own_block() -> None:
    # The site's name before the menu on some pages only: two blocks, no slot.
    menu = "Home · News · Research · About us · Contact"
    named = "Example Health News · " + menu
    learner = SiteLearner(min_pages=3)
    for text in (menu, named, menu, named, menu, named, menu):
        learner.observe(record([], (Boilerplate("navigation", text),), heading=None))
    knowledge = learner.knowledge("site.test")
    patterns = sorted((t.pattern(), t.slotted) for t in knowledge.templates.values())
    assert patterns == [(named, False), (menu, False)]  # each an exact block of its own
    found = knowledge.match(named)
    assert found is not None and found[1] == ""
    stats = end_stats(APPEARED.format("Brain"), APPEARED.format("Brain") + " and Cell.")
    assert stats.pages == 1  # not one block with a slot that is empty on one page
    template = end_stats(*(APPEARED.format(j) for j in JOURNALS[:3])).template()
    assert template.match(template.prefix) is None  # nor is its fixed part alone a variant
