"""What an outbox row asks bol.com to do: one dataclass per kind, shared by writer and sender.

Rows store ``payload.to_json()``; the sender reads them back with :func:`payload_of`, so a
field can never be spelled one way by the writer and another by the sender.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from haydigo_desk.domain.states import OutboxKind


class PayloadError(ValueError):
    """A stored payload that does not have the fields its kind needs."""


@dataclass(frozen=True)
class ShipmentItem:
    order_item_id: str
    quantity: int


@dataclass(frozen=True)
class ShipmentPayload:
    kind: ClassVar[OutboxKind] = OutboxKind.SHIPMENT
    bol_order_id: str
    items: tuple[ShipmentItem, ...]
    transporter_code: str
    track_and_trace: str | None = None
    shipment_reference: str | None = None
    # A label bought from bol.com: the shipment is posted with its id and no transport (bol
    # takes the label's carrier and track & trace; the two fields above only show them).
    shipping_label_id: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "bol_order_id": self.bol_order_id,
            "items": _items_json(self.items),
            "transporter_code": self.transporter_code,
            "track_and_trace": self.track_and_trace,
            "shipment_reference": self.shipment_reference,
            "shipping_label_id": self.shipping_label_id,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ShipmentPayload:
        return cls(
            bol_order_id=str(data["bol_order_id"]),
            items=tuple(ShipmentItem(str(i["order_item_id"]), int(i["quantity"]))
                        for i in data["items"]),
            transporter_code=str(data["transporter_code"]),
            track_and_trace=data.get("track_and_trace") or None,
            shipment_reference=data.get("shipment_reference") or None,
            shipping_label_id=data.get("shipping_label_id") or None,
        )


def _items_json(items: tuple[ShipmentItem, ...]) -> list[dict[str, Any]]:
    return [{"order_item_id": i.order_item_id, "quantity": i.quantity} for i in items]


def _label_items_of(data: list[dict[str, Any]]) -> tuple[ShipmentItem, ...]:
    items = tuple(ShipmentItem(str(i["order_item_id"]), int(i["quantity"])) for i in data)
    if not items or any(i.quantity < 1 for i in items):
        raise ValueError("no order items, or a quantity below 1")
    return items


@dataclass(frozen=True)
class LabelPayload:
    """Buy one bol.com label for these units of one order: ``POST /retailer/shipping-labels``.

    ``label_id`` is the desk's ``shipping_labels`` row, which keeps what bol.com answers; the
    shipment with the label's id is queued once the label's PDF is stored."""

    kind: ClassVar[OutboxKind] = OutboxKind.LABEL
    label_id: int
    bol_order_id: str
    items: tuple[ShipmentItem, ...]
    offer_id: str

    @property
    def coalesce_key(self) -> str:
        return f"label:{self.label_id}"

    def to_json(self) -> dict[str, Any]:
        return {"label_id": self.label_id, "bol_order_id": self.bol_order_id,
                "items": _items_json(self.items), "offer_id": self.offer_id}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LabelPayload:
        offer_id = str(data["offer_id"] or "")
        if not offer_id:
            raise ValueError("a label purchase needs bol's shipping label offer id")
        return cls(int(data["label_id"]), str(data["bol_order_id"]),
                   _label_items_of(data["items"]), offer_id)


@dataclass(frozen=True)
class CancellationPayload:
    kind: ClassVar[OutboxKind] = OutboxKind.CANCELLATION
    CUSTOMER: ClassVar[str] = "REQUESTED_BY_CUSTOMER"  # bol's code for the customer's request
    bol_order_id: str
    order_item_id: str
    order_line_id: int
    reason_code: str = CUSTOMER

    @property
    def coalesce_key(self) -> str:
        return f"cancel:{self.order_item_id}"

    def to_json(self) -> dict[str, Any]:
        return {"bol_order_id": self.bol_order_id, "order_item_id": self.order_item_id,
                "order_line_id": self.order_line_id, "reason_code": self.reason_code}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CancellationPayload:
        return cls(str(data["bol_order_id"]), str(data["order_item_id"]),
                   int(data["order_line_id"]),
                   str(data.get("reason_code") or cls.CUSTOMER))


@dataclass(frozen=True)
class StockPayload:
    kind: ClassVar[OutboxKind] = OutboxKind.STOCK
    offer_id: str
    amount: int
    product_id: int | None = None
    managed_by_retailer: bool = True

    def to_json(self) -> dict[str, Any]:
        return {"offer_id": self.offer_id, "amount": self.amount,
                "product_id": self.product_id, "managed_by_retailer": self.managed_by_retailer}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StockPayload:
        product_id = data.get("product_id")
        return cls(str(data["offer_id"]), int(data["amount"]),
                   int(product_id) if product_id is not None else None,
                   bool(data.get("managed_by_retailer", True)))


def transport_coalesce_key(shipment_id: int) -> str:
    """The key of a shipment's track & trace corrections (its latest row is the one shown)."""
    return f"transport:{shipment_id}"


