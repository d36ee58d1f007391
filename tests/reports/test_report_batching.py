"""The batch-picking route: grouping per product, totals, order allocations, sort order."""

from __future__ import annotations

from datetime import UTC, datetime

from haydigo_desk.reports import PickListDocument, PickListLine, PickListOrder
from haydigo_desk.reports.batching import Allocation, batch_rows, pick_totals


def _order(order_id: str, *lines: PickListLine) -> PickListOrder:
    return PickListOrder(order_id, datetime(2025, 1, 1, tzinfo=UTC), "Klant", "NL", list(lines))


def _doc(*orders: PickListOrder) -> PickListDocument:
    return PickListDocument(1, "PL-000001", "Winkel", "Account", datetime(2025, 1, 2, tzinfo=UTC),
                            list(orders))


LAMP = PickListLine("8712345678906", "LAMP", "Lamp", 1, "A-10")
MAT = PickListLine("96385074", "MAT", "Mat", 2, "A-2")
LOOSE = PickListLine("", "LOOSE", "Zonder locatie", 1, "")
NO_CODE = PickListLine("", "", "Los artikel", 1, "B-1")


def test_lines_of_one_product_become_one_row_with_orders() -> None:
    doc = _doc(
        _order("O1", LAMP, MAT),
        _order("O2", PickListLine(LAMP.ean, LAMP.sku, LAMP.title, 3, LAMP.location)),
        _order("O3", MAT, LOOSE, NO_CODE),
    )
    rows = batch_rows(doc)
    assert [row.sku or row.title for row in rows] == ["MAT", "LAMP", "Los artikel", "LOOSE"]
    mat, lamp = rows[0], rows[1]
    assert mat.quantity == 4
    assert mat.allocations == [Allocation(1, "O1", 2), Allocation(3, "O3", 2)]
    assert lamp.quantity == 4
    assert lamp.allocations == [Allocation(1, "O1", 1), Allocation(2, "O2", 3)]
    totals = pick_totals(doc, rows)
    assert (totals.orders, totals.lines, totals.items, totals.products) == (3, 6, 10, 4)


def test_same_product_twice_in_one_order_is_one_allocation() -> None:
    rows = batch_rows(_doc(_order("O1", LAMP, LAMP)))
    assert len(rows) == 1
    assert rows[0].allocations == [Allocation(1, "O1", 2)]


def test_products_without_ean_group_by_sku_case_insensitively() -> None:
    a = PickListLine("", "Sku-7", "Ding", 1, "C-1")
    b = PickListLine("", "SKU-7", "Ding", 2, "C-1")
    rows = batch_rows(_doc(_order("O1", a), _order("O2", b)))
    assert [(row.quantity, len(row.allocations)) for row in rows] == [(3, 2)]


def test_one_product_at_two_locations_gives_two_rows_but_one_product() -> None:
    moved = PickListLine(LAMP.ean, LAMP.sku, LAMP.title, 1, "Z-1")
    doc = _doc(_order("O1", LAMP), _order("O2", moved))
    rows = batch_rows(doc)
    assert [row.location for row in rows] == ["A-10", "Z-1"]
    assert pick_totals(doc, rows).products == 1


def test_empty_pick_list() -> None:
    doc = _doc()
    assert batch_rows(doc) == []
    assert pick_totals(doc, []).orders == 0
