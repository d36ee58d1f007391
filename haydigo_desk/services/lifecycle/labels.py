"""Labels bought from bol.com ("Verzenden via bol"): the shipment that waits for its label.

Buying a label makes the order's shipment at once (queued: the order shows packed, a second
press finds it), with the label's row and its outbox row LABEL in the same transaction. When
bol.com sold the label and its PDF is stored, the shipment is queued for posting with the
label's id (and shows the label's carrier and track & trace); when bol.com refuses it, the
shipment fails and the order is a problem with bol's message; nothing is posted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy.orm import Session

from haydigo_desk.domain.outbox_payloads import LabelPayload, ShipmentItem, ShipmentPayload
from haydigo_desk.domain.states import LabelState
from haydigo_desk.persistence.models import (
    LabelPurchase,
    Order,
    OrderLine,
    OutboxEntry,
    Shipment,
    utcnow,
)
from haydigo_desk.services.lifecycle import rows, shipments
from haydigo_desk.services.outbox_writer import enqueue


@dataclass(frozen=True)
class LabelOffer:
    """The delivery option the packer agreed to buy."""

    offer_id: str
    transporter_code: str
    label_type: str | None = None
    display_name: str | None = None
    price: Decimal | None = None
    handover_deadline: datetime | None = None


def queue_label(session: Session, order: Order, units: Sequence[tuple[OrderLine, int]],
                offer: LabelOffer, *, created_by: str, workstation: str
                ) -> tuple[Shipment, LabelPurchase, OutboxEntry]:
    """The shipment of these units, its label row and the purchase's outbox row."""
    shipment, _ = shipments.queue_shipment(
        session, order, units, transporter_code=offer.transporter_code, track_and_trace=None,
        shipment_reference=None, created_by=created_by, workstation=workstation,
        outbox=False)
    items = tuple(ShipmentItem(line.bol_order_item_id, quantity) for line, quantity in units)
    label = LabelPurchase(
        account_id=order.account_id, order_id=order.id, shipment_id=shipment.id,
        items=[{"order_item_id": i.order_item_id, "quantity": i.quantity} for i in items],
        offer_id=offer.offer_id, label_type=offer.label_type, display_name=offer.display_name,
        price=offer.price, handover_deadline=offer.handover_deadline,
        state=LabelState.QUEUED.value, transporter_code=offer.transporter_code,
        created_by=created_by, workstation=workstation)
    session.add(label)
    session.flush()
    payload = LabelPayload(label.id, order.bol_order_id, items, offer.offer_id)
    entry = enqueue(session, order.account_id, payload, shipment_id=shipment.id,
                    coalesce_key=payload.coalesce_key)
    return shipment, label, entry


def label_bought(session: Session, label: LabelPurchase, bol_label_id: str) -> None:
    """bol.com sold the label (its process succeeded): the id is kept before the PDF."""
    if label.bol_label_id != bol_label_id:
        label.bol_label_id = bol_label_id
        label.bought_at = label.bought_at or utcnow()
    if label.state == LabelState.QUEUED:
        label.state = LabelState.BOUGHT.value


def label_document_stored(label: LabelPurchase, pdf: bytes, transporter_code: str | None,
                          track_and_trace: str | None) -> None:
    """The label's PDF as bol.com sent it, with the carrier and T&T of its headers."""
    label.pdf = pdf
    label.transporter_code = transporter_code or label.transporter_code
    label.track_and_trace = track_and_trace or label.track_and_trace


def label_ready(session: Session, label: LabelPurchase) -> OutboxEntry | None:
    """The PDF is stored: the shipment is queued with the label's id, carrier and T&T."""
    if label.state == LabelState.READY:
        return None
    shipment = session.get(Shipment, label.shipment_id)
    order = session.get(Order, label.order_id)
    label.state = LabelState.READY.value
    shipment.transporter_code = label.transporter_code or shipment.transporter_code
    shipment.track_and_trace = label.track_and_trace
    shipments.shipment_requeued(session, shipment.id)  # sent (the purchase) → queued
    payload = ShipmentPayload(
        order.bol_order_id,
        tuple(ShipmentItem(str(i["order_item_id"]), int(i["quantity"])) for i in label.items),
        shipment.transporter_code, label.track_and_trace, None,
        shipping_label_id=label.bol_label_id)
    return enqueue(session, order.account_id, payload, shipment_id=shipment.id)


def label_failed(session: Session, label: LabelPurchase, message: str) -> None:
    """Not bought (bol.com refused) or unusable: the shipment fails, the order is a problem."""
    label.state = LabelState.FAILED.value
    label.error = message[:2000]
    if label.shipment_id:
        shipments.shipment_failed(session, label.shipment_id, message)


def label_withdrawn(session: Session, label: LabelPurchase, message: str) -> None:
    """Not bought: the customer cancelled meanwhile (the shipment is withdrawn by the caller)."""
    label.state = LabelState.CANCELLED.value
    label.error = message[:2000]


def label_unavailable(session: Session, order_id: int, message: str) -> None:
    """No label can be bought (bol.com offers none for the box): the order is a problem with
    the reason until a shipment is queued for it."""
    order = session.get(Order, order_id)
    if order is None:
        return
    order.problem = message[:500]
    rows.derive_statuses(session, order)
