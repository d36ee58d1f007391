"""Request bodies and parameters: pure functions, tested against bol's schemas."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

MAX_SHIPMENT_ITEMS = 100


@dataclass(frozen=True, slots=True)
class ShipmentLine:
    """One order item of a shipment; ``quantity=None`` ships everything still open."""

    order_item_id: str
    quantity: int | None = None


def shipment_body(
    lines: Sequence[ShipmentLine | str],
    *,
    transporter_code: str | None = None,
    track_and_trace: str | None = None,
    shipping_label_id: str | None = None,
    shipment_reference: str | None = None,
) -> dict[str, Any]:
    """The ``ShipmentRequest`` body, checked before it is sent."""
    if bool(transporter_code) == bool(shipping_label_id):
        raise ValueError("give either a transporter code or a shipping label id")
    if track_and_trace and not transporter_code:
        raise ValueError("track & trace goes with a transporter code, not with a label")
    if shipment_reference is not None and not 1 <= len(shipment_reference) <= 90:
        raise ValueError("shipment reference must be 1 to 90 characters (or None)")
    body: dict[str, Any] = {"orderItems": order_items_body(lines, "a shipment")}
    if shipment_reference is not None:
        body["shipmentReference"] = shipment_reference
    if shipping_label_id:
        body["shippingLabelId"] = shipping_label_id
    else:
        transport: dict[str, Any] = {"transporterCode": transporter_code}
        if track_and_trace:
            transport["trackAndTrace"] = track_and_trace
        body["transport"] = transport
    return body


def order_items_body(lines: Sequence[ShipmentLine | str], what: str) -> list[dict[str, Any]]:
    """bol's ``orderItems`` of ``what`` (a shipment, a label): each order item with its quantity
    unless it is everything still open. An item given twice is bol's to refuse (it does)."""
    items = [line if isinstance(line, ShipmentLine) else ShipmentLine(str(line)) for line in lines]
    if not 1 <= len(items) <= MAX_SHIPMENT_ITEMS:
        raise ValueError(f"{what} has 1 to {MAX_SHIPMENT_ITEMS} order items")
    order_items: list[dict[str, Any]] = []
    for line in items:
        if not line.order_item_id:
            raise ValueError("order item id is empty")
        item: dict[str, Any] = {"orderItemId": line.order_item_id}
        if line.quantity is not None:
            if line.quantity < 1:
                raise ValueError(f"the quantity of an order item of {what} must be at least 1")
            item["quantity"] = line.quantity
        order_items.append(item)
    return order_items


def iso_date(value: date | str) -> str:
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    return date.fromisoformat(value).isoformat()  # ValueError on a malformed date


def iso_utc(value: datetime | str) -> str:
    """ISO 8601 in UTC with a ``Z``, as bol's ``last-modified-date-time`` wants it."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)  # naive times are taken to be UTC
    return value.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")

