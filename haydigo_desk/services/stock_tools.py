"""Stock tools of the desk: sales and returns of other channels, goods receipt, stock count.

Every change goes through services.stock, so it is logged as a StockMovement and queues the
bol.com stock push (coalesced per offer).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy.orm import Session

from haydigo_desk.context import StaffIdentity
from haydigo_desk.domain.stock import StockError
from haydigo_desk.persistence.models import Product
from haydigo_desk.services import stock
from haydigo_desk.services.product_match import find_product, unknown_code_message
from haydigo_desk.services.staff import require_manager
from haydigo_desk.services.stock_count import (  # re-exported: one door for the stock tools
    StockCountError,
    StockCountFormatError,
    StockCountPreview,
    StockCountResult,
    apply_stock_count,
    preview_stock_count,
)

__all__ = [
    "ChannelMovement",
    "StockCountError",
    "StockCountFormatError",
    "StockCountPreview",
    "StockCountResult",
    "StockToolError",
    "StockToolResult",
    "apply_stock_count",
    "change_product_stock",
    "preview_stock_count",
    "receive",
    "record_channel_movement",
]

MAX_QUANTITY = 10_000  # more in one go is a slip: usually an EAN scanned into the quantity field
CHANNEL_MAX = 60  # the width of stock_movements.channel
RECEIPT_CHANNEL = "goods receipt"


class StockToolError(ValueError):
    """Bad input or a refused change; the message is meant for the user. Nothing changed."""


class ChannelMovement(StrEnum):
    SALE = "sale"  # sold in the webshop, a market stall...: on_hand goes down
    RETURN = "return"  # came back: on_hand goes up


@dataclass(frozen=True)
class StockToolResult:
    product_id: int
    ean: str
    sku: str
    title: str
    delta: int
    on_hand: int
    reserved: int

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved


def _check_quantity(quantity: int) -> None:
    if quantity <= 0:
        raise StockToolError("The quantity must be at least 1")
    if quantity > MAX_QUANTITY:
        raise StockToolError(
            f"{quantity} is more than {MAX_QUANTITY}; "
            "was a barcode scanned into the quantity field?"
        )


def _product(session: Session, product_list_id: int, code: str) -> Product:
    product = find_product(session, product_list_id, code)
    if product is None:
        raise StockToolError(unknown_code_message(code))
    return product


def _change(
    session: Session, product: Product, delta: int, *, reason: str, user_name: str, channel: str
) -> StockToolResult:
    try:
        stock.adjust(session, product, delta, reason=reason, user_name=user_name, channel=channel)
    except StockError as exc:
        raise StockToolError(str(exc)) from exc
    session.flush()
    return StockToolResult(
        product.id, product.ean, product.sku, product.title, delta, product.on_hand,
        product.reserved,
    )


def record_channel_movement(
    session: Session,
    product_list_id: int,
    *,
    channel: str,
    code: str,
    quantity: int,
    movement: ChannelMovement | str,
    user_name: str,
) -> StockToolResult:
    """A sale (on_hand down) or return (on_hand up) on another channel than bol.com."""
    channel = " ".join(channel.split())
    if not channel:
        raise StockToolError("Name the channel, e.g. webshop or market")
    if len(channel) > CHANNEL_MAX:
        raise StockToolError(f"A channel name has at most {CHANNEL_MAX} characters")
    try:
        movement = ChannelMovement(movement)
    except ValueError as exc:
        raise StockToolError(f"Unknown movement {movement!r}: use sale or return") from exc
    _check_quantity(quantity)
    product = _product(session, product_list_id, code)
    delta = -quantity if movement is ChannelMovement.SALE else quantity
    return _change(
        session, product, delta, reason=f"{movement.value} via {channel}", user_name=user_name,
        channel=channel,
    )


def change_product_stock(
    session: Session,
    product_id: int,
    *,
    identity: StaffIdentity | None,
    reason: str,
    delta: int | None = None,
    counted: int | None = None,
) -> StockToolResult:
    """A manager's correction: by ``delta``, or to a ``counted`` on-hand value."""
    require_manager(identity, "correct stock")
    if (delta is None) == (counted is None):
        raise StockToolError("Give either a change or a counted quantity")
    product = session.get(Product, product_id)
    if product is None:
        raise StockToolError(f"Product {product_id} no longer exists")
    user_name = identity.name if identity else ""
    before = product.on_hand
    try:
        if delta is not None:
            stock.adjust(session, product, delta, reason=reason, user_name=user_name)
        else:
            stock.correct(session, product, counted, reason=reason, user_name=user_name)
    except StockError as exc:
        raise StockToolError(str(exc)) from exc
    session.flush()
    return StockToolResult(
        product.id, product.ean, product.sku, product.title, product.on_hand - before,
        product.on_hand, product.reserved,
    )


def receive(
    session: Session, product_list_id: int, code: str, quantity: int, user_name: str
) -> StockToolResult:
    """Goods receipt: ``quantity`` units of the scanned EAN/SKU arrived in the warehouse."""
    _check_quantity(quantity)
    product = _product(session, product_list_id, code)
    return _change(
        session, product, quantity, reason="goods receipt", user_name=user_name,
        channel=RECEIPT_CHANNEL,
    )
