"""A recording stand-in for the pick station's widgets: what the presenter showed, said, asked."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RecordingView:
    messages: list = field(default_factory=list)
    shown: list = field(default_factory=list)
    put_back: list = field(default_factory=list)
    asked: list = field(default_factory=list)
    quantity: int | None = None

    def show_message(self, message):
        self.messages.append(message)

    def show_idle(self, work):
        self.shown.append(("idle", len(work.orders)))

    def show_pick_list(self, work):
        self.shown.append(("pick_list", work.code))

    def show_order(self, work, pick_list_code):
        self.shown.append(("order", work.bol_order_id, pick_list_code))

    def show_line(self, line):
        self.shown.append(("line", line.ean, line.picked))

    def show_shipment(self, message):
        pass

    def show_put_back(self, text):
        self.put_back.append(text)

    def show_stopped(self, text):
        self.shown.append(("stopped", text))

    def ask_take_over(self, holder, answer):
        self.asked.append(("take_over", holder))

    def ask_shipment(self, ask, done):
        self.asked.append(("shipment", ask.order_label))

    def state_changed(self):
        pass

    def take_quantity(self):
        quantity, self.quantity = self.quantity, None
        return quantity

    @property
    def last(self):
        return self.messages[-1]
