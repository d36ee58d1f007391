"""New orders from bol.com into the desk, a batch at a time.

Set-based, because the sync writes thousands of orders on the GUI's process: the rows of a
batch go in with one statement per table (orders and lines through ``persistence.bulk``: a
multi-row INSERT on SQLite, COPY on PostgreSQL; stock movements), the products of the
batch are read once by the caller, and each product's stock push is decided once. Every rule
of an import still holds per order: numbers that cannot be true, or values no column holds,
refuse that order alone before anything is written; open units of matched lines are reserved
(no push: bol.com already took them off the offer); a customer's cancellation request is
answered through the outbox; the status and the unmatched note follow from the lines.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session, make_transient_to_detached

from haydigo_desk.domain import deadlines
from haydigo_desk.domain import lifecycle as rules
from haydigo_desk.domain.lifecycle import LineCounts
from haydigo_desk.domain.outbox_payloads import CancellationPayload
from haydigo_desk.persistence.bulk import insert_returning_ids
from haydigo_desk.persistence.limits import check_values
from haydigo_desk.persistence.models import Order, OrderLine, Product
from haydigo_desk.services import stock
from haydigo_desk.services.lifecycle import rows
from haydigo_desk.services.outbox_writer import enqueue

# Columns of an order's header that ``NewOrder.header`` may fill (address, bol's raw answer).
HEADER_COLUMNS = frozenset({
    "placed_at", "customer_name", "company", "street", "house_number", "house_number_extension",
    "extra_address_information", "zip_code", "city", "country_code", "email", "language",
    "raw_json", "pickup_point", "pickup_point_name",
})
# What bol.com says about an item's delivery (also refreshed when a known order comes again).
FULFILMENT_COLUMNS = ("latest_delivery_date", "exact_delivery_date", "expiry_date",
                      "time_frame_type", "distribution_party")


@dataclass(frozen=True)
class NewLine:
    """An order item as bol.com sent it, matched to a product (or not)."""

    bol_order_item_id: str
    quantity: int
    product: Product | None
    ean: str = ""
    sku: str = ""
    title: str = ""
    offer_id: str | None = None
    unit_price: Decimal | None = None
    quantity_shipped: int = 0
    quantity_cancelled: int = 0
    cancellation_request: bool = False
    fulfilment_method: str = "FBR"
    latest_delivery_date: date | None = None
    expiry_date: date | None = None
    bol_changed_at: datetime | None = None
    exact_delivery_date: date | None = None
    time_frame_type: str | None = None
    distribution_party: str | None = None  # RETAILER or BOL

    def fulfilment(self) -> dict[str, object]:
        """The line's FULFILMENT_COLUMNS."""
        return {name: getattr(self, name) for name in FULFILMENT_COLUMNS}


@dataclass(frozen=True)
class NewOrder:
    """An order as bol.com sent it: its header columns (see HEADER_COLUMNS) and its items."""

    account_id: int
    bol_order_id: str
    lines: Sequence[NewLine]
    header: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class ImportedOrder:
    """One order written: its id, derived status, and the matched lines with units to ship
    as (order line id, units), which a pick list may take."""

    order_id: int
    bol_order_id: str
    status: str
    open_lines: tuple[tuple[int, int], ...]
    cancellations_queued: int


@dataclass(frozen=True)
class ImportResult:
    order: Order
    cancellations_queued: int


@dataclass
class BatchImport:
    """What ``import_orders`` made of a batch: the orders written, and those refused with the
    reason (nothing of them was written)."""

    imported: list[ImportedOrder] = field(default_factory=list)
    refused: list[tuple[str, Exception]] = field(default_factory=list)  # (bol order id, why)


@dataclass
class _Planned:
    order: NewOrder
    row: dict
    line_rows: list[dict]
    line_counts: list[LineCounts]


