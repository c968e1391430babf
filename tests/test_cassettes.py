"""Recorded fixture-site exchanges replayed through the Fetcher's real transport into records."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from typing import Any

import pytest
import vcr
from conftest import FIXTURES, load_script
from records import valid
from vcr.errors import CannotOverwriteExistingCassetteException

from extractor.config import FetchConfig
from extractor.errors import FetchError
from extractor.fetch import Fetcher
from extractor.pipeline import record_from_fetch

recording = load_script("cassette_record", FIXTURES / "cassettes" / "record.py")
CASSETTE = str(recording.CASSETTE)
ORIGIN: str = recording.STABLE_ORIGIN


@pytest.fixture
def no_sockets(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every connect a test attempts, refused; a replay must never reach a real socket."""
    attempts: list[object] = []

    def refuse(self: socket.socket, address: object) -> None:
        attempts.append(address)
        raise ConnectionRefusedError(f"a real connection to {address} during replay")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    return attempts


@pytest.fixture
def replay(no_sockets: list[object]) -> Iterator[Any]:
    """The site cassette in replay-only mode: a request it does not hold raises."""
    with (
        recording.streaming_stub(),
        vcr.VCR(record_mode="none").use_cassette(CASSETTE, allow_playback_repeats=False) as tape,
    ):
        yield tape


def fetcher() -> Fetcher:
    # The seed lets the guard pass the loopback host; no gap between requests on a replay.
    return Fetcher(FetchConfig(min_delay=0.0, max_tries=1), seeds=[f"{ORIGIN}/"])


def test_replay_fetches_every_article_into_its_expected_record(
    replay: Any, no_sockets: list[object]
) -> None:
    with fetcher() as client:
        sitemap = client.fetch(f"{ORIGIN}/sitemap.xml")
        urls = recording.article_urls(sitemap.body)
        outcomes = list(client.fetch_many(urls))
    assert len(urls) == 12
    assert all(url.startswith(f"{ORIGIN}/news/view/") for url in urls)
    seen = []
    for request, outcome in outcomes:
        assert not isinstance(outcome, FetchError), outcome
        assert outcome.status == 200
        record = valid(record_from_fetch(outcome).to_dict())
        slug = request.url.rsplit("/", 1)[1]
        expected = json.loads((FIXTURES / "expected" / f"{slug}.json").read_text("utf-8"))
        assert record["headline"] == expected["headline"], slug
        seen.append(slug)
    assert len(set(seen)) == 12
    # robots.txt, the sitemap and each article once: nothing fetched twice, nothing left over.
    assert replay.all_played and replay.play_count == len(replay) == 14
    assert no_sockets == []


def test_a_request_the_cassette_does_not_hold_fails(replay: Any, no_sockets: list[object]) -> None:
    with fetcher() as client, pytest.raises(CannotOverwriteExistingCassetteException):
        client.fetch(f"{ORIGIN}/about")
    assert no_sockets == []


def test_the_cassette_names_only_the_stable_origin() -> None:
    text = (FIXTURES / "cassettes" / "site.yaml").read_text("utf-8")
    origins = {
        line.split("uri: ", 1)[1].split("/")[2] for line in text.splitlines() if "uri: " in line
    }
    assert origins == {ORIGIN.removeprefix("http://")}
