"""Pick list service: listing with counts, create, add-to-open, derived status (both DBs)."""

from __future__ import annotations

import pytest
from support.factories import make_account, make_order, make_orders, make_products

from haydigo_desk.domain.lifecycle import LinePhase
from haydigo_desk.persistence.models import Location, MarketplaceAccount, Order, PickList
from haydigo_desk.services import lifecycle
from haydigo_desk.services.picklists import (
    PickListError,
    add_to_open_pick_list,
    create_pick_list,
    list_pick_lists,
    pick_list_detail,
    status_counts,
)


@pytest.fixture
def seeded(database):
    with database.unit_of_work() as uow:
        account = make_account(uow.session)
        products = make_products(uow.session, account, 4)
        orders = make_orders(uow.session, account, products, 8)
        uow.commit()
        return database, account.id, [o.id for o in orders]


def test_create_lists_orders_with_counts_and_codes(seeded):
    database, account_id, ids = seeded
    with database.unit_of_work() as uow:
        first = create_pick_list(uow.session, ids[:3], created_by="Mara")
        second = create_pick_list(uow.session, ids[3:4])
        uow.commit()
    assert first.skipped == {}
    summary = first.pick_list
    assert (summary.code, summary.status, summary.account_id) == ("PL-000001", "open", account_id)
    # orders 0..2: units 1 + i % 2 plus a second line (1 unit) for order 0
    assert (summary.orders, summary.lines, summary.units, summary.units_picked) == (3, 4, 5, 0)
    assert summary.created_by == "Mara" and summary.progress == 0.0
    assert second.pick_list.code == "PL-000002"
    with database.unit_of_work() as uow:
        listed = list_pick_lists(uow.session)
        assert [p.code for p in listed] == ["PL-000002", "PL-000001"]
        assert list_pick_lists(uow.session, "done") == []
        assert status_counts(uow.session) == {"open": 2, "in_progress": 0, "done": 0}


def test_create_skips_orders_already_listed_or_not_pickable(seeded):
    database, _, ids = seeded
    with database.unit_of_work() as uow:
        create_pick_list(uow.session, ids[:2])
        uow.session.get(Order, ids[2]).status = "shipped"
        result = create_pick_list(uow.session, ids[:4])
        uow.commit()
    assert result.pick_list.orders == 1
    assert result.skipped == {
        "C00000000X": "already on pick list PL-000001",
        "C00000001X": "already on pick list PL-000001",
        "C00000002X": "status is shipped",
    }


def test_create_with_nothing_pickable_is_a_clear_error(seeded):
    database, _, ids = seeded
    with database.unit_of_work() as uow:
        order = uow.session.get(Order, ids[5])
        for line in order.lines:
            line.quantity_cancelled = line.quantity
        uow.session.flush()
        with pytest.raises(PickListError, match="C00000005X has nothing left to pick"):
            create_pick_list(uow.session, [ids[5]])
        with pytest.raises(PickListError, match="Select one or more orders"):
            create_pick_list(uow.session, [])


def test_lines_take_the_open_quantity_and_skip_cancellation_requests(seeded):
    database, _, ids = seeded
    with database.unit_of_work() as uow:
        order = uow.session.get(Order, ids[0])  # two lines: 1 unit and 1 unit
        order.lines[0].quantity = 3
        order.lines[0].quantity_shipped = 1
        order.lines[1].cancellation = "requested"
        uow.session.flush()
        result = create_pick_list(uow.session, [ids[0]])
        detail = pick_list_detail(uow.session, result.pick_list.id)
    assert [(line.quantity, line.bol_order_id) for line in detail.lines] == [(2, "C00000000X")]


def test_add_to_open_fills_the_current_list_then_starts_new_ones(seeded):
    database, account_id, ids = seeded
    with database.unit_of_work() as uow:
        touched = add_to_open_pick_list(uow.session, account_id, ids[:3], max_orders=2)
        assert len(touched) == 2
        touched_again = add_to_open_pick_list(uow.session, account_id, ids[3:4], max_orders=2)
        assert touched_again == [touched[1]]  # the second list had room for one more
        again = add_to_open_pick_list(uow.session, account_id, ids[:4], max_orders=2)
        assert again == []  # every order is already on a list: nothing changes
        second_list = uow.session.get(PickList, touched[1])
        assert lifecycle.pick_onto_cart(uow.session, touched[1],
                                        [second_list.lines[0].order_line_id], 1) == 1
        assert second_list.status == "in_progress"  # a unit left the shelf: started
        started = add_to_open_pick_list(uow.session, account_id, ids[4:5], max_orders=2)
        # the newest open list (the first) is full and the other is started: a third list
        assert len(started) == 1 and started[0] not in touched
        uow.commit()
    with database.unit_of_work() as uow:
        listed = {p.id: p for p in list_pick_lists(uow.session)}
    assert [listed[i].orders for i in touched] == [2, 2]
    assert listed[started[0]].orders == 1 and listed[started[0]].code == "PL-000003"


