"""Settings → Workstation: what a short pick at this station does with the rest of the order."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QButtonGroup, QGroupBox, QRadioButton, QVBoxLayout, QWidget

from haydigo_desk.config import DeskSettings


class ShortPickGroup(QGroupBox):
    def __init__(self, settings: DeskSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortPickGroup")
        self.ship_rest = QRadioButton()
        self.ship_rest.setObjectName("shortPickShipsRest")
        self.wait = QRadioButton()
        self.wait.setObjectName("shortPickWaits")
        buttons = QButtonGroup(self)
        layout = QVBoxLayout(self)
        for button in (self.ship_rest, self.wait):
            buttons.addButton(button)
            layout.addWidget(button)
        (self.ship_rest if settings.short_pick_ships_rest else self.wait).setChecked(True)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("A unit not found or damaged (Ctrl+N, Ctrl+D at the station)"))
        self.ship_rest.setText(self.tr("Ship the rest of the order now (a partial shipment)"))
        self.wait.setText(self.tr("Let the order wait until the manager decides"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def settings_update(self) -> dict[str, bool]:
        return {"short_pick_ships_rest": self.ship_rest.isChecked()}
