"""Order listing for the Orders screen: filters, search, sort, paging and detail (both DBs)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from support.factories import make_account, make_order, make_orders, make_pick_list, make_products

from haydigo_desk.persistence.models import Order
from haydigo_desk.services.order_queries import (
    OrderQuery,
    OrderSortKey,
    count_orders,
    list_orders,
    order_detail,
    status_counts,
)


@pytest.fixture
def seeded(database):
    with database.unit_of_work() as uow:
        session = uow.session
        account = make_account(session)
        products = make_products(session, account, 6)
        orders = make_orders(session, account, products, 30)
        orders[0].customer_name = "Femke de Vries"
        orders[1].status = "shipped"
        orders[2].status = "problem"
        orders[2].problem = "Unmatched product"
        make_order(session, account, "ZZ-UNMATCHED", [(None, 2)], status="problem",
                   placed_at=datetime(2026, 1, 1, tzinfo=UTC))
        uow.commit()
        ids = {o.bol_order_id: o.id for o in orders}
        ean_of_product_1 = products[0].ean
    return database, ids, ean_of_product_1


def _ids(rows):
    return [row.bol_order_id for row in rows]


def test_default_listing_is_newest_first_with_line_totals(seeded):
    database, _ids_by_bol, _ = seeded
    with database.unit_of_work() as uow:
        rows = list_orders(uow.session, OrderQuery(), limit=5)
        total = count_orders(uow.session, OrderQuery())
    assert total == 31
    assert _ids(rows) == ["C00000029X", "C00000028X", "C00000027X", "C00000026X", "C00000025X"]
    # make_orders: order i has 1 + i % 2 units of one product, plus one more line when i % 3 == 0
    by_id = {r.bol_order_id: r for r in rows}
    assert (by_id["C00000027X"].line_count, by_id["C00000027X"].units) == (2, 3)
    assert (by_id["C00000026X"].line_count, by_id["C00000026X"].units) == (1, 1)


def test_pages_do_not_overlap_and_cover_everything(seeded):
    database, _, _ = seeded
    query = OrderQuery(sort=OrderSortKey.CUSTOMER, descending=False)  # many equal names
    with database.unit_of_work() as uow:
        seen = []
        for offset in range(0, 40, 7):
            seen += _ids(list_orders(uow.session, query, offset=offset, limit=7))
    assert len(seen) == len(set(seen)) == 31
    assert seen[0] == "C00000000X"  # "Femke de Vries" sorts before "Jan Jansen"


def test_status_filter_and_counts(seeded):
    database, _, _ = seeded
    with database.unit_of_work() as uow:
        problem = list_orders(uow.session, OrderQuery(status="problem"))
        counts = status_counts(uow.session)
        shipped = count_orders(uow.session, OrderQuery(status="shipped"))
    assert _ids(problem) == ["C00000002X", "ZZ-UNMATCHED"]
    assert problem[1].has_unmatched and not problem[0].has_unmatched
    assert counts == {"new": 28, "picking": 0, "packed": 0, "shipped": 1, "cancelled": 0,
                      "problem": 2, "all": 31}
    assert shipped == 1


def test_unknown_status_is_refused():
    with pytest.raises(ValueError, match="Unknown order status"):
        OrderQuery(status="lost")


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("c00000011", {"C00000011X"}),  # order id, case-insensitive, part of it
        ("femke", {"C00000000X"}),  # customer name
        ("sku-00002", None),  # SKU of product 2: orders computed below
        ("zz-unm", {"ZZ-UNMATCHED"}),
        ("100%", set()),  # LIKE wildcards are literal
    ],
)
def test_search(seeded, term, expected):
    database, _, _ = seeded
    with database.unit_of_work() as uow:
        found = set(_ids(list_orders(uow.session, OrderQuery(search=term), limit=100)))
        counted = count_orders(uow.session, OrderQuery(search=term))
    if expected is None:
        # product 2 (index 1) is the first item of orders i % 6 == 1 and never a second item
        expected = {f"C{i:08d}X" for i in (1, 7, 13, 19, 25)}
    assert found == expected
    assert counted == len(expected)


def test_search_by_ean_uses_exact_match(seeded):
    database, _, ean = seeded
    with database.unit_of_work() as uow:
        found = _ids(list_orders(uow.session, OrderQuery(search=ean), limit=100))
    assert "C00000000X" in found and "C00000006X" in found
    assert all(o.startswith("C") for o in found)


def test_search_combines_with_status(seeded):
    database, _, _ = seeded
    with database.unit_of_work() as uow:
        rows = list_orders(uow.session, OrderQuery(status="shipped", search="jan"))
    assert _ids(rows) == ["C00000001X"]


def test_detail_has_address_lines_locations_and_pick_list(seeded):
    database, ids, _ = seeded
    with database.unit_of_work() as uow:
        order = uow.session.get(Order, ids["C00000003X"])
        order.house_number_extension = "bis"
        order.lines[0].quantity_cancelled = 1
        order.lines[0].cancellation = "requested"
        make_pick_list(uow.session, [order], code="PL-000042")
        uow.commit()
    with database.unit_of_work() as uow:
        detail = order_detail(uow.session, ids["C00000003X"])
        missing = order_detail(uow.session, 999_999)
    assert missing is None
    assert detail.address_lines == ["Jan Jansen", "Dorpsstraat 12 bis", "1234AB  Utrecht", "NL"]
    assert detail.pick_list_codes == ("PL-000042",)
    first, second = detail.lines
    assert (first.quantity, first.quantity_cancelled, first.quantity_open) == (2, 1, 1)
    assert first.cancellation_requested and not first.unmatched
    assert first.location.startswith("A-") and second.location.startswith("A-")


def test_detail_of_unmatched_line_has_no_location(seeded):
    database, _, _ = seeded
    with database.unit_of_work() as uow:
        row = list_orders(uow.session, OrderQuery(search="ZZ-UNMATCHED"))[0]
        detail = order_detail(uow.session, row.id)
    assert detail.lines[0].unmatched and detail.lines[0].location == ""


def test_sort_by_placed_ascending_and_delivery(seeded):
    database, _, _ = seeded
    with database.unit_of_work() as uow:
        oldest = list_orders(uow.session, OrderQuery(descending=False), limit=2)
        by_delivery = list_orders(
            uow.session, OrderQuery(sort=OrderSortKey.DEADLINE, descending=False), limit=3)
    assert _ids(oldest) == ["ZZ-UNMATCHED", "C00000000X"]
    assert len(by_delivery) == 3
    assert oldest[1].placed_at - oldest[0].placed_at > timedelta(days=300)
