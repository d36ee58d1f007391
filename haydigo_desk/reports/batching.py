"""Turning a pick list's order lines into a batch-picking route.

Lines of the same product (same EAN, else SKU, else title) at the same location become one row
with the total quantity and the orders it goes to; rows follow the warehouse walk (natural
location order, no location last). Pure data, so the route can be tested without a PDF.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from haydigo_desk.reports.codes import location_sort_key
from haydigo_desk.reports.model import PickListDocument


@dataclass(frozen=True, slots=True)
class Allocation:
    bin_number: int  # the order's 1-based position on the pick list (its tote/bin)
    order_id: str
    quantity: int


@dataclass(slots=True)
class PickRow:
    location: str
    ean: str
    sku: str
    title: str
    quantity: int = 0
    allocations: list[Allocation] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class PickTotals:
    orders: int
    lines: int
    items: int
    products: int


def _product_key(ean: str, sku: str, title: str) -> tuple[str, str]:
    if ean.strip():
        return ("ean", ean.strip())
    if sku.strip():
        return ("sku", sku.strip().casefold())
    return ("title", title.strip().casefold())


def batch_rows(doc: PickListDocument) -> list[PickRow]:
    rows: dict[tuple[tuple[str, str], str], PickRow] = {}
    for bin_number, order in enumerate(doc.orders, start=1):
        for line in order.lines:
            location = line.location.strip()
            key = (_product_key(line.ean, line.sku, line.title), location)
            row = rows.get(key)
            if row is None:
                row = rows[key] = PickRow(location, line.ean.strip(), line.sku, line.title)
            row.quantity += line.quantity
            if row.allocations and row.allocations[-1].bin_number == bin_number:
                # the same product twice in one order: one allocation with the sum
                last = row.allocations[-1]
                row.allocations[-1] = Allocation(bin_number, order.order_id,
                                                 last.quantity + line.quantity)
            else:
                row.allocations.append(Allocation(bin_number, order.order_id, line.quantity))
    return sorted(
        rows.values(),
        key=lambda r: (location_sort_key(r.location), r.title.casefold(), r.sku, r.ean),
    )


def pick_totals(doc: PickListDocument, rows: list[PickRow]) -> PickTotals:
    lines = [line for order in doc.orders for line in order.lines]
    return PickTotals(
        orders=len(doc.orders),
        lines=len(lines),
        items=sum(line.quantity for line in lines),
        products=len({_product_key(r.ean, r.sku, r.title) for r in rows}),
    )
