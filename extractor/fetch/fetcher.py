"""The Fetcher: safety guard, robots.txt, politeness and retries around one transport."""

from __future__ import annotations

import dataclasses
import logging
import random
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, datetime
from urllib.parse import urlsplit

from extractor.config import FetchConfig
from extractor.errors import FetchError
from extractor.models import Attempt, FetchRequest, FetchResult

from . import Transport
from .politeness import HostGate
from .retry import is_retryable, retry_delay
from .robots import RobotsCache
from .safety import AddressGuard, Resolver, seed_hosts, url_host
from .transport import RequestsTransport

log = logging.getLogger("extractor")

Outcome = FetchResult | FetchError


class Fetcher:
    """Fetches pages politely and safely; one instance holds its own session, robots and hosts."""

    def __init__(
        self,
        config: FetchConfig | None = None,
        transport: Transport | None = None,
        *,
        seeds: Sequence[str] = (),
        resolver: Resolver | None = None,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.config = config or FetchConfig()
        self.guard = AddressGuard(
            allow_private=self.config.allow_private, seed_hosts=seed_hosts(seeds), resolver=resolver
        )
        self.transport: Transport = transport or RequestsTransport(
            self.config, before_connect=self.guard.check
        )
        self.sleep = sleep
        self.rng = rng or random.Random()
        self._rng_lock = threading.Lock()
        self.gate = HostGate(self.config.per_host, sleep=sleep, clock=clock)
        self.robots = RobotsCache(self._robots_file, clock=clock)

    @classmethod
    def from_options(
        cls,
        *,
        seeds: Sequence[str],
        user_agent: str | None = None,
        ignore_robots: bool = False,
        allow_private: bool = False,
        timeout: float | None = None,
    ) -> Fetcher:
        """A Fetcher from command-line options; defaults for everything not given."""
        config = FetchConfig()
        changes: dict[str, object] = {
            "obey_robots": not ignore_robots,
            "allow_private": allow_private,
        }
        if user_agent:
            changes["user_agent"] = user_agent
        if timeout is not None:
            changes["deadline"] = timeout
        if ignore_robots:
            log.warning("--ignore-robots: robots.txt will NOT be obeyed; fetch only sites you own")
        return cls(dataclasses.replace(config, **changes), seeds=seeds)  # type: ignore[arg-type]

    def close(self) -> None:
        """Close the transport's connections, when it has any to close."""
        close = getattr(self.transport, "close", None)
        if callable(close):
            close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------------ one page

    def fetch(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> FetchResult:
        """One page, after robots, politeness and retries; FetchError when no response was had."""
        return self.fetch_request(FetchRequest(url, etag=etag, last_modified=last_modified))

    def fetch_request(self, request: FetchRequest) -> FetchResult:
        host = _origin_key(request.url)
        delay = self.config.min_delay
        # Checked here as well as on every hop inside the default transport, so a swapped-in
        # transport (and the robots.txt request to this host) never reaches a refused address.
        self.guard.check(request.url)
        if self.config.obey_robots:
            rules = self.robots.rules(request.url)
            if not rules.allowed(request.url, self.config.user_agent):
                raise FetchError(
                    "robots.txt disallows this URL", url=request.url, kind="robots_disallowed"
                )
            delay = max(delay, rules.crawl_delay(self.config.user_agent))
        return self._with_retries(request, host, delay)

    def _robots_file(self, request: FetchRequest) -> FetchResult:
        """robots.txt with a page's retries (a 503 is often brief) and slot in the host's gate.

        No gap is booked after it: the page that asked for it follows at once, as a browser's
        first page would, and the host's min_delay spaces the pages after that.
        """
        return self._with_retries(request, _origin_key(request.url), 0.0)

    def _with_retries(self, request: FetchRequest, host: str, delay: float) -> FetchResult:
        attempts: list[Attempt] = []
        waited = 0.0
        while True:
            outcome = self._attempt(request, host, delay, attempts)
            if not is_retryable(outcome) or len(attempts) >= self.config.max_tries:
                break
            with self._rng_lock:
                wait = retry_delay(outcome, len(attempts), self.config, self.rng)
            spent = sum(attempt.elapsed for attempt in attempts) + waited
            if spent + wait >= self.config.deadline:
                # The deadline covers the whole page, waits between tries included: the last
                # answer (a 503, a 429) stands rather than a fetch that outlives its deadline.
                log.info("not retrying %s: the next try would pass the deadline", request.url)
                break
            log.info("retrying %s in %.1f s (try %d)", request.url, wait, len(attempts) + 1)
            self.sleep(wait)
            waited += wait
        if isinstance(outcome, FetchError):
            raise outcome
        return dataclasses.replace(outcome, attempts=tuple(attempts))

    def _attempt(
        self, request: FetchRequest, host: str, delay: float, attempts: list[Attempt]
    ) -> Outcome:
        with self.gate.enter(host, delay):
            started_at = datetime.now(UTC)
            clock = time.monotonic()
            try:
                result: Outcome = self.transport.send(request)
            except FetchError as exc:
                exc.url = exc.url or request.url
                result = exc
        elapsed = time.monotonic() - clock
        if isinstance(result, FetchError):
            attempts.append(Attempt(request.url, result.status, result.kind, elapsed, started_at))
        else:
            attempts.append(Attempt(request.url, result.status, None, elapsed, started_at))
        return result

    # ------------------------------------------------------------------------ batches

    def fetch_many(
        self, urls: Iterable[str | FetchRequest]
    ) -> Generator[tuple[FetchRequest, FetchResult | FetchError], None, None]:
        """(request, result or error) for every URL, in input order, fetched concurrently.

        The input is read lazily, at most ``2 × concurrency`` pages ahead of the consumer, so a
        long list never sits in memory as pending work. Closing the generator cancels the
        pages not yet started.
        """
        window = max(1, self.config.concurrency) * 2
        pending: deque[tuple[FetchRequest, Future[Outcome]]] = deque()
        pool = ThreadPoolExecutor(
            max_workers=max(1, self.config.concurrency), thread_name_prefix="extractor-fetch"
        )
        try:
            for item in urls:
                request = item if isinstance(item, FetchRequest) else FetchRequest(item)
                pending.append((request, pool.submit(self._outcome, request)))
                while len(pending) >= window:
                    done_request, future = pending.popleft()
                    yield done_request, future.result()
            while pending:
                done_request, future = pending.popleft()
                yield done_request, future.result()
        finally:
            # A consumer that stops early waits only for pages already on the wire.
            pool.shutdown(wait=True, cancel_futures=True)

    def _outcome(self, request: FetchRequest) -> Outcome:
        try:
            return self.fetch_request(request)
        except FetchError as exc:
            exc.url = exc.url or request.url
            return exc


def _origin_key(url: str) -> str:
    """The politeness key of a URL: its host and port, as robots.txt is kept per origin."""
    host = url_host(url)
    port = urlsplit(url).port
    return f"{host}:{port}" if port else host
