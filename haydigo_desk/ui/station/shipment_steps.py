"""The station's shipment steps: ask, queue in the outbox, post through the sync worker.

Part of ``StationPresenter`` (a mixin: it uses the presenter's mode, order, queue and view).
While the dialog is open or the post is on its way the station is in ``Mode.SHIPMENT``; it
goes back to the order mode it came from when the answer is in.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from haydigo_desk.services import shipping
from haydigo_desk.services.carrier_choice import carrier_choice
from haydigo_desk.services.picking import OrderWork
from haydigo_desk.services.redaction import describe_error
from haydigo_desk.ui.station import messages
from haydigo_desk.ui.station.modes import Mode

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ShipmentAsk:
    """What the shipment dialog needs to ask transporter and track & trace."""

    order_label: str
    units: Any
    partial: bool
    open_units: int
    default_transporter: str | None
    last_used: str | None
    track_and_trace: str



class ShipmentSteps:
    def ship(self, *, resend_of: int | None = None) -> None:
        """F8: ask transporter and track & trace, queue in the outbox, post via the worker."""
        if self.mode not in (Mode.ORDER, Mode.PACKING) or self.order is None:
            if self.posting:
                self.say(messages.wait_for_post())
            return
        shipment = self.order.shipment
        database = self.jobs.database
        if resend_of is None and shipment and shipment.state in shipping.OPEN_STATES:
            self.resume_shipment(shipment.shipment_id)  # label_steps: a label or a post
            return
        order = self.order
        last = self._last_transporter()
        self._enter_shipment()

        def plan() -> Any:
            try:
                found = shipping.plan_shipment(database, order.order_id)
            except shipping.ShipmentRefused as refused:
                return refused
            # Whether it ships with a bol label (label_steps.py takes it from there).
            via_bol = self.jobs.label_plan(order.order_id,
                                           getattr(order, "distribution_party", None))
            return found, carrier_choice(database, order.account_id, last), via_bol

        self._run(plan, lambda planned: self._planned(planned, order, resend_of))

    def _enter_shipment(self) -> None:
        if self.mode is not Mode.SHIPMENT:
            self._order_mode_before_shipment = self.mode
        self._set_mode(Mode.SHIPMENT)

    def _leave_shipment(self) -> None:
        if self.mode is Mode.SHIPMENT:
            self._set_mode(self._order_mode_before_shipment)

    def resend(self) -> None:
        """F9: after bol.com refused the shipment, correct it and send a new one."""
        if self.order and self.order.shipment and self.order.shipment.state == "failed":
            self.ship(resend_of=self.order.shipment.shipment_id)

    def _planned(self, planned: Any, order: OrderWork, resend_of: int | None) -> None:
        if isinstance(planned, shipping.ShipmentRefused):
            self._leave_shipment()
            self.say(messages.shipment_refused(planned, self._language()))
            return
        plan, choice, label_plan = planned
        if not plan.units:
            self._leave_shipment()
            self.say(messages.nothing_picked())
            return
        if resend_of is None and getattr(label_plan, "via_bol", False):
            self.ship_via_bol(order, label_plan)
            return
        previous = order.shipment if resend_of is not None else None
        ask = ShipmentAsk(
            order_label=order.bol_order_id, units=plan.units,
            partial=plan.partial and resend_of is None, open_units=order.units_needed,
            default_transporter=previous.transporter_code if previous else choice.preselected,
            last_used=choice.suggested,
            track_and_trace=(previous.track_and_trace or "") if previous else "")
        self.view.ask_shipment(ask, lambda request: self._shipment_answered(request, resend_of))

    def _shipment_answered(self, request: Any, resend_of: int | None) -> None:
        if request is None or self.order is None:
            self._leave_shipment()
            return
        self._remember_transporter(request.transporter_code)
        order_id = self.order.order_id
        self._run(lambda: self.jobs.queue_shipment(order_id, request, resend_of),
                  self._queued)

    def _queued(self, queued: Any) -> None:
        self.after_queued(queued, self._post)

    def after_queued(self, queued: Any, post: Callable[[int, int | None], None]) -> None:
        """A shipment (or a label purchase) was queued, or refused: the refusal is said;
        otherwise the order on screen takes the written state and ``post`` sends the row."""
        if isinstance(queued, shipping.ShipmentRefused):
            self._leave_shipment()
            self.say(messages.shipment_refused(queued, self._language()))
            return
        shipment_id, entry_id, work = queued
        if work is not None and self.order is not None and self.order.order_id == work.order_id:
            self.order = work
        post(shipment_id, entry_id)

    def _post(self, shipment_id: int, entry_id: int | None) -> None:
        if entry_id is None or not getattr(self.controller, "available", False):
            self._leave_shipment()
            self.view.show_shipment(messages.queued_for_sync())
            return
        self._enter_shipment()
        self.view.show_shipment(messages.posting())
        self._posting = asyncio.ensure_future(self._post_and_wait(shipment_id, entry_id))
        self.view.state_changed()

    async def _post_and_wait(self, shipment_id: int, entry_id: int) -> None:
        message = ""
        try:
            result = await self.controller.submit(lambda s: s.post_outbox_now(entry_id))
            message = str(getattr(result, "message", "") or "")
        except Exception as exc:  # the worker's failure is shown, the shipment stays queued
            log.warning("Posting shipment %s failed: %s", shipment_id, describe_error(exc))
            message = describe_error(exc)
        self._run(lambda: self.jobs.after_post(shipment_id),
                  lambda after: self._after_post(after, message))

    def _after_post(self, after: Any, message: str) -> None:
        self._posting = None
        self._leave_shipment()
        status, work = after
        if work is not None and self.order is not None and self.order.order_id == work.order_id:
            self._order_reloaded(work, None)
        if status is None:
            return
        if status.state == "failed" and not status.error and message:
            self.view.show_shipment(messages.bol_refused(message))
        if status.state == "confirmed":
            self.say(messages.shipped_confirmed())
        elif status.state in ("failed", "cancelled"):
            self.say(messages.not_shipped())
        self.view.state_changed()

