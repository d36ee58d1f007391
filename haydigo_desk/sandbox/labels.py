"""Shipping labels bought through the sandbox's bol ("Verzenden via bol"): state and rules.

What bol offers depends on the box: the order items' products (dimensions and weight from the
catalogue) are packed together, the units stacked. A box that fits a letterbox gets mailbox
labels too; one above the parcel limit gets none. Each option has a handover window and says
whether it meets the customer's promise: handed over by its latest handover time and carried
for the option's transit time, does it arrive by the order item's latest delivery time? (Time
spans, not calendar days, so that the answer does not depend on the hour a test runs.) The
cheapest option on time is the recommended one.

A purchase is checked when its process status settles, as bol does: an unknown or expired
offer id, items other than the offer's, items no longer open, or items that already have a
label end in FAILURE with bol-like text. Every label bought is recorded with its price (the
inspection endpoint shows purchases and the total charged), and a shipment posted with its id
must carry exactly its items; the shipment then takes the label's transporter and T&T.

``ShippingLabels`` holds no lock: ``SandboxState`` calls it under its own.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from haydigo_desk.sandbox.clock import bol_local, local_date
from haydigo_desk.sandbox.ids import make_uuid
from haydigo_desk.sandbox.orders import Order, OrderItem

# A letterbox package (PostNL's brievenbuspakje): at most 380 x 265 x 32 mm and 2 kg.
MAILBOX_MAX_MM = (380, 265, 32)
MAILBOX_MAX_G = 2000
PARCEL_MAX_MM = (1000, 500, 500)
PARCEL_MAX_G = 23_000


class LabelRequestError(ValueError):
    """A delivery-options request bol answers with 400 (``field``: which part of the body)."""

    def __init__(self, field_name: str, reason: str) -> None:
        super().__init__(reason)
        self.field = field_name


class UnknownItemError(LookupError):
    """A delivery-options request for an order item bol does not know (404)."""


@dataclass(frozen=True)
class Product:
    """One kind of label bol sells: carrier, type, price, handover window and transit time."""

    key: str
    transporter_code: str
    label_type: str
    display_name: str
    price: float
    heavy_price: float | None  # above 10 kg; None: not for heavy boxes
    handover_hours: int  # the latest handover is this long after the request
    transit_hours: int  # from handover to the customer's door
    collection_method: str
    tt_prefix: str
    tt_digits: int
    mailbox: bool = False


PRODUCTS: tuple[Product, ...] = (
    Product("postnl-mailbox", "TNT", "MAILBOX", "PostNL & bol.com - Brievenbuspakje",
            2.88, None, 4, 40, "DROP_OFF", "3SBOLM", 9, mailbox=True),
    Product("postnl-mailbox-light", "TNT_BRIEF", "MAILBOX_LIGHT",
            "PostNL & bol.com - Brievenbuspakje zonder scan", 2.45, None, 4, 64, "DROP_OFF",
            "3SBOLL", 9, mailbox=True),
    Product("postnl-parcel", "TNT", "PARCEL", "PostNL & bol.com - Pakket",
            4.15, 6.95, 4, 18, "DROP_OFF", "3SBOLP", 9),
    Product("dhl-parcel", "DHLFORYOU", "PARCEL", "DHL & bol.com - Pakket",
            3.95, 6.50, 2, 30, "PICK_UP", "JVGL", 18),
)
HEAVY_G = 10_000


@dataclass
class Box:
    """The order items of one request packed together: units stacked on the largest base."""

    dimensions_mm: tuple[int, int, int]
    weight_g: int

    @classmethod
    def of(cls, lines: list[tuple[OrderItem, int]]) -> Box:
        length = max(item.offer.dimensions_mm[0] for item, _ in lines)
        width = max(item.offer.dimensions_mm[1] for item, _ in lines)
        height = sum(item.offer.dimensions_mm[2] * quantity for item, quantity in lines)
        weight = sum(item.offer.weight_g * quantity for item, quantity in lines)
        return cls(tuple(sorted((length, width, height), reverse=True)), weight)

    def fits(self, max_mm: tuple[int, int, int], max_g: int) -> bool:
        return self.weight_g <= max_g and all(
            side <= limit for side, limit in zip(self.dimensions_mm, max_mm, strict=True))


@dataclass
class LabelOffer:
    """One delivery option as bol answered it: what a ``shippingLabelOfferId`` stands for."""

    offer_id: str
    product: Product
    lines: dict[str, int]  # order item id -> quantity
    price: float
    valid_until: date
    earliest_handover: datetime
    latest_handover: datetime
    meets_expectation: bool
    recommended: bool = False

    def to_json(self) -> dict:
        product = self.product
        mailbox = product.mailbox
        return {
            "shippingLabelOfferId": self.offer_id,
            "recommended": self.recommended,
            "validUntilDate": self.valid_until.isoformat(),
            "transporterCode": product.transporter_code,
            "labelType": product.label_type,
            "labelDisplayName": product.display_name,
            "labelPrice": {"totalPrice": self.price},
            "packageRestrictions": {
                "maxWeight": f"{(MAILBOX_MAX_G if mailbox else PARCEL_MAX_G) // 1000} kg",
                "maxDimensions": " x ".join(
                    f"{side / 10:g}" for side in (MAILBOX_MAX_MM if mailbox else PARCEL_MAX_MM)
                ) + " cm",
            },
            "handoverDetails": {
                "meetsCustomerExpectation": self.meets_expectation,
                "earliestHandoverDateTime": bol_local(self.earliest_handover),
                "latestHandoverDateTime": bol_local(self.latest_handover),
                "collectionMethod": product.collection_method,
            },
        }


@dataclass
class Label:
    """A bought label; ``shipment_id`` is set once a shipment used it."""

    label_id: str
    offer: LabelOffer
    order_id: str
    track_and_trace: str
    bought_at: datetime
    address: dict
    shipment_id: str | None = None

    @property
    def transporter_code(self) -> str:
        return self.offer.product.transporter_code

    def to_inspection(self) -> dict:
        return {
            "shippingLabelId": self.label_id,
            "shippingLabelOfferId": self.offer.offer_id,
            "orderId": self.order_id,
            "orderItems": [{"orderItemId": item_id, "quantity": quantity}
                           for item_id, quantity in self.offer.lines.items()],
            "transporterCode": self.transporter_code,
            "trackAndTrace": self.track_and_trace,
            "labelType": self.offer.product.label_type,
            "labelDisplayName": self.offer.product.display_name,
            "price": self.offer.price,
            "boughtAt": bol_local(self.bought_at),
            "shipmentId": self.shipment_id,
        }


@dataclass(frozen=True)
class LabelDocument:
    """What the label PDF shows (a copy, rendered outside the state's lock)."""

    label_id: str
    transporter_code: str
    track_and_trace: str
    display_name: str
    label_type: str
    order_id: str
    address: dict
    lines: tuple[tuple[str, int], ...]


@dataclass
class ShippingLabels:
    """The labels part of one sandbox: offers made, labels bought, what they cost."""

    rng: random.Random
    items: dict[str, OrderItem]  # the state's own maps, read (never replaced) here
    order_of_item: dict[str, str]
    orders: dict[str, Order]
    offers: dict[str, LabelOffer] = field(default_factory=dict)
    labels: dict[str, Label] = field(default_factory=dict)
    label_of_item: dict[str, str] = field(default_factory=dict)

    # ----- delivery options ---------------------------------------------------------------
    def delivery_options(self, lines: list[tuple[str, int | None]], now: datetime) -> list[dict]:
        """bol's ``deliveryOptions`` for these items (empty when no label fits the box)."""
        resolved = self._resolve(lines)
        box = Box.of(resolved)
        heavy = box.weight_g > HEAVY_G
        deadline = min(item.latest_delivery for item, _ in resolved)
        made: list[LabelOffer] = []
        for product in PRODUCTS:
            if product.mailbox and not box.fits(MAILBOX_MAX_MM, MAILBOX_MAX_G):
                continue
            if not box.fits(PARCEL_MAX_MM, PARCEL_MAX_G):
                continue
            price = product.heavy_price if heavy else product.price
            if price is None:
                continue
            latest = (now + timedelta(hours=product.handover_hours)).replace(microsecond=0)
            offer = LabelOffer(
                offer_id=make_uuid(self.rng),
                product=product,
                lines={item.order_item_id: quantity for item, quantity in resolved},
                price=price,
                valid_until=local_date(now),
                earliest_handover=now.replace(microsecond=0),
                latest_handover=latest,
                meets_expectation=latest + timedelta(hours=product.transit_hours) <= deadline,
            )
            made.append(offer)
        if made:
            on_time = [offer for offer in made if offer.meets_expectation] or made
            min(on_time, key=lambda offer: offer.price).recommended = True
        for offer in made:
            self.offers[offer.offer_id] = offer
        return [offer.to_json() for offer in made]

    def _resolve(self, lines: list[tuple[str, int | None]]) -> list[tuple[OrderItem, int]]:
        unknown = [item_id for item_id, _ in lines if item_id not in self.items]
        if unknown:
            raise UnknownItemError(f"Order item(s) {', '.join(unknown)} not found.")
        if len({item_id for item_id, _ in lines}) != len(lines):
            raise LabelRequestError("orderItems", "contains duplicate order item id(s)")
        if len({self.order_of_item[item_id] for item_id, _ in lines}) > 1:
            raise LabelRequestError("orderItems", "all order items must belong to one order")
        resolved: list[tuple[OrderItem, int]] = []
        for index, (item_id, quantity) in enumerate(lines):
            item = self.items[item_id]
            if not item.is_open:
                raise LabelRequestError(f"orderItems[{index}].orderItemId",
                                        f"order item {item_id} is not open")
            wanted = item.open_quantity if quantity is None else quantity
            if wanted > item.open_quantity:
                raise LabelRequestError(f"orderItems[{index}].quantity",
                                        f"exceeds the open quantity ({item.open_quantity})")
            resolved.append((item, wanted))
        return resolved

    def expire_offers(self, today: date) -> int:
        """Makes every offer made so far expired (valid until yesterday); returns how many."""
        for offer in self.offers.values():
            offer.valid_until = today - timedelta(days=1)
        return len(self.offers)

    # ----- purchase --------------------------------------------------------------------------
    def buy(self, lines: list[tuple[str, int | None]], offer_id: str, now: datetime
            ) -> tuple[str | None, str | None]:
        """Settles a purchase: (label id, None), or (None, bol's error message)."""
        offer = self.offers.get(offer_id)
        if offer is None:
            return None, f"Shipping label offer id {offer_id} is unknown."
        if offer.valid_until < local_date(now):
            return None, (f"Shipping label offer {offer_id} has expired (valid until "
                          f"{offer.valid_until.isoformat()}). Request the delivery options again.")
        for item_id, quantity in offer.lines.items():
            item = self.items[item_id]
            if item.quantity_cancelled and not item.is_open:
                return None, f"Order item {item_id} has been cancelled."
            if not item.is_open:
                return None, f"Order item {item_id} has already been shipped."
            if quantity > item.open_quantity:
                return None, f"Order item {item_id} has only {item.open_quantity} open unit(s)."
            if item_id in self.label_of_item:
                return None, (f"Order item {item_id} already has shipping label "
                              f"{self.label_of_item[item_id]}.")
        if not self._same_units(lines, offer.lines):
            return None, "The order items do not match the order items of the delivery option."
        order_id = self.order_of_item[next(iter(offer.lines))]
        label = Label(
            label_id=make_uuid(self.rng),
            offer=offer,
            order_id=order_id,
            track_and_trace=self._track_and_trace(offer.product),
            bought_at=now,
            address=dict(self.orders[order_id].address),
        )
        self.labels[label.label_id] = label
        for item_id in offer.lines:
            self.label_of_item[item_id] = label.label_id
        return label.label_id, None

    def _track_and_trace(self, product: Product) -> str:
        digits = "".join(str(self.rng.randrange(10)) for _ in range(product.tt_digits))
        return product.tt_prefix + digits

    # ----- shipment with a label -------------------------------------------------------------
    def shipment_error(self, label_id: str, lines: list[tuple[str, int | None]]) -> str | None:
        """Why a shipment of ``lines`` with label ``label_id`` is refused, or None."""
        label = self.labels.get(label_id)
        if label is None:
            return f"Shipping label id {label_id} is unknown."
        if label.shipment_id is not None:
            return f"Shipping label {label_id} was used for shipment {label.shipment_id} already."
        if not self._same_units(lines, label.offer.lines):
            return (f"The order items of the shipment are not those of shipping label "
                    f"{label_id}.")
        return None

    def _same_units(self, lines: list[tuple[str, int | None]], labelled: dict[str, int]) -> bool:
        """Whether ``lines`` (a quantity None: every open unit) are exactly ``labelled``."""
        asked = {item_id: self.items[item_id].open_quantity if quantity is None else quantity
                 for item_id, quantity in lines if item_id in self.items}
        return len(asked) == len(lines) and asked == labelled

    def ship(self, label_id: str, shipment_id: str) -> tuple[str, str]:
        """Marks the label used; returns its (transporter code, track & trace)."""
        label = self.labels[label_id]
        label.shipment_id = shipment_id
        return label.transporter_code, label.track_and_trace

    # ----- reading -----------------------------------------------------------------------------
    def document(self, label_id: str) -> LabelDocument | None:
        label = self.labels.get(label_id)
        if label is None:
            return None
        return LabelDocument(
            label_id=label.label_id,
            transporter_code=label.transporter_code,
            track_and_trace=label.track_and_trace,
            display_name=label.offer.product.display_name,
            label_type=label.offer.product.label_type,
            order_id=label.order_id,
            address=dict(label.address),
            lines=tuple(label.offer.lines.items()),
        )

    def inspection(self) -> dict:
        """Every purchase with its price, and the total charged (the seller's invoice)."""
        bought = sorted(self.labels.values(), key=lambda label: label.bought_at)
        return {
            "labels": [label.to_inspection() for label in bought],
            "count": len(bought),
            "charged": round(sum(label.offer.price for label in bought), 2),
            "offersMade": len(self.offers),
        }
