"""Product, outbox, sync log and staff services on both databases."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from support.factories import (
    ean13,
    make_account,
    make_failed_shipment,
    make_order,
    make_products,
    make_staff,
    queue_stock_row,
)

from haydigo_desk.context import StaffIdentity
from haydigo_desk.domain.states import OutboxState, ShipmentState
from haydigo_desk.persistence.models import Location, OutboxEntry, Shipment, SyncRun
from haydigo_desk.services import outbox_queries, product_queries, staff, sync_log
from haydigo_desk.services.outbox_queries import OutboxError
from haydigo_desk.services.product_queries import ProductQueryError


def test_products_page_search_and_dto(database):
    with database.unit_of_work() as uow:
        account = make_account(uow.session)
        products = make_products(uow.session, account, 25, on_hand=4)
        make_order(uow.session, account, "B1", [(products[0], 3)])
        uow.commit()
        list_id = account.product_list_id
    with database.unit_of_work() as uow:
        page = product_queries.list_products(uow.session, product_list_id=list_id, limit=10)
        assert (page.total, len(page.rows), page.has_next) == (25, 10, True)
        assert not page.has_previous
        last = product_queries.list_products(uow.session, offset=20, limit=10)
        assert len(last.rows) == 5 and not last.has_next and last.has_previous
        found = product_queries.list_products(uow.session, search=ean13(1)).rows
        assert len(found) == 1
        row = found[0]
        assert (row.sku, row.on_hand, row.reserved, row.available) == ("SKU-00001", 4, 3, 1)
        assert (row.bol_stock_amount, row.offer_id, row.location_code) == (4, "offer-1", "A-2-1")
        assert product_queries.list_products(uow.session, search="sku-0001").total == 10
        assert product_queries.list_products(uow.session, search="a-12-").total == 2
        assert product_queries.list_products(uow.session, search="100%").total == 0
        assert [pl.name for pl in product_queries.list_product_lists(uow.session)] == ["Demo Shop"]


def test_set_location_creates_reuses_and_clears(database):
    with database.unit_of_work() as uow:
        account = make_account(uow.session)
        first, second = make_products(uow.session, account, 2)
        uow.commit()
    with database.unit_of_work() as uow:
        assert product_queries.set_location(uow.session, first.id, " b-07- 3 ").location_code == (
            "B-07- 3"
        )
        assert product_queries.set_location(uow.session, second.id, "B-07- 3").location_code == (
            "B-07- 3"
        )
        assert product_queries.set_location(uow.session, first.id, "").location_code == ""
        with pytest.raises(ProductQueryError, match="at most 40"):
            product_queries.set_location(uow.session, first.id, "X" * 41)
        with pytest.raises(ProductQueryError, match="no longer exists"):
            product_queries.set_location(uow.session, 9999, "A-1")
        uow.commit()
    with database.unit_of_work() as uow:
        codes = uow.session.scalars(select(Location.code).where(Location.code.like("B-%"))).all()
        assert codes == ["B-07- 3"]


@pytest.fixture
def outbox(database):
    with database.unit_of_work() as uow:
        account = make_account(uow.session)
        queued = queue_stock_row(uow.session, account, "offer-9", 4)
        shipment_id, _entry = make_failed_shipment(
            uow.session, account, "C0001", "TNT", "3SABCD1234567",
            "Track and trace code is not valid for transporter TNT", attempts=3)
        rows = [
            queued,
            uow.session.get(OutboxEntry, _entry),
            queue_stock_row(uow.session, account, "offer-8", 1, state=OutboxState.DONE),
            queue_stock_row(uow.session, account, "offer-7", 2, state=OutboxState.SENT,
                            process_status_id="77"),
        ]
        uow.commit()
        return {row.state: row.id for row in rows}, shipment_id


def test_outbox_lists_open_rows_failed_first_with_bol_message(database, outbox):
    with database.unit_of_work() as uow:
        rows = outbox_queries.list_outbox(uow.session)
    assert [r.state for r in rows] == ["failed", "queued", "sent"]
    failed = rows[0]
    assert failed.summary == "Shipment of order C0001 via TNT (3SABCD1234567)"
    assert failed.last_error.startswith("Track and trace") and failed.attempts == 3
    assert rows[1].summary == "Stock 4 for offer offer-9" and rows[1].account_name == "bol NL"


def test_outbox_retry_and_cancel(database, outbox):
    ids, shipment_id = outbox
    with database.unit_of_work() as uow:
        row = outbox_queries.retry(uow.session, ids[OutboxState.FAILED])
        assert row.state == "queued"
        assert row.next_attempt_at <= datetime.now(UTC) + timedelta(seconds=1)
        uow.commit()
    with database.unit_of_work() as uow:
        assert uow.session.get(Shipment, shipment_id).state == ShipmentState.QUEUED
        row = outbox_queries.cancel(uow.session, ids[OutboxState.FAILED])
        assert row.state == "cancelled"
        uow.commit()
    with database.unit_of_work() as uow:
        assert uow.session.get(Shipment, shipment_id).state == ShipmentState.CANCELLED
        for state, message in [(OutboxState.DONE, "already processed"),
                               (OutboxState.SENT, "still processing")]:
            with pytest.raises(OutboxError, match=message):
                outbox_queries.retry(uow.session, ids[state])
            with pytest.raises(OutboxError, match=message):
                outbox_queries.cancel(uow.session, ids[state])
        with pytest.raises(OutboxError, match="was cancelled"):
            outbox_queries.retry(uow.session, ids[OutboxState.FAILED])
        with pytest.raises(OutboxError, match="no longer exists"):
            outbox_queries.cancel(uow.session, 424242)


def test_sync_log_newest_first(database):
    with database.unit_of_work() as uow:
        account = make_account(uow.session)
        start = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
        uow.session.add_all([
            SyncRun(account_id=account.id, started_at=start, outcome="ok", orders_new=3,
                    api_calls=7, duration_ms=1200),
            SyncRun(account_id=account.id, started_at=start + timedelta(minutes=10),
                    outcome="failed", errors=["401 Unauthorized"], rate_limited=2),
        ])
        uow.commit()
    with database.unit_of_work() as uow:
        runs = sync_log.list_runs(uow.session)
    assert [r.outcome for r in runs] == ["failed", "ok"]
    assert runs[0].errors == ("401 Unauthorized",) and runs[0].rate_limited == 2
    assert (runs[1].orders_new, runs[1].api_calls, runs[1].account_name) == (3, 7, "bol NL")


def test_staff_badges_roles_and_validation(database):
    with database.unit_of_work() as uow:
        assert not staff.has_staff(uow.session)
        picker, _ = make_staff(uow.session)
        added = staff.add_staff(uow.session, "  Ayse   Yilmaz ", "picker", " BADGE-9 ")
        assert (added.name, added.badge_code) == ("Ayse Yilmaz", "BADGE-9")
        with pytest.raises(staff.StaffError, match="already someone"):
            staff.add_staff(uow.session, "Ayse Yilmaz")
        with pytest.raises(staff.StaffError, match="already belongs to Pieter Picker"):
            staff.add_staff(uow.session, "Other", badge_code="BADGE-001")
        with pytest.raises(staff.StaffError, match="Enter a name"):
            staff.add_staff(uow.session, "   ")
        with pytest.raises(staff.StaffError, match="Unknown role"):
            staff.add_staff(uow.session, "Boss", "owner")
        picker.active = False
        uow.commit()
    with database.unit_of_work() as uow:
        assert [s.name for s in staff.list_active_staff(uow.session)] == [
            "Ayse Yilmaz", "Mara Manager",
        ]
        found = staff.find_by_badge(uow.session, "BADGE-002\n")
        assert found.identity == StaffIdentity(found.id, "Mara Manager", "manager")
        assert staff.find_by_badge(uow.session, "BADGE-001") is None  # inactive
        assert staff.find_by_badge(uow.session, "") is None


def test_require_manager():
    staff.require_manager(StaffIdentity(1, "Mara", "manager"))
    with pytest.raises(staff.NotAllowedError, match="Only a manager may correct stock; Pieter"):
        staff.require_manager(StaffIdentity(2, "Pieter", "picker"), "correct stock")
    with pytest.raises(PermissionError, match="Log in"):
        staff.require_manager(None)
