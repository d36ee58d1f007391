"""The station's steps for an order that ships with a bol.com label ("Verzenden via bol").

Part of ``StationPresenter`` (a mixin, like ``ShipmentSteps``): when the last unit of such an
order is in the box (or on F8), the delivery options are asked of bol.com through the sync
worker (never on the GUI thread), the account's rule chooses one, and the packer sees option,
price, handover deadline and why (``view.ask_label``: Enter buys, F6 another option). The label
is bought through the outbox, printed at once (``view.print_label``), and the shipment is
posted with its id; the station says "label bought, printing", then "shipped" with the
label's track & trace. Nothing is bought twice: a second F8 finds the order's shipment.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Any

from haydigo_desk.domain.states import LabelState
from haydigo_desk.services import labels
from haydigo_desk.services.picking import OrderWork
from haydigo_desk.services.redaction import describe_error
from haydigo_desk.ui.station import label_messages, messages

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LabelAsk:
    order_label: str
    chosen: labels.ChosenLabel


@dataclass(frozen=True)
class LabelPrint:
    """What the view prints (or saves): bol's PDF of one label."""

    label_id: int
    bol_order_id: str
    pdf: bytes


class LabelSteps:
    _label_tasks: set[asyncio.Future] | None = None

    def _start(self, coroutine: Any) -> asyncio.Future:
        """Run ``coroutine`` on the GUI loop as "the post under way" (``busy``); a strong
        reference is kept until it ends, also after ``_posting`` moved on."""
        task = asyncio.ensure_future(coroutine)
        if self._label_tasks is None:
            self._label_tasks = set()
        self._label_tasks.add(task)
        task.add_done_callback(self._label_tasks.discard)
        self._posting = task
        return task
    def ship_via_bol(self, order: OrderWork, planned: labels.LabelPlan) -> None:
        """In shipment mode: ask bol.com for the options of the box, then the packer."""
        if not getattr(self.controller, "available", False):
            self._leave_shipment()
            self.say(label_messages.needs_sync())
            return
        self.view.show_shipment(label_messages.asking_options())
        self._start(self._ask_options(order, planned))
        self.view.state_changed()

    async def _ask_options(self, order: OrderWork, planned: labels.LabelPlan) -> None:
        items = labels.box_items(planned)
        account_id = planned.account_id
        try:
            options = await self.controller.submit(
                lambda s: s.client_for(account_id).get_delivery_options(items))
        except Exception as exc:  # bol's refusal or no network: nothing bought, F8 again
            log.warning("Delivery options of %s: %s", order.bol_order_id, describe_error(exc))
            self._label_step_over(label_messages.options_failed(describe_error(exc)))
            return
        self._posting = None
        chosen = labels.choose_label(options, planned.rule, parcel=planned.parcel)
        if chosen.option is None:
            reason = chosen.choice.reason
            text = f"No bol.com label: {label_messages.reason_text(reason)}"
            self._run(lambda: self.jobs.label_unavailable(order.order_id, text),
                      lambda work: self._label_unavailable(work, reason))
            return
        self.view.ask_label(LabelAsk(order.bol_order_id, chosen),
                            lambda offer_id: self._label_answered(order, chosen, offer_id))
        self.view.state_changed()

    def _label_step_over(self, message: Any) -> None:
        self._posting = None
        self._leave_shipment()
        self.say(message)
        self.view.state_changed()

    def _label_unavailable(self, work: OrderWork | None, reason: Any) -> None:
        if work is not None and self.order is not None and self.order.order_id == work.order_id:
            self._order_reloaded(work, None)
        self._label_step_over(label_messages.no_label(reason))

    def _label_answered(self, order: OrderWork, chosen: labels.ChosenLabel,
                        offer_id: str | None) -> None:
        option = next((o for o in chosen.options if o.shipping_label_offer_id == offer_id), None)
        if option is None or self.order is None:
            self._leave_shipment()
            return
        self._run(lambda: self.jobs.buy_label(order.order_id, option), self._label_queued)

    def _label_queued(self, queued: Any) -> None:
        self.after_queued(queued, self.post_label)

    def resume_shipment(self, shipment_id: int) -> None:
        """F8 on a live shipment: its latest outbox row is posted (or looked up), a label
        purchase through ``post_label``; a label the sync finished but nobody printed is
        printed first. Nothing new is queued or bought."""
        self._run(lambda: self.jobs.resume_info(shipment_id),
                  lambda found: self._resume(shipment_id, *found))

    def _resume(self, shipment_id: int, entry_id: int | None, buys_label: bool,
                bought: labels.BoughtLabel) -> None:
        if buys_label:
            self.post_label(shipment_id, entry_id)
        elif bought.label is not None and bought.label.state == LabelState.READY and (
                not bought.label.printed):
            self._enter_shipment()
            self._label_bought(shipment_id, bought)
        else:
            self._post(shipment_id, entry_id)

    def post_label(self, shipment_id: int, entry_id: int | None) -> None:
        """Buy (or look up) the label of a shipment through the worker, then print and ship."""
        if entry_id is None or not getattr(self.controller, "available", False):
            self._label_step_over(messages.queued_for_sync())
            return
        self._enter_shipment()
        self.view.show_shipment(label_messages.buying())
        self._start(self._buy_and_ship(shipment_id, entry_id))
        self.view.state_changed()

    async def _buy_and_ship(self, shipment_id: int, entry_id: int) -> None:
        try:
            await self.controller.submit(lambda s: s.post_outbox_now(entry_id))
        except Exception as exc:  # the purchase stays in the outbox: never bought blind again
            log.warning("Buying the label of shipment %s: %s", shipment_id, describe_error(exc))
        self._run(lambda: self.jobs.label_after_purchase(shipment_id),
                  lambda bought: self._label_bought(shipment_id, bought))

    def _label_bought(self, shipment_id: int, bought: labels.BoughtLabel) -> None:
        label = bought.label
        if label is None or label.state in (LabelState.FAILED, LabelState.CANCELLED):
            error = label.error if label is not None else ""
            self._label_step_over(label_messages.label_refused(error or "—"))
            self._reload_order()
            return
        if label.state != LabelState.READY or bought.pdf is None:
            self._label_step_over(label_messages.still_buying())
            return
        self.view.show_shipment(label_messages.bought_printing(label.track_and_trace))
        bol_order_id = self.order.bol_order_id if self.order is not None else ""
        label_id = label.label_id
        self.view.print_label(LabelPrint(label_id, bol_order_id, bought.pdf),
                              lambda message, ok: self._label_printed(label_id, message, ok))
        self._posting = None
        self._post(shipment_id, bought.shipment_entry_id)

    def _label_printed(self, label_id: int, message: Any, ok: bool) -> None:
        self.say(message)
        if ok:  # remembered, so that F8 never prints it again by itself
            self._run(lambda: self.jobs.label_printed(label_id), lambda _none: None)
