"""The Returns section: bol.com's returns with their deadline, received by scanning and
handled per item (bol's handling result, quantity, back to stock or written off).

Keyboard first: the scan field has the focus; a scan (the return parcel's track & trace, the
order id, an RMA or an EAN) opens the matching item and moves to its handling; Ctrl+Enter
sends it; focus returns to the scan field. Every query runs off the GUI thread (DbTasks).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from haydigo_desk.context import DeskContext
from haydigo_desk.domain import returns as rules
from haydigo_desk.domain.clock import format_local
from haydigo_desk.domain.returns import ReturnLineState, ReturnRuleError
from haydigo_desk.persistence.models import utcnow
from haydigo_desk.services import return_use_cases
from haydigo_desk.services.return_queries import ReturnItemRow
from haydigo_desk.ui.palette import icon
from haydigo_desk.ui.permissions import is_manager
from haydigo_desk.ui.repolish import set_role
from haydigo_desk.ui.return_handling import HandlingForm, RegisterReturnDialog
from haydigo_desk.ui.returns_texts import (
    disposition_label,
    handling_result_label,
    refusal_text,
    state_label,
)
from haydigo_desk.ui.section import Section, muted_label, row_table
from haydigo_desk.ui.sync_controller import SyncController

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
FILTERS = {  # filter id -> states shown (empty: all)
    "to_handle": (ReturnLineState.OPEN, ReturnLineState.FAILED),
    "waiting": (ReturnLineState.QUEUED,),
    "handled": (ReturnLineState.HANDLED,),
    "all": (),
}
SEND_SHORTCUT = "Ctrl+Return"
REGISTER_SHORTCUT = "Ctrl+Shift+R"
EXPORT_SHORTCUT = "Ctrl+Shift+E"


def theme_colour(role: str, parent: QWidget) -> QColor:
    """The background colour the theme's style sheet gives ``QLabel[role=...]``, so a table
    cell is coloured by the theme and not by a literal here."""
    probe = QLabel(parent)
    probe.setProperty("role", role)
    probe.hide()
    probe.ensurePolished()
    colour = probe.palette().color(QPalette.ColorRole.Window)
    probe.deleteLater()
    return colour


class ReturnsSection(Section):
    section_id = "returns"
    icon_name = "returns"
    refresh_on = ("returns", "outbox")

    def __init__(self, context: DeskContext, controller: SyncController,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, controller, parent)
        self.rows: list[ReturnItemRow] = []
        self.current: ReturnItemRow | None = None
        self._generation = 0
        self._build()  # the main window reloads it on the sync's refresh_on kinds

    def title(self) -> str:
        return self.tr("Returns")

    # --- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.count_label = muted_label()
        self.scan = QLineEdit()
        self.scan.setObjectName("returnScan")
        self.scan.setProperty("role", "scan")
        self.scan.setPlaceholderText(
            self.tr("Scan the return parcel's track & trace, the order id or the EAN"))
        self.register_button = QPushButton(self.tr("Unannounced return…"))
        self.register_button.setShortcut(QKeySequence(REGISTER_SHORTCUT))
        self.register_button.setToolTip(self.tr("Register a return bol.com never announced, "
                                                "from its order ({key})").format(
                                                    key=REGISTER_SHORTCUT))
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.setShortcut(QKeySequence(EXPORT_SHORTCUT))
        self.export_button.setToolTip(self.tr("Returns per product and reason ({key})").format(
            key=EXPORT_SHORTCUT))
        top = QHBoxLayout()
        top.addWidget(self.heading_label())
        top.addWidget(self.count_label, 1)
        top.addWidget(self.register_button)
        top.addWidget(self.export_button)

        self.filter = QComboBox()
        self.filter.setObjectName("returnFilter")
        for key, text in (("to_handle", self.tr("To handle")),
                          ("waiting", self.tr("Waiting for bol.com")),
                          ("handled", self.tr("Handled")), ("all", self.tr("All"))):
            self.filter.addItem(text, key)
        self.search = QLineEdit()
        self.search.setObjectName("returnSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Filter by order, EAN, title or track & trace "
                                               "(Ctrl+F)"))
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Show")))
        filters.addWidget(self.filter)
        filters.addWidget(self.search, 1)

        self.table = row_table(8, "returnsTable", [
            self.tr("Deadline"), self.tr("State"), self.tr("Order"), self.tr("Product"),
            self.tr("EAN"), self.tr("Qty"), self.tr("Reason"), self.tr("Track & trace")],
            stretch=[3])

        self.detail = QLabel()
        self.detail.setObjectName("returnDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form = HandlingForm()
        self.send_button = QPushButton(
            icon("check"),
            self.tr("Handle at bol.com ({key})").format(key="Ctrl+Enter"))
        self.send_button.setObjectName("handleReturn")
        self.send_button.setProperty("role", "primary")
        self.feedback = QLabel()
        self.feedback.setObjectName("returnFeedback")
        self.feedback.setWordWrap(True)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 0, 0, 0)
        side_layout.addWidget(self.detail)
        side_layout.addWidget(self.form)
        side_layout.addWidget(self.send_button)
        side_layout.addWidget(self.feedback)
        side_layout.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setSizes([820, 420])

        layout = self.page_layout()
        layout.addLayout(top)
        layout.addWidget(self.scan)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)

        self.scan.returnPressed.connect(self.scan_entered)
        self.filter.currentIndexChanged.connect(self.refresh)
        self.search.textChanged.connect(self.refresh)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.send_button.clicked.connect(self.send)
        self.form.submitted.connect(self.send)
        self.register_button.clicked.connect(self.register_unannounced)
        self.export_button.clicked.connect(self.export_csv)
        for key in (SEND_SHORTCUT, "Ctrl+Enter"):
            QShortcut(QKeySequence(key), self, self.send)
        QShortcut(QKeySequence("Ctrl+F"), self, self.search.setFocus)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self._back_to_scan)
        self._show_item(None)

    # --- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        states = FILTERS[self.filter.currentData() or "to_handle"]
        search = self.search.text()
        self._generation += 1
        generation, database = self._generation, self.context.database
        self.tasks.run(
            lambda: return_use_cases.returns_and_locations(database, states=states,
                                                           search=search),
            lambda result: self._loaded(generation, *result), self._failed)

    def _loaded(self, generation: int, rows: list[ReturnItemRow], locations: list[str]) -> None:
        if generation != self._generation:
            return  # a newer refresh is on its way
        keep = self.current.line_id if self.current else None
        self.rows = rows
        self.form.set_locations(locations)
        self._fill_table()
        close = sum(1 for r in rows if r.can_handle and rules.deadline_is_close(r.deadline,
                                                                                utcnow()))
        self.count_label.setText(self.tr("{count} shown, {close} due soon").format(
            count=len(rows), close=close))
        if keep is None or not self.select(keep):
            self._show_item(None)

    def _fill_table(self) -> None:
        now = utcnow()
        urgent = theme_colour("scan-error", self)
        self.table.blockSignals(True)
        self.table.clearSelection()
        self.table.setRowCount(len(self.rows))
        for number, row in enumerate(self.rows):
            reason = " / ".join(part for part in (row.main_reason, row.detailed_reason) if part)
            values = [format_local(row.deadline, "%d-%m %H:%M"), state_label(row.state),
                      row.bol_order_id, row.title, row.ean, str(row.expected_quantity), reason,
                      row.track_and_trace]
            late = row.can_handle and rules.deadline_is_close(row.deadline, now)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(ROW_ROLE, row.line_id)
                if column == 0 and late:
                    item.setForeground(urgent)
                    item.setToolTip(self.tr("Handle this return soon: bol.com's deadline is "
                                            "close or past"))
                self.table.setItem(number, column, item)
        self.table.blockSignals(False)

    def _failed(self, error: Exception) -> None:
        if isinstance(error, ReturnRuleError):
            self._feedback(refusal_text(error), "scan-error")
        else:
            self._feedback(self.tr("The desk could not do this: {error}").format(error=error),
                           "scan-error")

    # --- selecting and scanning -------------------------------------------------------------

    def select(self, line_id: int) -> bool:
        for number, row in enumerate(self.rows):
            if row.line_id == line_id:
                self.table.selectRow(number)
                self._show_item(row)
                return True
        return False

    def _selection_changed(self) -> None:
        selected = self.table.selectionModel().selectedRows()
        row = self.rows[selected[0].row()] if selected and selected[0].row() < len(
            self.rows) else None
        self._show_item(row)

    def scan_entered(self) -> None:
        code = self.scan.text()
        self.scan.clear()
        database = self.context.database
        self.tasks.run(lambda: return_use_cases.find_by_scan(database, code),
                       self._scanned, self._failed)

    def _scanned(self, found: list[ReturnItemRow]) -> None:
        first = found[0]
        if not self.select(first.line_id):  # not in the current filter: show it anyway
            self.filter.blockSignals(True)
            self.filter.setCurrentIndex(self.filter.findData("all"))
            self.filter.blockSignals(False)
            self.rows = found + [r for r in self.rows if r.line_id not in {
                f.line_id for f in found}]
            self._fill_table()
            self.select(first.line_id)
        if first.can_handle:
            more = len([r for r in found if r.can_handle]) - 1
            text = self.tr("Return of order {order} opened: choose the handling.").format(
                order=first.bol_order_id)
            if more > 0:
                text += " " + self.tr("{count} more item(s) of this scan to handle.").format(
                    count=more)
            self._feedback(text, "scan-ok")
            self.form.result.setFocus()
        else:
            self._feedback(self.tr("This return was already handled: {result}.").format(
                result=handling_result_label(first.handling_result)), "scan-warning")
            self.scan.setFocus()

    def _show_item(self, row: ReturnItemRow | None) -> None:
        self.current = row
        editable = row is not None and row.can_handle
        self.form.setEnabled(editable)
        self.send_button.setEnabled(editable)
        if row is None:
            self.detail.setText(self.tr("Scan a return parcel or choose a return in the list."))
            return
        lines = [
            f"{row.title or row.ean}",
            self.tr("Order {order} · RMA {rma} · EAN {ean}").format(
                order=row.bol_order_id, rma=row.rma_id or "-", ean=row.ean),
            self.tr("Registered {registered}, handle by {deadline}").format(
                registered=format_local(row.registered_at),
                deadline=format_local(row.deadline)),
            self.tr("Reason: {reason}").format(reason=" / ".join(
                part for part in (row.main_reason, row.detailed_reason) if part) or "-"),
        ]
        if row.customer_comments:
            lines.append(self.tr("Customer: “{comments}”").format(comments=row.customer_comments))
        if row.track_and_trace:
            lines.append(self.tr("Return parcel: {transporter} {code}").format(
                transporter=row.transporter_name, code=row.track_and_trace).replace("  ", " "))
        if not row.order_known:
            lines.append(self.tr("The desk never imported this order."))
        lines.append(self.tr("Returned: {count}  ·  {state}").format(
            count=row.expected_quantity, state=state_label(row.state)))
        if row.state in (ReturnLineState.QUEUED, ReturnLineState.HANDLED):
            where = disposition_label(row.disposition)
            if row.location_code:
                where += f" {row.location_code}"
            if row.write_off_reason:
                where += f" ({row.write_off_reason})"
            lines.append(self.tr("{result}, {quantity} unit(s): {where}; by {who}").format(
                result=handling_result_label(row.handling_result),
                quantity=row.quantity_returned, where=where, who=row.handled_by or "-"))
        if row.bol_message:
            lines.append(self.tr("bol.com refused: {message}").format(message=row.bol_message))
        self.detail.setText("\n".join(lines))
        if editable:
            results = rules.HANDLING_RESULTS if row.rma_id else rules.CREATE_HANDLING_RESULTS
            self.form.prepare(row.expected_quantity, row.product_location, results=results)

    # --- handling ---------------------------------------------------------------------------

    def send(self) -> None:
        row = self.current
        if row is None or not row.can_handle:
            return
        handling = self.form.handling()
        user, manager = self.context.user_name, is_manager(self.context)

        database, line_id = self.context.database, row.line_id
        self.send_button.setEnabled(False)
        self.tasks.run(lambda: return_use_cases.request_handling(
            database, line_id, handling, user_name=user, is_manager=manager),
            self._queued, self._send_refused)

    def _queued(self, row: ReturnItemRow) -> None:
        self._feedback(self.tr("{result} for order {order} goes to bol.com; stock follows "
                               "when bol.com confirms.").format(
                                   result=handling_result_label(row.handling_result),
                                   order=row.bol_order_id), "scan-ok")
        if self.context.sync is not None:
            self.context.sync.request_sync()
        self.current = None
        self.refresh()
        self._back_to_scan()

    def _send_refused(self, error: Exception) -> None:
        self.send_button.setEnabled(self.current is not None and self.current.can_handle)
        self._failed(error)

    def register_unannounced(self) -> None:
        dialog = RegisterReturnDialog(self.context, self.tasks,
                                      self.form._locations.stringList(), self)
        if dialog.exec():
            self._feedback(self.tr("The return was registered; it goes to bol.com."),
                           "scan-ok")
            if self.context.sync is not None:
                self.context.sync.request_sync()
            self.refresh()
        self._back_to_scan()

    def export_csv(self) -> None:
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export returns"), str(Path.home() / "returns.csv"),
            self.tr("CSV files (*.csv)"))
        if target:
            self.write_csv(Path(target))

    def write_csv(self, target: Path) -> None:
        database = self.context.database

        def work() -> int:
            text = return_use_cases.returns_csv(database)
            target.write_text(text, encoding="utf-8-sig")  # a BOM: spreadsheets read UTF-8
            return text.count("\n") - 1

        self.tasks.run(work, lambda count: self._feedback(
            self.tr("{count} row(s) written to {file}").format(count=count, file=target.name),
            "scan-ok"), self._export_failed)

    def _export_failed(self, error: Exception) -> None:
        self._feedback(self.tr("The file could not be written: {error}").format(
            error=getattr(error, "strerror", None) or error), "scan-error")

    # --- small helpers ----------------------------------------------------------------------

    def _feedback(self, text: str, role: str) -> None:
        self.feedback.setText(text)
        set_role(self.feedback, role)

    def _back_to_scan(self) -> None:
        self.scan.setFocus()
        self.scan.selectAll()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._back_to_scan()
