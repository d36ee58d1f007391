"""The sync log: what each sync cycle did, newest first, as plain rows for the UI."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from haydigo_desk.persistence.models import MarketplaceAccount, QuarantinedRecord, SyncRun

if TYPE_CHECKING:
    from haydigo_desk.services.labels import DayLabels


@dataclass(frozen=True)
class SyncRunRow:
    id: int
    account_name: str
    started_at: datetime
    finished_at: datetime | None
    duration_ms: int
    outcome: str
    full_sweep: bool
    workstation: str
    orders_new: int
    orders_updated: int
    orders_filtered: int
    cancellations: int
    products_new: int
    products_updated: int
    stock_updates_sent: int
    shipments_confirmed: int
    shipments_failed: int
    api_calls: int
    rate_limited: int
    errors: tuple[str, ...]
    message: str


def _to_row(run: SyncRun, account_name: str) -> SyncRunRow:
    return SyncRunRow(
        id=run.id,
        account_name=account_name,
        started_at=run.started_at,
        finished_at=run.finished_at,
        duration_ms=run.duration_ms,
        outcome=run.outcome,
        full_sweep=run.full_sweep,
        workstation=run.workstation,
        orders_new=run.orders_new,
        orders_updated=run.orders_updated,
        orders_filtered=run.orders_filtered,
        cancellations=run.cancellations,
        products_new=run.products_new,
        products_updated=run.products_updated,
        stock_updates_sent=run.stock_updates_sent,
        shipments_confirmed=run.shipments_confirmed,
        shipments_failed=run.shipments_failed,
        api_calls=run.api_calls,
        rate_limited=run.rate_limited,
        errors=tuple(str(e) for e in (run.errors or [])),
        message=run.message or "",
    )


def list_runs(
    session: Session, *, account_id: int | None = None, limit: int = 200
) -> list[SyncRunRow]:
    """The latest ``limit`` runs, newest first."""
    query = (
        select(SyncRun, MarketplaceAccount.name)
        .join(MarketplaceAccount, SyncRun.account_id == MarketplaceAccount.id)
        .order_by(SyncRun.started_at.desc(), SyncRun.id.desc())
        .limit(limit)
    )
    if account_id is not None:
        query = query.where(SyncRun.account_id == account_id)
    return [_to_row(run, name) for run, name in session.execute(query)]


@dataclass(frozen=True)
class HeldRecord:
    """A record of bol.com's the sync skipped and reads again every cycle."""

    account_name: str
    kind: str
    bol_id: str
    reason: str
    attempts: int
    first_seen_at: datetime


def held_records(session: Session, limit: int = 100) -> list[HeldRecord]:
    return [
        HeldRecord(name, record.kind, record.bol_id, record.reason, record.attempts,
                   record.first_seen_at)
        for record, name in session.execute(
            select(QuarantinedRecord, MarketplaceAccount.name)
            .join(MarketplaceAccount, QuarantinedRecord.account_id == MarketplaceAccount.id)
            .order_by(QuarantinedRecord.first_seen_at, QuarantinedRecord.id).limit(limit))
    ]


@dataclass(frozen=True)
class SyncLog:
    """What the Sync log section shows, read in one transaction."""

    runs: list[SyncRunRow]
    held: list[HeldRecord]
    labels: DayLabels  # bol.com labels bought today and their cost


def load_log(session: Session) -> SyncLog:
    # Imported here: the labels' use cases load the bol.com client's models, which the
    # window's status bar (list_runs) does not need before it shows.
    from haydigo_desk.services.labels import day_labels

    return SyncLog(list_runs(session), held_records(session), day_labels(session))
