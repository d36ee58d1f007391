"""The rules of a return at the desk: its deadline, its states, what a handling may ask.

Pure: no I/O, no Qt. ``services/returns.py`` applies them to rows; the UI turns a
``ReturnRuleError``'s ``code`` and ``params`` into its own (translated) sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

# bol.com asks the seller to handle a return within days of its registration; the desk shows
# this deadline and colours it once fewer than DEADLINE_WARNING remain.
HANDLING_DAYS = 7
DEADLINE_WARNING = timedelta(days=2)
MAX_QUANTITY = 9999  # bol's maximum quantityReturned

HANDLING_RESULTS = (
    "RETURN_RECEIVED", "EXCHANGE_PRODUCT", "RETURN_DOES_NOT_MEET_CONDITIONS", "REPAIR_PRODUCT",
    "CUSTOMER_KEEPS_PRODUCT_PAID", "STILL_APPROVED",
)
# A return the desk registers itself (bol.com never announced it): no STILL_APPROVED.
CREATE_HANDLING_RESULTS = HANDLING_RESULTS[:-1]
# The customer keeps the unit: nothing arrives that could go back on the shelf.
NOTHING_ARRIVES = frozenset({"CUSTOMER_KEEPS_PRODUCT_PAID"})


class ReturnLineState(StrEnum):
    OPEN = "open"  # announced by bol.com, not handled yet
    QUEUED = "queued"  # the handling waits in the outbox or at bol.com
    HANDLED = "handled"  # bol.com confirmed the handling (or it was handled there)
    FAILED = "failed"  # bol.com refused; bol's text kept; may be handled again


class Disposition(StrEnum):
    RESTOCK = "restock"  # back on the shelf at a location: on hand goes up
    WRITE_OFF = "write_off"  # arrived, not sellable (manager, with a reason)
    NONE = "none"  # nothing to count (the customer keeps it, repair, sent back)


class ReturnRuleError(ValueError):
    """A handling the rules refuse; nothing was changed. ``code`` names the rule."""

    def __init__(self, code: str, message: str, **params: Any) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class Handling:
    """What the desk asks for one return item."""

    handling_result: str
    quantity: int
    disposition: Disposition
    location_code: str = ""
    write_off_reason: str = ""


def handling_deadline(registered_at: datetime) -> datetime:
    return registered_at + timedelta(days=HANDLING_DAYS)


def deadline_is_close(deadline: datetime, now: datetime) -> bool:
    """Past the deadline, or fewer than ``DEADLINE_WARNING`` left."""
    return deadline - now < DEADLINE_WARNING


def check_handling(handling: Handling, *, state: str, expected_quantity: int,
                   previous_result: str = "", allowed: tuple[str, ...] = HANDLING_RESULTS
                   ) -> None:
    """Raises ``ReturnRuleError`` for a handling the desk must not send."""
    if state == ReturnLineState.HANDLED:
        raise ReturnRuleError(
            "already_handled",
            f"This return item was already handled ({previous_result}); it cannot be handled "
            "twice.", result=previous_result)
    if state == ReturnLineState.QUEUED:
        raise ReturnRuleError("already_queued",
                              "This return item's handling is already on its way to bol.com.")
    if handling.handling_result not in allowed:
        raise ReturnRuleError("bad_result", f"Unknown handling result {handling.handling_result}",
                              result=handling.handling_result)
    if not 1 <= handling.quantity <= min(expected_quantity, MAX_QUANTITY):
        raise ReturnRuleError(
            "bad_quantity",
            f"The quantity must be 1 to {expected_quantity}: the customer returned "
            f"{expected_quantity}.", expected=expected_quantity, quantity=handling.quantity)
    if handling.disposition == Disposition.RESTOCK and not handling.location_code.strip():
        raise ReturnRuleError("no_location", "Choose the location the units go back to.")
    if handling.disposition == Disposition.WRITE_OFF and not handling.write_off_reason.strip():
        raise ReturnRuleError("no_write_off_reason", "Give the reason for the write-off.")
    if (handling.handling_result in NOTHING_ARRIVES
            and handling.disposition != Disposition.NONE):
        raise ReturnRuleError("nothing_arrives",
                              "The customer keeps the product: nothing goes to stock.")
