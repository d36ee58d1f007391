"""Correct the track & trace of a shipment after bol.com confirmed it (managers only).

The correction is an outbox row (``TransportPayload``) committed here; the sync worker sends
it as ``PUT /retailer/transports/{id}`` and follows its process status. The shipment row keeps
what bol.com has: it changes only once bol.com confirms. A second correction while the first
still waits replaces it (only the latest counts); while bol.com processes one, a new one waits
for its answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select

from haydigo_desk.domain.outbox_payloads import TransportPayload, transport_coalesce_key
from haydigo_desk.domain.states import OutboxKind, OutboxState, ShipmentState
from haydigo_desk.domain.transporters import (
    TrackAndTraceCheck,
    TrackAndTraceResult,
    transporter_by_code,
    validate_track_and_trace,
)
from haydigo_desk.persistence.database import Database
from haydigo_desk.persistence.models import Order, OutboxEntry, Shipment, utcnow
from haydigo_desk.services.outbox_writer import enqueue

BUSY_STATES = (OutboxState.SENDING.value, OutboxState.SENT.value)


class Refusal(StrEnum):
    SHIPMENT_NOT_FOUND = "shipment_not_found"
    NOT_CONFIRMED = "not_confirmed"  # only a shipment bol.com confirmed has a transport
    UNKNOWN_TRANSPORTER = "unknown_transporter"
    TRACK_AND_TRACE = "track_and_trace"  # see ``check``
    UNCHANGED = "unchanged"
    BUSY = "busy"  # bol.com is processing an earlier correction


class CorrectionRefused(Exception):
    """Nothing was queued; ``reason`` (and ``check`` for the T&T) say why."""

    def __init__(self, reason: Refusal, check: TrackAndTraceCheck | None = None) -> None:
        super().__init__(reason.value)
        self.reason = reason
        self.check = check


@dataclass(frozen=True)
class Correction:
    """The latest correction of a shipment as the order detail shows it."""

    shipment_id: int
    entry_id: int
    state: str  # an OutboxState value
    transporter_code: str
    track_and_trace: str
    message: str  # bol.com's refusal when it failed


def queue_correction(database: Database, shipment_id: int, transporter_code: str,
                     track_and_trace: str, *, format_confirmed: bool = False) -> int:
    """Queue a new carrier and track & trace for a confirmed shipment; the outbox row's id.

    The code is checked with the carrier's format; one that does not look like the carrier's
    is queued only with ``format_confirmed``. Raises ``CorrectionRefused``.
    """
    transporter = transporter_by_code(transporter_code)
    if transporter is None:
        raise CorrectionRefused(Refusal.UNKNOWN_TRANSPORTER)
    check = validate_track_and_trace(transporter, track_and_trace)
    if not check.code:  # bol requires a track & trace on this endpoint, whatever the carrier
        check = TrackAndTraceCheck(
            TrackAndTraceResult.EMPTY_NOT_ALLOWED, "",
            "Enter the new track & trace code.", "Vul de nieuwe track & trace-code in.")
    if not (check.can_post or (check.needs_confirmation and format_confirmed)):
        raise CorrectionRefused(Refusal.TRACK_AND_TRACE, check)
    with database.unit_of_work() as uow:
        session = uow.session
        shipment = session.get(Shipment, shipment_id, with_for_update=True)
        if shipment is None:
            raise CorrectionRefused(Refusal.SHIPMENT_NOT_FOUND)
        if shipment.state != ShipmentState.CONFIRMED:
            raise CorrectionRefused(Refusal.NOT_CONFIRMED)
        order = session.get_one(Order, shipment.order_id)
        payload = TransportPayload(shipment.id, order.bol_order_id, transporter.code, check.code,
                                   shipment.bol_transport_id)
        latest = _latest_rows(session, [shipment.id]).get(shipment.id)
        if latest is not None and latest.state in BUSY_STATES:
            raise CorrectionRefused(Refusal.BUSY)
        if latest is not None and latest.state == OutboxState.QUEUED:
            latest.payload = payload.to_json()  # not sent yet: the newer correction replaces it
            latest.next_attempt_at = utcnow()
            uow.commit()
            return latest.id
        if (shipment.transporter_code, shipment.track_and_trace or "") == (
                transporter.code, check.code):
            raise CorrectionRefused(Refusal.UNCHANGED)
        entry = enqueue(session, order.account_id, payload, coalesce_key=payload.coalesce_key)
        session.flush()
        entry_id = entry.id
        uow.commit()
        return entry_id


def _latest_rows(session, shipment_ids: Iterable[int]) -> dict[int, OutboxEntry]:
    keys = {transport_coalesce_key(i): i for i in shipment_ids}
    if not keys:
        return {}
    latest: dict[int, OutboxEntry] = {}
    for entry in session.scalars(
            select(OutboxEntry).where(OutboxEntry.kind == OutboxKind.TRANSPORT.value,
                                      OutboxEntry.coalesce_key.in_(list(keys)))
            .order_by(OutboxEntry.id)):
        latest[keys[entry.coalesce_key]] = entry  # the newest row wins
    return latest


def corrections_of(session, shipment_ids: Iterable[int]) -> dict[int, Correction]:
    """The latest correction per shipment (in the caller's session: a read for a query)."""
    return {
        shipment_id: Correction(
            shipment_id, entry.id, entry.state, str(entry.payload.get("transporter_code") or ""),
            str(entry.payload.get("track_and_trace") or ""),
            entry.last_error or "" if entry.state == OutboxState.FAILED else "")
        for shipment_id, entry in _latest_rows(session, shipment_ids).items()
    }
