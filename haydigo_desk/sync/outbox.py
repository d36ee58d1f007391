"""Step 4: send the outbox (shipments, cancellations, stock, T&T) and follow bol's processing.

Every row is committed before anything is sent. Just before a request the row is marked
``sending`` and committed; the answer moves it on. A row still ``sending`` at the start of a
later run means the app died (or the request timed out) in between: bol.com's own state is
asked first (the order's shipped or cancelled quantity) and only then is anything resent.
Nothing is posted twice; nothing is lost while offline.
"""

from __future__ import annotations

import asyncio
import logging
import random
from dataclasses import dataclass
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
    ShipmentLine,
)
from haydigo_desk.bol.api.shipping_labels import LABEL_EVENT
from haydigo_desk.bol.models import Order as BolOrderDetail
from haydigo_desk.bol.models import ProcessState, ProcessStatus
from haydigo_desk.domain.lifecycle import LifecycleError
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
from haydigo_desk.domain.states import OutboxKind, OutboxState, ShipmentState
from haydigo_desk.persistence.database import Database
from haydigo_desk.persistence.models import Order, OrderLine, OutboxEntry, Product, Shipment, utcnow
from haydigo_desk.persistence.models import ShipmentLine as ShipmentRow
from haydigo_desk.services import lifecycle
from haydigo_desk.sync import outbox_labels, returns_outbox
from haydigo_desk.sync import outbox_transports as transports
from haydigo_desk.sync.events import SyncReport

log = logging.getLogger(__name__)

MAX_BACKOFF = timedelta(minutes=30)
# bol.com's clock and ours differ a little: a process this much older than our row may be ours.
CLOCK_SLACK = timedelta(minutes=2)
TRANSIENT = (BolNetworkError, BolServerError, BolRateLimitedError)
# Writes that make a process at bol.com.
Written = CancellationPayload | ShipmentPayload | TransportPayload | LabelPayload
CANCELLED_BY_CUSTOMER = (
    "Not shipped: the customer asked bol.com to cancel {items} of this order. Put the items "
    "back; the cancellation is handled by the desk."
)


@dataclass(frozen=True)
class OutboxResult:
    entry_id: int
    state: str
    message: str = ""


def backoff(attempts: int) -> timedelta:
    """30 s, 1 min, 2 min ... capped at 30 min, with jitter so desks do not retry in step."""
    seconds = min(30 * 2 ** max(attempts - 1, 0), MAX_BACKOFF.total_seconds())
    return timedelta(seconds=seconds * random.uniform(0.8, 1.2))


def _shows_done(detail: BolOrderDetail, payload: CancellationPayload | ShipmentPayload,
                expected: dict[str, int]) -> bool:
    """Whether bol.com's order already shows the write: the shipped units ``expected`` of a
    shipment (see ``_expected_bol_state``), or the cancelled item."""
    items = {i.order_item_id: i for i in detail.order_items}
    if isinstance(payload, ShipmentPayload):
        return all(items.get(item_id) is not None and items[item_id].quantity_shipped >= wanted
                   for item_id, wanted in expected.items())
    item = items.get(payload.order_item_id)
    return item is not None and item.quantity_cancelled > 0


