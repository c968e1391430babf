"""Fetch throughput: pages/s of Fetcher.fetch_many against a slow loopback server; client memory.

A separate process runs one asyncio HTTP server on ``--hosts`` loopback ports (each port stands
for a host). Every GET waits ``--latency`` seconds without blocking, then answers a small HTML
page; robots.txt answers 404. The client process fetches ``--pages`` URLs spread round-robin
over the hosts with ``Fetcher.fetch_many`` (``--concurrency`` in flight, ``--per-host`` per host,
no politeness delay) and reports pages/s as a share of the ceiling ``concurrency / latency`` (no
client can do better with that many requests in flight), its own peak RSS (ru_maxrss), and how
many results were errors. Targets: ≥ 85 % of the ceiling, peak RSS < 150 MB, 0 errors.

The Fetcher's per-host gate is keyed by host and port (an origin, as robots.txt is), so each
port counts as a host: 8 in flight per host (the default here) over 20 hosts still lets the 32
in flight run at once.

    .venv/bin/python -m bench.fetch_throughput [--pages 5000] [--concurrency 32] [--latency 0.1]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import multiprocessing
import multiprocessing.connection
import resource
import sys
import time
from collections.abc import Iterator

from extractor.config import FetchConfig
from extractor.errors import FetchError
from extractor.fetch import Fetcher

HOST = "127.0.0.1"
PAGE = (
    b"<!doctype html><html><head><title>Bench page</title></head><body><article>"
    b"<h1>Bench page</h1><p>" + b"A short paragraph of text for the benchmark. " * 20 + b"</p>"
    b"</article></body></html>"
)
TARGET_SHARE = 0.85
TARGET_RSS_MB = 150.0


async def _handle(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, latency: float
) -> None:
    # A keep-alive HTTP/1.1 loop: the client's pool reuses connections, as it does on the web.
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            path = head.split(b" ", 2)[1]
            if path == b"/robots.txt":
                status, body, ctype = b"404 Not Found", b"not found\n", b"text/plain"
            else:
                await asyncio.sleep(latency)
                status, body, ctype = b"200 OK", PAGE, b"text/html; charset=utf-8"
            writer.write(
                b"HTTP/1.1 "
                + status
                + b"\r\nContent-Type: "
                + ctype
                + b"\r\nContent-Length: "
                + str(len(body)).encode()
                + b"\r\n\r\n"
                + body
            )
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


async def _serve(hosts: int, latency: float, conn: multiprocessing.connection.Connection) -> None:
    servers = [
        await asyncio.start_server(lambda r, w: _handle(r, w, latency), HOST, 0, backlog=512)
        for _ in range(hosts)
    ]
    conn.send([server.sockets[0].getsockname()[1] for server in servers])
    # The parent closes its end when it is done; that ends this process.
    await asyncio.get_running_loop().run_in_executor(None, _wait_closed, conn)


def _wait_closed(conn: multiprocessing.connection.Connection) -> None:
    with contextlib.suppress(EOFError):
        conn.recv()


def server_main(hosts: int, latency: float, conn: multiprocessing.connection.Connection) -> None:
    asyncio.run(_serve(hosts, latency, conn))


def urls(ports: list[int], pages: int) -> Iterator[str]:
    """``pages`` distinct URLs, round-robin over the ports, so every host is busy all the time."""
    for i in range(pages):
        yield f"http://{HOST}:{ports[i % len(ports)]}/page/{i}"


def run(
    pages: int, concurrency: int, per_host: int, latency: float, hosts: int
) -> dict[str, float]:
    parent, child = multiprocessing.Pipe()
    server = multiprocessing.get_context("spawn").Process(
        target=server_main, args=(hosts, latency, child), daemon=True
    )
    server.start()
    try:
        ports: list[int] = parent.recv()
        config = FetchConfig(
            concurrency=concurrency,
            per_host=per_host,
            min_delay=0.0,
            allow_private=True,
            max_tries=1,  # a failure must show as an error, not be hidden by a retry
        )
        errors = 0
        done = 0
        with Fetcher(config) as fetcher:
            started = time.perf_counter()
            for _request, outcome in fetcher.fetch_many(urls(ports, pages)):
                done += 1
                if isinstance(outcome, FetchError) or outcome.status != 200:
                    errors += 1
            elapsed = time.perf_counter() - started
    finally:
        parent.close()
        server.join(timeout=5)
        if server.is_alive():
            server.terminate()
    # ru_maxrss is in kilobytes on Linux, bytes on macOS.
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    rss_mb = rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024
    ceiling = concurrency / latency
    return {
        "pages": done,
        "errors": errors,
        "seconds": elapsed,
        "rate": done / elapsed,
        "ceiling": ceiling,
        "share": done / elapsed / ceiling,
        "rss_mb": rss_mb,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument(
        "--per-host", type=int, default=8, help="in flight per host:port (default: 8)"
    )
    parser.add_argument("--latency", type=float, default=0.1, help="seconds per page")
    parser.add_argument("--hosts", type=int, default=20, help="loopback ports to serve on")
    args = parser.parse_args(argv)
    r = run(args.pages, args.concurrency, args.per_host, args.latency, args.hosts)
    ok = r["share"] >= TARGET_SHARE and r["rss_mb"] < TARGET_RSS_MB and r["errors"] == 0
    print(
        f"fetch_many: {args.pages} pages, {args.hosts} hosts, concurrency {args.concurrency}, "
        f"per host {args.per_host}, latency {args.latency * 1000:.0f} ms"
    )
    print(f"{'measure':<14}{'value':>12}{'target':>12}")
    print(f"{'pages/s':<14}{r['rate']:>12.1f}{TARGET_SHARE * r['ceiling']:>12.1f}")
    print(f"{'ceiling':<14}{r['ceiling']:>12.1f}{'':>12}")
    print(f"{'of ceiling':<14}{r['share'] * 100:>11.1f}%{TARGET_SHARE * 100:>11.0f}%")
    print(f"{'wall s':<14}{r['seconds']:>12.2f}{'':>12}")
    print(f"{'peak RSS MB':<14}{r['rss_mb']:>12.1f}{TARGET_RSS_MB:>12.0f}")
    print(f"{'errors':<14}{r['errors']:>12.0f}{0:>12}")
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
