"""The Orders section: status filter, debounced search, the paged table and the detail pane,
and "Create pick list" from the selected orders."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QWidget,
)

from haydigo_desk.context import DeskContext
from haydigo_desk.domain.states import OrderStatus
from haydigo_desk.services import order_use_cases, picklist_use_cases, picklists
from haydigo_desk.services.order_queries import (
    ALL_STATUSES,
    AccountDay,
    OrderQuery,
    OrderSortKey,
)
from haydigo_desk.ui.deadline_badges import BadgesDelegate, format_day
from haydigo_desk.ui.order_detail_pane import OrderDetailPane
from haydigo_desk.ui.orders_model import (
    COL_CUSTOMER,
    COL_DEADLINE,
    COL_STATUS,
    ORDER_ID_ROLE,
    OrdersTableModel,
    column_for_sort_key,
)
from haydigo_desk.ui.palette import icon
from haydigo_desk.ui.printing import PrintController, make_print_packing_slip_action
from haydigo_desk.ui.repolish import set_role
from haydigo_desk.ui.section import Section, model_table, muted_label
from haydigo_desk.ui.status_style import StatusPillDelegate, status_label
from haydigo_desk.ui.sync_controller import SyncController

SEARCH_DELAY_MS = 120  # wait for the typing (or the scanner) to stop; the indexed query is fast
CREATE_PICK_LIST_SHORTCUT = "Ctrl+L"
TODAY = "today"  # the filter of what must leave today (not a status)
FILTERS = (TODAY, OrderStatus.NEW, OrderStatus.PICKING, OrderStatus.PACKED, OrderStatus.PROBLEM,
           OrderStatus.SHIPPED, OrderStatus.CANCELLED, ALL_STATUSES)


# Eight filters (Today too) must fit 1366 pixels in Dutch: a little less padding than the theme.
ORDER_FILTER_STYLE = "QPushButton { padding: 4px 10px; }"


class OrdersSection(Section):
    section_id = "orders"
    refresh_on = ("orders", "cancellation")  # what the sync reports that changes this view
    icon_name = "box"

    pick_list_created = Signal(int)  # pick list id
    today_progress = Signal(int, int)  # orders placed on today's lists, of how many

    def __init__(self, context: DeskContext, controller: SyncController,
                 parent: QWidget | None = None,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        super().__init__(context, controller, parent)
        self.clock = clock
        self.model = OrdersTableModel(context.database, self.tasks, self, clock=clock)
        self._making_today_lists = False
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
        layout = self.page_layout()

        header = QHBoxLayout()
        heading = self.heading_label()
        self.total_label = muted_label()
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
            button = QPushButton(self._filter_label(str(status)))
            button.setCheckable(True)
            button.setStyleSheet(ORDER_FILTER_STYLE)
            button.setProperty("status", str(status))
            self.filter_group.addButton(button)
            self.filter_buttons[str(status)] = button
            filters.addWidget(button)
        filters.addStretch(1)
        self.filter_buttons[OrderStatus.NEW.value].setChecked(True)
        layout.addLayout(filters)

        self.today_note = QLabel()  # the Today view's cut-off, in words
        self.today_note.setWordWrap(True)
        self.today_note.setProperty("role", "muted")
        self.today_note.hide()
        layout.addWidget(self.today_note)
        self.today_progress_bar = QProgressBar()
        self.today_progress_bar.setFormat(self.tr("Pick lists for today: %v of %m orders"))
        self.today_progress_bar.hide()
        layout.addWidget(self.today_progress_bar)

        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.feedback.hide()
        layout.addWidget(self.feedback)

        self.table = model_table(self.model, multi_select=True)
        self.table.setItemDelegateForColumn(COL_STATUS, StatusPillDelegate(self.table))
        self.table.setItemDelegateForColumn(COL_DEADLINE, BadgesDelegate(self.table))
        header_view = self.table.horizontalHeader()
        header_view.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header_view.setSectionResizeMode(COL_CUSTOMER, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((130, 150, 160, 200, 170, 210, 70, 70)):
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
        self.today_progress.connect(self._show_today_progress)

    def _filter_label(self, key: str) -> str:
        return self.tr("Today") if key == TODAY else status_label(key)

    # --- querying ---------------------------------------------------------------------------

    def current_status(self) -> str:
        checked = self.filter_group.checkedButton()
        return checked.property("status") if checked else ALL_STATUSES

    def set_status_filter(self, status: str) -> None:
        self.filter_buttons[status].setChecked(True)
        self._apply_filters()

    def _apply_filters(self) -> None:
        self.search_timer.stop()
        chosen = self.current_status()
        today = chosen == TODAY
        query = replace(self.model.query, status=ALL_STATUSES if today else chosen,
                        search=self.search.text().strip(),
                        today_at=self.clock() if today else None)
        if today and self.model.query.today_at is None:  # entering Today: by deadline
            query = replace(query, sort=OrderSortKey.DEADLINE, descending=False)
            self.table.horizontalHeader().setSortIndicator(COL_DEADLINE,
                                                           Qt.SortOrder.AscendingOrder)
        self.model.set_query(query)
        self.today_note.setVisible(today)
        if today:
            self._load_today_note()

    def show_today(self) -> None:
        """The Today view: what must leave on the working day, by deadline."""
        self.set_status_filter(TODAY)

    def refresh(self) -> None:
        """Reload the table (keeping the selected order when it is still listed) and counts."""
        if self.model.query.today_at is not None:  # "today" moves on with the clock
            self.model.set_query(replace(self.model.query, today_at=self.clock()))
            self._load_today_note()
        else:
            self.model.reload()
        now, database = self.clock(), self.context.database
        self.tasks.run(lambda: order_use_cases.order_counts(database, now),
                       self._show_counts)

    def _load_today_note(self) -> None:
        now, database = self.clock(), self.context.database
        self.tasks.run(lambda: order_use_cases.account_days(database, now),
                       self._show_today_note)

    def _show_today_note(self, days: list[AccountDay]) -> None:
        self.today_note.setText("\n".join(self.today_note_text(day) for day in days))

    def today_note_text(self, day: AccountDay) -> str:
        """One account's working day in words: its cut-off, and what the view shows."""
        if day.cutoff is None:
            text = self.tr("%1: no cut-off set; showing what leaves today.")
        elif day.after_cutoff:
            text = self.tr("%1: after today's cut-off (%2): due tomorrow, %3. Showing what "
                           "leaves tomorrow.")
        else:
            text = self.tr("%1: cut-off today at %2; showing what leaves today.")
        cutoff = day.cutoff.strftime("%H:%M") if day.cutoff else ""
        return text.replace("%1", day.name).replace("%2", cutoff).replace(
            "%3", format_day(day.working_day))

    def _on_loaded(self, total: int) -> None:
        self.total_label.setText(self.tr("at least %n order(s)", "", total)
                                 if self.model.total_at_least
                                 else self.tr("%n order(s)", "", total))
        row = self.model.row_of(self._selected_order_id) if self._selected_order_id \
            else -1
        if row >= 0:
            self.table.selectRow(row)
        else:
            self._selected_order_id = None
            self.detail.show_detail(None)
        self.create_button.setEnabled(bool(self.selected_order_ids()))

    def _show_counts(self, found: tuple[dict[str, int], int]) -> None:
        per_status, due_today = found
        counts = {**per_status, TODAY: due_today}
        for status, button in self.filter_buttons.items():
            button.setText(f"{self._filter_label(status)}  {counts.get(status, 0)}")

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
        generation, database = self._detail_generation, self.context.database
        self.tasks.run(lambda: order_use_cases.order_detail(database, current),
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
        user, database = self.context.user_name, self.context.database
        self.tasks.run(lambda: picklist_use_cases.create_pick_list(database, ids, user),
                       self._on_pick_list_created, self._show_error)

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

    def make_today_pick_lists(self) -> None:
        """Pick lists of everything due today that is on no list yet (Ctrl+T); a second
        press while one runs, or after, makes no duplicate lists."""
        if self._making_today_lists:
            return
        self._making_today_lists = True
        self.show_today()
        now, user = self.clock(), self.context.user_name
        self.today_progress_bar.setRange(0, 0)  # busy until the first list is made
        self.today_progress_bar.show()
        self._show_message(self.tr("Making pick lists of everything due today…"), "muted")
        progress = self.today_progress.emit  # from the database thread: queued to this one
        database = self.context.database
        self.tasks.run(lambda: picklist_use_cases.make_today_pick_lists(
            database, now, user, progress=progress),
            self._on_today_lists, self._on_today_lists_failed)

    def _show_today_progress(self, done: int, total: int) -> None:
        self.today_progress_bar.setRange(0, total)
        self.today_progress_bar.setValue(done)

    def _on_today_lists(self, result: picklists.TodayPickLists) -> None:
        self._making_today_lists = False
        self.today_progress_bar.hide()
        if result.codes:
            text = " ".join((
                self.tr("%n pick list(s) made for today: %1.", "", len(result.codes))
                .replace("%1", ", ".join(result.codes)),
                self.tr("%n order(s) on them, by deadline.", "", result.orders)))
            role = "scan-ok"
        elif result.already_on_lists:
            text = self.tr("Everything due today is on a pick list already (%n order(s)).", "",
                           result.already_on_lists)
            role = "scan-ok"
        else:
            text = self.tr("Nothing is due today that can be picked.")
            role = "scan-warning"
        self._show_message(text, role)
        self.refresh()

    def _on_today_lists_failed(self, error: Exception) -> None:
        self._making_today_lists = False
        self.today_progress_bar.hide()
        self._show_error(error)

    def _show_error(self, error: Exception) -> None:
        self.create_button.setEnabled(bool(self.selected_order_ids()))
        self._show_message(str(error), "scan-error")

    def _show_message(self, text: str, role: str) -> None:
        self.feedback.setText(text)
        set_role(self.feedback, role)
        self.feedback.show()

    def closeEvent(self, event) -> None:
        self.tasks.shutdown()
        super().closeEvent(event)
