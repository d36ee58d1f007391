"""What bol.com's order must show before a write of unknown outcome counts as carried out
(``sync.outbox_recovery.shows_done``): asking bol first is only safe if this is right."""

from __future__ import annotations

import pytest

from haydigo_desk.bol.models import Order as BolOrder
from haydigo_desk.domain.outbox_payloads import CancellationPayload, ShipmentItem, ShipmentPayload
from haydigo_desk.sync.outbox_recovery import shows_done

CANCEL = CancellationPayload("A1", "I1", 7, "OUT_OF_STOCK")


def order(quantity: int, shipped: int = 0, cancelled: int = 0) -> BolOrder:
    return BolOrder.model_validate({"orderId": "A1", "orderItems": [{
        "orderItemId": "I1", "quantity": quantity, "quantityShipped": shipped,
        "quantityCancelled": cancelled}]})


@pytest.mark.parametrize(("quantity", "shipped", "cancelled", "done"), [
    (2, 0, 0, False),  # nothing happened yet: ours may be sent
    (2, 0, 1, False),  # bol.com cancelled one unit itself; ours (the rest) did not arrive
    (2, 0, 2, True),  # every unit cancelled
    (3, 1, 2, True),  # one shipped before, the rest cancelled
])
def test_a_cancellation_shows_done_only_when_no_unit_is_left_open(quantity, shipped, cancelled,
                                                                  done):
    assert shows_done(order(quantity, shipped, cancelled), CANCEL, {}) is done


def test_a_shipment_shows_done_when_bol_shows_the_units_it_expects():
    payload = ShipmentPayload("A1", (ShipmentItem("I1", 1),), "TNT", "3SABC1234567")
    assert not shows_done(order(2, shipped=0), payload, {"I1": 1})
    assert shows_done(order(2, shipped=1), payload, {"I1": 1})
