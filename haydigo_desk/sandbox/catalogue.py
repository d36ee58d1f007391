"""The seeded product catalogue: one FBR offer per product, the same for the same seed."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from haydigo_desk.sandbox import names
from haydigo_desk.sandbox.clock import bol_utc
from haydigo_desk.sandbox.ids import make_ean13, make_numeric_id, make_uuid

# v10 delivery codes and the v11 delivery promise (min days, max days, ultimate order time).
DELIVERY_CODES: dict[str, tuple[int, int, str | None]] = {
    "24uurs-23": (1, 1, "23:00"),
    "24uurs-20": (1, 1, "20:00"),
    "24uurs-16": (1, 1, "16:00"),
    "1-2d": (1, 2, None),
    "2-3d": (2, 3, None),
    "3-5d": (3, 5, None),
    "4-8d": (4, 8, None),
}
SECONDHAND_STATES = ("AS_NEW", "GOOD", "REASONABLE", "MODERATE")
# Share of products flat and light enough for a letterbox (what makes mailbox labels possible).
FLAT_SHARE = 0.4


@dataclass
class Offer:
    """A product of the shop together with its bol.com offer (mutable: stock changes)."""

    offer_id: str
    ean: str
    reference: str  # the shop's SKU
    title_nl: str
    title_en: str
    unit_price: float
    stock_amount: int
    condition: str  # NEW or SECONDHAND
    condition_state: str | None
    delivery_code: str
    bol_product_id: str
    last_modified: datetime
    managed_by_retailer: bool = False
    on_hold: bool = False
    ordered_since_stock_update: int = 0  # what bol subtracts when managedByRetailer is true
    open_quantity: int = 0  # what bol subtracts when managedByRetailer is false
    stock_updates: list[dict] = field(default_factory=list)
    # The packed unit, for the shipping-label options: length >= width >= height, in mm.
    dimensions_mm: tuple[int, int, int] = (200, 150, 80)
    weight_g: int = 500

    @property
    def corrected_stock(self) -> int:
        taken = self.ordered_since_stock_update if self.managed_by_retailer else self.open_quantity
        return max(0, self.stock_amount - taken)

    @property
    def for_sale(self) -> bool:
        return not self.on_hold and self.corrected_stock > 0

    def to_v11(self) -> dict:
        """The v11 ``OfferResponse`` body."""
        min_days, max_days, cutoff = DELIVERY_CODES[self.delivery_code]
        promise: dict = {"minimumDaysToCustomer": min_days, "maximumDaysToCustomer": max_days}
        if cutoff:
            promise["ultimateOrderTime"] = cutoff
        condition: dict = {"category": self.condition}
        if self.condition == "SECONDHAND":
            condition["state"] = self.condition_state
        return {
            "offerId": self.offer_id,
            "ean": self.ean,
            "lastModifiedDateTime": bol_utc(self.last_modified),
            "reference": self.reference,
            "onHoldByRetailer": self.on_hold,
            "stock": {
                "amount": self.stock_amount,
                "correctedStock": self.corrected_stock,
                "managedByRetailer": self.managed_by_retailer,
            },
            "countryAvailabilities": [
                {"countryCode": code, "forSale": self.for_sale} for code in ("NL", "BE")
            ],
            "condition": condition,
            "product": {"bolProductId": self.bol_product_id},
            "pricing": {"bundlePrices": [{"quantity": 1, "unitPrice": self.unit_price}]},
            "fulfilment": {
                "method": "FBR",
                "schedule": "MY_DELIVERY_PROMISE",
                "deliveryPromise": promise,
            },
        }


def build_catalogue(rng: random.Random, count: int, now: datetime) -> list[Offer]:
    """``count`` offers with unique EANs; ``now`` only anchors the last-modified times."""
    offers: list[Offer] = []
    seen: set[str] = set()
    while len(offers) < count:
        ean = make_ean13(rng)
        if ean in seen:
            continue
        seen.add(ean)
        kind_nl, kind_en = rng.choice(names.PRODUCT_KINDS)
        adj_nl, adj_en = rng.choice(names.ADJECTIVES)
        brand = rng.choice(names.BRANDS)
        secondhand = rng.random() < 0.08
        offers.append(
            Offer(
                offer_id=make_uuid(rng),
                ean=ean,
                reference=f"SKU-{len(offers) + 1:05d}",
                title_nl=f"{brand} {adj_nl} {kind_nl.lower()}",
                title_en=f"{brand} {adj_en} {kind_en.lower()}",
                unit_price=round(rng.uniform(2.5, 150.0), 2),
                stock_amount=rng.choice((0, 1, 2, 3, 5, 8, 12, 20, 40, 75)),
                condition="SECONDHAND" if secondhand else "NEW",
                condition_state=rng.choice(SECONDHAND_STATES) if secondhand else None,
                delivery_code=rng.choice(tuple(DELIVERY_CODES)),
                bol_product_id=make_numeric_id(rng, 16),
                last_modified=now - timedelta(minutes=rng.randrange(60, 60 * 24 * 30)),
                **product_size(ean),
            )
        )
    return offers


def product_size(ean: str) -> dict:
    """Dimensions and weight of a product, the same for an EAN under every seed.

    Drawn from a stream of their own so that adding them changed no other value of the
    catalogue; about ``FLAT_SHARE`` of the products fit a letterbox.
    """
    rng = random.Random(f"size/{ean}")
    if rng.random() < FLAT_SHARE:
        length, width = rng.randrange(120, 340), rng.randrange(80, 240)
        height, weight = rng.randrange(5, 30), rng.randrange(40, 900)
    else:
        length, width = rng.randrange(150, 600), rng.randrange(100, 400)
        height, weight = rng.randrange(40, 300), rng.randrange(200, 9000)
    long_side, middle, short_side = sorted((length, width, height), reverse=True)
    return {"dimensions_mm": (long_side, middle, short_side), "weight_g": weight}
