"""The one place where stages are composed: sources → fetch → parse → normalize → records."""

from __future__ import annotations

import gzip
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO
from urllib.parse import urlsplit

from extractor.errors import DecodeError, ExtractorError, FetchError, ParseError
from extractor.models import ErrorRecord, FetchResult, Record, rfc3339
from extractor.normalize import to_record
from extractor.parse import parse_page

if TYPE_CHECKING:
    from extractor.profiles import Profile, Profiles
    from extractor.site import SiteLearner

HTML_TYPES = ("text/html", "application/xhtml+xml", "application/xml", "text/xml", "text/plain")


def extract(
    html: str | bytes,
    url: str | None = None,
    *,
    now: datetime | None = None,
    fetched_at: datetime | None = None,
    status: int | None = None,
    requested_url: str | None = None,
    run_id: str | None = None,
    content_type: str | None = None,
    date_order: str | None = None,
    profile: Profile | None = None,
) -> Record:
    """One page's record from its HTML. Pure unless ``now`` is left out (then it reads the clock).

    ``now`` dates relative teaser dates and the `date_in_future` flags for a page that was not
    fetched; ``fetched_at`` takes its place for one that was. ``profile`` is the site profile
    to apply (see ``extractor.profiles``).
    """
    if now is None and fetched_at is None:
        now = datetime.now(UTC)
    reference = fetched_at or now
    parts = parse_page(
        html,
        url,
        now=reference,
        content_type=content_type,
        date_order=date_order,
        profile=profile,
    )
    return to_record(
        parts,
        url=url or "about:blank",
        now=now,
        fetched_at=fetched_at,
        status=status,
        requested_url=requested_url,
        run_id=run_id,
        profile=profile.name if profile is not None else None,
    )


def is_html_type(content_type: str | None) -> bool:
    """Whether a Content-Type can hold an article page (a missing one may)."""
    if not content_type:
        return True
    media = content_type.split(";", 1)[0].strip().lower()
    return media in HTML_TYPES or media.endswith("+xml") or media == ""


def record_from_fetch(
    result: FetchResult,
    *,
    run_id: str | None = None,
    date_order: str | None = None,
    profile: Profile | None = None,
) -> Record:
    """The record of a fetched page; a failed status or a non-HTML body raises FetchError."""
    if not 200 <= result.status < 300:
        reason = f" {result.reason}" if result.reason else ""
        raise FetchError(
            f"the server answered HTTP {result.status}{reason}",
            url=result.url,
            kind="http_status",
            status=result.status,
        )
    if not is_html_type(result.content_type):
        raise FetchError(
            f"the response is {result.content_type}, not an HTML page",
            url=result.url,
            kind="not_html",
            status=result.status,
        )
    try:
        return extract(
            result.body,
            result.url,
            fetched_at=result.fetched_at,
            status=result.status,
            requested_url=result.requested_url,
            run_id=run_id,
            content_type=result.content_type,
            date_order=date_order,
            profile=profile,
        )
    except ExtractorError as exc:
        exc.url = exc.url or result.url
        raise


def error_record(
    exc: ExtractorError,
    *,
    at: datetime | None = None,
    url: str | None = None,
    run_id: str | None = None,
) -> ErrorRecord:
    """The error record of a failure, so the batch goes on and nothing is dropped silently."""
    return ErrorRecord(
        url=exc.url or url,
        stage=exc.stage,
        kind=exc.kind,
        message=exc.message,
        at=rfc3339(at or datetime.now(UTC)),
        status=getattr(exc, "status", None),
        run_id=run_id,
    )


# ---------------------------------------------------------------------------- sources


@dataclass(frozen=True, slots=True)
class Source:
    """One thing the user named: a file, a WARC, a URL or standard input."""

    name: str

    @property
    def is_url(self) -> bool:
        return self.name.startswith(("http://", "https://"))

    @property
    def is_warc(self) -> bool:
        return self.name.endswith((".warc", ".warc.gz"))


