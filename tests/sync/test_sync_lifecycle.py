"""The order lifecycle end to end: the real sync against the sandbox over HTTP, the station's
services in between, and what bol.com (the sandbox) received counted at the end."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

import pytest
from sqlalchemy import select

from haydigo_desk.persistence.models import (
    Order,
    OrderLine,
    OutboxEntry,
    PickListLine,
    Product,
    utcnow,
)
from haydigo_desk.services import shipping
from haydigo_desk.services.claims import StationIdentity, claim_order
from haydigo_desk.services.picking import PickingService
from haydigo_desk.services.picklists import pick_list_detail
from haydigo_desk.sync.events import SyncReport

STATION = StationIdentity("desk-1", "Pieter")


async def settle(runner) -> None:
    """bol.com processes writes asynchronously: wait, then a cycle polls the answers."""
    await asyncio.sleep(0.2)
    report = await runner.run()
    assert report.outcome == "ok", report.message


@dataclass(frozen=True)
class Line:
    id: int
    order_id: int
    bol_order_item_id: str
    ean: str
    quantity: int
    product_id: int | None


def lines_of(setup, bol_order_id: str) -> list[Line]:
    with setup.database.unit_of_work() as uow:
        return [Line(line.id, line.order_id, line.bol_order_item_id, line.ean, line.quantity,
                     line.product_id)
                for line in uow.session.scalars(select(OrderLine).join(Order).where(
                    Order.bol_order_id == bol_order_id).order_by(OrderLine.id))]


@pytest.mark.asyncio
async def test_one_item_cancelled_after_picking_the_rest_ships(setup, runner):
    [bol_order_id] = setup.sandbox.state.add_orders(1, lines=2)
    assert (await runner.run()).orders_new == 1
    first, second = lines_of(setup, bol_order_id)
    order_id = first.order_id
    service = PickingService(setup.database, STATION)
    assert claim_order(setup.database, order_id, STATION).claimed
    for line in (first, second):
        assert service.scan_order(order_id, line.ean, line.quantity).accepted
    # The customer cancels the first item at bol.com while the box is packed.
    assert setup.sandbox.state.request_cancellation(first.bol_order_item_id)
    report = await runner.run()
    assert report.cancellations == 1
    await settle(runner)
    assert [c["orderItemId"] for c in setup.sandbox.state.cancellations()] == [
        first.bol_order_item_id]
    put_back = service.put_back_order(order_id)
    assert [(p.ean, p.quantity) for p in put_back] == [(first.ean, first.quantity)]
    queued = shipping.queue_shipment(setup.database, order_id, "TNT", "3SABCD1234567",
                                     station=STATION)
    result = await runner.outbox.post_now(queued.outbox_entry_id, SyncReport(1, "", utcnow()),
                                          wait_seconds=5, poll_every=0.05)
    assert result.state == "done", result.message
    received = [s for s in setup.sandbox.state.shipments() if s["orderId"] == bol_order_id]
    assert len(received) == 1
    assert [(i["orderItemId"], i["quantity"]) for i in received[0]["items"]] == [
        (second.bol_order_item_id, second.quantity)]
    at_bol = {i["orderItemId"]: (i["quantityShipped"], i["quantityCancelled"])
              for i in setup.sandbox.state.order_detail(bol_order_id)["orderItems"]}
    assert at_bol == {first.bol_order_item_id: (0, first.quantity),
                      second.bol_order_item_id: (second.quantity, 0)}
    with setup.database.unit_of_work() as uow:
        order = uow.session.get(Order, order_id)
        assert order.status == "shipped" and order.claimed_by is None
        cancelled, shipped = order.lines
        assert (cancelled.cancellation, cancelled.quantity_cancelled) == ("accepted",
                                                                         first.quantity)
        assert shipped.quantity_shipped == second.quantity
        pick_line = uow.session.scalars(select(PickListLine).where(
            PickListLine.order_line_id == cancelled.id)).one()
        rows = {r.order_line_id: r for r in
                pick_list_detail(uow.session, pick_line.pick_list_id).lines}
        assert (rows[cancelled.id].phase, rows[shipped.id].phase) == ("cancelled", "shipped")
    # Nothing more is sent in later cycles.
    await settle(runner)
    assert len(setup.sandbox.state.cancellations()) == 1
    assert len([s for s in setup.sandbox.state.shipments() if s["orderId"] == bol_order_id]) == 1


@pytest.mark.asyncio
async def test_what_bol_com_cancels_or_ships_itself_is_taken_over_and_posts_nothing(
        setup, runner):
    cancelled_id, shipped_id = setup.sandbox.state.add_orders(2, lines=1)
    assert (await runner.run()).orders_new == 2
    [cancelled] = lines_of(setup, cancelled_id)
    [shipped] = lines_of(setup, shipped_id)
    with setup.database.unit_of_work() as uow:
        before = {p.id: (p.on_hand, p.reserved) for p in uow.session.scalars(
            select(Product).where(Product.id.in_([cancelled.product_id, shipped.product_id])))}
    base = setup.sandbox.url
    # The seller cancels one order and ships the other in bol.com's own seller portal.
    setup.sandbox.state.submit_cancellation(cancelled.bol_order_item_id, "OUT_OF_STOCK", base)
    setup.sandbox.state.submit_shipment([(shipped.bol_order_item_id, None)], "TNT",
                                        "3SPORTAL12345", None, None, base)
    await asyncio.sleep(0.2)
    setup.sandbox.state.tick()
    await runner.run(full_sweep=True)
    await runner.run(full_sweep=True)  # a second sweep changes nothing
    with setup.database.unit_of_work() as uow:
        c = uow.session.get(OrderLine, cancelled.id)
        s = uow.session.get(OrderLine, shipped.id)
        assert (c.quantity_cancelled, c.order.status) == (cancelled.quantity, "cancelled")
        assert (s.quantity_shipped, s.order.status) == (shipped.quantity, "shipped")
        kinds = set(uow.session.scalars(select(OutboxEntry.kind).where(
            OutboxEntry.kind.in_(["shipment", "cancellation"]))))
        assert kinds == set()  # nothing queued, nothing posted
        after = {p.id: (p.on_hand, p.reserved) for p in uow.session.scalars(
            select(Product).where(Product.id.in_([cancelled.product_id, shipped.product_id])))}
    on_hand, reserved = before[cancelled.product_id]
    if cancelled.product_id != shipped.product_id:
        assert after[cancelled.product_id] == (on_hand, reserved - cancelled.quantity)
        on_hand, reserved = before[shipped.product_id]
        shipped_out = min(shipped.quantity, on_hand)
        assert after[shipped.product_id][1] == reserved - shipped.quantity
        assert after[shipped.product_id][0] in (on_hand - shipped_out, on_hand)
    assert len(setup.sandbox.state.cancellations()) == 1
    assert len(setup.sandbox.state.shipments()) == 1
