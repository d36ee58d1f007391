"""Shipments, stock pushes and failures through the outbox, against the sandbox."""

from __future__ import annotations

import asyncio

import pytest
import pytest_asyncio
from sqlalchemy import select
from support.sync_setup import sync_setup

from haydigo_desk.bol.retry import RetryPolicy
from haydigo_desk.domain.states import OutboxKind
from haydigo_desk.persistence.models import (
    MarketplaceAccount,
    Order,
    OrderLine,
    OutboxEntry,
    Product,
    Shipment,
    ShipmentLine,
    utcnow,
)
from haydigo_desk.services import stock
from haydigo_desk.sync.client_factory import AccountConnection, build_client
from haydigo_desk.sync.cycle import CycleRunner
from haydigo_desk.sync.events import SyncReport


@pytest.fixture
def setup(database_url):
    s = sync_setup(database_url)
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
    report = await runner.run()
    assert report.outcome == "ok", report.message
    yield runner
    await runner.client.aclose()


def queue_shipment(database, bol_order_id: str, transporter: str, track: str | None,
                   partial: int | None = None) -> tuple[int, int]:
    """What the pick station does: one transaction with shipment, lines and outbox row."""
    with database.unit_of_work() as uow:
        order = uow.session.scalars(select(Order).where(Order.bol_order_id == bol_order_id)).one()
        shipment = Shipment(order_id=order.id, transporter_code=transporter,
                            track_and_trace=track, created_by="test")
        items = []
        for line in order.lines:
            quantity = partial or line.quantity
            shipment.lines.append(ShipmentLine(order_line_id=line.id, quantity=quantity))
            items.append({"order_item_id": line.bol_order_item_id, "quantity": quantity})
        uow.session.add(shipment)
        uow.session.flush()
        entry = OutboxEntry(account_id=order.account_id, kind=OutboxKind.SHIPMENT,
                            shipment_id=shipment.id, next_attempt_at=utcnow(), payload={
                                "bol_order_id": bol_order_id, "items": items,
                                "transporter_code": transporter, "track_and_trace": track})
        uow.session.add(entry)
        uow.commit()
        return shipment.id, entry.id


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
async def test_a_failure_keeps_bol_coms_message(setup, runner):
    bol_order_id = _one_line_order(setup)
    # Shipping more than ordered: bol.com accepts the request, then fails it.
    _, entry_id = queue_shipment(setup.database, bol_order_id, "TNT", "3SABCD1234567", partial=9)
    with setup.database.unit_of_work() as uow:
        entry = uow.session.get(OutboxEntry, entry_id)
        entry.payload = {**entry.payload, "items": [
            {**entry.payload["items"][0], "quantity": 1}]}
        uow.commit()
    # Cancel the item at bol.com behind the desk's back so the shipment must fail there.
    with setup.database.unit_of_work() as uow:
        item = uow.session.scalars(select(OrderLine.bol_order_item_id).join(Order).where(
            Order.bol_order_id == bol_order_id)).one()
    setup.sandbox.state.request_cancellation(item)
    result = await runner.outbox.post_now(entry_id, SyncReport(1, "", utcnow()), wait_seconds=5,
                                          poll_every=0.05)
    assert result.state == "failed"
    assert "cancel" in result.message.lower()
    assert setup.sandbox.state.shipments() == []


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
        item = entry.payload["items"][0]
        # A request bol.com accepts (202) and fails later: the same item twice.
        entry.payload = {**entry.payload, "items": [{**item, "quantity": 1}] * 2}
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

    from haydigo_desk.sync.outbox import confirm_shipment

    with database.unit_of_work() as uow:
        account = make_account(uow.session)
        [product] = make_products(uow.session, account, 1, on_hand=0)
        order = make_order(uow.session, account, "C0OVERSOLD", [(product, 1)])
        shipment = Shipment(order_id=order.id, transporter_code="TNT", track_and_trace="3SX1")
        shipment.lines.append(ShipmentLine(order_line_id=order.lines[0].id, quantity=1))
        uow.session.add(shipment)
        uow.session.flush()
        confirm_shipment(uow.session, shipment)
        uow.commit()
        assert (product.on_hand, product.reserved) == (0, 0)
        assert order.status == "shipped" and order.lines[0].quantity_shipped == 1
