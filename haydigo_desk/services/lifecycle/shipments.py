"""Shipments: queued with their outbox row, then sent, confirmed, failed, resent or
withdrawn as bol.com answers."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from sqlalchemy.orm import Session

from haydigo_desk.domain import lifecycle as rules
from haydigo_desk.domain.lifecycle import ShipmentEvent
from haydigo_desk.domain.outbox_payloads import (
    ShipmentItem,
    ShipmentPayload,
)
from haydigo_desk.domain.states import (
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
from haydigo_desk.services.lifecycle import rows
from haydigo_desk.services.outbox_writer import enqueue

log = logging.getLogger(__name__)

# --- shipments ------------------------------------------------------------------------------


def move_shipment(shipment: Shipment, event: ShipmentEvent, error: str | None = None) -> bool:
    target = rules.shipment_move(ShipmentState(shipment.state), event)
    if target is None:
        return False
    shipment.state = target.value
    if error is not None:
        shipment.error = error
    if target is ShipmentState.CONFIRMED:
        shipment.confirmed_at = utcnow()
        shipment.error = ""
    return True


def queue_shipment(session: Session, order: Order, units: Sequence[tuple[OrderLine, int]], *,
                   transporter_code: str, track_and_trace: str | None,
                   shipment_reference: str | None, created_by: str, workstation: str,
                   outbox: bool = True) -> tuple[Shipment, OutboxEntry | None]:
    """A shipment of these units and its outbox row, in the caller's transaction
    (``outbox=False``: the row comes later, once the shipment's bol label is bought)."""
    for line, quantity in units:
        if quantity < 1 or quantity > line.counts().open:
            raise rules.LifecycleError(
                f"cannot ship {quantity} of {line.bol_order_item_id}: "
                f"{line.counts().open} open")
    shipment = Shipment(
        order_id=order.id, transporter_code=transporter_code,
        track_and_trace=track_and_trace or None, shipment_reference=shipment_reference,
        created_by=created_by, workstation=workstation,
        lines=[ShipmentLine(order_line_id=line.id, quantity=quantity)
               for line, quantity in units],
    )
    shipment.state = ShipmentState.QUEUED.value
    session.add(shipment)
    session.flush()
    entry = None
    if outbox:
        payload = ShipmentPayload(
            order.bol_order_id,
            tuple(ShipmentItem(line.bol_order_item_id, quantity) for line, quantity in units),
            transporter_code, track_and_trace or None, shipment_reference)
        entry = enqueue(session, order.account_id, payload, shipment_id=shipment.id)
    if order.problem and not order.problem.startswith(rows.UNMATCHED_PROBLEM):
        order.problem = ""  # a resend answers the failure that made it a problem
    rows.derive_statuses(session, order)
    return shipment, entry


def shipment_sent(session: Session, shipment_id: int) -> None:
    shipment = session.get(Shipment, shipment_id)
    if shipment is not None:
        move_shipment(shipment, ShipmentEvent.SENT)


def shipment_requeued(session: Session, shipment_id: int) -> None:
    shipment = session.get(Shipment, shipment_id)
    if shipment is not None:
        move_shipment(shipment, ShipmentEvent.REQUEUED)


def shipment_confirmed(session: Session, shipment_id: int) -> bool:
    """bol.com processed the shipment: units shipped, stock out, order and lists derived."""
    shipment = session.get(Shipment, shipment_id)
    if shipment is None or not move_shipment(shipment, ShipmentEvent.CONFIRMED):
        return False
    order = session.get(Order, shipment.order_id)
    for shipment_line in shipment.lines:
        line = shipment_line.order_line
        after, units = rules.ship(line.counts(), shipment_line.quantity)
        rows.write_counts(line, after)
        if units:
            rows.ship_stock(session, line, units, shipment.created_by)
        rows.follow_reservation(session, line, reason="shipped")
    rows.derive_statuses(session, order)
    return True


def shipment_failed(session: Session, shipment_id: int, message: str) -> None:
    """bol.com refused the shipment: the order is a problem until it is corrected and resent."""
    shipment = session.get(Shipment, shipment_id)
    if shipment is None or not move_shipment(shipment, ShipmentEvent.FAILED, message):
        return
    order = session.get(Order, shipment.order_id)
    order.problem = f"{rows.FAILED_SHIPMENT}{message}"[:500]
    rows.derive_statuses(session, order)


def shipment_resent(session: Session, shipment_id: int) -> None:
    """A manager sends a failed shipment again, unchanged (Outbox → retry)."""
    shipment = session.get(Shipment, shipment_id)
    if shipment is None or not move_shipment(shipment, ShipmentEvent.RESENT, ""):
        return
    order = session.get(Order, shipment.order_id)
    if order.problem.startswith(rows.FAILED_SHIPMENT):
        order.problem = ""
    rows.derive_statuses(session, order)


def shipment_withdrawn(session: Session, shipment_id: int, message: str) -> None:
    """Not posted after all (the customer cancelled meanwhile): the order is worked again."""
    shipment = session.get(Shipment, shipment_id)
    if shipment is None or not move_shipment(shipment, ShipmentEvent.WITHDRAWN, message):
        return
    rows.derive_statuses(session, session.get(Order, shipment.order_id))
