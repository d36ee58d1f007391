"""The live world of one sandbox: catalogue, orders, shipments, process statuses, metrics.

One lock guards everything, because the server's loop thread and a test's thread both touch
it. Every public method takes the lock, settles process statuses that are due, and returns
plain data (dicts, lists), never the live objects.
"""

from __future__ import annotations

import heapq
import random
import threading
from collections import Counter
from dataclasses import replace
from datetime import date, datetime, timedelta

from haydigo_desk.sandbox.auth import TokenStore
from haydigo_desk.sandbox.catalogue import Offer, build_catalogue
from haydigo_desk.sandbox.clock import bol_local, local_date, utcnow
from haydigo_desk.sandbox.config import SandboxConfig
from haydigo_desk.sandbox.ids import make_numeric_id, make_uuid
from haydigo_desk.sandbox.labels import LabelDocument, ShippingLabels
from haydigo_desk.sandbox.orders import HANDLED_VISIBLE, Order, OrderFactory, OrderItem
from haydigo_desk.sandbox.process import (
    ProcessRecord,
    cancellation_error,
    shipment_error,
)
from haydigo_desk.sandbox.ratelimit import RateLimiter
from haydigo_desk.sandbox.returns import ReturnsBook
from haydigo_desk.sandbox.state_inspection import InspectionState
from haydigo_desk.sandbox.state_offers import OffersState

PAGE_SIZE = 50


