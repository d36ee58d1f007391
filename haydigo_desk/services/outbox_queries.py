"""What waits to be posted to bol.com, and the two things a person may do about it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from haydigo_desk.domain.states import OutboxKind, OutboxState
from haydigo_desk.persistence.models import (
    MarketplaceAccount,
    Order,
    OutboxEntry,
    Shipment,
    utcnow,
)
from haydigo_desk.services import lifecycle

OPEN_STATES = (OutboxState.QUEUED, OutboxState.SENT, OutboxState.FAILED)


class OutboxError(ValueError):
    """A retry or cancel that is not allowed; the message says why, for the user."""


@dataclass(frozen=True)
class OutboxRow:
    id: int
    account_name: str
    kind: str
    state: str
    attempts: int
    next_attempt_at: datetime | None
    last_error: str  # bol.com's message (problem detail) of the last failed attempt
    created_at: datetime
    sent_at: datetime | None
    # What the post is about; which fields are set depends on the kind.
    offer_id: str = ""
    amount: int | None = None
    bol_order_id: str = ""
    order_item_id: str = ""
    transporter_code: str = ""
    track_and_trace: str = ""
    shipment_id: int | None = None

    @property
    def summary(self) -> str:
        """Plain English one-liner for logs and the CLI (the UI builds a translated one)."""
        if self.kind == OutboxKind.STOCK:
            return f"Stock {self.amount} for offer {self.offer_id}"
        if self.kind == OutboxKind.SHIPMENT:
            tt = f" ({self.track_and_trace})" if self.track_and_trace else ""
            return f"Shipment of order {self.bol_order_id} via {self.transporter_code}{tt}"
        if self.kind == OutboxKind.CANCELLATION:
            return f"Cancel item {self.order_item_id} of order {self.bol_order_id}".strip()
        return self.kind

    @property
    def can_retry(self) -> bool:
        return self.state in (OutboxState.FAILED, OutboxState.QUEUED)

    @property
    def can_cancel(self) -> bool:
        return self.state in (OutboxState.FAILED, OutboxState.QUEUED)


def _text(payload: dict, *keys: str) -> str:
    for key in keys:
        value = payload.get(key)
        if value not in (None, ""):
            return str(value)
    return ""


def _to_row(
    entry: OutboxEntry, account_name: str, shipment: Shipment | None, shipment_order: str
) -> OutboxRow:
    payload = entry.payload or {}
    amount = payload.get("amount")
    return OutboxRow(
        id=entry.id,
        account_name=account_name,
        kind=entry.kind,
        state=entry.state,
        attempts=entry.attempts,
        next_attempt_at=entry.next_attempt_at,
        last_error=entry.last_error or "",
        created_at=entry.created_at,
        sent_at=entry.sent_at,
        offer_id=_text(payload, "offer_id", "offerId"),
        amount=int(amount) if isinstance(amount, int | float) else None,
        bol_order_id=_text(payload, "bol_order_id", "order_id", "orderId") or shipment_order,
        order_item_id=_text(payload, "order_item_id", "orderItemId", "bol_order_item_id"),
        transporter_code=(shipment.transporter_code if shipment else "")
        or _text(payload, "transporter_code", "transporterCode"),
        track_and_trace=(shipment.track_and_trace if shipment else "")
        or _text(payload, "track_and_trace", "trackAndTrace"),
        shipment_id=entry.shipment_id,
    )


def _bol_order_ids(session: Session, shipments: Iterable[Shipment]) -> dict[int, str]:
    """bol.com order id per shipment id, in one query."""
    by_order = {s.order_id: s.id for s in shipments}
    if not by_order:
        return {}
    rows = session.execute(
        select(Order.id, Order.bol_order_id).where(Order.id.in_(by_order))
    )
    return {by_order[order_id]: bol_id for order_id, bol_id in rows}


def list_outbox(
    session: Session, states: Iterable[str] = OPEN_STATES, *, limit: int = 1000
) -> list[OutboxRow]:
    """Entries in ``states``: failed first (they need a person), then oldest first."""
    wanted = [str(s) for s in states]
    entries = session.scalars(
        select(OutboxEntry)
        .where(OutboxEntry.state.in_(wanted))
        .order_by(OutboxEntry.created_at, OutboxEntry.id)
        .limit(limit)
    ).all()
    accounts = dict(
        session.execute(select(MarketplaceAccount.id, MarketplaceAccount.name)).all()
    )
    shipment_ids = {e.shipment_id for e in entries if e.shipment_id is not None}
    shipments = (
        {s.id: s for s in session.scalars(select(Shipment).where(Shipment.id.in_(shipment_ids)))}
        if shipment_ids
        else {}
    )
    orders = _bol_order_ids(session, shipments.values())
    rows = [
        _to_row(
            entry,
            accounts.get(entry.account_id, ""),
            shipments.get(entry.shipment_id) if entry.shipment_id else None,
            orders.get(entry.shipment_id, "") if entry.shipment_id else "",
        )
        for entry in entries
    ]
    rows.sort(key=lambda r: r.state != OutboxState.FAILED)  # stable: keeps oldest first
    return rows


def _entry(session: Session, entry_id: int) -> OutboxEntry:
    entry = session.get(OutboxEntry, entry_id, with_for_update=True)
    if entry is None:
        raise OutboxError(f"Outbox entry {entry_id} no longer exists")
    return entry


def _refuse_finished(entry: OutboxEntry, action: str) -> None:
    if entry.state == OutboxState.DONE:
        raise OutboxError(f"Cannot {action} entry {entry.id}: bol.com already processed it")
    if entry.state == OutboxState.CANCELLED:
        raise OutboxError(f"Cannot {action} entry {entry.id}: it was cancelled")
    if entry.state == OutboxState.SENT:
        # Sent means bol.com has it; the worker asks for the result before anything is resent.
        raise OutboxError(
            f"Cannot {action} entry {entry.id}: it was sent and bol.com is still processing it"
        )


def retry(session: Session, entry_id: int) -> OutboxRow:
    """A failed (or waiting) entry goes back to queued, to be sent on the next cycle."""
    entry = _entry(session, entry_id)
    _refuse_finished(entry, "retry")
    entry.state = OutboxState.QUEUED
    entry.next_attempt_at = utcnow()
    if entry.shipment_id is not None:
        lifecycle.shipment_resent(session, entry.shipment_id)
    elif entry.kind == OutboxKind.CANCELLATION and entry.payload.get("order_line_id"):
        lifecycle.cancellation_resent(session, int(entry.payload["order_line_id"]))
    session.flush()
    return _single_row(session, entry)


def cancel(session: Session, entry_id: int) -> OutboxRow:
    """Drop a queued or failed entry; its shipment (if any) is cancelled with it."""
    entry = _entry(session, entry_id)
    _refuse_finished(entry, "cancel")
    entry.state = OutboxState.CANCELLED
    entry.done_at = utcnow()
    if entry.shipment_id is not None:
        lifecycle.shipment_withdrawn(session, entry.shipment_id, "Cancelled in the outbox")
    elif entry.kind == OutboxKind.CANCELLATION and entry.payload.get("order_line_id"):
        lifecycle.cancellation_dropped(session, int(entry.payload["order_line_id"]))
    session.flush()
    return _single_row(session, entry)


def _single_row(session: Session, entry: OutboxEntry) -> OutboxRow:
    account = session.get(MarketplaceAccount, entry.account_id)
    shipment = session.get(Shipment, entry.shipment_id) if entry.shipment_id else None
    orders = _bol_order_ids(session, [shipment] if shipment else [])
    return _to_row(
        entry, account.name if account else "", shipment, orders.get(entry.shipment_id or -1, "")
    )
