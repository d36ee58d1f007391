"""Ask for the corrected carrier and track & trace of a shipment bol.com already confirmed.

The carrier starts as the shipment's and changes only by the user's typing or picking
(:class:`CarrierPicker`); the code is checked with that carrier's format, and one that does
not look like the carrier's needs an explicit tick. bol.com requires a track & trace here, so
an empty one is refused for every carrier.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from haydigo_desk.domain.transporters import TrackAndTraceResult
from haydigo_desk.ui.carrier_picker import CarrierPicker
from haydigo_desk.ui.tracking_check import TrackingCheck


@dataclass(frozen=True)
class CorrectionRequest:
    transporter_code: str
    track_and_trace: str
    format_confirmed: bool


class TransportCorrectionDialog(QDialog):
    def __init__(self, *, order_label: str, transporter_code: str, track_and_trace: str,
                 language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transportCorrectionDialog")
        self.setWindowTitle(self.tr("Correct track & trace"))
        self.setMinimumWidth(560)
        self.request: CorrectionRequest | None = None

        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Correct the track & trace of order {order}").format(
            order=order_label))
        heading.setProperty("role", "title")
        layout.addWidget(heading)
        now = QLabel(self.tr("bol.com has now: {code}").format(
            code=f"{transporter_code}  {track_and_trace or '—'}"))
        now.setProperty("role", "muted")
        now.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(now)

        form = QFormLayout()
        self.carrier = CarrierPicker(language)
        self.carrier.set_code(transporter_code)
        carrier_label = QLabel(self.tr("&Transporter"))
        carrier_label.setBuddy(self.carrier.search)
        form.addRow(carrier_label, self.carrier)
        self.code = QLineEdit()
        self.code.setObjectName("newTrackAndTrace")
        self.code.setProperty("role", "scan")
        self.code.setPlaceholderText(self.tr("Scan or type the new track & trace"))
        form.addRow(self.tr("New track && trace"), self.code)
        layout.addLayout(form)

        self.check = TrackingCheck(language)
        self.message, self.confirm_format = self.check.message, self.check.confirm_format
        self.message.setObjectName("correctionMessage")
        layout.addWidget(self.check)

        buttons = QDialogButtonBox()
        self.send_button = buttons.addButton(self.tr("Send to bol.com"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.send_button.setProperty("role", "primary")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.code.returnPressed.connect(self.try_accept)
        self.code.textChanged.connect(self.check.forget)
        self.carrier.changed.connect(self.check.forget)
        self.code.setFocus()

    def say(self, text: str, role: str = "scan-error") -> None:
        self.check.say(text, role)

    def try_accept(self) -> None:
        if self.request is not None:  # a second Enter: already accepted once
            return
        transporter = self.carrier.selected()
        if transporter is None:
            self.say(self.tr("Choose a carrier first: type its bol.com code or name."))
            self.carrier.search.setFocus()
            return
        check = self.check.accepted(transporter, self.code,
                                    empty_text=self.tr("Enter the new track & trace code."))
        if check is None:
            return
        self.request = CorrectionRequest(
            transporter.code, check.code, check.result is TrackAndTraceResult.UNKNOWN_FORMAT)
        self.accept()

    def keyPressEvent(self, event) -> None:
        # Enter belongs to the scan field (returnPressed); never let QDialog auto-accept.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.carrier.isAncestorOf(self.focusWidget()):
                self.code.setFocus()
            else:
                self.try_accept()
            return
        super().keyPressEvent(event)