def _plan(order: NewOrder) -> _Planned:
    """The rows of one order; raises LifecycleError or ValueError for what cannot be stored."""
    if not order.lines:
        # bol.com never sells an order without items: a later cycle reads it again.
        raise rules.LifecycleError("bol.com sent the order without its items")
    unknown = set(order.header) - HEADER_COLUMNS
    if unknown:
        raise TypeError(f"not header columns of an order: {sorted(unknown)}")
    line_rows, counts = [], []
    for item in order.lines:
        imported = rules.check_counts(LineCounts(item.quantity, item.quantity_shipped,
                                                 item.quantity_shipped, item.quantity_cancelled))
        if item.cancellation_request:
            imported = rules.request_cancellation(imported) or imported
        matched = item.product is not None
        row = {
            "bol_order_item_id": item.bol_order_item_id, "ean": item.ean, "sku": item.sku,
            "title": item.title, "offer_id": item.offer_id, "unit_price": item.unit_price,
            "product_id": item.product.id if matched else None, "unmatched": not matched,
            "fulfilment_method": item.fulfilment_method, **item.fulfilment(),
            "bol_changed_at": item.bol_changed_at, "quantity": imported.quantity,
            "quantity_picked": imported.picked, "quantity_shipped": imported.shipped,
            "quantity_cancelled": imported.cancelled,
            "cancellation": imported.cancellation.value,
            # Stock reserved for a matched line always equals its open units.
            "quantity_reserved": imported.open if matched else 0,
        }
        check_values(OrderLine, row)
        line_rows.append(row)
        counts.append(imported)
    unmatched = [item.ean or item.sku for item, c in zip(order.lines, counts, strict=True)
                 if item.product is None and c.open > 0]
    problem = rows.with_unmatched("", unmatched)
    row = {
        "customer_name": "", "company": "", "street": "", "house_number": "",
        "house_number_extension": "", "extra_address_information": "", "zip_code": "",
        "city": "", "country_code": "", "email": "", "language": "", "placed_at": None,
        "raw_json": None, "pickup_point": False, "pickup_point_name": None, **order.header,
        "account_id": order.account_id, "bol_order_id": order.bol_order_id,
        **_summaries(order.lines), "problem": problem,
        "status": rules.order_status(counts, unmatched_open=bool(unmatched),
                                     problem=bool(problem)).value,
    }
    check_values(Order, row)
    return _Planned(order, row, line_rows, counts)


def _summaries(lines: Sequence[NewLine]) -> dict[str, object]:
    """The order's copies of its lines' delivery facts, which the list sorts and shows."""
    dates = [i.latest_delivery_date for i in lines if i.latest_delivery_date]
    expiries = [i.expiry_date for i in lines if i.expiry_date]
    return {
        "latest_delivery_date": min(dates) if dates else None,
        "expiry_date": min(expiries) if expiries else None,
        "deadline_date": deadlines.order_deadline(
            (i.exact_delivery_date, i.latest_delivery_date) for i in lines),
        "via_bol": any(i.distribution_party == "BOL" for i in lines),
    }


def import_orders(session: Session, orders: Sequence[NewOrder]) -> BatchImport:
    """Write new orders in one go; an order refused (LifecycleError, ValueError) is named in
    the result and the others are written. The caller commits."""
    result = BatchImport()
    planned: list[_Planned] = []
    for order in orders:
        try:
            planned.append(_plan(order))
        except (rules.LifecycleError, ValueError) as exc:
            result.refused.append((order.bol_order_id, exc))
    if not planned:
        return result
    order_ids = insert_returning_ids(session, Order, [p.row for p in planned])
    line_rows = [dict(row, order_id=order_id)
                 for p, order_id in zip(planned, order_ids, strict=True) for row in p.line_rows]
    line_ids = iter(insert_returning_ids(session, OrderLine, line_rows))
    reservations: list[tuple[Product, int, int]] = []
    for p, order_id in zip(planned, order_ids, strict=True):
        queued, open_lines = 0, []
        for item, counts in zip(p.order.lines, p.line_counts, strict=True):
            line_id = next(line_ids)
            if counts.cancellation is rules.Cancellation.REQUESTED:
                payload = CancellationPayload(p.order.bol_order_id, item.bol_order_item_id,
                                              line_id)
                enqueue(session, p.order.account_id, payload, coalesce_key=payload.coalesce_key)
                queued += 1
            elif item.product is not None and counts.open > 0:
                reservations.append((item.product, counts.open, line_id))
                open_lines.append((line_id, counts.open))
        result.imported.append(ImportedOrder(order_id, p.order.bol_order_id, p.row["status"],
                                             tuple(open_lines), queued))
    # bol.com already took these units off the offer: no push is needed for them.
    stock.reserve_for_order_lines(session, reservations, already_counted_by_channel=True)
    return result


