"""Tests of fetching against a misbehaving loopback server; no packet leaves 127.0.0.1."""

from __future__ import annotations

import dataclasses
import json
import logging
import random
import time
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from faultserver import INTERNAL_HOST, OK_HTML, FaultServer

from extractor.config import FetchConfig
from extractor.errors import FetchError
from extractor.fetch import Fetcher, fetch
from extractor.fetch.retry import backoff_delay, retry_after
from extractor.fetch.robots import parse_robots
from extractor.fetch.safety import AddressGuard, is_private_address
from extractor.models import FetchRequest, FetchResult
from extractor.parse.encoding import decode_html

CONFIG = FetchConfig(
    user_agent="extractor-test/1",
    connect_timeout=1.0,
    read_timeout=1.0,
    deadline=1.0,
    max_tries=3,
    backoff_base=0.01,
    backoff_cap=0.05,
    retry_after_cap=2.0,
    max_redirects=5,
    max_bytes=500_000,
    min_delay=0.0,
    concurrency=8,
)
SLACK = 0.6  # seconds a slow loaded CI machine may add on top of a deadline

ADDRESSES = {"127.0.0.1": ["127.0.0.1"], INTERNAL_HOST: ["10.0.0.1"], "public.test": ["192.0.2.10"]}


class StubResolver:
    """Answers from a table and remembers what was asked; never touches DNS."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def __call__(self, host: str) -> list[str]:
        self.asked.append(host)
        if host not in ADDRESSES:
            raise OSError(f"unknown host {host}")
        return ADDRESSES[host]


class Sleeps:
    """An injected sleep: records the waits instead of waiting."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


@pytest.fixture(scope="module")
def server() -> Iterator[FaultServer]:
    with FaultServer() as running:
        yield running


def make_fetcher(server: FaultServer, sleeps: Sleeps | None = None, **changes: object) -> Fetcher:
    config = dataclasses.replace(CONFIG, **changes)  # type: ignore[arg-type]
    return Fetcher(
        config,
        seeds=[server.base + "/"],
        resolver=StubResolver(),
        sleep=sleeps or Sleeps(),
        rng=random.Random(7),
    )


def fetch_error(fetcher: Fetcher, url: str) -> FetchError:
    with pytest.raises(FetchError) as info:
        fetcher.fetch(url)
    return info.value


# ---------------------------------------------------------------------------- plain pages


def test_ok_page_with_headers_and_attempt(server: FaultServer) -> None:
    result = make_fetcher(server).fetch(server.url("/ok"))
    assert result.status == 200
    assert result.body == OK_HTML
    assert result.url == result.requested_url == server.url("/ok")
    assert [a.status for a in result.attempts] == [200]
    assert result.content_type == "text/html; charset=utf-8"
    sent = dict(result.request_headers)
    assert sent["User-Agent"] == "extractor-test/1"


def test_status_is_data(server: FaultServer) -> None:
    result = make_fetcher(server).fetch(server.url("/notfound"))
    assert result.status == 404
    assert len(result.attempts) == 1  # a 404 is not retried


def test_gzip_body_is_decompressed(server: FaultServer) -> None:
    assert make_fetcher(server).fetch(server.url("/gzip")).body == OK_HTML


def test_cp1252_page_without_declaration_decodes(server: FaultServer) -> None:
    result = make_fetcher(server).fetch(server.url("/cp1252"))
    text = decode_html(result.body, result.content_type)
    assert "Caf\u00e9 \u201cquoted\u201d \u2013 news" in text


def test_module_fetch_function(server: FaultServer) -> None:
    result = fetch(server.url("/ok"), dataclasses.replace(CONFIG, obey_robots=False))
    assert isinstance(result, FetchResult) and result.status == 200


# ---------------------------------------------------------------------------- limits


def test_trickle_is_cut_at_the_deadline(server: FaultServer) -> None:
    started = time.monotonic()
    error = fetch_error(make_fetcher(server), server.url("/trickle"))
    elapsed = time.monotonic() - started
    assert error.kind == "timeout"
    assert CONFIG.deadline <= elapsed < CONFIG.deadline + SLACK


