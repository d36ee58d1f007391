"""The Can't-fulfil queue: lines reported short at the station, and the manager's decisions.

Read side as plain rows (the GUI never holds ORM objects); the decisions go through the
lifecycle (``services.lifecycle.short_picks``) in the caller's transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from haydigo_desk.domain.short_picks import ACTIVE_STATES
from haydigo_desk.persistence.models import Order, OrderLine, Product, ShortPick
from haydigo_desk.services import lifecycle


@dataclass(frozen=True)
class ShortPickRow:
    id: int
    order_id: int
    bol_order_id: str
    customer_name: str
    title: str
    ean: str
    units: int
    reason: str  # domain.short_picks.ShortReason
    state: str  # domain.short_picks.ShortState
    reported_at: datetime
    reported_by: str
    deadline: date | None  # bol's latest delivery date of the item (else of the order)
    expiry: date | None  # bol cancels an unconfirmed item after this date
    cancel_reason: str
    bol_message: str
    line_open: int  # units of the line still to ship

    @property
    def can_cancel(self) -> bool:
        return self.line_open > 0 and self.state in ("open", "backorder", "refused")

    @property
    def can_wait(self) -> bool:
        return self.state in ("open", "refused")


def list_queue(session: Session, limit: int = 2000) -> list[ShortPickRow]:
    """Active short picks, oldest report first."""
    found = session.execute(
        select(ShortPick, Order, OrderLine, Product.title)
        .join(OrderLine, OrderLine.id == ShortPick.order_line_id)
        .join(Order, Order.id == ShortPick.order_id)
        .outerjoin(Product, Product.id == ShortPick.product_id)
        .where(ShortPick.state.in_([s.value for s in ACTIVE_STATES]))
        .order_by(ShortPick.reported_at, ShortPick.id).limit(limit)
    ).all()
    return [ShortPickRow(
        id=short.id, order_id=order.id, bol_order_id=order.bol_order_id,
        customer_name=order.customer_name, title=title or line.title, ean=line.ean,
        units=short.units, reason=short.reason, state=short.state,
        reported_at=short.reported_at, reported_by=short.reported_by,
        deadline=line.latest_delivery_date or order.latest_delivery_date,
        expiry=line.expiry_date or order.expiry_date, cancel_reason=short.cancel_reason,
        bol_message=short.bol_message or "", line_open=line.quantity_open,
    ) for short, order, line, title in found]


def wait_for_stock(session: Session, short_pick_id: int, user_name: str) -> None:
    lifecycle.wait_for_stock(session, short_pick_id, user_name=user_name)


def cancel_at_bol(session: Session, short_pick_id: int, reason_code: str,
                  user_name: str) -> int:
    return lifecycle.cancel_at_bol(session, short_pick_id, reason_code, user_name=user_name)
