"""Queue a shipment for bol.com through the outbox, and resend one that bol.com refused.

A shipment is a ``Shipment`` row, its ``ShipmentLine``s and one ``OutboxEntry`` committed in ONE
transaction; the sync worker posts it (after checking the order with bol.com once more). A second
request while a shipment of the order is queued or sent returns that shipment, so a double press
posts once. The order row is locked (``FOR UPDATE`` on PostgreSQL; SQLite has one writer) while
deciding, so two desks cannot both queue.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from haydigo_desk.domain.states import OrderStatus, ShipmentState
from haydigo_desk.domain.transporters import (
    TrackAndTraceCheck,
    transporter_by_code,
    validate_track_and_trace,
)
from haydigo_desk.persistence.database import Database
from haydigo_desk.persistence.models import (
    Order,
    OrderLine,
    OutboxEntry,
    Shipment,
)
from haydigo_desk.services import lifecycle
from haydigo_desk.services.claims import StationIdentity

OPEN_STATES = (ShipmentState.QUEUED.value, ShipmentState.SENT.value)


class Refusal(StrEnum):
    ORDER_NOT_FOUND = "order_not_found"
    ORDER_CLOSED = "order_closed"  # shipped or cancelled already
    PUT_BACK_FIRST = "put_back_first"  # cancelled units are still in the box
    NOTHING_PICKED = "nothing_picked"
    PARTIAL_NOT_CONFIRMED = "partial_not_confirmed"
    UNKNOWN_TRANSPORTER = "unknown_transporter"
    TRACK_AND_TRACE = "track_and_trace"  # see ``check``
    NOT_FAILED = "not_failed"  # only a failed shipment can be resent


class ShipmentRefused(Exception):
    """The shipment was not queued; ``reason`` (and ``check`` for T&T) say why."""

    def __init__(self, reason: Refusal, detail: str = "",
                 check: TrackAndTraceCheck | None = None) -> None:
        super().__init__(f"{reason.value}: {detail}" if detail else reason.value)
        self.reason = reason
        self.detail = detail
        self.check = check


@dataclass(frozen=True)
class PlannedLine:
    order_line_id: int
    bol_order_item_id: str
    quantity: int


@dataclass(frozen=True)
class ShipmentPlan:
    lines: tuple[PlannedLine, ...]
    partial: bool  # some open units are not picked and stay open

    @property
    def units(self) -> int:
        return sum(line.quantity for line in self.lines)


@dataclass(frozen=True)
class QueuedShipment:
    shipment_id: int
    outbox_entry_id: int | None
    order_id: int
    state: str
    reused: bool  # an already queued/sent shipment was returned instead of a new one
    partial: bool


@dataclass(frozen=True)
class ShipmentStatus:
    shipment_id: int
    order_id: int
    state: str
    error: str
    order_status: str
    transporter_code: str
    track_and_trace: str | None
    outbox_state: str | None


def plan_in_session(session: Session, order: Order) -> ShipmentPlan:
    """Ship what is in the box: picked-but-unshipped units, at most what is still open.

    A line whose cancellation waits for bol.com has nothing open, so it is left out: the
    rest of the order ships."""
    planned, partial = [], False
    for line in order.lines:
        counts = line.counts()
        quantity = min(counts.in_box, counts.open)
        if quantity < counts.open:
            partial = True
        if quantity:
            planned.append(PlannedLine(line.id, line.bol_order_item_id, quantity))
    return ShipmentPlan(tuple(planned), partial)


def plan_shipment(database: Database, order_id: int) -> ShipmentPlan:
    with database.unit_of_work() as uow:
        order = uow.session.get(Order, order_id)
        if order is None:
            raise ShipmentRefused(Refusal.ORDER_NOT_FOUND, str(order_id))
        return plan_in_session(uow.session, order)


def check_transport(transporter_code: str, track_and_trace: str | None, *,
                    confirm_format: bool) -> TrackAndTraceCheck:
    """Refuse an unknown carrier, malformed or missing T&T, unconfirmed unknown formats."""
    transporter = transporter_by_code(transporter_code)
    if transporter is None:
        raise ShipmentRefused(Refusal.UNKNOWN_TRANSPORTER, transporter_code)
    check = validate_track_and_trace(transporter, track_and_trace)
    if check.can_post or (check.needs_confirmation and confirm_format):
        return check
    raise ShipmentRefused(Refusal.TRACK_AND_TRACE, check.result.value, check)


def _open_shipment(session: Session, order_id: int) -> Shipment | None:
    return session.scalars(
        select(Shipment).where(Shipment.order_id == order_id, Shipment.state.in_(OPEN_STATES))
        .order_by(Shipment.id.desc())
    ).first()


def _outbox_of(session: Session, shipment_id: int) -> int | None:
    return session.scalar(
        select(OutboxEntry.id).where(OutboxEntry.shipment_id == shipment_id)
        .order_by(OutboxEntry.id.desc())
    )


def _lock_order(session: Session, order_id: int) -> Order:
    order = session.scalars(
        select(Order).where(Order.id == order_id).with_for_update()
    ).one_or_none()
    if order is None:
        raise ShipmentRefused(Refusal.ORDER_NOT_FOUND, str(order_id))
    return order


def _enqueue(session: Session, order: Order, lines: tuple[PlannedLine, ...],
             transporter_code: str, track_and_trace: str, station: StationIdentity,
             shipment_reference: str | None) -> tuple[Shipment, OutboxEntry]:
    by_id = {line.id: line for line in order.lines}
    return lifecycle.queue_shipment(
        session, order, [(by_id[p.order_line_id], p.quantity) for p in lines],
        transporter_code=transporter_code, track_and_trace=track_and_trace or None,
        shipment_reference=shipment_reference, created_by=station.user_name,
        workstation=station.workstation)


def open_or_plan(session: Session, order_id: int
                 ) -> tuple[Order, QueuedShipment | None, ShipmentPlan]:
    """The locked order and its live shipment (a second press finds it), or the plan of a new
    one; a closed order, units to put back first or an empty box are refused."""
    order = _lock_order(session, order_id)
    existing = _open_shipment(session, order_id)
    if existing is not None:
        return order, QueuedShipment(existing.id, _outbox_of(session, existing.id), order_id,
                                     existing.state, True, False), ShipmentPlan((), False)
    if order.status in (OrderStatus.SHIPPED.value, OrderStatus.CANCELLED.value):
        raise ShipmentRefused(Refusal.ORDER_CLOSED, order.status)
    if any(line.counts().put_back for line in order.lines):
        raise ShipmentRefused(Refusal.PUT_BACK_FIRST)
    plan = plan_in_session(session, order)
    if not plan.lines:
        raise ShipmentRefused(Refusal.NOTHING_PICKED)
    return order, None, plan


def queue_shipment(database: Database, order_id: int, transporter_code: str,
                   track_and_trace: str | None, *, station: StationIdentity,
                   confirm_format: bool = False, confirm_partial: bool = False,
                   shipment_reference: str | None = None) -> QueuedShipment:
    """Queue the picked units of the order for bol.com, or return the one already queued."""
    check = check_transport(transporter_code, track_and_trace, confirm_format=confirm_format)
    code = transporter_by_code(transporter_code).code  # type: ignore[union-attr]
    with database.unit_of_work() as uow:
        session = uow.session
        order, existing, plan = open_or_plan(session, order_id)
        if existing is not None:
            return existing
        if plan.partial and not confirm_partial:
            raise ShipmentRefused(Refusal.PARTIAL_NOT_CONFIRMED, str(plan.units))
        shipment, entry = _enqueue(session, order, plan.lines, code, check.code, station,
                                   shipment_reference)
        uow.commit()
        return QueuedShipment(shipment.id, entry.id, order_id, shipment.state, False,
                              plan.partial)


def resend_shipment(database: Database, shipment_id: int, transporter_code: str,
                    track_and_trace: str | None, *, station: StationIdentity,
                    confirm_format: bool = False) -> QueuedShipment:
    """Correct a failed shipment: a new shipment and outbox row; the failed ones stay."""
    check = check_transport(transporter_code, track_and_trace, confirm_format=confirm_format)
    code = transporter_by_code(transporter_code).code  # type: ignore[union-attr]
    with database.unit_of_work() as uow:
        session = uow.session
        failed = session.get(Shipment, shipment_id)
        if failed is None or failed.state != ShipmentState.FAILED.value:
            raise ShipmentRefused(Refusal.NOT_FAILED, str(shipment_id))
        order = _lock_order(session, failed.order_id)
        existing = _open_shipment(session, order.id)
        if existing is not None:
            return QueuedShipment(existing.id, _outbox_of(session, existing.id), order.id,
                                  existing.state, True, False)
        by_line = {line.id: line for line in order.lines}
        lines = []
        for item in failed.lines:
            line: OrderLine = by_line[item.order_line_id]
            quantity = min(item.quantity, line.quantity_open)  # cancelled since: ship less
            if quantity:
                lines.append(PlannedLine(line.id, line.bol_order_item_id, quantity))
        if not lines:
            raise ShipmentRefused(Refusal.ORDER_CLOSED, order.status)
        partial = plan_in_session(session, order).partial
        shipment, entry = _enqueue(session, order, tuple(lines), code, check.code, station,
                                   failed.shipment_reference)
        uow.commit()
        return QueuedShipment(shipment.id, entry.id, order.id, shipment.state, False, partial)


def outbox_entry_of(database: Database, shipment_id: int) -> int | None:
    """The latest outbox row of a shipment (what the worker is asked to post)."""
    with database.unit_of_work() as uow:
        return _outbox_of(uow.session, shipment_id)


def shipment_status(database: Database, shipment_id: int) -> ShipmentStatus | None:
    with database.unit_of_work() as uow:
        session = uow.session
        row = session.execute(
            select(Shipment, Order.status).join(Order, Order.id == Shipment.order_id)
            .where(Shipment.id == shipment_id)
        ).one_or_none()
        if row is None:
            return None
        shipment, order_status = row
        outbox = session.execute(
            select(OutboxEntry.state, OutboxEntry.last_error)
            .where(OutboxEntry.shipment_id == shipment_id).order_by(OutboxEntry.id.desc())
        ).first()
        error = shipment.error or (outbox.last_error if outbox else "") or ""
        return ShipmentStatus(
            shipment.id, shipment.order_id, shipment.state, error, order_status,
            shipment.transporter_code, shipment.track_and_trace,
            outbox.state if outbox else None,
        )