def test_stalled_body_ends_at_the_deadline_not_the_read_timeout(server: FaultServer) -> None:
    fetcher = make_fetcher(server, read_timeout=5.0)
    started = time.monotonic()
    error = fetch_error(fetcher, server.url("/stall"))
    assert error.kind == "timeout"
    assert time.monotonic() - started < CONFIG.deadline + SLACK


def test_huge_body_is_refused(server: FaultServer) -> None:
    assert fetch_error(make_fetcher(server), server.url("/huge")).kind == "too_large"


def test_gzip_bomb_is_refused_after_decompression(server: FaultServer) -> None:
    assert len(server.bomb) < CONFIG.max_bytes  # only the decompressed size is over the cap
    started = time.monotonic()
    assert fetch_error(make_fetcher(server), server.url("/bomb")).kind == "too_large"
    assert time.monotonic() - started < CONFIG.deadline


def test_pdf_is_not_html_and_its_body_is_not_read(server: FaultServer) -> None:
    error = fetch_error(make_fetcher(server), server.url("/doc.pdf"))
    assert (error.kind, error.status) == ("not_html", 200)


# ---------------------------------------------------------------------------- redirects


def test_redirect_chain_is_kept(server: FaultServer) -> None:
    result = make_fetcher(server).fetch(server.url("/chain/3"))
    assert result.status == 200 and result.url == server.url("/ok")
    assert result.requested_url == server.url("/chain/3")
    assert result.redirects == tuple(server.url(f"/chain/{n}") for n in (3, 2, 1, 0))


def test_too_many_redirects(server: FaultServer) -> None:
    assert fetch_error(make_fetcher(server), server.url("/chain/9")).kind == "too_many_redirects"


def test_redirect_loop(server: FaultServer) -> None:
    assert fetch_error(make_fetcher(server), server.url("/loop/a")).kind == "redirect_loop"


# ---------------------------------------------------------------------------- retries


def test_reset_connection_is_retried(server: FaultServer) -> None:
    sleeps = Sleeps()
    result = make_fetcher(server, sleeps).fetch(server.url("/reset?t=once"))
    assert result.status == 200
    assert [(a.status, a.error) for a in result.attempts] == [(None, "connection"), (200, None)]
    assert len(sleeps.waits) == 1 and 0 < sleeps.waits[0] <= CONFIG.backoff_cap


def test_connection_errors_end_after_max_tries(server: FaultServer) -> None:
    error = fetch_error(make_fetcher(server), server.url("/always-reset"))
    assert error.kind == "connection"
    assert server.hits["/always-reset"] == CONFIG.max_tries


def test_503_then_200_honours_retry_after(server: FaultServer) -> None:
    sleeps = Sleeps()
    result = make_fetcher(server, sleeps, deadline=10.0).fetch(server.url("/503?t=a"))
    assert [a.status for a in result.attempts] == [503, 200]
    assert sleeps.waits == [1.0]


def test_a_wait_past_the_deadline_is_not_taken(server: FaultServer) -> None:
    # Retry-After: 1 against a 1 s deadline: the 503 stands, no fetch outlives its deadline.
    sleeps = Sleeps()
    result = make_fetcher(server, sleeps).fetch(server.url("/503?t=deadline"))
    assert [a.status for a in result.attempts] == [503]
    assert result.status == 503
    assert sleeps.waits == []


def test_429_http_date_retry_after_is_capped_and_the_last_answer_returned(
    server: FaultServer,
) -> None:
    sleeps = Sleeps()
    result = make_fetcher(server, sleeps, deadline=10.0).fetch(server.url("/429?t=a"))
    assert result.status == 429
    assert [a.status for a in result.attempts] == [429, 429, 429]
    assert sleeps.waits == [CONFIG.retry_after_cap, CONFIG.retry_after_cap]


