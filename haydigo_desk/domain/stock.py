"""Stock rules for one product, channel-independent.

on_hand is what is physically in the warehouse, reserved what open order lines (of every
channel) still need; available = on_hand - reserved is what may be sold and is pushed to bol.com.
Orders are facts: an import reserves even when that oversells (available < 0), but on_hand and
reserved themselves never go below zero except through an explicit correction with a reason.
"""

from __future__ import annotations

from dataclasses import dataclass, replace


class StockError(ValueError):
    """A stock change that the rules refuse; the message says why, for the user."""


@dataclass(frozen=True)
class StockLevel:
    on_hand: int
    reserved: int

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved

    @property
    def sellable(self) -> int:
        """What a channel may offer: never below zero, however oversold."""
        return max(self.available, 0)


def _positive(quantity: int) -> None:
    if quantity <= 0:
        raise StockError(f"Quantity must be positive, got {quantity}")


def reserve(level: StockLevel, quantity: int) -> StockLevel:
    _positive(quantity)
    return replace(level, reserved=level.reserved + quantity)


def release(level: StockLevel, quantity: int) -> StockLevel:
    _positive(quantity)
    if quantity > level.reserved:
        raise StockError(f"Cannot release {quantity}: only {level.reserved} reserved")
    return replace(level, reserved=level.reserved - quantity)


def ship(level: StockLevel, quantity: int) -> StockLevel:
    """Units leave the building: both on_hand and the reservation drop."""
    _positive(quantity)
    if quantity > level.reserved:
        raise StockError(f"Cannot ship {quantity}: only {level.reserved} reserved")
    if quantity > level.on_hand:
        raise StockError(
            f"Cannot ship {quantity}: only {level.on_hand} on hand; correct the stock count first"
        )
    return StockLevel(level.on_hand - quantity, level.reserved - quantity)


def adjust(level: StockLevel, delta: int, reason: str) -> StockLevel:
    """A relative change (goods receipt, sale or return elsewhere, damage) with a reason."""
    _require_reason(reason)
    if delta == 0:
        raise StockError("A stock change of 0 changes nothing")
    if level.on_hand + delta < 0:
        raise StockError(
            f"Only {level.on_hand} on hand, cannot take {-delta}; count the stock and correct it"
        )
    return replace(level, on_hand=level.on_hand + delta)


def correct(level: StockLevel, counted_on_hand: int, reason: str) -> StockLevel:
    """Set on_hand to a counted value (stock count); the one way to fix a wrong number."""
    _require_reason(reason)
    if counted_on_hand < 0:
        raise StockError("A counted quantity cannot be negative")
    return replace(level, on_hand=counted_on_hand)


def _require_reason(reason: str) -> None:
    if not reason or not reason.strip():
        raise StockError("Give a reason for the stock change")
