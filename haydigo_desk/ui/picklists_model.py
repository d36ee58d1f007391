"""Table model of pick list summaries (a few hundred rows at most: loaded whole, reset on new
data) and the delegate that draws the picking progress as a bar."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    Qt,
)
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from haydigo_desk.domain.clock import format_local
from haydigo_desk.domain.pick_list_rules import ListOrigin
from haydigo_desk.domain.states import PickListStatus
from haydigo_desk.services.picklists import PickListSummary
from haydigo_desk.ui.deadline_badges import BADGES_ROLE, badges, short_day, tooltip
from haydigo_desk.ui.rows_model import RowsTableModel
from haydigo_desk.ui.status_style import STATUS_ROLE, status_colours, status_label

(
    COL_CODE,
    COL_STATUS,
    COL_DEADLINE,
    COL_RULE,
    COL_ORDERS,
    COL_LINES,
    COL_UNITS,
    COL_PROGRESS,
    COL_CREATED,
    COL_CREATED_BY,
) = range(10)
COLUMN_COUNT = 10

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
PICK_LIST_ID_ROLE = Qt.ItemDataRole.UserRole + 2
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 3  # 0.0 .. 1.0

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def rule_text(summary: PickListSummary) -> str:
    """Who made the list, in words: its rule's name (as it was called then), "Other orders"
    for the default list of what no rule takes, or "By hand"."""
    if summary.origin == ListOrigin.RULE and summary.rule_name:
        return summary.rule_name
    if summary.origin == ListOrigin.DEFAULT:
        return QCoreApplication.translate("PickListsModel", "Other orders")
    return QCoreApplication.translate("PickListsModel", "By hand")


class PickListsTableModel(RowsTableModel[PickListSummary]):
    right_aligned = frozenset({COL_ORDERS, COL_LINES, COL_UNITS})

    def __init__(self, parent=None,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        super().__init__(parent)
        self.clock = clock  # "now" for the deadline badges
        self._sort: tuple[int, Qt.SortOrder] | None = None

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("PickListsModel", "Pick list"),
            QCoreApplication.translate("PickListsModel", "Status"),
            QCoreApplication.translate("PickListsModel", "Deadline"),
            QCoreApplication.translate("PickListsModel", "Rule"),
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
        if self._sort is not None:
            column, order = self._sort
            valued = [r for r in self._rows if self._sort_value(r, column) is not None]
            valued.sort(key=lambda r: self._sort_value(r, column),
                        reverse=order == Qt.SortOrder.DescendingOrder)
            self._rows = valued + [r for r in self._rows
                                   if self._sort_value(r, column) is None]
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """In memory (a few hundred lists); lists without a deadline go last."""
        if not 0 <= column < COLUMN_COUNT:
            return
        self._sort = (column, order)
        self.set_rows(self._rows)

    def cell_data(self, row: PickListSummary, column: int, role: int):
        if role == SORT_ROLE:
            return self._sort_value(row, column)
        if role == BADGES_ROLE and column == COL_DEADLINE:
            return self.badges_of(row)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_DEADLINE:
            return tooltip(row.deadline_date, self.badges_of(row))
        if role == PICK_LIST_ID_ROLE:
            return row.id
        if role == PROGRESS_ROLE and column == COL_PROGRESS:
            return row.progress
        if role == STATUS_ROLE and column == COL_STATUS:
            return row.status
        return None

    @staticmethod
    def _sort_value(row: PickListSummary, column: int):
        return (
            row.code,
            row.status,
            row.deadline_date,
            rule_text(row).casefold(),
            row.orders,
            row.lines,
            row.units,
            row.progress,
            row.created_at,
            row.created_by.casefold(),
        )[column]

    def badges_of(self, row: PickListSummary) -> list[tuple[str, str]]:
        """The badge of the list's most urgent order still to leave, and "via bol"."""
        return badges(row.deadline_date, row.expiry_date, row.via_bol, row.cutoff_time,
                      self.clock(), still_to_leave=row.status != PickListStatus.DONE)

    def display(self, row: PickListSummary, column: int) -> str:
        if column == COL_CODE:
            return row.code
        if column == COL_STATUS:
            return status_label(row.status)
        if column == COL_DEADLINE:
            return short_day(row.deadline_date)
        if column == COL_RULE:
            return rule_text(row)
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
