"""Oversold products: which orders the stock on the shelf can serve (pure rule).

When more units are reserved than are on hand (available < 0), the stock goes to orders in
this order: lines already being picked first (their units are off the shelf), then by the
order's age (placed, then id). Serving stops at the first line the rest cannot cover whole;
that line and every younger one of the product are not served. An order with any line not
served is flagged oversold, before anyone starts picking it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Demand:
    """The open units of one order line of one product."""

    order_id: int
    line_id: int
    product_id: int
    units: int
    placed_at: datetime | None
    started: bool = False  # units of the order are off the shelf already


def _priority(demand: Demand) -> tuple:
    placed = demand.placed_at.timestamp() if demand.placed_at is not None else float("inf")
    return (not demand.started, placed, demand.order_id, demand.line_id)


def unserved_lines(on_hand: dict[int, int], demands: Iterable[Demand]) -> set[int]:
    """Order lines the stock cannot serve, per product, oldest served first."""
    by_product: dict[int, list[Demand]] = {}
    for demand in demands:
        by_product.setdefault(demand.product_id, []).append(demand)
    unserved: set[int] = set()
    for product_id, lines in by_product.items():
        left = max(on_hand.get(product_id, 0), 0)
        blocked = False
        for demand in sorted(lines, key=_priority):
            if demand.started:  # being picked: its units are in hand, flagging comes too late
                left = max(left - demand.units, 0)
                continue
            if not blocked and demand.units <= left:
                left -= demand.units
                continue
            blocked = True
            unserved.add(demand.line_id)
    return unserved


def oversold_orders(on_hand: dict[int, int], demands: Iterable[Demand]) -> set[int]:
    demands = list(demands)
    unserved = unserved_lines(on_hand, demands)
    return {d.order_id for d in demands if d.line_id in unserved}
