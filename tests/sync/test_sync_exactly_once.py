"""Exactly once while bol.com is slow: the real `sync --loop` is killed with -9 at random
moments while its shipments are posted, with the sandbox keeping writes PENDING for 0.3 s or
5 s and (in one run) losing the answers to writes it carried out. Counted at the sandbox:
every shipment and every accepted cancellation arrives once, none is lost, and the desk marks
none failed."""

from __future__ import annotations

import os
import random
import signal
import time

import pytest
from sqlalchemy import func, select
from support.sync_setup import connect_account, fast_sandbox
from test_sync_crash import _start_loop, _wait_for
from test_sync_outbox import queue_shipment

from haydigo_desk.persistence.database import open_database
from haydigo_desk.persistence.models import Order, OutboxEntry, Shipment, SyncRun

pytestmark = pytest.mark.slow
KILLS = int(os.environ.get("HAYDIGO_KILL_POINTS", "6"))


@pytest.mark.parametrize(("pending_s", "lost_answers"), [(0.3, 0.0), (5.0, 0.0), (5.0, 0.5)],
                         ids=["pending-0.3s", "pending-5s", "pending-5s-lost-answers"])
def test_killed_at_random_moments_every_shipment_arrives_exactly_once(
        tmp_path, memory_keyring, pending_s, lost_answers):
    sandbox = fast_sandbox(products=40, open_orders=24, rate_scale=50.0,
                           process_delay_s=pending_s)
    database_url = f"sqlite:///{tmp_path / 'once.sqlite3'}"
    database = open_database(database_url)
    connect_account(database, sandbox)
    rng = random.Random(f"{pending_s}-{lost_answers}")
    process = None
    try:
        process = _start_loop(database_url, sandbox, tmp_path)
        _wait_for(lambda: _count(database, Order) == 24)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(10)
        with database.unit_of_work() as uow:
            listed = list(uow.session.scalars(select(Order.bol_order_id).order_by(Order.id)))
            order_ids, cancelled_orders = listed[:10], listed[10:14]
            cancelled_items = [line.bol_order_item_id for o in cancelled_orders
                               for line in uow.session.scalars(select(Order).where(
                                   Order.bol_order_id == o)).one().lines]
        entries = [queue_shipment(database, o, "TNT", f"3SONCE{n:07d}")[1]
                   for n, o in enumerate(order_ids)]
        for item_id in cancelled_items:  # customers cancel while the desk ships
            assert sandbox.state.request_cancellation(item_id) == item_id
        sandbox.state.set_faults(lost_answer_rate=lost_answers)
        for _kill in range(KILLS):
            posted = _writes(sandbox)
            process = _start_loop(database_url, sandbox, tmp_path)
            # Kill while bol.com holds a write we just sent (or the next is on its way).
            _wait_for(lambda: _writes(sandbox) > posted  # noqa: B023 - read at once
                      or _states(database, entries) == {"done"}, timeout=60)
            time.sleep(rng.uniform(0.0, min(pending_s, 1.5)))
            os.kill(process.pid, signal.SIGKILL)
            process.wait(10)
        finished_before = _finished_runs(database)
        process = _start_loop(database_url, sandbox, tmp_path)
        _wait_for(lambda: _states(database, entries) == {"done"}
                  and _cancellations_done(database, len(cancelled_items))
                  and _finished_runs(database) > finished_before, timeout=180)
        process.send_signal(signal.SIGTERM)
        assert process.wait(30) == 0
    finally:
        if process is not None and process.poll() is None:
            process.kill()
        sandbox.stop()
    shipped = sandbox.state.shipments()
    per_order = {o: sum(1 for s in shipped if s["orderId"] == o) for o in order_ids}
    assert per_order == dict.fromkeys(order_ids, 1)  # 0 lost, 0 doubled
    cancelled = [c["orderItemId"] for c in sandbox.state.cancellations()]
    assert sorted(cancelled) == sorted(cancelled_items)  # each PUT once, none lost
    attempts = sandbox.state.process_counts()
    assert attempts.get("FAILURE", 0) == 0  # no second write that bol.com had to refuse
    with database.unit_of_work() as uow:
        assert uow.session.scalar(select(func.count(Shipment.id)).where(
            Shipment.state == "failed")) == 0
        statuses = set(uow.session.scalars(select(Order.status).where(
            Order.bol_order_id.in_(order_ids))))
        assert statuses == {"shipped"}
        assert uow.session.scalar(select(func.count(SyncRun.id)).where(
            SyncRun.outcome == "running")) == 0  # the killed cycles were closed
    database.dispose()


def _writes(sandbox) -> int:
    """Writes bol.com (the sandbox) has accepted, processed or not."""
    return sum(sandbox.state.process_counts().values())


def _cancellations_done(database, expected: int) -> bool:
    with database.unit_of_work() as uow:
        states = uow.session.scalars(select(OutboxEntry.state).where(
            OutboxEntry.kind == "cancellation")).all()
    return len(states) == expected and set(states) == {"done"}


def _finished_runs(database) -> int:
    with database.unit_of_work() as uow:
        return uow.session.scalar(select(func.count(SyncRun.id)).where(
            SyncRun.outcome.in_(["ok", "failed"])))


def _count(database, model) -> int:
    with database.unit_of_work() as uow:
        return uow.session.scalar(select(func.count(model.id)))


def _states(database, entry_ids) -> set[str]:
    with database.unit_of_work() as uow:
        return set(uow.session.scalars(select(OutboxEntry.state).where(
            OutboxEntry.id.in_(entry_ids))))
