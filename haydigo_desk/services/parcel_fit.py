"""Does what an order still has to ship fit a mailbox parcel? (``domain.parcel`` decides.)"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from haydigo_desk.domain.dimensions import Dimensions
from haydigo_desk.domain.parcel import MAILBOX, FitAnswer, ParcelItem, ParcelLimits, fits
from haydigo_desk.persistence.models import Order, OrderLine
from haydigo_desk.services.product_queries import dimensions_of


def order_parcel_fit(session: Session, order_id: int,
                     limits: ParcelLimits = MAILBOX) -> FitAnswer | None:
    """The answer for the order's open units; None when the order has none left to ship.

    An unmatched line (no product) has unknown dimensions: the answer is then never "fits".
    """
    order = session.scalars(
        select(Order).where(Order.id == order_id)
        .options(selectinload(Order.lines).selectinload(OrderLine.product))
    ).first()
    if order is None:
        return None
    items = [
        ParcelItem(dimensions_of(line.product) if line.product else Dimensions(),
                   line.quantity_open, line.ean or line.sku)
        for line in order.lines if line.quantity_open > 0
    ]
    return fits(items, limits) if items else None
