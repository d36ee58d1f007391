"""The orders table: a QAbstractTableModel fed page by page from the database.

Sorting and filtering happen in the database, not in a QSortFilterProxyModel: a proxy needs
every row in memory, and loading 100,000 orders would take seconds; the database answers one
sorted, filtered page of 200 in milliseconds with its indexes. So ``sort()`` and
``set_query()`` reset the model and load the first page; ``fetchMore()`` appends the next page
when the view scrolls near the end. Every read runs on DbTasks' threads; a result that arrives
after a newer query started is dropped (generation counter).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from haydigo_desk.domain.clock import format_local
from haydigo_desk.persistence.database import Database
from haydigo_desk.services import order_use_cases
from haydigo_desk.services.order_queries import (
    OPEN_STATUSES,
    MatchCount,
    OrderQuery,
    OrderRow,
    OrderSortKey,
)
from haydigo_desk.ui.db_tasks import DbTasks
from haydigo_desk.ui.deadline_badges import BADGES_ROLE, badges, short_day, tooltip
from haydigo_desk.ui.palette import icon
from haydigo_desk.ui.rows_model import RowsTableModel
from haydigo_desk.ui.status_style import STATUS_ROLE, status_label

COL_STATUS, COL_ORDER, COL_PLACED, COL_CUSTOMER, COL_CITY, COL_DEADLINE, COL_LINES, COL_UNITS = (
    range(8)
)
COLUMN_COUNT = 8

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # raw, comparable value of a cell
ORDER_ID_ROLE = Qt.ItemDataRole.UserRole + 2  # database id of the row's order

PAGE_SIZE = 200

_SORT_KEYS = {
    COL_STATUS: OrderSortKey.STATUS,
    COL_ORDER: OrderSortKey.ORDER_ID,
    COL_PLACED: OrderSortKey.PLACED,
    COL_CUSTOMER: OrderSortKey.CUSTOMER,
    COL_CITY: OrderSortKey.CITY,
    COL_DEADLINE: OrderSortKey.DEADLINE,
}
_RIGHT_ALIGNED = {COL_LINES, COL_UNITS}
_STILL_TO_LEAVE = frozenset(OPEN_STATUSES)

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invalid index: the table's only parent


def _headers() -> list[str]:
    return [
        QCoreApplication.translate("OrdersModel", "Status"),
        QCoreApplication.translate("OrdersModel", "Order"),
        QCoreApplication.translate("OrdersModel", "Placed"),
        QCoreApplication.translate("OrdersModel", "Customer"),
        QCoreApplication.translate("OrdersModel", "City"),
        QCoreApplication.translate("OrdersModel", "Deadline"),
        QCoreApplication.translate("OrdersModel", "Lines"),
        QCoreApplication.translate("OrdersModel", "Units"),
    ]


def sort_key_for_column(column: int) -> OrderSortKey | None:
    return _SORT_KEYS.get(column)


def column_for_sort_key(key: OrderSortKey) -> int:
    return next(column for column, k in _SORT_KEYS.items() if k == key)


class OrdersTableModel(RowsTableModel[OrderRow]):
    right_aligned = frozenset(_RIGHT_ALIGNED)

    loaded = Signal(int)  # total number of orders matching the query (after each reset)
    load_failed = Signal(str)

    def __init__(self, database: Database, tasks: DbTasks, parent=None,
                 page_size: int = PAGE_SIZE,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        super().__init__(parent)
        self._database = database
        self._tasks = tasks
        self.clock = clock  # "now" for the deadline badges
        self._page_size = page_size
        self._query = OrderQuery()
        self._total = 0
        self._total_at_least = False  # more orders match than ``total`` (a broad search)
        self._generation = 0
        self._fetching = False
        self._loading = False
        self._warning_icon = icon("warning")

    # --- querying ------------------------------------------------------------------------

    @property
    def query(self) -> OrderQuery:
        return self._query

    @property
    def total(self) -> int:
        return self._total

    @property
    def total_at_least(self) -> bool:
        """``total`` is where counting stopped: at least that many orders match."""
        return self._total_at_least

    @property
    def is_loading(self) -> bool:
        return self._loading or self._fetching

    def set_query(self, query: OrderQuery) -> None:
        """Show the orders ``query`` asks for (reloads, even if the query is unchanged)."""
        self._query = query
        self._generation += 1
        generation = self._generation
        self._loading = True
        self._fetching = False
        database, page_size = self._database, self._page_size
        self._tasks.run(
            lambda: order_use_cases.first_page(database, query, page_size),
            lambda result: self._on_first_page(generation, result),
            lambda error: self._on_error(generation, error),
        )

    def reload(self) -> None:
        self.set_query(self._query)

    def _on_first_page(self, generation: int, result: tuple[MatchCount, list[OrderRow]]
                       ) -> None:
        if generation != self._generation:
            return  # an older query answered late
        counted, rows = result
        self.beginResetModel()
        self._rows = rows
        self._total = max(counted.count, len(rows))
        self._total_at_least = counted.at_least
        self._loading = False
        self.endResetModel()
        self.loaded.emit(self._total)

    def _on_error(self, generation: int, error: Exception) -> None:
        if generation != self._generation:
            return
        self._loading = self._fetching = False
        self.load_failed.emit(str(error))

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        if parent.isValid():
            return False
        return not self._loading and not self._fetching and (
            len(self._rows) < self._total or self._total_at_least)

    def fetchMore(self, parent: Index = _ROOT) -> None:
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        generation, query, offset = self._generation, self._query, len(self._rows)
        database, page_size = self._database, self._page_size
        self._tasks.run(
            lambda: order_use_cases.next_page(database, query, offset, page_size),
            lambda rows: self._on_next_page(generation, offset, rows),
            lambda error: self._on_error(generation, error),
        )

    def _on_next_page(self, generation: int, offset: int, rows: list[OrderRow]) -> None:
        if generation != self._generation:
            return
        if offset == len(self._rows):
            if not rows:  # orders went away since the count (or its limit was all): stop
                self._total = len(self._rows)
                self._total_at_least = False
            else:
                self.beginInsertRows(QModelIndex(), offset, offset + len(rows) - 1)
                self._rows.extend(rows)
                self._total = max(self._total, len(self._rows))  # past a count's limit
                self.endInsertRows()
        # Only now: views may call fetchMore() from inside the insert notifications.
        self._fetching = False

    # --- Qt model API --------------------------------------------------------------------

    def headers(self) -> list[str]:
        return _headers()

    def cell_data(self, row: OrderRow, column: int, role: int):
        if role == SORT_ROLE:
            return self._sort_value(row, column)
        if role == ORDER_ID_ROLE:
            return row.id
        if role == STATUS_ROLE and column == COL_STATUS:
            return row.status
        if (
            role == Qt.ItemDataRole.DecorationRole
            and column == COL_ORDER
            and (row.has_cancellation_request or row.has_unmatched or row.problem
                 or row.oversold)
        ):
            return self._warning_icon
        if role == Qt.ItemDataRole.ToolTipRole and column in (COL_STATUS, COL_ORDER):
            return self._warning_text(row) or None
        if role == BADGES_ROLE and column == COL_DEADLINE:
            return self.badges_of(row)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_DEADLINE:
            return tooltip(row.deadline_date, self.badges_of(row))
        return None

    def badges_of(self, row: OrderRow) -> list[tuple[str, str]]:
        """The row's deadline badge (while it has to leave) and "via bol"."""
        return badges(row.deadline_date, row.expiry_date, row.via_bol, row.cutoff_time,
                      self.clock(), still_to_leave=row.status in _STILL_TO_LEAVE)

    def display(self, row: OrderRow, column: int) -> str:
        if column == COL_STATUS:
            return status_label(row.status)
        if column == COL_ORDER:
            return row.bol_order_id
        if column == COL_PLACED:
            return format_local(row.placed_at)
        if column == COL_CUSTOMER:
            return row.customer_name
        if column == COL_CITY:
            return f"{row.city} ({row.country_code})" if row.country_code else row.city
        if column == COL_DEADLINE:
            return short_day(row.deadline_date)
        if column == COL_LINES:
            return str(row.line_count)
        return str(row.units)

    @staticmethod
    def _sort_value(row: OrderRow, column: int):
        values = (
            row.status,
            row.bol_order_id,
            row.placed_at,
            row.customer_name.casefold(),
            row.city.casefold(),
            row.deadline_date,
            row.line_count,
            row.units,
        )
        return values[column]

    @staticmethod
    def _warning_text(row: OrderRow) -> str:
        parts = []
        if row.has_cancellation_request:
            parts.append(QCoreApplication.translate("OrdersModel", "The customer asked to cancel"))
        if row.has_unmatched:
            parts.append(
                QCoreApplication.translate("OrdersModel", "A line is not matched to a product")
            )
        if row.problem:
            parts.append(row.problem)
        if row.oversold:
            parts.append(QCoreApplication.translate(
                "OrdersModel", "Oversold: the stock cannot serve this order — not picked until "
                "stock arrives (older orders first)"))
        return "\n".join(parts)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = sort_key_for_column(column)
        if key is None:  # line and unit totals are per page, not sortable in the database
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self._query.sort and descending == self._query.descending:
            return
        self.set_query(replace(self._query, sort=key, descending=descending))