def read_file(path: Path) -> bytes:
    """A file's bytes, gunzipped when it is gzip (by its magic, not its name)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ParseError(
            f"cannot read {path}: {exc.strerror or exc}", url=str(path), kind="unreadable"
        ) from exc
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise DecodeError(
                f"{path} is not a valid gzip file: {exc}", url=str(path), kind="bad_gzip"
            ) from exc
    return data


def file_url(path: Path, base_url: str | None) -> str:
    return base_url if base_url else path.resolve().as_uri()


def extract_sources(
    sources: Iterable[str],
    *,
    base_url: str | None = None,
    now: datetime | None = None,
    fetcher: object | None = None,
    stdin: BinaryIO | None = None,
    site: SiteLearner | None = None,
    profiles: Profiles | None = None,
) -> Iterator[Record | ErrorRecord]:
    """Records (and error records) for files, WARCs, URLs and '-' in the order given.

    URLs go through ``fetcher`` (an ``extractor.fetch.Fetcher``) in one concurrent batch at the
    place the first URL stands; one bad page never ends the batch. With ``site``, each page is
    read with what its host taught (see ``extract_sources_learned``); ``profiles`` gives each
    page its site's profile, by the page's host.
    """
    pick = profiles.for_url if profiles is not None else _no_profile
    names = list(sources)
    urls = [name for name in names if Source(name).is_url]
    url_records: Iterator[Record | ErrorRecord] | None = None
    for name in names:
        source = Source(name)
        if source.is_url:
            if url_records is None:
                url_records = _fetch_records(urls, fetcher, pick, site)
                yield from url_records
            continue
        if source.is_warc:
            yield from _warc_records(Path(name), pick, site)
            continue
        at = now or datetime.now(UTC)
        try:
            if name == "-":
                stream = stdin if stdin is not None else sys.stdin.buffer
                data = stream.read()
                url = base_url or "about:stdin"
            else:
                path = Path(name)
                data = read_file(path)
                url = file_url(path, base_url)
            yield _learned(site, url, _file_reader(data, url, at, pick(url)))
        except ExtractorError as exc:
            yield error_record(exc, at=at, url=name)


def _no_profile(url: str | None) -> Profile | None:
    return None


def _fetch_records(
    urls: list[str],
    fetcher: object | None,
    pick: Callable[[str | None], Profile | None],
    site: SiteLearner | None = None,
) -> Iterator[Record | ErrorRecord]:
    from extractor.fetch import Fetcher

    active = fetcher if fetcher is not None else Fetcher(seeds=urls)
    for request, outcome in active.fetch_many(urls):  # type: ignore[attr-defined]
        if isinstance(outcome, ExtractorError):
            yield error_record(outcome, url=request.url)
            continue
        try:
            yield _learned(site, outcome.url, _reader(outcome, pick(outcome.url)))
        except ExtractorError as exc:
            yield error_record(exc, url=request.url)


def _warc_records(
    path: Path, pick: Callable[[str | None], Profile | None], site: SiteLearner | None = None
) -> Iterator[Record | ErrorRecord]:
    from extractor.archive import iter_responses
    from extractor.crawl.discovery import document_kind

    try:
        for result in iter_responses(path):
            if result.status == 304 or not 200 <= result.status < 300:
                continue
            if not is_html_type(result.content_type):
                continue
            if document_kind(result.url, result.body, result.content_type) is not None:
                continue  # robots.txt, sitemaps, feeds: how a crawl finds pages, not pages
            try:
                yield _learned(site, result.url, _reader(result, pick(result.url)))
            except ExtractorError as exc:
                yield error_record(exc, url=result.url)
    except ExtractorError as exc:
        yield error_record(exc, url=str(path))


# ---------------------------------------------------------------------------- site learning


def _reader(result: FetchResult, profile: Profile | None) -> Callable[[str | None], Record]:
    return lambda order: record_from_fetch(result, date_order=order, profile=profile)


def _file_reader(
    data: bytes, url: str, at: datetime, profile: Profile | None
) -> Callable[[str | None], Record]:
    return lambda order: extract(data, url, now=at, date_order=order, profile=profile)


def _learned(site: SiteLearner | None, url: str, read: Callable[[str | None], Record]) -> Record:
    """A page read with its host's date order, its host's recurring blocks typed."""
    if site is None:
        return read(None)
    from extractor.site import apply_knowledge

    knowledge = site.knowledge((urlsplit(url).hostname or "").lower())
    return apply_knowledge(read(knowledge.date_order), knowledge)


class _Replay:
    """A fetcher that fetches once: its answers are kept for the second pass over the sources.

    URLs named on a command line are few; fetching them twice would be impolite.
    """

    def __init__(self, inner: object) -> None:
        self._inner = inner
        self._answers: list[tuple[object, object]] | None = None

    def fetch_many(self, urls: list[str]) -> list[tuple[object, object]]:
        if self._answers is None:
            self._answers = list(self._inner.fetch_many(urls))  # type: ignore[attr-defined]
        return self._answers


def extract_sources_learned(
    sources: Iterable[str],
    *,
    base_url: str | None = None,
    now: datetime | None = None,
    fetcher: object | None = None,
    stdin: BinaryIO | None = None,
    min_pages: int | None = None,
    profiles: Profiles | None = None,
) -> Iterator[Record | ErrorRecord]:
    """``extract_sources`` with site learning: two passes over the sources.

    The first reads every page and learns each host's recurring blocks and date order; the
    second reads them again with that knowledge and yields the records. Files and WARCs are
    re-read from disk, so memory stays flat however many there are; URLs are fetched once and
    their answers kept, standard input is read once and kept. One source that is not a WARC
    has nothing to learn from and is read once.

    The two passes also fill ``blurb_full`` of truncated teasers whose target page is among
    the sources (by its URL, requested URL or canonical URL), as a crawl does: only the
    waiting blurbs and their matches are kept, never the pages' texts (see ``TeaserBlurbs``).
    """
    import io

    from extractor.crawl.full_blurbs import TeaserBlurbs
    from extractor.site import SiteLearner

    names = list(sources)
    if len(names) < 2 and not any(Source(n).is_warc for n in names):
        yield from extract_sources(
            names, base_url=base_url, now=now, fetcher=fetcher, stdin=stdin, profiles=profiles
        )
        return
    if any(Source(n).is_url for n in names):
        from extractor.fetch import Fetcher

        urls = [n for n in names if Source(n).is_url]
        fetcher = _Replay(fetcher if fetcher is not None else Fetcher(seeds=urls))
    kept = b""
    if "-" in names:
        kept = (stdin if stdin is not None else sys.stdin.buffer).read()
    at = now or datetime.now(UTC)
    learner = SiteLearner() if min_pages is None else SiteLearner(min_pages=min_pages)
    blurbs = TeaserBlurbs()
    learned = 0
    for item in extract_sources(
        names,
        base_url=base_url,
        now=at,
        fetcher=fetcher,
        stdin=io.BytesIO(kept),
        profiles=profiles,
    ):
        if not isinstance(item, Record):
            continue
        blurbs.offer(item)  # to the teasers before it that point to it
        blurbs.want(item)
        if learner.observe(item):
            learned += 1
            if learned % 64 == 0:
                learner.commit()  # the store forgets blocks that do not recur: memory stays flat
    learner.commit()
    for item in extract_sources(
        names,
        base_url=base_url,
        now=at,
        fetcher=fetcher,
        stdin=io.BytesIO(kept),
        site=learner,
        profiles=profiles,
    ):
        if isinstance(item, Record):
            blurbs.offer(item)  # to the teasers after it, whose records come later
            item = blurbs.resolve(item)
        yield item
