"""Table model of pick list summaries (a few hundred rows at most: loaded whole, reset on new
data) and the delegate that draws the picking progress as a bar."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    Qt,
)
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from haydigo_desk.domain.clock import format_local
from haydigo_desk.services.picklists import PickListSummary
from haydigo_desk.ui.status_style import STATUS_ROLE, status_colours, status_label

(
    COL_CODE,
    COL_STATUS,
    COL_ORDERS,
    COL_LINES,
    COL_UNITS,
    COL_PROGRESS,
    COL_CREATED,
    COL_CREATED_BY,
) = range(8)
COLUMN_COUNT = 8

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
PICK_LIST_ID_ROLE = Qt.ItemDataRole.UserRole + 2
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 3  # 0.0 .. 1.0

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_NUMBERS = {COL_ORDERS, COL_LINES, COL_UNITS}


class PickListsTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[PickListSummary] = []
        self._headers = [
            QCoreApplication.translate("PickListsModel", "Pick list"),
            QCoreApplication.translate("PickListsModel", "Status"),
            QCoreApplication.translate("PickListsModel", "Orders"),
            QCoreApplication.translate("PickListsModel", "Lines"),
            QCoreApplication.translate("PickListsModel", "Units"),
            QCoreApplication.translate("PickListsModel", "Picked"),
            QCoreApplication.translate("PickListsModel", "Created"),
            QCoreApplication.translate("PickListsModel", "By"),
        ]

    def set_rows(self, rows: list[PickListSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> PickListSummary:
        return self._rows[row]

    def row_of(self, pick_list_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == pick_list_id), -1)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < COLUMN_COUNT
        ):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return (
                row.code,
                row.status,
                row.orders,
                row.lines,
                row.units,
                row.progress,
                row.created_at,
                row.created_by.casefold(),
            )[column]
        if role == PICK_LIST_ID_ROLE:
            return row.id
        if role == PROGRESS_ROLE and column == COL_PROGRESS:
            return row.progress
        if role == STATUS_ROLE and column == COL_STATUS:
            return row.status
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _display(row: PickListSummary, column: int) -> str:
        if column == COL_CODE:
            return row.code
        if column == COL_STATUS:
            return status_label(row.status)
        if column == COL_ORDERS:
            return str(row.orders)
        if column == COL_LINES:
            return str(row.lines)
        if column == COL_UNITS:
            return str(row.units)
        if column == COL_PROGRESS:
            return f"{row.units_picked} / {row.units}"
        if column == COL_CREATED:
            return format_local(row.created_at)
        return row.created_by


class ProgressDelegate(QStyledItemDelegate):
    """A flat bar behind the "picked / units" text."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        progress = index.data(PROGRESS_ROLE)
        if progress is None:
            super().paint(painter, option, index)
            return
        base = QStyleOptionViewItem(option)
        self.initStyleOption(base, index)
        base.text = ""
        if option.widget is not None:
            option.widget.style().drawControl(
                QStyle.ControlElement.CE_ItemViewItem, base, painter, option.widget
            )
        rect = QRectF(option.rect.adjusted(6, 8, -6, -8))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(128, 128, 128, 60))
        painter.drawRoundedRect(rect, 5, 5)
        done = QRectF(rect)
        done.setWidth(rect.width() * max(0.0, min(progress, 1.0)))
        colour = status_colours("done" if progress >= 1.0 else "in_progress")[0]
        painter.setBrush(colour)
        if done.width() > 0:
            painter.drawRoundedRect(done, 5, 5)
        painter.setPen(option.palette.text().color())
        font = option.font
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(index.data()))
        painter.restore()
