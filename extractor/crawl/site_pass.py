"""Site learning in a crawl: each batch's new pages learned from, then read with their host's
knowledge; what was learned saved after the batch's commit and summed up in the run's report."""

from __future__ import annotations

from contextlib import suppress
from typing import Any
from urllib.parse import urlsplit

from extractor.crawl.batch import Parsed
from extractor.crawl.state import State
from extractor.errors import ExtractorError
from extractor.models import Record
from extractor.profiles import Profiles
from extractor.site import SiteLearner, apply_knowledge, needs_reparse

REPORT_HOSTS = 50  # a broad crawl's report names its largest hosts only


class SitePass:
    """One run's site learner over the crawl state."""

    def __init__(self, state: State, profiles: Profiles) -> None:
        self._learner = SiteLearner(state)
        self._profiles = profiles

    def date_order(self, url: str) -> str | None:
        """The date order the page's host has shown so far, to parse a page with."""
        return self._learner.knowledge((urlsplit(url).hostname or "").lower()).date_order

    def apply(self, parsed: list[Parsed], run_id: str) -> list[tuple[Parsed, Record]]:
        """The batch's pages with what their hosts taught: first every new page is learned from,
        then each is read with its host's date order (when its own dates cannot settle it)
        and its host's recurring blocks are typed, so a batch's first pages get them too."""
        from extractor.pipeline import record_from_fetch

        learner = self._learner
        for p in parsed:
            # A page is learned from once, when first recorded: a revisit would count it twice.
            if p.task.content_hash is None and not p.task.recovered:
                learner.observe(p.record)
        out = []
        for p in parsed:
            knowledge = learner.knowledge(p.record.site.host)
            record = p.record
            if needs_reparse(record, p.date_order, knowledge.date_order):
                # It parsed once: should the second reading fail, the first stands.
                with suppress(ExtractorError):
                    record = record_from_fetch(
                        p.result,
                        run_id=run_id,
                        date_order=knowledge.date_order,
                        profile=self._profiles.for_url(p.result.url),
                    )
            out.append((p, apply_knowledge(record, knowledge)))
        return out

    def commit(self) -> None:
        """Save what the batch taught; after the batch's commit, so that a crash in between
        loses what it taught, never counts one of its pages twice."""
        self._learner.commit()

    def sites(self, state: State) -> tuple[dict[str, Any], ...]:
        """What the crawl has learned about each host, for the run's report."""
        learner = self._learner
        return tuple(
            learner.knowledge(host).summary() for host in state.site_hosts(limit=REPORT_HOSTS)
        )
