"""The read-only table model every list of the desk is: a list of frozen rows with an ``id``.

A subclass names its columns (``headers()``, translated) and says what a cell holds:
``display(row, column)`` for the text and ``cell_data(row, column, role)`` for any other role
(sort values, ids, colours, tooltips). Numbers are right-aligned in their cells and headers
(``right_aligned``). Rows, counts, header texts and finding a row by id live here once.
"""

from __future__ import annotations

from typing import Any, ClassVar, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invalid index: a table's only parent
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class HasId(Protocol):
    @property
    def id(self) -> int: ...


Row = TypeVar("Row", bound=HasId)


class RowsTableModel(QAbstractTableModel, Generic[Row]):
    right_aligned: ClassVar[frozenset[int]] = frozenset()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self._headers = self.headers()

    # --- what a subclass says ------------------------------------------------------------------

    def headers(self) -> list[str]:
        raise NotImplementedError

    def display(self, row: Row, column: int) -> str | None:
        raise NotImplementedError

    def cell_data(self, row: Row, column: int, role: int) -> Any:
        return None

    # --- rows ----------------------------------------------------------------------------------

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def row_of(self, row_id: int) -> int:
        """The row number of the row with this id; -1 when it is not shown."""
        return next((i for i, r in enumerate(self._rows) if r.id == row_id), -1)

    # --- the Qt model API ----------------------------------------------------------------------

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in self.right_aligned:
            return _RIGHT
        return self.header_data(section, role)

    def header_data(self, section: int, role: int) -> Any:
        """A header's other roles (a tooltip, say)."""
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.right_aligned:
            return _RIGHT
        return self.cell_data(row, column, role)
