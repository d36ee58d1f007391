"""`haydigo-desk` with no account opens the demo: sandbox, demo database, sync running.
A second start while it runs brings it forward instead of rebuilding the demo under it."""

from __future__ import annotations

import signal
import sqlite3
import time

import pytest
from support.desk_process import run_desk_command
from support.running_desk import RunningDesk

pytestmark = pytest.mark.slow


def _count(connection: sqlite3.Connection, sql: str) -> int:
    return connection.execute(sql).fetchone()[0]


def test_first_start_opens_the_demo_and_a_second_start_leaves_it_alone(tmp_path):
    desk = RunningDesk(tmp_path, "demo")
    demo_file = tmp_path / "data" / "demo" / "demo.sqlite3"
    try:
        desk.wait_for("haydigo-desk painted orders-list")
        # The window is up before the demo is ready: its products arrive afterwards.
        desk.wait_for("haydigo-desk painted orders-rows")
        inode = demo_file.stat().st_ino
        second = run_desk_command([], tmp_path)
        assert second.code == 0 and "already runs for this profile" in second.stderr
        assert demo_file.stat().st_ino == inode  # not deleted and built again
        demo = sqlite3.connect(demo_file)
        try:
            def synced() -> bool:
                return _count(demo, "SELECT count(*) FROM sync_runs WHERE outcome = 'ok'") > 0
            _wait(synced)
            orders = _count(demo, "SELECT count(*) FROM orders")
            pick_lists = _count(demo, "SELECT count(*) FROM pick_lists")
            shelved = _count(demo, "SELECT count(*) FROM products WHERE location_id IS NOT NULL")
        finally:
            demo.close()
        desk.send(signal.SIGTERM)
        assert desk.wait(60) == 0, desk.output[-3000:]
    finally:
        desk.kill()
    assert orders >= 50 and pick_lists >= 1 and shelved == 300
    assert "Traceback" not in desk.output
    with sqlite3.connect(demo_file) as demo:
        assert _count(demo, "SELECT count(*) FROM outbox WHERE state = 'sending'") == 0
        assert _count(demo, "SELECT count(*) FROM sync_runs WHERE finished_at IS NULL") == 0
    # The demo does not create (or touch) the real database.
    assert not (tmp_path / "data" / "haydigo-desk.sqlite3").exists()
    assert (tmp_path / "log" / "haydigo-desk.log").exists()


def _wait(condition, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the demo's first sync did not finish"
        time.sleep(0.2)
