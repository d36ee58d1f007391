"""kill -9 of `sync --loop` mid-cycle, then a restart: nothing doubled, nothing lost."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import func, select
from support.sync_setup import connect_account, fast_sandbox
from test_sync_outbox import queue_shipment

from haydigo_desk.persistence.database import open_database
from haydigo_desk.persistence.models import Order, OutboxEntry

pytestmark = pytest.mark.slow


def _start_loop(database_url: str, sandbox, home) -> subprocess.Popen:
    env = {**os.environ, "HAYDIGO_BOL_CLIENT_SECRET": sandbox.client_secret,
           "HAYDIGO_HOME": str(home), "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    return subprocess.Popen(
        [sys.executable, "-m", "haydigo_desk", "--database-url", database_url, "sync", "--loop"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


def _wait_for(condition, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError("timed out waiting")


def _order_count(database) -> int:
    with database.unit_of_work() as uow:
        return uow.session.scalar(select(func.count(Order.id)))


def test_kill_9_mid_cycle_and_restart_loses_and_doubles_nothing(tmp_path, memory_keyring):
    sandbox = fast_sandbox(products=60, open_orders=240, rate_scale=50.0, process_delay_s=0.3)
    sandbox.state.set_faults(latency_ms=15)
    database_url = f"sqlite:///{tmp_path / 'crash.sqlite3'}"
    database = open_database(database_url)
    connect_account(database, sandbox)
    try:
        # 1. Killed while importing orders.
        process = _start_loop(database_url, sandbox, tmp_path)
        _wait_for(lambda: _order_count(database) >= 50)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(10)
        assert _order_count(database) < 240

        # 2. Restarted: the import completes without duplicates.
        process = _start_loop(database_url, sandbox, tmp_path)
        _wait_for(lambda: _order_count(database) == 240)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(10)

        # 3. Shipments packed at the desk; killed while posting them.
        with database.unit_of_work() as uow:
            order_ids = list(uow.session.scalars(select(Order.bol_order_id).limit(12)))
        entries = [queue_shipment(database, o, "TNT", f"3SHAYD{n:07d}")[1]
                   for n, o in enumerate(order_ids)]
        process = _start_loop(database_url, sandbox, tmp_path)
        _wait_for(lambda: len(sandbox.state.shipments()) + sandbox.state.process_counts().get(
            "PENDING", 0) >= 1, timeout=60)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(10)

        # 4. Restarted: every shipment arrives exactly once and is confirmed.
        process = _start_loop(database_url, sandbox, tmp_path)

        def all_done() -> bool:
            with database.unit_of_work() as uow:
                states = uow.session.scalars(select(OutboxEntry.state).where(
                    OutboxEntry.id.in_(entries))).all()
            return all(state == "done" for state in states)

        _wait_for(all_done, timeout=90)
        process.send_signal(signal.SIGTERM)
        assert process.wait(30) == 0
    finally:
        if process.poll() is None:
            process.kill()
        sandbox.stop()
    shipped = sandbox.state.shipments()
    per_order = {o: sum(1 for s in shipped if s["orderId"] == o) for o in order_ids}
    assert per_order == dict.fromkeys(order_ids, 1)
    assert all(s["trackAndTrace"].startswith("3SHAYD") for s in shipped)
    with database.unit_of_work() as uow:
        ids = uow.session.scalars(select(Order.bol_order_id)).all()
        assert len(ids) == len(set(ids)) == 240
        statuses = set(uow.session.scalars(select(Order.status).where(
            Order.bol_order_id.in_(order_ids))))
        assert statuses == {"shipped"}
    database.dispose()
