"""The order lifecycle through the service layer, on SQLite and PostgreSQL (issue: one owner
for every state change). Each test is a sequence a warehouse lives through."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from support.factories import make_account, make_products

from haydigo_desk.domain.lifecycle import LifecycleError, LinePhase
from haydigo_desk.domain.outbox_payloads import CancellationPayload, ShipmentPayload
from haydigo_desk.persistence.models import (
    MarketplaceAccount,
    Order,
    OrderLine,
    OutboxEntry,
    PickList,
    Product,
    ScanLogEntry,
    Shipment,
    StockMovement,
)
from haydigo_desk.services import lifecycle, picklists, shipping
from haydigo_desk.services.claims import StationIdentity, claim_order
from haydigo_desk.services.picking import PickingService

STATION = StationIdentity("desk-1", "Pieter")


def import_order(session, account, bol_order_id, items):
    """An order as the sync imports it: items are (product, quantity)."""
    order = Order(account_id=account.id, bol_order_id=bol_order_id, customer_name="Jan")
    lines = [lifecycle.NewLine(f"{bol_order_id}-{i}", quantity, product, ean=product.ean,
                               title=product.title)
             for i, (product, quantity) in enumerate(items, start=1)]
    return lifecycle.import_order(session, order, lines).order


@pytest.fixture
def shop(database):
    with database.unit_of_work() as uow:
        account = make_account(uow.session)
        products = make_products(uow.session, account, 3, on_hand=10)
        uow.commit()
        return database, account.id, [p.id for p in products]


def _products(session, ids):
    return [session.get(Product, i) for i in ids]


def _outbox(session, kind):
    return session.scalars(select(OutboxEntry).where(OutboxEntry.kind == kind)
                           .order_by(OutboxEntry.id)).all()


def test_a_partial_cancellation_after_picking_ships_exactly_the_rest(shop):
    database, account_id, product_ids = shop
    with database.unit_of_work() as uow:
        lamp, vase, _ = _products(uow.session, product_ids)
        account = uow.session.get(MarketplaceAccount, account_id)
        order = import_order(uow.session, account, "C00PARTIAL", [(lamp, 1), (vase, 2)])
        pick_list_id = picklists.create_pick_list(uow.session, [order.id]).pick_list.id
        uow.commit()
        order_id, lamp_ean, vase_ean = order.id, lamp.ean, vase.ean
        lamp_line, vase_line = (line.id for line in order.lines)
    service = PickingService(database, STATION)
    claim_order(database, order_id, STATION)
    for ean in (lamp_ean, vase_ean, vase_ean):
        assert service.scan_order(order_id, ean).accepted
    # The customer cancels the lamp; the sync answers the request.
    with database.unit_of_work() as uow:
        order = uow.session.get(Order, order_id)
        line = uow.session.get(OrderLine, lamp_line)
        outcome = lifecycle.apply_bol_item(uow.session, order, line, shipped=0, cancelled=0,
                                           cancellation_request=True)
        assert outcome.cancellation_queued
        [row] = _outbox(uow.session, "cancellation")
        assert CancellationPayload.from_json(row.payload).order_item_id == "C00PARTIAL-1"
        assert line.quantity_reserved == 0
        assert uow.session.get(Product, line.product_id).reserved == 0
        uow.commit()
    assert [(v.ean, v.put_back) for v in service.load_order(order_id).put_back] == [(lamp_ean, 1)]
    with database.unit_of_work() as uow:  # bol.com accepted our cancellation
        lifecycle.cancellation_answered(uow.session, lamp_line, accepted=True)
        uow.commit()
        assert uow.session.get(OrderLine, lamp_line).cancellation == "accepted"
        assert uow.session.get(Order, order_id).status == "picking"  # not stuck, not cancelled
    with pytest.raises(shipping.ShipmentRefused):  # the lamp is still in the box
        shipping.queue_shipment(database, order_id, "TNT", "3SABCD1234567", station=STATION)
    assert [(p.ean, p.quantity) for p in service.put_back_order(order_id)] == [(lamp_ean, 1)]
    queued = shipping.queue_shipment(database, order_id, "TNT", "3SABCD1234567", station=STATION)
    with database.unit_of_work() as uow:
        payload = ShipmentPayload.from_json(
            uow.session.get(OutboxEntry, queued.outbox_entry_id).payload)
        assert [(i.order_item_id, i.quantity) for i in payload.items] == [("C00PARTIAL-2", 2)]
        assert lifecycle.shipment_confirmed(uow.session, queued.shipment_id)
        uow.commit()
        order = uow.session.get(Order, order_id)
        assert order.status == "shipped" and order.claimed_by is None
        assert uow.session.get(PickList, pick_list_id).status == "done"
        vase_row = uow.session.get(OrderLine, vase_line)
        assert (vase_row.quantity_shipped, vase_row.quantity_reserved) == (2, 0)
        vase = uow.session.get(Product, vase_row.product_id)
        assert (vase.on_hand, vase.reserved) == (8, 0)
        log = uow.session.scalars(select(ScanLogEntry.result)).all()
        assert log.count("put_back") == 1


def test_a_cancellation_during_batch_picking_puts_back_exactly_its_units(shop):
    """Three orders share a product on one pick list; one is shipped, then another is
    cancelled: the put-back names only the cancelled order's unit."""
    database, account_id, product_ids = shop
    with database.unit_of_work() as uow:
        lamp, vase, _ = _products(uow.session, product_ids)
        lamp.location.code = "A-01"
        account = uow.session.get(MarketplaceAccount, account_id)
        first = import_order(uow.session, account, "C00BATCH01", [(lamp, 1)])
        second = import_order(uow.session, account, "C00BATCH02", [(lamp, 1)])
        third = import_order(uow.session, account, "C00BATCH03", [(lamp, 1), (vase, 1)])
        pick_list_id = picklists.create_pick_list(
            uow.session, [first.id, second.id, third.id]).pick_list.id
        uow.commit()
        ids = (first.id, second.id, third.id)
        lamp_ean, vase_ean = lamp.ean, vase.ean
        third_lamp = third.lines[0].id
    service = PickingService(database, STATION)
    assert service.scan_batch(pick_list_id, f"3*{lamp_ean}").accepted
    assert service.scan_batch(pick_list_id, vase_ean).accepted
    # The first order is packed from the cart and shipped.
    claim_order(database, ids[0], STATION)
    assert service.scan_order(ids[0], lamp_ean).accepted
    queued = shipping.queue_shipment(database, ids[0], "TNT", "3SABCD1234567", station=STATION)
    with database.unit_of_work() as uow:
        lifecycle.shipment_confirmed(uow.session, queued.shipment_id)
        # Now the customer of the third order cancels the lamp.
        third = uow.session.get(Order, ids[2])
        lifecycle.apply_bol_item(uow.session, third, uow.session.get(OrderLine, third_lamp),
                                 shipped=0, cancelled=0, cancellation_request=True)
        uow.commit()
    work = service.load_pick_list(pick_list_id)
    assert [(v.ean, v.put_back) for v in work.lines if v.put_back] == [(lamp_ean, 1)]
    put_back = service.put_back_pick_list(pick_list_id)
    assert [(p.ean, p.location, p.quantity) for p in put_back] == [(lamp_ean, "A-01", 1)]
    with database.unit_of_work() as uow:
        rows = uow.session.scalars(select(ScanLogEntry).where(
            ScanLogEntry.result == "put_back")).all()
        assert [(r.code, r.detail.split(" x ")[0]) for r in rows] == [(lamp_ean, "1")]
    after = service.load_pick_list(pick_list_id)
    lamp_total = next(v for v in after.lines if v.ean == lamp_ean)
    # Two lamps were taken and are wanted (one shipped, one on the cart for order two).
    assert (lamp_total.picked, lamp_total.needed, lamp_total.put_back) == (2, 2, 0)
    assert service.put_back_pick_list(pick_list_id) == ()  # nothing twice