class SandboxState(OffersState, InspectionState):
    def __init__(self, config: SandboxConfig, now: datetime | None = None) -> None:
        config.validate()
        self.config = config
        self._lock = threading.RLock()
        start = now or utcnow()
        self.offers: list[Offer] = build_catalogue(
            random.Random(config.seed), config.products, start
        )
        self._offers_by_id = {offer.offer_id: offer for offer in self.offers}
        self._offers_by_ean = {offer.ean: offer for offer in self.offers}
        self._factory = OrderFactory(
            random.Random(f"{config.seed}/orders"), self.offers, config.country_mix
        )
        self._live_rng = random.Random(f"{config.seed}/live")  # cancellation requests, arrivals
        self._ids_rng = random.Random(f"{config.seed}/ids")  # process, shipment, transport ids
        self._orders: dict[str, Order] = {}
        self._newest_first: list[Order] = []
        self._items: dict[str, OrderItem] = {}
        self._order_of_item: dict[str, str] = {}
        self._processes: dict[str, ProcessRecord] = {}
        self._pending: list[tuple[datetime, int, str]] = []
        self._sequence = 0
        self._shipments: list[dict] = []
        self._cancellations: list[dict] = []
        self.request_counts: Counter[str] = Counter()
        self.faults = replace(config.faults)
        self.rate_limiter = RateLimiter(config.rate_scale)
        self.tokens = TokenStore(config.client_id, config.client_secret)
        self.returns = ReturnsBook(self)  # customers send shipped items back (returns.py)
        self._labels = ShippingLabels(random.Random(f"{config.seed}/labels"), self._items,
                                      self._order_of_item, self._orders)
        self._seed_initial_orders(start)
        self._next_arrival = self._arrival_after(start)

    # ----- seeding and the passing of time -------------------------------------------------
    def _seed_initial_orders(self, start: datetime) -> None:
        rng = random.Random(f"{self.config.seed}/initial")
        ages = sorted((rng.uniform(0, 36 * 3600) for _ in range(self.config.open_orders)),
                      reverse=True)
        for age in ages:  # oldest first, so the newest ends up in front
            order = self._add_order(start - timedelta(seconds=age))
            if rng.random() < self.config.cancel_rate:
                item = rng.choice(order.items)
                item.cancellation_request = True

    def _arrival_after(self, moment: datetime) -> datetime | None:
        rate = self.config.order_rate_per_hour
        if rate <= 0:
            return None
        return moment + timedelta(hours=self._live_rng.expovariate(rate))

    def tick(self, now: datetime | None = None) -> list[str]:
        """Places the orders (and cancellation requests) due by ``now`` at the configured rate."""
        now = now or utcnow()
        placed: list[str] = []
        with self._lock:
            while self._next_arrival is not None and self._next_arrival <= now:
                placed.append(self._add_order(self._next_arrival).order_id)
                if self._live_rng.random() < self.config.cancel_rate:
                    self._random_cancellation_request(now)
                self._next_arrival = self._arrival_after(self._next_arrival)
            self.returns.tick(now)
            self._settle(now)
        return placed

    def _settle(self, now: datetime) -> None:
        while self._pending and self._pending[0][0] <= now:
            _, _, process_id = heapq.heappop(self._pending)
            self._processes[process_id].settle()

    # ----- orders ---------------------------------------------------------------------------
    def _add_order(self, placed_at: datetime, **choice) -> Order:
        order = self._factory.make(placed_at, **choice)
        self._orders[order.order_id] = order
        if self._newest_first and placed_at < self._newest_first[0].placed_at:
            self._newest_first.append(order)
            self._newest_first.sort(key=lambda o: o.placed_at, reverse=True)
        else:
            self._newest_first.insert(0, order)
        for item in order.items:
            self._items[item.order_item_id] = item
            self._order_of_item[item.order_item_id] = order.order_id
            item.offer.open_quantity += item.quantity
            item.offer.ordered_since_stock_update += item.quantity
        return order

    def add_orders(
        self,
        n: int = 1,
        country: str | None = None,
        lines: int | None = None,
        eans: list[str] | None = None,
    ) -> list[str]:
        """Places ``n`` open orders now; returns their ids, newest last."""
        with self._lock:
            now = utcnow()
            return [
                self._add_order(now, country=country, lines=lines, eans=eans).order_id
                for _ in range(n)
            ]

    def _random_cancellation_request(self, now: datetime) -> str | None:
        candidates = [
            item for item in self._items.values() if item.is_open and not item.cancellation_request
        ]
        if not candidates:
            return None
        item = self._live_rng.choice(candidates)
        item.cancellation_request = True
        item.changed_at = now
        return item.order_item_id

    def request_cancellation(self, order_item_id: str | None = None) -> str | None:
        """A customer asks to cancel an open item (a random one when no id is given).

        Returns the item id, or None when the item is unknown or no longer open.
        """
        with self._lock:
            now = utcnow()
            self._settle(now)
            if order_item_id is None:
                return self._random_cancellation_request(now)
            item = self._items.get(order_item_id)
            if item is None or not item.is_open:
                return None
            item.cancellation_request = True
            item.changed_at = now
            return order_item_id

    def list_orders(
        self,
        page: int = 1,
        method: str = "FBR",
        status: str = "OPEN",
        change_interval_minute: int | None = None,
        latest_change_date: date | None = None,
    ) -> list[dict]:
        """One page (50, newest first) of ``ReducedOrder`` bodies; empty past the last page."""
        with self._lock:
            now = utcnow()
            self._settle(now)
            if method == "FBB":
                return []  # the sandbox shop fulfils everything itself
            changed_since = (
                now - timedelta(minutes=change_interval_minute) if change_interval_minute else None
            )
            handled_since = now - HANDLED_VISIBLE
            first, last = (page - 1) * PAGE_SIZE, page * PAGE_SIZE
            found = 0
            result: list[dict] = []
            for order in self._newest_first:
                items = [
                    item
                    for item in order.items
                    if _status_matches(item, status, handled_since)
                    and (changed_since is None or item.changed_at >= changed_since)
                    and (latest_change_date is None or local_date(item.changed_at)
                         == latest_change_date)
                ]
                if not items:
                    continue
                if first <= found < last:
                    result.append(order.to_reduced(items))
                found += 1
                if found >= last:
                    break
            return result

    def order_detail(self, order_id: str) -> dict | None:
        with self._lock:
            self._settle(utcnow())
            order = self._orders.get(order_id)
            return order.to_detail() if order else None

    # ----- v10 writes -------------------------------------------------------------------------
    def _new_process(self, event_type: str, description: str, apply,
                     subject: str | None = None) -> ProcessRecord:
        now = utcnow()
        self._sequence += 1
        record = ProcessRecord(
            process_status_id=make_uuid(self._ids_rng),
            event_type=event_type,
            description=description,
            created_at=now,
            due_at=now + timedelta(seconds=self.config.process_delay_s),
            apply=apply,
            subject=subject,
        )
        self._processes[record.process_status_id] = record
        heapq.heappush(self._pending, (record.due_at, self._sequence, record.process_status_id))
        return record

    def submit_shipment(
        self,
        lines: list[tuple[str, int | None]],
        transporter_code: str | None,
        track_and_trace: str | None,
        reference: str | None,
        shipping_label_id: str | None,
        shared_base_url: str,
    ) -> dict:
        """Accepts a shipment as PENDING; its checks and effects run when the record settles."""

        def apply() -> tuple[str | None, str | None]:
            error = shipment_error(lines, self._items, self._order_of_item)
            if error is None and shipping_label_id:
                error = self._labels.shipment_error(shipping_label_id, lines)
            if error:
                return None, error
            now = utcnow()
            shipment_id = make_numeric_id(self._ids_rng, 9)
            transporter, track = transporter_code, track_and_trace
            if shipping_label_id:  # the label's carrier and T&T, whatever else was sent
                transporter, track = self._labels.ship(shipping_label_id, shipment_id)
            shipped = []
            for item_id, quantity in lines:
                item = self._items[item_id]
                amount = item.open_quantity if quantity is None else quantity
                item.quantity_shipped += amount
                item.changed_at = now
                item.offer.open_quantity -= amount
                self.returns.item_shipped(item, amount, now)
                shipped.append({"orderItemId": item_id, "ean": item.offer.ean, "quantity": amount})
            order = self._orders[self._order_of_item[lines[0][0]]]
            self._shipments.append({
                "shipmentId": shipment_id,
                "transportId": make_numeric_id(self._ids_rng, 9),
                "orderId": order.order_id,
                "orderPlacedDateTime": bol_local(order.placed_at),
                "shipmentDateTime": bol_local(now),
                "shipmentReference": reference,
                "shippingLabelId": shipping_label_id,
                "transporterCode": transporter,
                "trackAndTrace": track,
                "items": shipped,
            })
            return lines[0][0], None

        ids = ", ".join(item_id for item_id, _ in lines)
        with self._lock:
            self._settle(utcnow())
            return self._new_process(
                "CREATE_SHIPMENT", f"Create shipment for order item(s) {ids}.", apply,
                subject=lines[0][0],
            ).to_json(shared_base_url)

    def submit_cancellation(
        self, order_item_id: str, reason_code: str, shared_base_url: str
    ) -> dict:
        def apply() -> tuple[str | None, str | None]:
            error = cancellation_error(order_item_id, self._items)
            if error:
                return None, error
            item = self._items[order_item_id]
            amount = item.open_quantity
            item.quantity_cancelled += amount
            item.changed_at = utcnow()
            item.offer.open_quantity -= amount
            self._cancellations.append({
                "orderItemId": order_item_id,
                "orderId": self._order_of_item[order_item_id],
                "reasonCode": reason_code,
                "quantity": amount,
                "cancelledAt": bol_local(item.changed_at),
                "customerRequested": item.cancellation_request,
            })
            return order_item_id, None

        with self._lock:
            self._settle(utcnow())
            return self._new_process(
                "CANCEL_ORDER", f"Cancel order item {order_item_id}.", apply,
                subject=order_item_id,
            ).to_json(shared_base_url)

    def submit_transport_change(self, transport_id: str, transporter_code: str | None,
                                track_and_trace: str, shared_base_url: str) -> dict | None:
        """A new T&T (and carrier) for a shipment's transport, applied when the record
        settles; None when no shipment has this transport (bol answers 404)."""
        with self._lock:
            self._settle(utcnow())
            shipment = next((s for s in self._shipments if s["transportId"] == transport_id),
                            None)
            if shipment is None:
                return None

            def apply() -> tuple[str | None, str | None]:
                if transporter_code:
                    shipment["transporterCode"] = transporter_code
                shipment["trackAndTrace"] = track_and_trace
                shipment["transportChanges"] = shipment.get("transportChanges", 0) + 1
                return transport_id, None

            return self._new_process(
                "CHANGE_TRANSPORT", f"Change transport {transport_id}.", apply,
                subject=transport_id,
            ).to_json(shared_base_url)

    # ----- shipping labels (sandbox/labels.py has the rules) --------------------------------
    def delivery_options(self, lines: list[tuple[str, int | None]]) -> list[dict]:
        """Raises ``labels.UnknownItemError`` (404) or ``labels.LabelRequestError`` (400)."""
        with self._lock:
            now = utcnow()
            self._settle(now)
            return self._labels.delivery_options(lines, now)

    def submit_shipping_label(self, lines: list[tuple[str, int | None]], offer_id: str,
                              shared_base_url: str) -> dict:
        """Accepts a label purchase as PENDING; it is checked and charged when it settles."""
        with self._lock:
            self._settle(utcnow())
            return self._new_process(
                "CREATE_SHIPPING_LABEL",
                f"Create shipping label for order item(s) {', '.join(i for i, _ in lines)}.",
                lambda: self._labels.buy(lines, offer_id, utcnow()),
                subject=lines[0][0],
            ).to_json(shared_base_url)

    def label_document(self, label_id: str) -> LabelDocument | None:
        with self._lock:
            self._settle(utcnow())
            return self._labels.document(label_id)

    def shipping_labels(self) -> dict:
        """Purchases, their prices and the total charged (``/_sandbox/shipping-labels``)."""
        with self._lock:
            self._settle(utcnow())
            return self._labels.inspection()

    def expire_label_offers(self) -> int:
        with self._lock:
            return self._labels.expire_offers(local_date(utcnow()))

    def process_status(self, process_id: str, shared_base_url: str) -> dict | None:
        with self._lock:
            self._settle(utcnow())
            record = self._processes.get(process_id)
            return record.to_json(shared_base_url) if record else None

    def process_statuses_for_entity(self, entity_id: str, event_type: str, page: int,
                                    shared_base_url: str) -> list[dict]:
        """bol's lookup by entity id and event type: newest first, 50 per page."""
        with self._lock:
            self._settle(utcnow())
            records = sorted(
                (r for r in self._processes.values()
                 if r.subject == entity_id and r.event_type == event_type),
                key=lambda r: r.created_at, reverse=True)
            start = (page - 1) * 50
            return [r.to_json(shared_base_url) for r in records[start:start + 50]]

    def process_statuses(self, process_ids: list[str], shared_base_url: str) -> list[dict]:
        """The known ones among ``process_ids``, in the order asked (bulk endpoint)."""
        with self._lock:
            self._settle(utcnow())
            records = (self._processes.get(process_id) for process_id in process_ids)
            return [record.to_json(shared_base_url) for record in records if record]

    def shipments_for(self, order_id: str | None, page: int) -> list[dict]:
        """``ReducedShipment`` bodies, newest first, 50 per page."""
        with self._lock:
            self._settle(utcnow())
            chosen = [s for s in reversed(self._shipments) if order_id in (None, s["orderId"])]
            return [_reduced_shipment(s) for s in chosen[(page - 1) * PAGE_SIZE:page * PAGE_SIZE]]


def _status_matches(item: OrderItem, status: str, handled_since: datetime) -> bool:
    if item.is_open:
        return status in ("OPEN", "ALL")
    if item.changed_at < handled_since:
        return False  # bol drops handled items from the list after 48 hours
    if status == "SHIPPED":
        return item.quantity_shipped > 0
    return status == "ALL"


def _reduced_shipment(shipment: dict) -> dict:
    return {
        "shipmentId": shipment["shipmentId"],
        "shipmentDateTime": shipment["shipmentDateTime"],
        "shipmentReference": shipment["shipmentReference"] or "",
        "order": {
            "orderId": shipment["orderId"],
            "orderPlacedDateTime": shipment["orderPlacedDateTime"],
        },
        "shipmentItems": [
            {"orderItemId": i["orderItemId"], "ean": i["ean"]} for i in shipment["items"]
        ],
        "transport": {"transportId": shipment["transportId"]},
    }
