"""The station's short pick: Ctrl+N "not found", Ctrl+D "damaged" for the current unit.

Part of ``StationPresenter`` (a mixin: it uses the presenter's mode, work, queue and view).
The current unit is the next line the station asks for (walking order); F2 first reports more
than one. The units go to the Can't-fulfil queue; when nothing else is left to take, the rest
ships at once (a partial shipment) or the order waits, as this workstation is set
(``ship_rest``).
"""

from __future__ import annotations

from collections.abc import Callable

from haydigo_desk.domain.short_picks import ShortReason
from haydigo_desk.services.picking import LineView, OrderWork, PickListWork
from haydigo_desk.services.picking_short import ShortOutcome
from haydigo_desk.ui.station import messages
from haydigo_desk.ui.station import short_pick_messages as says
from haydigo_desk.ui.station.modes import ORDER_MODES, Mode


class ShortPickSteps:
    # Settings → Workstation: ship the rest of a short order at once, or let it wait.
    ship_rest: Callable[[], bool] = staticmethod(lambda: True)

    def current_line(self) -> LineView | None:
        """The unit the station asks for now: the first line still to pick."""
        return next((line for line in self.lines()
                     if line.needed > line.picked and not line.cancelled), None)

    def report_short(self, reason: ShortReason) -> None:
        if self.pending_put_back:
            self.say(messages.put_back_first())
            return
        if self.mode is Mode.SHIPMENT:
            self.say(messages.wait_for_post())
            return
        line = self.current_line()
        if line is None:
            if self.mode is not Mode.IDLE:
                self.say(says.nothing_to_report())
            return
        units = self.view.take_quantity() or 1
        jobs = self.jobs
        if self.mode in ORDER_MODES and self.order is not None:
            order_id = self.order.order_id
            self._run(lambda: jobs.short_in_order(order_id, line.key, units, reason),
                      lambda result: self._short_in_order(result, line, reason, order_id))
        elif self.mode is Mode.BATCH and self.pick_list is not None:
            list_id = self.pick_list.pick_list_id
            self._run(lambda: jobs.short_in_batch(list_id, line.key, units, reason),
                      lambda result: self._short_in_batch(result, line, reason, list_id))

    def _short_in_order(self, result: tuple[ShortOutcome, OrderWork | None], line: LineView,
                        reason: ShortReason, order_id: int) -> None:
        outcome, work = result
        if not outcome.accepted:
            if outcome.refusal == "claim_lost":
                self.say(messages.claim_lost(outcome.holder))
                if self.order is not None and self.order.order_id == order_id:
                    self.view.show_stopped(messages.claim_lost(outcome.holder).text)
                    self._back_from_order(release=False)
            else:
                self.say(says.refused(outcome, line))
            return
        self.say(says.reported(line, outcome, reason))
        if work is None or self.order is None or self.order.order_id != order_id:
            return
        self._order_reloaded(work, None)
        if self.current_line() is not None:
            return  # the picker carries on with the next line
        if work.units_picked and self.ship_rest():
            self.say(says.rest_ships())
            self.ship()
        else:
            self.view.show_stopped(says.order_waits(work).text)
            self._back_from_order(release=True)

    def _short_in_batch(self, result: tuple[ShortOutcome, PickListWork | None],
                        line: LineView, reason: ShortReason, pick_list_id: int) -> None:
        outcome, work = result
        if not outcome.accepted:
            self.say(says.refused(outcome, line))
            return
        self.say(says.reported(line, outcome, reason))
        if work is not None:
            self._pick_list_reloaded(work, None)

    def refuse_oversold(self, work: OrderWork) -> None:
        self.say(says.oversold(work))
