"""Settings → Workstation: what a short pick at this station does with the rest of the order
(one check box in the page's form: the page is full at 1366 × 768)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QCheckBox, QWidget

from haydigo_desk.config import DeskSettings


class ShortPickOption(QCheckBox):
    def __init__(self, settings: DeskSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortPickShipsRest")
        self.setChecked(settings.short_pick_ships_rest)
        self.retranslate_ui()

    def label_text(self) -> str:
        return self.tr("S&hort pick")

    def retranslate_ui(self) -> None:
        self.setText(self.tr("Ship the rest at once (partial shipment), else wait"))
        self.setToolTip(self.tr(
            "A unit not found (Ctrl+N) or damaged (Ctrl+D) at the station goes to Can't "
            "fulfil. Ticked: the rest of the order ships now. Not ticked: the order waits "
            "until the manager decides."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def settings_update(self) -> dict[str, bool]:
        return {"short_pick_ships_rest": self.isChecked()}
