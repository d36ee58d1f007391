"""What the sync engine keeps: the outbox of writes, its run records, quarantined records."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from haydigo_desk.persistence.models.base import Base, utcnow


class OutboxEntry(Base):
    """A write to bol.com: committed here first, then sent by the sync worker."""

    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_state_next", "state", "next_attempt_at"),
        Index("ix_outbox_coalesce_key", "coalesce_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("marketplace_accounts.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # shipment | cancellation | stock
    payload: Mapped[dict] = mapped_column(JSON)
    state: Mapped[str] = mapped_column(String(20), default="queued")
    # Stock updates for one offer coalesce: a newer value replaces a queued older one.
    coalesce_key: Mapped[str | None] = mapped_column(String(120))
    shipment_id: Mapped[int | None] = mapped_column(ForeignKey("shipments.id"))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None]
    process_status_id: Mapped[str | None] = mapped_column(String(64))
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]
    done_at: Mapped[datetime | None]


class SyncRun(Base):
    __tablename__ = "sync_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("marketplace_accounts.id"), index=True)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]
    duration_ms: Mapped[int] = mapped_column(Integer, default=0)
    outcome: Mapped[str] = mapped_column(String(20), default="running")  # ok|failed|skipped
    full_sweep: Mapped[bool] = mapped_column(Boolean, default=False)
    workstation: Mapped[str] = mapped_column(String(100), default="")
    orders_new: Mapped[int] = mapped_column(Integer, default=0)
    orders_updated: Mapped[int] = mapped_column(Integer, default=0)
    orders_filtered: Mapped[int] = mapped_column(Integer, default=0)
    cancellations: Mapped[int] = mapped_column(Integer, default=0)
    products_new: Mapped[int] = mapped_column(Integer, default=0)
    products_updated: Mapped[int] = mapped_column(Integer, default=0)
    stock_updates_sent: Mapped[int] = mapped_column(Integer, default=0)
    shipments_confirmed: Mapped[int] = mapped_column(Integer, default=0)
    shipments_failed: Mapped[int] = mapped_column(Integer, default=0)
    api_calls: Mapped[int] = mapped_column(Integer, default=0)
    rate_limited: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[list[str]] = mapped_column(JSON, default=list)
    message: Mapped[str] = mapped_column(Text, default="")


class QuarantinedRecord(Base):
    """A record of bol.com's the sync could not take (malformed, out of bounds): skipped with
    its reason, shown in the Sync log, read again every cycle until it imports."""

    __tablename__ = "sync_quarantine"
    __table_args__ = (
        UniqueConstraint("account_id", "kind", "bol_id", name="uq_sync_quarantine_record"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("marketplace_accounts.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # order | order_id (an id too odd to fetch)
    bol_id: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text, default="")
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    first_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
