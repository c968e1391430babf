"""The site learner's memory: a broad crawl's hosts are kept in the store, few in memory."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_site import note, record

from extractor.crawl.state import State
from extractor.site import MemoryStore, SiteLearner
from extractor.site.knowledge import HostStats
from extractor.site.learn import sweep_due


class CountingStore(MemoryStore):
    """A memory store that counts how often a host's counters are read from it."""

    def __init__(self) -> None:
        super().__init__()
        self.reads: dict[str, int] = {}

    def site_host(self, host: str) -> HostStats | None:
        self.reads[host] = self.reads.get(host, 0) + 1
        return super().site_host(host)


HOSTS = [f"h{i}.test" for i in range(10)]


def learn(learner: SiteLearner) -> None:
    for journal in ("Brain", "Neurology", "Lancet"):
        for host in HOSTS:
            learner.observe(record([note(journal)], host=host))
        learner.commit()


def test_past_hosts_held_the_least_recently_used_hosts_are_read_again_from_the_store() -> None:
    store = CountingStore()
    learner = SiteLearner(store, min_pages=3, hosts_held=3)
    learn(learner)
    reads = dict(store.reads)
    learner.knowledge(HOSTS[-1])  # among the 3 last used: still in memory
    assert store.reads == reads
    learner.knowledge(HOSTS[0])  # forgotten at the commit: read again
    assert store.reads[HOSTS[0]] == reads[HOSTS[0]] + 1


def test_forgetting_hosts_changes_nothing_that_is_learned() -> None:
    small = SiteLearner(MemoryStore(), min_pages=3, hosts_held=2)
    large = SiteLearner(MemoryStore(), min_pages=3)
    learn(small)
    learn(large)
    for host in HOSTS:
        assert small.knowledge(host).summary() == large.knowledge(host).summary()
        assert small.knowledge(host).pages == 3 and len(small.knowledge(host).templates) == 1


def test_a_sweep_is_due_each_share_of_the_window_once_past_it() -> None:
    assert not sweep_due(0, 900, 1000)  # nothing can be stale yet
    assert sweep_due(999, 1001, 1000)
    assert not sweep_due(1001, 1100, 1000)  # within one step of 125 pages
    assert sweep_due(1100, 1125, 1000)
    assert sweep_due(5, 6, 5)  # a window under the step count sweeps at every page


@pytest.mark.parametrize("kept_in", ["memory", "state"])
def test_stale_blocks_are_swept_within_a_step_of_the_window(kept_in: str, tmp_path: Path) -> None:
    state = State(tmp_path / "state.sqlite") if kept_in == "state" else None
    store = state if state is not None else MemoryStore()
    learner = SiteLearner(store, min_pages=3, window=40)  # a sweep every 5 pages
    try:
        for n in range(100):
            text = f"Paragraph {n} of its own page, never repeated anywhere else, number {n}."
            learner.observe(record([note("Brain" if n % 2 else "Cell"), text]))
            learner.commit()
        kept = store.site_templates("site.test", 0)
        assert min(b.last_page for b in kept if b.pages < 3) >= 100 - 40 - 5
        assert len([b for b in kept if b.pages < 3]) <= 3 * (40 + 5)
        (template,) = learner.knowledge("site.test").templates.values()
        assert template.pages == 100  # the recurring block stays
    finally:
        if state is not None:
            state.close()
