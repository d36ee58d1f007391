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