class ScriptedTransport:
    """A transport that answers from a script: the seam tests use instead of a network."""

    def __init__(self, *answers: int | str) -> None:
        self.answers = list(answers)
        self.sent: list[FetchRequest] = []

    def send(self, request: FetchRequest) -> FetchResult:
        self.sent.append(request)
        answer = self.answers.pop(0)
        if isinstance(answer, str):
            raise FetchError("scripted", url=request.url, kind=answer)
        return FetchResult(request.url, request.url, answer, (), b"", datetime.now(UTC))


def test_retries_through_an_injected_transport() -> None:
    sleeps = Sleeps()
    transport = ScriptedTransport("connection", 502, 200)
    config = dataclasses.replace(
        CONFIG, obey_robots=False, backoff_base=1.0, backoff_cap=10.0, deadline=60.0
    )
    fetcher = Fetcher(config, transport, resolver=StubResolver(), sleep=sleeps)
    result = fetcher.fetch("http://public.test/a")
    assert [(a.status, a.error) for a in result.attempts] == [
        (None, "connection"),
        (502, None),
        (200, None),
    ]
    assert 0.5 <= sleeps.waits[0] <= 1.0 and 1.0 <= sleeps.waits[1] <= 2.0  # doubling, jittered
    # The guard runs for a swapped-in transport too: nothing is sent to a private host.
    with pytest.raises(FetchError) as info:
        fetcher.fetch(f"http://{INTERNAL_HOST}/a")
    assert info.value.kind == "private_address" and len(transport.sent) == 3


def test_timeouts_are_not_retried() -> None:
    transport = ScriptedTransport("timeout", 200)
    fetcher = Fetcher(
        dataclasses.replace(CONFIG, obey_robots=False),
        transport,
        resolver=StubResolver(),
        sleep=Sleeps(),
    )
    with pytest.raises(FetchError) as info:
        fetcher.fetch("http://public.test/a")
    assert info.value.kind == "timeout" and len(transport.sent) == 1


def test_retry_after_and_backoff_values() -> None:
    assert retry_after("7") == 7.0
    assert retry_after("soon") is None
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # a past date: go now
    rng = random.Random(1)
    config = FetchConfig(backoff_base=1.0, backoff_cap=5.0)
    waits = [backoff_delay(n, config, rng) for n in range(1, 7)]
    assert 0.5 <= waits[0] <= 1.0 and 1.0 <= waits[1] <= 2.0
    assert all(w <= 5.0 for w in waits) and waits[-1] >= 2.5


# ---------------------------------------------------------------------------- conditional


def test_etag_and_304(server: FaultServer) -> None:
    fetcher = make_fetcher(server)
    first = fetcher.fetch(server.url("/etag"))
    assert first.header("etag") == '"v1"'
    again = fetcher.fetch(
        server.url("/etag"), etag='"v1"', last_modified=first.header("last-modified")
    )
    assert again.status == 304 and again.not_modified and again.body == b""
    sent = dict(again.request_headers)
    assert sent["If-None-Match"] == '"v1"'
    assert sent["If-Modified-Since"] == "Mon, 02 Nov 2026 10:00:00 GMT"


# ---------------------------------------------------------------------------- robots


def test_parse_robots_is_pure() -> None:
    rules = parse_robots("User-agent: *\nDisallow: /private\nCrawl-delay: 3\n")
    assert not rules.allowed("http://a.test/private/x", "bot")
    assert rules.allowed("http://a.test/public", "bot")
    assert rules.crawl_delay("bot") == 3.0


def test_robots_group_for_our_user_agent_wins() -> None:
    rules = parse_robots(
        "User-agent: extractor\nDisallow: /a\nCrawl-delay: 5\n\nUser-agent: *\nDisallow: /b\n"
    )
    agent = FetchConfig().user_agent  # "extractor/0.1 (+https://...)"
    assert not rules.allowed("http://a.test/a", agent)
    assert rules.allowed("http://a.test/b", agent)
    assert rules.crawl_delay(agent) == 5.0


