"""The pick station's modes (the presenter's state machine moves between them)."""

from __future__ import annotations

from enum import StrEnum


class Mode(StrEnum):
    IDLE = "idle"
    BATCH = "batch"  # picking a pick list's product totals onto the cart
    PACKING = "packing"  # an order of that pick list, into its box
    ORDER = "order"  # single-order pick & pack
    SHIPMENT = "shipment"  # the shipment dialog is open, or the post is on its way


ORDER_MODES = (Mode.ORDER, Mode.PACKING, Mode.SHIPMENT)
