"""Short picks: units a picker could not take from the shelf (not found, damaged).

A short pick holds that many units of one order line out of picking (``LineCounts.short``)
until a manager decides in the Can't-fulfil queue:

    open ──wait for stock──> backorder ──stock arrives──> resumed (back into picking)
      │                         │
      └──cancel at bol.com──────┴──> cancelling ──bol.com accepts──> cancelled
                                         │
                                         └──bol.com refuses──> refused (bol's message kept;
                                                                decided again)

Any active short pick ends as ``closed`` when its line needs nothing more (the customer or
bol.com cancelled it, bol.com shipped it). Pure rules: no I/O, no Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from haydigo_desk.domain.lifecycle import LifecycleError, LineCounts


class ShortReason(StrEnum):
    NOT_FOUND = "not_found"
    DAMAGED = "damaged"


class ShortState(StrEnum):
    OPEN = "open"  # reported; a manager decides
    BACKORDER = "backorder"  # wait for stock: picked up again when goods arrive
    CANCELLING = "cancelling"  # the seller's cancellation waits in the outbox / at bol.com
    REFUSED = "refused"  # bol.com refused the cancellation; a manager decides again
    RESUMED = "resumed"  # stock arrived: the units are back in picking
    CANCELLED = "cancelled"  # bol.com cancelled the item
    CLOSED = "closed"  # the line needs nothing more (cancelled or shipped otherwise)


ACTIVE_STATES = (ShortState.OPEN, ShortState.BACKORDER, ShortState.CANCELLING,
                 ShortState.REFUSED)
DECIDABLE_STATES = (ShortState.OPEN, ShortState.BACKORDER, ShortState.REFUSED)

# The seller's reasons a manager may give bol.com (bol's codes; REQUESTED_BY_CUSTOMER is the
# customer's, answered by the sync, never chosen here).
SELLER_REASONS = ("OUT_OF_STOCK", "BAD_CONDITION", "UNFINDABLE_ITEM", "NOT_AVAIL_IN_TIME",
                  "HIGHER_SHIPCOST", "INCORRECT_PRICE", "NO_BOL_GUARANTEE", "ORDERED_TWICE",
                  "RETAIN_ITEM", "TECH_ISSUE", "OTHER")

# What a reason at the shelf suggests to the manager as bol's reason.
SUGGESTED_REASON = {ShortReason.NOT_FOUND: "OUT_OF_STOCK",
                    ShortReason.DAMAGED: "BAD_CONDITION"}


class ShortPickRefused(LifecycleError):
    """A short pick or a decision the rules refuse; the message says why, ``kind`` which rule
    (the UI words it): closed | too_many | none | decided | shipped | on_its_way | reason."""

    def __init__(self, message: str, kind: str = "", limit: int = 0) -> None:
        super().__init__(message)
        self.kind = kind
        self.limit = limit


def check_report(lines: Sequence[LineCounts], units: int) -> int:
    """The units a picker may report short over these lines: at most what is still to take
    from the shelf; refused on lines that have nothing open any more."""
    if not lines or all(counts.open == 0 for counts in lines):
        raise ShortPickRefused("the line has nothing open any more (shipped or cancelled)",
                               "closed")
    if units < 1:
        raise ShortPickRefused("report at least one unit", "none")
    to_take = sum(counts.to_take for counts in lines)
    if units > to_take:
        raise ShortPickRefused(f"only {to_take} of this line are still to take", "too_many",
                               to_take)
    return units


def check_decision(state: ShortState, counts: LineCounts, *, cancel: bool) -> None:
    """A manager's decision on one short pick; cancelling needs unshipped open units."""
    if state not in DECIDABLE_STATES:
        raise ShortPickRefused(f"this line is {state.value}: nothing to decide", "decided")
    if cancel and counts.open == 0:
        raise ShortPickRefused("the item is shipped or cancelled already: nothing to cancel",
                               "shipped")


def check_seller_reason(code: str) -> str:
    if code not in SELLER_REASONS:
        raise ShortPickRefused(f"not a seller's cancellation reason of bol.com: {code!r}",
                               "reason")
    return code


@dataclass(frozen=True)
class Backorder:
    short_pick_id: int
    units: int


def backorders_to_resume(waiting: Sequence[Backorder], arrived: int) -> list[int]:
    """Backorders (oldest first) picked up again by ``arrived`` new units: in order, as long
    as the arrival covers them whole (a younger one never jumps an older one)."""
    resumed, left = [], arrived
    for backorder in waiting:
        if backorder.units > left:
            break
        resumed.append(backorder.short_pick_id)
        left -= backorder.units
    return resumed
