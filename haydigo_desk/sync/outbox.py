"""Step 4: send the outbox (shipments, cancellations, stock, T&T) and follow bol's processing.

Every row is committed before anything is sent. Just before a request the row is marked
``sending`` and committed; the answer moves it on. A row still ``sending`` at the start of a
later run means the app died (or the request timed out) in between: bol.com's own state is
asked first (``outbox_recovery``) and only then is anything resent. Rows move only through
``outbox_rows``. Nothing is posted twice; nothing is lost while offline.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from sqlalchemy import select

from haydigo_desk.bol import BolClient, BolError, ShipmentLine
from haydigo_desk.bol.models import ProcessState, ProcessStatus
from haydigo_desk.domain.lifecycle import LifecycleError
from haydigo_desk.domain.outbox_payloads import (
    CancellationPayload,
    LabelPayload,
    PayloadError,
    ShipmentPayload,
    StockPayload,
    TransportPayload,
    payload_of,
)
from haydigo_desk.domain.states import OutboxKind, OutboxState
from haydigo_desk.persistence.database import Database
from haydigo_desk.persistence.models import Order, OutboxEntry, utcnow
from haydigo_desk.services import lifecycle
from haydigo_desk.sync import outbox_labels, returns_outbox
from haydigo_desk.sync import outbox_transports as transports
from haydigo_desk.sync.events import SyncReport
from haydigo_desk.sync.outbox_recovery import TRANSIENT, OutboxRecovery
from haydigo_desk.sync.outbox_rows import OutboxRows, backoff, succeeded

log = logging.getLogger(__name__)

CANCELLED_BY_CUSTOMER = (
    "Not shipped: the customer asked bol.com to cancel {items} of this order. Put the items "
    "back; the cancellation is handled by the desk."
)


@dataclass(frozen=True)
class OutboxResult:
    entry_id: int
    state: str
    message: str = ""


class OutboxSender:
    def __init__(self, client: BolClient, database: Database, account_id: int) -> None:
        self.client = client
        self.database = database
        self.account_id = account_id
        self.rows = OutboxRows(database)
        self.transports = transports.TransportChanges(client, database)
        self.recovery = OutboxRecovery(client, database, self.rows, self.transports,
                                       self._apply_final)

    # --- the step ------------------------------------------------------------------------------

    async def run(self, report: SyncReport) -> None:
        await self.recover(report)
        due = self._due_ids()
        for entry_id in due:
            await self.send(entry_id, report)
        await self.poll(report)

    async def recover(self, report: SyncReport) -> None:
        """Rows a crash or a timeout left ``sending``: bol.com is asked before anything else."""
        await self.recovery.recover(self.account_id, report)

    def has_work(self) -> bool:
        """Rows to send now or answers to collect (a cheap query for the follow-up loop)."""
        now = utcnow()
        with self.database.unit_of_work() as uow:
            return uow.session.scalar(select(OutboxEntry.id).where(
                OutboxEntry.account_id == self.account_id,
                (OutboxEntry.state.in_([OutboxState.SENT, OutboxState.SENDING]))
                | ((OutboxEntry.state == OutboxState.QUEUED)
                   & ((OutboxEntry.next_attempt_at.is_(None))
                      | (OutboxEntry.next_attempt_at <= now))),
            ).limit(1)) is not None

    def _due_ids(self, entry_ids: list[int] | None = None) -> list[int]:
        with self.database.unit_of_work() as uow:
            query = select(OutboxEntry.id).where(
                OutboxEntry.account_id == self.account_id,
                OutboxEntry.state == OutboxState.QUEUED,
            ).order_by(OutboxEntry.id)
            if entry_ids is not None:
                query = query.where(OutboxEntry.id.in_(entry_ids))
            else:
                now = utcnow()
                query = query.where(
                    (OutboxEntry.next_attempt_at.is_(None)) | (OutboxEntry.next_attempt_at <= now)
                )
            return list(uow.session.scalars(query))

    # --- sending one row -----------------------------------------------------------------------

    async def send(self, entry_id: int, report: SyncReport) -> None:
        with self.database.unit_of_work() as uow:
            entry = uow.session.get(OutboxEntry, entry_id)
            if entry is None or entry.state != OutboxState.QUEUED:
                return
            kind, stored = entry.kind, dict(entry.payload)
        try:
            payload = payload_of(kind, stored)
        except PayloadError as exc:
            self.rows.fail(entry_id, str(exc), report)
            return
        try:
            last_look = isinstance(payload, ShipmentPayload | LabelPayload)
            if last_look and not await self._still_shippable(entry_id, payload, report):
                return
        except TRANSIENT as exc:
            self.rows.retry_later(entry_id, exc, report)
            return
        except BolError as exc:
            self.rows.fail(entry_id, str(exc), report)
            return
        # Once a row is marked "sending", its request and answer are seen through even when
        # the worker stops (Quit, SIGTERM): a stop never leaves a row half-sent.
        posting = asyncio.ensure_future(self._post(entry_id, payload, report))
        try:
            await asyncio.shield(posting)
        except asyncio.CancelledError:
            await posting
            raise

    async def _post(self, entry_id: int, payload, report: SyncReport) -> None:
        try:
            self.rows.mark_sending(entry_id)
            if isinstance(payload, StockPayload):
                await self.client.update_offer_stock(
                    payload.offer_id, payload.amount,
                    managed_by_retailer=payload.managed_by_retailer,
                )
                self.rows.stock_done(entry_id, payload, report)
                return
            if isinstance(payload, TransportPayload):
                status = await self.transports.send(payload)
            elif isinstance(payload, CancellationPayload):
                status = await self.client.cancel_order_item(payload.order_item_id,
                                                             payload.reason_code)
            elif returns_outbox.handles(payload):
                status = await returns_outbox.send(self.client, payload)
            elif outbox_labels.handles(payload):
                status = await outbox_labels.send(self.client, payload)
            else:
                labelled = payload.shipping_label_id  # bol takes the label's transport
                status = await self.client.create_shipment(
                    [ShipmentLine(i.order_item_id, i.quantity) for i in payload.items],
                    transporter_code=None if labelled else payload.transporter_code,
                    track_and_trace=None if labelled else payload.track_and_trace,
                    shipping_label_id=labelled,
                    shipment_reference=payload.shipment_reference,
                )
            self.rows.sent(entry_id, status)
            if status.is_final:
                await self._apply_final(entry_id, status, report)
        except TRANSIENT as exc:
            self.rows.retry_later(entry_id, exc, report)
        except (BolError, transports.TransportUnknown) as exc:
            self.rows.fail(entry_id, transports.refusal_text(exc), report)

    async def _still_shippable(self, entry_id: int, payload: ShipmentPayload | LabelPayload,
                               report: SyncReport) -> bool:
        """The last look before posting: bol.com's item states are applied first (a
        cancellation request found now is answered, units shipped elsewhere withdraw the
        shipment); then every unit of the shipment must still be open."""
        detail = await self.client.get_order(payload.bol_order_id)
        with self.database.unit_of_work() as uow:
            session = uow.session
            entry = session.get(OutboxEntry, entry_id)
            order = session.scalars(select(Order).where(
                Order.account_id == self.account_id,
                Order.bol_order_id == payload.bol_order_id)).one_or_none()
            if order is None:
                uow.commit()
                self.rows.fail(entry_id, "The order is not in the desk's database", report)
                return False
            lines = {line.bol_order_item_id: line for line in order.lines}
            try:
                for item in detail.order_items:
                    if item.order_item_id in lines:
                        outcome = lifecycle.apply_bol_item(
                            session, order, lines[item.order_item_id],
                            shipped=item.quantity_shipped, cancelled=item.quantity_cancelled,
                            cancellation_request=bool(item.cancellation_request),
                            refresh=False)
                        report.cancellations += outcome.cancellation_queued
            except LifecycleError as exc:
                report.errors.append(f"order {order.bol_order_id}: {exc}")
            lifecycle.derive_statuses(session, order)
            if entry.state != OutboxState.QUEUED:  # withdrawn: bol.com shipped it already
                uow.commit()
                return False
            blocked = [line for line in (lines.get(i.order_item_id) for i in payload.items)
                       if line is None or line.quantity_open < next(
                           i.quantity for i in payload.items
                           if i.order_item_id == line.bol_order_item_id)]
            if not blocked:
                uow.commit()
                return True
            titles = ", ".join(line.title or line.bol_order_item_id for line in blocked
                               if line is not None) or payload.bol_order_id
            cancelled = any(line is not None and (line.cancellation_requested
                                                  or line.quantity_cancelled)
                            for line in blocked)
            if cancelled:
                message = CANCELLED_BY_CUSTOMER.format(items=titles)
                entry.state = OutboxState.CANCELLED.value
                entry.last_error = message
                entry.done_at = utcnow()
                if entry.shipment_id:
                    lifecycle.shipment_withdrawn(session, entry.shipment_id, message)
                if entry.kind == OutboxKind.LABEL:
                    outbox_labels.withdrawn(session, entry, message)
                uow.commit()
                return False
            uow.commit()
        self.rows.fail(entry_id, "Not shipped: bol.com has fewer open units than this shipment "
                   f"for {titles}", report)
        return False

    # --- a finished process ---------------------------------------------------------------------

    async def _apply_final(self, entry_id: int, status: ProcessStatus,
                           report: SyncReport) -> None:
        if (status.status == ProcessState.FAILURE
                and await self.recovery.carried_out_anyway(entry_id)):
            status = status.model_copy(update={"status": ProcessState.SUCCESS})
        if status.status == ProcessState.SUCCESS and not await self._label_fetched(
                entry_id, status, report):
            return
        with self.database.unit_of_work() as uow:
            entry = uow.session.get(OutboxEntry, entry_id)
            if status.status == ProcessState.SUCCESS:
                succeeded(uow.session, entry, report, status)
            elif status.status == ProcessState.TIMEOUT:
                # bol.com gave up processing: safe to send again after a pause.
                entry.state = OutboxState.QUEUED
                entry.process_status_id = None
                entry.last_error = "bol.com timed out processing this; it will be sent again"
                entry.next_attempt_at = utcnow() + backoff(entry.attempts)
                if entry.shipment_id:
                    lifecycle.shipment_requeued(uow.session, entry.shipment_id)
            else:
                uow.commit()
                self.rows.fail(entry_id, status.error_message or "bol.com reported a failure",
                           report)
                return
            uow.commit()

    async def _label_fetched(self, entry_id: int, status: ProcessStatus,
                             report: SyncReport) -> bool:
        """A bought label's PDF is stored before its row is done (other kinds: True)."""
        with self.database.unit_of_work() as uow:
            if uow.session.get(OutboxEntry, entry_id).kind != OutboxKind.LABEL:
                return True
        try:
            await outbox_labels.fetch_document(self.client, self.database, entry_id, status)
        except TRANSIENT as exc:  # the row stays sent: the next poll fetches the PDF again
            report.errors.append(f"outbox {entry_id}: {exc}")
            return False
        except BolError as exc:
            self.rows.fail(entry_id, f"{outbox_labels.UNUSABLE}: {exc}", report)
            return False
        return True

    # --- following up ---------------------------------------------------------------------------

    async def poll(self, report: SyncReport, entry_ids: list[int] | None = None) -> None:
        with self.database.unit_of_work() as uow:
            query = select(OutboxEntry.id, OutboxEntry.process_status_id).where(
                OutboxEntry.account_id == self.account_id,
                OutboxEntry.state == OutboxState.SENT,
                OutboxEntry.process_status_id.is_not(None),
            )
            if entry_ids is not None:
                query = query.where(OutboxEntry.id.in_(entry_ids))
            pending = dict(uow.session.execute(query).all())
        if not pending:
            return
        try:
            statuses = await self.client.get_process_statuses(pending.values())
        except TRANSIENT as exc:
            report.errors.append(f"process status: {exc}")
            return
        by_id = {s.process_status_id: s for s in statuses}
        for entry_id, process_id in pending.items():
            status = by_id.get(process_id)
            if status is None:
                await self.recovery.reconcile(entry_id, report)  # purged at bol.com: read the order
            elif status.is_final:
                await self._apply_final(entry_id, status, report)

    # --- "post at once" from the pick station --------------------------------------------------

    async def post_now(self, entry_id: int, report: SyncReport, *, wait_seconds: float = 20.0,
                       poll_every: float = 0.5) -> OutboxResult:
        await self.send(entry_id, report)
        deadline = asyncio.get_running_loop().time() + wait_seconds
        while True:
            with self.database.unit_of_work() as uow:
                entry = uow.session.get(OutboxEntry, entry_id)
                state, message = entry.state, entry.last_error
            if state != OutboxState.SENT or asyncio.get_running_loop().time() >= deadline:
                return OutboxResult(entry_id, state, message)
            await asyncio.sleep(poll_every)
            await self.poll(report, [entry_id])
