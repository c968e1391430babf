"""Per-host politeness: a cap on requests in flight and a minimum gap between request starts."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager


class HostGate:
    """Admits requests to one host at a time slot each, at most ``per_host`` in flight."""

    def __init__(
        self,
        per_host: int,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.per_host = max(1, per_host)
        self.sleep = sleep
        self.clock = clock
        self._lock = threading.Lock()
        self._slots: dict[str, threading.Semaphore] = {}
        self._next_start: dict[str, float] = {}

    @contextmanager
    def enter(self, host: str, delay: float) -> Iterator[None]:
        """Hold one of the host's slots, starting no sooner than ``delay`` after the last start."""
        with self._lock:
            slot = self._slots.setdefault(host, threading.Semaphore(self.per_host))
        with slot:
            with self._lock:
                # Book the start time under the lock so two workers never take the same slot.
                now = self.clock()
                start = max(now, self._next_start.get(host, now))
                self._next_start[host] = start + delay
            if start > now:
                self.sleep(start - now)
            yield
