"""Dialogs of the Products section for one product: location, stock correction, weight and size.

Each saves through ``DbTasks`` (off the GUI thread): Save is disabled while the job runs, and
a refusal or a database problem shows in the dialog, which stays open with what was typed.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from haydigo_desk.context import DeskContext
from haydigo_desk.domain.dimensions import (
    MAXIMUM,
    Dimensions,
    Measure,
    MeasureError,
    MeasureProblem,
    format_measure,
    parse_measure,
)
from haydigo_desk.services import (
    product_queries,
    product_use_cases,
    stock_tools,
    stock_use_cases,
)
from haydigo_desk.services.product_queries import ProductQueryError, ProductRow
from haydigo_desk.services.staff import NotAllowedError
from haydigo_desk.ui.db_feedback import database_problem_text
from haydigo_desk.ui.db_tasks import DbTasks
from haydigo_desk.ui.field_error import FieldWithError

# Refusals a person can act on; their text is shown as it is. Anything else is a database
# problem (database_problem_text).
_REFUSALS = (ProductQueryError, stock_tools.StockToolError, NotAllowedError)


def _error_label() -> QLabel:
    label = QLabel()
    label.setProperty("role", "scan-error")
    label.setWordWrap(True)
    label.setContentsMargins(8, 4, 8, 4)
    label.hide()
    return label


def _heading(product: ProductRow) -> QLabel:
    codes = escape(f"{product.ean}  ·  {product.sku}")
    label = QLabel(f"<b>{escape(product.title)}</b><br>{codes}")
    label.setWordWrap(True)
    return label


class _ProductDialog(QDialog):
    """Saves one product's change off the GUI thread; ``result_row`` is the product after it."""

    def __init__(self, context: DeskContext, product: ProductRow, parent: QWidget | None,
                 tasks: DbTasks | None) -> None:
        super().__init__(parent)
        self.context = context
        self.product = product
        self.result_row: ProductRow | None = None
        self.tasks = tasks if tasks is not None else DbTasks(self)
        self.database = context.database
        self.error = _error_label()
        self.save_button = None  # set by the subclass: disabled while a save runs

    def _add_save_buttons(self, layout: QVBoxLayout) -> None:
        """The error line and Save / Cancel under the form; Save calls the dialog's ``save``."""
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def save(self) -> None:
        raise NotImplementedError

    def _submit(self, save: Callable[[], ProductRow]) -> None:
        """Run ``save()``, a use case that commits and returns the product as it is now;
        accept when it comes back."""
        self.error.hide()
        if self.save_button is not None:
            self.save_button.setEnabled(False)
        self.tasks.run(save, self._saved, self._refused)

    @property
    def saving(self) -> bool:
        return self.tasks.busy

    def _saved(self, row: ProductRow) -> None:
        self.result_row = row
        self.accept()

    def _refused(self, error: Exception) -> None:
        text = str(error) if isinstance(error, _REFUSALS) else database_problem_text(error)
        self.error.setText(text)
        self.error.show()
        if self.save_button is not None:
            self.save_button.setEnabled(True)


