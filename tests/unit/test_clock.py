"""Stored instants are shown in the workstation's zone, whatever zone they were written in."""

from datetime import UTC, datetime, timedelta, timezone

import pytest
from support.timezones import NEW_YORK, workstation_zone

from haydigo_desk.domain.clock import format_local, local_time
from haydigo_desk.reports.i18n import labels_for


def test_a_utc_instant_is_shown_on_the_workstation_clock():
    moment = datetime(2026, 1, 15, 14, 5, tzinfo=UTC)
    with workstation_zone(NEW_YORK):
        assert format_local(moment) == "15-01-2026 09:05"
        assert format_local(moment, "%H:%M") == "09:05"
        assert local_time(moment) == moment  # the same instant, only shown differently
    with workstation_zone("Europe/Amsterdam"):
        assert format_local(moment, "%H:%M") == "15:05"
        # daylight saving time is the zone's rule for that date, not today's offset
        assert format_local(datetime(2026, 7, 15, 14, 5, tzinfo=UTC), "%H:%M") == "16:05"


def test_bols_offset_times_convert_like_any_other_instant():
    bol_time = datetime(2026, 1, 15, 15, 5, tzinfo=timezone(timedelta(hours=1)))  # 14:05 UTC
    with workstation_zone(NEW_YORK):
        assert format_local(bol_time, "%d-%m %H:%M") == "15-01 09:05"


def test_no_time_is_empty_and_a_naive_time_is_refused_not_guessed():
    assert format_local(None) == ""
    with pytest.raises(ValueError, match="naive"):
        format_local(datetime(2026, 1, 15, 14, 5))


def test_printed_documents_use_the_same_rule_in_their_own_format():
    moment = datetime(2026, 1, 15, 14, 5, tzinfo=UTC)
    with workstation_zone(NEW_YORK):
        assert labels_for("nl").format_datetime(moment) == "15-01-2026 09:05"
        assert labels_for("en").format_datetime(moment) == "2026-01-15 09:05"
    assert labels_for("en").format_datetime(None) == "—"
