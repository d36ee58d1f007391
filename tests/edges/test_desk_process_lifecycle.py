"""The desk as a real process: one per profile, real signals quit it cleanly, a native crash
leaves a report that the next start offers, and a desk killed with -9 blocks nothing."""

from __future__ import annotations

import signal

import pytest
from support.desk_process import desk_env, profile_with_account, run_desk_command
from support.running_desk import RunningDesk

pytestmark = pytest.mark.slow

PAINTED = "haydigo-desk painted orders-list"
STAFF = {"HAYDIGO_STAFF": "Anna", "HAYDIGO_BOL_CLIENT_SECRET": "not-used-here"}


@pytest.fixture
def real_home(tmp_path):
    return profile_with_account(tmp_path)


def test_a_second_start_brings_the_running_desk_forward_and_sigterm_quits(real_home):
    first = RunningDesk(real_home, "first", **STAFF)
    try:
        first.wait_for(PAINTED)
        second = run_desk_command([], real_home, env=desk_env(real_home, **STAFF))
        assert second.code == 0, second.stderr
        assert "already runs for this profile" in second.stderr
        assert "its window was brought forward" in second.stderr
        first.wait_for("asked for this window: bringing it forward", timeout=10)
        # Commands without a window are not affected by the running desk.
        listed = run_desk_command(["account", "list"], real_home)
        assert listed.code == 0 and "bol NL" in listed.stdout, listed.stderr
        first.send(signal.SIGTERM)
        assert first.wait(30) == 0, first.output[-3000:]
    finally:
        first.kill()
    assert "SIGTERM received: the desk quits" in first.output
    assert "The desk stopped cleanly after a signal" in first.output
    assert "Traceback" not in first.output
    assert not (real_home / "data" / "native-crash.log").exists()  # nothing to offer


def test_a_native_crash_is_reported_next_time_and_kill_9_blocks_no_start(real_home):
    crashing = RunningDesk(real_home, "crashing", **STAFF)
    try:
        crashing.wait_for(PAINTED)
        crashing.send(signal.SIGSEGV)
        assert crashing.wait(30) == -signal.SIGSEGV
    finally:
        crashing.kill()
    report = (real_home / "data" / "native-crash.log").read_text("utf-8")
    assert "Segmentation fault" in report and "most recent call first" in report

    after_crash = RunningDesk(real_home, "after-crash", **STAFF)
    try:
        after_crash.wait_for(PAINTED)  # the crashed desk's lock and socket are gone
        assert "The desk stopped unexpectedly last time; the report is at" in after_crash.output
        [kept] = (real_home / "data").glob("native-crash-*.log")
        assert kept.read_text("utf-8") == report and str(kept) in after_crash.output
        after_crash.send(signal.SIGKILL)
        after_crash.wait(30)
    finally:
        after_crash.kill()

    after_kill = RunningDesk(real_home, "after-kill", **STAFF)
    try:
        after_kill.wait_for(PAINTED)
        assert "stopped unexpectedly" not in after_kill.output  # kill -9 leaves no report
        after_kill.send(signal.SIGINT)
        assert after_kill.wait(30) == 0, after_kill.output[-3000:]
    finally:
        after_kill.kill()
    assert "SIGINT received: the desk quits" in after_kill.output
