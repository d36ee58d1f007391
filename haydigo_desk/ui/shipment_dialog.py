"""Ask for the transporter and track & trace before a shipment is queued for bol.com.

The dialog refuses what bol.com cannot take (empty where not allowed, spaces, symbols) and asks
for an explicit tick when a code does not look like the chosen carrier's; a partial shipment
needs its own tick. A scanner typing the label's barcode + Enter submits like the button.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from haydigo_desk.domain.transporters import (
    TrackAndTraceResult,
    Transporter,
    load_transporters,
    validate_track_and_trace,
)


@dataclass(frozen=True)
class ShipmentRequest:
    transporter_code: str
    track_and_trace: str
    confirm_format: bool
    confirm_partial: bool


def _restyle(widget: QWidget, role: str) -> None:
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class ShipmentDialog(QDialog):
    def __init__(self, *, order_label: str, units: int, partial: bool, open_units: int,
                 default_transporter: str, language: str = "en",
                 track_and_trace: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ship order {order}").format(order=order_label))
        self.setMinimumWidth(640)
        self._language = language
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
        self.transporter = QComboBox()
        self._transporters: list[Transporter] = load_transporters()
        for transporter in self._transporters:
            self.transporter.addItem(f"{transporter.name(language)}  ({transporter.code})",
                                     transporter.code)
        index = self.transporter.findData(default_transporter.upper())
        self.transporter.setCurrentIndex(max(index, 0))
        form.addRow(self.tr("Transporter"), self.transporter)
        self.code = QLineEdit(track_and_trace)
        self.code.setProperty("role", "scan")
        self.code.setPlaceholderText(self.tr("Scan or type the track & trace"))
        form.addRow(self.tr("Track && trace"), self.code)
        layout.addLayout(form)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        layout.addWidget(self.message)
        self.confirm_format = QCheckBox(self.tr("I checked this code: use it anyway"))
        self.confirm_format.setVisible(False)
        layout.addWidget(self.confirm_format)

        buttons = QDialogButtonBox()
        self.ship_button = buttons.addButton(self.tr("Ship"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.ship_button.setProperty("role", "primary")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.code.returnPressed.connect(self.try_accept)
        self.code.textChanged.connect(self._forget_confirmation)
        self.transporter.currentIndexChanged.connect(self._forget_confirmation)
        self.code.setFocus()

    def selected_transporter(self) -> Transporter:
        return self._transporters[self.transporter.currentIndex()]

    def _forget_confirmation(self) -> None:
        # A confirmation is for one code and carrier: changing either asks again.
        self.confirm_format.setChecked(False)
        self.confirm_format.setVisible(False)
        self.message.setVisible(False)

    def _say(self, text: str, role: str) -> None:
        self.message.setText(text)
        _restyle(self.message, role)
        self.message.setVisible(True)

    def try_accept(self) -> None:
        if self.request is not None:  # a second Enter or click: already accepted once
            return
        transporter = self.selected_transporter()
        check = validate_track_and_trace(transporter, self.code.text())
        if check.result is TrackAndTraceResult.UNKNOWN_FORMAT:
            if not self.confirm_format.isChecked():
                self.confirm_format.setVisible(True)
                self._say(check.message(self._language), "scan-warning")
                return
        elif not check.can_post:
            self._say(check.message(self._language), "scan-error")
            self.code.selectAll()
            return
        if self._partial and not self.partial_box.isChecked():
            self._say(self.tr("Tick the partial shipment box to ship only the picked units."),
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
            self.try_accept()
            return
        super().keyPressEvent(event)
