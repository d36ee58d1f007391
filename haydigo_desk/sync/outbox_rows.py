"""The outbox rows' state changes, each its own committed transaction.

A row moves queued → sending → sent → done | failed (or back to queued); what a change means
for the shipment, cancellation, return or label behind the row is the lifecycle's
(``services.lifecycle``) and the kind modules' (``outbox_labels``, ``returns_outbox``). The
sender and the recovery both move rows only through here.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from haydigo_desk.bol import BolError
from haydigo_desk.bol.models import ProcessStatus
from haydigo_desk.domain.outbox_payloads import StockPayload, payload_of
from haydigo_desk.domain.states import OutboxKind, OutboxState
from haydigo_desk.persistence.database import Database
from haydigo_desk.persistence.models import OutboxEntry, Product, utcnow
from haydigo_desk.services import lifecycle
from haydigo_desk.sync import outbox_labels, returns_outbox
from haydigo_desk.sync import outbox_transports as transports
from haydigo_desk.sync.events import SyncReport

MAX_BACKOFF = timedelta(minutes=30)


def backoff(attempts: int) -> timedelta:
    """30 s, 1 min, 2 min ... capped at 30 min, with jitter so desks do not retry in step."""
    seconds = min(30 * 2 ** max(attempts - 1, 0), MAX_BACKOFF.total_seconds())
    return timedelta(seconds=seconds * random.uniform(0.8, 1.2))


def succeeded(session: Session, entry: OutboxEntry, report: SyncReport,
              status: ProcessStatus | None = None) -> None:
    """bol.com carried the row's write out: the row is done and its subject follows."""
    entry.state = OutboxState.DONE
    entry.done_at = utcnow()
    entry.last_error = ""
    if entry.kind == OutboxKind.SHIPMENT and entry.shipment_id:
        if lifecycle.shipment_confirmed(session, entry.shipment_id):
            report.shipments_confirmed += 1
    elif entry.kind == OutboxKind.CANCELLATION and entry.payload.get("order_line_id"):
        lifecycle.cancellation_answered(session, int(entry.payload["order_line_id"]),
                                        accepted=True)
    elif entry.kind == OutboxKind.TRANSPORT:
        transports.confirmed(session, payload_of(entry.kind, dict(entry.payload)))
    elif entry.kind in returns_outbox.KINDS:
        returns_outbox.succeeded(session, entry, status)
    elif entry.kind == OutboxKind.LABEL:
        outbox_labels.succeeded(session, entry)


class OutboxRows:
    """Moves one row at a time, committing each move before anything else is asked."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def mark_sending(self, entry_id: int) -> None:
        with self.database.unit_of_work() as uow:
            entry = uow.session.get(OutboxEntry, entry_id)
            entry.state = OutboxState.SENDING
            entry.attempts += 1
            uow.commit()

    def sent(self, entry_id: int, status: ProcessStatus) -> None:
        with self.database.unit_of_work() as uow:
            entry = uow.session.get(OutboxEntry, entry_id)
            entry.state = OutboxState.SENT
            entry.process_status_id = status.process_status_id
            entry.sent_at = utcnow()
            entry.next_attempt_at = utcnow() + timedelta(seconds=2)
            if entry.shipment_id:
                lifecycle.shipment_sent(uow.session, entry.shipment_id)
            uow.commit()

    def retry_later(self, entry_id: int, exc: BolError, report: SyncReport) -> None:
        with self.database.unit_of_work() as uow:
            entry = uow.session.get(OutboxEntry, entry_id)
            # A POST that may have arrived stays "sending": the next run asks bol.com first.
            if not exc.may_have_been_processed or entry.kind == OutboxKind.STOCK:
                entry.state = OutboxState.QUEUED
            entry.last_error = str(exc)
            entry.next_attempt_at = utcnow() + backoff(entry.attempts)
            uow.commit()
        report.errors.append(f"outbox {entry_id}: {exc}")

    def fail(self, entry_id: int, message: str, report: SyncReport) -> None:
        with self.database.unit_of_work() as uow:
            entry = uow.session.get(OutboxEntry, entry_id)
            entry.state = OutboxState.FAILED
            entry.last_error = message
            entry.done_at = utcnow()
            if entry.shipment_id:
                lifecycle.shipment_failed(uow.session, entry.shipment_id, message)
                report.shipments_failed += 1
            if entry.kind == OutboxKind.CANCELLATION and entry.payload.get("order_line_id"):
                lifecycle.cancellation_answered(
                    uow.session, int(entry.payload["order_line_id"]), accepted=False,
                    message=message)
            if entry.kind in returns_outbox.KINDS:
                returns_outbox.failed(uow.session, entry, message)
            if entry.kind == OutboxKind.LABEL:
                outbox_labels.failed(uow.session, entry, message)
            uow.commit()

    def stock_done(self, entry_id: int, payload: StockPayload, report: SyncReport) -> None:
        with self.database.unit_of_work() as uow:
            entry = uow.session.get(OutboxEntry, entry_id)
            entry.state = OutboxState.DONE
            entry.done_at = utcnow()
            product = (uow.session.get(Product, payload.product_id)
                       if payload.product_id is not None else None)
            if product is not None:
                product.last_pushed_available = payload.amount
                product.bol_stock_amount = payload.amount
            uow.commit()
        report.stock_updates_sent += 1

    def done(self, entry_id: int, report: SyncReport) -> None:
        """``succeeded`` in a transaction of its own (bol.com's state showed the write)."""
        with self.database.unit_of_work() as uow:
            succeeded(uow.session, uow.session.get(OutboxEntry, entry_id), report)
            uow.commit()

    def requeue(self, entry_id: int) -> None:
        with self.database.unit_of_work() as uow:
            entry = uow.session.get(OutboxEntry, entry_id)
            entry.state = OutboxState.QUEUED
            entry.process_status_id = None
            entry.next_attempt_at = utcnow()
            uow.commit()

    def created_at(self, entry_id: int) -> datetime:
        with self.database.unit_of_work() as uow:
            return uow.session.get(OutboxEntry, entry_id).created_at
