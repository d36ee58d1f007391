"""Stock use cases on product rows: every change is logged and queues the bol.com push."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import insert
from sqlalchemy.orm import Session

from haydigo_desk.domain import stock as rules
from haydigo_desk.persistence.models import Product, StockMovement
from haydigo_desk.services.stock_push import queue_stock_push, queue_stock_pushes


@dataclass(frozen=True)
class StockChange:
    product_id: int
    on_hand: int
    reserved: int

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved


def _level(product: Product) -> rules.StockLevel:
    return rules.StockLevel(product.on_hand, product.reserved)


def _apply(
    session: Session,
    product: Product,
    new: rules.StockLevel,
    *,
    reason: str,
    channel: str,
    user_name: str,
    order_line_id: int | None = None,
) -> StockChange:
    movement = StockMovement(
        product_id=product.id,
        on_hand_delta=new.on_hand - product.on_hand,
        reserved_delta=new.reserved - product.reserved,
        reason=reason,
        channel=channel,
        user_name=user_name,
        order_line_id=order_line_id,
    )
    product.on_hand, product.reserved = new.on_hand, new.reserved
    session.add(movement)
    queue_stock_push(session, product)
    _stock_changed(session, product, movement.on_hand_delta)
    return StockChange(product.id, product.on_hand, product.reserved)


def _stock_changed(session: Session, product: Product, arrived: int) -> None:
    """The lifecycle's hooks: backorders picked up again when units arrive, oversold orders
    flagged at commit. Imported here, not at the top: the lifecycle itself uses this module."""
    from haydigo_desk.services.lifecycle import oversold, short_picks

    oversold.mark_products(session, [product.id])
    if arrived > 0:
        short_picks.stock_arrived(session, product, arrived)


def reserve(
    session: Session, product: Product, quantity: int, *, order_line_id: int | None = None,
    channel: str = "bol.com", already_counted_by_channel: bool = False,
) -> StockChange:
    """Reserve for an order line. An order from the offer's own channel was already taken
    off the offer there (bol.com lowers correctedStock itself), so that needs no push."""
    reserve_for_order_lines(session, [(product, quantity, order_line_id)], channel=channel,
                            already_counted_by_channel=already_counted_by_channel)
    return StockChange(product.id, product.on_hand, product.reserved)


def reserve_for_order_lines(
    session: Session, reservations: Iterable[tuple[Product, int, int | None]], *,
    channel: str = "bol.com", already_counted_by_channel: bool = False,
) -> None:
    """``reserve`` for many order lines at once (an order import): (product, units, order
    line id) each; the movements in one INSERT, each product's push decided once."""
    touched: dict[int, Product] = {}
    movements = []
    for product, quantity, order_line_id in reservations:
        if already_counted_by_channel and product.last_pushed_available is not None:
            product.last_pushed_available -= quantity
        new = rules.reserve(_level(product), quantity)
        movements.append({"product_id": product.id, "on_hand_delta": 0,
                          "reserved_delta": new.reserved - product.reserved,
                          "reason": "order imported", "channel": channel, "user_name": "",
                          "order_line_id": order_line_id})
        product.reserved = new.reserved
        touched[product.id] = product
    if movements:
        session.execute(insert(StockMovement), movements)
    queue_stock_pushes(session, touched.values())
    from haydigo_desk.services.lifecycle import oversold  # see _stock_changed

    oversold.mark_products(session, touched)


def release(
    session: Session, product: Product, quantity: int, *, reason: str = "order line cancelled",
    order_line_id: int | None = None, channel: str = "bol.com",
) -> StockChange:
    return _apply(
        session, product, rules.release(_level(product), quantity),
        reason=reason, channel=channel, user_name="", order_line_id=order_line_id,
    )


def ship(
    session: Session, product: Product, quantity: int, *, user_name: str = "",
    order_line_id: int | None = None, channel: str = "bol.com",
) -> StockChange:
    return _apply(
        session, product, rules.ship(_level(product), quantity),
        reason="shipped", channel=channel, user_name=user_name, order_line_id=order_line_id,
    )


def adjust(
    session: Session, product: Product, delta: int, *, reason: str, user_name: str,
    channel: str = "desk",
) -> StockChange:
    return _apply(
        session, product, rules.adjust(_level(product), delta, reason),
        reason=reason, channel=channel, user_name=user_name,
    )


def correct(
    session: Session, product: Product, counted_on_hand: int, *, reason: str, user_name: str,
    channel: str = "desk",
) -> StockChange:
    return _apply(
        session, product, rules.correct(_level(product), counted_on_hand, reason),
        reason=reason, channel=channel, user_name=user_name,
    )
