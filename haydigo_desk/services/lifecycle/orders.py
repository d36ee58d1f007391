"""Orders from bol.com after their import (``imports``): answering cancellations, taking
over what bol.com reports of each item."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from haydigo_desk.domain import lifecycle as rules
from haydigo_desk.domain.lifecycle import ShipmentEvent
from haydigo_desk.domain.outbox_payloads import (
    CancellationPayload,
)
from haydigo_desk.domain.states import (
    OutboxKind,
    OutboxState,
    ShipmentState,
)
from haydigo_desk.persistence.models import (
    Order,
    OrderLine,
    OutboxEntry,
    Shipment,
    ShipmentLine,
    utcnow,
)
from haydigo_desk.services.lifecycle import rows, shipments, short_picks
from haydigo_desk.services.outbox_writer import enqueue

log = logging.getLogger(__name__)

# --- cancellations -------------------------------------------------------------------------------


def _cancellation_rows(session: Session, line: OrderLine, states: Sequence[str]
                       ) -> list[OutboxEntry]:
    return list(session.scalars(select(OutboxEntry).where(
        OutboxEntry.kind == OutboxKind.CANCELLATION.value,
        OutboxEntry.coalesce_key == f"cancel:{line.bol_order_item_id}",
        OutboxEntry.state.in_(states))))


def _settled_by_bol(row: OutboxEntry, line: OrderLine) -> bool:
    """Whether units bol.com cancelled itself settle a queued cancellation of the item: the
    customer's request, yes (bol.com answered it); a seller's (from the Can't-fulfil queue)
    only once no unit of the item is left to cancel."""
    payload = CancellationPayload.from_json(row.payload)
    if payload.reason_code == CancellationPayload.CUSTOMER:
        return True
    return line.quantity - line.quantity_shipped - line.quantity_cancelled <= 0


def cancellation_answered(session: Session, order_line_id: int, *, accepted: bool,
                          message: str = "") -> None:
    """bol.com's answer to our cancellation: the units are cancelled, or wanted again."""
    line = session.get(OrderLine, order_line_id)
    if line is None:
        log.warning("Cancellation answered for order line %s, which no longer exists",
                    order_line_id)
        return
    order = line.order
    sellers = short_picks.cancellation_answered(session, line, accepted=accepted,
                                                message=message)
    if accepted:
        rows.write_counts(line, rules.cancellation_accepted(line.counts()))
    else:
        rows.write_counts(line, rules.cancellation_refused(line.counts()))
        if not sellers:  # a seller's refused cancellation stays in the Can't-fulfil queue
            order.problem = f"{rows.REFUSED_CANCELLATION}{message}"[:500]
    rows.follow_reservation(session, line, reason="cancelled at bol.com")
    rows.derive_statuses(session, order)


def cancellation_resent(session: Session, order_line_id: int) -> None:
    """A manager retries a cancellation bol.com refused: the line waits for bol.com again."""
    line = session.get(OrderLine, order_line_id)
    if line is None:
        return
    rows.write_counts(line, rules.cancellation_resent(line.counts()))
    short_picks.cancellation_resent(session, line)
    if line.order.problem.startswith(rows.REFUSED_CANCELLATION):
        line.order.problem = ""
    rows.follow_reservation(session, line, reason="cancellation sent again")
    rows.derive_statuses(session, line.order)


def cancellation_dropped(session: Session, order_line_id: int) -> None:
    """A manager drops our acceptance before it was sent: the units are wanted again."""
    line = session.get(OrderLine, order_line_id)
    if line is None:
        return
    rows.write_counts(line, rules.cancellation_withdrawn(line.counts()))
    if line.order.problem.startswith(rows.REFUSED_CANCELLATION):
        line.order.problem = ""  # the manager has seen bol.com's refusal and let it be
    rows.follow_reservation(session, line, reason="cancellation dropped")
    rows.derive_statuses(session, line.order)


# --- what bol.com says of an item -----------------------------------------------------------


@dataclass(frozen=True)
class ItemOutcome:
    changed: bool
    cancellation_queued: bool = False
    cancelled: bool = False  # units were cancelled, or a cancellation is now being answered


def apply_bol_item(session: Session, order: Order, line: OrderLine, *, shipped: int,
                   cancelled: int, cancellation_request: bool, refresh: bool = True
                   ) -> ItemOutcome:
    """bol.com's numbers for one item (listing, detail, the last look before shipping).

    Repeated or older answers change nothing; what bol.com cancelled or shipped itself has the
    same local effects as our own writes, and nothing is posted for it.
    """
    carts = rows.cart_units(session, [line.id])
    change = rules.bol_item_state(rows.counts_of(line, carts.get(line.id, 0)), shipped=shipped,
                                  cancelled=cancelled,
                                  cancellation_request=cancellation_request)
    if not change.changed:
        return ItemOutcome(False)
    queued = False
    rows.write_counts(line, change.after)
    if change.newly_shipped:
        rows.ship_stock(session, line, change.newly_shipped)
        _withdraw_unsent_shipments(session, order, line, "shipped at bol.com")
    if change.newly_cancelled:
        for row in _cancellation_rows(session, line, [OutboxState.QUEUED.value]):
            if not _settled_by_bol(row, line):
                continue  # a seller's cancellation of the units bol.com left still goes
            row.state = OutboxState.DONE.value
            row.last_error = "Cancelled at bol.com; nothing was sent"
            row.done_at = utcnow()
    if change.request_appeared and not _cancellation_rows(
            session, line, short_picks.LIVE_OUTBOX_STATES):
        # (A seller's cancellation of the item already on its way answers the request too.)
        payload = CancellationPayload(order.bol_order_id, line.bol_order_item_id, line.id)
        enqueue(session, order.account_id, payload, coalesce_key=payload.coalesce_key)
        queued = True
    if change.request_vanished:
        unsent = _cancellation_rows(session, line, [OutboxState.QUEUED.value])
        if unsent:
            for row in unsent:
                row.state = OutboxState.CANCELLED.value
                row.last_error = "The customer's request is gone at bol.com; nothing was sent"
                row.done_at = utcnow()
            rows.write_counts(line, rules.cancellation_withdrawn(line.counts()))
    rows.follow_reservation(session, line, reason="cancelled at bol.com")
    if refresh:
        rows.derive_statuses(session, order)
    return ItemOutcome(True, queued, bool(change.newly_cancelled or change.request_appeared))


def _withdraw_unsent_shipments(session: Session, order: Order, line: OrderLine,
                               why: str) -> None:
    """A queued shipment of ours that covers units bol.com reports shipped is not posted."""
    for shipment in session.scalars(
        select(Shipment).join(ShipmentLine, ShipmentLine.shipment_id == Shipment.id)
        .where(Shipment.order_id == order.id, ShipmentLine.order_line_id == line.id,
               Shipment.state == ShipmentState.QUEUED.value)
    ).unique():
        entries = list(session.scalars(select(OutboxEntry).where(
            OutboxEntry.shipment_id == shipment.id, OutboxEntry.state == OutboxState.QUEUED)))
        if not entries:
            continue  # being sent right now: bol.com's answer decides
        if any(entry.attempts for entry in entries):
            # We posted it before (the answer was lost): what bol.com shows is our parcel.
            for entry in entries:
                entry.state = OutboxState.DONE.value
                entry.last_error = ""
                entry.done_at = utcnow()
            shipments.shipment_confirmed(session, shipment.id)
            continue
        for entry in entries:
            entry.state = OutboxState.CANCELLED.value
            entry.last_error = f"Not sent: {why}"
            entry.done_at = utcnow()
        shipments.move_shipment(shipment, ShipmentEvent.WITHDRAWN, f"Not sent: {why}")
