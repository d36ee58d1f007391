"""The Outbox section: posts to bol.com still waiting or failed, with Retry and Cancel.

Reads and the two actions run on ``DbTasks`` threads; a database that cannot answer is a
message in the section (the last list stays), never a crash dialog."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QWidget,
)

from haydigo_desk.context import DeskContext
from haydigo_desk.domain.clock import format_local
from haydigo_desk.domain.states import OutboxKind, OutboxState
from haydigo_desk.persistence.database import Database
from haydigo_desk.services import outbox_use_cases
from haydigo_desk.services.outbox_queries import OutboxError, OutboxRow
from haydigo_desk.ui.db_feedback import database_problem_text, loading_text
from haydigo_desk.ui.palette import colour, icon
from haydigo_desk.ui.preview_tables import feedback_label, show_feedback
from haydigo_desk.ui.section import (
    Section,
    detail_text,
    muted_label,
    row_table,
    select_row,
    selected_row,
    table_over,
)
from haydigo_desk.ui.sync_controller import SyncController

COLUMNS = 7
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


def kind_label(kind: str) -> str:
    return {
        OutboxKind.STOCK: QCoreApplication.translate("Outbox", "Stock"),
        OutboxKind.SHIPMENT: QCoreApplication.translate("Outbox", "Shipment"),
        OutboxKind.CANCELLATION: QCoreApplication.translate("Outbox", "Cancellation"),
        OutboxKind.TRANSPORT: QCoreApplication.translate("Outbox", "Track & trace"),
        OutboxKind.RETURN_HANDLING: QCoreApplication.translate("Outbox", "Return handling"),
        OutboxKind.RETURN_CREATE: QCoreApplication.translate("Outbox", "Return registration"),
        OutboxKind.LABEL: QCoreApplication.translate("Outbox", "bol.com label"),
    }.get(kind, kind)


def state_label(state: str) -> str:
    return {
        OutboxState.QUEUED: QCoreApplication.translate("Outbox", "Waiting"),
        OutboxState.SENT: QCoreApplication.translate("Outbox", "Sent, awaiting bol.com"),
        OutboxState.FAILED: QCoreApplication.translate("Outbox", "Failed"),
        OutboxState.DONE: QCoreApplication.translate("Outbox", "Done"),
        OutboxState.CANCELLED: QCoreApplication.translate("Outbox", "Cancelled"),
    }.get(state, state)


def summary(row: OutboxRow) -> str:
    if row.kind == OutboxKind.STOCK:
        return QCoreApplication.translate("Outbox", "Stock {amount} for offer {offer}").format(
            amount=row.amount, offer=row.offer_id
        )
    if row.kind == OutboxKind.SHIPMENT:
        text = QCoreApplication.translate("Outbox", "Order {order} via {transporter}").format(
            order=row.bol_order_id, transporter=row.transporter_code
        )
        return f"{text}  {row.track_and_trace}".rstrip()
    if row.kind == OutboxKind.TRANSPORT:
        return QCoreApplication.translate(
            "Outbox", "New track & trace {code} ({transporter}) for order {order}").format(
            code=row.track_and_trace, transporter=row.transporter_code, order=row.bol_order_id)
    if row.kind == OutboxKind.LABEL:
        return QCoreApplication.translate("Outbox", "Buy the label for order {order}").format(
            order=row.bol_order_id)
    if row.kind == OutboxKind.CANCELLATION:
        return QCoreApplication.translate("Outbox", "Cancel item {item} of order {order}").format(
            item=row.order_item_id, order=row.bol_order_id
        )
    return row.summary


class OutboxSection(Section):
    section_id = "outbox"
    icon_name = "outbox"

    def __init__(
        self, context: DeskContext, controller: SyncController, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, controller, parent)
        self.rows: list[OutboxRow] = []
        self._generation = 0  # a newer refresh wins over a list still on its way
        self.loaded = False  # the first list has arrived

        self.count_label = muted_label()
        self.retry_button = QPushButton(
            icon("sync"), self.tr("Retry now")
        )
        self.retry_button.setShortcut(QKeySequence("Ctrl+R"))
        self.retry_button.setToolTip(self.tr("Send the selected post again (Ctrl+R)"))
        self.retry_button.setProperty("role", "primary")
        self.cancel_button = QPushButton(self.tr("Cancel post…"))
        self.cancel_button.setShortcut(QKeySequence(Qt.Key.Key_Delete))
        self.cancel_button.setToolTip(self.tr("Do not send the selected post (Delete)"))
        self.cancel_button.setProperty("role", "danger")
        self.retry_button.clicked.connect(self.retry_selected)
        self.cancel_button.clicked.connect(self.cancel_selected)
        top = QHBoxLayout()
        top.addWidget(self.heading_label())
        top.addWidget(self.count_label, 1)
        top.addWidget(self.retry_button)
        top.addWidget(self.cancel_button)

        self.table = row_table(COLUMNS, "outboxTable", [
            self.tr("State"),
            self.tr("Kind"),
            self.tr("What"),
            self.tr("Account"),
            self.tr("Attempts"),
            self.tr("Next attempt"),
            self.tr("bol.com says"),
        ], stretch=[6])
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.detail = detail_text(self.tr("Select a post to see bol.com's full message"))

        layout = self.page_layout()
        self.message = feedback_label()
        self.message.setObjectName("outboxMessage")
        self.message.hide()
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(table_over(self.table, self.detail, (500, 140)), 1)
        controller.finished.connect(lambda _report: self.refresh())
        controller.data_changed.connect(self._on_data_changed)
        self.refresh()

    def title(self) -> str:
        return self.tr("Outbox")

    def _on_data_changed(self, what: str) -> None:
        if what == "outbox":
            self.refresh()

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        if not self.loaded:
            self.count_label.setText(loading_text())
        database = self.context.database
        self.tasks.run(lambda: outbox_use_cases.list_outbox(database),
                       lambda rows: self._show_rows(generation, rows),
                       lambda error: self._failed(error, generation))

    def _failed(self, error: Exception, generation: int | None = None) -> None:
        if generation is not None and generation != self._generation:
            return
        show_feedback(self.message, database_problem_text(error), "scan-error")
        self.message.show()
        if not self.loaded:
            self.count_label.setText("")

    def _show_rows(self, generation: int, rows: list[OutboxRow]) -> None:
        if generation != self._generation:
            return
        self.loaded = True
        self.message.hide()
        selected = self.selected_row()
        self.rows = rows
        self.table.setRowCount(len(self.rows))
        failed_colour = colour("bad_text")
        for number, row in enumerate(self.rows):
            values = [
                state_label(row.state),
                kind_label(row.kind),
                summary(row),
                row.account_name,
                str(row.attempts),
                format_local(row.next_attempt_at, "%d-%m %H:%M"),
                row.last_error.splitlines()[0] if row.last_error else "",
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(ROW_ROLE, row.id)
                if column == 0 and row.state == OutboxState.FAILED:
                    item.setForeground(failed_colour)
                if column == 4:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if column == 6 and row.last_error:
                    item.setToolTip(row.last_error)
                self.table.setItem(number, column, item)
        failed = sum(1 for r in self.rows if r.state == OutboxState.FAILED)
        self.count_label.setText(
            self.tr("{total} waiting, {failed} failed").format(
                total=len(self.rows) - failed, failed=failed
            )
            if self.rows
            else self.tr("Nothing waiting: bol.com is up to date")
        )
        if selected is not None:
            self.select(selected.id)
        self._selection_changed()

    def select(self, entry_id: int) -> None:
        select_row(self.table, self.rows, entry_id)

    def selected_row(self) -> OutboxRow | None:
        return selected_row(self.table, self.rows)

    def _selection_changed(self) -> None:
        row = self.selected_row()
        self.retry_button.setEnabled(bool(row and row.can_retry))
        self.cancel_button.setEnabled(bool(row and row.can_cancel))
        if row is None:
            self.detail.clear()
            return
        lines = [summary(row), state_label(row.state)]
        if row.last_error:
            lines += ["", self.tr("bol.com says:"), row.last_error]
        self.detail.setPlainText("\n".join(lines))

    def retry_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        # Once committed, send it now rather than at the next scheduled cycle.
        self._run(outbox_use_cases.retry, row, then=self.controller.request_sync)

    def cancel_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        warning = self.tr("This post will never be sent to bol.com.")
        if row.kind == OutboxKind.SHIPMENT:
            warning += " " + self.tr(
                "bol.com will not learn that this order was shipped; "
                "confirm the shipment on bol.com yourself."
            )
        answer = QMessageBox.question(
            self,
            self.tr("Cancel post"),
            self.tr("Cancel “{what}”?").format(what=summary(row)) + "\n\n" + warning,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._run(outbox_use_cases.cancel, row)

    def _run(self, action: Callable[[Database, int], OutboxRow], row: OutboxRow,
             then: Callable[[], None] | None = None) -> None:
        """``action``: a use case that commits (retry, cancel) or refuses with
        ``OutboxError``."""
        database, entry_id = self.context.database, row.id

        def done(_result) -> None:
            if then is not None:
                then()
            self.refresh()

        self.tasks.run(lambda: action(database, entry_id), done, self._refused)

    def _refused(self, error: Exception) -> None:
        if isinstance(error, OutboxError):
            QMessageBox.warning(self, self.tr("Outbox"), str(error))
            self.refresh()
        else:
            self._failed(error)

    def closeEvent(self, event) -> None:
        self.tasks.shutdown()
        super().closeEvent(event)
