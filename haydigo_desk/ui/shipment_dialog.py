"""Ask for the transporter and track & trace before a shipment is queued for bol.com.

The dialog refuses what bol.com cannot take (empty where not allowed, spaces, symbols) and asks
for an explicit tick when a code does not look like the chosen carrier's; a partial shipment
needs its own tick. A scanner typing the label's barcode + Enter submits like the button.

The carrier is what the user sees chosen, never anything else: it starts as the caller's
preselection (the account default, or the failed shipment's carrier on a resend), changes only
by the user's typing or picking (:class:`CarrierPicker`), and the carrier last used at this desk
is only offered as a visible suggestion.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from haydigo_desk.domain.transporters import (
    TrackAndTraceResult,
    Transporter,
    transporter_by_code,
)
from haydigo_desk.ui.carrier_picker import CarrierPicker, transporter_label
from haydigo_desk.ui.tracking_check import TrackingCheck


@dataclass(frozen=True)
class ShipmentRequest:
    transporter_code: str
    track_and_trace: str
    confirm_format: bool
    confirm_partial: bool


class ShipmentDialog(QDialog):
    def __init__(self, *, order_label: str, units: int, partial: bool, open_units: int,
                 default_transporter: str, language: str = "en",
                 track_and_trace: str = "", last_used: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ship order {order}").format(order=order_label))
        self.setMinimumWidth(640)
        self._partial = partial
        self.request: ShipmentRequest | None = None

        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Ship {units} unit(s) of order {order}").format(
            units=units, order=order_label))
        heading.setProperty("role", "title")
        layout.addWidget(heading)

        self.partial_box = QCheckBox(self.tr(
            "Partial shipment: ship only the {units} picked unit(s); {rest} unit(s) stay open"
        ).format(units=units, rest=open_units - units))
        self.partial_box.setVisible(partial)
        layout.addWidget(self.partial_box)

        form = QFormLayout()
        self.carrier = CarrierPicker(language)
        self.carrier.set_code(default_transporter)
        self.transporter = self.carrier.combo  # the list of matching carriers
        carrier_label = QLabel(self.tr("&Transporter"))
        carrier_label.setBuddy(self.carrier.search)
        form.addRow(carrier_label, self.carrier)
        self._last_used = transporter_by_code(last_used or "")
        self.last_used_button = QPushButton()
        self.last_used_button.setObjectName("lastUsedCarrier")
        self.last_used_button.setAutoDefault(False)
        self.last_used_button.setFlat(True)
        self.last_used_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.last_used_button.clicked.connect(self._use_last_used)
        if self._last_used is not None:
            self.last_used_button.setText(self.tr("Last used at this desk: %1 (Alt+L to use)")
                                          .replace("%1", transporter_label(self._last_used,
                                                                           language)))
            self.last_used_button.setShortcut("Alt+L")
        form.addRow("", self.last_used_button)
        self.code = QLineEdit(track_and_trace)
        self.code.setProperty("role", "scan")
        self.code.setPlaceholderText(self.tr("Scan or type the track & trace"))
        form.addRow(self.tr("Track && trace"), self.code)
        layout.addLayout(form)

        self.check = TrackingCheck(language)
        self.message, self.confirm_format = self.check.message, self.check.confirm_format
        layout.addWidget(self.check)

        buttons = QDialogButtonBox()
        self.ship_button = buttons.addButton(self.tr("Ship"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.ship_button.setProperty("role", "primary")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.code.returnPressed.connect(self.try_accept)
        self.code.textChanged.connect(self.check.forget)
        self.carrier.changed.connect(self._carrier_changed)
        self._carrier_changed()
        # The scanner reads the label next; without a carrier the user must choose one first.
        (self.code if self.carrier.selected() else self.carrier.search).setFocus()

    def selected_transporter(self) -> Transporter | None:
        """The carrier that would be posted; None while the user has not chosen one."""
        return self.carrier.selected()

    def _carrier_changed(self) -> None:
        self.check.forget()
        chosen = self.carrier.selected()
        self.last_used_button.setVisible(
            self._last_used is not None and (chosen is None or chosen != self._last_used))

    def _use_last_used(self) -> None:
        if self._last_used is not None:
            self.carrier.set_code(self._last_used.code)
            self.code.setFocus()

    def _carrier_entered(self) -> None:
        """Enter in the carrier field confirms the carrier and moves on to the track & trace."""
        if self.carrier.selected() is None:
            self.check.say(self.tr("Choose a carrier first: type its bol.com code or name."))
            return
        self.code.setFocus()
        self.code.selectAll()

    def try_accept(self) -> None:
        if self.request is not None:  # a second Enter or click: already accepted once
            return
        transporter = self.selected_transporter()
        if transporter is None:
            self.check.say(self.tr("Choose a carrier first: type its bol.com code or name."))
            self.carrier.search.setFocus()
            return
        check = self.check.accepted(transporter, self.code)
        if check is None:
            return
        if self._partial and not self.partial_box.isChecked():
            self.check.say(self.tr("Tick the partial shipment box to ship only the picked units."),
                      "scan-error")
            return
        self.request = ShipmentRequest(
            transporter.code, check.code,
            check.result is TrackAndTraceResult.UNKNOWN_FORMAT, self._partial,
        )
        self.accept()

    def keyPressEvent(self, event) -> None:
        # Enter belongs to the scan field (returnPressed); never let QDialog auto-accept.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.carrier.isAncestorOf(self.focusWidget()):
                self._carrier_entered()
            else:
                self.try_accept()
            return
        super().keyPressEvent(event)
