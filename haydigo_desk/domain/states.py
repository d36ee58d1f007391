"""The short strings stored for statuses; one place so UI, sync and services agree."""

from __future__ import annotations

from enum import StrEnum


class OrderStatus(StrEnum):
    NEW = "new"
    PICKING = "picking"
    PACKED = "packed"
    SHIPPED = "shipped"
    CANCELLED = "cancelled"
    PROBLEM = "problem"


class PickListStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class ShipmentState(StrEnum):
    QUEUED = "queued"
    SENT = "sent"
    CONFIRMED = "confirmed"
    FAILED = "failed"
    CANCELLED = "cancelled"


class OutboxKind(StrEnum):
    SHIPMENT = "shipment"
    CANCELLATION = "cancellation"
    STOCK = "stock"
    TRANSPORT = "transport"  # a track & trace corrected after shipping
    RETURN_HANDLING = "return"  # handle a return item bol.com announced (PUT)
    RETURN_CREATE = "return_create"  # register a return bol.com never announced (POST)
    LABEL = "label"  # buy a bol.com shipping label ("Verzenden via bol"), then ship with it


class LabelState(StrEnum):
    """A bought label's row (``shipping_labels``): see ``persistence.models.LabelPurchase``."""

    QUEUED = "queued"  # its purchase waits in (or goes through) the outbox
    BOUGHT = "bought"  # bol.com sold it (label id known); the PDF is being fetched
    READY = "ready"  # PDF stored; the shipment with its id is queued
    FAILED = "failed"  # bol.com refused the purchase (or sent no usable PDF)
    CANCELLED = "cancelled"  # not bought: the items were cancelled meanwhile


class OutboxState(StrEnum):
    QUEUED = "queued"
    SENDING = "sending"  # marked just before the request: after a crash, ask bol.com first
    SENT = "sent"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"


class StaffRole(StrEnum):
    PICKER = "picker"
    MANAGER = "manager"


class SyncOutcome(StrEnum):
    RUNNING = "running"
    OK = "ok"
    FAILED = "failed"
    SKIPPED = "skipped"
    INTERRUPTED = "interrupted"  # the program stopped (or was killed) during the cycle