class OutboxSender:
    def __init__(self, client: BolClient, database: Database, account_id: int) -> None:
        self.client = client
        self.database = database
        self.account_id = account_id
        self.transports = transports.TransportChanges(client, database)

    # --- the step ------------------------------------------------------------------------------

    async def run(self, report: SyncReport) -> None:
        await self.recover(report)
        due = self._due_ids()
        for entry_id in due:
            await self.send(entry_id, report)
        await self.poll(report)

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
            self._fail(entry_id, str(exc), report)
            return
        try:
            last_look = isinstance(payload, ShipmentPayload | LabelPayload)
            if last_look and not await self._still_shippable(entry_id, payload, report):
                return
        except TRANSIENT as exc:
            self._retry_later(entry_id, exc, report)
            return
        except BolError as exc:
            self._fail(entry_id, str(exc), report)
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
            self._mark(entry_id, OutboxState.SENDING)
            if isinstance(payload, StockPayload):
                await self.client.update_offer_stock(
                    payload.offer_id, payload.amount,
                    managed_by_retailer=payload.managed_by_retailer,
                )
                self._stock_done(entry_id, payload, report)
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
            self._sent(entry_id, status)
            if status.is_final:
                await self._apply_final(entry_id, status, report)
        except TRANSIENT as exc:
            self._retry_later(entry_id, exc, report)
        except (BolError, transports.TransportUnknown) as exc:
            self._fail(entry_id, transports.refusal_text(exc), report)

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
                self._fail(entry_id, "The order is not in the desk's database", report)
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
        self._fail(entry_id, "Not shipped: bol.com has fewer open units than this shipment "
                   f"for {titles}", report)
        return False

    # --- state changes (each its own transaction) -----------------------------------------------

    def _mark(self, entry_id: int, state: str) -> None:
        with self.database.unit_of_work() as uow:
            entry = uow.session.get(OutboxEntry, entry_id)
            entry.state = state
            entry.attempts += 1
            uow.commit()

    def _sent(self, entry_id: int, status: ProcessStatus) -> None:
        with self.database.unit_of_work() as uow:
            entry = uow.session.get(OutboxEntry, entry_id)
            entry.state = OutboxState.SENT
            entry.process_status_id = status.process_status_id
            entry.sent_at = utcnow()
            entry.next_attempt_at = utcnow() + timedelta(seconds=2)
            if entry.shipment_id:
                lifecycle.shipment_sent(uow.session, entry.shipment_id)
            uow.commit()

    def _retry_later(self, entry_id: int, exc: BolError, report: SyncReport) -> None:
        with self.database.unit_of_work() as uow:
            entry = uow.session.get(OutboxEntry, entry_id)
            # A POST that may have arrived stays "sending": the next run asks bol.com first.
            if not exc.may_have_been_processed or entry.kind == OutboxKind.STOCK:
                entry.state = OutboxState.QUEUED
            entry.last_error = str(exc)
            entry.next_attempt_at = utcnow() + backoff(entry.attempts)
            uow.commit()
        report.errors.append(f"outbox {entry_id}: {exc}")

    def _fail(self, entry_id: int, message: str, report: SyncReport) -> None:
        with self.database.unit_of_work() as uow:
            entry = uow.session.get(OutboxEntry, entry_id)
            entry.state = OutboxState.FAILED
            entry.last_error = message
            entry.done_at = utcnow()
            if entry.shipment_id:
                lifecycle.shipment_failed(uow.session, entry.shipment_id, message)
                report.shipments_failed += 1
            if entry.kind == OutboxKind.CANCELLATION and entry.payload.get("order_line_id"):
                lifecycle.cancellation_answered(
                    uow.session, int(entry.payload["order_line_id"]), accepted=False,
                    message=message)
            if entry.kind in returns_outbox.KINDS:
                returns_outbox.failed(uow.session, entry, message)
            if entry.kind == OutboxKind.LABEL:
                outbox_labels.failed(uow.session, entry, message)
            uow.commit()

    def _stock_done(self, entry_id: int, payload: StockPayload, report: SyncReport) -> None:
        with self.database.unit_of_work() as uow:
            entry = uow.session.get(OutboxEntry, entry_id)
            entry.state = OutboxState.DONE
            entry.done_at = utcnow()
            product = (uow.session.get(Product, payload.product_id)
                       if payload.product_id is not None else None)
            if product is not None:
                product.last_pushed_available = payload.amount
                product.bol_stock_amount = payload.amount
            uow.commit()
        report.stock_updates_sent += 1

    async def _apply_final(self, entry_id: int, status: ProcessStatus,
                           report: SyncReport) -> None:
        if status.status == ProcessState.FAILURE and await self._carried_out_anyway(entry_id):
            status = status.model_copy(update={"status": ProcessState.SUCCESS})
        if status.status == ProcessState.SUCCESS and not await self._label_fetched(
                entry_id, status, report):
            return
        with self.database.unit_of_work() as uow:
            entry = uow.session.get(OutboxEntry, entry_id)
            if status.status == ProcessState.SUCCESS:
                self._succeeded(uow.session, entry, report, status)
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
                self._fail(entry_id, status.error_message or "bol.com reported a failure",
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
            self._fail(entry_id, f"{outbox_labels.UNUSABLE}: {exc}", report)
            return False
        return True

    async def _carried_out_anyway(self, entry_id: int) -> bool:
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
                expected = (self._expected_bol_state(uow.session, entry.shipment_id, payload)
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
        return _shows_done(detail, payload, expected)

    def _succeeded(self, session: Session, entry: OutboxEntry, report: SyncReport,
                   status: ProcessStatus | None = None) -> None:
        entry.state = OutboxState.DONE
        entry.done_at = utcnow()
        entry.last_error = ""
        if entry.kind == OutboxKind.SHIPMENT and entry.shipment_id:
            if lifecycle.shipment_confirmed(session, entry.shipment_id):
                report.shipments_confirmed += 1
        elif entry.kind == OutboxKind.CANCELLATION and entry.payload.get("order_line_id"):
            lifecycle.cancellation_answered(session, int(entry.payload["order_line_id"]),
                                            accepted=True)
        elif entry.kind == OutboxKind.TRANSPORT:
            transports.confirmed(session, payload_of(entry.kind, dict(entry.payload)))
        elif entry.kind in returns_outbox.KINDS:
            returns_outbox.succeeded(session, entry, status)
        elif entry.kind == OutboxKind.LABEL:
            outbox_labels.succeeded(session, entry)

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
                await self._reconcile(entry_id, report)  # purged at bol.com: read the order
            elif status.is_final:
                await self._apply_final(entry_id, status, report)

    async def recover(self, report: SyncReport) -> None:
        """Rows left ``sending`` by a crash or a timeout: ask bol.com before anything else."""
        with self.database.unit_of_work() as uow:
            stuck = list(uow.session.scalars(select(OutboxEntry.id).where(
                OutboxEntry.account_id == self.account_id,
                OutboxEntry.state == OutboxState.SENDING,
            )))
        for entry_id in stuck:
            await self._reconcile(entry_id, report)

    async def _reconcile(self, entry_id: int, report: SyncReport) -> None:
        with self.database.unit_of_work() as uow:
            entry = uow.session.get(OutboxEntry, entry_id)
            kind = entry.kind
            try:
                payload = payload_of(kind, dict(entry.payload))
            except PayloadError as exc:
                uow.commit()
                self._fail(entry_id, str(exc), report)
                return
            expected = (self._expected_bol_state(uow.session, entry.shipment_id, payload)
                        if isinstance(payload, ShipmentPayload) else {})
        if isinstance(payload, StockPayload):
            self._requeue(entry_id)  # PATCH sets an absolute value: sending again is safe
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
            self._fail(entry_id, "bol.com no longer knows this order", report)
            return
        except TRANSIENT as exc:
            report.errors.append(f"outbox {entry_id}: {exc}")
            return
        if _shows_done(detail, payload, expected):
            with self.database.unit_of_work() as uow:
                self._succeeded(uow.session, uow.session.get(OutboxEntry, entry_id), report)
                uow.commit()
            return
        await self._resume_from_process(entry_id, payload, report)

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
            self._requeue(entry_id)  # it never arrived: safe to send
            return
        self._sent(entry_id, found)
        if found.is_final:
            await self._apply_final(entry_id, found, report)

    async def _reconcile_return(self, entry_id: int, payload: ReturnPayload,
                                report: SyncReport) -> None:
        """A return handling of unknown outcome: bol's process, then bol's return; sent
        again only when neither shows it."""
        with self.database.unit_of_work() as uow:
            created = uow.session.get(OutboxEntry, entry_id).created_at
        try:
            found = await returns_outbox.find_process(self.client, payload, created)
            done = found is None and await returns_outbox.shows_done(
                self.client, self.database, payload)
        except TRANSIENT as exc:
            report.errors.append(f"outbox {entry_id}: {exc}")
            return  # still unknown: asked again next time, never re-posted blind
        if done:
            with self.database.unit_of_work() as uow:
                self._succeeded(uow.session, uow.session.get(OutboxEntry, entry_id), report)
                uow.commit()
        elif found is None:
            self._requeue(entry_id)  # it never arrived: safe to send
        else:
            self._sent(entry_id, found)
            if found.is_final:
                await self._apply_final(entry_id, found, report)

    async def _process_of(self, entry_id: int, payload: Written) -> ProcessStatus | None:
        """Our write's process at bol.com: one for the row's entity, created since the row,
        that is pending or succeeded (a failed one lets the row be sent again)."""
        with self.database.unit_of_work() as uow:
            created = uow.session.get(OutboxEntry, entry_id).created_at
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

    @staticmethod
    def _expected_bol_state(session: Session, shipment_id: int | None,
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

    def _requeue(self, entry_id: int) -> None:
        with self.database.unit_of_work() as uow:
            entry = uow.session.get(OutboxEntry, entry_id)
            entry.state = OutboxState.QUEUED
            entry.process_status_id = None
            entry.next_attempt_at = utcnow()
            uow.commit()

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