def test_bol_side_cancel_and_ship_have_the_same_effects_and_post_nothing(shop):
    database, account_id, product_ids = shop
    with database.unit_of_work() as uow:
        lamp, vase, _ = _products(uow.session, product_ids)
        account = uow.session.get(MarketplaceAccount, account_id)
        order = import_order(uow.session, account, "C00BOLSIDE", [(lamp, 2), (vase, 1)])
        lamp_line, vase_line = order.lines
        assert (lamp.reserved, vase.reserved) == (2, 1)
        # bol.com cancels one lamp itself and ships the vase itself.
        lifecycle.apply_bol_item(uow.session, order, lamp_line, shipped=0, cancelled=1,
                                 cancellation_request=False)
        lifecycle.apply_bol_item(uow.session, order, vase_line, shipped=1, cancelled=0,
                                 cancellation_request=False)
        assert (lamp.reserved, lamp.on_hand) == (1, 10)
        assert (vase.reserved, vase.on_hand) == (0, 9)
        assert lamp_line.counts().open == 1 and vase_line.counts().phase is LinePhase.SHIPPED
        assert _outbox(uow.session, "cancellation") == []
        assert _outbox(uow.session, "shipment") == []
        # The same answer again, or an older one, changes nothing.
        for shipped, cancelled in ((0, 1), (0, 0)):
            again = lifecycle.apply_bol_item(uow.session, order, lamp_line, shipped=shipped,
                                             cancelled=cancelled, cancellation_request=False)
            assert not again.changed
        assert order.status == "picking"  # the vase left: the order is under way
        lifecycle.apply_bol_item(uow.session, order, lamp_line, shipped=1, cancelled=1,
                                 cancellation_request=False)
        assert order.status == "shipped" and lamp.reserved == 0 and lamp.on_hand == 9


