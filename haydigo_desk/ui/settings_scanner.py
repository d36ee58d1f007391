"""The Scanner group of Settings → Workstation: layout, prefix, suffix, and a scanner test.

A scanner is a keyboard, so the test field takes every key it sends, terminators and control
characters included, and shows three things, live with the settings being edited: what
arrived (control characters made visible), how the desk read it
(``domain.scanner_input.read_scan``) and what the desk would do with it
(``domain.scanning.classify``). The pick station uses the saved settings, not this page.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from haydigo_desk.config import DeskSettings
from haydigo_desk.domain.scanner_input import ScannerSettings, read_scan
from haydigo_desk.domain.scanning import CodeKind, classify

LAYOUTS = ("auto", "qwerty", "azerty-be", "azerty-fr", "qwertz")
# How a control character is shown; others as their code point.
CONTROL_NAMES = {"\r": "<CR>", "\n": "<LF>", "\t": "<TAB>", "\x1d": "<GS>", "\x1b": "<ESC>",
                 "\x1e": "<RS>", "\x04": "<EOT>"}
TERMINATORS = {Qt.Key.Key_Return: "\r", Qt.Key.Key_Enter: "\r", Qt.Key.Key_Tab: "\t"}


def visible(raw: str) -> str:
    """``raw`` with every control character written out, e.g. ``8712<GS>21<CR>``."""
    return "".join(CONTROL_NAMES.get(c, f"<U+{ord(c):04X}>") if not c.isprintable() else c
                   for c in raw)


def note_text(note: str) -> str:
    """A note of ``read_scan`` in the user's language (the domain writes English)."""
    fixed = {
        "prefix removed": QCoreApplication.translate("ScannerTest", "prefix removed"),
        "suffix removed": QCoreApplication.translate("ScannerTest", "suffix removed"),
        "control characters removed": QCoreApplication.translate(
            "ScannerTest", "control characters removed"),
        "typed through a QWERTZ keyboard": QCoreApplication.translate(
            "ScannerTest", "typed through a QWERTZ keyboard"),
        "GTIN-14 read from GS1 (01)": QCoreApplication.translate(
            "ScannerTest", "GTIN-14 read from GS1 (01)"),
        "UPC-E expanded": QCoreApplication.translate("ScannerTest", "UPC-E expanded to EAN-13"),
    }
    if note in fixed:
        return fixed[note]
    if match := re.fullmatch(r"typed through an (\S+) keyboard", note):
        text = QCoreApplication.translate("ScannerTest", "typed through an %1 keyboard")
        return text.replace("%1", match.group(1))
    if match := re.fullmatch(r"symbology (\S+) removed", note):
        text = QCoreApplication.translate("ScannerTest", "symbology identifier %1 removed")
        return text.replace("%1", match.group(1))
    return note


def action_text(raw: str, settings: ScannerSettings) -> str:
    """What the pick station would do with this scan."""
    code = classify(raw, settings)
    texts = {
        CodeKind.PRODUCT: QCoreApplication.translate("ScannerTest", "Product with EAN %1"),
        CodeKind.BAD_CHECK_DIGIT: QCoreApplication.translate(
            "ScannerTest", "Refused: the check digit of %1 is wrong"),
        CodeKind.PICK_LIST: QCoreApplication.translate("ScannerTest", "Open pick list %1"),
        CodeKind.ORDER: QCoreApplication.translate("ScannerTest", "Open order %1"),
        CodeKind.UNKNOWN: QCoreApplication.translate(
            "ScannerTest", "Refused: %1 is not a code the desk knows"),
    }
    text = texts[code.kind].replace("%1", code.value)
    if code.quantity != 1:
        units = QCoreApplication.translate("ScannerTest", "%1, %2 units")
        text = units.replace("%1", text).replace("%2", str(code.quantity))
    return text


class ScanCaptureField(QLineEdit):
    """Takes what a scanner types, Enter and Tab included (they end a scan, the dialog's
    default button never sees them); ``scanned(raw)`` carries everything that arrived."""

    scanned = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._raw = ""

    def event(self, event: QEvent) -> bool:
        # Tab would move the focus before keyPressEvent; a scanner's Tab ends the scan here.
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and (
                event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)):
            self.keyPressEvent(event)
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        terminator = TERMINATORS.get(Qt.Key(event.key()))
        if terminator is not None:
            event.accept()
            self.scanned.emit(self._raw + terminator)
            self._raw = ""
            self.clear()
            return
        text = event.text()
        if text and not text.isprintable():  # a control character (GS is Ctrl+])
            event.accept()
            self._raw += text
            return
        super().keyPressEvent(event)
        if text:
            self._raw += text
        if not self.text():  # cleared by hand: start again
            self._raw = ""