def import_order(session: Session, order: Order, items: Sequence[NewLine]) -> ImportResult:
    """One new order whose header the caller filled on an unsaved ``order`` row; that row is
    the saved order afterwards (its lines load from the database). Raises what refused it."""
    given = {key: value for key, value in vars(order).items()
             if not key.startswith("_") and value is not None}
    if unknown := set(given) - HEADER_COLUMNS - {"account_id", "bol_order_id"}:
        raise TypeError(f"not header columns of an order: {sorted(unknown)}")
    header = {key: value for key, value in given.items() if key in HEADER_COLUMNS}
    outcome = import_orders(session, [NewOrder(order.account_id, order.bol_order_id, items,
                                               header)])
    if outcome.refused:
        raise outcome.refused[0][1]
    imported = outcome.imported[0]
    order.id = imported.order_id
    make_transient_to_detached(order)  # the caller's row becomes the one just written
    session.add(order)
    # Loaded now, in this transaction, like a row the ORM wrote: nothing loads lazily later.
    session.refresh(order)
    session.refresh(order, ["lines"])
    return ImportResult(order, imported.cancellations_queued)


_SUMMARY_COLUMNS = ("latest_delivery_date", "expiry_date", "deadline_date", "via_bol",
                    "pickup_point", "pickup_point_name")


def _update_many(session: Session, model: type, columns: Sequence[str],
                 rows: list[dict]) -> None:
    """One UPDATE by id for many rows (Core executemany; ``rows`` hold "id" and the columns)."""
    if not rows:
        return
    table = model.__table__
    statement = (update(table).where(table.c.id == bindparam("row_id"))
                 .values({name: bindparam(f"new_{name}") for name in columns}))
    session.connection().execute(statement, [
        {"row_id": row["id"], **{f"new_{name}": row[name] for name in columns}}
        for row in rows])


def refresh_fulfilment(session: Session, account_id: int, orders: Sequence[NewOrder]) -> int:
    """Known orders read again from bol.com: their lines take bol's delivery facts (a date
    bol.com moved, or a line written before these were kept) and the order's summaries
    follow. Quantities and states are not touched: they change through the lifecycle's own
    events. Returns how many orders changed; the caller commits."""
    by_bol_id = {order.bol_order_id: order for order in orders}
    if not by_bol_id:
        return 0
    known = session.execute(
        select(Order.id, Order.bol_order_id, *(getattr(Order, c) for c in _SUMMARY_COLUMNS))
        .where(Order.account_id == account_id, Order.bol_order_id.in_(by_bol_id))).all()
    stored: dict[tuple[int, str], object] = {
        (line.order_id, line.bol_order_item_id): line for line in session.execute(
            select(OrderLine.id, OrderLine.order_id, OrderLine.bol_order_item_id,
                   *(getattr(OrderLine, c) for c in FULFILMENT_COLUMNS))
            .where(OrderLine.order_id.in_([row.id for row in known])))}
    line_updates, order_updates, changed = [], [], set()
    for row in known:
        order = by_bol_id[row.bol_order_id]
        for item in order.lines:
            line = stored.get((row.id, item.bol_order_item_id))
            wanted = item.fulfilment()
            if line is not None and any(getattr(line, k) != v for k, v in wanted.items()):
                line_updates.append({"id": line.id, **wanted})
                changed.add(row.id)
        summary = {"pickup_point": bool(order.header.get("pickup_point", row.pickup_point)),
                   "pickup_point_name": order.header.get("pickup_point_name",
                                                         row.pickup_point_name),
                   **_summaries(order.lines)}
        if any(getattr(row, k) != v for k, v in summary.items()):
            order_updates.append({"id": row.id, **summary})
            changed.add(row.id)
    _update_many(session, OrderLine, FULFILMENT_COLUMNS, line_updates)
    _update_many(session, Order, _SUMMARY_COLUMNS, order_updates)
    return len(changed)
