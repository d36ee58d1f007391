"""A stop of the worker (Quit, SIGTERM) while a shipment is being posted waits for bol.com's
answer: the row ends "sent", never half-sent in "sending", and is posted once."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from sqlalchemy import select
from test_sync_outbox import _one_line_order, queue_shipment

from haydigo_desk.persistence.models import OutboxEntry, utcnow
from haydigo_desk.sync.events import SyncReport


@pytest.fixture
def database_url(sqlite_url):
    """SQLite only: the stop is the same on every database, and the suite's time is short."""
    return sqlite_url


def _state(database, entry_id: int) -> str:
    with database.unit_of_work() as uow:
        return uow.session.scalars(
            select(OutboxEntry.state).where(OutboxEntry.id == entry_id)).one()


@pytest.mark.asyncio
async def test_a_stop_during_the_post_lets_the_answer_arrive(setup, runner):
    bol_order_id = _one_line_order(setup)
    _shipment_id, entry_id = queue_shipment(setup.database, bol_order_id, "TNT", "3SSTOP0000001")
    async with httpx.AsyncClient() as control:  # every answer of bol.com takes 0.4 s now
        await control.post(f"{setup.sandbox.url}/_sandbox/faults", json={"latencyMs": 400})
    report = SyncReport(setup.account_id, "bol", started_at=utcnow())
    sending = asyncio.create_task(runner.outbox.send(entry_id, report))
    while _state(setup.database, entry_id) != "sending":  # the last look is done, POST under way
        assert not sending.done(), report.errors
        await asyncio.sleep(0.01)
    sending.cancel()  # what the worker's stop does to its tasks
    with pytest.raises(asyncio.CancelledError):
        await sending
    assert _state(setup.database, entry_id) in ("sent", "done")
    shipped = [s for s in setup.sandbox.state.shipments() if s["orderId"] == bol_order_id]
    pending = setup.sandbox.state.process_counts().get("PENDING", 0)
    assert len(shipped) + pending == 1
