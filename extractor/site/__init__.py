"""Site learning: blocks that recur across a host's pages, and its month/day order."""

from __future__ import annotations

from extractor.site.apply import SLOTS_KEY, apply_knowledge
from extractor.site.knowledge import HostStats, SiteKnowledge
from extractor.site.learn import MemoryStore, SiteLearner, SiteStore
from extractor.site.order import needs_reparse
from extractor.site.templates import BlockStats, Template

__all__ = [
    "SLOTS_KEY",
    "BlockStats",
    "HostStats",
    "MemoryStore",
    "SiteKnowledge",
    "SiteLearner",
    "SiteStore",
    "Template",
    "apply_knowledge",
    "needs_reparse",
]
