"""The site learner's memory: a broad crawl's hosts are kept in the store, few in memory."""

from __future__ import annotations

from test_site import note, record

from extractor.site import MemoryStore, SiteLearner
from extractor.site.knowledge import HostStats


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
