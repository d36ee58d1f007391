"""The pick station's counts: units into the box, onto the cart, and back to the shelf;
putting orders on pick lists."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from haydigo_desk.domain import lifecycle as rules
from haydigo_desk.domain.lifecycle import Cancellation, LineCounts
from haydigo_desk.domain.states import (
    PickListStatus,
)
from haydigo_desk.persistence.models import (
    Order,
    OrderLine,
    PickList,
    PickListLine,
    PickListOrder,
)
from haydigo_desk.services.lifecycle import rows

log = logging.getLogger(__name__)

# --- the station: picking and putting back -----------------------------------------------------


def pick_into_box(session: Session, order_id: int, line_id: int, units: int) -> bool:
    """Count scanned units into the order's box; False when the line has no room for them.

    The conditional UPDATE re-checks the cap in the database, so a cancellation committed by
    the sync since the station read the line makes this a no-op instead of an over-pick.
    """
    if units < 1:
        return False
    applied = session.execute(
        update(OrderLine)
        .where(OrderLine.id == line_id, OrderLine.order_id == order_id,
               OrderLine.cancellation != Cancellation.REQUESTED.value,
               OrderLine.quantity_picked + units
               <= OrderLine.quantity - OrderLine.quantity_cancelled
               - OrderLine.quantity_short)
        .values(quantity_picked=OrderLine.quantity_picked + units),
        execution_options={"synchronize_session": False},
    ).rowcount == 1
    if applied:
        session.expire_all()  # the UPDATE bypassed the identity map
        rows.derive_statuses(session, session.get(Order, order_id))
    return applied


@dataclass(frozen=True)
class CartLine:
    """One pick-list line as the batch screen fills it."""

    pick_list_line_id: int
    order_line_id: int
    counts: LineCounts


def cart_lines(session: Session, pick_list_id: int, order_line_ids: Iterable[int]
               ) -> list[CartLine]:
    """The list's lines for these order lines, in packing order (first order first)."""
    found = session.execute(
        select(PickListLine, OrderLine)
        .join(OrderLine, OrderLine.id == PickListLine.order_line_id)
        .outerjoin(PickListOrder, (PickListOrder.pick_list_id == PickListLine.pick_list_id)
                   & (PickListOrder.order_id == OrderLine.order_id))
        .where(PickListLine.pick_list_id == pick_list_id,
               PickListLine.order_line_id.in_(list(order_line_ids)))
        .order_by(PickListOrder.position, PickListLine.id)
    ).all()
    carts = rows.cart_units(session, (line.id for _pll, line in found))
    return [CartLine(pll.id, line.id, rows.counts_of(line, carts.get(line.id, 0)))
            for pll, line in found]


def pick_onto_cart(session: Session, pick_list_id: int, order_line_ids: Sequence[int],
                   units: int) -> int:
    """Spread units taken from the shelf over these lines of the list (first order first);
    returns the units that counted."""
    counted = 0
    for cart in cart_lines(session, pick_list_id, order_line_ids):
        take = min(cart.counts.to_take, units - counted)
        if take <= 0:
            continue
        rules.pick_onto_cart(cart.counts, take)
        pll = session.get(PickListLine, cart.pick_list_line_id)
        pll.quantity_picked += take
        counted += take
        if counted == units:
            break
    session.flush()
    rows.refresh_pick_lists(session, [pick_list_id])
    orders = set(session.scalars(select(OrderLine.order_id).where(
        OrderLine.id.in_(list(order_line_ids)))))
    for order_id in orders:
        rows.refresh_order(session, session.get(Order, order_id))
    return counted


@dataclass(frozen=True)
class PutBackUnits:
    order_line_id: int
    product_id: int | None
    from_box: int
    from_cart: int

    @property
    def units(self) -> int:
        return self.from_box + self.from_cart


def _put_back_line(session: Session, line: OrderLine, cart_rows: Sequence[PickListLine]
                   ) -> PutBackUnits | None:
    counts = rows.counts_of(line, sum(r.quantity_picked for r in cart_rows))
    if counts.put_back == 0:
        return None
    plan = rules.put_back(counts)
    # The cart count is the list's picked count beyond the box (see domain.lifecycle).
    remaining_cart = plan.after.on_cart + plan.after.picked
    line.quantity_picked = plan.after.picked
    for row in sorted(cart_rows, key=lambda r: r.id):
        keep = min(row.quantity_picked, remaining_cart)
        row.quantity_picked = keep
        remaining_cart -= keep
    return PutBackUnits(line.id, line.product_id, plan.from_box, plan.from_cart)


def put_back_order(session: Session, order_id: int) -> list[PutBackUnits]:
    """Units of the order nobody wants any more are back on the shelf."""
    order = session.get(Order, order_id, populate_existing=True)
    if order is None:
        return []
    done = []
    for line in order.lines:
        on_lists = list(session.scalars(select(PickListLine).where(
            PickListLine.order_line_id == line.id)))
        if (result := _put_back_line(session, line, on_lists)) is not None:
            done.append(result)
    if done:
        rows.derive_statuses(session, order)
    return done


def put_back_pick_list(session: Session, pick_list_id: int) -> list[PutBackUnits]:
    """Units taken for this list that nobody wants any more are back on the shelf."""
    list_lines = list(session.scalars(select(PickListLine).where(
        PickListLine.pick_list_id == pick_list_id).order_by(PickListLine.id)))
    done = []
    orders: dict[int, Order] = {}
    for row in list_lines:
        line = session.get(OrderLine, row.order_line_id, populate_existing=True)
        all_rows = list(session.scalars(select(PickListLine).where(
            PickListLine.order_line_id == line.id)))
        if (result := _put_back_line(session, line, all_rows)) is not None:
            done.append(result)
            orders[line.order_id] = line.order
    for order in orders.values():
        rows.derive_statuses(session, order)
    return done


# --- pick lists -------------------------------------------------------------------------------


def new_pick_list(code: str, account_id: int | None, created_by: str) -> PickList:
    pick_list = PickList(code=code, account_id=account_id, created_by=created_by)
    pick_list.status = PickListStatus.OPEN.value
    return pick_list


def add_to_pick_list(session: Session, pick_list: PickList, orders: Sequence[Order]) -> None:
    """Put orders on a list: a line per order line with units still to take (one INSERT per
    table: the sync puts a whole batch of new orders on the list at once)."""
    position = session.scalar(
        select(func.coalesce(func.max(PickListOrder.position), -1))
        .where(PickListOrder.pick_list_id == pick_list.id)
    )
    placed, lines = [], []
    for order in orders:
        position += 1
        placed.append({"pick_list_id": pick_list.id, "order_id": order.id,
                       "position": position})
        lines.extend({"pick_list_id": pick_list.id, "order_line_id": line.id,
                      "quantity": units, "quantity_picked": 0}
                     for line in order.lines if (units := line.quantity_open))
    if placed:
        session.execute(insert(PickListOrder), placed)
    if lines:
        session.execute(insert(PickListLine), lines)
    session.expire(pick_list, ["orders", "lines"])  # written past the ORM: read them again
