"""The station hears of a cancellation: it stops the picker and says what goes back.

Part of ``StationPresenter`` (a mixin: it uses the presenter's mode, work, queue and view).
The sync reports ``cancellation:<order id>`` when bol.com cancelled units of an order: if the
order (or the batch it is in) is on screen, the station reloads it, shows a red banner and a
dialog naming the units off the shelf that must go back, and accepts no scan until the picker
confirms; then the counts come down and the picker carries on (or the order leaves, when
nothing of it is left to ship).
"""

from __future__ import annotations

from haydigo_desk.services.picking import LineView, OrderWork, PutBack
from haydigo_desk.ui.station import messages
from haydigo_desk.ui.station.modes import ORDER_MODES, Mode


class PutBackSteps:
    pending_put_back: bool = False

    def data_changed(self, what: str) -> None:
        if what == "orders" and self.mode is not Mode.SHIPMENT and not self.pending_put_back:
            self.refresh()  # statuses and counts the sync changed stay live on screen
            return
        if not what.startswith("cancellation:"):
            return
        try:
            order_id = int(what.split(":", 1)[1])
        except ValueError:
            return
        if self.mode in ORDER_MODES and self.order and self.order.order_id == order_id:
            self._reload_order(lambda work: self._interrupt(
                put_backs(work.lines), cancelled=work.units_needed == 0))
        elif self.mode is Mode.BATCH and self.pick_list and any(
                o.order_id == order_id for o in self.pick_list.orders):
            self._reload_pick_list(lambda work: self._interrupt(put_backs(work.lines)))

    def _interrupt(self, put_back: tuple[PutBack, ...], *, cancelled: bool = False) -> None:
        """Stop the picker: alert, red banner and a dialog saying exactly what goes back."""
        self.pending_put_back = True
        self.view.show_put_back(messages.put_back_text(put_back, cancelled=cancelled))
        self.say(messages.order_changed())

    def acknowledge_put_back(self) -> None:
        """The picker put the items back: lower the counts and carry on (or leave)."""
        if not self.pending_put_back:
            return
        self.pending_put_back = False
        self.view.show_put_back(None)
        if self.mode in ORDER_MODES and self.order is not None:
            order_id = self.order.order_id
            self._run(lambda: self.jobs.put_back_order(order_id), self._order_put_back)
        elif self.mode is Mode.BATCH and self.pick_list is not None:
            list_id = self.pick_list.pick_list_id
            self._run(lambda: self.jobs.put_back_pick_list(list_id),
                      lambda work: self._pick_list_reloaded(work, None))
        self.say(messages.carry_on())

    def _order_put_back(self, work: OrderWork | None) -> None:
        if work is None or self.order is None or self.order.order_id != work.order_id:
            return
        self._order_reloaded(work, None)
        if work.units_needed == 0:
            self._back_from_order(release=True)


def put_backs(lines: tuple[LineView, ...]) -> tuple[PutBack, ...]:
    """The units of these lines that are off the shelf and must go back."""
    return tuple(PutBack(v.title, v.ean, v.location, v.put_back) for v in lines if v.put_back)

