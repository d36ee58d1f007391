"""The check under a carrier and track & trace form, shared by the shipment dialog and the
track & trace correction: the code must be one bol.com can take for the chosen carrier, and a
code that does not look like that carrier's needs the explicit "use it anyway" tick. A tick is
for one code and one carrier: changing either asks again.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from haydigo_desk.domain.transporters import (
    TrackAndTraceCheck,
    TrackAndTraceResult,
    Transporter,
    validate_track_and_trace,
)
from haydigo_desk.ui.repolish import set_role


class TrackingCheck(QWidget):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        layout.addWidget(self.message)
        self.confirm_format = QCheckBox(self.tr("I checked this code: use it anyway"))
        self.confirm_format.setVisible(False)
        layout.addWidget(self.confirm_format)

    def say(self, text: str, role: str = "scan-error") -> None:
        self.message.setText(text)
        set_role(self.message, role)
        self.message.setVisible(True)

    def forget(self, *_args) -> None:
        """The code or the carrier changed: a tick given for the old ones no longer counts."""
        self.confirm_format.setChecked(False)
        self.confirm_format.setVisible(False)
        self.message.setVisible(False)

    def accepted(self, transporter: Transporter, field: QLineEdit, *,
                 empty_text: str | None = None) -> TrackAndTraceCheck | None:
        """The check of ``field``'s code for ``transporter`` when it may be posted; otherwise
        None, with the reason shown (and the tick offered where a tick is enough).
        ``empty_text``: said when the field is empty, for a form that needs a code."""
        check = validate_track_and_trace(transporter, field.text())
        if empty_text is not None and not check.code:
            self.say(empty_text)
            return None
        if check.result is TrackAndTraceResult.UNKNOWN_FORMAT:
            if not self.confirm_format.isChecked():
                self.confirm_format.setVisible(True)
                self.say(check.message(self._language), "scan-warning")
                return None
        elif not check.can_post:
            self.say(check.message(self._language))
            field.selectAll()
            return None
        return check
