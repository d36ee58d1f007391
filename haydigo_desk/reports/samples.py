"""Deterministic example documents: for previews, the benchmark and tests.

They exercise what real data brings: EAN-13, EAN-8 and UPC-A codes, an unmatched line with a
code that is no EAN, long titles, names with diacritics, and products without a location.
"""

from __future__ import annotations

import random
import string
from datetime import UTC, datetime, timedelta

from haydigo_desk.domain.barcodes import gtin_check_digit
from haydigo_desk.reports.model import (
    Address,
    PackingSlipDocument,
    PackingSlipLine,
    PickListDocument,
    PickListLine,
    PickListOrder,
)

_BASE_TIME = datetime(2025, 3, 14, 8, 30, tzinfo=UTC)  # 09:30 in Amsterdam

_NAMES = [
    "Sanne de Vries", "Jörg Müller", "Chloé Lefèvre", "Daan Janssen", "Anouk Peeters",
    "Noël Wouters", "Günther Straße", "Zoë van den Berg", "Bram Maes", "Fenna Bakker",
    "Lotte Claes", "René Dubois", "Émile Verhoeven", "Ilse Smit", "Jan-Willem Visser",
]
_CITIES = [
    ("NL", "Amsterdam", "1012 AB"), ("NL", "Utrecht", "3511 CE"), ("NL", "Groningen", "9711 LM"),
    ("BE", "Antwerpen", "2000"), ("BE", "Gent", "9000"), ("BE", "Liège", "4000"),
]
_STREETS = ["Kerkstraat", "Dorpsstraat", "Rue de l'Église", "Stationsweg", "Molenlaan"]
_ADJECTIVES = ["Compacte", "Duurzame", "Robuuste", "Lichtgewicht", "Waterdichte", "Luxe"]
_NOUNS = [
    "drinkfles 750 ml", "fietslamp USB-C", "bureaulamp", "koptelefoon", "yogamat",
    "tuinhandschoenen", "broodtrommel", "powerbank 20.000 mAh", "thermosbeker", "rugzak 30 L",
]
_LONG_TAIL = (
    " met extra lange productomschrijving zoals bol.com die soms levert, inclusief "
    "afmetingen, kleur, materiaal & gebruiksaanwijzing in het Nederlands/Français/Deutsch"
)


def _ean13(rng: random.Random) -> str:
    body = "87" + "".join(rng.choice(string.digits) for _ in range(10))
    return body + str(gtin_check_digit(body))


def _ean8(rng: random.Random) -> str:
    body = "96" + "".join(rng.choice(string.digits) for _ in range(5))
    return body + str(gtin_check_digit(body))


def _upc_a(rng: random.Random) -> str:
    body = "0" + "".join(rng.choice(string.digits) for _ in range(10))
    return body + str(gtin_check_digit(body))


def _order_id(rng: random.Random) -> str:
    return "C000" + "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(6))


def sample_catalogue(count: int, rng: random.Random) -> list[PickListLine]:
    """`count` distinct products (quantity 1) with the mix of codes described above."""
    products: list[PickListLine] = []
    seen: set[str] = set()
    while len(products) < count:
        index = len(products)
        if index % 17 == 5:
            ean = _ean8(rng)
        elif index % 17 == 9:
            ean = _upc_a(rng)
        elif index % 29 == 13:
            ean = f"UNMATCHED-{index}"  # an order line that matched no product
        else:
            ean = _ean13(rng)
        if ean in seen:
            continue
        seen.add(ean)
        title = f"{rng.choice(_ADJECTIVES)} {rng.choice(_NOUNS)}"
        if index % 7 == 3:
            title += _LONG_TAIL
        location = "" if index % 23 == 11 else (
            f"{'ABCDEF'[index % 6]}-{1 + index // 6 % 14}-{1 + index % 4}"
        )
        products.append(PickListLine(ean=ean, sku=f"SKU-{1000 + index}", title=title,
                                     quantity=1, location=location))
    return products


def sample_pick_list(orders: int = 120, lines: int | None = None, *, products: int | None = None,
                     seed: int = 8, number: int = 42) -> PickListDocument:
    """A pick list of `orders` orders and (about) `lines` order lines in total.

    Without `lines` each order gets 1-3 lines. With it, lines are spread so that the total is
    exactly `lines` (at least one per order).
    """
    rng = random.Random(seed)
    catalogue = sample_catalogue(products or max(10, orders // 2), rng)
    if lines is None:
        per_order = [rng.randint(1, 3) for _ in range(orders)]
    else:
        if lines < orders:
            raise ValueError("need at least one line per order")
        per_order = [1] * orders
        for _ in range(lines - orders):
            per_order[rng.randrange(orders)] += 1
    result: list[PickListOrder] = []
    used_ids: set[str] = set()
    for index, count in enumerate(per_order):
        order_id = _order_id(rng)
        while order_id in used_ids:
            order_id = _order_id(rng)
        used_ids.add(order_id)
        chosen = rng.sample(catalogue, k=min(count, len(catalogue)))
        order_lines = [
            PickListLine(p.ean, p.sku, p.title, rng.choice((1, 1, 1, 2, 3)), p.location)
            for p in chosen
        ]
        country, _, _ = _CITIES[index % len(_CITIES)]
        result.append(PickListOrder(
            order_id=order_id,
            placed_at=_BASE_TIME - timedelta(minutes=7 * index),
            customer_name=_NAMES[index % len(_NAMES)],
            country=country,
            lines=order_lines,
        ))
    return PickListDocument(
        number=number, code=f"PL-{number:06d}", store_name="HaydiGO Webwinkel",
        account_name="bol.com NL/BE", created_at=_BASE_TIME + timedelta(minutes=5),
        orders=result,
    )


def sample_packing_slips(pick_list: PickListDocument) -> list[PackingSlipDocument]:
    """One packing slip per order of a sample pick list, with made-up delivery addresses."""
    slips = []
    for index, order in enumerate(pick_list.orders):
        country, city, postal_code = _CITIES[index % len(_CITIES)]
        address = Address(
            name=order.customer_name,
            street=_STREETS[index % len(_STREETS)],
            house_number=str(1 + index * 7 % 180),
            house_number_extension="bis" if index % 9 == 4 else "",
            postal_code=postal_code,
            city=city,
            country=country,
            company="Bakkerij Van Dijk B.V." if index % 11 == 6 else "",
            extra_line="t.a.v. magazijn, achterom" if index % 13 == 2 else "",
        )
        slips.append(PackingSlipDocument(
            order_id=order.order_id,
            placed_at=order.placed_at,
            store_name=pick_list.store_name,
            address=address,
            lines=[PackingSlipLine(line.ean, line.sku, line.title, line.quantity)
                   for line in order.lines],
            note="Bedankt voor je bestelling!",
        ))
    return slips
