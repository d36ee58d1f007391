"""Choose a bol.com transporter by typing its code or name; the chosen code is always shown.

Why not a plain QComboBox: its keyboard search jumps to the first item whose text starts with
the typed letters, so with "PostNL (TNT)" selected, typing TNT chose TNT Express and DHL chose
DHL For You, and the desk posted carriers nobody had chosen. Here typed letters always go to a
search field, :func:`search_transporters` decides what they mean (an exact code wins), and
nothing matching means nothing chosen — never the previous carrier in secret.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListView,
    QWidget,
)

from haydigo_desk.domain.transporters import (
    Transporter,
    search_transporters,
    shipped_transporters,
    transporter_by_code,
)
from haydigo_desk.ui.palette import hex_of
from haydigo_desk.ui.repolish import set_style_property

_SHORTCUT_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                       | Qt.KeyboardModifier.MetaModifier)


def transporter_label(transporter: Transporter, language: str) -> str:
    """How a carrier appears in lists: its name, then the full bol.com code."""
    return f"{transporter.name(language)} — {transporter.code}"


def _is_typing(event: QKeyEvent) -> bool:
    text = event.text()
    return bool(text) and text.isprintable() and not event.modifiers() & _SHORTCUT_MODIFIERS


class _ListWithoutJumps(QListView):
    """The popup list: letters typed into it are handed to the search field instead."""

    def __init__(self, on_typed) -> None:
        super().__init__()
        self._on_typed = on_typed

    def keyboardSearch(self, search: str) -> None:
        self._on_typed(search)


class CarrierCombo(QComboBox):
    """The list of matching carriers; typing on it types into the search field."""

    typed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setView(_ListWithoutJumps(self._typed_in_popup))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(22)

    def _typed_in_popup(self, text: str) -> None:
        self.hidePopup()
        self.typed.emit(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if _is_typing(event):
            self.typed.emit(event.text())
            return
        super().keyPressEvent(event)


class CarrierPicker(QWidget):
    """A search field, the list of what it matches, and the chosen bol.com code in full."""

    changed = Signal()  # the chosen carrier changed (or became none)

    def __init__(self, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._shown: list[Transporter] = []
        self._chosen: Transporter | None = None
        self.search = QLineEdit()
        self.search.setObjectName("carrierSearch")
        self.search.setClearButtonEnabled(True)
        self.combo = CarrierCombo()
        self.combo.setObjectName("carrierList")
        self.chosen_label = QLabel()
        self.chosen_label.setObjectName("carrierChosen")
        self.chosen_label.setWordWrap(True)
        self.chosen_label.setTextFormat(Qt.TextFormat.RichText)
        problem_colour = hex_of("field_error")
        self.chosen_label.setStyleSheet(
            f'QLabel[problem="true"] {{ color: {problem_colour}; font-weight: 600; }}')
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(8)
        layout.setVerticalSpacing(2)
        layout.addWidget(self.search, 0, 0)
        layout.addWidget(self.combo, 0, 1)
        layout.addWidget(self.chosen_label, 1, 0, 1, 2)
        layout.setColumnStretch(0, 2)
        layout.setColumnStretch(1, 3)
        self.setFocusProxy(self.search)

        self.search.textEdited.connect(self._search_typed)  # the user's typing only
        self.search.installEventFilter(self)
        self.combo.currentIndexChanged.connect(self._picked_from_list)
        self.combo.typed.connect(self._typed_on_list)
        self.retranslate_ui()
        self._show(list(shipped_transporters()), None)

    # --- what the host asks ----------------------------------------------------------------

    def selected(self) -> Transporter | None:
        return self._chosen

    def set_code(self, code: str) -> None:
        """Choose ``code`` (a known bol.com code) and show the whole list; else choose none."""
        self.search.clear()
        self._show(list(shipped_transporters()), transporter_by_code(code or ""))

    def set_language(self, language: str) -> None:
        self._language = language
        self._show(self._shown, self._chosen)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.search.setPlaceholderText(self.tr("Type a code or name: TNT, DHL, PostNL…"))
        self.search.setToolTip(self.tr(
            "Type the bol.com transporter code or the carrier's name; an exact code wins. "
            "Up and Down choose from the list."))
        self._update_chosen_label()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- behaviour -------------------------------------------------------------------------

    def _search_typed(self, text: str) -> None:
        if not text.strip():
            # An emptied search shows everything again and keeps what was chosen.
            self._show(list(shipped_transporters()), self._chosen)
            return
        matches = search_transporters(text)
        self._show(matches, matches[0] if matches else None)

    def _typed_on_list(self, text: str) -> None:
        self.search.setFocus()
        self.search.insert(text)
        self._search_typed(self.search.text())

    def _picked_from_list(self, index: int) -> None:
        chosen = self._shown[index] if 0 <= index < len(self._shown) else None
        self._set_chosen(chosen)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Up and Down in the search field walk the list of matches.
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(event.key())
            if step and self._shown:
                row = min(max(self.combo.currentIndex() + step, 0), len(self._shown) - 1)
                self.combo.setCurrentIndex(row)
                return True
        return super().eventFilter(watched, event)

    def _show(self, transporters: list[Transporter], chosen: Transporter | None) -> None:
        self._shown = list(transporters)
        self.combo.blockSignals(True)
        self.combo.clear()
        for transporter in self._shown:
            self.combo.addItem(transporter_label(transporter, self._language), transporter.code)
        row = self._shown.index(chosen) if chosen in self._shown else -1
        self.combo.setCurrentIndex(row)
        self.combo.blockSignals(False)
        self._set_chosen(chosen if row >= 0 else None)

    def _set_chosen(self, chosen: Transporter | None) -> None:
        before = self._chosen
        self._chosen = chosen
        self._update_chosen_label()
        if chosen != before:
            self.changed.emit()

    def _update_chosen_label(self) -> None:
        if self._chosen is not None:
            text = self.tr("bol.com transporter code: %1 (%2)").replace(
                "%1", f"<b>{html.escape(self._chosen.code)}</b>").replace(
                "%2", html.escape(self._chosen.name(self._language)))
        elif self.search.text().strip():
            text = html.escape(self.tr(
                "No carrier matches \u201c%1\u201d: type a bol.com code (TNT, DHL…) or a name."
            ).replace("%1", self.search.text().strip()))
        else:
            text = html.escape(self.tr("No carrier chosen: type a code or name."))
        self.chosen_label.setText(text)
        # Red while the user must still choose. A property under one fixed style sheet: clearing
        # a label's style sheet leaves its red palette and bold font behind.
        set_style_property(self.chosen_label, "problem", self._chosen is None)
