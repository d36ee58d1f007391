"""The Can't-fulfil section: lines a picker reported not found or damaged, and the manager's
decision per line: wait for stock (a backorder, back into picking when goods arrive) or cancel
the item at bol.com with a seller's reason (through the outbox, exactly once).

Widgets only; the rows and decisions are the use cases of ``services.short_pick_use_cases``,
run off the GUI thread (``DbTasks``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from haydigo_desk.context import DeskContext
from haydigo_desk.domain.clock import format_local
from haydigo_desk.domain.short_picks import SELLER_REASONS, SUGGESTED_REASON, ShortPickRefused
from haydigo_desk.services import short_pick_use_cases
from haydigo_desk.services.redaction import describe_error
from haydigo_desk.services.short_pick_queries import ShortPickRow
from haydigo_desk.ui import cant_fulfil_texts as texts
from haydigo_desk.ui.permissions import ensure_manager
from haydigo_desk.ui.section import (
    Section,
    detail_text,
    muted_label,
    row_table,
    select_row,
    selected_row,
    table_over,
)

log = logging.getLogger(__name__)

WAIT_SHORTCUT = "Ctrl+B"  # a backorder
CANCEL_SHORTCUT = "Ctrl+K"
COL_ORDER, COL_PRODUCT, COL_UNITS, COL_REASON, COL_STATE, COL_SINCE, COL_DEADLINE, COL_BOL = \
    range(8)


class CancelReasonDialog(QDialog):
    """Which of bol.com's seller reasons goes with the cancellation."""

    def __init__(self, row: ShortPickRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cancelReasonDialog")
        self.setWindowTitle(self.tr("Cancel at bol.com"))
        question = QLabel(self.tr(
            "Cancel {title} of order {order} at bol.com? bol.com cancels every unit of the "
            "item not shipped yet and tells the customer.").format(
            title=row.title, order=row.bol_order_id))
        question.setWordWrap(True)
        self.reasons = QComboBox()
        self.reasons.setObjectName("cancelReason")
        for code in SELLER_REASONS:
            self.reasons.addItem(texts.seller_reason_label(code), code)
        suggested = row.cancel_reason or SUGGESTED_REASON.get(row.reason, "OUT_OF_STOCK")
        self.reasons.setCurrentIndex(max(self.reasons.findData(suggested), 0))
        label = QLabel(self.tr("&Reason for bol.com"))
        label.setBuddy(self.reasons)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Cancel the item"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Keep it"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(label)
        layout.addWidget(self.reasons)
        layout.addWidget(buttons)
        self.reasons.setFocus()

    @property
    def reason_code(self) -> str:
        return self.reasons.currentData()


class CantFulfilSection(Section):
    section_id = "cant_fulfil"
    icon_name = "warning"

    def __init__(self, context: DeskContext, controller, parent: QWidget | None = None) -> None:
        super().__init__(context, controller, parent)
        self.rows: list[ShortPickRow] = []
        self.active_dialog: QWidget | None = None  # the open dialog (tests answer it)

        self.heading = self.heading_label()
        self.count_label = muted_label()
        self.wait_button = QPushButton()
        self.wait_button.setObjectName("waitForStock")
        self.wait_button.setProperty("role", "primary")
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelAtBol")
        self.cancel_button.setProperty("role", "danger")
        self.wait_button.clicked.connect(self.wait_selected)
        self.cancel_button.clicked.connect(self.cancel_selected)
        for key, slot in ((WAIT_SHORTCUT, self.wait_selected),
                          (CANCEL_SHORTCUT, self.cancel_selected)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.count_label, 1)
        top.addWidget(self.wait_button)
        top.addWidget(self.cancel_button)

        self.table = row_table(8, "cantFulfilTable", stretch=[COL_PRODUCT, COL_BOL])
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.detail = detail_text()

        layout = self.page_layout()
        layout.addLayout(top)
        layout.addWidget(table_over(self.table, self.detail, (500, 120)), 1)
        controller.finished.connect(lambda _report: self.refresh())
        controller.data_changed.connect(self._on_data_changed)
        self.retranslate_ui()
        self.refresh()

    def title(self) -> str:
        return self.tr("Can't fulfil")

    def retranslate_ui(self) -> None:
        self.heading.setText(self.title())
        self.wait_button.setText(self.tr("Wait for stock"))
        self.wait_button.setToolTip(self.tr(
            "A backorder: the line is picked again as soon as stock arrives ({key})").format(
            key=WAIT_SHORTCUT))
        self.cancel_button.setText(self.tr("Cancel at bol.com…"))
        self.cancel_button.setToolTip(self.tr(
            "Cancel the item at bol.com with a reason ({key})").format(key=CANCEL_SHORTCUT))
        self.table.setHorizontalHeaderLabels([
            self.tr("Order"), self.tr("Product"), self.tr("Units"), self.tr("Reason"),
            self.tr("State"), self.tr("Since"), self.tr("Deadline"), self.tr("bol.com says")])
        self.detail.setPlaceholderText(self.tr("Select a line to see its details"))
        self._show_rows(self.rows)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _on_data_changed(self, what: str) -> None:
        if what in ("orders", "outbox", "products") or what.startswith("cancellation:"):
            self.refresh()

    # --- reading --------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.tasks.busy

    def refresh(self) -> None:
        database = self.context.database
        self.tasks.run(lambda: short_pick_use_cases.list_queue(database), self._show_rows)

    def _show_rows(self, rows: list[ShortPickRow]) -> None:
        selected = self.selected_row()
        self.rows = list(rows)
        self.table.setRowCount(len(self.rows))
        for number, row in enumerate(self.rows):
            values = {
                COL_ORDER: row.bol_order_id, COL_PRODUCT: row.title, COL_UNITS: str(row.units),
                COL_REASON: texts.reason_label(row.reason),
                COL_STATE: texts.state_label(row.state),
                COL_SINCE: format_local(row.reported_at, "%d-%m %H:%M"),
                COL_DEADLINE: row.deadline.strftime("%d-%m-%Y") if row.deadline else "",
                COL_BOL: row.bol_message.splitlines()[0] if row.bol_message else "",
            }
            for column, value in values.items():
                item = QTableWidgetItem(value)
                if column == COL_UNITS:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if column == COL_BOL and row.bol_message:
                    item.setToolTip(row.bol_message)
                self.table.setItem(number, column, item)
        self.count_label.setText(
            self.tr("%n line(s) waiting for a decision or for stock", "", len(self.rows))
            if self.rows else self.tr("Nothing here: every line could be picked"))
        if selected is not None:
            self.select(selected.id)
        self._selection_changed()

    def select(self, short_pick_id: int) -> None:
        select_row(self.table, self.rows, short_pick_id)

    def selected_row(self) -> ShortPickRow | None:
        return selected_row(self.table, self.rows)

    def _selection_changed(self) -> None:
        row = self.selected_row()
        self.wait_button.setEnabled(bool(row and row.can_wait))
        self.cancel_button.setEnabled(bool(row and row.can_cancel))
        if row is None:
            self.detail.clear()
            return
        lines = [
            self.tr("Order {order} — {customer}").format(order=row.bol_order_id,
                                                         customer=row.customer_name),
            self.tr("{units} × {title} ({ean}): {reason}, reported by {who} at {when}").format(
                units=row.units, title=row.title, ean=row.ean,
                reason=texts.reason_label(row.reason), who=row.reported_by or "?",
                when=format_local(row.reported_at, "%d-%m-%Y %H:%M")),
            texts.state_label(row.state),
        ]
        if row.expiry:
            lines.append(self.tr("bol.com cancels the item itself after {date}").format(
                date=row.expiry.strftime("%d-%m-%Y")))
        if row.cancel_reason:
            lines.append(self.tr("Reason for bol.com: {reason}").format(
                reason=texts.seller_reason_label(row.cancel_reason)))
        if row.bol_message:
            lines += ["", self.tr("bol.com says:"), row.bol_message]
        self.detail.setPlainText("\n".join(lines))

    # --- deciding -------------------------------------------------------------------------------

    def wait_selected(self) -> None:
        row = self.selected_row()
        if row is None or not row.can_wait or not ensure_manager(self.context, self):
            return
        user = self.context.user_name
        database = self.context.database
        self._decide(lambda: short_pick_use_cases.wait_for_stock(database, row.id, user))

    def cancel_selected(self) -> None:
        row = self.selected_row()
        if row is None or not row.can_cancel or not ensure_manager(self.context, self):
            return
        dialog = CancelReasonDialog(row, self)
        self.active_dialog = dialog
        dialog.finished.connect(lambda result: self._cancel_answered(dialog, row, result))
        dialog.open()

    def _cancel_answered(self, dialog: CancelReasonDialog, row: ShortPickRow, result: int
                         ) -> None:
        self.active_dialog = None
        if result != QDialog.DialogCode.Accepted:
            return
        code, user = dialog.reason_code, self.context.user_name
        database = self.context.database
        self._decide(lambda: short_pick_use_cases.cancel_at_bol(database, row.id, code, user),
                     send=True)

    def _decide(self, decide: Callable[[], object], *, send: bool = False) -> None:
        """``decide``: a use case that commits the manager's decision, or refuses it."""
        def done(_result) -> None:
            if send:  # post it now rather than at the next scheduled cycle
                self.controller.request_sync()
            self.refresh()

        self.tasks.run(decide, done, self._refused)

    def _refused(self, error: Exception) -> None:
        if isinstance(error, ShortPickRefused):
            text = texts.refusal_text(error)
        else:
            log.error("Can't-fulfil decision failed: %s", describe_error(error))
            text = self.tr("The decision was not saved: {error}").format(
                error=describe_error(error))
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Can't fulfil"), text,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("cantFulfilRefusal")
        self.active_dialog = box
        box.finished.connect(lambda _r: setattr(self, "active_dialog", None))
        box.open()
        self.refresh()