class ScannerGroup(QGroupBox):
    def __init__(self, settings: DeskSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scannerGroup")
        self.layout_combo = QComboBox()
        self.layout_combo.setObjectName("scannerLayout")
        for key in LAYOUTS:
            self.layout_combo.addItem("", key)
        self.layout_combo.setCurrentIndex(max(self.layout_combo.findData(settings.scanner_layout),
                                              0))
        self.prefix_edit = QLineEdit(settings.scanner_prefix)
        self.prefix_edit.setObjectName("scannerPrefix")
        self.suffix_edit = QLineEdit(settings.scanner_suffix)
        self.suffix_edit.setObjectName("scannerSuffix")
        for edit in (self.prefix_edit, self.suffix_edit):
            edit.setMaxLength(10)
            edit.setMaximumWidth(160)
        self.test_field = ScanCaptureField()
        self.test_field.setObjectName("scannerTest")
        self.test_field.setProperty("role", "scan")
        self.arrived = self._result_label("scanArrived")
        self.read_as = self._result_label("scanReadAs")
        self.notes = self._result_label("scanNotes")
        self.action = self._result_label("scanAction")
        self._last_raw: str | None = None

        self.form = QFormLayout(self)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.labels: list[QLabel] = []
        for widget in (self.layout_combo, self.prefix_edit, self.suffix_edit, self.test_field,
                       self.arrived, self.read_as, self.notes, self.action):
            label = QLabel()
            if not isinstance(widget, QLabel):
                label.setBuddy(widget)
            self.labels.append(label)
            self.form.addRow(label, widget)

        self.test_field.scanned.connect(self._show_scan)
        self.layout_combo.currentIndexChanged.connect(self._refresh)
        self.prefix_edit.textChanged.connect(self._refresh)
        self.suffix_edit.textChanged.connect(self._refresh)
        self.retranslate_ui()

    @staticmethod
    def _result_label(name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setWordWrap(True)
        return label

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Scanner"))
        texts = (self.tr("Keyboard &layout"), self.tr("&Prefix"), self.tr("&Suffix"),
                 self.tr("Scanner &test"), self.tr("Arrived"), self.tr("Read as"),
                 self.tr("How"), self.tr("The desk would"))
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        names = (self.tr("Recognise by itself"), self.tr("QWERTY (as typed)"),
                 self.tr("AZERTY (Belgium)"), self.tr("AZERTY (France)"),
                 self.tr("QWERTZ (Germany)"))
        for index, text in enumerate(names):
            self.layout_combo.setItemText(index, text)
        for edit in (self.prefix_edit, self.suffix_edit):
            edit.setPlaceholderText(self.tr("none"))
        self.test_field.setPlaceholderText(self.tr("Scan any barcode here"))
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def scanner_settings(self) -> ScannerSettings:
        """The settings as edited now (what the test reads with)."""
        return ScannerSettings(self.prefix_edit.text(), self.suffix_edit.text(),
                               self.layout_combo.currentData())

    def settings_update(self) -> dict[str, str]:
        return {"scanner_prefix": self.prefix_edit.text(),
                "scanner_suffix": self.suffix_edit.text(),
                "scanner_layout": self.layout_combo.currentData()}

    def _show_scan(self, raw: str) -> None:
        self._last_raw = raw
        self._refresh()

    def _refresh(self, *_args) -> None:
        raw = self._last_raw
        if raw is None:
            for label in (self.arrived, self.read_as, self.notes, self.action):
                label.setText("—")
            return
        settings = self.scanner_settings()
        reading = read_scan(raw, settings)
        self.arrived.setText(visible(raw))
        self.read_as.setText(reading.text or self.tr("(nothing)"))
        self.notes.setText(", ".join(note_text(n) for n in reading.notes)
                           or self.tr("as it arrived"))
        self.action.setText(action_text(raw, settings))