def test_bol_side_shipment_withdraws_our_unsent_shipment(shop):
    database, account_id, product_ids = shop
    with database.unit_of_work() as uow:
        lamp = _products(uow.session, product_ids)[0]
        account = uow.session.get(MarketplaceAccount, account_id)
        order = import_order(uow.session, account, "C00WITHDRW", [(lamp, 1)])
        uow.commit()
        order_id, line_id = order.id, order.lines[0].id
    claim_order(database, order_id, STATION)
    assert PickingService(database, STATION).scan_order(order_id, lamp.ean).accepted
    queued = shipping.queue_shipment(database, order_id, "TNT", "3SABCD1234567", station=STATION)
    with database.unit_of_work() as uow:
        order = uow.session.get(Order, order_id)
        lifecycle.apply_bol_item(uow.session, order, uow.session.get(OrderLine, line_id),
                                 shipped=1, cancelled=0, cancellation_request=False)
        uow.commit()
        assert uow.session.get(Shipment, queued.shipment_id).state == "cancelled"
        assert uow.session.get(OutboxEntry, queued.outbox_entry_id).state == "cancelled"
        assert order.status == "shipped"
        product = uow.session.get(Product, lamp.id)
        assert (product.on_hand, product.reserved) == (9, 0)


def test_events_in_another_order_count_once(shop):
    """bol.com's listing reports our shipment before our process status does; bol.com
    cancels the item before our cancellation's answer arrives."""
    database, account_id, product_ids = shop
    with database.unit_of_work() as uow:
        lamp, vase, _ = _products(uow.session, product_ids)
        account = uow.session.get(MarketplaceAccount, account_id)
        order = import_order(uow.session, account, "C00ORDERED", [(lamp, 1), (vase, 1)])
        lamp_line, vase_line = order.lines
        assert lifecycle.pick_into_box(uow.session, order.id, lamp_line.id, 1)
        lamp_line = uow.session.get(OrderLine, lamp_line.id)
        shipment, _ = lifecycle.queue_shipment(
            uow.session, order, [(lamp_line, 1)], transporter_code="TNT",
            track_and_trace=None, shipment_reference=None, created_by="t", workstation="d")
        lifecycle.shipment_sent(uow.session, shipment.id)
        lifecycle.apply_bol_item(uow.session, order, lamp_line, shipped=1, cancelled=0,
                                 cancellation_request=False)
        assert lifecycle.shipment_confirmed(uow.session, shipment.id)
        assert not lifecycle.shipment_confirmed(uow.session, shipment.id)  # a repeat
        assert (lamp_line.quantity_shipped, lamp.on_hand, lamp.reserved) == (1, 9, 0)
        shipped_moves = uow.session.scalar(select(func.count(StockMovement.id)).where(
            StockMovement.order_line_id == lamp_line.id, StockMovement.reason == "shipped"))
        assert shipped_moves == 1
        lifecycle.apply_bol_item(uow.session, order, vase_line, shipped=0, cancelled=0,
                                 cancellation_request=True)
        lifecycle.apply_bol_item(uow.session, order, vase_line, shipped=0, cancelled=1,
                                 cancellation_request=True)
        lifecycle.cancellation_answered(uow.session, vase_line.id, accepted=True)
        assert (vase_line.quantity_cancelled, vase_line.cancellation) == (1, "accepted")
        assert (vase.reserved, vase.on_hand) == (0, 10)
        [row] = _outbox(uow.session, "cancellation")
        assert row.state == "done"  # bol.com cancelled it first: nothing was sent
        assert order.status == "shipped"


def test_numbers_that_do_not_add_up_are_refused_and_change_nothing(shop):
    database, account_id, product_ids = shop
    with database.unit_of_work() as uow:
        lamp = _products(uow.session, product_ids)[0]
        account = uow.session.get(MarketplaceAccount, account_id)
        order = import_order(uow.session, account, "C00BADNUMS", [(lamp, 2)])
        line = order.lines[0]
        with pytest.raises(LifecycleError, match=r"shipped 2 \+ cancelled 1 of 2"):
            lifecycle.apply_bol_item(uow.session, order, line, shipped=2, cancelled=1,
                                     cancellation_request=False)
        assert (line.quantity_shipped, line.quantity_cancelled, lamp.reserved) == (0, 0, 2)
        with pytest.raises(LifecycleError):
            import_order(uow.session, account, "C00BADNUMS2", [(lamp, 0)])
        # A request for an item that is already shipped asks nothing of bol.com.
        lifecycle.apply_bol_item(uow.session, order, line, shipped=2, cancelled=0,
                                 cancellation_request=False)
        after = lifecycle.apply_bol_item(uow.session, order, line, shipped=2, cancelled=0,
                                         cancellation_request=True)
        assert not after.cancellation_queued and _outbox(uow.session, "cancellation") == []
