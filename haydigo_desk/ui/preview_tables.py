"""Small widgets the desk's tool dialogs share: a feedback line and read-only result tables."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
)

from haydigo_desk.ui.repolish import set_role


def feedback_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setContentsMargins(10, 6, 10, 6)
    label.setMinimumHeight(40)
    return label


def show_feedback(label: QLabel, text: str, role: str) -> None:
    """``role``: scan-ok, scan-warning, scan-error or muted (the theme colours them)."""
    label.setText(text)
    set_role(label, role)


def result_table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def cell(value: object, numeric: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(str(value))
    if numeric:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item
