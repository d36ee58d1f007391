"""Flags the orders the stock cannot serve (``domain.oversold``), wherever stock changes.

``services.stock`` marks every product whose on_hand or reserved changes (a count, a goods
receipt, a shipment, an order import reserving) in the session; just before that transaction
commits, the orders with open lines of those products get their ``oversold`` flag set or
cleared, so the flag is never behind the stock it is about. One SQLAlchemy ``before_commit``
listener does it for every session of the process: no use case can forget the step.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from sqlalchemy import event, or_, select, update
from sqlalchemy.orm import Session

from haydigo_desk.domain.lifecycle import Cancellation, LineCounts
from haydigo_desk.domain.oversold import Demand, oversold_orders
from haydigo_desk.domain.states import OrderStatus
from haydigo_desk.persistence.models import Order, OrderLine, Product

log = logging.getLogger(__name__)

_MARKS = "oversold_products"
_FINAL = (OrderStatus.SHIPPED.value, OrderStatus.CANCELLED.value)
_STARTED = (OrderStatus.PICKING.value, OrderStatus.PACKED.value)


def mark_products(session: Session, product_ids: Iterable[int]) -> None:
    """Stock of these products changed in this transaction (called by ``services.stock``)."""
    session.info.setdefault(_MARKS, set()).update(product_ids)


def _orders_with_lines_of(session: Session, product_ids: set[int]) -> set[int]:
    """Open orders with lines of these products, and flagged ones (a flag to clear)."""
    return set(session.scalars(
        select(OrderLine.order_id).join(Order, Order.id == OrderLine.order_id)
        .where(OrderLine.product_id.in_(product_ids),
               or_(Order.status.not_in(_FINAL), Order.oversold.is_(True)))))


def _needs_a_look(session: Session, product_ids: set[int]) -> bool:
    """Something to flag (a product oversold) or to clear (a flagged order of them)."""
    oversold = session.scalar(select(Product.id).where(
        Product.id.in_(product_ids), Product.on_hand < Product.reserved).limit(1))
    if oversold is not None:
        return True
    return session.scalar(
        select(Order.id).join(OrderLine, OrderLine.order_id == Order.id)
        .where(OrderLine.product_id.in_(product_ids), Order.oversold.is_(True)).limit(1)
    ) is not None


def apply_oversold(session: Session, product_ids: Iterable[int]) -> set[int]:
    """Set the flag of every open order with lines of these products; returns the flagged."""
    products = set(product_ids)
    if not products or not _needs_a_look(session, products):
        return set()
    affected = _orders_with_lines_of(session, products)
    # Every product of the affected orders counts: an order is flagged by any of its lines.
    products |= set(session.scalars(select(OrderLine.product_id).where(
        OrderLine.order_id.in_(affected), OrderLine.product_id.is_not(None))))
    # Plain columns, not entities: a big import looks at thousands of open lines, and
    # building ORM objects for them (with each order's bol.com JSON) cost more than the rule.
    found = session.execute(
        select(OrderLine.order_id, OrderLine.id, OrderLine.product_id, OrderLine.quantity,
               OrderLine.quantity_picked, OrderLine.quantity_shipped,
               OrderLine.quantity_cancelled, OrderLine.cancellation, OrderLine.quantity_short,
               Order.placed_at, Order.status)
        .join(Order, Order.id == OrderLine.order_id)
        .where(OrderLine.product_id.in_(products), Order.status.not_in(_FINAL))).all()
    demands = [Demand(row.order_id, row.id, row.product_id, units, row.placed_at,
                      started=row.status in _STARTED)
               for row in found if (units := _open_units(row)) > 0]
    on_hand = dict(session.execute(
        select(Product.id, Product.on_hand).where(Product.id.in_(products))).all())
    flagged = oversold_orders(on_hand, demands)
    changed = {True: [], False: []}
    for order_id, bol_order_id, was in session.execute(
            select(Order.id, Order.bol_order_id, Order.oversold).where(Order.id.in_(affected))):
        now = order_id in flagged
        if bool(was) != now:
            changed[now].append(order_id)
            if now:
                log.info("Order %s oversold: the stock cannot serve it", bol_order_id)
    for now, order_ids in changed.items():
        if order_ids:  # ORM-enabled: orders loaded in this session see the new flag too
            session.execute(update(Order).where(Order.id.in_(order_ids)).values(oversold=now))
    return flagged & affected


def _open_units(row) -> int:
    """``OrderLine.quantity_open`` of a row of plain columns."""
    return LineCounts(row.quantity, row.quantity_picked, row.quantity_shipped,
                      row.quantity_cancelled, Cancellation(row.cancellation),
                      short=row.quantity_short or 0).open


def apply_pending_oversold(session: Session) -> set[int]:
    """Flag now what this transaction's stock changes mean (pick-list creation reads the flag
    before the commit would set it); returns the orders flagged."""
    marked = session.info.pop(_MARKS, None)
    return apply_oversold(session, marked) if marked else set()


@event.listens_for(Session, "before_commit")
def _flag_before_commit(session: Session) -> None:
    apply_pending_oversold(session)
