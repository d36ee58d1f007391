"""The Sync log section: every sync cycle with its outcome, counts and errors.

The runs are read on a ``DbTasks`` thread (``sync_log_use_cases.load_log``); while they load
the section says so, and a database that cannot answer is a message above the table, never a
crash."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QWidget,
)

from haydigo_desk.context import DeskContext
from haydigo_desk.domain.clock import format_local
from haydigo_desk.domain.states import SyncOutcome
from haydigo_desk.services import labels, sync_log, sync_log_use_cases
from haydigo_desk.services.sync_log import SyncLog, SyncRunRow
from haydigo_desk.ui.db_feedback import database_problem_text, loading_text
from haydigo_desk.ui.palette import colour
from haydigo_desk.ui.preview_tables import feedback_label, show_feedback
from haydigo_desk.ui.section import Section, detail_text, muted_label, row_table, table_over
from haydigo_desk.ui.sync_controller import SyncController

# The palette's text colour of each outcome.
_OUTCOME_COLOURS = {
    SyncOutcome.OK: "good_text",
    SyncOutcome.FAILED: "bad_text",
    SyncOutcome.SKIPPED: "neutral_text",
    SyncOutcome.RUNNING: "running_text",
    SyncOutcome.INTERRUPTED: "interrupted_text",
}


def outcome_label(outcome: str) -> str:
    return {
        SyncOutcome.OK: QCoreApplication.translate("SyncLog", "OK"),
        SyncOutcome.FAILED: QCoreApplication.translate("SyncLog", "Failed"),
        SyncOutcome.SKIPPED: QCoreApplication.translate("SyncLog", "Skipped"),
        SyncOutcome.RUNNING: QCoreApplication.translate("SyncLog", "Running"),
        SyncOutcome.INTERRUPTED: QCoreApplication.translate("SyncLog", "Interrupted"),
    }.get(outcome, outcome)


def duration_text(ms: int) -> str:
    return f"{ms / 1000:.1f} s" if ms < 60_000 else f"{ms // 60_000} min {ms // 1000 % 60} s"


def count_lines(run: SyncRunRow) -> list[tuple[str, int]]:
    return [
        (QCoreApplication.translate("SyncLog", "Orders new"), run.orders_new),
        (QCoreApplication.translate("SyncLog", "Orders updated"), run.orders_updated),
        (QCoreApplication.translate("SyncLog", "Orders filtered (country)"), run.orders_filtered),
        (QCoreApplication.translate("SyncLog", "Cancellations"), run.cancellations),
        (QCoreApplication.translate("SyncLog", "Products new"), run.products_new),
        (QCoreApplication.translate("SyncLog", "Products updated"), run.products_updated),
        (QCoreApplication.translate("SyncLog", "Stock updates sent"), run.stock_updates_sent),
        (QCoreApplication.translate("SyncLog", "Shipments confirmed"), run.shipments_confirmed),
        (QCoreApplication.translate("SyncLog", "Shipments failed"), run.shipments_failed),
        (QCoreApplication.translate("SyncLog", "API calls"), run.api_calls),
        (QCoreApplication.translate("SyncLog", "Rate limited (429)"), run.rate_limited),
    ]


class SyncLogSection(Section):
    section_id = "synclog"
    icon_name = "log"

    def __init__(
        self, context: DeskContext, controller: SyncController, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, controller, parent)
        self.runs: list[SyncRunRow] = []
        self.held: list[sync_log.HeldRecord] = []
        self._generation = 0  # a newer refresh wins over a log still on its way
        self.loaded = False

        self.status = muted_label()
        self.message = feedback_label()
        self.message.setObjectName("syncLogMessage")
        self.message.hide()
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.setToolTip(self.tr("Start a sync cycle now (F5)"))
        self.sync_button.setShortcut(Qt.Key.Key_F5)
        self.sync_button.clicked.connect(lambda: controller.request_sync())
        top = QHBoxLayout()
        top.addWidget(self.heading_label())
        top.addWidget(self.status, 1)
        self.labels_today = QLabel()  # bol.com labels bought today and what they cost
        self.labels_today.setObjectName("labelsToday")
        top.addWidget(self.labels_today)
        top.addWidget(self.sync_button)

        self.headers = [
            self.tr("Started"),
            self.tr("Account"),
            self.tr("Outcome"),
            self.tr("Duration"),
            self.tr("Orders\nnew/upd./filtered"),
            self.tr("Cancel-\nlations"),
            self.tr("Products\nnew/updated"),
            self.tr("Stock\nupdates"),
            self.tr("Shipments\nok/failed"),
            self.tr("API\ncalls"),
            self.tr("429s"),
            self.tr("Errors"),
        ]
        self.table = row_table(len(self.headers), "syncLogTable", self.headers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._show_detail)
        self.detail = detail_text(self.tr("Select a run to see its counts and errors"))

        layout = self.page_layout()
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(table_over(self.table, self.detail, (460, 200)), 1)
        controller.finished.connect(lambda _report: self.refresh())
        self.refresh()

    def title(self) -> str:
        return self.tr("Sync log")

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        if not self.loaded:
            self.status.setText(loading_text())
        database = self.context.database
        self.tasks.run(lambda: sync_log_use_cases.load_log(database),
                       lambda log: self._show_log(generation, log),
                       lambda error: self._failed(generation, error))

    def _failed(self, generation: int, error: Exception) -> None:
        if generation != self._generation:
            return
        self.status.setText("")
        show_feedback(self.message, database_problem_text(error), "scan-error")
        self.message.show()

    def _show_log(self, generation: int, log: SyncLog) -> None:
        if generation != self._generation:
            return
        self.loaded = True
        self.status.setText("")
        self.message.hide()
        selected_id = self.selected_run().id if self.selected_run() else None
        self.runs, self.held = log.runs, log.held
        self._show_labels_today(log.labels)
        self.table.setRowCount(len(self.runs))
        for number, run in enumerate(self.runs):
            values = [
                format_local(run.started_at, "%d-%m-%Y %H:%M:%S"),
                run.account_name,
                outcome_label(run.outcome),
                duration_text(run.duration_ms),
                f"{run.orders_new} / {run.orders_updated} / {run.orders_filtered}",
                str(run.cancellations),
                f"{run.products_new} / {run.products_updated}",
                str(run.stock_updates_sent),
                f"{run.shipments_confirmed} / {run.shipments_failed}",
                str(run.api_calls),
                str(run.rate_limited),
                run.errors[0] if run.errors else "",
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 2:
                    item.setForeground(colour(_OUTCOME_COLOURS.get(run.outcome, "neutral_text")))
                if 3 <= column <= 10:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(number, column, item)
        if selected_id is not None:
            for number, run in enumerate(self.runs):
                if run.id == selected_id:
                    self.table.selectRow(number)
        elif self.runs:
            self.table.selectRow(0)  # the newest run, which a finished sync just added
        self._show_detail()

    def _show_labels_today(self, day: labels.DayLabels) -> None:
        self.labels_today.setText(self.tr("bol.com labels today: %1 (%2 excl. VAT)").replace(
            "%1", str(day.count)).replace("%2", labels.euro(day.cost)))

    def closeEvent(self, event) -> None:
        self.tasks.shutdown()
        super().closeEvent(event)

    def selected_run(self) -> SyncRunRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.runs):
            return None
        return self.runs[rows[0].row()]

    def _show_detail(self) -> None:
        run = self.selected_run()
        if run is None:
            self.detail.clear()
            return
        lines = [
            self.tr("{account} — {outcome}, {duration}").format(
                account=run.account_name,
                outcome=outcome_label(run.outcome),
                duration=duration_text(run.duration_ms),
            ),
        ]
        if run.full_sweep:
            lines.append(self.tr("Full order sweep"))
        if run.message:
            lines.append(run.message)
        if run.errors:  # first: they are why someone opens the log
            lines += ["", self.tr("Errors:")] + [f"• {error}" for error in run.errors]
        if self.held:
            lines += ["", self.tr("Skipped, read again every cycle until bol.com's data "
                                  "can be taken:")]
            lines += [self.tr("• {account}: order {order} ({attempts}×) — {reason}").format(
                account=record.account_name, order=record.bol_id, attempts=record.attempts,
                reason=record.reason) for record in self.held]
        lines.append("")
        lines += [f"{label}: {value}" for label, value in count_lines(run)]
        self.detail.setPlainText("\n".join(lines))
