"""Writes of unknown outcome: a row left ``sending`` (the app died, the answer was lost) or a
process bol.com purged. bol.com is asked before anything is sent again: the order's shipped or
cancelled quantities, then the process status by entity id and event type, then (returns)
bol's own return. A row is re-sent only when none of them shows the write; one that stays
unknown is asked again next run, never re-posted blind.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from haydigo_desk.bol import (
    BolClient,
    BolError,
    BolNetworkError,
    BolNotFoundError,
    BolRateLimitedError,
    BolServerError,
)
from haydigo_desk.bol.api.shipping_labels import LABEL_EVENT
from haydigo_desk.bol.models import Order as BolOrderDetail
from haydigo_desk.bol.models import ProcessState, ProcessStatus
from haydigo_desk.domain.outbox_payloads import (
    CancellationPayload,
    LabelPayload,
    PayloadError,
    ReturnPayload,
    ShipmentPayload,
    StockPayload,
    TransportPayload,
    payload_of,
)
from haydigo_desk.domain.states import OutboxState, ShipmentState
from haydigo_desk.persistence.database import Database
from haydigo_desk.persistence.models import Order, OrderLine, OutboxEntry, Shipment
from haydigo_desk.persistence.models import ShipmentLine as ShipmentRow
from haydigo_desk.sync import outbox_transports as transports
from haydigo_desk.sync import returns_outbox
from haydigo_desk.sync.events import SyncReport
from haydigo_desk.sync.outbox_rows import OutboxRows

# bol.com's clock and ours differ a little: a process this much older than our row may be ours.
CLOCK_SLACK = timedelta(minutes=2)
TRANSIENT = (BolNetworkError, BolServerError, BolRateLimitedError)
# Writes that make a process at bol.com.
Written = CancellationPayload | ShipmentPayload | TransportPayload | LabelPayload
ApplyFinal = Callable[[int, ProcessStatus, SyncReport], Awaitable[None]]


def shows_done(detail: BolOrderDetail, payload: CancellationPayload | ShipmentPayload,
               expected: dict[str, int]) -> bool:
    """Whether bol.com's order already shows the write: the shipped units ``expected`` of a
    shipment (see ``expected_bol_state``), or the cancelled item."""
    items = {i.order_item_id: i for i in detail.order_items}
    if isinstance(payload, ShipmentPayload):
        return all(items.get(item_id) is not None and items[item_id].quantity_shipped >= wanted
                   for item_id, wanted in expected.items())
    item = items.get(payload.order_item_id)
    return item is not None and item.quantity_cancelled > 0


def expected_bol_state(session: Session, shipment_id: int | None,
                       payload: ShipmentPayload) -> dict[str, int]:
    """The quantityShipped per item that bol.com shows once this shipment arrived: the
    units of our confirmed shipments plus this one's (not the local shipped count, which
    may already hold what bol.com reported of this very shipment)."""
    confirmed = dict(session.execute(
        select(OrderLine.bol_order_item_id, func.sum(ShipmentRow.quantity))
        .join(ShipmentRow, ShipmentRow.order_line_id == OrderLine.id)
        .join(Shipment, Shipment.id == ShipmentRow.shipment_id)
        .join(Order, Order.id == OrderLine.order_id)
        .where(Order.bol_order_id == payload.bol_order_id,
               Shipment.state == ShipmentState.CONFIRMED.value,
               Shipment.id != (shipment_id or 0))
        .group_by(OrderLine.bol_order_item_id)
    ).all())
    return {item.order_item_id: int(confirmed.get(item.order_item_id) or 0) + item.quantity
            for item in payload.items}


class OutboxRecovery:
    """Finds out what became of a write; ``apply_final`` is the sender's handling of a
    finished process (so a recovered row ends exactly as a freshly sent one does)."""

    def __init__(self, client: BolClient, database: Database, rows: OutboxRows,
                 transport_changes: transports.TransportChanges,
                 apply_final: ApplyFinal) -> None:
        self.client = client
        self.database = database
        self.rows = rows
        self.transports = transport_changes
        self.apply_final = apply_final

    async def recover(self, account_id: int, report: SyncReport) -> None:
        """Rows left ``sending`` by a crash or a timeout: ask bol.com before anything else."""
        with self.database.unit_of_work() as uow:
            stuck = list(uow.session.scalars(select(OutboxEntry.id).where(
                OutboxEntry.account_id == account_id,
                OutboxEntry.state == OutboxState.SENDING,
            )))
        for entry_id in stuck:
            await self.reconcile(entry_id, report)

    async def reconcile(self, entry_id: int, report: SyncReport) -> None:
        with self.database.unit_of_work() as uow:
            entry = uow.session.get(OutboxEntry, entry_id)
            kind = entry.kind
            try:
                payload = payload_of(kind, dict(entry.payload))
            except PayloadError as exc:
                uow.commit()
                self.rows.fail(entry_id, str(exc), report)
                return
            expected = (expected_bol_state(uow.session, entry.shipment_id, payload)
                        if isinstance(payload, ShipmentPayload) else {})
        if isinstance(payload, StockPayload):
            self.rows.requeue(entry_id)  # PATCH sets an absolute value: sending again is safe
            return
        if isinstance(payload, TransportPayload | LabelPayload):
            # No order field shows it (bol lists no labels by order): ask the process.
            await self._resume_from_process(entry_id, payload, report)
            return
        if returns_outbox.handles(payload):
            await self._reconcile_return(entry_id, payload, report)
            return
        try:
            detail = await self.client.get_order(payload.bol_order_id)
        except BolNotFoundError:
            self.rows.fail(entry_id, "bol.com no longer knows this order", report)
            return
        except TRANSIENT as exc:
            report.errors.append(f"outbox {entry_id}: {exc}")
            return
        if shows_done(detail, payload, expected):
            self.rows.done(entry_id, report)
            return
        await self._resume_from_process(entry_id, payload, report)

    async def carried_out_anyway(self, entry_id: int) -> bool:
        """A failure for a write bol.com's order shows as done (a second post of a parcel
        that went through, say) is not marked failed: bol.com's state is what counts."""
        with self.database.unit_of_work() as uow:
            entry = uow.session.get(OutboxEntry, entry_id)
            try:
                payload = payload_of(entry.kind, dict(entry.payload))
            except PayloadError:
                return False
            if returns_outbox.handles(payload):
                expected = None
            elif not isinstance(payload, ShipmentPayload | CancellationPayload):
                return False
            else:
                expected = (expected_bol_state(uow.session, entry.shipment_id, payload)
                            if isinstance(payload, ShipmentPayload) else {})
        if expected is None:
            try:
                return await returns_outbox.shows_done(self.client, self.database, payload)
            except BolError:
                return False
        try:
            detail = await self.client.get_order(payload.bol_order_id)
        except BolError:
            return False
        return shows_done(detail, payload, expected)

    async def _resume_from_process(self, entry_id: int, payload: Written,
                                   report: SyncReport) -> None:
        # bol.com may have accepted the write without processing it yet (its order does not
        # show it): its process status by entity id and event type says whether it is there.
        try:
            found = await self._process_of(entry_id, payload)
        except TRANSIENT as exc:
            report.errors.append(f"outbox {entry_id}: {exc}")
            return  # still unknown: asked again next time, never re-posted blind
        if found is None:
            self.rows.requeue(entry_id)  # it never arrived: safe to send
            return
        self.rows.sent(entry_id, found)
        if found.is_final:
            await self.apply_final(entry_id, found, report)

    async def _reconcile_return(self, entry_id: int, payload: ReturnPayload,
                                report: SyncReport) -> None:
        """A return handling of unknown outcome: bol's process, then bol's return; sent
        again only when neither shows it."""
        created = self.rows.created_at(entry_id)
        try:
            found = await returns_outbox.find_process(self.client, payload, created)
            done = found is None and await returns_outbox.shows_done(
                self.client, self.database, payload)
        except TRANSIENT as exc:
            report.errors.append(f"outbox {entry_id}: {exc}")
            return  # still unknown: asked again next time, never re-posted blind
        if done:
            self.rows.done(entry_id, report)
        elif found is None:
            self.rows.requeue(entry_id)  # it never arrived: safe to send
        else:
            self.rows.sent(entry_id, found)
            if found.is_final:
                await self.apply_final(entry_id, found, report)

    async def _process_of(self, entry_id: int, payload: Written) -> ProcessStatus | None:
        """Our write's process at bol.com: one for the row's entity, created since the row,
        that is pending or succeeded (a failed one lets the row be sent again)."""
        created = self.rows.created_at(entry_id)
        if isinstance(payload, TransportPayload):
            statuses = await self.transports.processes(payload)
        elif isinstance(payload, LabelPayload):  # bol names the purchase by its first item
            statuses = await self.client.get_process_statuses_for_entity(
                payload.items[0].order_item_id, LABEL_EVENT)
        else:
            entity, event = ((payload.items[0].order_item_id, "CREATE_SHIPMENT")
                             if isinstance(payload, ShipmentPayload)
                             else (payload.order_item_id, "CANCEL_ORDER"))
            statuses = await self.client.get_process_statuses_for_entity(entity, event)
        candidates = [
            status for status in statuses
            if status.process_status_id and status.status in (ProcessState.PENDING,
                                                              ProcessState.SUCCESS)
            and (status.create_timestamp is None
                 or status.create_timestamp >= created - CLOCK_SLACK)
        ]
        candidates.sort(key=lambda s: s.create_timestamp or created, reverse=True)
        return candidates[0] if candidates else None
