"""Time formatting as bol writes it: local Dutch time with offset for orders, UTC for offers."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone, tzinfo

try:
    from zoneinfo import ZoneInfo

    AMSTERDAM: tzinfo = ZoneInfo("Europe/Amsterdam")
except Exception:  # no tz database (bare Windows): a fixed CET offset is close enough here
    AMSTERDAM = timezone(timedelta(hours=1))


def utcnow() -> datetime:
    return datetime.now(UTC)


def bol_local(moment: datetime) -> str:
    """``2026-03-01T14:02:11+01:00``: how bol writes order timestamps."""
    return moment.astimezone(AMSTERDAM).isoformat(timespec="seconds")


def bol_utc(moment: datetime) -> str:
    """``2026-03-01T13:02:11.123Z``: how the v11 offer API writes timestamps."""
    text = moment.astimezone(UTC).isoformat(timespec="milliseconds")
    return text.replace("+00:00", "Z")


def local_date(moment: datetime) -> date:
    return moment.astimezone(AMSTERDAM).date()


def parse_iso(text: str) -> datetime:
    """ISO 8601 with ``Z`` or an offset; a naive time is taken as UTC."""
    moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00").replace(" ", "+"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
