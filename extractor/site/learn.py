"""Learning hosts from their pages' records, page by page, with the stats kept in a store."""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterable, Iterator
from typing import Protocol

from extractor.models import Record
from extractor.site.knowledge import HostStats, SiteKnowledge, distinct
from extractor.site.order import page_order
from extractor.site.templates import BODY, BlockStats, Template, keys_of, tokens_of

MIN_PAGES = 3
# A block not seen again within this many of its host's pages is not site-wide: its stats are
# dropped, so the store holds the recent pages' blocks and the recurring ones, never all blocks.
WINDOW = 1000
# Hosts whose counters and templates a learner keeps in memory after a commit; the others are
# read again from the store when their pages come. A broad crawl meets hosts without end.
HOSTS_HELD = 1024


# The sweep of a host's stale blocks reads all its rarely seen blocks (most of what is stored for
# it): it runs when the host's pages pass a multiple of this share of the window, not at every
# commit, so a block is kept at most that share of the window longer.
SWEEPS_PER_WINDOW = 8


def sweep_due(before: int, after: int, window: int) -> bool:
    """Whether a host going from ``before`` to ``after`` pages is due a sweep of stale blocks."""
    step = max(1, window // SWEEPS_PER_WINDOW)
    return after > window and before // step != after // step


class SiteStore(Protocol):
    """Where the learning lives: the crawl state, or memory for one batch of pages."""

    def site_host(self, host: str) -> HostStats | None: ...

    def site_page_known(self, host: str, page: str) -> bool: ...

    def site_blocks(self, host: str, keys: Collection[str]) -> dict[str, BlockStats]: ...

    def site_templates(self, host: str, min_pages: int) -> list[BlockStats]: ...

    def save_site(
        self,
        hosts: Iterable[HostStats],
        blocks: Iterable[tuple[str, BlockStats]],
        *,
        pages: Iterable[tuple[str, str]] = (),
        min_pages: int,
        window: int,
    ) -> None: ...


class MemoryStore:
    """A store in memory, pruned like the crawl state's, for `extractor extract` batches."""

    def __init__(self) -> None:
        self._hosts: dict[str, HostStats] = {}
        self._blocks: dict[str, dict[str, BlockStats]] = {}
        self._pages: set[tuple[str, str]] = set()

    def site_host(self, host: str) -> HostStats | None:
        return self._hosts.get(host)

    def site_page_known(self, host: str, page: str) -> bool:
        return (host, page) in self._pages

    def site_blocks(self, host: str, keys: Collection[str]) -> dict[str, BlockStats]:
        known = self._blocks.get(host, {})
        return {k: known[k] for k in keys if k in known}

    def site_templates(self, host: str, min_pages: int) -> list[BlockStats]:
        return [b for b in self._blocks.get(host, {}).values() if b.pages >= min_pages]

    def save_site(
        self,
        hosts: Iterable[HostStats],
        blocks: Iterable[tuple[str, BlockStats]],
        *,
        pages: Iterable[tuple[str, str]] = (),
        min_pages: int,
        window: int,
    ) -> None:
        self._pages.update(pages)
        for host, block in blocks:
            self._blocks.setdefault(host, {})[block.key] = block
        for counters in hosts:
            before = self._hosts.get(counters.host)
            self._hosts[counters.host] = counters
            if not sweep_due(before.pages if before else 0, counters.pages, window):
                continue
            known = self._blocks.get(counters.host, {})
            stale = [
                k
                for k, b in known.items()
                if b.pages < min_pages and b.last_page < counters.pages - window
            ]
            for k in stale:
                del known[k]


def page_units(record: Record) -> Iterator[tuple[str, tuple[str, ...], str]]:
    """(key, words, kind on this page) of each block long enough to learn, once per key: each
    block under its fingerprint and its two one-sided keys (see ``templates.keys_of``)."""
    seen: set[str] = set()

    def units(text: str, kind: str) -> Iterator[tuple[str, tuple[str, ...], str]]:
        tokens = tokens_of(text)
        for key in keys_of(tokens):
            if key not in seen:
                seen.add(key)
                yield key, tokens, kind

    for section in record.sections:
        for paragraph in section.paragraphs:
            yield from units(paragraph, BODY)
    for item in record.boilerplate:
        for line in item.text.split("\n"):
            yield from units(line, item.kind)


def page_identity(record: Record) -> str:
    """What makes two pages one article for learning: the headline, else the body's hash.

    Copies of one article (two paths to it, a print version) would otherwise make every one
    of its paragraphs look site-wide; two articles with one headline are learned from once.
    """
    if record.headline:
        key = " ".join(record.headline.casefold().split())
        return "h:" + hashlib.blake2b(key.encode("utf-8"), digest_size=12).hexdigest()
    return record.content_hash


class SiteLearner:
    """Learns each host from the pages it observes; ``commit`` saves what changed to the store.

    Only a host's templates (blocks on at least ``min_pages`` pages) are held in memory, for
    the ``hosts_held`` hosts most recently used; the other blocks' stats, and the other hosts,
    are read from the store when a page needs them.
    """

    def __init__(
        self,
        store: SiteStore | None = None,
        *,
        min_pages: int = MIN_PAGES,
        window: int = WINDOW,
        hosts_held: int = HOSTS_HELD,
    ) -> None:
        self._store: SiteStore = store if store is not None else MemoryStore()
        self.min_pages = min_pages
        self.window = window
        self.hosts_held = hosts_held
        self._hosts: dict[str, HostStats] = {}
        self._templates: dict[str, dict[str, Template]] = {}
        self._views: dict[str, SiteKnowledge] = {}
        self._dirty_hosts: set[str] = set()
        self._dirty_blocks: dict[tuple[str, str], BlockStats] = {}
        self._dirty_pages: set[tuple[str, str]] = set()

    def _host(self, host: str) -> HostStats:
        # Taken out and put back: the dict's order is the hosts' order of use (see _forget).
        stats = self._hosts.pop(host, None)
        if stats is None:
            stats = self._store.site_host(host) or HostStats(host)
        self._hosts[host] = stats
        return stats

    def _host_templates(self, host: str) -> dict[str, Template]:
        templates = self._templates.get(host)
        if templates is None:
            templates = {
                b.key: b.template()
                for b in self._store.site_templates(host, self.min_pages)
                if b.usable
            }
            self._templates[host] = templates
        return templates

    def observe(self, record: Record) -> bool:
        """Learn from one page: its blocks' support and kinds, and its dates' order.

        A page already learned from, under this URL or another (the same article reached by
        two paths, a print version), is not counted again: False.
        """
        host = record.site.host
        ident = page_identity(record)
        if (host, ident) in self._dirty_pages or self._store.site_page_known(host, ident):
            return False
        self._dirty_pages.add((host, ident))
        stats = self._host(host)
        page = stats.pages + 1
        units = list(page_units(record))
        missing = [key for key, _, _ in units if (host, key) not in self._dirty_blocks]
        loaded = self._store.site_blocks(host, missing) if missing else {}
        templates = self._host_templates(host)
        for key, tokens, kind in units:
            old = self._dirty_blocks.get((host, key)) or loaded.get(key)
            new = (
                BlockStats.first(key, tokens, kind, page)
                if old is None
                else old.merge(tokens, kind, page)
            )
            self._dirty_blocks[(host, key)] = new
            if new.pages >= self.min_pages and new.usable:
                templates[key] = new.template()
            else:
                templates.pop(key, None)
        order = page_order(record)
        self._hosts[host] = HostStats(
            host, page, stats.md + (order == "MD"), stats.dm + (order == "DM")
        )
        self._dirty_hosts.add(host)
        self._views.pop(host, None)
        return True

    def knowledge(self, host: str) -> SiteKnowledge:
        view = self._views.get(host)
        if view is None:
            view = SiteKnowledge(self._host(host), distinct(self._host_templates(host)))
            self._views[host] = view
        else:
            self._hosts[host] = self._hosts.pop(host)  # used: last in the order of use
        return view

    def commit(self) -> None:
        """Save what the pages observed since the last commit changed; then forget the hosts
        least recently used past ``hosts_held`` (all saved now, they can be read again)."""
        if not self._dirty_hosts and not self._dirty_blocks:
            self._forget()
            return
        self._store.save_site(
            [self._hosts[h] for h in sorted(self._dirty_hosts)],
            [(host, stats) for (host, _), stats in self._dirty_blocks.items()],
            pages=sorted(self._dirty_pages),
            min_pages=self.min_pages,
            window=self.window,
        )
        self._dirty_hosts.clear()
        self._dirty_blocks.clear()
        self._dirty_pages.clear()
        self._forget()

    def _forget(self) -> None:
        excess = len(self._hosts) - self.hosts_held
        if excess <= 0:
            return
        for host in list(self._hosts)[:excess]:
            del self._hosts[host]
            self._templates.pop(host, None)
            self._views.pop(host, None)
