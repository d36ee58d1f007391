"""Short picks on rows: units reported not found or damaged at the station, the manager's
decision in the Can't-fulfil queue (wait for stock, or cancel the item at bol.com with a
seller's reason through the outbox), and backorders picked up again when stock arrives.

The rules are ``domain.short_picks``; the units held out of picking are the line's
``quantity_short`` (``LineCounts.short``), which this module and ``rows.settle_short_picks``
keep equal to the units of the line's active short picks.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from haydigo_desk.domain import short_picks as rules
from haydigo_desk.domain.outbox_payloads import CancellationPayload
from haydigo_desk.domain.short_picks import ShortPickRefused, ShortReason, ShortState
from haydigo_desk.domain.states import OutboxKind, OutboxState
from haydigo_desk.persistence.models import (
    Order,
    OrderLine,
    OutboxEntry,
    Product,
    ShortPick,
    utcnow,
)
from haydigo_desk.services import stock
from haydigo_desk.services.lifecycle import rows
from haydigo_desk.services.outbox_writer import enqueue

log = logging.getLogger(__name__)

WRITE_OFF_REASON = "damaged at the shelf: written off"
LIVE_OUTBOX_STATES = (OutboxState.QUEUED.value, OutboxState.SENDING.value,
                      OutboxState.SENT.value)


@dataclass(frozen=True)
class Reported:
    short_pick_id: int
    order_line_id: int
    units: int
    written_off: int  # damaged units taken off the stock count


def report_short(session: Session, order_line_ids: Sequence[int], units: int,
                 reason: ShortReason, *, user_name: str = "", workstation: str = ""
                 ) -> list[Reported]:
    """A picker reports ``units`` not found or damaged, spread over these lines in the order
    given (the station passes the youngest order first in a batch). Refused, with nothing
    changed, when the lines have fewer units still to take."""
    lines = [session.get(OrderLine, line_id, populate_existing=True)
             for line_id in order_line_ids]
    lines = [line for line in lines if line is not None]
    counts = rows.line_counts(session, lines)
    rules.check_report([counts[line.id] for line in lines], units)
    reported, left = [], units
    for line in lines:
        take = min(counts[line.id].to_take, left)
        if take <= 0:
            continue
        short = ShortPick(order_line_id=line.id, order_id=line.order_id,
                          product_id=line.product_id, units=take, reason=reason.value,
                          state=ShortState.OPEN.value, reported_by=user_name,
                          workstation=workstation, reported_at=utcnow(), cancel_reason="",
                          decided_by="", bol_message="")
        session.add(short)
        line.quantity_short = (line.quantity_short or 0) + take
        written_off = _write_off(session, line, take, user_name) \
            if reason is ShortReason.DAMAGED else 0
        session.flush()
        reported.append(Reported(short.id, line.id, take, written_off))
        left -= take
        if left == 0:
            break
    for order in {line.order_id: line.order for line in lines}.values():
        rows.derive_statuses(session, order)
    return reported


def _write_off(session: Session, line: OrderLine, units: int, user_name: str) -> int:
    """A damaged unit leaves the stock count (what the shelf still holds, at most)."""
    product = line.product
    if product is None or product.on_hand <= 0:
        return 0
    units = min(units, product.on_hand)
    stock.adjust(session, product, -units, reason=WRITE_OFF_REASON, user_name=user_name)
    return units


def _short_pick(session: Session, short_pick_id: int) -> tuple[ShortPick, OrderLine]:
    short = session.get(ShortPick, short_pick_id, populate_existing=True)
    if short is None:
        raise ShortPickRefused("this line is no longer in the Can't-fulfil queue", "decided")
    line = session.get(OrderLine, short.order_line_id, populate_existing=True)
    return short, line


def _decided(short: ShortPick, state: ShortState, user_name: str) -> None:
    short.state = state.value
    short.decided_by = user_name
    short.decided_at = utcnow()


def wait_for_stock(session: Session, short_pick_id: int, *, user_name: str = "") -> None:
    """A backorder: the units come back into picking when stock for them arrives."""
    short, line = _short_pick(session, short_pick_id)
    rules.check_decision(ShortState(short.state), rows.line_counts(session, [line])[line.id],
                         cancel=False)
    _decided(short, ShortState.BACKORDER, user_name)
    short.bol_message = ""


def cancel_at_bol(session: Session, short_pick_id: int, reason_code: str, *,
                  user_name: str = "") -> int:
    """Cancel the item at bol.com with a seller's reason: one outbox row (the item's unshipped
    units; bol allows no part of an item). Returns the outbox row's id."""
    rules.check_seller_reason(reason_code)
    short, line = _short_pick(session, short_pick_id)
    rules.check_decision(ShortState(short.state), rows.line_counts(session, [line])[line.id],
                         cancel=True)
    payload = CancellationPayload(line.order.bol_order_id, line.bol_order_item_id, line.id,
                                  reason_code)
    if session.scalar(select(OutboxEntry.id).where(
            OutboxEntry.kind == OutboxKind.CANCELLATION.value,
            OutboxEntry.coalesce_key == payload.coalesce_key,
            OutboxEntry.state.in_(LIVE_OUTBOX_STATES)).limit(1)) is not None:
        raise ShortPickRefused("a cancellation of this item is already on its way to bol.com",
                               "on_its_way")
    entry = enqueue(session, line.order.account_id, payload, coalesce_key=payload.coalesce_key)
    for other in _active(session, line.id):  # the whole item goes: every report of it
        _decided(other, ShortState.CANCELLING, user_name)
        other.cancel_reason = reason_code
        other.bol_message = ""
    session.flush()
    return entry.id


