"""What was learned about one host: its recurring block templates and its month/day order."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from extractor.site.order import site_order
from extractor.site.templates import Template, keys_of, one_sided, tokens_of


@dataclass(frozen=True, slots=True)
class HostStats:
    """A host's counters: pages learned from, and pages whose dates settle each order."""

    host: str
    pages: int = 0
    md: int = 0
    dm: int = 0


@dataclass(frozen=True, slots=True)
class SiteKnowledge:
    """A frozen view of a host's learning, applied to its pages."""

    stats: HostStats
    templates: Mapping[str, Template] = field(default_factory=dict)

    @property
    def host(self) -> str:
        return self.stats.host

    @property
    def pages(self) -> int:
        return self.stats.pages

    @property
    def date_order(self) -> str | None:
        return site_order(self.stats.md, self.stats.dm)

    def match(self, text: str) -> tuple[Template, str] | None:
        """The template a block's text is a variant of, and its slot value ("" when exact)."""
        if not self.templates:
            return None
        return _found(self.templates, tokens_of(text))

    def summary(self) -> dict[str, Any]:
        """A line of a run report or of a listing: pages, template count, date order."""
        return {
            "host": self.host,
            "pages": self.pages,
            "templates": len(self.templates),
            "date_order": self.date_order,
        }

    def to_dict(self) -> dict[str, Any]:
        """A stable JSON view: templates by kind, then support, then pattern."""
        templates = sorted(self.templates.values(), key=lambda t: (t.kind, -t.pages, t.pattern()))
        return {
            "host": self.host,
            "pages": self.pages,
            "date_order": self.date_order,
            "date_order_evidence": {"MD": self.stats.md, "DM": self.stats.dm},
            "templates": [t.to_dict() for t in templates],
        }


def _found(
    templates: Mapping[str, Template], tokens: tuple[str, ...]
) -> tuple[Template, str] | None:
    # A slot at an edge first: where one of its values recurs often, the fingerprint also
    # holds that variant as an exact block, which would hide the page's slot value.
    for key in keys_of(tokens):
        template = templates.get(key)
        if template is not None:
            value = template.match(tokens)
            if value is not None:
                return template, value
    return None


def distinct(templates: Mapping[str, Template]) -> dict[str, Template]:
    """The templates less the exact blocks that are one value of a template with an edge slot
    ("... first appeared in The Lancet", where The Lancet recurs): one block, one template."""
    if not any(one_sided(key) for key in templates):
        return dict(templates)
    out = {}
    for key, template in templates.items():
        if not template.slotted and not one_sided(key):
            found = _found(templates, template.prefix)
            if found is not None and found[0] is not template:
                continue
        out[key] = template
    return out
