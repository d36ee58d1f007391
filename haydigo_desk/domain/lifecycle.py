"""The order lifecycle as pure rules: order lines, orders, pick lists and shipments.

One owner for every state change. ``services.lifecycle`` applies these rules to database rows;
nothing else writes a status or a quantity of an order, order line, pick list, pick-list line or
shipment (``tests/unit/test_lifecycle_ownership.py`` scans the code for it).

Counting conventions of one order line:
- ``quantity`` is what the customer ordered; ``shipped`` and ``cancelled`` are bol.com's numbers
  (shipped + cancelled never exceeds quantity).
- ``picked`` is cumulative: units put in the order's box, including units that shipped since.
  ``in_box = picked - shipped`` units wait to be shipped.
- ``on_cart`` are units taken from the shelf while batch picking a pick list that have not gone
  into a box yet (the pick-list line's picked count beyond the order line's).
- While a customer's cancellation request waits for bol.com, nothing more of the line is
  wanted: ``open`` is 0 and every unit off the shelf must go back.
- ``short`` units were reported not found or damaged at the shelf (a short pick): they stay
  open (bol.com still expects them, stock stays reserved) but are not asked for at the station
  until a manager decides (``domain.short_picks``) or stock arrives for a backorder.
- Order and pick-list status are derived from their lines, never set by hand.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from haydigo_desk.domain.states import OrderStatus, PickListStatus, ShipmentState


class LifecycleError(ValueError):
    """An event the rules refuse; the message names what does not add up."""


class Cancellation(StrEnum):
    """Where a cancellation of the line stands. A request is a state that ends."""

    NONE = "none"
    REQUESTED = "requested"  # the customer asked; our acceptance waits for bol.com
    ACCEPTED = "accepted"  # bol.com cancelled the units (our acceptance or its own)
    REFUSED = "refused"  # bol.com refused our acceptance: the units are wanted again
    WITHDRAWN = "withdrawn"  # the request vanished at bol.com before we sent anything


class LinePhase(StrEnum):
    OPEN = "open"  # nothing off the shelf yet
    PICKING = "picking"  # some units off the shelf
    PICKED = "picked"  # every open unit is in the box
    CANCEL_REQUESTED = "cancel_requested"
    SHIPPED = "shipped"  # nothing open; at least one unit shipped
    CANCELLED = "cancelled"  # every unit cancelled


@dataclass(frozen=True)
class LineCounts:
    quantity: int
    picked: int = 0
    shipped: int = 0
    cancelled: int = 0
    cancellation: Cancellation = Cancellation.NONE
    on_cart: int = 0
    short: int = 0

    @property
    def wanted(self) -> int:
        """Units the customer still gets, shipped or not."""
        if self.cancellation is Cancellation.REQUESTED:
            return self.shipped
        return self.quantity - self.cancelled

    @property
    def open(self) -> int:
        """Units still to ship (0 while a cancellation request waits)."""
        return max(self.wanted - self.shipped, 0)

    @property
    def in_box(self) -> int:
        return max(self.picked - self.shipped, 0)

    @property
    def off_shelf(self) -> int:
        return self.in_box + self.on_cart

    @property
    def pickable(self) -> int:
        """Open units the station asks for: the short ones wait for a manager or stock."""
        return max(self.open - self.short, 0)

    @property
    def to_take(self) -> int:
        """Units still to take from the shelf."""
        return max(self.pickable - self.off_shelf, 0)

    @property
    def put_back(self) -> int:
        """Units off the shelf that nobody wants any more."""
        return max(self.off_shelf - self.open, 0)

    @property
    def final(self) -> bool:
        """Nothing to ship and nothing to put back: the line needs no more work on a pick
        list (short units wait in the Can't-fulfil queue, not on the list)."""
        return self.pickable == 0 and self.in_box == 0 and self.put_back == 0 and (
            self.cancellation is not Cancellation.REQUESTED)

    @property
    def phase(self) -> LinePhase:
        if self.cancelled >= self.quantity:
            return LinePhase.CANCELLED
        if self.cancellation is Cancellation.REQUESTED and self.wanted < self.quantity:
            return LinePhase.CANCEL_REQUESTED
        if self.open == 0:
            return LinePhase.SHIPPED
        if self.in_box >= self.open:
            return LinePhase.PICKED
        if self.off_shelf or self.shipped:
            return LinePhase.PICKING
        return LinePhase.OPEN


def check_counts(counts: LineCounts) -> LineCounts:
    """Refuse numbers that cannot be true of one line."""
    if counts.quantity < 1:
        raise LifecycleError(f"an order line needs a quantity of at least 1, not {counts.quantity}")
    if min(counts.picked, counts.shipped, counts.cancelled, counts.on_cart, counts.short) < 0:
        raise LifecycleError("negative quantities on an order line")
    if counts.shipped + counts.cancelled > counts.quantity:
        raise LifecycleError(
            f"shipped {counts.shipped} + cancelled {counts.cancelled} exceeds the "
            f"{counts.quantity} ordered")
    return counts


# --- events on a line --------------------------------------------------------------------------


def pick_into_box(counts: LineCounts, units: int) -> LineCounts:
    """A scan at the packing table: units go into the order's box."""
    if units < 1:
        raise LifecycleError("pick at least one unit")
    if counts.in_box + units > counts.pickable:
        raise LifecycleError(
            f"only {counts.pickable - counts.in_box} more of this line are wanted")
    # Units from the cart move into the box; the cart count follows (see module notes).
    return replace(counts, picked=counts.picked + units,
                   on_cart=max(counts.on_cart - units, 0))


def pick_onto_cart(counts: LineCounts, units: int) -> LineCounts:
    """A scan while batch picking: units taken from the shelf for this line."""
    if units < 1:
        raise LifecycleError("pick at least one unit")
    if units > counts.to_take:
        raise LifecycleError(f"only {counts.to_take} more of this line are wanted")
    return replace(counts, on_cart=counts.on_cart + units)


@dataclass(frozen=True)
class PutBackPlan:
    from_box: int
    from_cart: int
    after: LineCounts

    @property
    def units(self) -> int:
        return self.from_box + self.from_cart


def put_back(counts: LineCounts) -> PutBackPlan:
    """Units nobody wants go back to the shelf: from the box first, then from the cart."""
    excess = counts.put_back
    from_box = min(excess, counts.in_box)
    from_cart = excess - from_box
    after = replace(counts, picked=counts.picked - from_box, on_cart=counts.on_cart - from_cart)
    return PutBackPlan(from_box, from_cart, after)


def request_cancellation(counts: LineCounts) -> LineCounts | None:
    """The customer asks to cancel; None when there is nothing left to cancel."""
    if counts.cancellation is Cancellation.REQUESTED or counts.open == 0:
        return None
    return replace(counts, cancellation=Cancellation.REQUESTED)


def cancellation_accepted(counts: LineCounts) -> LineCounts:
    """bol.com carried out our cancellation: every unit not shipped is cancelled."""
    return replace(counts, cancelled=counts.quantity - counts.shipped,
                   cancellation=Cancellation.ACCEPTED)


def cancellation_refused(counts: LineCounts) -> LineCounts:
    """bol.com refused our cancellation: the units are wanted again."""
    if counts.cancellation is not Cancellation.REQUESTED:
        return counts
    return replace(counts, cancellation=Cancellation.REFUSED)


def cancellation_withdrawn(counts: LineCounts) -> LineCounts:
    """The request vanished at bol.com, or a manager dropped our acceptance before it went."""
    if counts.cancellation is not Cancellation.REQUESTED:
        return counts
    return replace(counts, cancellation=Cancellation.WITHDRAWN)


def cancellation_resent(counts: LineCounts) -> LineCounts:
    """A manager sends a refused cancellation again: the units are off the list once more."""
    if counts.cancellation is not Cancellation.REFUSED:
        return counts
    return request_cancellation(replace(counts, cancellation=Cancellation.NONE)) or counts


def ship(counts: LineCounts, units: int) -> tuple[LineCounts, int]:
    """bol.com confirmed our shipment of ``units``; returns the new counts and the units that
    really left (a shipment bol.com already reported, or cancelled units, count only once)."""
    room = counts.quantity - counts.cancelled - counts.shipped
    shipped = max(min(units, room), 0)
    after = replace(counts, shipped=counts.shipped + shipped,
                    picked=max(counts.picked, counts.shipped + shipped))
    if after.open == 0 and after.cancellation is Cancellation.REQUESTED:
        # Shipped before the request could be accepted: the request is answered by the parcel.
        after = replace(after, cancellation=Cancellation.REFUSED)
    return after, shipped


@dataclass(frozen=True)
class BolItemChange:
    after: LineCounts
    newly_shipped: int
    newly_cancelled: int
    request_appeared: bool
    request_vanished: bool

    @property
    def changed(self) -> bool:
        return bool(self.newly_shipped or self.newly_cancelled or self.request_appeared
                    or self.request_vanished)


def bol_item_state(counts: LineCounts, *, shipped: int, cancelled: int,
                   cancellation_request: bool) -> BolItemChange:
    """bol.com's numbers for the item: only increases count (an older or repeated answer
    changes nothing); a cancellation request on an open line is answered by the desk."""
    if shipped < 0 or cancelled < 0 or shipped + cancelled > counts.quantity:
        raise LifecycleError(
            f"bol.com reports shipped {shipped} + cancelled {cancelled} of {counts.quantity}")
    newly_shipped = max(shipped - counts.shipped, 0)
    newly_cancelled = max(cancelled - counts.cancelled, 0)
    after = counts
    if newly_shipped:
        after, newly_shipped = ship(after, newly_shipped)
    if newly_cancelled:
        room = after.quantity - after.shipped - after.cancelled
        newly_cancelled = min(newly_cancelled, room)
        after = replace(after, cancelled=after.cancelled + newly_cancelled)
        if after.cancellation is Cancellation.REQUESTED:
            after = replace(after, cancellation=Cancellation.ACCEPTED)
    appeared = vanished = False
    if cancellation_request:
        requested = request_cancellation(after)
        if requested is not None and after.cancellation is Cancellation.NONE:
            after, appeared = requested, True
    elif after.cancellation is Cancellation.REQUESTED and not newly_cancelled:
        vanished = True
    return BolItemChange(after, newly_shipped, newly_cancelled, appeared, vanished)


# --- derived statuses --------------------------------------------------------------------------


def order_status(lines: Sequence[LineCounts], *, unmatched_open: bool = False,
                 live_shipment: bool = False, problem: bool = False) -> OrderStatus:
    """An order's status from its lines, its live shipment and its open problem."""
    if not lines:
        return OrderStatus.PROBLEM  # an order without lines: a later cycle completes it
    if all(line.open == 0 for line in lines):
        # Units still to put back do not keep the order open (the station asks for them).
        if any(line.shipped for line in lines):
            return OrderStatus.SHIPPED
        return OrderStatus.CANCELLED
    if problem or unmatched_open:
        return OrderStatus.PROBLEM
    if live_shipment:
        return OrderStatus.PACKED
    if any(line.off_shelf or line.shipped for line in lines):
        return OrderStatus.PICKING
    return OrderStatus.NEW


def pick_list_status(lines: Iterable[LineCounts]) -> PickListStatus:
    """Done when none of its lines needs work; in progress once a unit left the shelf."""
    lines = list(lines)
    if all(line.final for line in lines):
        return PickListStatus.DONE
    if any(line.off_shelf or line.shipped or line.picked for line in lines):
        return PickListStatus.IN_PROGRESS
    return PickListStatus.OPEN


# --- shipments --------------------------------------------------------------------------------


class ShipmentEvent(StrEnum):
    SENT = "sent"  # posted; bol.com gave a process status
    CONFIRMED = "confirmed"  # bol.com processed it
    FAILED = "failed"  # bol.com refused it
    WITHDRAWN = "withdrawn"  # not posted after all (cancelled or shipped at bol.com meanwhile)
    REQUEUED = "requeued"  # bol.com never processed it: it will be posted again
    RESENT = "resent"  # a manager sends a failed shipment again, unchanged


SHIPMENT_MOVES: dict[tuple[ShipmentState, ShipmentEvent], ShipmentState] = {
    (ShipmentState.QUEUED, ShipmentEvent.SENT): ShipmentState.SENT,
    (ShipmentState.QUEUED, ShipmentEvent.CONFIRMED): ShipmentState.CONFIRMED,
    (ShipmentState.QUEUED, ShipmentEvent.FAILED): ShipmentState.FAILED,
    (ShipmentState.QUEUED, ShipmentEvent.WITHDRAWN): ShipmentState.CANCELLED,
    (ShipmentState.SENT, ShipmentEvent.CONFIRMED): ShipmentState.CONFIRMED,
    (ShipmentState.SENT, ShipmentEvent.FAILED): ShipmentState.FAILED,
    (ShipmentState.SENT, ShipmentEvent.REQUEUED): ShipmentState.QUEUED,
    (ShipmentState.FAILED, ShipmentEvent.RESENT): ShipmentState.QUEUED,
    (ShipmentState.FAILED, ShipmentEvent.WITHDRAWN): ShipmentState.CANCELLED,
    # A failure we recorded although bol.com had shipped: bol.com's word wins.
    (ShipmentState.FAILED, ShipmentEvent.CONFIRMED): ShipmentState.CONFIRMED,
}


def shipment_move(state: ShipmentState, event: ShipmentEvent) -> ShipmentState | None:
    """The shipment's next state, or None when the event does not apply (a repeat)."""
    return SHIPMENT_MOVES.get((ShipmentState(state), event))


LIVE_SHIPMENT_STATES = (ShipmentState.QUEUED, ShipmentState.SENT)
