"""Seeded determinism, EANs, titles, addresses and the generated product images."""

from __future__ import annotations

import re

import pytest
from sandbox_helpers import fast_config

from haydigo_desk.sandbox import SandboxState
from haydigo_desk.sandbox.catalogue import DELIVERY_CODES
from haydigo_desk.sandbox.ids import ean13_check_digit, is_valid_ean13
from haydigo_desk.sandbox.images import product_jpeg


def test_ean13_check_digit_matches_known_codes() -> None:
    assert ean13_check_digit("871234567890") == 6  # 8712345678906
    assert ean13_check_digit("400638133393") == 1  # 4006381333931
    assert is_valid_ean13("4006381333931") and not is_valid_ean13("4006381333932")


def test_catalogue_is_valid_and_complete() -> None:
    state = SandboxState(fast_config(products=300, open_orders=0))
    offers = state.offers
    assert len(offers) == 300 and len({o.ean for o in offers}) == 300
    assert all(is_valid_ean13(o.ean) for o in offers)
    assert len({o.reference for o in offers}) == 300  # SKUs are unique
    assert all(o.title_nl != o.title_en for o in offers)
    assert all(1 <= o.unit_price <= 9999 and o.stock_amount >= 0 for o in offers)
    assert {o.condition for o in offers} == {"NEW", "SECONDHAND"}
    assert {o.delivery_code for o in offers} <= set(DELIVERY_CODES)


def _fingerprint(state: SandboxState) -> list:
    orders = [state.order_detail(order_id) for order_id in state.open_order_ids()]
    for order in orders:  # times follow the clock; everything else must follow the seed
        order.pop("orderPlacedDateTime")
        for item in order["orderItems"]:
            item.pop("latestChangedDateTime")
            item.pop("fulfilment")
    offers = [(o.ean, o.offer_id, o.reference, o.title_nl, o.unit_price) for o in state.offers]
    return offers + orders


def test_same_seed_gives_same_catalogue_and_orders() -> None:
    first = SandboxState(fast_config(seed=7, cancel_rate=0.2))
    second = SandboxState(fast_config(seed=7, cancel_rate=0.2))
    other = SandboxState(fast_config(seed=8, cancel_rate=0.2))
    assert _fingerprint(first) == _fingerprint(second)
    assert _fingerprint(first) != _fingerprint(other)
    assert first.add_orders(3) == second.add_orders(3)


def test_orders_have_realistic_addresses_per_country() -> None:
    state = SandboxState(fast_config(open_orders=0))
    patterns = {"NL": r"^\d{4}[A-Z]{2}$", "BE": r"^\d{4}$", "DE": r"^\d{5}$"}
    for country, pattern in patterns.items():
        for order_id in state.add_orders(5, country=country):
            address = state.order_detail(order_id)["shipmentDetails"]
            assert address["countryCode"] == country
            assert re.match(pattern, address["zipCode"]), address
            assert address["surname"] and address["streetName"] and address["houseNumber"]


def test_country_mix_and_line_counts_of_initial_orders() -> None:
    state = SandboxState(fast_config(open_orders=400))
    details = [state.order_detail(i) for i in state.open_order_ids()]
    countries = {d["shipmentDetails"]["countryCode"] for d in details}
    assert countries == {"NL", "BE", "DE"}
    assert {len(d["orderItems"]) for d in details} <= {1, 2, 3, 4}
    assert max(len(d["orderItems"]) for d in details) > 1
    ids = [d["orderId"] for d in details]
    assert all(re.fullmatch(r"[A-Z][A-Z0-9]{9}", i) for i in ids) and len(set(ids)) == 400


def test_product_images_are_jpegs_distinct_per_ean() -> None:
    small = product_jpeg("8712345678906", "small")
    assert small.startswith(b"\xff\xd8\xff") and small.endswith(b"\xff\xd9")
    assert product_jpeg("8712345678906") != product_jpeg("8712345678913")
    assert product_jpeg("8712345678906", "medium", 0) != product_jpeg("8712345678906", "medium", 1)
    with pytest.raises(ValueError, match="size"):
        product_jpeg("8712345678906", "huge")
