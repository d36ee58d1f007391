"""The Orders section: status filter, debounced search, the paged table and the detail pane,
and "Create pick list" from the selected orders."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from haydigo_desk.context import DeskContext
from haydigo_desk.domain.states import OrderStatus
from haydigo_desk.services import order_queries, picklists
from haydigo_desk.services.order_queries import ALL_STATUSES, OrderQuery
from haydigo_desk.ui.db_tasks import DbTasks
from haydigo_desk.ui.order_detail_pane import OrderDetailPane
from haydigo_desk.ui.orders_model import (
    COL_CUSTOMER,
    COL_STATUS,
    ORDER_ID_ROLE,
    OrdersTableModel,
    column_for_sort_key,
)
from haydigo_desk.ui.palette import icon
from haydigo_desk.ui.printing import PrintController, make_print_packing_slip_action
from haydigo_desk.ui.status_style import StatusPillDelegate, status_label
from haydigo_desk.ui.sync_controller import SyncController

SEARCH_DELAY_MS = 120  # wait for the typing (or the scanner) to stop; the indexed query is fast
CREATE_PICK_LIST_SHORTCUT = "Ctrl+L"
FILTERS = (OrderStatus.NEW, OrderStatus.PICKING, OrderStatus.PACKED, OrderStatus.PROBLEM,
           OrderStatus.SHIPPED, OrderStatus.CANCELLED, ALL_STATUSES)


def _repolish(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class OrdersSection(QWidget):
    section_id = "orders"
    refresh_on = ("orders", "cancellation")  # what the sync reports that changes this view
    icon_name = "box"

    pick_list_created = Signal(int)  # pick list id

    def __init__(self, context: DeskContext, controller: SyncController,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.controller = controller
        self.tasks = DbTasks(context.database, self)
        self.model = OrdersTableModel(self.tasks, self)
        self._selected_order_id: int | None = None
        self._detail_generation = 0
        self._build()
        self.model.loaded.connect(self._on_loaded)
        self.model.load_failed.connect(self._show_error)
        self.model.set_query(OrderQuery(status=OrderStatus.NEW.value))

    def title(self) -> str:
        return self.tr("Orders")

    # --- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)

        header = QHBoxLayout()
        heading = QLabel(self.title())
        heading.setProperty("role", "title")
        self.total_label = QLabel()
        self.total_label.setProperty("role", "muted")
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search order, EAN, SKU or name (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(340)
        self.create_button = QPushButton(
            icon("list"),
            self.tr("Create pick list (%1)").replace("%1", CREATE_PICK_LIST_SHORTCUT))
        self.create_button.setProperty("role", "primary")
        self.create_button.setEnabled(False)
        header.addWidget(heading)
        header.addWidget(self.total_label)
        header.addStretch(1)
        header.addWidget(self.search)
        self.printing = PrintController(self.context, self)
        self.print_action = make_print_packing_slip_action(
            self.printing, lambda: self._selected_order_id)
        self.addAction(self.print_action)
        self.print_button = QPushButton(
            icon("print"), self.print_action.text())
        self.print_button.setToolTip(self.print_action.shortcut().toString())
        self.print_button.clicked.connect(self.print_action.trigger)
        header.addWidget(self.print_button)
        header.addWidget(self.create_button)
        layout.addLayout(header)

        filters = QHBoxLayout()
        filters.setSpacing(6)
        self.filter_group = QButtonGroup(self)
        self.filter_group.setExclusive(True)
        self.filter_buttons: dict[str, QPushButton] = {}
        for status in FILTERS:
            button = QPushButton(status_label(str(status)))
            button.setCheckable(True)
            button.setProperty("status", str(status))
            self.filter_group.addButton(button)
            self.filter_buttons[str(status)] = button
            filters.addWidget(button)
        filters.addStretch(1)
        self.filter_buttons[OrderStatus.NEW.value].setChecked(True)
        layout.addLayout(filters)

        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.feedback.hide()
        layout.addWidget(self.feedback)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(38)
        self.table.setItemDelegateForColumn(COL_STATUS, StatusPillDelegate(self.table))
        header_view = self.table.horizontalHeader()
        header_view.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header_view.setSectionResizeMode(COL_CUSTOMER, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((130, 150, 160, 200, 170, 120, 70, 70)):
            self.table.setColumnWidth(column, width)
        # Indicator first: enabling sorting asks the model to sort by the indicator's column.
        header_view.setSortIndicator(column_for_sort_key(self.model.query.sort),
                                     Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)

        self.detail = OrderDetailPane(self.context, self.controller, tasks=self.tasks)
        splitter = QSplitter(Qt.Orientation.Vertical)  # full width for the table's columns
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)

        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self._apply_filters)
        self.search.textChanged.connect(self.search_timer.start)
        self.search.returnPressed.connect(self._apply_filters)
        self.filter_group.buttonClicked.connect(lambda _b: self._apply_filters())
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.create_button.clicked.connect(self.create_pick_list)

        self.create_action = QAction(self.tr("Create pick list"), self)
        self.create_action.setShortcut(QKeySequence(CREATE_PICK_LIST_SHORTCUT))
        self.create_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.create_action.triggered.connect(self.create_pick_list)
        self.addAction(self.create_action)
        find_action = QAction(self.tr("Search orders"), self)
        find_action.setShortcut(QKeySequence.StandardKey.Find)
        find_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find_action.triggered.connect(lambda: (self.search.setFocus(), self.search.selectAll()))
        self.addAction(find_action)

    # --- querying ---------------------------------------------------------------------------

    def current_status(self) -> str:
        checked = self.filter_group.checkedButton()
        return checked.property("status") if checked else ALL_STATUSES

    def set_status_filter(self, status: str) -> None:
        self.filter_buttons[status].setChecked(True)
        self._apply_filters()

    def _apply_filters(self) -> None:
        self.search_timer.stop()
        query = replace(self.model.query, status=self.current_status(),
                        search=self.search.text().strip())
        self.model.set_query(query)

    def refresh(self) -> None:
        """Reload the table (keeping the selected order when it is still listed) and counts."""
        self.model.reload()
        self.tasks.run(order_queries.status_counts, self._show_counts)

    def _on_loaded(self, total: int) -> None:
        self.total_label.setText(self.tr("%n order(s)", "", total))
        row = self.model.row_of_order(self._selected_order_id) if self._selected_order_id \
            else -1
        if row >= 0:
            self.table.selectRow(row)
        else:
            self._selected_order_id = None
            self.detail.show_detail(None)
        self.create_button.setEnabled(bool(self.selected_order_ids()))

    def _show_counts(self, counts: dict[str, int]) -> None:
        for status, button in self.filter_buttons.items():
            button.setText(f"{status_label(status)}  {counts.get(status, 0)}")

    # --- selection and detail ---------------------------------------------------------------

    def selected_order_ids(self) -> list[int]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.index(row, 0).data(ORDER_ID_ROLE) for row in rows]

    def _on_selection_changed(self, *_args) -> None:
        ids = self.selected_order_ids()
        self.create_button.setEnabled(bool(ids))
        current = ids[0] if len(ids) == 1 else None
        if current == self._selected_order_id and current is not None:
            return
        self._selected_order_id = current
        self._detail_generation += 1
        if current is None:
            self.detail.show_detail(None)
            return
        generation = self._detail_generation
        self.tasks.run(lambda session: order_queries.order_detail(session, current),
                       lambda detail: self._show_detail(generation, detail),
                       self._show_error)

    def _show_detail(self, generation: int, detail) -> None:
        if generation == self._detail_generation:
            self.detail.show_detail(detail)

    # --- actions ------------------------------------------------------------------------------

    def create_pick_list(self) -> None:
        ids = self.selected_order_ids()
        if not ids:
            self._show_message(self.tr("Select one or more orders first."), "scan-warning")
            return
        self.create_button.setEnabled(False)
        user = self.context.user_name
        self.tasks.run(lambda session: picklists.create_pick_list(session, ids, user),
                       self._on_pick_list_created, self._show_error, commit=True)

    def _on_pick_list_created(self, result: picklists.CreateResult) -> None:
        summary = result.pick_list
        text = self.tr("Pick list %1 created with %2 order(s).").replace(
            "%1", summary.code).replace("%2", str(summary.orders))
        role = "scan-ok"
        if result.skipped:
            role = "scan-warning"
            text += " " + self.tr("Left off: %1").replace(
                "%1", "; ".join(f"{order} ({why})" for order, why in result.skipped.items()))
        self._show_message(text, role)
        self.pick_list_created.emit(summary.id)
        self.refresh()

    def _show_error(self, error: Exception) -> None:
        self.create_button.setEnabled(bool(self.selected_order_ids()))
        self._show_message(str(error), "scan-error")

    def _show_message(self, text: str, role: str) -> None:
        self.feedback.setText(text)
        self.feedback.setProperty("role", role)
        _repolish(self.feedback)
        self.feedback.show()

    def closeEvent(self, event) -> None:
        self.tasks.shutdown()
        super().closeEvent(event)
