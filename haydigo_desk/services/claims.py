"""Which desk works on an order: race-free claims for several workstations on one database.

A claim is one conditional UPDATE (``WHERE claimed_by IS NULL OR claimed_by = me``). Both SQLite
(one writer at a time) and PostgreSQL (the row lock of an UPDATE re-checks the WHERE after a
concurrent commit) make it atomic, so two desks can never both win the same order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from haydigo_desk.persistence.database import Database
from haydigo_desk.persistence.models import Order, utcnow


@dataclass(frozen=True)
class StationIdentity:
    """Who scans where; ``claimant`` is what other desks see ("Pieter @ desk-2")."""

    workstation: str
    user_name: str = ""

    @property
    def claimant(self) -> str:
        return f"{self.user_name or '?'} @ {self.workstation}"


@dataclass(frozen=True)
class ClaimResult:
    claimed: bool
    holder: str | None  # who has the order now (us when claimed)
    claimed_at: datetime | None


def claim_in_session(session: Session, order_id: int, claimant: str, *,
                     take_over: bool = False) -> ClaimResult:
    """Claim inside the caller's transaction; ``take_over`` ignores another desk's claim."""
    now = utcnow()
    statement = update(Order).where(Order.id == order_id)
    if not take_over:
        statement = statement.where(
            or_(Order.claimed_by.is_(None), Order.claimed_by == claimant)
        )
    won = session.execute(
        statement.values(claimed_by=claimant, claimed_at=now),
        execution_options={"synchronize_session": False},
    ).rowcount == 1
    if won:
        return ClaimResult(True, claimant, now)
    holder, at = session.execute(
        select(Order.claimed_by, Order.claimed_at).where(Order.id == order_id)
    ).one_or_none() or (None, None)
    return ClaimResult(False, holder, at)


def claim_order(database: Database, order_id: int, station: StationIdentity, *,
                take_over: bool = False) -> ClaimResult:
    with database.unit_of_work() as uow:
        result = claim_in_session(uow.session, order_id, station.claimant, take_over=take_over)
        uow.commit()
    return result


def release_order(database: Database, order_id: int, station: StationIdentity) -> bool:
    """Give the order back, but only if we still hold it (a take-over is not undone)."""
    with database.unit_of_work() as uow:
        released = uow.session.execute(
            update(Order)
            .where(Order.id == order_id, Order.claimed_by == station.claimant)
            .values(claimed_by=None, claimed_at=None),
            execution_options={"synchronize_session": False},
        ).rowcount == 1
        uow.commit()
    return released


def holder_of(session: Session, order_id: int) -> str | None:
    return session.scalar(select(Order.claimed_by).where(Order.id == order_id))
