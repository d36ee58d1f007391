"""Claims between two workstations (two engines on one database) and shipment queueing."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select
from support.factories import make_account, make_order, make_products

from haydigo_desk.persistence.database import open_database
from haydigo_desk.persistence.models import Order, OutboxEntry, Shipment
from haydigo_desk.services import lifecycle, shipping
from haydigo_desk.services.claims import StationIdentity, claim_order, release_order
from haydigo_desk.services.picking import PickingService

DESK_1 = StationIdentity("desk-1", "Pieter")
DESK_2 = StationIdentity("desk-2", "Mara")


@pytest.fixture
def order_id(database):
    with database.unit_of_work() as uow:
        account = make_account(uow.session)
        products = make_products(uow.session, account, 2)
        order = make_order(uow.session, account, "C000GUOJ8Q", [(products[0], 2),
                                                                (products[1], 1)])
        uow.commit()
        return order.id


def test_claim_release_and_explicit_take_over(database, order_id):
    assert claim_order(database, order_id, DESK_1).claimed
    assert claim_order(database, order_id, DESK_1).claimed  # re-claiming our own is fine
    refused = claim_order(database, order_id, DESK_2)
    assert not refused.claimed and refused.holder == "Pieter @ desk-1"
    assert claim_order(database, order_id, DESK_2, take_over=True).claimed
    assert not release_order(database, order_id, DESK_1)  # a take-over is not undone
    assert release_order(database, order_id, DESK_2)
    with database.unit_of_work() as uow:
        assert uow.session.get(Order, order_id).claimed_by is None


@pytest.mark.postgres
def test_two_workstations_race_for_one_order(postgres_url):
    """Many desks on separate engines claim at the same instant: exactly one wins."""
    setup = open_database(postgres_url)
    with setup.unit_of_work() as uow:
        account = make_account(uow.session)
        products = make_products(uow.session, account, 1)
        target = make_order(uow.session, account, "C000RACE01", [(products[0], 1)]).id
        uow.commit()
    desks = [open_database(postgres_url, upgrade=False) for _ in range(8)]
    barrier = threading.Barrier(len(desks))
    results: dict[int, bool] = {}

    def contend(index: int) -> None:
        barrier.wait()
        station = StationIdentity(f"desk-{index}", f"picker-{index}")
        results[index] = claim_order(desks[index], target, station).claimed

    for _round in range(5):
        results.clear()
        with setup.unit_of_work() as uow:
            uow.session.get(Order, target).claimed_by = None
            uow.commit()
        threads = [threading.Thread(target=contend, args=(i,)) for i in range(len(desks))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        assert sum(results.values()) == 1
        winner = next(i for i, won in results.items() if won)
        with setup.unit_of_work() as uow:
            assert uow.session.get(Order, target).claimed_by == f"picker-{winner} @ desk-{winner}"
    for db in [*desks, setup]:
        db.dispose()


def _pick_all(database, order_id):
    claim_order(database, order_id, DESK_1)
    service = PickingService(database, DESK_1)
    for line in service.load_order(order_id).lines:
        for _ in range(line.needed):
            assert service.scan_order(order_id, line.ean).accepted


def test_queue_shipment_is_one_transaction_and_posts_once(database, order_id):
    _pick_all(database, order_id)
    first = shipping.queue_shipment(database, order_id, "TNT", "3SABCD1234567", station=DESK_1)
    again = shipping.queue_shipment(database, order_id, "TNT", "3SABCD1234567", station=DESK_1)
    assert again.reused and again.shipment_id == first.shipment_id
    with database.unit_of_work() as uow:
        entry = uow.session.get(OutboxEntry, first.outbox_entry_id)
        assert entry.kind == "shipment" and entry.state == "queued"
        assert entry.payload["bol_order_id"] == "C000GUOJ8Q"
        assert sorted(i["quantity"] for i in entry.payload["items"]) == [1, 2]
        assert entry.payload["transporter_code"] == "TNT"
        assert uow.session.scalar(select(func.count()).select_from(OutboxEntry)
                                  .where(OutboxEntry.kind == "shipment")) == 1
        assert uow.session.get(Order, order_id).status == "packed"


@pytest.mark.parametrize(("carrier", "code", "reason"), [
    ("TNT", "", shipping.Refusal.TRACK_AND_TRACE),
    ("TNT", "3S ABC", shipping.Refusal.TRACK_AND_TRACE),
    ("TNT", "ABC123", shipping.Refusal.TRACK_AND_TRACE),  # unknown format, not confirmed
    ("NOPE", "X1", shipping.Refusal.UNKNOWN_TRANSPORTER),
])
def test_bad_transport_is_refused(database, order_id, carrier, code, reason):
    _pick_all(database, order_id)
    with pytest.raises(shipping.ShipmentRefused) as refused:
        shipping.queue_shipment(database, order_id, carrier, code, station=DESK_1)
    assert refused.value.reason is reason


def test_empty_track_and_trace_where_allowed_and_partial(database, order_id):
    claim_order(database, order_id, DESK_1)
    service = PickingService(database, DESK_1)
    ean = service.load_order(order_id).lines[0].ean
    service.scan_order(order_id, ean)
    with pytest.raises(shipping.ShipmentRefused) as refused:
        shipping.queue_shipment(database, order_id, "BRIEFPOST", "", station=DESK_1)
    assert refused.value.reason is shipping.Refusal.PARTIAL_NOT_CONFIRMED
    queued = shipping.queue_shipment(database, order_id, "BRIEFPOST", "", station=DESK_1,
                                     confirm_partial=True)
    assert queued.partial
    with database.unit_of_work() as uow:
        shipment = uow.session.get(Shipment, queued.shipment_id)
        assert shipment.track_and_trace is None
        assert [line.quantity for line in shipment.lines] == [1]


def test_resend_keeps_the_failed_shipment(database, order_id):
    _pick_all(database, order_id)
    first = shipping.queue_shipment(database, order_id, "TNT", "3SABCD1234567", station=DESK_1)
    with pytest.raises(shipping.ShipmentRefused):
        shipping.resend_shipment(database, first.shipment_id, "TNT", "3SABCD7654321",
                                 station=DESK_1)
    with database.unit_of_work() as uow:  # what the worker does on a FAILURE
        uow.session.get(Shipment, first.shipment_id).state = "failed"
        uow.session.get(OutboxEntry, first.outbox_entry_id).state = "failed"
        uow.commit()
    second = shipping.resend_shipment(database, first.shipment_id, "DHL",
                                      "JVGL0123456789012345", station=DESK_1)
    assert second.shipment_id != first.shipment_id and not second.reused
    status = shipping.shipment_status(database, second.shipment_id)
    assert (status.state, status.transporter_code, status.outbox_state) == (
        "queued", "DHL", "queued")
    assert shipping.shipment_status(database, first.shipment_id).state == "failed"


def test_a_cancelled_line_goes_back_first_then_the_rest_ships(database, order_id):
    """One item of a two-item order is cancelled after picking: its units must go back
    before the parcel is closed, and the shipment holds exactly the remaining item."""
    _pick_all(database, order_id)
    with database.unit_of_work() as uow:
        order = uow.session.get(Order, order_id)
        first = order.lines[0]
        lifecycle.apply_bol_item(uow.session, order, first, shipped=0, cancelled=0,
                                 cancellation_request=True)
        uow.commit()
        kept = order.lines[1].bol_order_item_id
    with pytest.raises(shipping.ShipmentRefused) as refused:
        shipping.queue_shipment(database, order_id, "TNT", "3SABCD1234567", station=DESK_1)
    assert refused.value.reason is shipping.Refusal.PUT_BACK_FIRST
    put_back = PickingService(database, DESK_1).put_back_order(order_id)
    assert [(p.quantity, p.ean) for p in put_back] == [(2, first.ean)]
    queued = shipping.queue_shipment(database, order_id, "TNT", "3SABCD1234567", station=DESK_1)
    assert not queued.partial  # nothing else is open: the cancelled line is not "missing"
    with database.unit_of_work() as uow:
        entry = uow.session.get(OutboxEntry, queued.outbox_entry_id)
        assert [i["order_item_id"] for i in entry.payload["items"]] == [kept]
        assert uow.session.get(Order, order_id).status == "packed"
