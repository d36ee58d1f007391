"""What the Returns section shows: the list, a scan's match, an order's returnable lines and
the CSV of returns per product and reason. Plain dataclasses, never ORM objects."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select, true
from sqlalchemy.orm import Session

from haydigo_desk.domain.barcodes import normalise_gtin
from haydigo_desk.domain.returns import ReturnLineState, ReturnRuleError
from haydigo_desk.persistence.models import (
    BolReturn,
    Location,
    Order,
    Product,
    ReturnLine,
)
from haydigo_desk.services.returns import returnable_units

LIST_LIMIT = 2000


@dataclass(frozen=True)
class ReturnItemRow:
    line_id: int
    return_id: int
    bol_return_id: str
    rma_id: str
    bol_order_id: str
    order_known: bool
    source: str
    ean: str
    title: str
    product_id: int | None
    product_location: str
    expected_quantity: int
    main_reason: str
    detailed_reason: str
    customer_comments: str
    track_and_trace: str
    transporter_name: str
    registered_at: datetime
    deadline: datetime
    state: str
    handling_result: str
    quantity_returned: int
    disposition: str
    location_code: str
    write_off_reason: str
    handled_by: str
    bol_message: str

    @property
    def can_handle(self) -> bool:
        return self.state in (ReturnLineState.OPEN, ReturnLineState.FAILED)


@dataclass(frozen=True)
class ReturnableLine:
    """An order line that can be registered as returned (the desk's own registration)."""

    order_line_id: int
    bol_order_id: str
    order_item_id: str
    ean: str
    title: str
    returnable: int
    product_location: str


def _rows(session: Session, query) -> list[ReturnItemRow]:
    rows = session.execute(
        query.add_columns(BolReturn, Product.id, Location.code)
        .outerjoin(Product, Product.id == ReturnLine.product_id)
        .outerjoin(Location, Location.id == Product.location_id)
    ).all()
    return [_row(item, record, location or "") for item, record, _, location in rows]


def _row(item: ReturnLine, record: BolReturn, location: str) -> ReturnItemRow:
    return ReturnItemRow(
        line_id=item.id, return_id=record.id, bol_return_id=record.bol_return_id or "",
        rma_id=item.rma_id or "", bol_order_id=record.bol_order_id,
        order_known=record.order_id is not None, source=record.source, ean=item.ean,
        title=item.title, product_id=item.product_id, product_location=location,
        expected_quantity=item.expected_quantity, main_reason=item.main_reason,
        detailed_reason=item.detailed_reason, customer_comments=item.customer_comments,
        track_and_trace=item.track_and_trace, transporter_name=item.transporter_name,
        registered_at=record.registered_at, deadline=record.handling_deadline,
        state=item.state, handling_result=item.handling_result,
        quantity_returned=item.quantity_returned, disposition=item.disposition,
        location_code=item.location_code, write_off_reason=item.write_off_reason,
        handled_by=item.handled_by, bol_message=item.bol_message)


def _base(account_id: int | None):
    """Return items of one account, or of every account (None: the desk's own view)."""
    query = select(ReturnLine).join(BolReturn, BolReturn.id == ReturnLine.return_id)
    return query if account_id is None else query.where(BolReturn.account_id == account_id)


def list_returns(session: Session, account_id: int | None, *, states: tuple[str, ...] = (),
                 search: str = "") -> list[ReturnItemRow]:
    """Return items, those due first; ``states`` filters (empty: all), ``search`` matches
    order id, RMA, EAN, title or track & trace."""
    query = _base(account_id)
    if states:
        query = query.where(ReturnLine.state.in_(states))
    term = search.strip()
    if term:
        escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        pattern = f"%{escaped}%"
        query = query.where(or_(
            BolReturn.bol_order_id.ilike(pattern, escape="\\"),
            ReturnLine.rma_id.ilike(pattern, escape="\\"),
            ReturnLine.ean.ilike(pattern, escape="\\"),
            ReturnLine.title.ilike(pattern, escape="\\"),
            ReturnLine.track_and_trace.ilike(pattern, escape="\\"),
        ))
    query = query.order_by(BolReturn.handling_deadline, ReturnLine.id).limit(LIST_LIMIT)
    return _rows(session, query)


def return_item(session: Session, account_id: int | None, line_id: int) -> ReturnItemRow:
    rows = _rows(session, _base(account_id).where(ReturnLine.id == line_id))
    if not rows:
        raise ReturnRuleError("no_such_item", "This return item no longer exists.")
    return rows[0]


def find_by_scan(session: Session, account_id: int | None, code: str) -> list[ReturnItemRow]:
    """The return items a scan means: the return parcel's track & trace, the order id, the
    RMA or return id, or the EAN (then only items still to handle). Open ones first."""
    text = code.strip()
    if not text:
        raise ReturnRuleError("empty_scan", "Scan or type a track & trace, order id or EAN.")
    upper = text.upper()
    conditions = [ReturnLine.track_and_trace == upper, BolReturn.bol_order_id == upper,
                  BolReturn.bol_order_id == text, ReturnLine.rma_id == text,
                  BolReturn.bol_return_id == text]
    query = _base(account_id).where(or_(*conditions))
    rows = _rows(session, query.order_by(ReturnLine.id))
    if not rows and text.isdigit():
        ean = normalise_gtin(text)
        rows = _rows(session, _base(account_id).where(
            ReturnLine.ean == ean,
            ReturnLine.state.in_((ReturnLineState.OPEN, ReturnLineState.FAILED)))
            .order_by(BolReturn.handling_deadline, ReturnLine.id))
    if not rows:
        raise ReturnRuleError("no_match", f"No return matches {text}.", scanned=text)
    rows.sort(key=lambda r: (not r.can_handle, r.deadline, r.line_id))
    return rows


def returnable_lines(session: Session, account_id: int | None, bol_order_id: str
                     ) -> list[ReturnableLine]:
    """The shipped lines of an imported order that a return could still take."""
    wanted = bol_order_id.strip()
    query = select(Order).where(func.upper(Order.bol_order_id) == wanted.upper())
    if account_id is not None:
        query = query.where(Order.account_id == account_id)
    order = session.scalars(query.order_by(Order.id)).first()
    if order is None:
        raise ReturnRuleError(
            "order_unknown", f"The desk never imported order {wanted}; a return can only be "
            "registered for an order the desk knows.", order=wanted)
    result = []
    for order_line in order.lines:
        left = returnable_units(session, order_line)
        if left > 0:
            product = order_line.product
            location = product.location.code if product is not None and product.location else ""
            result.append(ReturnableLine(order_line.id, order.bol_order_id,
                                         order_line.bol_order_item_id, order_line.ean,
                                         order_line.title, left, location))
    if not result:
        raise ReturnRuleError("nothing_shipped", "No shipped unit of order {order} is left to "
                              "return.", order=order.bol_order_id)
    return result


def location_codes(session: Session) -> list[str]:
    return list(session.scalars(select(Location.code).order_by(Location.code)))


CSV_COLUMNS = ("ean", "title", "main_reason", "detailed_reason", "return_items",
               "units_expected", "units_returned", "units_restocked", "units_written_off")


def returns_csv(session: Session, account_id: int | None) -> str:
    """Returns per product and reason: how many items, expected, returned, restocked and
    written-off units; comma separated with a header row."""
    restocked = func.sum(ReturnLine.quantity_returned).filter(
        ReturnLine.state == ReturnLineState.HANDLED, ReturnLine.disposition == "restock")
    written_off = func.sum(ReturnLine.quantity_returned).filter(
        ReturnLine.state == ReturnLineState.HANDLED, ReturnLine.disposition == "write_off")
    returned = func.sum(ReturnLine.quantity_returned).filter(
        ReturnLine.state == ReturnLineState.HANDLED)
    rows = session.execute(
        select(ReturnLine.ean, func.max(ReturnLine.title), ReturnLine.main_reason,
               ReturnLine.detailed_reason, func.count(ReturnLine.id),
               func.sum(ReturnLine.expected_quantity), returned, restocked, written_off)
        .join(BolReturn, BolReturn.id == ReturnLine.return_id)
        .where(true() if account_id is None else BolReturn.account_id == account_id)
        .group_by(ReturnLine.ean, ReturnLine.main_reason, ReturnLine.detailed_reason)
        .order_by(func.count(ReturnLine.id).desc(), ReturnLine.ean, ReturnLine.main_reason)
    ).all()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow([_cell(value) for value in row])
    return out.getvalue()


def _cell(value) -> str:
    text = "" if value is None else str(value)
    # A spreadsheet runs a cell that starts with these as a formula: keep it text.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
