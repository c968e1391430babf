"""A host's templates applied to a record: recurring blocks out of the body, slots to metadata."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from extractor.models import Boilerplate, Record, Section
from extractor.normalize import content_hash
from extractor.parse.body import body_text
from extractor.site.knowledge import SiteKnowledge
from extractor.site.templates import Template

# The metadata key of the slot values: what the site's recurring blocks say about this page
# (for the seed site: the journal its disclaimer names).
SLOTS_KEY = "site_slots"
_CONTEXT_TOKENS = 4
# Site learning never takes (nearly) all of a body away: a page made almost only of site blocks
# is more likely a copy of other pages (test pages of one template, a duplicate) than an
# article without words, so its body stays as the parser read it.
MIN_KEPT_SHARE = 0.15

Matcher = Callable[[str], Template | None]


def apply_knowledge(record: Record, knowledge: SiteKnowledge) -> Record:
    """The record with the host's recurring blocks typed as boilerplate and their slots kept.

    Body paragraphs that are a site block move to ``boilerplate`` (consecutive ones of one kind
    as one item, with the heading of a section they empty); boilerplate the parser could only
    call `other` takes the kind the block has where the parser recognised it.
    """
    if not knowledge.templates:
        return record
    slots: list[dict[str, Any]] = []
    body_slots: list[dict[str, Any]] = []

    def matcher(found_slots: list[dict[str, Any]]) -> Matcher:
        def matched(text: str) -> Template | None:
            found = knowledge.match(text)
            if found is None:
                return None
            template, value = found
            if value:
                found_slots.append(_slot(template, value))
            return template

        return matched

    boilerplate = _retyped(record.boilerplate, matcher(slots))
    sections, moved = _moved(record.sections, matcher(body_slots))
    if moved and _kept_chars(sections) < MIN_KEPT_SHARE * _kept_chars(record.sections):
        sections, moved = record.sections, ()
    else:
        slots.extend(body_slots)
    if not slots and not moved and boilerplate == record.boilerplate:
        return record
    changes: dict[str, Any] = {"boilerplate": boilerplate + moved}
    if moved:
        text = body_text(sections)
        changes.update(sections=sections, text=text, content_hash=content_hash(text))
    if slots:
        metadata = dict(record.metadata)
        metadata[SLOTS_KEY] = slots
        changes["metadata"] = metadata
    return replace(record, **changes)


def _kept_chars(sections: tuple[Section, ...]) -> int:
    return sum(len(p) for s in sections for p in s.paragraphs)


def _slot(template: Template, value: str) -> dict[str, Any]:
    return {
        "kind": template.kind,
        "value": value,
        "before": " ".join(template.prefix[-_CONTEXT_TOKENS:]),
        "after": " ".join(template.suffix[:_CONTEXT_TOKENS]),
        "pages": template.pages,
    }


def _retyped(items: tuple[Boilerplate, ...], matched: Matcher) -> tuple[Boilerplate, ...]:
    """Items as the parser typed them; an `other` one split where lines are site blocks."""
    out: list[Boilerplate] = []
    for item in items:
        lines = item.text.split("\n")
        kinds: list[str] = []
        for line in lines:
            template = matched(line)
            kind = item.kind
            if item.kind == "other" and template is not None:
                kind = template.kind
            kinds.append(kind)
        if all(k == item.kind for k in kinds):
            out.append(item)
            continue
        for kind, run in _runs(list(zip(kinds, lines, strict=True))):
            out.append(Boilerplate(kind, "\n".join(run)))
    return tuple(out)


def _runs(pairs: list[tuple[str, str]]) -> list[tuple[str, list[str]]]:
    runs: list[tuple[str, list[str]]] = []
    for kind, text in pairs:
        if runs and runs[-1][0] == kind:
            runs[-1][1].append(text)
        else:
            runs.append((kind, [text]))
    return runs


def _moved(
    sections: tuple[Section, ...], matched: Matcher
) -> tuple[tuple[Section, ...], tuple[Boilerplate, ...]]:
    """The sections less their site blocks, and those blocks as boilerplate items."""
    kept_sections: list[Section] = []
    runs: list[tuple[str, list[str]]] = []
    open_run = False  # whether the last block seen was moved, so a next one joins its item
    for section in sections:
        kept: list[str] = []
        start: tuple[int, int] | None = None  # where the section's first moved block went
        for paragraph in section.paragraphs:
            template = matched(paragraph)
            if template is None:
                kept.append(paragraph)
                open_run = False
                continue
            if not open_run or not runs or runs[-1][0] != template.kind:
                runs.append((template.kind, []))
            if start is None:
                start = (len(runs) - 1, len(runs[-1][1]))
            runs[-1][1].append(paragraph)
            open_run = True
        if start is None:
            kept_sections.append(section)
            continue
        if kept:
            kept_sections.append(replace(section, paragraphs=tuple(kept)))
        elif section.heading:
            # A section that held nothing but site blocks: its heading ("Disclaimer") goes too.
            runs[start[0]][1].insert(start[1], section.heading)
    moved = tuple(Boilerplate(kind, "\n".join(texts)) for kind, texts in runs)
    return tuple(kept_sections), moved
