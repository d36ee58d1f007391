"""The main window's status bar: which account, how the last sync went, when the next one runs
(ticking every second), the running sync's step and progress, and "Sync now" (F5).

It only listens to the SyncController's signals and reads its schedule: nothing here touches the
database or the network, so it can never block the GUI.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar, QWidget

from haydigo_desk.domain.clock import format_local
from haydigo_desk.services.sync_log import SyncRunRow
from haydigo_desk.sync.events import SyncReport
from haydigo_desk.ui.palette import hex_of, icon
from haydigo_desk.ui.sync_controller import SyncController

SYNC_NOW_SHORTCUT = "F5"


def step_text(step: str) -> str:
    """The engine's step id in words; an unknown step is shown as it comes."""
    names = {
        "offers": QCoreApplication.translate("SyncStatusBar", "Products"),
        "images": QCoreApplication.translate("SyncStatusBar", "Images"),
        "orders": QCoreApplication.translate("SyncStatusBar", "Orders"),
        "cancellations": QCoreApplication.translate("SyncStatusBar", "Cancellations"),
        "outbox": QCoreApplication.translate("SyncStatusBar", "Sending to bol.com"),
    }
    return names.get(step, step)


def format_countdown(seconds: float) -> str:
    """ "4:05" or "1:02:03"; never negative."""
    total = max(int(seconds), 0)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class SyncStatusBar(QStatusBar):
    def __init__(
        self,
        controller: SyncController,
        account_names: dict[int, str] | None = None,
        parent: QWidget | None = None,
        clock=lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self._clock = clock
        self._names: dict[int, str] = dict(account_names or {})
        self._running: dict[int, str] = {}
        self._schedule: dict[int, datetime] = {}
        self.setSizeGripEnabled(False)

        self.account_label = QLabel()
        self.account_label.setStyleSheet("font-weight: 700;")
        self.last_label = QLabel()
        self.last_label.setObjectName("statusSync")
        self.next_label = QLabel()
        self.step_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setFixedWidth(180)
        self.progress.setTextVisible(True)
        self.sync_button = QPushButton(
            icon("sync"),
            self.tr("Sync now (%1)").replace("%1", SYNC_NOW_SHORTCUT),
        )
        self.sync_button.clicked.connect(self.sync_now)
        self.addWidget(self.account_label)
        self.addWidget(self.last_label, 1)
        self.addPermanentWidget(self.step_label)
        self.addPermanentWidget(self.progress)
        self.addPermanentWidget(self.next_label)
        self.addPermanentWidget(self.sync_button)

        self.sync_action = QAction(self.tr("Sync now"), self)
        self.sync_action.setShortcut(QKeySequence(SYNC_NOW_SHORTCUT))
        self.sync_action.triggered.connect(self.sync_now)

        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._update_countdown)
        self.timer.start()

        controller.started.connect(self._on_started)
        controller.progress.connect(self._on_progress)
        controller.finished.connect(self._on_finished)
        controller.failed.connect(self._on_failed)
        controller.schedule_changed.connect(self.set_schedule)

        self.last_label.setText(self.tr("Not synced yet"))
        self._show_idle()
        self._update_account()
        self.set_schedule(controller.next_runs())

    def set_account_names(self, names: dict[int, str]) -> None:
        """Accounts known before any sync ran (read from the database by the window)."""
        self._names.update(names)
        self._update_account()

    # --- what the controller says ---------------------------------------------------------------

    def _on_started(self, account_id: int, name: str) -> None:
        self._names[account_id] = name
        self._running[account_id] = name
        self.step_label.setText(self.tr("Syncing %1…").replace("%1", name))
        self.step_label.show()
        self.progress.setRange(0, 0)  # busy until the first progress report
        self.progress.show()
        self.sync_button.setEnabled(False)
        self._update_account()
        self._update_countdown()

    def _on_progress(self, account_id: int, step: str, done: int, total: int) -> None:
        name = self._names.get(account_id, "")
        text = step_text(step)
        self.step_label.setText(f"{name}: {text}" if name else text)
        self.step_label.show()
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        else:
            self.progress.setRange(0, 0)
        self.progress.show()

    def _on_finished(self, report: SyncReport) -> None:
        self._names[report.account_id] = report.account_name
        self._running.pop(report.account_id, None)
        when = format_local(report.finished_at or self._clock(), "%H:%M")
        if report.outcome == "failed" or report.errors:
            detail = report.message or (report.errors[0] if report.errors else "")
            text = self.tr("Last sync %1 failed: %2").replace("%1", when).replace("%2", detail)
            self._set_state("failed")
        else:
            text = (
                self.tr("Last sync %1 OK: %2 new order(s), %3 cancellation(s)")
                .replace("%1", when)
                .replace("%2", str(report.orders_new))
                .replace("%3", str(report.cancellations))
            )
            self._set_state("ok")
        self.last_label.setText(text)
        self.last_label.setToolTip(report.message)
        self._after_run()

    def show_last_run(self, run: SyncRunRow | None) -> None:
        """At start: the last recorded cycle, unless a live one has reported already."""
        if run is None or run.outcome == "running" or self.last_label.property("state"):
            return
        self._on_finished(SyncReport(
            account_id=-run.id, account_name=run.account_name, started_at=run.started_at,
            finished_at=run.finished_at, outcome=run.outcome, orders_new=run.orders_new,
            cancellations=run.cancellations, errors=list(run.errors), message=run.message,
        ))
        self._names.pop(-run.id, None)
        self._update_account()

    def _on_failed(self, account_id: int, message: str) -> None:
        self._running.pop(account_id, None)
        when = format_local(self._clock(), "%H:%M")
        self.last_label.setText(
            self.tr("Last sync %1 failed: %2").replace("%1", when).replace("%2", message)
        )
        self.last_label.setToolTip(message)
        self._set_state("failed")
        self._after_run()

    def set_schedule(self, schedule: dict | None) -> None:
        self._schedule = {k: v for k, v in (schedule or {}).items() if v is not None}
        self._update_countdown()

    # --- showing ------------------------------------------------------------------------------

    def _after_run(self) -> None:
        if not self._running:
            self._show_idle()
        self._update_account()

    def _show_idle(self) -> None:
        self.step_label.hide()
        self.progress.hide()
        self.sync_button.setEnabled(self.controller.available)
        if not self.controller.available:
            self.sync_button.setToolTip(self.tr("The sync is not running"))
        else:
            self.sync_button.setToolTip("")

    def _set_state(self, state: str) -> None:
        self.last_label.setProperty("state", state)
        colour = hex_of("bad_text") if state == "failed" else ""
        self.last_label.setStyleSheet(f"color: {colour}; font-weight: 700;" if colour else "")

    def _update_account(self) -> None:
        names = sorted(set(self._names.values()))
        self.account_label.setText(", ".join(names) if names else self.tr("No account"))

    def _update_countdown(self) -> None:
        if self._running:
            self.next_label.setText(self.tr("Syncing now"))
            return
        if not self._schedule:
            self.next_label.setText(self.tr("No sync planned"))
            return
        remaining = (min(self._schedule.values()) - self._clock()).total_seconds()
        if remaining <= 0:
            self.next_label.setText(self.tr("Next sync: due"))
        else:
            self.next_label.setText(
                self.tr("Next sync in %1").replace("%1", format_countdown(remaining))
            )

    # --- action ---------------------------------------------------------------------------------

    def sync_now(self) -> None:
        if self.controller.available and not self._running:
            self.controller.request_sync()
            self.step_label.setText(self.tr("Sync requested…"))
            self.step_label.show()
