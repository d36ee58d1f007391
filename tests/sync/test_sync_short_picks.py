"""Short picks end to end: the real sync against the sandbox over HTTP, the station's and the
Can't-fulfil queue's services in between, and what bol.com (the sandbox) received."""

from __future__ import annotations

import asyncio

import pytest
import pytest_asyncio
from sqlalchemy import select
from support.sync_setup import sync_setup

from haydigo_desk.bol.retry import RetryPolicy
from haydigo_desk.domain.short_picks import ShortReason
from haydigo_desk.persistence.models import (
    MarketplaceAccount,
    Order,
    OrderLine,
    OutboxEntry,
    ShortPick,
    utcnow,
)
from haydigo_desk.services import lifecycle, shipping, short_pick_queries
from haydigo_desk.services.claims import StationIdentity, claim_order
from haydigo_desk.services.picking import PickingService
from haydigo_desk.services.picking_short import ShortPicks
from haydigo_desk.sync.client_factory import AccountConnection, build_client
from haydigo_desk.sync.cycle import CycleRunner
from haydigo_desk.sync.events import SyncReport

STATION = StationIdentity("desk-1", "Pieter")


@pytest.fixture
def setup(sqlite_url):
    s = sync_setup(sqlite_url)
    yield s
    s.sandbox.stop()
    s.database.dispose()


@pytest_asyncio.fixture
async def runner(setup):
    with setup.database.unit_of_work() as uow:
        connection = AccountConnection.of(uow.session.get(MarketplaceAccount, setup.account_id))
    fast_retries = RetryPolicy(max_attempts=2, backoff_base=0.01, backoff_cap=0.05)
    runner = CycleRunner(setup.database, build_client(connection, retry=fast_retries),
                         setup.account_id)
    assert (await runner.run()).outcome == "ok"
    yield runner
    await runner.client.aclose()


async def settle(runner) -> None:
    await asyncio.sleep(0.2)
    report = await runner.run()
    assert report.outcome == "ok", report.message


def new_order(setup, lines: int) -> str:
    [bol_order_id] = setup.sandbox.state.add_orders(1, lines=lines)
    return bol_order_id


def lines_of(setup, bol_order_id: str) -> list[tuple[int, int, str, str, int]]:
    """(order id, line id, bol item id, EAN, quantity) per line of the imported order."""
    with setup.database.unit_of_work() as uow:
        return [(line.order_id, line.id, line.bol_order_item_id, line.ean, line.quantity)
                for line in uow.session.scalars(select(OrderLine).join(Order).where(
                    Order.bol_order_id == bol_order_id).order_by(OrderLine.id))]


def report_and_cancel(setup, line_id: int, reason: str) -> tuple[int, int]:
    with setup.database.unit_of_work() as uow:
        [reported] = lifecycle.report_short(uow.session, [line_id], 1, ShortReason.NOT_FOUND)
        uow.commit()
    with setup.database.unit_of_work() as uow:
        entry_id = short_pick_queries.cancel_at_bol(uow.session, reported.short_pick_id, reason,
                                                    "Marleen")
        uow.commit()
    return reported.short_pick_id, entry_id


def sellers_cancellations(setup, item_id: str) -> list[dict]:
    return [c for c in setup.sandbox.state.cancellations() if c["orderItemId"] == item_id]


