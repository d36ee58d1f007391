"""Returns as the sandbox keeps them: customers send back shipped items, the retailer handles.

A shipped unit comes back with the share ``rate`` (changeable at run time through
``/_sandbox/returns/settings``), ``delay_s`` after it was shipped, with one of bol's return
reasons, sometimes a customer's comment and, for most parcels, a return track & trace code.
Handling (``PUT``) and registering (``POST``) are v10 asynchronous writes: PENDING first, and
bol's checks run when the process settles. The book lives inside ``SandboxState`` and uses
its lock (re-entrant), its settling of due processes and its process records.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from haydigo_desk.sandbox.clock import bol_local, utcnow
from haydigo_desk.sandbox.ids import make_numeric_id

if TYPE_CHECKING:
    from haydigo_desk.sandbox.orders import OrderItem
    from haydigo_desk.sandbox.state import SandboxState

PAGE_SIZE = 50
HANDLING_RESULTS = (
    "RETURN_RECEIVED", "EXCHANGE_PRODUCT", "RETURN_DOES_NOT_MEET_CONDITIONS", "REPAIR_PRODUCT",
    "CUSTOMER_KEEPS_PRODUCT_PAID", "STILL_APPROVED",
)
CREATE_HANDLING_RESULTS = HANDLING_RESULTS[:-1]  # CreateReturnRequest has no STILL_APPROVED
# bol's main reasons with their detailed reasons (ReturnReason in the v10 spec).
REASONS: dict[str, tuple[str, ...]] = {
    "Verkeerde maat of afmeting": ("Te groot", "Te klein", "Pasvorm valt tegen"),
    "Verkeerd besteld": ("Dubbel besteld", "Artikel had ik toch niet nodig",
                         "Onduidelijke productinformatie"),
    "Artikel werkt niet": (),
    "Klacht over artikel": ("Artikel is beschadigd", "Artikel is incompleet",
                            "Kwaliteit valt tegen"),
    "Klacht over de bezorging": ("Verpakking is beschadigd", "Artikel is te laat bezorgd"),
    "Elders goedkoper": (),
    "Anders": ("Ik heb me bedacht", "Artikel cadeau ontvangen", "Andere kleur dan gedacht"),
}
COMMENTS = ("", "", "", "Doos was open bij levering.", "Past niet, graag geld terug.",
            "Werkt niet na een dag.", "Te laat voor het verjaardagsfeest.")


@dataclass
class ReturnItemRecord:
    rma_id: str
    order_item: OrderItem
    order_id: str
    expected_quantity: int
    main_reason: str
    detailed_reason: str | None
    comments: str
    track_and_trace: str | None
    transporter_name: str | None
    handled: bool = False
    results: list[dict] = field(default_factory=list)
    refusal: str | None = None  # set by a test: bol refuses the next handling with this text

    def to_json(self, detail: bool, address: dict) -> dict:
        body = {
            "rmaId": self.rma_id,
            "orderId": self.order_id,
            "ean": self.order_item.offer.ean,
            "expectedQuantity": self.expected_quantity,
            "returnReason": {"mainReason": self.main_reason,
                             "detailedReason": self.detailed_reason,
                             "customerComments": self.comments},
            "handled": self.handled,
            "processingResults": [dict(r) for r in self.results],
        }
        if detail:
            body["title"] = self.order_item.offer.title_nl
            body["trackAndTrace"] = self.track_and_trace
            body["transporterName"] = self.transporter_name
            body["customerDetails"] = {k: v for k, v in address.items() if k != "language"}
        return body


@dataclass
class ReturnRecord:
    return_id: str
    registered_at: datetime
    items: list[ReturnItemRecord]

    @property
    def handled(self) -> bool:
        return all(item.handled for item in self.items)


class ReturnsBook:
    def __init__(self, state: SandboxState) -> None:
        self._state = state
        self._rng = random.Random(f"{state.config.seed}/returns")
        self.rate = 0.1  # share of shipped items that come back
        self.delay_s = 600.0  # from shipping to the customer's return registration
        self._returns: dict[str, ReturnRecord] = {}
        self._items: dict[str, ReturnItemRecord] = {}
        self._due: list[tuple[datetime, OrderItem, int]] = []

    # ----- customers send things back ---------------------------------------------------------
    def item_shipped(self, item: OrderItem, quantity: int, now: datetime) -> None:
        if self._rng.random() < self.rate:
            self._due.append((now + timedelta(seconds=self.delay_s), item, quantity))

    def tick(self, now: datetime) -> None:
        due = [entry for entry in self._due if entry[0] <= now]
        self._due = [entry for entry in self._due if entry[0] > now]
        for _, item, quantity in due:
            self.register([(item, self._rng.randint(1, quantity))], now)

    def returnable(self, item: OrderItem) -> int:
        """Units of ``item`` shipped and not yet in a return."""
        taken = sum(r.expected_quantity for r in self._items.values() if r.order_item is item)
        return item.quantity_shipped - taken

    def register(self, lines: list[tuple[OrderItem, int]], now: datetime, *,
                 track_and_trace: str | None = None, reason: str | None = None,
                 comments: str | None = None, parcel: bool = True) -> ReturnRecord:
        """A customer's return of ``lines`` (item, units) of one order, registered ``now``;
        ``parcel`` False: no return parcel is known (a return the retailer registers)."""
        rng = self._rng
        if parcel and track_and_trace is None and rng.random() < 0.8:
            track_and_trace = "3SBOL" + make_numeric_id(rng, 10)
        record = ReturnRecord(self._new_id(7), now, [])
        for item, quantity in lines:
            main = reason if reason in REASONS else rng.choice(list(REASONS))
            details = REASONS[main]
            rma = ReturnItemRecord(
                rma_id=self._new_id(8), order_item=item,
                order_id=self._state._order_of_item[item.order_item_id],
                expected_quantity=quantity, main_reason=main,
                detailed_reason=rng.choice(details) if details else None,
                comments=rng.choice(COMMENTS) if comments is None else comments,
                track_and_trace=track_and_trace,
                transporter_name="PostNL" if track_and_trace else None,
            )
            record.items.append(rma)
            self._items[rma.rma_id] = rma
        self._returns[record.return_id] = record
        return record

    def _new_id(self, digits: int) -> str:
        while True:
            candidate = make_numeric_id(self._rng, digits)
            if candidate not in self._returns and candidate not in self._items:
                return candidate

    # ----- reads --------------------------------------------------------------------------------
    def _address(self, record: ReturnRecord) -> dict:
        return self._state._orders[record.items[0].order_id].address

    def to_json(self, record: ReturnRecord, detail: bool) -> dict:
        address = self._address(record)
        return {
            "returnId": record.return_id,
            "registrationDateTime": bol_local(record.registered_at),
            "fulfilmentMethod": "FBR",
            "returnItems": [item.to_json(detail, address) for item in record.items],
        }

    def list_page(self, page: int, handled: bool) -> list[dict]:
        with self._state._lock:
            self._state._settle(utcnow())
            return self._list(page, handled)

    def _list(self, page: int, handled: bool) -> list[dict]:
        chosen = [r for r in self._returns.values() if r.handled == handled]
        # bol: handled newest first, unhandled oldest first
        chosen.sort(key=lambda r: r.registered_at, reverse=handled)
        page_of = chosen[(page - 1) * PAGE_SIZE:page * PAGE_SIZE]
        return [self.to_json(r, detail=False) for r in page_of]

    def detail(self, return_id: str) -> dict | None:
        with self._state._lock:
            self._state._settle(utcnow())
            record = self._returns.get(return_id)
            return self.to_json(record, detail=True) if record else None

    def inspect(self) -> list[dict]:
        """Every return with its items and the handling results they received."""
        with self._state._lock:
            self._state._settle(utcnow())
            return [dict(self.to_json(r, detail=True), handled=r.handled)
                    for r in sorted(self._returns.values(), key=lambda r: r.registered_at)]

    # ----- control (tests, demo) ----------------------------------------------------------------
    def configure(self, rate: float | None = None, delay_s: float | None = None) -> dict:
        with self._state._lock:
            if rate is not None:
                if not 0.0 <= rate <= 1.0:
                    raise ValueError("returnRate must be between 0 and 1")
                self.rate = rate
            if delay_s is not None:
                if not 0.0 <= delay_s <= 90 * 86400:
                    raise ValueError("returnDelaySeconds must be between 0 and 90 days")
                self.delay_s = delay_s
            return {"returnRate": self.rate, "returnDelaySeconds": self.delay_s}

    def customer_returns(self, order_item_id: str, quantity: int | None = None, *,
                         track_and_trace: str | None = None, reason: str | None = None,
                         comments: str | None = None) -> dict:
        """A customer registers a return of a shipped item now; ValueError when it cannot be."""
        with self._state._lock:
            self._state._settle(utcnow())
            item = self._state._items.get(order_item_id)
            if item is None:
                raise ValueError(f"no order item {order_item_id}")
            left = self.returnable(item)
            quantity = left if quantity is None else quantity
            if not 1 <= quantity <= left:
                raise ValueError(f"order item {order_item_id} has {left} shipped unit(s) "
                                 "not yet returned")
            record = self.register([(item, quantity)], utcnow(), track_and_trace=track_and_trace,
                                   reason=reason, comments=comments)
            return self.to_json(record, detail=True)

    def refuse_next(self, rma_id: str, message: str) -> bool:
        """bol.com refuses the next handling of ``rma_id`` with ``message``."""
        with self._state._lock:
            item = self._items.get(rma_id)
            if item is None:
                return False
            item.refusal = message
            return True

    # ----- v10 writes ---------------------------------------------------------------------------
    def submit_handling(self, rma_id: str, result: str, quantity: int,
                        shared_base_url: str) -> dict:
        with self._state._lock:
            self._state._settle(utcnow())
            return self._state._new_process(
                "HANDLE_RETURN_ITEM", f"Handle the return item with rma id {rma_id}.",
                lambda: self.handle(rma_id, result, quantity), subject=rma_id,
            ).to_json(shared_base_url)

    def submit_create(self, order_item_id: str, result: str, quantity: int,
                      shared_base_url: str) -> dict:
        with self._state._lock:
            self._state._settle(utcnow())
            return self._state._new_process(
                "CREATE_RETURN_ITEM", f"Create a return for order item {order_item_id}.",
                lambda: self.create(order_item_id, result, quantity), subject=order_item_id,
            ).to_json(shared_base_url)

    # ----- what a write does when its process settles (bol's checks, then the effect) -----------
    def handle(self, rma_id: str, result: str, quantity: int) -> tuple[str | None, str | None]:
        item = self._items.get(rma_id)
        if item is None:
            return None, f"Return item with rma id {rma_id} not found."
        if item.refusal is not None:
            message, item.refusal = item.refusal, None
            return None, message
        if quantity > item.expected_quantity:
            return None, (f"The quantity returned ({quantity}) exceeds the expected quantity "
                          f"({item.expected_quantity}) of return item {rma_id}.")
        if result == "STILL_APPROVED" and not any(
                r["handlingResult"] == "RETURN_DOES_NOT_MEET_CONDITIONS" for r in item.results):
            return None, ("STILL_APPROVED can only follow the handling result "
                          "RETURN_DOES_NOT_MEET_CONDITIONS.")
        self._record_result(item, result, quantity)
        return rma_id, None

    def create(self, order_item_id: str, result: str, quantity: int
               ) -> tuple[str | None, str | None]:
        item = self._state._items.get(order_item_id)
        if item is None:
            return None, f"Order item id {order_item_id} is unknown."
        if item.quantity_shipped == 0:
            return None, f"Order item {order_item_id} has not been shipped and can not be returned."
        if quantity > self.returnable(item):
            return None, (f"The quantity returned ({quantity}) exceeds the shipped quantity "
                          f"not yet returned ({self.returnable(item)}) of order item "
                          f"{order_item_id}.")
        record = self.register([(item, quantity)], utcnow(), parcel=False, comments="")
        self._record_result(record.items[0], result, quantity)
        return record.return_id, None

    @staticmethod
    def _record_result(item: ReturnItemRecord, result: str, quantity: int) -> None:
        item.handled = True
        item.results.append({
            "quantity": quantity,
            "processingResult": ("REJECTED" if result == "RETURN_DOES_NOT_MEET_CONDITIONS"
                                 else "ACCEPTED"),
            "handlingResult": result,
            "processingDateTime": bol_local(utcnow()),
        })
