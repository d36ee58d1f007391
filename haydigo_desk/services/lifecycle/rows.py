"""The rows as the lifecycle rules see them, stock that follows the open units, and the
statuses derived from the lines (shared by the other lifecycle modules)."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from haydigo_desk.domain import lifecycle as rules
from haydigo_desk.domain.lifecycle import LineCounts
from haydigo_desk.domain.short_picks import ACTIVE_STATES, ShortState
from haydigo_desk.domain.states import (
    OrderStatus,
    PickListStatus,
)
from haydigo_desk.domain.stock import StockError
from haydigo_desk.persistence.models import (
    Order,
    OrderLine,
    PickList,
    PickListLine,
    Shipment,
    ShortPick,
    utcnow,
)
from haydigo_desk.services import stock
from haydigo_desk.services.lifecycle.oversold import mark_products

log = logging.getLogger(__name__)

UNMATCHED_PROBLEM = "No product in the product list for "
REFUSED_CANCELLATION = "bol.com refused the cancellation: "
FAILED_SHIPMENT = "Shipment not accepted by bol.com: "
FINAL_ORDER_STATUSES = (OrderStatus.SHIPPED.value, OrderStatus.CANCELLED.value)
LIVE_SHIPMENT_STATES = tuple(s.value for s in rules.LIVE_SHIPMENT_STATES)


# --- reading the rows as the rules see them ---------------------------------------------------


def cart_units(session: Session, line_ids: Iterable[int]) -> dict[int, int]:
    """Units batch-picked per order line, over every pick list it is on."""
    ids = list(line_ids)
    if not ids:
        return {}
    return dict(session.execute(
        select(PickListLine.order_line_id, func.sum(PickListLine.quantity_picked))
        .where(PickListLine.order_line_id.in_(ids)).group_by(PickListLine.order_line_id)
    ).all())


def counts_of(line: OrderLine, cart_picked: int = 0) -> LineCounts:
    """The line's counts; units on the cart are those batch-picked beyond the box."""
    return line.counts(max(int(cart_picked or 0) - line.quantity_picked, 0))


def line_counts(session: Session, lines: Sequence[OrderLine]) -> dict[int, LineCounts]:
    carts = cart_units(session, (line.id for line in lines))
    return {line.id: counts_of(line, carts.get(line.id, 0)) for line in lines}


def write_counts(line: OrderLine, counts: LineCounts) -> None:
    line.quantity_picked = counts.picked
    line.quantity_shipped = counts.shipped
    line.quantity_cancelled = counts.cancelled
    line.cancellation = counts.cancellation.value


# --- stock follows the open units ---------------------------------------------------------------


def follow_reservation(session: Session, line: OrderLine, *, reason: str,
                        already_counted_by_channel: bool = False) -> None:
    """Reserved units of a matched line equal its open units."""
    if line.product is None:
        return
    target = line.quantity_open
    delta = target - line.quantity_reserved
    if delta > 0:
        stock.reserve(session, line.product, delta, order_line_id=line.id,
                      already_counted_by_channel=already_counted_by_channel)
    elif delta < 0:
        stock.release(session, line.product, -delta, reason=reason, order_line_id=line.id)
    line.quantity_reserved = target


def ship_stock(session: Session, line: OrderLine, units: int, user_name: str = "") -> None:
    """Shipped units leave the shelf and their reservation."""
    from_reservation = min(units, line.quantity_reserved)
    if line.product is None or from_reservation <= 0:
        return
    try:
        stock.ship(session, line.product, from_reservation, user_name=user_name,
                   order_line_id=line.id)
    except StockError:
        # The shelf count was already too low: free the reservation, keep the count.
        stock.release(session, line.product, from_reservation,
                      reason="shipped with too little stock counted", order_line_id=line.id)
    line.quantity_reserved -= from_reservation


# --- derived statuses -------------------------------------------------------------------------


def _live_shipment(session: Session, order_id: int) -> bool:
    return session.scalar(select(Shipment.id).where(
        Shipment.order_id == order_id, Shipment.state.in_(LIVE_SHIPMENT_STATES)).limit(1)
    ) is not None


def with_unmatched(problem: str, unmatched: Sequence[str]) -> str:
    """The order's problem once its open unmatched lines (their EAN or SKU) are known: they
    are named unless another problem is already shown; none left clears that note."""
    if unmatched:
        if not problem or problem.startswith(UNMATCHED_PROBLEM):
            return UNMATCHED_PROBLEM + ", ".join(unmatched)
        return problem
    return "" if problem.startswith(UNMATCHED_PROBLEM) else problem


def refresh_order(session: Session, order: Order, *, fresh: bool = False) -> str:
    """Derive the order's status (and its unmatched note) from its lines; ``fresh`` says the
    order was just created (no shipments, nothing on a cart) and saves the queries."""
    lines = list(order.lines)
    counts = ([line.counts() for line in lines] if fresh
              else list(line_counts(session, lines).values()))
    unmatched = [line.ean or line.sku for line in lines
                 if line.unmatched and line.quantity_open > 0]
    order.problem = with_unmatched(order.problem or "", unmatched)
    live = False if fresh else _live_shipment(session, order.id)
    status = rules.order_status(counts, unmatched_open=bool(unmatched), live_shipment=live,
                                problem=bool(order.problem)).value
    order.status = status
    # Who is served first depends on the status too (an order being picked keeps its units).
    mark_products(session, (line.product_id for line in lines if line.product_id is not None))
    if status in FINAL_ORDER_STATUSES:
        order.claimed_by = None
        order.claimed_at = None
    return status


def refresh_pick_lists(session: Session, pick_list_ids: Iterable[int]) -> None:
    for pick_list_id in set(pick_list_ids):
        pick_list = session.get(PickList, pick_list_id)
        if pick_list is None:
            continue
        lines = session.scalars(
            select(OrderLine).join(PickListLine, PickListLine.order_line_id == OrderLine.id)
            .where(PickListLine.pick_list_id == pick_list_id)
        ).all()
        status = rules.pick_list_status(line_counts(session, lines).values())
        if status.value != pick_list.status:
            pick_list.status = status.value
            pick_list.completed_at = utcnow() if status is PickListStatus.DONE else None


def _pick_lists_of_lines(session: Session, line_ids: Iterable[int]) -> set[int]:
    ids = list(line_ids)
    if not ids:
        return set()
    return set(session.scalars(select(PickListLine.pick_list_id).where(
        PickListLine.order_line_id.in_(ids))))


def settle_short_picks(session: Session, order: Order) -> None:
    """Units held short never exceed the open ones: a line that needs nothing more (cancelled
    or shipped, by bol.com or the customer) ends its short picks."""
    for line in order.lines:
        held = line.quantity_short or 0
        if not held:
            continue
        open_units = line.quantity_open
        if held <= open_units:
            continue
        line.quantity_short = open_units
        if open_units:
            continue
        for short in session.scalars(select(ShortPick).where(
                ShortPick.order_line_id == line.id,
                ShortPick.state.in_([s.value for s in ACTIVE_STATES]))):
            cancelled = short.state == ShortState.CANCELLING.value and line.quantity_cancelled
            short.state = (ShortState.CANCELLED if cancelled else ShortState.CLOSED).value
            short.ended_at = utcnow()


def derive_statuses(session: Session, order: Order) -> None:
    """Derive the order's status and that of every pick list its lines are on."""
    session.flush()
    settle_short_picks(session, order)
    refresh_order(session, order)
    refresh_pick_lists(session, _pick_lists_of_lines(session, (line.id for line in order.lines)))
