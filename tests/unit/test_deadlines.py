"""The one deadline rule: an order's deadline is the exact delivery day, else the latest one;
it must leave the day before; its badge follows the warehouse clock, the account's cut-off and
bol's expiry (in real hours, DST days too); "Today" holds what must leave on the working day."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from support.timezones import NEW_YORK, workstation_zone

from haydigo_desk.domain.deadlines import (
    NO_BADGE,
    Badge,
    BadgeKind,
    after_cutoff,
    badge,
    due_by,
    expires_at,
    item_deadline,
    order_deadline,
    working_day,
)

AMS = ZoneInfo("Europe/Amsterdam")
DEC_2 = date(2026, 12, 2)


def at(day: date, hour: int, minute: int = 0, zone=AMS) -> datetime:
    return datetime.combine(day, time(hour, minute), zone)


def test_the_exact_day_wins_over_the_latest_and_the_earliest_item_rules_the_order():
    assert item_deadline(date(2026, 12, 9), None) == date(2026, 12, 9)
    assert item_deadline(None, date(2026, 12, 5)) == date(2026, 12, 5)
    assert item_deadline(date(2026, 12, 9), date(2026, 12, 5)) == date(2026, 12, 9)
    assert order_deadline([(date(2026, 12, 9), None), (None, date(2026, 12, 5))]) == date(
        2026, 12, 5)
    assert order_deadline([(None, None), (date(2026, 12, 4), None)]) == date(2026, 12, 4)
    assert order_deadline([(None, None)]) is None and order_deadline([]) is None


@pytest.mark.parametrize(("deadline", "expected"), [
    (date(2026, 12, 1), BadgeKind.LATE),       # should have left yesterday
    (date(2026, 12, 2), BadgeKind.LATE),       # due at the customer today: leaving now is late
    (date(2026, 12, 3), BadgeKind.SHIP_TODAY),
    (date(2026, 12, 4), BadgeKind.TOMORROW),
    (date(2026, 12, 5), BadgeKind.NONE),
])
def test_the_badge_before_the_cutoff(deadline, expected):
    now = at(DEC_2, 10)
    assert badge(deadline, None, now, time(15, 0), AMS).kind is expected
    assert badge(deadline, None, now, None, AMS).kind is expected  # no cut-off: same today


def test_past_the_cutoff_what_had_to_leave_today_is_late_and_tomorrows_stays_tomorrow():
    now = at(DEC_2, 15, 0)  # exactly the cut-off: the carrier has gone
    assert after_cutoff(now, time(15, 0), AMS)
    assert not after_cutoff(now - timedelta(minutes=1), time(15, 0), AMS)
    assert working_day(now, time(15, 0), AMS) == date(2026, 12, 3)
    assert badge(date(2026, 12, 3), None, now, time(15, 0), AMS).kind is BadgeKind.LATE
    assert badge(date(2026, 12, 4), None, now, time(15, 0), AMS).kind is BadgeKind.TOMORROW
    assert badge(date(2026, 12, 3), None, now, None, AMS).kind is BadgeKind.SHIP_TODAY


def test_today_holds_what_leaves_on_the_working_day_and_after_the_cutoff_tomorrows():
    assert due_by(at(DEC_2, 10), time(15, 0), AMS) == date(2026, 12, 3)
    assert due_by(at(DEC_2, 16), time(15, 0), AMS) == date(2026, 12, 4)  # due tomorrow
    assert due_by(at(DEC_2, 23, 59), None, AMS) == date(2026, 12, 3)


def test_expiry_shows_the_hours_left_rounded_up_and_is_late_once_bol_cancelled():
    expiry = date(2026, 12, 3)  # bol cancels when 3 December begins in the Netherlands
    assert expires_at(expiry) == datetime(2026, 12, 2, 23, 0, tzinfo=UTC)
    assert badge(None, expiry, at(DEC_2, 10), None, AMS) == Badge(BadgeKind.EXPIRES, 14)
    assert badge(None, expiry, at(DEC_2, 23, 30), None, AMS) == Badge(BadgeKind.EXPIRES, 1)
    assert badge(None, expiry, at(DEC_2, 9, 59) - timedelta(days=1), None, AMS) is NO_BADGE
    assert badge(None, expiry, at(date(2026, 12, 3), 0), None, AMS).kind is BadgeKind.LATE
    # expiring beats "ship today"; being late beats expiring
    assert badge(date(2026, 12, 3), expiry, at(DEC_2, 10), None, AMS).kind is BadgeKind.EXPIRES
    assert badge(DEC_2, expiry, at(DEC_2, 10), None, AMS).kind is BadgeKind.LATE


def test_expiry_hours_are_real_hours_on_a_dst_day():
    # 25 October 2026: clocks go back at 03:00; 01:00 to midnight is 24 real hours, not 23.
    expiry = date(2026, 10, 26)
    assert badge(None, expiry, at(date(2026, 10, 25), 1), None, AMS) == Badge(
        BadgeKind.EXPIRES, 24)
    # 29 March 2026: clocks go forward at 02:00; 01:00 to midnight is 22 real hours.
    assert badge(None, date(2026, 3, 30), at(date(2026, 3, 29), 1), None, AMS) == Badge(
        BadgeKind.EXPIRES, 22)


def test_the_day_and_the_cutoff_are_the_warehouse_clocks_not_amsterdams_or_utcs():
    # 22:00 in New York on 2 December is already 3 December in Amsterdam and in UTC.
    now = datetime(2026, 12, 2, 22, 0, tzinfo=ZoneInfo(NEW_YORK))
    assert working_day(now, None, AMS) == date(2026, 12, 3)
    with workstation_zone(NEW_YORK):  # no zone given: the workstation's own
        assert working_day(now, None) == DEC_2
        assert badge(date(2026, 12, 3), None, now).kind is BadgeKind.SHIP_TODAY
        assert after_cutoff(now, time(21, 0)) and not after_cutoff(now, time(22, 30))
    with workstation_zone("Europe/Amsterdam"):
        assert badge(date(2026, 12, 3), None, now).kind is BadgeKind.LATE


def test_no_dates_no_badge():
    assert badge(None, None, at(DEC_2, 10), time(15, 0), AMS) is NO_BADGE
