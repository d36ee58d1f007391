"""v10 asynchronous writes: the process-status record and the checks bol runs later.

bol accepts a shipment or cancellation at once (202, PENDING) and validates the ids against
its order data only when it processes the request. The checks here run at that moment, so a
bad request fails the same way: PENDING first, FAILURE with a message later.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from haydigo_desk.sandbox.clock import bol_local
from haydigo_desk.sandbox.orders import OrderItem

FINAL = ("SUCCESS", "FAILURE", "TIMEOUT")


@dataclass
class ProcessRecord:
    process_status_id: str
    event_type: str
    description: str
    created_at: datetime
    due_at: datetime
    # Runs when the record is due; returns (entityId, None) on success or (None, message).
    apply: Callable[[], tuple[str | None, str | None]] = field(repr=False)
    status: str = "PENDING"
    # The item the request is about, known from the start (the lookup by entity id finds
    # pending records too); ``entityId`` itself is shown on SUCCESS only, as bol does.
    subject: str | None = None
    entity_id: str | None = None
    error_message: str | None = None

    def settle(self) -> None:
        entity_id, error = self.apply()
        if error is None:
            self.status, self.entity_id = "SUCCESS", entity_id
        else:
            self.status, self.error_message = "FAILURE", error

    def to_json(self, shared_base_url: str) -> dict:
        body: dict = {
            "processStatusId": self.process_status_id,
            "eventType": self.event_type,
            "description": self.description,
            "status": self.status,
            "createTimestamp": bol_local(self.created_at),
            "links": [
                {
                    "rel": "self",
                    "href": f"{shared_base_url}/process-status/{self.process_status_id}",
                    "method": "GET",
                }
            ],
        }
        if self.entity_id is not None:
            body["entityId"] = self.entity_id
        if self.error_message is not None:
            body["errorMessage"] = self.error_message
        return body


def shipment_error(lines: list[tuple[str, int | None]], items: dict[str, OrderItem],
                   order_of: dict[str, str]) -> str | None:
    """Why bol would refuse to ship ``lines`` (item id, quantity or None for all), or None."""
    unknown = [item_id for item_id, _ in lines if item_id not in items]
    if unknown:
        return (
            f"Request contains unknown order item id(s): {', '.join(unknown)}. "
            "Please note that only FBR order items can be fulfilled."
        )
    if len({order_of[item_id] for item_id, _ in lines}) > 1:
        return "All order items in one shipment must belong to the same order."
    if len({item_id for item_id, _ in lines}) != len(lines):
        return "Request contains duplicate order item id(s)."
    for item_id, quantity in lines:
        item = items[item_id]
        if item.quantity_cancelled and not item.is_open:
            return f"Order item {item_id} has been cancelled and can not be shipped."
        wanted = item.open_quantity if quantity is None else quantity
        if item.open_quantity == 0:
            return f"Order item {item_id} has already been shipped completely."
        if wanted > item.open_quantity:
            return (
                f"The quantity to ship ({wanted}) for order item {item_id} exceeds the open "
                f"quantity ({item.open_quantity})."
            )
    return None


def cancellation_error(item_id: str, items: dict[str, OrderItem]) -> str | None:
    """Why bol would refuse to cancel ``item_id``, or None."""
    item = items.get(item_id)
    if item is None:
        return (
            f"Order item id {item_id} is unknown. "
            "Please note that only FBR items can be cancelled."
        )
    if item.quantity_shipped and not item.is_open:
        return f"Order item {item_id} has already been shipped and can not be cancelled."
    if not item.is_open:
        return f"Order item {item_id} has already been cancelled."
    return None
