"""The pick station's steps as single calls, for its ordered background queue (no Qt).

Each method is what one user action needs from the database, composed from the picking,
claim and shipping use cases (each owns its transaction): "open what this code stands for",
"leave this order and show the list", "put back, then reload". The station runs them one
after the other on its queue thread and gets plain values back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from haydigo_desk.domain.short_picks import ShortReason
from haydigo_desk.persistence.database import Database
from haydigo_desk.services import labels, shipping
from haydigo_desk.services.claims import StationIdentity, claim_order, release_order
from haydigo_desk.services.picking import (
    CLOSED_ORDER_STATUSES,
    OpenWork,
    OrderWork,
    PickingService,
    PickListWork,
)
from haydigo_desk.services.picking_short import ShortOutcome, ShortPicks


@dataclass(frozen=True)
class Opened:
    """What opening a code or a chosen row led to.

    kind: "pick_list" | "order" | "closed" (cancelled or shipped, not claimed) | "held"
    (another desk has it: ``holder``) | "not_in_list" (an order that is not on the pick list
    being packed) | "oversold" (the stock cannot serve it: not claimed) | "unknown" (no such
    code) | "gone" (deleted meanwhile)."""

    kind: str
    code: str = ""
    order: OrderWork | None = None
    pick_list: PickListWork | None = None
    holder: str | None = None


class StationJobs:
    def __init__(self, database: Database, station: StationIdentity,
                 picking: PickingService) -> None:
        self.database = database
        self.station = station
        self.picking = picking
        self.short_picks = ShortPicks(picking)

    def _release(self, order_id: int | None, keep: int | None = None) -> None:
        if order_id is not None and order_id != keep:
            release_order(self.database, order_id, self.station)

    def open_code(self, text: str, in_pick_list: int | None, leaving: int | None) -> Opened:
        ref = self.picking.find_work(text)
        if ref is None:
            self.picking.log_event(text, "unknown_code")
            return Opened("unknown", code=text)
        if ref.kind == "pick_list":
            self.picking.log_event(text, "open_pick_list", pick_list_id=ref.id)
            return self.open_pick_list(ref.id, leaving)
        if in_pick_list is not None and ref.id not in self._orders_of(in_pick_list):
            self.picking.log_event(text, "not_in_list", order_id=ref.id,
                                   pick_list_id=in_pick_list)
            return Opened("not_in_list", code=text, order=self.picking.load_order(ref.id))
        self.picking.log_event(text, "open_order", order_id=ref.id)
        return self.open_order(ref.id, False, leaving)

    def _orders_of(self, pick_list_id: int) -> set[int]:
        work = self.picking.load_pick_list(pick_list_id)
        return {order.order_id for order in work.orders} if work else set()

    def open_pick_list(self, pick_list_id: int, leaving: int | None) -> Opened:
        self._release(leaving)
        work = self.picking.load_pick_list(pick_list_id)
        return Opened("pick_list", pick_list=work) if work else Opened("gone")

    def open_order(self, order_id: int, take_over: bool, leaving: int | None) -> Opened:
        """Claim the order for this desk; a cancelled or shipped one is shown, not claimed."""
        self._release(leaving, keep=order_id)
        work = self.picking.load_order(order_id)
        if work is None:
            return Opened("gone")
        if work.status in CLOSED_ORDER_STATUSES:
            self.picking.log_event(work.bol_order_id, f"refused_{work.status}", order_id=order_id)
            return Opened("closed", order=work)
        if work.oversold:
            self.picking.log_event(work.bol_order_id, "refused_oversold", order_id=order_id)
            return Opened("oversold", order=work)
        claim = claim_order(self.database, order_id, self.station, take_over=take_over)
        if not claim.claimed:
            return Opened("held", order=work, holder=claim.holder or "?")
        return Opened("order", order=self.picking.load_order(order_id) or work)

    def idle(self, leaving: int | None) -> OpenWork:
        self._release(leaving)
        return self.picking.open_work()

    def put_back_order(self, order_id: int) -> OrderWork | None:
        self.picking.put_back_order(order_id)
        return self.picking.load_order(order_id)

    def put_back_pick_list(self, pick_list_id: int) -> PickListWork | None:
        self.picking.put_back_pick_list(pick_list_id)
        return self.picking.load_pick_list(pick_list_id)

    def short_in_order(self, order_id: int, line_id: int, units: int, reason: ShortReason
                       ) -> tuple[ShortOutcome, OrderWork | None]:
        """Report units of the order's line short, then the order as it is now."""
        outcome = self.short_picks.in_order(order_id, line_id, units, reason)
        return outcome, self.picking.load_order(order_id)

    def short_in_batch(self, pick_list_id: int, key: int, units: int, reason: ShortReason
                       ) -> tuple[ShortOutcome, PickListWork | None]:
        """Report units of a product of the list short, then the list as it is now."""
        outcome = self.short_picks.in_batch(pick_list_id, key, units, reason)
        return outcome, self.picking.load_pick_list(pick_list_id)

    def queue_shipment(self, order_id: int, request: Any, resend_of: int | None) -> Any:
        """(shipment id, outbox row id, the order now) or the ``ShipmentRefused``."""
        try:
            if resend_of is None:
                queued = shipping.queue_shipment(
                    self.database, order_id, request.transporter_code, request.track_and_trace,
                    station=self.station, confirm_format=request.confirm_format,
                    confirm_partial=request.confirm_partial)
            else:
                queued = shipping.resend_shipment(
                    self.database, resend_of, request.transporter_code,
                    request.track_and_trace, station=self.station,
                    confirm_format=request.confirm_format)
        except shipping.ShipmentRefused as refused:
            return refused
        return queued.shipment_id, queued.outbox_entry_id, self.picking.load_order(order_id)

    def after_post(self, shipment_id: int) -> tuple[shipping.ShipmentStatus | None,
                                                    OrderWork | None]:
        """The shipment's state after the worker posted it; a confirmed order is released."""
        status = shipping.shipment_status(self.database, shipment_id)
        if status is None:
            return None, None
        if status.state == "confirmed":
            release_order(self.database, status.order_id, self.station)
        return status, self.picking.load_order(status.order_id)

    # --- labels bought from bol.com (ui/station/label_steps.py) --------------------------------

    def label_plan(self, order_id: int, distribution_party: str | None = None) -> Any:
        """The ``labels.LabelPlan`` of the box, or the ``ShipmentRefused``."""
        try:
            return labels.label_plan(self.database, order_id, distribution_party)
        except shipping.ShipmentRefused as refused:
            return refused

    def buy_label(self, order_id: int, option: Any) -> Any:
        """(shipment id, label outbox row id, the order now) or the ``ShipmentRefused``."""
        try:
            queued = labels.queue_label_purchase(self.database, order_id, option,
                                                 station=self.station)
        except shipping.ShipmentRefused as refused:
            return refused
        return queued.shipment_id, queued.outbox_entry_id, self.picking.load_order(order_id)

    def resume_info(self, shipment_id: int) -> tuple[int | None, bool, labels.BoughtLabel]:
        """The shipment's latest outbox row, whether it buys its label, and the label."""
        entry_id, buys_label = labels.latest_entry(self.database, shipment_id)
        return entry_id, buys_label, labels.bought_label(self.database, shipment_id)

    def label_printed(self, label_id: int) -> None:
        labels.mark_printed(self.database, label_id)

    def label_after_purchase(self, shipment_id: int) -> labels.BoughtLabel:
        """The label of the shipment after the worker bought it, its PDF and the shipment's
        outbox row that posts it (the PDF is loaded here, off the GUI thread)."""
        return labels.bought_label(self.database, shipment_id)

    def label_unavailable(self, order_id: int, message: str) -> OrderWork | None:
        labels.no_label_for(self.database, order_id, message)
        return self.picking.load_order(order_id)
