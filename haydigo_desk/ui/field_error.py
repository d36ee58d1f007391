"""A form field with its validation message right underneath (inline, not a pop-up)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from haydigo_desk.ui.palette import hex_of


class FieldWithError(QWidget):
    """Wraps ``field``; ``show_error(text)`` marks it red and explains, ``clear_error()`` undoes."""

    def __init__(self, field: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        self.error_label = QLabel()
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {hex_of('field_error')}; font-weight: 600;")
        self.error_label.hide()
        layout.addWidget(self.error_label)
        self.setFocusProxy(field)

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        self.field.setStyleSheet(f"border-color: {hex_of('field_error')}; border-width: 2px;")
        self.field.setFocus()

    def clear_error(self) -> None:
        if self.error_label.isVisible() or self.field.styleSheet():
            self.error_label.hide()
            self.error_label.clear()
            self.field.setStyleSheet("")

    @property
    def error_text(self) -> str:
        return self.error_label.text() if not self.error_label.isHidden() else ""
