"""The returns step: import bol.com's unhandled returns into the desk's returns table.

Each cycle lists the unhandled FBR returns (20 requests a minute at bol.com: one list page
of 50 per request), reads the detail (title, the return parcel's track & trace, customer)
only of returns the desk does not know yet, and looks again at a few local items still open
that left bol's unhandled list (handled in bol's seller portal, say). A failure here is
written into the cycle's record and never stops the outbox.
"""

from __future__ import annotations

import contextlib
import logging

from sqlalchemy import select

from haydigo_desk.bol import BolClient, BolError, BolNotFoundError
from haydigo_desk.bol.models_returns import Return
from haydigo_desk.domain.returns import ReturnLineState
from haydigo_desk.persistence.database import Database
from haydigo_desk.persistence.models import BolReturn, ReturnLine
from haydigo_desk.services.returns import import_return, known_return_ids
from haydigo_desk.sync.events import SyncReport

log = logging.getLogger(__name__)

# Local items still open that bol.com no longer lists as unhandled: read again, a few a cycle.
RECHECK_PER_CYCLE = 5


async def import_returns(client: BolClient, database: Database, account_id: int,
                         report: SyncReport) -> int:
    """Imports the unhandled returns; returns how many return items are new to the desk."""
    new = 0
    listed: set[str] = set()
    try:
        async for page in client.iter_return_pages(handled=False):
            listed.update(found.return_id for found in page)
            new += await _store_page(client, database, account_id, page)
        new += await _recheck_vanished(client, database, account_id, listed)
    except BolError as exc:
        log.warning("returns import of account %s failed: %s", account_id, exc)
        report.errors.append(f"returns: {exc}")
    return new


async def _store_page(client: BolClient, database: Database, account_id: int,
                      page: list[Return]) -> int:
    with database.unit_of_work() as uow:
        known = known_return_ids(uow.session, account_id, [r.return_id for r in page])
    new = 0
    for found in page:
        if found.return_id not in known:
            # gone between list and detail: the list's fields are what there is
            with contextlib.suppress(BolNotFoundError):
                found = await client.get_return(found.return_id)
        with database.unit_of_work() as uow:
            new += import_return(uow.session, account_id, found)
            uow.commit()
    return new


async def _recheck_vanished(client: BolClient, database: Database, account_id: int,
                            listed: set[str]) -> int:
    with database.unit_of_work() as uow:
        open_ids = list(uow.session.scalars(
            select(BolReturn.bol_return_id).distinct()
            .join(ReturnLine, ReturnLine.return_id == BolReturn.id)
            .where(BolReturn.account_id == account_id, BolReturn.bol_return_id.is_not(None),
                   ReturnLine.state == ReturnLineState.OPEN)
            .order_by(BolReturn.bol_return_id)))
    vanished = [return_id for return_id in open_ids if return_id not in listed]
    new = 0
    for return_id in vanished[:RECHECK_PER_CYCLE]:
        try:
            found = await client.get_return(return_id)
        except BolNotFoundError:
            continue
        with database.unit_of_work() as uow:
            new += import_return(uow.session, account_id, found)
            uow.commit()
    return new