@pytest.mark.asyncio
async def test_a_short_pick_ships_the_rest_to_bol_com_as_a_partial_shipment(setup, runner):
    bol_order_id = new_order(setup, lines=2)
    await runner.run()
    (order_id, _first, first_item, first_ean, first_qty), (_, second, second_item, _, _) = \
        lines_of(setup, bol_order_id)
    picking = PickingService(setup.database, STATION)
    assert claim_order(setup.database, order_id, STATION).claimed
    assert picking.scan_order(order_id, first_ean, first_qty).accepted
    outcome = ShortPicks(picking).in_order(order_id, second, 1, ShortReason.NOT_FOUND)
    assert outcome.accepted
    queued = shipping.queue_shipment(setup.database, order_id, "TNT", "3SABCD1234567",
                                     station=STATION, confirm_partial=True)
    result = await runner.outbox.post_now(queued.outbox_entry_id, SyncReport(1, "", utcnow()),
                                          wait_seconds=5, poll_every=0.05)
    assert result.state == "done", result.message
    [received] = [s for s in setup.sandbox.state.shipments() if s["orderId"] == bol_order_id]
    assert [(i["orderItemId"], i["quantity"]) for i in received["items"]] == [
        (first_item, first_qty)]
    await settle(runner)
    with setup.database.unit_of_work() as uow:
        assert uow.session.get(Order, order_id).status == "picking"  # partly shipped
        [waiting] = short_pick_queries.list_queue(uow.session)
        assert (waiting.order_id, waiting.state, waiting.ean) == (
            order_id, "open", uow.session.get(OrderLine, second).ean)
    assert second_item not in {i["orderItemId"] for s in setup.sandbox.state.shipments()
                               for i in s["items"]}


@pytest.mark.asyncio
async def test_cancel_at_bol_com_reaches_it_once_with_the_sellers_reason_after_a_lost_answer(
        setup, runner):
    bol_order_id = new_order(setup, lines=1)
    await runner.run()
    [(order_id, line_id, item_id, _ean, quantity)] = lines_of(setup, bol_order_id)
    short_id, _entry = report_and_cancel(setup, line_id, "OUT_OF_STOCK")
    setup.sandbox.state.set_faults(lost_answer_rate=1.0)  # carried out, answered 502
    await runner.run()
    setup.sandbox.state.set_faults(lost_answer_rate=0.0)
    for _ in range(3):
        await settle(runner)
    [cancellation] = sellers_cancellations(setup, item_id)
    assert (cancellation["reasonCode"], cancellation["quantity"]) == ("OUT_OF_STOCK", quantity)
    with setup.database.unit_of_work() as uow:
        assert uow.session.get(ShortPick, short_id).state == "cancelled"
        line = uow.session.get(OrderLine, line_id)
        assert (line.quantity_cancelled, line.quantity_reserved) == (quantity, 0)
        assert uow.session.get(Order, order_id).status == "cancelled"
        assert short_pick_queries.list_queue(uow.session) == []
        states = uow.session.scalars(select(OutboxEntry.state).where(
            OutboxEntry.kind == "cancellation")).all()
        assert states == ["done"]


@pytest.mark.asyncio
async def test_bol_com_refusing_the_cancellation_leaves_the_line_in_the_queue(setup, runner):
    bol_order_id = new_order(setup, lines=1)
    await runner.run()
    [(order_id, line_id, item_id, _ean, _quantity)] = lines_of(setup, bol_order_id)
    short_id, entry_id = report_and_cancel(setup, line_id, "UNFINDABLE_ITEM")
    # Found after all: someone shipped it through bol.com's seller portal; bol refuses ours.
    setup.sandbox.state.submit_shipment([(item_id, None)], "TNT", "3SPORTAL12345", None, None,
                                        setup.sandbox.url)
    await asyncio.sleep(0.2)
    setup.sandbox.state.tick()
    result = await runner.outbox.post_now(entry_id, SyncReport(1, "", utcnow()),
                                          wait_seconds=5, poll_every=0.05)
    assert result.state == "failed"
    with setup.database.unit_of_work() as uow:
        [row] = short_pick_queries.list_queue(uow.session)
        assert (row.id, row.state) == (short_id, "refused")
        assert "already been shipped" in row.bol_message
        assert uow.session.get(Order, order_id).problem == ""  # the queue shows it instead
    assert sellers_cancellations(setup, item_id) == []
    await settle(runner)  # the import then learns bol's shipment: the line is done
    with setup.database.unit_of_work() as uow:
        assert short_pick_queries.list_queue(uow.session) == []
        assert uow.session.get(OrderLine, line_id).quantity_short == 0
