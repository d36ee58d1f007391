"""How one returned item is handled: bol.com's result, the quantity, and where the units go.

``HandlingForm`` is keyboard-only (Tab moves on, the first letter picks in a list); the
Returns section and the dialog for a return bol.com never announced both use it.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from haydigo_desk.context import DeskContext
from haydigo_desk.domain import returns as rules
from haydigo_desk.domain.returns import Disposition, Handling, ReturnRuleError
from haydigo_desk.services import return_use_cases
from haydigo_desk.services.return_queries import ReturnableLine
from haydigo_desk.ui.db_tasks import DbTasks
from haydigo_desk.ui.permissions import is_manager
from haydigo_desk.ui.repolish import set_role
from haydigo_desk.ui.returns_texts import (
    disposition_label,
    handling_result_label,
    refusal_text,
)


class HandlingForm(QWidget):
    submitted = Signal()  # Ctrl+Enter or Enter in the last field

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result = QComboBox()
        self.result.setObjectName("handlingResult")
        self.quantity = QSpinBox()
        self.quantity.setObjectName("handlingQuantity")
        self.quantity.setRange(1, 1)
        self.disposition = QComboBox()
        self.disposition.setObjectName("handlingDisposition")
        for value in (Disposition.RESTOCK, Disposition.WRITE_OFF, Disposition.NONE):
            self.disposition.addItem(disposition_label(value), value.value)
        self.location = QLineEdit()
        self.location.setObjectName("handlingLocation")
        self.location.setPlaceholderText(self.tr("Location, e.g. A-03-2"))
        self._locations = QStringListModel(self)
        completer = QCompleter(self._locations, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.location.setCompleter(completer)
        self.reason = QLineEdit()
        self.reason.setObjectName("handlingWriteOffReason")
        self.reason.setPlaceholderText(self.tr("Why it cannot be sold again"))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("bol.com handling"), self.result)
        form.addRow(self.tr("Quantity returned"), self.quantity)
        form.addRow(self.tr("The units"), self.disposition)
        form.addRow(self.tr("Location"), self.location)
        form.addRow(self.tr("Write-off reason"), self.reason)
        self.disposition.currentIndexChanged.connect(self._disposition_changed)
        self.result.currentIndexChanged.connect(self._result_changed)
        self.location.returnPressed.connect(self.submitted)
        self.reason.returnPressed.connect(self.submitted)
        self.set_results(rules.HANDLING_RESULTS)
        self._disposition_changed()

    def set_results(self, results: tuple[str, ...]) -> None:
        self.result.clear()
        for value in results:
            self.result.addItem(handling_result_label(value), value)

    def set_locations(self, codes: list[str]) -> None:
        self._locations.setStringList(codes)

    def prepare(self, expected: int, location: str, *, results: tuple[str, ...]) -> None:
        """Ready for a new item: all returned units back to stock at the product's location."""
        self.set_results(results)
        self.quantity.setRange(1, max(expected, 1))
        self.quantity.setValue(max(expected, 1))
        self.disposition.setCurrentIndex(0)
        self.location.setText(location)
        self.reason.clear()

    def handling(self) -> Handling:
        return Handling(self.result.currentData() or "", self.quantity.value(),
                        Disposition(self.disposition.currentData()),
                        location_code=self.location.text(), write_off_reason=self.reason.text())

    def _result_changed(self) -> None:
        if self.result.currentData() in rules.NOTHING_ARRIVES:
            self.disposition.setCurrentIndex(self.disposition.findData(Disposition.NONE.value))

    def _disposition_changed(self) -> None:
        value = self.disposition.currentData()
        self.location.setEnabled(value == Disposition.RESTOCK)
        self.reason.setEnabled(value == Disposition.WRITE_OFF)


class RegisterReturnDialog(QDialog):
    """A parcel came back that bol.com never announced: find the order, pick the line, handle.

    Enter in the order field looks the order up; the line list and the form follow by Tab.
    """

    def __init__(self, context: DeskContext, tasks: DbTasks, locations: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registerReturnDialog")
        self.setWindowTitle(self.tr("Return bol.com never announced"))
        self.context = context
        self.tasks = tasks
        self.lines: list[ReturnableLine] = []
        self.order = QLineEdit()
        self.order.setObjectName("registerOrder")
        self.order.setPlaceholderText(self.tr("Scan or type the order id, then Enter"))
        self.find_button = QPushButton(self.tr("Find order"))
        self.list = QListWidget()
        self.list.setObjectName("registerLines")
        self.form = HandlingForm()
        self.form.set_locations(locations)
        self.form.set_results(rules.CREATE_HANDLING_RESULTS)
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.feedback.setObjectName("registerFeedback")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.register_button = self.buttons.addButton(
            self.tr("Register at bol.com"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.register_button.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(self.order, 1)
        top.addWidget(self.find_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.list)
        layout.addWidget(self.form)
        layout.addWidget(self.feedback)
        layout.addWidget(self.buttons)
        self.order.returnPressed.connect(self.find)
        self.find_button.clicked.connect(self.find)
        self.list.currentRowChanged.connect(self._line_chosen)
        self.buttons.rejected.connect(self.reject)
        self.register_button.clicked.connect(self.register)
        self.form.submitted.connect(self.register)
        self.resize(620, 520)

    def _show(self, text: str, role: str) -> None:
        self.feedback.setText(text)
        set_role(self.feedback, role)

    def find(self) -> None:
        code = self.order.text().strip()
        if not code:
            return
        database = self.context.database
        self.tasks.run(lambda: return_use_cases.returnable_lines(database, code),
                       self._found, self._refused)

    def _found(self, lines: list[ReturnableLine]) -> None:
        self.lines = lines
        self.list.clear()
        for line in lines:
            text = self.tr("{title}  EAN {ean}  ({count} returnable)").format(
                title=line.title or line.ean, ean=line.ean, count=line.returnable)
            QListWidgetItem(text, self.list)
        self.list.setCurrentRow(0)
        self.register_button.setEnabled(True)
        self._show(self.tr("Order {order}: choose the line and how it is handled.").format(
            order=lines[0].bol_order_id), "muted")
        self.list.setFocus()

    def _line_chosen(self, row: int) -> None:
        if 0 <= row < len(self.lines):
            line = self.lines[row]
            self.form.prepare(line.returnable, line.product_location,
                              results=rules.CREATE_HANDLING_RESULTS)

    def register(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.lines):
            return
        line, handling = self.lines[row], self.form.handling()
        user, manager = self.context.user_name, is_manager(self.context)
        database = self.context.database
        self.register_button.setEnabled(False)
        self.tasks.run(lambda: return_use_cases.register_unannounced(
            database, line.bol_order_id, line.order_line_id, handling, user_name=user,
            is_manager=manager), lambda _none: self.accept(), self._refused)

    def _refused(self, error: Exception) -> None:
        self.register_button.setEnabled(bool(self.lines))
        if isinstance(error, ReturnRuleError):
            self._show(refusal_text(error), "scan-error")
        else:
            self._show(self.tr("The desk could not do this: {error}").format(error=error),
                       "scan-error")