def test_robots_disallow_and_crawl_delay(server: FaultServer) -> None:
    sleeps = Sleeps()
    with FaultServer(crawl_delay=2) as own:
        fetcher = Fetcher(CONFIG, seeds=[own.base], sleep=sleeps)
        assert fetch_error(fetcher, own.url("/private/page")).kind == "robots_disallowed"
        assert own.hits["/private/page"] == 0
        fetcher.fetch(own.url("/ok"))
        fetcher.fetch(own.url("/ok"))
        assert own.hits["/robots.txt"] == 1  # fetched once per host, then cached
    assert len(sleeps.waits) == 1 and 1.5 < sleeps.waits[0] <= 2.0  # Crawl-delay: 2


def test_robots_5xx_defers_the_host() -> None:
    with FaultServer(robots_status=503) as own:
        fetcher = Fetcher(CONFIG, seeds=[own.base])
        assert fetch_error(fetcher, own.url("/ok")).kind == "robots_unavailable"
        assert own.hits["/ok"] == 0


def test_robots_4xx_allows_all_and_min_delay_applies() -> None:
    sleeps = Sleeps()
    with FaultServer(robots_status=404) as own:
        fetcher = Fetcher(
            dataclasses.replace(CONFIG, min_delay=0.5), seeds=[own.base], sleep=sleeps
        )
        assert fetcher.fetch(own.url("/private/x")).status == 200
        fetcher.fetch(own.url("/ok"))
    assert len(sleeps.waits) == 1 and 0.3 < sleeps.waits[0] <= 0.5


def test_ignore_robots_warns_loudly(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="extractor"):
        fetcher = Fetcher.from_options(seeds=["http://127.0.0.1/"], ignore_robots=True, timeout=3)
    assert not fetcher.config.obey_robots and fetcher.config.deadline == 3
    assert any("robots.txt will NOT be obeyed" in r.message for r in caplog.records)


# ---------------------------------------------------------------------------- safety


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.9.9.9",
        "10.1.2.3",
        "172.16.0.1",
        "172.31.255.255",
        "192.168.1.1",
        "169.254.169.254",
        "::1",
        "fc00::1",
        "fd12::1",
        "fe80::1",
        "::ffff:10.0.0.1",
        "0.0.0.0",
    ],
)
def test_private_addresses(address: str) -> None:
    assert is_private_address(address)


@pytest.mark.parametrize("address", ["192.0.2.10", "8.8.8.8", "172.32.0.1", "2001:4860::8888"])
def test_public_addresses(address: str) -> None:
    assert not is_private_address(address)


def test_guard_with_stub_resolver() -> None:
    resolver = StubResolver()
    guard = AddressGuard(resolver=resolver, seed_hosts=["seed.test"])
    guard.check("http://public.test/a")
    guard.check("http://seed.test/a")  # a seed's host is allowed without resolving
    with pytest.raises(FetchError) as info:
        guard.check(f"http://{INTERNAL_HOST}/a")
    assert info.value.kind == "private_address"
    with pytest.raises(FetchError) as info:
        guard.check("http://[::1]:8080/")
    assert info.value.kind == "private_address"
    assert resolver.asked == ["public.test", INTERNAL_HOST]
    AddressGuard(allow_private=True, resolver=resolver).check(f"http://{INTERNAL_HOST}/")


def test_redirect_to_private_host_is_refused_before_connecting(server: FaultServer) -> None:
    resolver = StubResolver()
    fetcher = Fetcher(CONFIG, seeds=[server.base], resolver=resolver, sleep=Sleeps())
    error = fetch_error(fetcher, server.url("/to-internal"))
    assert error.kind == "private_address"
    assert error.url == server.url("/to-internal") and INTERNAL_HOST in error.message
    assert resolver.asked == [INTERNAL_HOST]


def test_loopback_is_refused_unless_seeded(server: FaultServer) -> None:
    before = sum(server.hits.values())
    fetcher = Fetcher(CONFIG, resolver=StubResolver(), sleep=Sleeps())
    assert fetch_error(fetcher, server.url("/ok")).kind == "private_address"
    assert sum(server.hits.values()) == before  # not even robots.txt was asked for


