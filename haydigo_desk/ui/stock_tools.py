"""Stock tool dialogs: goods receipt by scanning, other-channel sale/return, stock count import.

Each change runs through services.stock_tools in its own unit of work, which logs the stock
movement and queues the bol.com stock push.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from haydigo_desk.context import DeskContext
from haydigo_desk.services import stock_tools
from haydigo_desk.services.stock_count import CountProblem, CountProblemKind
from haydigo_desk.services.stock_tools import (
    ChannelMovement,
    StockCountPreview,
    StockToolError,
    StockToolResult,
)

CHANNELS = ("webshop", "shop", "market", "Amazon")


def _feedback_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setContentsMargins(10, 6, 10, 6)
    label.setMinimumHeight(40)
    return label


def _show(label: QLabel, text: str, role: str) -> None:
    label.setText(text)
    label.setProperty("role", role)
    label.style().unpolish(label)
    label.style().polish(label)


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def _cell(value: object, numeric: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(str(value))
    if numeric:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class GoodsReceiptDialog(QDialog):
    """Scan what arrives: each scan adds the quantity (1 unless typed), the field keeps focus."""

    def __init__(
        self, context: DeskContext, product_list_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.product_list_id = product_list_id
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
        self.feedback = _feedback_label()
        self.table = _table(
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
        try:
            with self.context.database.unit_of_work() as uow:
                result = stock_tools.receive(
                    uow.session, self.product_list_id, code, quantity, self.context.user_name
                )
                uow.commit()
        except StockToolError as exc:
            _show(self.feedback, str(exc), "scan-error")
            return
        self.quantity.setValue(1)  # a typed quantity is for one scan only
        _, total = self.received.get(result.product_id, (result, 0))
        self.received[result.product_id] = (result, total + quantity)
        _show(
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
                self.table.setItem(number, column, _cell(value, numeric))
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

    def __init__(
        self, context: DeskContext, product_list_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.product_list_id = product_list_id
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
        self.feedback = _feedback_label()
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
        try:
            with self.context.database.unit_of_work() as uow:
                result = stock_tools.record_channel_movement(
                    uow.session,
                    self.product_list_id,
                    channel=self.channel.currentText(),
                    code=self.code.text(),
                    quantity=self.quantity.value(),
                    movement=movement,
                    user_name=self.context.user_name,
                )
                uow.commit()
        except StockToolError as exc:
            _show(self.feedback, str(exc), "scan-error")
            return
        self.last_result = result
        text = (
            self.tr("Sold {quantity} × {title} via {channel}; on hand now {on_hand}")
            if movement is ChannelMovement.SALE
            else self.tr("Returned {quantity} × {title} via {channel}; on hand now {on_hand}")
        )
        _show(
            self.feedback,
            text.format(
                quantity=abs(result.delta),
                title=result.title,
                channel=self.channel.currentText(),
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


class StockCountDialog(QDialog):
    """Preview a stock count CSV (matches and problems) before anything changes; then apply."""

    def __init__(
        self, context: DeskContext, product_list_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.product_list_id = product_list_id
        self.preview: StockCountPreview | None = None
        self.result: stock_tools.StockCountResult | None = None
        self.setWindowTitle(self.tr("Import stock count"))
        self.resize(960, 680)

        self.choose_button = QPushButton(self.tr("Choose CSV file…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.file_label = QLabel(
            self.tr("A header with EAN or SKU and quantity (aantal); separated by ; or ,")
        )
        self.file_label.setProperty("role", "muted")
        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.file_label, 1)

        self.summary = _feedback_label()
        self.matches = _table(
            [
                self.tr("Line"),
                self.tr("EAN"),
                self.tr("SKU"),
                self.tr("Title"),
                self.tr("Now"),
                self.tr("Counted"),
                self.tr("Difference"),
            ]
        )
        self.matches.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.problems_label = QLabel(self.tr("Problems: these lines will not be applied"))
        self.problems = _table([self.tr("Line"), self.tr("Code"), self.tr("Problem")])
        self.problems.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.problems.setMaximumHeight(200)

        form = QFormLayout()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Required, e.g. stock count week 48"))
        self.reason.setMaxLength(200)
        form.addRow(self.tr("Reason"), self.reason)
        self.only_valid = QCheckBox()
        self.apply_button = QPushButton(self.tr("Apply count"))
        self.apply_button.setProperty("role", "primary")
        self.apply_button.clicked.connect(self.apply)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.matches, 2)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.problems, 1)
        layout.addLayout(form)
        layout.addWidget(self.only_valid)
        layout.addWidget(buttons)
        self.reason.textChanged.connect(self._update_apply)
        self.only_valid.toggled.connect(self._update_apply)
        self._show_preview()

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Stock count file"), "", self.tr("CSV files (*.csv *.txt)")
        )
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> None:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            _show(
                self.summary,
                self.tr("Cannot read {file}: {error}").format(
                    file=path.name, error=exc.strerror or exc
                ),
                "scan-error",
            )
            return
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:  # spreadsheets on Windows still save as cp1252
            text = raw.decode("cp1252", errors="replace")
        self.file_label.setText(path.name)
        self.load_text(text)

    def load_text(self, text: str) -> None:
        """Preview ``text``: nothing in the database changes here."""
        self.preview = None
        try:
            with self.context.database.unit_of_work() as uow:
                self.preview = stock_tools.preview_stock_count(
                    uow.session, self.product_list_id, text
                )
        except stock_tools.StockCountFormatError as exc:
            _show(self.summary, str(exc), "scan-error")
        self._show_preview()

    def _show_preview(self) -> None:
        preview = self.preview
        matches = preview.matches if preview else ()
        problems = preview.problems if preview else ()
        self.matches.setRowCount(len(matches))
        for number, match in enumerate(matches):
            difference = f"{match.difference:+d}" if match.difference else "0"
            values = [
                (match.line_no, True),
                (match.ean, False),
                (match.sku, False),
                (match.title, False),
                (match.current_on_hand, True),
                (match.counted, True),
                (difference, True),
            ]
            for column, (value, numeric) in enumerate(values):
                self.matches.setItem(number, column, _cell(value, numeric))
        self.problems.setRowCount(len(problems))
        for number, problem in enumerate(problems):
            self.problems.setItem(number, 0, _cell(problem.line_no, True))
            self.problems.setItem(number, 1, _cell(problem.code))
            self.problems.setItem(number, 2, _cell(problem_text(problem)))
        self.problems_label.setVisible(bool(problems))
        self.problems.setVisible(bool(problems))
        self.only_valid.setVisible(bool(problems))
        self.only_valid.setChecked(False)
        self.only_valid.setText(
            self.tr("Apply only the valid lines and skip the {count} problem line(s)").format(
                count=len(problems)
            )
        )
        if preview is not None:
            changes = len(preview.changes)
            text = self.tr(
                "{lines} line(s) read: {changes} product(s) change, {same} unchanged, "
                "{problems} problem(s)."
            ).format(
                lines=preview.line_count,
                changes=changes,
                same=len(matches) - changes,
                problems=len(problems),
            )
            _show(self.summary, text, "scan-warning" if problems else "scan-ok")
        self._update_apply()

    def _update_apply(self) -> None:
        preview = self.preview
        ready = (
            preview is not None
            and bool(preview.changes)
            and bool(self.reason.text().strip())
            and (not preview.has_errors or self.only_valid.isChecked())
        )
        self.apply_button.setEnabled(ready)

    def apply(self) -> None:
        if self.preview is None:
            return
        try:
            with self.context.database.unit_of_work() as uow:
                self.result = stock_tools.apply_stock_count(
                    uow.session,
                    self.preview,
                    self.reason.text(),
                    self.context.user_name,
                    only_valid_rows=self.only_valid.isChecked(),
                )
                uow.commit()
        except stock_tools.StockCountError as exc:
            _show(self.summary, str(exc), "scan-error")
            return
        self.accept()
