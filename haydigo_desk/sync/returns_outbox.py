"""The outbox handler of return handlings: how they are sent, confirmed, refused, recovered.

``sync/outbox.py`` drives every row the same way (queued → sending → sent → done | failed);
for the two return kinds it calls the functions here. A row whose answer was lost is looked
up before anything is sent again: the process status by entity and event type
(``HANDLE_RETURN_ITEM`` by RMA id, ``CREATE_RETURN_ITEM`` by order item id), then bol.com's
own return (the item handled with this result and quantity). Nothing is sent twice.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from haydigo_desk.bol import BolClient, BolNotFoundError
from haydigo_desk.bol.errors import BolRequestError
from haydigo_desk.bol.models import ProcessState, ProcessStatus
from haydigo_desk.domain.outbox_payloads import (
    ReturnCreatePayload,
    ReturnHandlingPayload,
    ReturnPayload,
)
from haydigo_desk.domain.states import OutboxKind
from haydigo_desk.persistence.database import Database
from haydigo_desk.persistence.models import BolReturn, OutboxEntry, ReturnLine
from haydigo_desk.services.returns import handling_confirmed, handling_failed

KINDS = (OutboxKind.RETURN_HANDLING, OutboxKind.RETURN_CREATE)
CLOCK_SLACK = timedelta(minutes=2)  # bol.com's clock and ours differ a little


def handles(payload: object) -> bool:
    return isinstance(payload, ReturnHandlingPayload | ReturnCreatePayload)


async def send(client: BolClient, payload: ReturnPayload) -> ProcessStatus:
    """The write; a value bol's spec does not allow fails the row (never sent)."""
    try:
        if isinstance(payload, ReturnHandlingPayload):
            return await client.handle_return(payload.rma_id, payload.handling_result,
                                              payload.quantity_returned)
        return await client.create_return(payload.order_item_id, payload.quantity_returned,
                                          payload.handling_result)
    except ValueError as exc:
        raise BolRequestError(f"Not sent to bol.com: {exc}") from exc


def succeeded(session: Session, entry: OutboxEntry, status: ProcessStatus | None = None) -> None:
    """bol.com carried it out: the return item is handled and its units move."""
    line_id = int(entry.payload["return_line_id"])
    bol_return_id = (status.entity_id if status is not None
                     and entry.kind == OutboxKind.RETURN_CREATE else None)
    handling_confirmed(session, line_id, bol_return_id=bol_return_id)


def failed(session: Session, entry: OutboxEntry, message: str) -> None:
    handling_failed(session, int(entry.payload["return_line_id"]), message)


async def find_process(client: BolClient, payload: ReturnPayload, created: datetime
                       ) -> ProcessStatus | None:
    """Our write's process at bol.com, pending or succeeded, created since the row."""
    if isinstance(payload, ReturnHandlingPayload):
        entity, event = payload.rma_id, "HANDLE_RETURN_ITEM"
    else:
        entity, event = payload.order_item_id, "CREATE_RETURN_ITEM"
    statuses = await client.get_process_statuses_for_entity(entity, event)
    candidates = [
        s for s in statuses
        if s.process_status_id and s.status in (ProcessState.PENDING, ProcessState.SUCCESS)
        and (s.create_timestamp is None or s.create_timestamp >= created - CLOCK_SLACK)
    ]
    candidates.sort(key=lambda s: s.create_timestamp or created, reverse=True)
    return candidates[0] if candidates else None


async def shows_done(client: BolClient, database: Database, payload: ReturnPayload) -> bool:
    """Whether bol.com's own return shows this handling (result and quantity)."""
    if not isinstance(payload, ReturnHandlingPayload):
        return False  # a registered return has no id of ours to read back; the process says
    with database.unit_of_work() as uow:
        item = uow.session.get(ReturnLine, payload.return_line_id)
        record = uow.session.get(BolReturn, item.return_id) if item is not None else None
        return_id = record.bol_return_id if record is not None else None
    if not return_id:
        return False
    try:
        found = await client.get_return(return_id)
    except BolNotFoundError:
        return False
    return any(
        bol_item.rma_id == payload.rma_id and bol_item.handled and any(
            r.handling_result == payload.handling_result
            and r.quantity == payload.quantity_returned for r in bol_item.processing_results)
        for bol_item in found.return_items)
