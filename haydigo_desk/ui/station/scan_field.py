"""The station's scan field: a scanner is a keyboard that ends each code with Enter or Tab.

Tab must end the scan, not move the focus out of the field (many scanners are set to send a
Tab). Keys that arrive in two bursts (a scanner pausing mid-code) simply add up in the field
until the terminator, so they stay one scan.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QLineEdit

_TERMINATORS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)


class ScanField(QLineEdit):
    scanned = Signal(str)  # the text of one finished scan (may be empty: Enter alone)

    def event(self, event: QEvent) -> bool:
        # Tab is taken here, before QWidget turns it into focus navigation.
        if event.type() == QEvent.Type.KeyPress and event.key() in _TERMINATORS \
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            text = self.text()
            self.clear()
            self.scanned.emit(text)
            return True
        return super().event(event)
