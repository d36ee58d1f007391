"""The Workstation tab: name, printers, sounds, language, theme and scanner of this computer."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from haydigo_desk.config import DeskSettings
from haydigo_desk.ui.field_error import FieldWithError
from haydigo_desk.ui.settings_scanner import ScannerGroup
from haydigo_desk.ui.settings_short_pick import ShortPickOption


def available_printers() -> list[str]:
    return list(QPrinterInfo.availablePrinterNames())


class WorkstationPage(QWidget):
    def __init__(self, settings: DeskSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        # A form of comfortable width at the top left; wide fields are hard to scan.
        form_box = QWidget()
        form_box.setMaximumWidth(680)
        self.form = QFormLayout(form_box)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.form.setVerticalSpacing(14)
        self.form.setHorizontalSpacing(16)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 20, 24, 20)
        outer.addWidget(form_box)
        self.scanner = ScannerGroup(settings)
        self.scanner.setMaximumWidth(680)
        outer.addWidget(self.scanner)
        outer.addStretch(1)

        self.workstation_edit = QLineEdit(settings.workstation)
        self.workstation_edit.setObjectName("workstationName")
        self.workstation_edit.setMaxLength(60)
        self.workstation_field = FieldWithError(self.workstation_edit)
        printers = available_printers()
        self.printer_combo = self._printer_combo(printers, settings.printer_name)
        self.label_printer_combo = self._printer_combo(printers, settings.label_printer_name)
        self.label_paper_combo = QComboBox()
        self.label_paper_combo.setObjectName("labelPaper")
        for key in ("a6", "4x6"):
            self.label_paper_combo.addItem("", key)
        self.label_paper_combo.setCurrentIndex(
            max(self.label_paper_combo.findData(settings.label_paper), 0))
        # Printer and paper in one row: the page stays within 1366 x 768 with the scanner.
        label_row = QWidget()
        label_layout = QHBoxLayout(label_row)
        label_layout.setContentsMargins(0, 0, 0, 0)
        label_layout.addWidget(self.label_printer_combo, 1)
        label_layout.addWidget(self.label_paper_combo)
        label_row.setFocusProxy(self.label_printer_combo)

        self.short_pick = ShortPickOption(settings)
        self.sounds_box = QCheckBox()
        self.sounds_box.setChecked(settings.sounds_enabled)
        self.volume_slider = QSlider(Qt.Orientation.Horizontal)
        self.volume_slider.setRange(0, 100)
        self.volume_slider.setPageStep(10)
        self.volume_slider.setValue(round(settings.sound_volume * 100))
        self.volume_value = QLabel()
        self.volume_value.setMinimumWidth(48)
        self.volume_slider.valueChanged.connect(self._show_volume)
        self.sounds_box.toggled.connect(self.volume_slider.setEnabled)
        self.volume_slider.setEnabled(settings.sounds_enabled)
        volume_row = QWidget()
        volume_layout = QHBoxLayout(volume_row)
        volume_layout.setContentsMargins(0, 0, 0, 0)
        volume_layout.addWidget(self.volume_slider, 1)
        volume_layout.addWidget(self.volume_value)
        volume_row.setFocusProxy(self.volume_slider)

        self.language_combo = QComboBox()
        for key in ("system", "nl", "en"):
            self.language_combo.addItem("", key)
        self.language_combo.setCurrentIndex(self.language_combo.findData(settings.language))
        self.theme_combo = QComboBox()
        for key in ("light", "dark"):
            self.theme_combo.addItem("", key)
        self.theme_combo.setCurrentIndex(self.theme_combo.findData(settings.theme))

        self.labels: list[QLabel] = []
        for widget in (
            self.workstation_field, self.printer_combo, label_row,
            self.sounds_box, volume_row, self.language_combo, self.theme_combo,
            self.short_pick,
        ):
            label = QLabel()
            label.setBuddy(widget.focusProxy() or widget)
            self.labels.append(label)
            self.form.addRow(label, widget)
        self.retranslate_ui()
        self._show_volume(self.volume_slider.value())

    def _printer_combo(self, printers: list[str], current: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem("", "")  # "(none)": the system's default / ask when printing
        for name in printers:
            combo.addItem(name, name)
        if current and current not in printers:  # keep a saved printer that is offline now
            combo.addItem(current, current)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        return combo

    def retranslate_ui(self) -> None:
        texts = (
            self.tr("&Workstation name"), self.tr("&Printer (pick lists)"),
            self.tr("&Label printer and paper"), self.tr("&Sounds"), self.tr("&Volume"),
            self.tr("Lan&guage"), self.tr("&Theme"), self.short_pick.label_text(),
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.workstation_edit.setPlaceholderText(self.tr("e.g. Packing table 1"))
        for combo in (self.printer_combo, self.label_printer_combo):
            combo.setItemText(0, self.tr("(none)"))
            saved = combo.itemData(combo.count() - 1)
            if saved and saved not in available_printers():
                combo.setItemText(combo.count() - 1, self.tr("{} (not found)").format(saved))
        self.label_paper_combo.setItemText(0, self.tr("A6 (105 × 148 mm)"))
        self.label_paper_combo.setItemText(1, self.tr("4 × 6 inch"))
        self.label_printer_combo.setToolTip(self.tr(
            "bol.com labels print here at once; with none, each label is saved as a PDF in the "
            "data folder"))
        self.sounds_box.setText(self.tr("Play a sound after each scan"))
        for index, text in enumerate(
            (self.tr("Same as the system"), "Nederlands", "English")
        ):
            self.language_combo.setItemText(index, text)
        self.theme_combo.setItemText(0, self.tr("Light"))
        self.theme_combo.setItemText(1, self.tr("Dark"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _show_volume(self, value: int) -> None:
        self.volume_value.setText(f"{value} %")

    def validate(self) -> bool:
        self.workstation_field.clear_error()
        if not self.workstation_edit.text().strip():
            self.workstation_field.show_error(
                self.tr("Name this workstation, e.g. the table or room it stands in.")
            )
            return False
        return True

    def settings(self) -> DeskSettings:
        """The edited settings (everything this page does not show is kept)."""
        return self._settings.model_copy(update={
            "workstation": self.workstation_edit.text().strip(),
            "printer_name": self.printer_combo.currentData() or "",
            "label_printer_name": self.label_printer_combo.currentData() or "",
            "label_paper": self.label_paper_combo.currentData(),
            "sounds_enabled": self.sounds_box.isChecked(),
            "sound_volume": self.volume_slider.value() / 100,
            "language": self.language_combo.currentData(),
            "theme": self.theme_combo.currentData(),
            **self.scanner.settings_update(),
            **self.short_pick.settings_update(),
        })
