"""Shipments, stock pushes and failures through the outbox, against the sandbox."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import pytest
from sqlalchemy import select

from haydigo_desk.domain.outbox_payloads import ShipmentItem, ShipmentPayload
from haydigo_desk.persistence.models import (
    Order,
    OrderLine,
    OutboxEntry,
    Product,
    Shipment,
    utcnow,
)
from haydigo_desk.services import lifecycle, shipping, stock
from haydigo_desk.services.claims import StationIdentity
from haydigo_desk.sync.events import SyncReport


def queue_shipment(database, bol_order_id: str, transporter: str, track: str | None,
                   partial: int | None = None) -> tuple[int, int]:
    """What the pick station does: scan the units into the box, then queue the shipment."""
    with database.unit_of_work() as uow:
        order = uow.session.scalars(select(Order).where(Order.bol_order_id == bol_order_id)).one()
        order_id = order.id
        for line in order.lines:
            assert lifecycle.pick_into_box(uow.session, order_id, line.id,
                                           partial or line.quantity)
        uow.commit()
    queued = shipping.queue_shipment(database, order_id, transporter, track,
                                     station=StationIdentity("desk-1", "test"),
                                     confirm_partial=partial is not None)
    return queued.shipment_id, queued.outbox_entry_id


def _one_line_order(setup) -> str:
    """An order of one line whose product has the units on the shelf (not oversold)."""
    with setup.database.unit_of_work() as uow:
        for order in uow.session.scalars(select(Order).order_by(Order.id)):
            [*lines] = order.lines
            if len(lines) == 1 and lines[0].product.on_hand >= lines[0].quantity:
                return order.bol_order_id
    raise AssertionError("the seeded sandbox has no one-line order")


@pytest.mark.asyncio
async def test_a_shipment_is_posted_confirmed_and_takes_stock_out(setup, runner):
    bol_order_id = _one_line_order(setup)
    with setup.database.unit_of_work() as uow:
        line = uow.session.scalars(
            select(OrderLine).join(Order).where(Order.bol_order_id == bol_order_id)).one()
        product_id, quantity = line.product_id, line.quantity
        before = uow.session.get(Product, product_id)
        on_hand, reserved = before.on_hand, before.reserved
    shipment_id, entry_id = queue_shipment(setup.database, bol_order_id, "TNT", "3SABCD1234567")
    result = await runner.outbox.post_now(entry_id, SyncReport(1, "", utcnow()), wait_seconds=5,
                                          poll_every=0.05)
    assert result.state == "done", result.message
    shipments = [s for s in setup.sandbox.state.shipments() if s["orderId"] == bol_order_id]
    assert len(shipments) == 1
    assert (shipments[0]["transporterCode"], shipments[0]["trackAndTrace"]) == (
        "TNT", "3SABCD1234567")
    with setup.database.unit_of_work() as uow:
        assert uow.session.get(Shipment, shipment_id).state == "confirmed"
        order = uow.session.scalars(select(Order).where(Order.bol_order_id == bol_order_id)).one()
        assert order.status == "shipped" and order.lines[0].quantity_shipped == quantity
        product = uow.session.get(Product, product_id)
        assert (product.on_hand, product.reserved) == (on_hand - quantity, reserved - quantity)
    # Posting the same row again changes nothing at bol.com.
    again = await runner.outbox.post_now(entry_id, SyncReport(1, "", utcnow()), wait_seconds=1)
    assert again.state == "done"
    assert len([s for s in setup.sandbox.state.shipments() if s["orderId"] == bol_order_id]) == 1


@pytest.mark.asyncio
async def test_a_cancellation_found_at_the_last_look_withdraws_the_shipment(setup, runner):
    bol_order_id = _one_line_order(setup)
    _, entry_id = queue_shipment(setup.database, bol_order_id, "TNT", "3SABCD1234567")
    # The customer asks bol.com to cancel after the box was packed, before the post.
    with setup.database.unit_of_work() as uow:
        item = uow.session.scalars(select(OrderLine.bol_order_item_id).join(Order).where(
            Order.bol_order_id == bol_order_id)).one()
    setup.sandbox.state.request_cancellation(item)
    report = SyncReport(1, "", utcnow())
    result = await runner.outbox.post_now(entry_id, report, wait_seconds=5, poll_every=0.05)
    assert result.state == "cancelled"
    assert "cancel" in result.message.lower()
    assert setup.sandbox.state.shipments() == []
    assert report.cancellations == 1  # the request is answered through the outbox
    with setup.database.unit_of_work() as uow:
        line = uow.session.scalars(select(OrderLine).where(
            OrderLine.bol_order_item_id == item)).one()
        shipment = uow.session.get(Shipment, uow.session.get(OutboxEntry, entry_id).shipment_id)
        assert shipment.state == "cancelled" and "cancel" in shipment.error.lower()
        assert line.cancellation == "requested" and line.counts().put_back == line.quantity


@pytest.mark.asyncio
async def test_stock_change_at_the_desk_is_pushed_once_with_the_latest_value(setup, runner):
    with setup.database.unit_of_work() as uow:
        product = uow.session.scalars(select(Product).order_by(Product.id)).first()
        offer_id = product.offer_id
        stock.adjust(uow.session, product, 5, reason="goods receipt", user_name="t")
        stock.adjust(uow.session, product, -2, reason="damaged", user_name="t")
        expected = product.on_hand - product.reserved
        uow.commit()
    report = await runner.run()
    assert report.stock_updates_sent == 1
    pushed = setup.sandbox.state.offer_stock()[offer_id]
    assert (pushed["amount"], pushed["managedByRetailer"]) == (expected, True)
    quiet = await runner.run()
    assert quiet.stock_updates_sent == 0


@pytest.mark.asyncio
async def test_network_down_keeps_rows_queued_then_sends_them(setup, runner):
    with setup.database.unit_of_work() as uow:
        product = uow.session.scalars(select(Product).order_by(Product.id)).first()
        offer_id = product.offer_id
        stock.adjust(uow.session, product, 3, reason="receipt", user_name="t")
        uow.commit()
    setup.sandbox.state.set_faults(error_rate=1.0)
    report = await runner.run()
    assert report.outcome == "failed"
    with setup.database.unit_of_work() as uow:
        assert uow.session.scalars(select(OutboxEntry.state).where(
            OutboxEntry.kind == "stock", OutboxEntry.state == "queued")).all() == ["queued"]
        uow.session.execute(OutboxEntry.__table__.update().values(next_attempt_at=utcnow()))
        uow.commit()
    setup.sandbox.state.set_faults(error_rate=0.0)
    await asyncio.sleep(0)
    report = await runner.run()
    assert report.outcome == "ok" and report.stock_updates_sent == 1
    assert offer_id in setup.sandbox.state.offer_stock()


@pytest.mark.asyncio
async def test_a_failure_reported_by_bol_com_is_kept_with_its_text(setup, runner):
    bol_order_id = _one_line_order(setup)
    _, entry_id = queue_shipment(setup.database, bol_order_id, "TNT", "3SABCD1234567")
    with setup.database.unit_of_work() as uow:
        entry = uow.session.get(OutboxEntry, entry_id)
        payload = ShipmentPayload.from_json(entry.payload)
        # A request bol.com accepts (202) and fails later: the same item twice.
        item = ShipmentItem(payload.items[0].order_item_id, 1)
        entry.payload = replace(payload, items=(item, item)).to_json()
        uow.commit()
    result = await runner.outbox.post_now(entry_id, SyncReport(1, "", utcnow()), wait_seconds=5,
                                          poll_every=0.05)
    assert result.state == "failed"
    assert "duplicate order item" in result.message
    with setup.database.unit_of_work() as uow:
        shipment = uow.session.get(Shipment, uow.session.get(OutboxEntry, entry_id).shipment_id)
        assert shipment.state == "failed" and "duplicate order item" in shipment.error


def test_shipping_an_oversold_line_frees_the_reservation_and_keeps_the_count(database):
    """bol.com sold a unit the shelf count says is not there: confirming the shipment must not
    make on_hand negative; the reservation is released and the count stays for correction."""
    from support.factories import make_account, make_order, make_products

    with database.unit_of_work() as uow:
        account = make_account(uow.session)
        [product] = make_products(uow.session, account, 1, on_hand=0)
        order = make_order(uow.session, account, "C0OVERSOLD", [(product, 1)])
        line = order.lines[0]
        assert lifecycle.pick_into_box(uow.session, order.id, line.id, 1)
        shipment, _entry = lifecycle.queue_shipment(
            uow.session, order, [(line, 1)], transporter_code="TNT", track_and_trace="3SX1",
            shipment_reference=None, created_by="test", workstation="desk-1")
        assert lifecycle.shipment_confirmed(uow.session, shipment.id)
        uow.commit()
        assert (product.on_hand, product.reserved) == (0, 0)
        assert order.status == "shipped" and order.lines[0].quantity_shipped == 1