@dataclass(frozen=True)
class TransportPayload:
    """A new track & trace (and carrier) for a shipment bol.com already confirmed.

    ``shipment_id`` is the desk's shipment row; bol's ``transport_id`` is looked up by the
    sender when the desk does not know it yet (bol names it only in its shipment list).
    """

    kind: ClassVar[OutboxKind] = OutboxKind.TRANSPORT
    shipment_id: int
    bol_order_id: str
    transporter_code: str
    track_and_trace: str
    transport_id: str | None = None

    @property
    def coalesce_key(self) -> str:
        return transport_coalesce_key(self.shipment_id)

    def to_json(self) -> dict[str, Any]:
        return {"shipment_id": self.shipment_id, "bol_order_id": self.bol_order_id,
                "transporter_code": self.transporter_code,
                "track_and_trace": self.track_and_trace, "transport_id": self.transport_id}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TransportPayload:
        track = str(data["track_and_trace"] or "")
        if not track:
            raise ValueError("a transport change needs a track & trace")
        return cls(int(data["shipment_id"]), str(data["bol_order_id"]),
                   str(data["transporter_code"]), track,
                   str(data["transport_id"]) if data.get("transport_id") else None)


@dataclass(frozen=True)
class ReturnHandlingPayload:
    """Handle one return item bol.com announced: ``PUT /retailer/returns/{rma-id}``."""

    kind: ClassVar[OutboxKind] = OutboxKind.RETURN_HANDLING
    return_line_id: int
    rma_id: str
    handling_result: str
    quantity_returned: int

    @property
    def coalesce_key(self) -> str:
        return f"return:{self.rma_id}"

    def to_json(self) -> dict[str, Any]:
        return {"return_line_id": self.return_line_id, "rma_id": self.rma_id,
                "handling_result": self.handling_result,
                "quantity_returned": self.quantity_returned}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ReturnHandlingPayload:
        return cls(int(data["return_line_id"]), str(data["rma_id"]),
                   str(data["handling_result"]), int(data["quantity_returned"]))


@dataclass(frozen=True)
class ReturnCreatePayload:
    """Register (and handle) a return bol.com never announced: ``POST /retailer/returns``."""

    kind: ClassVar[OutboxKind] = OutboxKind.RETURN_CREATE
    return_line_id: int
    bol_order_id: str
    order_item_id: str
    handling_result: str
    quantity_returned: int

    @property
    def coalesce_key(self) -> str:
        return f"return-create:{self.return_line_id}"

    def to_json(self) -> dict[str, Any]:
        return {"return_line_id": self.return_line_id, "bol_order_id": self.bol_order_id,
                "order_item_id": self.order_item_id, "handling_result": self.handling_result,
                "quantity_returned": self.quantity_returned}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ReturnCreatePayload:
        return cls(int(data["return_line_id"]), str(data["bol_order_id"]),
                   str(data["order_item_id"]), str(data["handling_result"]),
                   int(data["quantity_returned"]))


ReturnPayload = ReturnHandlingPayload | ReturnCreatePayload
Payload = (ShipmentPayload | CancellationPayload | StockPayload | TransportPayload
           | ReturnPayload | LabelPayload)
_BY_KIND: dict[str, type[Payload]] = {
    OutboxKind.SHIPMENT: ShipmentPayload,
    OutboxKind.CANCELLATION: CancellationPayload,
    OutboxKind.STOCK: StockPayload,
    OutboxKind.TRANSPORT: TransportPayload,
    OutboxKind.RETURN_HANDLING: ReturnHandlingPayload,
    OutboxKind.RETURN_CREATE: ReturnCreatePayload,
    OutboxKind.LABEL: LabelPayload,
}


def payload_of(kind: str, data: dict[str, Any]) -> Payload:
    """The typed payload of a stored row; PayloadError when it cannot be read."""
    cls = _BY_KIND.get(kind)
    if cls is None:
        raise PayloadError(f"unknown outbox kind {kind!r}")
    try:
        return cls.from_json(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise PayloadError(f"a {kind} row without the fields it needs: {exc}") from exc
