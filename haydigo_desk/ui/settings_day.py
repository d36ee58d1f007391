"""The account's daily cut-off in Settings → Accounts: on or off, a time of day, and in words
what it means now (after today's cut-off, what is due leaves tomorrow). The rule itself is
:mod:`haydigo_desk.domain.deadlines`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, time

from PySide6.QtCore import QEvent, QTime, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QTimeEdit, QVBoxLayout, QWidget

from haydigo_desk.domain import deadlines
from haydigo_desk.ui.repolish import set_role

DEFAULT_CUTOFF = time(15, 0)  # offered when the cut-off is switched on


class CutoffField(QWidget):
    """A check box "Daily cut-off" with its time, and a line saying what it means today."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        super().__init__(parent)
        self.clock = clock
        self.enabled_box = QCheckBox()
        self.enabled_box.setObjectName("cutoffEnabled")
        self.time_edit = QTimeEdit()
        self.time_edit.setObjectName("cutoffTime")
        self.time_edit.setDisplayFormat("HH:mm")
        self.time_edit.setMaximumWidth(110)
        self.time_edit.setTime(QTime(DEFAULT_CUTOFF.hour, DEFAULT_CUTOFF.minute))
        self.hint = QLabel()
        self.hint.setObjectName("cutoffHint")
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "muted")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.enabled_box)
        row.addWidget(self.time_edit)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        self.setFocusProxy(self.enabled_box)
        self.enabled_box.toggled.connect(self._on_change)
        self.time_edit.timeChanged.connect(self._on_change)
        self.retranslate_ui()

    def set_cutoff(self, cutoff: time | None) -> None:
        self.enabled_box.setChecked(cutoff is not None)
        shown = cutoff or DEFAULT_CUTOFF
        self.time_edit.setTime(QTime(shown.hour, shown.minute))
        self._on_change()

    def cutoff(self) -> time | None:
        if not self.enabled_box.isChecked():
            return None
        chosen = self.time_edit.time()
        return time(chosen.hour(), chosen.minute())

    def _on_change(self, *_args) -> None:
        self.time_edit.setEnabled(self.enabled_box.isChecked())
        self.hint.setText(self.hint_text())
        # A cut-off already past today is allowed, but it moves today's orders to tomorrow
        # (the Today view, Ctrl+T and the "due today" pick-list rules): said as a warning.
        set_role(self.hint, "warning" if self.passed() else "muted")
        self.changed.emit()

    def passed(self) -> bool:
        """Whether the chosen cut-off is already past today."""
        cutoff = self.cutoff()
        return cutoff is not None and deadlines.after_cutoff(self.clock(), cutoff)

    def hint_text(self) -> str:
        """What the cut-off means, said for this moment."""
        cutoff = self.cutoff()
        if cutoff is None:
            return self.tr("No cut-off: Today shows what must leave today until the day ends.")
        shown = cutoff.strftime("%H:%M")
        if self.passed():
            return self.tr("Today's cut-off (%1) has passed: what is due now leaves tomorrow, "
                           "and Today shows tomorrow's work.").replace("%1", shown)
        return self.tr("Until %1 Today shows what leaves today; after %1, what leaves "
                       "tomorrow.").replace("%1", shown)

    def retranslate_ui(self) -> None:
        self.enabled_box.setText(self.tr("Nothing leaves after"))
        self.hint.setText(self.hint_text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
