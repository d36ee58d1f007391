"""What every section of the main window shares: its context, its task runner, its frame.

A section is constructed as ``Section(context, controller, parent)`` (``ui.sections`` lists
them) and says who it is with class attributes: ``section_id``, ``icon_name`` (an SVG in
resources/icons/actions) and ``refresh_on`` (the kinds of data the sync reports that make the
main window reload it while it is shown). ``title()`` is its translated name in the navigation
and on its heading; ``refresh()`` reloads what it shows. The frame helpers give every section
the same margins, heading and read-only tables, so the sections look and behave alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from haydigo_desk.context import DeskContext
from haydigo_desk.ui.db_tasks import DbTasks
from haydigo_desk.ui.rows_model import HasId, Row

PAGE_MARGINS = (16, 12, 16, 12)


class Section(QWidget):
    section_id: ClassVar[str] = ""
    icon_name: ClassVar[str] = ""
    refresh_on: ClassVar[tuple[str, ...]] = ()

    def __init__(self, context: DeskContext, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.controller = controller
        self.tasks = DbTasks(self)  # runs the section's use cases off the GUI thread

    def title(self) -> str:
        raise NotImplementedError

    def refresh(self) -> None:
        raise NotImplementedError

    # --- the frame ------------------------------------------------------------------------------

    def page_layout(self) -> QVBoxLayout:
        """The section's own layout, with the margins every section has."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.setSpacing(10)
        return layout

    def heading_label(self) -> QLabel:
        heading = QLabel(self.title())
        heading.setProperty("role", "title")
        return heading


def muted_label(text: str = "") -> QLabel:
    """A quiet line of text beside a heading: counts, states."""
    label = QLabel(text)
    label.setProperty("role", "muted")
    return label


def row_table(columns: int, object_name: str, headers: Sequence[str] = (), *,
              stretch: Iterable[int] = ()) -> QTableWidget:
    """A read-only table of whole rows, one selected at a time; ``stretch`` columns take the
    room that is left, the others fit their contents."""
    table = QTableWidget(0, columns)
    table.setObjectName(object_name)
    if headers:
        table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column in stretch:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    return table


def model_table(model: QAbstractItemModel, *, multi_select: bool = False, row_height: int = 38,
                grid: bool = False) -> QTableView:
    """A read-only view of a section's table model: whole rows are selected (several with
    Ctrl or Shift where ``multi_select``), rows alternate, cells do not wrap."""
    table = QTableView()
    table.setModel(model)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi_select
                           else QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setShowGrid(grid)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(row_height)
    return table


def detail_text(placeholder: str = "") -> QPlainTextEdit:
    """The read-only pane under a table that shows the selected row in full."""
    detail = QPlainTextEdit()
    detail.setReadOnly(True)
    detail.setPlaceholderText(placeholder)
    return detail


def table_over(table: QWidget, detail: QWidget, sizes: tuple[int, int]) -> QSplitter:
    """A table with its detail pane under it, the divider where the user can move it."""
    splitter = QSplitter(Qt.Orientation.Vertical)
    splitter.addWidget(table)
    splitter.addWidget(detail)
    splitter.setSizes(list(sizes))
    return splitter


def select_row(table: QTableWidget, rows: Sequence[HasId], row_id: int) -> None:
    """Select the row with this id (a refresh keeps the user's selection)."""
    for number, row in enumerate(rows):
        if row.id == row_id:
            table.selectRow(number)


def selected_row(table: QTableWidget, rows: Sequence[Row]) -> Row | None:
    selected = table.selectionModel().selectedRows()
    if not selected or selected[0].row() >= len(rows):
        return None
    return rows[selected[0].row()]
