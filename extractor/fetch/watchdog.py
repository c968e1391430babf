"""The page deadline's enforcer: shuts down the socket of an exchange that runs past it.

Socket timeouts bound each read, not the sum of them: a server that trickles its status line
and headers one byte a second never trips a read timeout and would hold a worker for as long
as it likes. The watchdog thread wakes at each exchange's deadline and shuts its socket
down, which ends a read blocked in another thread at once.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


class Watch:
    """One exchange under watch: the connection it is on, and whether its deadline passed."""

    __slots__ = ("_conn", "_lock", "deadline", "done", "expired")

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.expired = False
        self.done = False
        self._conn: Any = None
        self._lock = threading.Lock()

    def attach(self, conn: Any) -> None:
        """The connection the exchange now uses (a new one on each redirect hop)."""
        with self._lock:
            self._conn = conn
            expired = self.expired
        if expired:  # the deadline passed between hops: end this connection too
            _shutdown(conn)

    def expire(self) -> None:
        with self._lock:
            if self.done:
                return  # finished in time: its connection may be back in the pool, in use
            self.expired = True
            conn = self._conn
        if conn is not None:
            _shutdown(conn)

    def finish(self) -> None:
        with self._lock:
            self.done = True
            self._conn = None


def _shutdown(conn: Any) -> None:
    # ``sock`` is None before connect and on a replayed (cassette) exchange: nothing to end.
    sock = getattr(conn, "sock", None)
    if sock is None:
        return
    with contextlib.suppress(OSError):  # already closed by its reader
        sock.shutdown(socket.SHUT_RDWR)


class Watchdog:
    """Expires watches at their deadlines; its thread runs only while a watch is pending."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._cond = threading.Condition()
        self._pending: list[tuple[float, int, Watch]] = []
        self._order = itertools.count()
        self._running = False

    @contextmanager
    def watch(self, deadline: float) -> Iterator[Watch]:
        """Watch an exchange until the block ends; ``deadline`` is on this watchdog's clock."""
        watch = Watch(deadline)
        with self._cond:
            heapq.heappush(self._pending, (deadline, next(self._order), watch))
            if self._running:
                self._cond.notify()
            else:
                self._running = True
                threading.Thread(target=self._run, name="extractor-watchdog", daemon=True).start()
        try:
            yield watch
        finally:
            watch.finish()

    def _run(self) -> None:
        with self._cond:
            while True:
                while self._pending and self._pending[0][2].done:
                    heapq.heappop(self._pending)
                if not self._pending:
                    self._running = False
                    return
                deadline, _, watch = self._pending[0]
                wait = deadline - self._clock()
                if wait > 0:
                    self._cond.wait(wait)
                    continue
                heapq.heappop(self._pending)
                watch.expire()
