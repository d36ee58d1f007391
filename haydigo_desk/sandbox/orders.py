"""Orders as the sandbox keeps them, how new ones are made, and their bol JSON shapes."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from haydigo_desk.sandbox import names
from haydigo_desk.sandbox.catalogue import DELIVERY_CODES, Offer
from haydigo_desk.sandbox.clock import bol_local
from haydigo_desk.sandbox.ids import make_order_id

# bol keeps shipped and cancelled items in the order list for 48 hours.
HANDLED_VISIBLE = timedelta(hours=48)
COMMISSION_RATE = 0.15
# Shares of orders whose customer chose a delivery day, that bol.com delivers (Verzenden via
# bol), and that go to a pick-up point (NL and BE only).
EXACT_DATE_SHARE = 0.15
VIA_BOL_SHARE = 0.2
PICKUP_POINT_SHARE = 0.1
# Time frames a customer who chose a day may have picked (SUNDAY only on a Sunday).
CHOSEN_FRAMES = ("REGULAR", "EVENING", "APPOINTMENT")
PICKUP_POINT_CHAINS = ("PostNL-punt: Primera", "Albert Heijn", "DHL ServicePoint: Bruna",
                       "bpost-punt: Press Shop")


@dataclass
class OrderItem:
    order_item_id: str
    offer: Offer
    quantity: int
    unit_price: float
    latest_delivery: datetime
    changed_at: datetime
    quantity_shipped: int = 0
    quantity_cancelled: int = 0
    cancellation_request: bool = False
    # The customer chose the day: ``latest_delivery`` is that exact day, sent as such.
    exact_delivery: bool = False
    time_frame_type: str = "REGULAR"
    distribution_party: str = "RETAILER"

    @property
    def open_quantity(self) -> int:
        return self.quantity - self.quantity_shipped - self.quantity_cancelled

    @property
    def is_open(self) -> bool:
        return self.open_quantity > 0

    @property
    def status(self) -> str:
        if self.is_open:
            return "OPEN"
        return "CANCELLED" if self.quantity_shipped == 0 else "SHIPPED"

    def to_reduced(self) -> dict:
        return {
            "orderItemId": self.order_item_id,
            "ean": self.offer.ean,
            "fulfilmentMethod": "FBR",
            "fulfilmentStatus": "OPEN" if self.is_open else "HANDLED",
            "quantity": self.quantity,
            "quantityShipped": self.quantity_shipped,
            "quantityCancelled": self.quantity_cancelled,
            "cancellationRequest": self.cancellation_request,
            "latestChangedDateTime": bol_local(self.changed_at),
        }

    def to_detail(self) -> dict:
        total = round(self.unit_price * self.quantity, 2)
        return {
            "orderItemId": self.order_item_id,
            "cancellationRequest": self.cancellation_request,
            "fulfilment": {
                "method": "FBR",
                "distributionParty": self.distribution_party,
                # bol.com sends one of the two, never both.
                ("exactDeliveryDate" if self.exact_delivery else "latestDeliveryDate"):
                    self.latest_delivery.date().isoformat(),
                "expiryDate": (self.latest_delivery + timedelta(days=3)).date().isoformat(),
                "timeFrameType": self.time_frame_type,
            },
            "offer": {"offerId": self.offer.offer_id, "reference": self.offer.reference},
            "product": {"ean": self.offer.ean, "title": self.offer.title_nl},
            "quantity": self.quantity,
            "quantityShipped": self.quantity_shipped,
            "quantityCancelled": self.quantity_cancelled,
            "unitPrice": self.unit_price,
            "totalPrice": total,
            "discounts": [],
            "commission": round(total * COMMISSION_RATE, 2),
            "additionalServices": [],
            "latestChangedDateTime": bol_local(self.changed_at),
        }


@dataclass
class Order:
    order_id: str
    placed_at: datetime
    address: dict
    items: list[OrderItem] = field(default_factory=list)
    pickup_point: bool = False

    @property
    def country(self) -> str:
        return self.address["countryCode"]

    def to_reduced(self, items: list[OrderItem]) -> dict:
        return {
            "orderId": self.order_id,
            "orderPlacedDateTime": bol_local(self.placed_at),
            "orderItems": [item.to_reduced() for item in items],
        }

    def to_detail(self) -> dict:
        billing = {key: value for key, value in self.address.items() if key not in _SHIPMENT_ONLY}
        return {
            "orderId": self.order_id,
            "pickupPoint": self.pickup_point,
            "orderPlacedDateTime": bol_local(self.placed_at),
            "shipmentDetails": dict(self.address),
            "billingDetails": billing,
            "orderItems": [item.to_detail() for item in self.items],
        }


_SHIPMENT_ONLY = {"language", "deliveryPhoneNumber", "pickupPointName"}


class OrderFactory:
    """Makes realistic FBR orders from a seeded random stream."""

    def __init__(self, rng: random.Random, catalogue: list[Offer], country_mix: dict[str, float]):
        self._rng = rng
        self._catalogue = catalogue
        self._by_ean = {offer.ean: offer for offer in catalogue}
        self._countries = list(country_mix)
        self._weights = [country_mix[code] for code in self._countries]
        self._used_ids: set[str] = set()
        self._next_item_id = 2_000_000_000 + rng.randrange(100_000_000)

    def make(
        self,
        placed_at: datetime,
        *,
        country: str | None = None,
        lines: int | None = None,
        eans: list[str] | None = None,
    ) -> Order:
        rng = self._rng
        country = country or rng.choices(self._countries, self._weights)[0]
        if country not in names.CITIES:
            raise ValueError(f"the sandbox delivers to NL, BE or DE, not {country!r}")
        offers = self._pick_offers(lines, eans)
        order = Order(self._new_order_id(), placed_at, self._address(country))
        # Delivery choices come from the order's own stream, so adding them changed no other
        # random value (seeded scenarios keep their orders).
        choice = random.Random(f"fulfilment:{order.order_id}")
        # A chosen day is the promised one here, so deadlines (and the label sandbox's
        # handover windows) stay what the delivery code promises.
        exact = choice.random() < EXACT_DATE_SHARE
        party = "BOL" if choice.random() < VIA_BOL_SHARE else "RETAILER"
        frame = choice.choice(CHOSEN_FRAMES) if exact else "REGULAR"
        if country in ("NL", "BE") and not exact and choice.random() < PICKUP_POINT_SHARE:
            order.pickup_point = True
            chain = choice.choice(PICKUP_POINT_CHAINS)
            order.address["pickupPointName"] = f"{chain}: {order.address['city'].upper()}"
        if frame == "APPOINTMENT":
            order.address["deliveryPhoneNumber"] = f"06{choice.randrange(10**8):08d}"
        for offer in offers:
            _, max_days, _ = DELIVERY_CODES[offer.delivery_code]
            self._next_item_id += rng.randrange(1, 40)
            order.items.append(
                OrderItem(
                    order_item_id=str(self._next_item_id),
                    offer=offer,
                    quantity=rng.choices((1, 2, 3, 4), (80, 14, 4, 2))[0],
                    unit_price=offer.unit_price,
                    latest_delivery=placed_at + timedelta(days=max_days),
                    changed_at=placed_at,
                    exact_delivery=exact,
                    time_frame_type=self._frame_on(frame, placed_at, max_days),
                    distribution_party=party,
                )
            )
        return order

    @staticmethod
    def _frame_on(frame: str, placed_at: datetime, days: int) -> str:
        """A chosen day on a Sunday is a Sunday delivery."""
        if frame == "REGULAR" or (placed_at + timedelta(days=days)).weekday() != 6:
            return frame
        return "SUNDAY"

    def _pick_offers(self, lines: int | None, eans: list[str] | None) -> list[Offer]:
        if eans:
            unknown = [ean for ean in eans if ean not in self._by_ean]
            if unknown:
                raise ValueError(f"EANs not in the sandbox catalogue: {unknown}")
            return [self._by_ean[ean] for ean in eans]
        count = lines or self._rng.choices((1, 2, 3, 4), (70, 20, 7, 3))[0]
        if not 1 <= count <= 4:
            raise ValueError("an order has 1 to 4 lines")
        return self._rng.sample(self._catalogue, min(count, len(self._catalogue)))

    def _new_order_id(self) -> str:
        while True:
            order_id = make_order_id(self._rng)
            if order_id not in self._used_ids:
                self._used_ids.add(order_id)
                return order_id

    def _address(self, country: str) -> dict:
        rng = self._rng
        female = rng.random() < 0.5
        first = rng.choice(names.FIRST_NAMES_FEMALE if female else names.FIRST_NAMES_MALE)
        surname = rng.choice(names.SURNAMES[country])
        code, city = rng.choice(names.CITIES[country])
        if country == "NL":
            zip_code = f"{int(code) + rng.randrange(9)}{rng.choice('ABCDEFGHJKLMNPRSTVWXZ')}"
            zip_code += rng.choice("ABCDEFGHJKLMNPRSTVWXZ")
        else:
            zip_code = code
        extension = rng.choice((None, None, None, None, "A", "B", "bis", "2"))
        address = {
            "salutation": "FEMALE" if female else "MALE",
            "firstName": first,
            "surname": surname,
            "streetName": rng.choice(names.STREETS[country]),
            "houseNumber": str(rng.randrange(1, 250)),
            "zipCode": zip_code,
            "city": city,
            "countryCode": country,
            "email": f"{rng.getrandbits(48):012x}@verkopen.test2.bol.com",
            "language": names.LANGUAGE[country],
        }
        if extension:
            address["houseNumberExtension"] = extension
        return address
