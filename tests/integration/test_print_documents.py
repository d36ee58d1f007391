"""Print documents from the database: pick list and packing slip data (both databases)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from support.factories import make_account, make_order, make_pick_list, make_products

from haydigo_desk.persistence.models import Order, PickList
from haydigo_desk.services.print_documents import (
    PrintError,
    open_pick_list_ids,
    packing_slip_document,
    pick_list_document,
)


@pytest.fixture
def seeded(database):
    """Three orders on one list in the order B, C, A; some lines are no longer pickable."""
    with database.unit_of_work() as uow:
        account = make_account(uow.session, "bol BE", store_name="Kussenwinkel")
        p = make_products(uow.session, account, 5)
        a = make_order(uow.session, account, "A-1", [(p[0], 2), (p[1], 1)])
        b = make_order(uow.session, account, "B-2", [(p[2], 3), (p[3], 1), (p[4], 2)])
        c = make_order(uow.session, account, "C-3", [(p[1], 1)])
        pick_list = make_pick_list(uow.session, [b, c, a], code="PL-000007")
        b.lines[0].quantity_shipped = 1  # partly shipped: 2 of 3 left
        b.lines[1].cancellation = "requested"
        b.lines[2].quantity_shipped = 2  # fully shipped
        c.lines[0].quantity_cancelled = 1  # the whole order is cancelled
        c.status = "cancelled"
        a.company, a.house_number_extension = "Kussen BV", "bis"
        a.extra_address_information = "achterdeur"
        done = make_pick_list(uow.session, [], code="PL-000008")
        done.status = "done"
        uow.commit()
        return database, pick_list.id, done.id, a.id, [x.ean for x in p]


def test_pick_list_document_keeps_list_order_and_open_lines(seeded):
    database, pick_list_id, _, _, eans = seeded
    with database.unit_of_work() as uow:
        doc = pick_list_document(uow.session, pick_list_id)
    assert (doc.code, doc.number, doc.store_name, doc.account_name) == (
        "PL-000007", pick_list_id, "Kussenwinkel", "bol BE")
    assert doc.created_at.tzinfo is UTC  # the stored instant: the renderer shows it locally
    assert [o.order_id for o in doc.orders] == ["B-2", "A-1"]
    b, a = doc.orders
    assert [(line.ean, line.quantity) for line in b.lines] == [(eans[2], 2)]
    assert [(line.ean, line.quantity) for line in a.lines] == [(eans[0], 2), (eans[1], 1)]
    assert a.lines[0].location.startswith("A-") and a.lines[0].sku == "SKU-00001"
    assert (a.customer_name, a.country) == ("Jan Jansen", "NL")
    assert a.placed_at == datetime(2026, 11, 26, 9, 30, tzinfo=UTC)


def test_pick_list_errors_are_clear(seeded):
    database, pick_list_id, _, _, _ = seeded
    with database.unit_of_work() as uow:
        with pytest.raises(PrintError, match="no pick list with id 999"):
            pick_list_document(uow.session, 999)
        for order in uow.session.query(Order):
            order.status = "shipped"
        uow.session.flush()
        with pytest.raises(PrintError, match="PL-000007 has nothing left to pick"):
            pick_list_document(uow.session, pick_list_id)


def test_open_pick_list_ids_are_open_and_in_progress_oldest_first(seeded):
    database, pick_list_id, done_id, _, _ = seeded
    with database.unit_of_work() as uow:
        account_id = uow.session.get(PickList, pick_list_id).account_id
        later = PickList(code="PL-000009", status="in_progress", account_id=account_id,
                         created_at=datetime(2030, 1, 1, tzinfo=UTC))
        uow.session.add(later)
        uow.session.flush()
        assert open_pick_list_ids(uow.session) == [pick_list_id, later.id]
        assert done_id not in open_pick_list_ids(uow.session)


def test_packing_slip_by_database_id_or_bol_id(seeded):
    database, _, _, order_id, eans = seeded
    with database.unit_of_work() as uow:
        by_id = packing_slip_document(uow.session, order_id)
        by_bol = packing_slip_document(uow.session, "A-1")
        by_text_id = packing_slip_document(uow.session, str(order_id))
    assert by_id == by_bol == by_text_id
    assert (by_id.order_id, by_id.store_name) == ("A-1", "Kussenwinkel")
    assert [(line.ean, line.quantity) for line in by_id.lines] == [(eans[0], 2), (eans[1], 1)]
    address = by_id.address
    assert (address.name, address.company, address.street, address.house_number) == (
        "Jan Jansen", "Kussen BV", "Dorpsstraat", "12")
    assert (address.house_number_extension, address.extra_line) == ("bis", "achterdeur")
    assert (address.postal_code, address.city, address.country) == ("1234AB", "Utrecht", "NL")


def test_packing_slip_leaves_out_cancelled_lines_and_keeps_shipped_ones(seeded):
    database, _, _, _, eans = seeded
    with database.unit_of_work() as uow:
        slip = packing_slip_document(uow.session, "B-2")
        assert [(line.ean, line.quantity) for line in slip.lines] == [(eans[2], 3), (eans[4], 2)]
        with pytest.raises(PrintError, match="no order nope"):
            packing_slip_document(uow.session, "nope")
        with pytest.raises(PrintError, match="C-3 has no lines to pack"):
            packing_slip_document(uow.session, "C-3")
