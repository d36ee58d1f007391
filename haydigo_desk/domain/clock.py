"""Stored instants shown as the workstation's wall-clock time: the one rule for every screen and
printed document.

Times are stored and passed around as aware UTC (`persistence.types.UtcDateTime` guarantees it
for the database); only what a person reads is local. It lives in `domain/`, not `ui/`, because
the printed documents (`reports/`, which must not import Qt) show times too. The workstation's
zone is the process's local zone (the `TZ` variable or the system setting), read per call so a
changed zone shows at once.
"""

from __future__ import annotations

from datetime import datetime

DATE_TIME = "%d-%m-%Y %H:%M"


def local_time(moment: datetime) -> datetime:
    """The same instant in the workstation's zone. A naive value is refused: it has no instant,
    and guessing its zone is the bug this module exists to remove."""
    if moment.utcoffset() is None:
        raise ValueError(f"a naive datetime has no instant to show: {moment.isoformat()}")
    return moment.astimezone()


def format_local(moment: datetime | None, pattern: str = DATE_TIME) -> str:
    """`moment` as local wall-clock text (strftime `pattern`); "" for no time."""
    return local_time(moment).strftime(pattern) if moment is not None else ""
