"""Machine-readable date values (ISO strings, epochs, RFC 2822) and comparing them."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime

from extractor.parse.date_patterns import _moment_iso, _zone

_MACHINE_ISO_RE = re.compile(
    r"(?P<year>\d{4})-?(?P<month>\d{2})-?(?P<day>\d{2})"
    r"(?:[T ](?P<hour>\d{2}):?(?P<minute>\d{2})(?::?(?P<second>\d{2})(?:[.,]\d+)?)?"
    r"\s*(?P<zone>Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?",
    re.IGNORECASE,
)
_EPOCH_RE = re.compile(r"\d{9,13}(?:\.\d+)?")


def machine_value(text: str) -> tuple[bool, str | None]:
    """Whether the text is an epoch (seconds or milliseconds), an ISO 8601 variant or an RFC 2822
    date with a zone, and its RFC 3339 value (None when such a value is impossible, like hour 25).
    ``to_iso_datetime`` reads every other shape."""
    if _EPOCH_RE.fullmatch(text):
        seconds = float(text)
        if seconds > 1e11:
            seconds /= 1000  # milliseconds
        try:
            return True, datetime.fromtimestamp(seconds, UTC).isoformat(timespec="seconds")
        except (OverflowError, ValueError, OSError):
            return True, None
    m = _MACHINE_ISO_RE.fullmatch(text.replace("/", "-"))
    if m is not None:
        return True, _machine_iso(m)
    parsed = rfc2822(text)
    if parsed is not None and parsed.tzinfo is not None:
        return True, _moment_iso(parsed.replace(microsecond=0))
    return False, None


def rfc2822(text: str) -> datetime | None:
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _machine_iso(m: re.Match[str]) -> str | None:
    try:
        day = date(int(m["year"]), int(m["month"]), int(m["day"]))
        if m["hour"] is None:
            return day.isoformat()
        moment = datetime(
            day.year, day.month, day.day, int(m["hour"]), int(m["minute"]), int(m["second"] or 0)
        )
    except ValueError:
        return None
    zone = m["zone"]
    if zone is None:
        return day.isoformat()  # a naive time: the schema wants a zone with every time
    if zone.upper() in ("Z", "UTC", "GMT"):
        return moment.replace(tzinfo=UTC).isoformat(timespec="seconds")
    offset = _zone(None, zone)
    return moment.replace(tzinfo=offset).isoformat(timespec="seconds") if offset else None


def is_after(iso: str, moment: datetime) -> bool:
    """Whether an ISO value lies after `moment`: by UTC day for bare dates, exactly otherwise."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    try:
        if len(iso) == 10:
            return date.fromisoformat(iso) > aware.astimezone(UTC).date()
        value = datetime.fromisoformat(iso)
    except ValueError:
        return False
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value > aware
