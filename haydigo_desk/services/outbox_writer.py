"""Queue a write to bol.com: the one place that creates outbox rows from typed payloads."""

from __future__ import annotations

from sqlalchemy.orm import Session

from haydigo_desk.domain.outbox_payloads import Payload
from haydigo_desk.domain.states import OutboxState
from haydigo_desk.persistence.models import OutboxEntry, utcnow


def enqueue(session: Session, account_id: int, payload: Payload, *,
            shipment_id: int | None = None, coalesce_key: str | None = None) -> OutboxEntry:
    """Add a queued row in the caller's transaction; the sync worker sends it after commit."""
    entry = OutboxEntry(
        account_id=account_id, kind=payload.kind.value, payload=payload.to_json(),
        state=OutboxState.QUEUED.value, shipment_id=shipment_id, coalesce_key=coalesce_key,
        next_attempt_at=utcnow(),
    )
    session.add(entry)
    return entry
