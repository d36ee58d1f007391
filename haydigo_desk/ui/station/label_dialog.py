"""The station's label question: the option the rule chose, its price, handover deadline and
why; Enter buys it, F6 moves to another option, Esc goes back. Keyboard only.

A label that does not meet the customer's promise (late) is bought only after a second Enter
on the warning the dialog then shows: a late label earns a strike.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from haydigo_desk.domain.clock import format_local
from haydigo_desk.services.labels import (
    ChosenLabel,
    DeliveryOption,
    euro,
    latest_handover,
    meets_promise,
)
from haydigo_desk.ui.station import label_messages


class LabelDialog(QDialog):
    def __init__(self, order_label: str, chosen: ChosenLabel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labelDialog")
        self.setWindowTitle(self.tr("bol.com label for order {order}").format(order=order_label))
        self.chosen = chosen
        self.offer_id: str | None = None
        self._confirmed_late: str | None = None
        self.reason = QLabel(self.tr("Chosen because {reason}.").format(
            reason=label_messages.reason_text(chosen.choice.reason)))
        self.reason.setWordWrap(True)
        self.options = QListWidget()
        self.options.setObjectName("labelOptions")
        for option in chosen.options:
            item = QListWidgetItem(self._describe(option))
            item.setData(Qt.ItemDataRole.UserRole, option.shipping_label_offer_id)
            self.options.addItem(item)
            if option is chosen.option:
                self.options.setCurrentItem(item)
        self.warning = QLabel()
        self.warning.setObjectName("lateWarning")
        self.warning.setProperty("role", "scan-refused")
        self.warning.setWordWrap(True)
        self.warning.setVisible(False)
        self.hint = QLabel(self.tr("Enter: buy this label · F6: another option · Esc: back"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.reason)
        layout.addWidget(self.options, 1)
        layout.addWidget(self.warning)
        layout.addWidget(self.hint)
        # No slot on currentRowChanged: with PySide 6.12 each call of one lost a reference of
        # None until Python aborted ("none_dealloc"); the keys below hide the warning instead.
        self.options.setFocus()
        self.resize(960, 340)  # a row is one line at 1366 x 768

    def _describe(self, option: DeliveryOption) -> str:
        text = self.tr("{name} — {price} excl. VAT — hand over by {deadline}").format(
            name=option.label_display_name or option.transporter_code or "?",
            price=euro(option.total_price),
            deadline=format_local(latest_handover(option)) or "—")
        if option.recommended:
            text += self.tr(" — recommended")
        if not meets_promise(option):
            text += self.tr(" — LATE for the customer")
        return text

    def current_option(self) -> DeliveryOption | None:
        row = self.options.currentRow()
        return self.chosen.options[row] if 0 <= row < len(self.chosen.options) else None

    def next_option(self) -> None:
        self.warning.setVisible(False)
        if self.options.count():
            self.options.setCurrentRow((self.options.currentRow() + 1) % self.options.count())

    def buy(self) -> None:
        option = self.current_option()
        if option is None:
            return
        offer = option.shipping_label_offer_id
        if not meets_promise(option) and self._confirmed_late != offer:
            self._confirmed_late = offer
            self.warning.setText(self.tr(
                "This label does not reach the customer in time and earns a strike. Press "
                "Enter again to buy it anyway, or F6 for another option."))
            self.warning.setVisible(True)
            return
        self.offer_id = offer
        self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.buy()
        elif event.key() == Qt.Key.Key_F6:
            self.next_option()
        else:
            self.warning.setVisible(False)
            super().keyPressEvent(event)
