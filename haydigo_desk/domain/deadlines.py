"""When an order must leave: the one rule for the deadline, its badge and the "Today" horizon.

bol.com sends per item either an exact delivery date (the customer chose the day) or a latest
delivery date, and an expiry date after which it cancels an item that was not shipped. Both
dates are bol's calendar days. An order's deadline is its earliest item deadline.

The warehouse thinks in shipping days: a parcel handed to the carrier today is delivered
tomorrow, so an order must leave the day before its deadline. The account's daily cut-off is
the time after which nothing more leaves today: past it, the working day is tomorrow, and what
had to leave today is late.

Pure: every function takes the moment ("now", aware) and the zone the warehouse reads clocks in
(``None``: the workstation's own zone, as :mod:`haydigo_desk.domain.clock` shows times).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from zoneinfo import ZoneInfo

from haydigo_desk.domain.clock import local_time

# bol.com's dates are Dutch calendar days; an item expires when its expiry date begins there.
BOL_ZONE = ZoneInfo("Europe/Amsterdam")
# A parcel handed over today is delivered the next day (PostNL, DHL, DPD in NL and BE).
TRANSIT = timedelta(days=1)
# "Expires in N h" is shown from this close to bol's automatic cancellation.
EXPIRY_WARNING = timedelta(hours=24)


class BadgeKind(StrEnum):
    LATE = "late"
    EXPIRES = "expires"  # with the hours left
    SHIP_TODAY = "ship_today"
    TOMORROW = "tomorrow"
    NONE = "none"


@dataclass(frozen=True)
class Badge:
    kind: BadgeKind
    hours: int | None = None  # for EXPIRES: whole hours left, rounded up (at least 1)


NO_BADGE = Badge(BadgeKind.NONE)


def item_deadline(exact: date | None, latest: date | None) -> date | None:
    """An item's deadline: the exact delivery date if there is one, else the latest one."""
    return exact or latest


def order_deadline(items: Iterable[tuple[date | None, date | None]]) -> date | None:
    """The earliest deadline of an order's items given as (exact, latest); None when no item
    has a date."""
    deadlines = [d for exact, latest in items if (d := item_deadline(exact, latest))]
    return min(deadlines) if deadlines else None


def ship_by(deadline: date) -> date:
    """The last day a parcel can leave and still arrive by ``deadline``."""
    return deadline - TRANSIT


def _local(now: datetime, zone: tzinfo | None) -> datetime:
    return now.astimezone(zone) if zone is not None else local_time(now)


def after_cutoff(now: datetime, cutoff: time | None, zone: tzinfo | None = None) -> bool:
    """Whether today's cut-off has passed (never, without a cut-off)."""
    return cutoff is not None and _local(now, zone).time() >= cutoff


def working_day(now: datetime, cutoff: time | None, zone: tzinfo | None = None) -> date:
    """The day the next parcel leaves: today, or tomorrow once today's cut-off has passed."""
    today = _local(now, zone).date()
    return today + timedelta(days=1) if after_cutoff(now, cutoff, zone) else today


def due_by(now: datetime, cutoff: time | None, zone: tzinfo | None = None) -> date:
    """The latest deadline of what must leave on the working day: an order whose deadline is
    on or before this date belongs in "Today" (the late ones too)."""
    return working_day(now, cutoff, zone) + TRANSIT


def expires_at(expiry: date) -> datetime:
    """The instant bol.com cancels an unshipped item: the start of its expiry day in NL."""
    return datetime.combine(expiry, time(0), BOL_ZONE)


def badge(deadline: date | None, expiry: date | None, now: datetime,
          cutoff: time | None = None, zone: tzinfo | None = None) -> Badge:
    """The badge of an order that still has to leave, most urgent first: late (its deadline
    can no longer be met, or bol.com cancelled it already), expires in N h, ship today,
    tomorrow, none. "Today" and "tomorrow" are calendar days; past the cut-off what had to
    leave today is late."""
    today = _local(now, zone).date()
    day = working_day(now, cutoff, zone)
    if expiry is not None:
        left = expires_at(expiry).astimezone(UTC) - now.astimezone(UTC)  # real hours, DST too
        if left <= timedelta(0):
            return Badge(BadgeKind.LATE)
    if deadline is not None and ship_by(deadline) < day:
        return Badge(BadgeKind.LATE)
    if expiry is not None and left <= EXPIRY_WARNING:
        return Badge(BadgeKind.EXPIRES, max(1, math.ceil(left / timedelta(hours=1))))
    if deadline is None:
        return NO_BADGE
    if ship_by(deadline) == today:
        return Badge(BadgeKind.SHIP_TODAY)
    if ship_by(deadline) == today + timedelta(days=1):
        return Badge(BadgeKind.TOMORROW)
    return NO_BADGE
