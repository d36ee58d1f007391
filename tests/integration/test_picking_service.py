"""Picking use cases on SQLite and PostgreSQL: scans, batch picking, put back, scan log."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from support.factories import make_account, make_order, make_pick_list, make_products

from haydigo_desk.domain.scanning import ScanResult
from haydigo_desk.persistence.models import OrderLine, PickListLine, ScanLogEntry
from haydigo_desk.services.claims import StationIdentity, claim_order
from haydigo_desk.services.picking import PickingService

STATION = StationIdentity("desk-1", "Pieter")


@pytest.fixture
def setup(database):
    with database.unit_of_work() as uow:
        account = make_account(uow.session)
        products = make_products(uow.session, account, 4)
        order = make_order(uow.session, account, "C000GUOJ8Q",
                           [(products[0], 2), (products[1], 1)])
        other = make_order(uow.session, account, "C000OTHER1", [(products[0], 1)])
        pick_list = make_pick_list(uow.session, [order, other], code="PL-000042")
        uow.commit()
        ids = (order.id, other.id, pick_list.id, [p.ean for p in products])
    return database, *ids


def test_find_work_by_pick_list_code_and_order_id(setup):
    database, order_id, _other, pick_list_id, _eans = setup
    service = PickingService(database, STATION)
    assert service.find_work("PL-000042").id == pick_list_id
    assert service.find_work(" pl-000042 ").kind == "pick_list"
    assert service.find_work("C000GUOJ8Q").id == order_id
    assert service.find_work("C000NOPE00") is None


def test_order_scans_count_and_refusals_change_nothing(setup):
    database, order_id, _other, _pl, eans = setup
    service = PickingService(database, STATION)
    claim_order(database, order_id, STATION)
    assert service.scan_order(order_id, eans[0]).result is ScanResult.OK
    assert service.scan_order(order_id, eans[0]).result is ScanResult.OK
    assert service.scan_order(order_id, eans[0]).result is ScanResult.TOO_MANY
    assert service.scan_order(order_id, eans[2]).result is ScanResult.NOT_IN_ORDER
    bad = eans[1][:-1] + str((int(eans[1][-1]) + 1) % 10)
    assert service.scan_order(order_id, bad).result is ScanResult.BAD_CHECK_DIGIT
    assert service.scan_order(order_id, "HELLO?").result is ScanResult.UNKNOWN_CODE
    work = service.load_order(order_id)
    assert [(line.ean, line.picked, line.needed) for line in work.lines] == [
        (eans[0], 2, 2), (eans[1], 0, 1)]
    assert service.scan_order(order_id, eans[1]).result is ScanResult.OK
    assert service.load_order(order_id).complete
    with database.unit_of_work() as uow:
        log = uow.session.scalars(select(ScanLogEntry).order_by(ScanLogEntry.id)).all()
        assert [entry.result for entry in log] == [
            "ok", "ok", "too_many", "not_in_order", "bad_check_digit", "unknown_code", "ok"]
        assert {(entry.workstation, entry.user_name) for entry in log} == {("desk-1", "Pieter")}


def test_quantity_entry_and_cancelled_line(setup):
    database, order_id, _other, _pl, eans = setup
    service = PickingService(database, STATION)
    claim_order(database, order_id, STATION)
    assert service.scan_order(order_id, eans[0], quantity=3).result is ScanResult.TOO_MANY
    assert service.scan_order(order_id, f"2*{eans[0]}").result is ScanResult.OK
    with database.unit_of_work() as uow:  # the sync cancels the first line after picking
        line = uow.session.scalars(select(OrderLine).where(
            OrderLine.order_id == order_id, OrderLine.ean == eans[0])).one()
        line.quantity_cancelled = 2
        uow.commit()
    assert service.scan_order(order_id, eans[0]).result is ScanResult.LINE_CANCELLED
    put_back = service.put_back_order(order_id)
    assert [(p.ean, p.quantity) for p in put_back] == [(eans[0], 2)]
    assert service.load_order(order_id).put_back == ()


def test_scan_without_the_claim_is_refused(setup):
    database, order_id, _other, _pl, eans = setup
    service = PickingService(database, STATION)
    claim_order(database, order_id, StationIdentity("desk-2", "Mara"))
    outcome = service.scan_order(order_id, eans[0])
    assert outcome.result is ScanResult.CLAIM_LOST
    assert outcome.holder == "Mara @ desk-2"
    assert service.load_order(order_id).units_picked == 0


def test_batch_picking_totals_and_spread(setup):
    database, _order_id, _other, pick_list_id, eans = setup
    service = PickingService(database, STATION)
    work = service.load_pick_list(pick_list_id)
    totals = {line.ean: (line.picked, line.needed) for line in work.lines}
    assert totals == {eans[0]: (0, 3), eans[1]: (0, 1)}
    assert [o.bol_order_id for o in work.orders] == ["C000GUOJ8Q", "C000OTHER1"]
    assert service.scan_batch(pick_list_id, f"3*{eans[0]}").result is ScanResult.OK
    assert service.scan_batch(pick_list_id, eans[0]).result is ScanResult.TOO_MANY
    assert service.scan_batch(pick_list_id, eans[1]).result is ScanResult.OK
    work = service.load_pick_list(pick_list_id)
    assert work.complete and work.status == "in_progress"
    with database.unit_of_work() as uow:
        picked = sorted(uow.session.scalars(select(PickListLine.quantity_picked)).all())
    assert picked == [1, 1, 2]


def test_batch_put_back_after_cancelled_order(setup):
    database, _order_id, other_id, pick_list_id, eans = setup
    service = PickingService(database, STATION)
    service.scan_batch(pick_list_id, f"3*{eans[0]}")
    with database.unit_of_work() as uow:
        line = uow.session.scalars(select(OrderLine).where(OrderLine.order_id == other_id)).one()
        line.quantity_cancelled = 1
        uow.commit()
    put_back = service.put_back_pick_list(pick_list_id)
    assert [(p.ean, p.quantity) for p in put_back] == [(eans[0], 1)]
    totals = {line.ean: (line.picked, line.needed)
              for line in service.load_pick_list(pick_list_id).lines}
    assert totals[eans[0]] == (2, 2)