class LocationDialog(_ProductDialog):
    """Type or scan a location code; a new code creates the location."""

    def __init__(self, context: DeskContext, product: ProductRow,
                 parent: QWidget | None = None, tasks: DbTasks | None = None) -> None:
        super().__init__(context, product, parent, tasks)
        self.setWindowTitle(self.tr("Location"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        layout.addWidget(_heading(product))
        form = QFormLayout()
        self.code = QLineEdit(product.location_code)
        self.code.setPlaceholderText(self.tr("e.g. A-03-2 (empty: no location)"))
        self.code.setMaxLength(product_queries.LOCATION_MAX)
        form.addRow(self.tr("Location code"), self.code)
        layout.addLayout(form)
        self._add_save_buttons(layout)
        self.code.selectAll()

    def save(self) -> None:
        database, product_id, code = self.database, self.product.id, self.code.text()
        self._submit(lambda: product_use_cases.set_location(database, product_id, code))


class AdjustStockDialog(_ProductDialog):
    """A manager changes on hand by a number, or sets the counted value; a reason is required."""

    def __init__(self, context: DeskContext, product: ProductRow,
                 parent: QWidget | None = None, tasks: DbTasks | None = None) -> None:
        super().__init__(context, product, parent, tasks)
        self.setWindowTitle(self.tr("Adjust stock"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        layout.addWidget(_heading(product))
        now = QLabel(self.tr("On hand {on_hand}, reserved {reserved}, available {available}")
                     .format(on_hand=product.on_hand, reserved=product.reserved,
                             available=product.available))
        now.setProperty("role", "muted")
        layout.addWidget(now)

        form = QFormLayout()
        self.by_delta = QRadioButton(self.tr("Change by"))
        self.to_counted = QRadioButton(self.tr("Counted on hand"))
        self.by_delta.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.by_delta)
        group.addButton(self.to_counted)
        self.delta = QSpinBox()
        self.delta.setRange(-stock_tools.MAX_QUANTITY, stock_tools.MAX_QUANTITY)
        self.counted = QSpinBox()
        self.counted.setRange(0, 1_000_000)
        self.counted.setValue(max(product.on_hand, 0))
        self.counted.setEnabled(False)
        form.addRow(self.by_delta, self.delta)
        form.addRow(self.to_counted, self.counted)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Required, e.g. damaged, found, recount"))
        self.reason.setMaxLength(200)
        form.addRow(self.tr("Reason"), self.reason)
        layout.addLayout(form)
        self._add_save_buttons(layout)
        self.to_counted.toggled.connect(self._mode_changed)
        self.reason.textChanged.connect(self._update_save)
        self.delta.valueChanged.connect(self._update_save)
        self._update_save()
        self.delta.setFocus()

    def _mode_changed(self, counted: bool) -> None:
        self.counted.setEnabled(counted)
        self.delta.setEnabled(not counted)
        self._update_save()

    def _update_save(self) -> None:
        changes = self.to_counted.isChecked() or self.delta.value() != 0
        self.save_button.setEnabled(changes and bool(self.reason.text().strip()))

    def save(self) -> None:
        counted = self.to_counted.isChecked()
        product_id, identity = self.product.id, self.context.user
        reason = self.reason.text().strip()
        delta = None if counted else self.delta.value()
        value = self.counted.value() if counted else None
        database = self.database
        self._submit(lambda: stock_use_cases.change_product_stock(
            database, product_id, identity=identity, reason=reason, delta=delta,
            counted=value))


def measure_name(measure: Measure) -> str:
    names = {
        Measure.WEIGHT: QCoreApplication.translate("Dimensions", "Weight"),
        Measure.LENGTH: QCoreApplication.translate("Dimensions", "Length"),
        Measure.WIDTH: QCoreApplication.translate("Dimensions", "Width"),
        Measure.HEIGHT: QCoreApplication.translate("Dimensions", "Height"),
    }
    return names[measure]


def measure_unit(measure: Measure) -> str:
    return "g" if measure is Measure.WEIGHT else "mm"


def measure_problem_text(error: MeasureError) -> str:
    """Why a typed weight or side is refused, in the person's language."""
    texts = {
        MeasureProblem.NOT_A_NUMBER: QCoreApplication.translate(
            "Dimensions", "{name}: “{text}” is not a number (a decimal comma is fine)"),
        MeasureProblem.NEGATIVE: QCoreApplication.translate(
            "Dimensions", "{name} cannot be negative"),
        MeasureProblem.ZERO: QCoreApplication.translate(
            "Dimensions", "{name} must be more than 0 (leave it empty when unknown)"),
        MeasureProblem.TOO_LARGE: QCoreApplication.translate(
            "Dimensions", "{name}: {text} is more than {maximum} {unit}; was it typed in "
            "the right unit?"),
    }
    measure = error.measure
    return texts[error.problem].format(
        name=measure_name(measure), text=error.text.strip(),
        maximum=MAXIMUM[measure], unit=measure_unit(measure))


class DimensionsDialog(_ProductDialog):
    """Weight (g) and length, width, height (mm) of one unit; empty means unknown."""

    def __init__(self, context: DeskContext, product: ProductRow,
                 parent: QWidget | None = None, tasks: DbTasks | None = None) -> None:
        super().__init__(context, product, parent, tasks)
        self.setWindowTitle(self.tr("Weight and dimensions"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        layout.addWidget(_heading(product))
        hint = QLabel(self.tr("One unit as it goes into the box. The desk uses these to tell "
                              "whether an order fits a mailbox parcel; empty means unknown."))
        hint.setProperty("role", "muted")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        form = QFormLayout()
        self.fields: dict[Measure, FieldWithError] = {}
        for measure in Measure:
            edit = QLineEdit(format_measure(product.dimensions.value(measure)))
            edit.setObjectName(f"measure_{measure.value}")
            edit.setMaxLength(12)
            edit.setPlaceholderText(self.tr("unknown"))
            self.fields[measure] = FieldWithError(edit)
            form.addRow(f"{measure_name(measure)} ({measure_unit(measure)})",
                        self.fields[measure])
        layout.addLayout(form)
        self._add_save_buttons(layout)
        self.fields[Measure.WEIGHT].field.selectAll()
        self.fields[Measure.WEIGHT].field.setFocus()

    def edit(self, measure: Measure) -> QLineEdit:
        return self.fields[measure].field

    def dimensions(self) -> Dimensions | None:
        """The typed values; None (with every refused field marked) when one is refused."""
        values: dict[Measure, int | None] = {}
        first_error: FieldWithError | None = None
        for measure in reversed(Measure):  # the top field ends up focused
            field = self.fields[measure]
            field.clear_error()
            try:
                values[measure] = parse_measure(measure, field.field.text())
            except MeasureError as error:
                field.show_error(measure_problem_text(error))
                first_error = field
        if first_error is not None:
            first_error.field.setFocus()
            return None
        return Dimensions(values[Measure.WEIGHT], values[Measure.LENGTH],
                          values[Measure.WIDTH], values[Measure.HEIGHT])

    def save(self) -> None:
        dimensions = self.dimensions()
        if dimensions is None:
            return
        database, product_id = self.database, self.product.id
        self._submit(lambda: product_use_cases.set_dimensions(database, product_id, dimensions))
