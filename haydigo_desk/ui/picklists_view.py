"""The Pick lists section: lists by status with counts and progress; the chosen list's orders
and its lines in walking order; "Open in pick station" hands the list to the station."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from haydigo_desk.context import DeskContext
from haydigo_desk.domain.lifecycle import LinePhase
from haydigo_desk.domain.states import PickListStatus
from haydigo_desk.services import picklist_use_cases
from haydigo_desk.services.picklists import PickListDetail
from haydigo_desk.ui.deadline_badges import BadgesDelegate
from haydigo_desk.ui.palette import icon
from haydigo_desk.ui.picklists_model import (
    COL_DEADLINE,
    COL_PROGRESS,
    COL_STATUS,
    PICK_LIST_ID_ROLE,
    PickListsTableModel,
    ProgressDelegate,
    rule_text,
)
from haydigo_desk.ui.printing import PrintController, make_print_pick_list_action
from haydigo_desk.ui.section import Section, model_table
from haydigo_desk.ui.status_style import StatusPillDelegate, status_label
from haydigo_desk.ui.sync_controller import SyncController

ALL = "all"
FILTERS = (PickListStatus.OPEN.value, PickListStatus.IN_PROGRESS.value,
           PickListStatus.DONE.value, ALL)
OPEN_SHORTCUT = "Ctrl+Return"


class PickListsSection(Section):
    section_id = "picklists"
    refresh_on = ("orders", "cancellation")  # what the sync reports that changes this view
    icon_name = "list"

    open_in_station = Signal(int)  # pick list id; the pick station connects to it

    def __init__(self, context: DeskContext, controller: SyncController,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, controller, parent)
        self.model = PickListsTableModel(self)
        self._generation = 0
        self._selected_id: int | None = None
        self._build()
        self.refresh()

    def title(self) -> str:
        return self.tr("Pick lists")

    def _build(self) -> None:
        layout = self.page_layout()

        header = QHBoxLayout()
        heading = self.heading_label()
        header.addWidget(heading)
        header.addStretch(1)
        self.open_button = QPushButton(
            icon("scan"),
            self.tr("Open in pick station (%1)").replace("%1", OPEN_SHORTCUT))
        self.open_button.setProperty("role", "primary")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_selected)
        self.printing = PrintController(self.context, self)
        self.print_action = make_print_pick_list_action(self.printing, lambda: self._selected_id)
        self.addAction(self.print_action)
        self.print_button = QPushButton(
            icon("print"), self.print_action.text())
        self.print_button.setToolTip(self.print_action.shortcut().toString())
        self.print_button.clicked.connect(self.print_action.trigger)
        header.addWidget(self.print_button)
        header.addWidget(self.open_button)
        layout.addLayout(header)

        filters = QHBoxLayout()
        self.filter_group = QButtonGroup(self)
        self.filter_buttons: dict[str, QPushButton] = {}
        for status in FILTERS:
            button = QPushButton(status_label(status))
            button.setCheckable(True)
            button.setProperty("status", status)
            self.filter_group.addButton(button)
            self.filter_buttons[status] = button
            filters.addWidget(button)
        filters.addStretch(1)
        self.filter_buttons[PickListStatus.OPEN.value].setChecked(True)
        self.filter_group.buttonClicked.connect(lambda _b: self.refresh())
        layout.addLayout(filters)

        self.table = model_table(self.model)
        self.table.setItemDelegateForColumn(COL_STATUS, StatusPillDelegate(self.table))
        self.table.setItemDelegateForColumn(COL_PROGRESS, ProgressDelegate(self.table))
        self.table.setItemDelegateForColumn(COL_DEADLINE, BadgesDelegate(self.table))
        header_view = self.table.horizontalHeader()
        for column, width in enumerate((130, 120, 200, 150, 70, 70, 70, 150, 160, 120)):
            self.table.setColumnWidth(column, width)
        # Sorted in memory on a header click; until then newest first, as listed.
        header_view.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header_view.setSortIndicatorShown(True)
        header_view.setSectionsClickable(True)
        header_view.sortIndicatorChanged.connect(self.model.sort)
        header_view.setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())

        self.detail = self._build_detail()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)

        open_action = QAction(self.tr("Open in pick station"), self)
        open_action.setShortcut(QKeySequence(OPEN_SHORTCUT))
        open_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        open_action.triggered.connect(self.open_selected)
        self.addAction(open_action)

    def _build_detail(self) -> QFrame:
        card = QFrame()
        card.setProperty("role", "card")
        card.setStyleSheet("QLabel { background: transparent; }")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(16, 12, 16, 12)
        self.detail_title = QLabel()
        self.detail_title.setProperty("role", "title")
        self.detail_orders = QLabel()
        self.detail_orders.setWordWrap(True)
        self.detail_orders.setProperty("role", "muted")
        layout.addWidget(self.detail_title)
        layout.addWidget(self.detail_orders)
        self.lines = QTableWidget(0, 7)
        self.lines.setHorizontalHeaderLabels([
            self.tr("Location"), self.tr("Quantity"), self.tr("Picked"), self.tr("Product"),
            self.tr("EAN / SKU"), self.tr("Order"), self.tr("State")])
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.lines.setAlternatingRowColors(True)
        self.lines.setShowGrid(False)
        self.lines.verticalHeader().hide()
        self.lines.verticalHeader().setDefaultSectionSize(34)
        header = self.lines.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.lines, 1)
        self._show_detail(None)
        return card

    # --- loading ------------------------------------------------------------------------------

    def current_status(self) -> str:
        checked = self.filter_group.checkedButton()
        return checked.property("status") if checked else ALL

    def set_status_filter(self, status: str) -> None:
        self.filter_buttons[status].setChecked(True)
        self.refresh()

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        status = self.current_status()
        database = self.context.database
        self.tasks.run(lambda: picklist_use_cases.pick_lists_and_counts(
            database, None if status == ALL else status),
            lambda result: self._on_loaded(generation, result))

    def _on_loaded(self, generation: int, result) -> None:
        if generation != self._generation:
            return
        rows, counts = result
        counts = {**counts, ALL: sum(counts.values())}
        for status, button in self.filter_buttons.items():
            button.setText(f"{status_label(status)}  {counts.get(status, 0)}")
        keep = self._selected_id
        self.model.set_rows(rows)
        row = self.model.row_of(keep) if keep is not None else -1
        if row < 0 and rows:
            row = 0
        if row >= 0:
            self.table.selectRow(row)
        else:
            self._selected_id = None
            self._show_detail(None)
            self.open_button.setEnabled(False)

    def _on_selection_changed(self, *_args) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.open_button.setEnabled(bool(rows))
        if not rows:
            return
        pick_list_id = rows[0].data(PICK_LIST_ID_ROLE)
        self._selected_id = pick_list_id
        database = self.context.database
        self.tasks.run(lambda: picklist_use_cases.pick_list_detail(database, pick_list_id),
                       self._on_detail)

    def _on_detail(self, detail: PickListDetail) -> None:
        if detail.summary.id == self._selected_id:
            self._show_detail(detail)

    def _show_detail(self, detail: PickListDetail | None) -> None:
        if detail is None:
            self.detail_title.setText(self.tr("No pick list selected"))
            self.detail_orders.setText("")
            self.lines.setRowCount(0)
            return
        s = detail.summary
        self.detail_title.setText(f"{s.code}  ·  {status_label(s.status)}  ·  "
                                  + self.tr("Rule: %1").replace("%1", rule_text(s)))
        orders = ", ".join(o.bol_order_id for o in detail.orders)
        self.detail_orders.setText(
            self.tr("%1 order(s): %2").replace("%1", str(len(detail.orders)))
            .replace("%2", orders))
        self.lines.setRowCount(len(detail.lines))
        for row, line in enumerate(detail.lines):
            values = [line.location or "—", line.quantity, line.quantity_picked, line.title,
                      f"{line.ean}  {line.sku}".strip(), line.bol_order_id,
                      self._line_state(line)]
            for column, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if isinstance(value, int):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if column == 0:
                    font = item.font()
                    font.setBold(True)
                    font.setPointSizeF(font.pointSizeF() * 1.2 if font.pointSizeF() > 0 else 13)
                    item.setFont(font)
                self.lines.setItem(row, column, item)

    def _line_state(self, line) -> str:
        """What the line of the list still asks for, in the picker's words."""
        texts = {
            LinePhase.OPEN: self.tr("to pick"),
            LinePhase.PICKING: self.tr("picking"),
            LinePhase.PICKED: self.tr("picked"),
            LinePhase.CANCEL_REQUESTED: self.tr("cancellation requested"),
            LinePhase.SHIPPED: self.tr("shipped"),
            LinePhase.CANCELLED: self.tr("cancelled"),
        }
        text = texts[line.phase]
        if line.put_back:
            text += " · " + self.tr("put back %1").replace("%1", str(line.put_back))
        return text

    # --- actions --------------------------------------------------------------------------------

    def selected_pick_list_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(PICK_LIST_ID_ROLE) if rows else None

    def open_selected(self) -> None:
        pick_list_id = self.selected_pick_list_id()
        if pick_list_id is not None:
            self.open_in_station.emit(pick_list_id)

    def closeEvent(self, event) -> None:
        self.tasks.shutdown()
        super().closeEvent(event)