def _active(session: Session, order_line_id: int,
            states: Sequence[ShortState] = rules.ACTIVE_STATES) -> list[ShortPick]:
    return list(session.scalars(select(ShortPick).where(
        ShortPick.order_line_id == order_line_id,
        ShortPick.state.in_([s.value for s in states])).order_by(ShortPick.id)))


def cancellation_answered(session: Session, line: OrderLine, *, accepted: bool,
                          message: str) -> bool:
    """bol.com answered a cancellation of this line; True when it was a seller's one from the
    queue (then a refusal stays in the queue with bol's message, not as an order problem)."""
    cancelling = _active(session, line.id, (ShortState.CANCELLING,))
    for short in cancelling:
        if accepted:
            short.state = ShortState.CANCELLED.value
            short.ended_at = utcnow()
        else:
            short.state = ShortState.REFUSED.value
            short.bol_message = message[:2000]
    return bool(cancelling)


def cancellation_resent(session: Session, line: OrderLine) -> None:
    """The Outbox sends a refused seller's cancellation again: it is on its way once more."""
    for short in _active(session, line.id, (ShortState.REFUSED,)):
        if short.cancel_reason:
            short.state = ShortState.CANCELLING.value
            short.bol_message = ""


def stock_arrived(session: Session, product: Product, units: int) -> list[int]:
    """New units of a product (count, goods receipt, return to stock): backorders, oldest
    first, go back into picking while the arrival covers them. Returns their ids."""
    if units <= 0:
        return []
    waiting = list(session.scalars(select(ShortPick).where(
        ShortPick.product_id == product.id, ShortPick.state == ShortState.BACKORDER.value)
        .order_by(ShortPick.reported_at, ShortPick.id)))
    if not waiting:
        return []
    resume = set(rules.backorders_to_resume(
        [rules.Backorder(s.id, s.units) for s in waiting], units))
    orders: dict[int, Order] = {}
    for short in waiting:
        if short.id not in resume:
            continue
        short.state = ShortState.RESUMED.value
        short.ended_at = utcnow()
        line = session.get(OrderLine, short.order_line_id)
        line.quantity_short = max((line.quantity_short or 0) - short.units, 0)
        orders[line.order_id] = line.order
    for order in orders.values():
        rows.derive_statuses(session, order)
    if resume:
        log.info("Stock arrived for product %s: %d backorder(s) back into picking",
                 product.id, len(resume))
    return sorted(resume)
