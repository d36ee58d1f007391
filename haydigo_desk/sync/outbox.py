"""Step 4: send the outbox (shipments, cancellations, stock) and follow bol.com's processing.

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
from datetime import datetime, timedelta

from sqlalchemy import select
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
from haydigo_desk.bol.models import ProcessState, ProcessStatus
from haydigo_desk.domain.states import OrderStatus, OutboxKind, OutboxState, ShipmentState
from haydigo_desk.domain.stock import StockError
from haydigo_desk.persistence.database import Database
from haydigo_desk.persistence.models import (
    Order,
    OrderLine,
    OutboxEntry,
    Product,
    Shipment,
    utcnow,
)
from haydigo_desk.services import stock
from haydigo_desk.sync.events import SyncReport
from haydigo_desk.sync.orders import derive_status

log = logging.getLogger(__name__)

MAX_BACKOFF = timedelta(minutes=30)
TRANSIENT = (BolNetworkError, BolServerError, BolRateLimitedError)
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


class OutboxSender:
    def __init__(self, client: BolClient, database: Database, account_id: int) -> None:
        self.client = client
        self.database = database
        self.account_id = account_id

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
            kind, payload = entry.kind, dict(entry.payload)
        try:
            if kind == OutboxKind.SHIPMENT:
                problem = await self._check_order_before_shipping(payload)
                if problem:
                    self._fail(entry_id, problem, report)
                    return
            self._mark(entry_id, OutboxState.SENDING)
            if kind == OutboxKind.STOCK:
                await self.client.update_offer_stock(
                    payload["offer_id"], int(payload["amount"]),
                    managed_by_retailer=bool(payload.get("managed_by_retailer", True)),
                )
                self._stock_done(entry_id, payload, report)
                return
            if kind == OutboxKind.CANCELLATION:
                status = await self.client.cancel_order_item(
                    payload["order_item_id"], payload.get("reason_code", "REQUESTED_BY_CUSTOMER")
                )
            elif kind == OutboxKind.SHIPMENT:
                status = await self.client.create_shipment(
                    [ShipmentLine(i["order_item_id"], i["quantity"]) for i in payload["items"]],
                    transporter_code=payload.get("transporter_code"),
                    track_and_trace=payload.get("track_and_trace") or None,
                    shipment_reference=payload.get("shipment_reference") or None,
                )
            else:
                self._fail(entry_id, f"Unknown outbox kind {kind!r}", report)
                return
            self._sent(entry_id, status)
            if status.is_final:
                self._apply_final(entry_id, status, report)
        except TRANSIENT as exc:
            self._retry_later(entry_id, exc, report)
        except BolError as exc:
            self._fail(entry_id, str(exc), report)

    async def _check_order_before_shipping(self, payload: dict) -> str:
        """The last look before posting: has the customer asked to cancel meanwhile?"""
        detail = await self.client.get_order(payload["bol_order_id"])
        items = {i.order_item_id: i for i in detail.order_items}
        blocked = []
        for wanted in payload["items"]:
            item = items.get(wanted["order_item_id"])
            if item is None or item.cancellation_request or item.quantity_open < int(
                    wanted["quantity"]):
                title = (item.product.title if item and item.product else None) or wanted[
                    "order_item_id"]
                blocked.append(title)
        if blocked and any(
            i.cancellation_request or i.quantity_cancelled for i in detail.order_items
        ):
            return CANCELLED_BY_CUSTOMER.format(items=", ".join(blocked))
        if blocked:
            return "Not shipped: bol.com has fewer open units than this shipment for " + (
                ", ".join(blocked))
        return ""

    # --- state changes (each its own transaction) -----------------------------------------------

    def _mark(self, entry_id: int, state: str) -> None:
        with self.database.unit_of_work() as uow:
            entry = uow.session.get(OutboxEntry, entry_id)
            entry.state = state
            entry.attempts += 1
            if entry.shipment_id and state == OutboxState.SENDING:
                uow.session.get(Shipment, entry.shipment_id).state = ShipmentState.QUEUED
            uow.commit()

    def _sent(self, entry_id: int, status: ProcessStatus) -> None:
        with self.database.unit_of_work() as uow:
            entry = uow.session.get(OutboxEntry, entry_id)
            entry.state = OutboxState.SENT
            entry.process_status_id = status.process_status_id
            entry.sent_at = utcnow()
            entry.next_attempt_at = utcnow() + timedelta(seconds=2)
            if entry.shipment_id:
                uow.session.get(Shipment, entry.shipment_id).state = ShipmentState.SENT
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
                shipment = uow.session.get(Shipment, entry.shipment_id)
                shipment.state = ShipmentState.FAILED
                shipment.error = message
                report.shipments_failed += 1
            if entry.kind == OutboxKind.CANCELLATION:
                self._cancellation_failed(uow.session, entry)
            uow.commit()

    def _stock_done(self, entry_id: int, payload: dict, report: SyncReport) -> None:
        with self.database.unit_of_work() as uow:
            entry = uow.session.get(OutboxEntry, entry_id)
            entry.state = OutboxState.DONE
            entry.done_at = utcnow()
            product = uow.session.get(Product, payload.get("product_id")) if payload.get(
                "product_id") else None
            if product is not None:
                product.last_pushed_available = int(payload["amount"])
                product.bol_stock_amount = int(payload["amount"])
            uow.commit()
        report.stock_updates_sent += 1

    def _apply_final(self, entry_id: int, status: ProcessStatus, report: SyncReport) -> None:
        with self.database.unit_of_work() as uow:
            entry = uow.session.get(OutboxEntry, entry_id)
            if status.status == ProcessState.SUCCESS:
                self._succeeded(uow.session, entry, report)
            elif status.status == ProcessState.TIMEOUT:
                # bol.com gave up processing: safe to send again after a pause.
                entry.state = OutboxState.QUEUED
                entry.process_status_id = None
                entry.last_error = "bol.com timed out processing this; it will be sent again"
                entry.next_attempt_at = utcnow() + backoff(entry.attempts)
            else:
                uow.commit()
                self._fail(entry_id, status.error_message or "bol.com reported a failure",
                           report)
                return
            uow.commit()

    def _succeeded(self, session: Session, entry: OutboxEntry, report: SyncReport) -> None:
        entry.state = OutboxState.DONE
        entry.done_at = utcnow()
        entry.last_error = ""
        if entry.kind == OutboxKind.SHIPMENT and entry.shipment_id:
            confirm_shipment(session, session.get(Shipment, entry.shipment_id))
            report.shipments_confirmed += 1
        elif entry.kind == OutboxKind.CANCELLATION:
            line = session.get(OrderLine, entry.payload.get("order_line_id"))
            if line is not None:
                line.quantity_cancelled = line.quantity - line.quantity_shipped
                line.order.status = derive_status(line.order)

    @staticmethod
    def _cancellation_failed(session: Session, entry: OutboxEntry) -> None:
        line = session.get(OrderLine, entry.payload.get("order_line_id"))
        if line is not None and line.order is not None:
            line.order.problem = f"bol.com refused the cancellation: {entry.last_error}"
            line.order.status = OrderStatus.PROBLEM

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
                self._apply_final(entry_id, status, report)

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
            kind, payload = entry.kind, dict(entry.payload)
            expected = self._expected_bol_state(uow.session, entry)
        if kind == OutboxKind.STOCK:
            self._requeue(entry_id)  # PATCH sets an absolute value: sending again is safe
            return
        try:
            detail = await self.client.get_order(payload["bol_order_id"])
        except BolNotFoundError:
            self._fail(entry_id, "bol.com no longer knows this order", report)
            return
        except TRANSIENT as exc:
            report.errors.append(f"outbox {entry_id}: {exc}")
            return
        items = {i.order_item_id: i for i in detail.order_items}
        if kind == OutboxKind.SHIPMENT:
            arrived = all(
                items.get(item_id) is not None and items[item_id].quantity_shipped >= wanted
                for item_id, wanted in expected.items()
            )
        else:
            item = items.get(payload["order_item_id"])
            arrived = item is not None and item.quantity_cancelled > 0
        if arrived:
            with self.database.unit_of_work() as uow:
                self._succeeded(uow.session, uow.session.get(OutboxEntry, entry_id), report)
                uow.commit()
        else:
            self._requeue(entry_id)

    @staticmethod
    def _expected_bol_state(session: Session, entry: OutboxEntry) -> dict[str, int]:
        """For a shipment: the quantityShipped per item that bol.com shows once it arrived."""
        if entry.kind != OutboxKind.SHIPMENT:
            return {}
        lines = {line.bol_order_item_id: line for line in session.scalars(
            select(OrderLine).join(Order).where(
                Order.bol_order_id == entry.payload["bol_order_id"]))}
        return {
            i["order_item_id"]: lines[i["order_item_id"]].quantity_shipped + int(i["quantity"])
            for i in entry.payload["items"] if i["order_item_id"] in lines
        }

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


def confirm_shipment(session: Session, shipment: Shipment, now: datetime | None = None) -> None:
    """bol.com accepted the shipment: quantities shipped, stock out, order status."""
    if shipment.state == ShipmentState.CONFIRMED:
        return
    shipment.state = ShipmentState.CONFIRMED
    shipment.confirmed_at = now or utcnow()
    order = session.get(Order, shipment.order_id)
    for shipment_line in shipment.lines:
        line = shipment_line.order_line
        quantity = min(shipment_line.quantity, line.quantity_open)
        if quantity <= 0:
            continue
        line.quantity_shipped += quantity
        from_reservation = min(quantity, line.quantity_reserved)
        if line.product is not None and from_reservation:
            try:
                stock.ship(session, line.product, from_reservation, user_name=shipment.created_by,
                           order_line_id=line.id)
            except StockError:
                # The shelf count was already too low: free the reservation, keep the count.
                stock.release(session, line.product, from_reservation,
                              reason="shipped with too little stock counted",
                              order_line_id=line.id)
            line.quantity_reserved -= from_reservation
    status = derive_status(order)
    order.status = status if status in (OrderStatus.SHIPPED, OrderStatus.CANCELLED) else (
        OrderStatus.PICKING)
    if order.status == OrderStatus.SHIPPED:
        order.claimed_by = None
        order.claimed_at = None
