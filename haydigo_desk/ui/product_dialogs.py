"""Dialogs of the Products section for one product: its location and a stock correction."""

from __future__ import annotations

from html import escape

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
from haydigo_desk.services import product_queries, stock_tools
from haydigo_desk.services.product_queries import ProductQueryError, ProductRow
from haydigo_desk.services.staff import NotAllowedError


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


class LocationDialog(QDialog):
    """Type or scan a location code; a new code creates the location."""

    def __init__(self, context: DeskContext, product: ProductRow,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.product = product
        self.result_row: ProductRow | None = None
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
        self.error = _error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.code.selectAll()

    def save(self) -> None:
        try:
            with self.context.database.unit_of_work() as uow:
                self.result_row = product_queries.set_location(
                    uow.session, self.product.id, self.code.text()
                )
                uow.commit()
        except ProductQueryError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.accept()


class AdjustStockDialog(QDialog):
    """A manager changes on hand by a number, or sets the counted value; a reason is required."""

    def __init__(self, context: DeskContext, product: ProductRow,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.product = product
        self.result_row: ProductRow | None = None
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
        self.error = _error_label()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
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
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(
            changes and bool(self.reason.text().strip())
        )

    def save(self) -> None:
        counted = self.to_counted.isChecked()
        try:
            with self.context.database.unit_of_work() as uow:
                stock_tools.change_product_stock(
                    uow.session, self.product.id, identity=self.context.user,
                    reason=self.reason.text().strip(),
                    delta=None if counted else self.delta.value(),
                    counted=self.counted.value() if counted else None,
                )
                self.result_row = product_queries.get_product(uow.session, self.product.id)
                uow.commit()
        except (stock_tools.StockToolError, NotAllowedError) as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.accept()