@pytest.mark.parametrize("url", ["ftp://example.test/x", "http://", "not a url", "http://a:bad/"])
def test_invalid_urls(url: str) -> None:
    assert fetch_error(Fetcher(CONFIG, resolver=StubResolver()), url).kind == "invalid_url"


# ---------------------------------------------------------------------------- batches


def test_batch_with_faults_yields_one_outcome_per_url_in_order(server: FaultServer) -> None:
    paths = [
        "/ok",
        "/trickle",
        "/notfound",
        "/reset?t=batch",
        "/503?t=batch",
        "/chain/2",
        "/loop/a",
        "/huge",
        "/bomb",
        "/doc.pdf",
        "/to-internal",
        "/private/a",
        "/cp1252",
    ]
    urls: list[str | FetchRequest] = [server.url(p) for p in paths]
    urls += ["mailto:x@y.test", FetchRequest(server.url("/etag"), etag='"v1"')]
    started = time.monotonic()
    outcomes = list(make_fetcher(server, retry_after_cap=0.5).fetch_many(iter(urls)))
    elapsed = time.monotonic() - started
    assert [request.url for request, _ in outcomes] == [
        u if isinstance(u, str) else u.url for u in urls
    ]
    summary = [o.kind if isinstance(o, FetchError) else o.status for _, o in outcomes]
    assert summary == [
        200,
        "timeout",
        404,
        200,
        200,
        200,
        "redirect_loop",
        "too_large",
        "too_large",
        "not_html",
        "private_address",
        "robots_disallowed",
        200,
        "invalid_url",
        304,
    ]
    # Pages run concurrently: the batch takes about one deadline, never one per fault.
    assert elapsed < CONFIG.deadline + SLACK + 1.0


def test_fetch_many_reads_its_input_lazily(server: FaultServer) -> None:
    taken = 0

    def urls() -> Iterator[str]:
        nonlocal taken
        for _ in range(100):
            taken += 1
            yield server.url("/ok")

    fetcher = make_fetcher(server, concurrency=2)
    batch = fetcher.fetch_many(urls())
    next(batch)
    assert taken <= 2 * 2 + 1  # a bounded window ahead of the consumer, not the whole list
    assert sum(1 for _ in batch) == 99


@pytest.mark.parametrize(("per_host", "concurrency", "most"), [(1, 8, 1), (4, 2, 2)])
def test_requests_in_flight_are_bounded(per_host: int, concurrency: int, most: int) -> None:
    with FaultServer(robots_status=404) as own:
        fetcher = Fetcher(
            dataclasses.replace(CONFIG, per_host=per_host, concurrency=concurrency),
            seeds=[own.base],
        )
        outcomes = list(fetcher.fetch_many(own.url(f"/slow?n={n}") for n in range(4)))
        assert all(isinstance(o, FetchResult) for _, o in outcomes)
        assert own.max_in_flight == most


def test_a_consumer_that_stops_early_cancels_the_rest() -> None:
    with FaultServer(robots_status=404) as own:
        fetcher = Fetcher(dataclasses.replace(CONFIG, per_host=1, concurrency=1), seeds=[own.base])
        batch = fetcher.fetch_many(own.url(f"/slow?n={n}") for n in range(20))
        next(batch)
        batch.close()
        assert sum(own.hits[f"/slow?n={n}"] for n in range(20)) <= 3


# ---------------------------------------------------------------------------- command line


def test_cli_extract_urls(capsys: pytest.CaptureFixture[str]) -> None:
    from extractor.cli import main

    with FaultServer(robots_status=404) as own:
        code = main(["extract", own.url("/ok"), own.url("/notfound"), own.url("/doc.pdf")])
    out, err = capsys.readouterr()
    assert code == 1
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 1 and records[0]["url"] == own.url("/ok")
    errors = [json.loads(line) for line in err.splitlines() if line.startswith("{")]
    assert sorted(e["kind"] for e in errors) == ["http_status", "not_html"]
    assert {e["status"] for e in errors} == {404, 200}