def test_add_to_open_uses_a_list_with_room_that_is_not_started(seeded):
    database, account_id, ids = seeded
    with database.unit_of_work() as uow:
        first = add_to_open_pick_list(uow.session, account_id, ids[:1])
        second = add_to_open_pick_list(uow.session, account_id, ids[1:3])
        assert first == second
        detail = pick_list_detail(uow.session, first[0])
    assert [o.bol_order_id for o in detail.orders] == ["C00000000X", "C00000001X", "C00000002X"]
    assert [o.position for o in detail.orders] == [0, 1, 2]
    assert detail.summary.created_by == "sync"


def test_detail_lines_are_in_walking_order(seeded):
    database, _, ids = seeded
    with database.unit_of_work() as uow:
        codes = ["B-10", "A-2", "A-10", "B-9"]
        chosen = [ids[1], ids[2], ids[4], ids[7]]  # one line each, four different products
        for i, order_id in enumerate(chosen):
            order = uow.session.get(Order, order_id)
            order.lines[0].product.location = Location(code=codes[i] + "x")
        uow.session.flush()
        result = create_pick_list(uow.session, chosen)
        detail = pick_list_detail(uow.session, result.pick_list.id)
    assert [line.location for line in detail.lines] == ["A-2x", "A-10x", "B-9x", "B-10x"]


def test_status_follows_the_lines_open_then_in_progress_then_done(seeded):
    database, _, ids = seeded
    with database.unit_of_work() as uow:
        session = uow.session
        pick_list_id = create_pick_list(session, ids[1:3]).pick_list.id
        pick_list = session.get(PickList, pick_list_id)
        first, second = (session.get(Order, i) for i in ids[1:3])
        assert pick_list.status == "open" and pick_list.completed_at is None
        line = first.lines[0]
        lifecycle.pick_onto_cart(session, pick_list_id, [line.id], line.quantity)
        assert pick_list.status == "in_progress" and first.status == "picking"
        # The first order is packed and shipped, the second cancelled at bol.com.
        lifecycle.pick_into_box(session, first.id, line.id, line.quantity)
        line = session.get(Order, ids[1]).lines[0]
        shipment, _entry = lifecycle.queue_shipment(
            session, first, [(line, line.quantity)], transporter_code="TNT",
            track_and_trace="3SABC1234567", shipment_reference=None, created_by="Mara",
            workstation="desk-1")
        assert first.status == "packed"
        assert lifecycle.shipment_confirmed(session, shipment.id)
        assert pick_list.status == "in_progress"
        for other in second.lines:
            lifecycle.apply_bol_item(session, second, other, shipped=0,
                                     cancelled=other.quantity, cancellation_request=False)
        assert (first.status, second.status) == ("shipped", "cancelled")
        assert pick_list.status == "done" and pick_list.completed_at is not None
        detail = pick_list_detail(session, pick_list_id)
        phases = {row.bol_order_id: row.phase for row in detail.lines}
        assert phases == {"C00000001X": LinePhase.SHIPPED, "C00000002X": LinePhase.CANCELLED}
        # Shipped units count as picked, cancelled ones drop out of the counter.
        assert (detail.summary.units, detail.summary.units_picked) == (line.quantity,
                                                                       line.quantity)
        assert all(row.put_back == 0 for row in detail.lines)
        assert status_counts(session)["done"] == 1


def test_unmatched_order_without_location_sorts_last(seeded):
    database, account_id, ids = seeded
    with database.unit_of_work() as uow:
        account = uow.session.get(MarketplaceAccount, account_id)
        odd = make_order(uow.session, account, "ODD-1", [(None, 1)])
        result = create_pick_list(uow.session, [odd.id, ids[0]])
        detail = pick_list_detail(uow.session, result.pick_list.id)
    assert detail.lines[-1].location == "" and detail.lines[-1].bol_order_id == "ODD-1"
