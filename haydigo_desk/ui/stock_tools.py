"""Stock tool dialogs: goods receipt by scanning, other-channel sale/return, stock count import.

Each change is a use case of services.stock_use_cases run on a ``DbTasks`` thread (never on
the GUI thread); it logs the stock movement, queues the bol.com stock push and commits.
Goods-receipt scans go through the ordered lane, so they are written, and answered, in the
order they were made.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from haydigo_desk.context import DeskContext
from haydigo_desk.services import stock_tools, stock_use_cases
from haydigo_desk.services.stock_count import CountProblem, CountProblemKind
from haydigo_desk.services.stock_tools import (
    ChannelMovement,
    StockCountPreview,
    StockToolError,
    StockToolResult,
)
from haydigo_desk.ui.csv_import_dialog import CsvImportDialog
from haydigo_desk.ui.db_feedback import database_problem_text
from haydigo_desk.ui.db_tasks import DbTasks
from haydigo_desk.ui.preview_tables import cell, feedback_label, result_table, show_feedback

CHANNELS = ("webshop", "shop", "market", "Amazon")


def _refusal_text(error: Exception) -> str:
    return str(error) if isinstance(error, StockToolError) else database_problem_text(error)


class GoodsReceiptDialog(QDialog):
    """Scan what arrives: each scan adds the quantity (1 unless typed), the field keeps focus."""

    def __init__(self, context: DeskContext, product_list_id: int,
                 parent: QWidget | None = None, tasks: DbTasks | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.product_list_id = product_list_id
        self.tasks = tasks if tasks is not None else DbTasks(self)
        self.received: dict[int, tuple[StockToolResult, int]] = {}  # product id -> last, total
        self.setWindowTitle(self.tr("Goods receipt"))
        self.resize(820, 600)

        hint = QLabel(
            self.tr(
                "Scan each item, or type a quantity first and then scan. "
                "Every scan is saved at once."
            )
        )
        hint.setProperty("role", "muted")
        hint.setWordWrap(True)
        self.scan = QLineEdit()
        self.scan.setProperty("role", "scan")
        self.scan.setPlaceholderText(self.tr("Scan EAN or type SKU"))
        self.quantity = QSpinBox()
        self.quantity.setRange(1, stock_tools.MAX_QUANTITY)
        self.quantity.setPrefix("× ")
        self.quantity.setMinimumWidth(110)
        self.quantity.setToolTip(self.tr("Quantity of the next scan (Alt+Q)"))
        row = QHBoxLayout()
        row.addWidget(self.scan, 1)
        row.addWidget(self.quantity)
        self.feedback = feedback_label()
        self.table = result_table(
            [
                self.tr("EAN"),
                self.tr("SKU"),
                self.tr("Title"),
                self.tr("Received"),
                self.tr("On hand now"),
            ]
        )
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.total_label = QLabel()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        # Enter in the scan field must not press the Close button.
        for button in close.buttons():
            button.setAutoDefault(False)

        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(row)
        layout.addWidget(self.feedback)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total_label)
        layout.addWidget(close)
        self.scan.returnPressed.connect(self.submit_scan)
        self.quantity.editingFinished.connect(self.scan.setFocus)
        QShortcut(QKeySequence("Alt+Q"), self, self._focus_quantity)
        self._update_total()
        self.scan.setFocus()

    def _focus_quantity(self) -> None:
        self.quantity.setFocus()
        self.quantity.selectAll()

    def submit_scan(self) -> None:
        code = self.scan.text().strip()
        self.scan.clear()
        self.scan.setFocus()
        if not code:
            return
        quantity = self.quantity.value()
        self.quantity.setValue(1)  # a typed quantity is for one scan only
        list_id, user = self.product_list_id, self.context.user_name
        database = self.context.database
        # The ordered lane: each scan is written after the one before it.
        self.tasks.run_ordered(
            lambda: stock_use_cases.receive(database, list_id, code, quantity, user),
            lambda result: self._received(result, quantity),
            lambda error: show_feedback(self.feedback, _refusal_text(error), "scan-error"))

    def _received(self, result: StockToolResult, quantity: int) -> None:
        _, total = self.received.get(result.product_id, (result, 0))
        self.received[result.product_id] = (result, total + quantity)
        show_feedback(
            self.feedback,
            self.tr("+{quantity}  {title}  (on hand {on_hand})").format(
                quantity=quantity, title=result.title, on_hand=result.on_hand
            ),
            "scan-ok",
        )
        self._show_received(result.product_id)

    def _show_received(self, latest_id: int) -> None:
        # Newest product on top, so the person at the desk sees what they just scanned.
        order = [latest_id] + [pid for pid in self.received if pid != latest_id]
        self.received = {pid: self.received[pid] for pid in order}
        self.table.setRowCount(len(order))
        for number, pid in enumerate(order):
            result, total = self.received[pid]
            values = [
                (result.ean, False),
                (result.sku, False),
                (result.title, False),
                (total, True),
                (result.on_hand, True),
            ]
            for column, (value, numeric) in enumerate(values):
                self.table.setItem(number, column, cell(value, numeric))
        self._update_total()

    def total_units(self) -> int:
        return sum(total for _, total in self.received.values())

    def _update_total(self) -> None:
        self.total_label.setText(
            self.tr("{units} unit(s) of {products} product(s) received").format(
                units=self.total_units(), products=len(self.received)
            )
        )


class ChannelMovementDialog(QDialog):
    """A sale or a return on another channel (webshop, shop, market) lowers or raises stock."""

    def __init__(self, context: DeskContext, product_list_id: int,
                 parent: QWidget | None = None, tasks: DbTasks | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.product_list_id = product_list_id
        self.tasks = tasks if tasks is not None else DbTasks(self)
        self.last_result: StockToolResult | None = None
        self.setWindowTitle(self.tr("Sale or return from another channel"))
        self.setMinimumWidth(520)

        form = QFormLayout()
        self.sale = QRadioButton(self.tr("Sale (stock goes down)"))
        self.returned = QRadioButton(self.tr("Return (stock goes up)"))
        self.sale.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.sale)
        group.addButton(self.returned)
        kinds = QHBoxLayout()
        kinds.addWidget(self.sale)
        kinds.addWidget(self.returned)
        kinds.addStretch(1)
        form.addRow(self.tr("What happened"), kinds)
        self.channel = QComboBox()
        self.channel.setEditable(True)
        self.channel.addItems(CHANNELS)
        self.channel.lineEdit().setMaxLength(stock_tools.CHANNEL_MAX)
        form.addRow(self.tr("Channel"), self.channel)
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("Scan EAN or type SKU"))
        form.addRow(self.tr("Product"), self.code)
        self.quantity = QSpinBox()
        self.quantity.setRange(1, stock_tools.MAX_QUANTITY)
        form.addRow(self.tr("Quantity"), self.quantity)
        self.feedback = feedback_label()
        self.save_button = QPushButton(self.tr("Record"))
        self.save_button.setProperty("role", "primary")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.record)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.feedback)
        layout.addWidget(buttons)
        self.code.returnPressed.connect(self.record)
        self.code.setFocus()

    def record(self) -> None:
        movement = ChannelMovement.SALE if self.sale.isChecked() else ChannelMovement.RETURN
        list_id, user = self.product_list_id, self.context.user_name
        channel, code, quantity = (self.channel.currentText(), self.code.text(),
                                   self.quantity.value())
        self.save_button.setEnabled(False)  # one movement at a time: no double click
        database = self.context.database
        self.tasks.run(lambda: stock_use_cases.record_channel_movement(
            database, list_id, channel=channel, code=code, quantity=quantity,
            movement=movement, user_name=user),
            lambda result: self._recorded(result, movement, channel), self._refused)

    def _refused(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        show_feedback(self.feedback, _refusal_text(error), "scan-error")

    def _recorded(self, result: StockToolResult, movement: ChannelMovement,
                  channel: str) -> None:
        self.save_button.setEnabled(True)
        self.last_result = result
        text = (
            self.tr("Sold {quantity} × {title} via {channel}; on hand now {on_hand}")
            if movement is ChannelMovement.SALE
            else self.tr("Returned {quantity} × {title} via {channel}; on hand now {on_hand}")
        )
        show_feedback(
            self.feedback,
            text.format(
                quantity=abs(result.delta),
                title=result.title,
                channel=channel,
                on_hand=result.on_hand,
            ),
            "scan-ok",
        )
        # Ready for the next one: same channel and kind, new product.
        self.code.clear()
        self.quantity.setValue(1)
        self.code.setFocus()


def problem_text(problem: CountProblem) -> str:
    texts = {
        CountProblemKind.MISSING_CODE: QCoreApplication.translate(
            "StockCount", "No EAN or SKU on this line"
        ),
        CountProblemKind.INVALID_EAN: QCoreApplication.translate(
            "StockCount", "Not a valid EAN (wrong check digit or length)"
        ),
        CountProblemKind.UNKNOWN_CODE: QCoreApplication.translate(
            "StockCount", "Unknown: no product with this code"
        ),
        CountProblemKind.BAD_QUANTITY: QCoreApplication.translate(
            "StockCount", "Quantity “{value}” is not a whole number from 0 up"
        ),
        CountProblemKind.DUPLICATE: QCoreApplication.translate(
            "StockCount", "Counted more than once (also on line {value}); count it once"
        ),
    }
    return texts[problem.kind].format(value=problem.value)


class StockCountDialog(CsvImportDialog):
    """Preview a stock count CSV (matches and problems) before anything changes; then apply."""

    def __init__(self, context: DeskContext, product_list_id: int,
                 parent: QWidget | None = None, tasks: DbTasks | None = None) -> None:
        super().__init__(
            context, product_list_id, parent, tasks,
            file_hint=QCoreApplication.translate(
                "StockCountDialog",
                "A header with EAN or SKU and quantity (aantal); separated by ; or ,"),
            apply_text=QCoreApplication.translate("StockCountDialog", "Apply count"),
            stretch_column=3)
        self.setWindowTitle(self.tr("Import stock count"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Required, e.g. stock count week 48"))
        self.reason.setMaxLength(200)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.reason.textChanged.connect(self.update_apply)
        self.update_apply()

    def match_headers(self) -> list[str]:
        return [self.tr("Line"), self.tr("EAN"), self.tr("SKU"), self.tr("Title"),
                self.tr("Now"), self.tr("Counted"), self.tr("Difference")]

    def match_values(self, match) -> list[tuple[object, bool]]:
        difference = f"{match.difference:+d}" if match.difference else "0"
        return [(match.line_no, True), (match.ean, False), (match.sku, False),
                (match.title, False), (match.current_on_hand, True), (match.counted, True),
                (difference, True)]

    def problem_text(self, problem: CountProblem) -> str:
        return problem_text(problem)

    def format_error_text(self, error: Exception) -> str | None:
        return str(error) if isinstance(error, stock_tools.StockCountFormatError) else None

    def apply_error_text(self, error: Exception) -> str | None:
        return str(error) if isinstance(error, stock_tools.StockCountError) else None

    def preview_csv(self, text: str) -> StockCountPreview:
        return stock_use_cases.preview_stock_count(self.context.database, self.product_list_id,
                                                   text)

    def apply_preview(self, preview, only_valid: bool, progress):
        return stock_use_cases.apply_stock_count(self.context.database, preview, self._reason,
                                                 self._user, only_valid_rows=only_valid)

    def apply(self) -> None:
        # Read on the GUI thread; the job only gets plain values.
        self._reason, self._user = self.reason.text(), self.context.user_name
        super().apply()

    def can_apply(self) -> bool:
        reason = getattr(self, "reason", None)  # the base asks before __init__ made it
        return reason is not None and bool(reason.text().strip())

    def summary_text(self, preview: StockCountPreview) -> str:
        changes = len(preview.changes)
        return self.tr(
            "{lines} line(s) read: {changes} product(s) change, {same} unchanged, "
            "{problems} problem(s)."
        ).format(lines=preview.line_count, changes=changes,
                 same=len(preview.matches) - changes, problems=len(preview.problems))
