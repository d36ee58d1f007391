"""Records bol.com sent that the desk could not take: held with the reason, read again.

One bad order never stops the others: it is skipped, named here (and in the cycle's errors),
and fetched again in every later cycle until it imports, when it leaves the quarantine.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

from sqlalchemy import delete, select

from haydigo_desk.persistence.database import Database
from haydigo_desk.persistence.models import QuarantinedRecord, utcnow

log = logging.getLogger(__name__)

ORDER = "order"
ODD_ORDER_ID = "order_id"
# bol.com order ids are short letters and digits; anything else cannot be a real order.
PLAUSIBLE_ORDER_ID = re.compile(r"[A-Za-z0-9-]{1,64}")


def plausible_order_id(order_id: str) -> bool:
    return bool(PLAUSIBLE_ORDER_ID.fullmatch(order_id or ""))


def shown_id(bol_id: str) -> str:
    """An id as it can be stored and shown (a 20,000-character id is cut, and says so)."""
    return bol_id if len(bol_id) <= 64 else f"{bol_id[:40]}… ({len(bol_id)} characters)"


def hold(database: Database, account_id: int, records: Iterable[tuple[str, str, str]]) -> None:
    """(kind, bol id, reason) per record: added, or its attempt counted."""
    records = list(records)
    if not records:
        return
    with database.unit_of_work() as uow:
        for kind, bol_id, reason in records:
            key = shown_id(bol_id)
            row = uow.session.scalars(select(QuarantinedRecord).where(
                QuarantinedRecord.account_id == account_id, QuarantinedRecord.kind == kind,
                QuarantinedRecord.bol_id == key)).first()
            if row is None:
                uow.session.add(QuarantinedRecord(account_id=account_id, kind=kind,
                                                  bol_id=key, reason=reason[:2000]))
            else:
                row.attempts += 1
                row.reason = reason[:2000]
                row.last_seen_at = utcnow()
        uow.commit()
    log.warning("Quarantined %d record(s) of account %s", len(records), account_id)


def release(database: Database, account_id: int, order_ids: Iterable[str]) -> None:
    ids = [i for i in order_ids if len(i) <= 64]
    if not ids:
        return
    with database.unit_of_work() as uow:
        uow.session.execute(delete(QuarantinedRecord).where(
            QuarantinedRecord.account_id == account_id, QuarantinedRecord.kind == ORDER,
            QuarantinedRecord.bol_id.in_(ids)))
        uow.commit()


def orders_to_retry(database: Database, account_id: int) -> list[str]:
    with database.unit_of_work() as uow:
        return list(uow.session.scalars(select(QuarantinedRecord.bol_id).where(
            QuarantinedRecord.account_id == account_id, QuarantinedRecord.kind == ORDER)
            .order_by(QuarantinedRecord.id)))
