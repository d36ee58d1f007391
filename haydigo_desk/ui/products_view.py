"""The Products section: search the product list, see stock per channel, fix locations, stock,
weight and size, and open the stock tools (goods receipt, other-channel sale/return, stock
count and dimensions import).

Every query and change runs on ``DbTasks`` threads: while a page loads the section says so and
stays usable; a database that cannot answer is a message above the table, never a crash."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QAction, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QWidget,
)

from haydigo_desk.context import DeskContext
from haydigo_desk.domain.parcel import Fit, ParcelItem, fits
from haydigo_desk.services import product_use_cases
from haydigo_desk.services.product_queries import ProductPage, ProductRow
from haydigo_desk.ui import stock_tools as tools
from haydigo_desk.ui.db_feedback import database_problem_text, loading_text
from haydigo_desk.ui.palette import icon
from haydigo_desk.ui.permissions import ensure_manager, is_manager
from haydigo_desk.ui.preview_tables import feedback_label, show_feedback
from haydigo_desk.ui.product_dialogs import AdjustStockDialog, DimensionsDialog, LocationDialog
from haydigo_desk.ui.products_dimensions_import import DimensionsImportDialog
from haydigo_desk.ui.products_model import (
    COL_EAN,
    COL_IMAGE,
    COL_LOCATION,
    COL_TITLE,
    ROW_ROLE,
    SORT_ROLE,
    THUMBNAIL,
    ProductsModel,
    size_text,
)
from haydigo_desk.ui.section import Section, model_table
from haydigo_desk.ui.sync_controller import SyncController

PAGE_SIZE = 200


def _icon(name: str) -> QIcon:
    return icon(name)


class ProductsSection(Section):
    section_id = "products"
    icon_name = "box"

    def __init__(self, context: DeskContext, controller: SyncController,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, controller, parent)
        self.offset = 0
        self.page: ProductPage | None = None
        self._generation = 0  # a newer search wins over a page still on its way
        self.loading = False

        heading = self.heading_label()
        self.lists = QComboBox()
        self.lists.setToolTip(self.tr("Product list"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search EAN, SKU, title or location (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.lists)
        top.addWidget(self.search, 2)

        self.receipt_button = self._button(self.tr("Goods receipt"), "scan", "Ctrl+G",
                                           self.open_goods_receipt)
        self.channel_button = self._button(self.tr("Sale/return elsewhere…"), "ship",
                                           "Ctrl+E", self.open_channel_movement)
        # One button for the CSV imports keeps the row within a 1366-pixel screen.
        self.import_button = QPushButton(_icon("list"), self.tr("Import…"))
        self.import_menu = QMenu(self.import_button)
        self.import_count_action = self._menu_action(self.tr("Stock count…"), "Ctrl+I",
                                                     self.open_stock_count)
        self.import_sizes_action = self._menu_action(self.tr("Weight and size…"),
                                                     "Ctrl+Shift+I", self.open_dimensions_import)
        self.import_button.setMenu(self.import_menu)
        self.import_button.setToolTip(self.tr("Import a CSV file: stock count (Ctrl+I), weight "
                                              "and size (Ctrl+Shift+I)"))
        self.location_button = self._button(self.tr("Location…"), "box", "F2",
                                            self.edit_location)
        self.size_button = self._button(self.tr("Size…"), "box", "F3", self.edit_dimensions)
        self.size_button.setToolTip(self.tr("Weight and dimensions of one unit (F3)"))
        self.adjust_button = self._button(self.tr("Adjust stock…"), "settings", "Ctrl+J",
                                          self.adjust_stock)
        actions = QHBoxLayout()
        for button in (self.receipt_button, self.channel_button, self.import_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.location_button)
        actions.addWidget(self.size_button)
        actions.addWidget(self.adjust_button)
        self.message = feedback_label()
        self.message.setObjectName("productsMessage")
        self.message.hide()

        self.model = ProductsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = model_table(self.proxy, row_height=46, grid=True)
        self.table.setObjectName("productsTable")
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_TITLE, Qt.SortOrder.AscendingOrder)
        self.table.setIconSize(THUMBNAIL)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_IMAGE, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(COL_IMAGE, 52)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)

        self.count_label = QLabel()
        self.count_label.setProperty("role", "muted")
        self.size_label = QLabel()  # the selected product's weight and size, and the mailbox
        self.size_label.setObjectName("productSize")
        self.size_label.setProperty("role", "muted")
        self.previous_button = QPushButton(self.tr("Previous"))
        self.next_button = QPushButton(self.tr("Next"))
        self.previous_button.clicked.connect(lambda: self._go(-PAGE_SIZE))
        self.next_button.clicked.connect(lambda: self._go(PAGE_SIZE))
        pager = QHBoxLayout()
        pager.addWidget(self.count_label)
        pager.addSpacing(24)
        pager.addWidget(self.size_label, 1)
        pager.addWidget(self.previous_button)
        pager.addWidget(self.next_button)

        layout = self.page_layout()
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(pager)

        # Wait for a pause in typing; a scanner's burst ends with Enter and searches at once.
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self._search_changed)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self._search_changed)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        self.lists.currentIndexChanged.connect(self._search_changed)
        controller.data_changed.connect(self._on_data_changed)
        self.refresh()  # reads the product lists first, then their first page

    def title(self) -> str:
        return self.tr("Products")

    def _menu_action(self, text: str, shortcut: str, slot) -> QAction:
        # The key is shown after a tab; the section's own shortcut does the work (an action's
        # shortcut would only answer while the menu is open).
        keys = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
        action = self.import_menu.addAction(f"{text}\t{keys}")
        action.triggered.connect(slot)
        QShortcut(QKeySequence(shortcut), self, slot)
        return action

    def _button(self, text: str, icon: str, shortcut: str, slot) -> QPushButton:
        button = QPushButton(_icon(icon), text)
        button.setToolTip(f"{text} ({QKeySequence(shortcut).toString()})")
        button.clicked.connect(slot)
        QShortcut(QKeySequence(shortcut), self, slot)
        return button

    # --- data --------------------------------------------------------------------------------

    def _load_lists(self) -> None:
        self.count_label.setText(loading_text())
        database = self.context.database
        self.tasks.run(lambda: product_use_cases.product_lists(database), self._show_lists,
                       self._load_failed)

    def _show_lists(self, lists) -> None:
        self.lists.blockSignals(True)
        self.lists.clear()
        for info in lists:
            self.lists.addItem(info.name, info.id)
        self.lists.blockSignals(False)
        self.lists.setVisible(len(lists) > 1)
        self._update_actions()
        if lists:
            self.refresh()
        else:
            self._update_pager()  # "No products"

    @property
    def product_list_id(self) -> int | None:
        return self.lists.currentData()

    def refresh(self, select_single: bool = False) -> None:
        """Load the page in the background; ``select_single``: select a lone match (a scan)."""
        if self.lists.count() == 0:
            self._load_lists()  # refreshes once the lists are there
            return
        self._generation += 1
        generation = self._generation
        list_id, search, offset = self.product_list_id, self.search.text(), self.offset
        self.loading = True
        self.count_label.setText(loading_text())

        database = self.context.database
        self.tasks.run(lambda: product_use_cases.products_page(
            database, product_list_id=list_id, search=search, offset=offset, limit=PAGE_SIZE),
            lambda page: self._show_page(generation, page, select_single),
            lambda error: self._page_failed(generation, error))

    def _show_page(self, generation: int, page: ProductPage, select_single: bool) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self.message.hide()
        self.offset = page.offset
        self.page = page
        selected = self.selected_product()
        self.model.set_rows(page.rows)
        if selected is not None:
            self.select_product(selected.id)
        if select_single and self.model.rowCount() == 1:  # a scanned EAN: under the cursor
            self.table.selectRow(0)
        self._update_pager()
        self._update_actions()

    def _page_failed(self, generation: int, error: Exception) -> None:
        if generation == self._generation:
            self.loading = False
            self._load_failed(error)
            self._update_pager()

    def _load_failed(self, error: Exception) -> None:
        show_feedback(self.message, database_problem_text(error), "scan-error")
        self.message.show()

    def _update_pager(self) -> None:
        page = self.page
        if page is None or page.total == 0:
            self.count_label.setText(self.tr("No products") if not self.search.text()
                                     else self.tr("No product matches “{search}”")
                                     .format(search=self.search.text()))
        else:
            self.count_label.setText(self.tr("{first}–{last} of {total} products").format(
                first=page.offset + 1, last=page.offset + len(page.rows), total=page.total))
        self.previous_button.setEnabled(bool(page and page.has_previous))
        self.next_button.setEnabled(bool(page and page.has_next))

    def _go(self, step: int) -> None:
        self.offset = max(self.offset + step, 0)
        self.refresh()

    def _search_changed(self) -> None:
        self._search_timer.stop()
        self.offset = 0
        self.refresh(select_single=True)

    def _on_data_changed(self, what: str) -> None:
        if what in ("products", "stock") and self.isVisible():
            self.refresh()

    # --- selection and actions ---------------------------------------------------------------

    def selected_product(self) -> ProductRow | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        return self.proxy.data(rows[0], ROW_ROLE)

    def select_product(self, product_id: int) -> None:
        for number in range(self.proxy.rowCount()):
            row = self.proxy.data(self.proxy.index(number, 0), ROW_ROLE)
            if row.id == product_id:
                self.table.selectRow(number)
                return

    def _show_size(self, product: ProductRow | None) -> None:
        if product is None:
            self.size_label.setText("")
            return
        answer = fits([ParcelItem(product.dimensions, 1)])
        text = size_text(product.dimensions) or self.tr("weight and size unknown")
        verdict = {
            Fit.FITS: self.tr("fits a mailbox parcel"),
            Fit.TOO_BIG: self.tr("too big or heavy for a mailbox parcel"),
            Fit.UNKNOWN: self.tr("mailbox parcel: unknown until weight and size are known (F3)"),
        }[answer.fit]
        self.size_label.setText(f"{text} — {verdict}")

    def _update_actions(self, *_args) -> None:
        self._show_size(self.selected_product())
        chosen = self.selected_product() is not None
        manager = is_manager(self.context)
        only = self.tr("Manager only")
        for button in (self.location_button, self.size_button, self.adjust_button):
            button.setEnabled(chosen and manager)
        self.import_button.setEnabled(manager and self.product_list_id is not None)
        for button in (self.location_button, self.size_button, self.adjust_button,
                       self.import_button):
            if not manager:
                button.setToolTip(only)
        self.receipt_button.setEnabled(self.product_list_id is not None)
        self.channel_button.setEnabled(self.product_list_id is not None)

    def _double_clicked(self, index) -> None:
        if self.proxy.mapToSource(index).column() == COL_LOCATION:
            self.edit_location()
        elif self.proxy.mapToSource(index).column() in (COL_EAN, COL_TITLE):
            self.adjust_stock()

    def _product_or_none(self) -> ProductRow | None:
        product = self.selected_product()
        if product is None:
            self.count_label.setText(self.tr("Select a product first"))
        return product

    def edit_location(self) -> None:
        if not ensure_manager(self.context, self):
            return
        product = self._product_or_none()
        if product is None:
            return
        dialog = LocationDialog(self.context, product, self, self.tasks)
        if dialog.exec() and dialog.result_row is not None:
            self.model.replace_row(dialog.result_row)

    def edit_dimensions(self) -> None:
        if not ensure_manager(self.context, self):
            return
        product = self._product_or_none()
        if product is None:
            return
        dialog = DimensionsDialog(self.context, product, self, self.tasks)
        if dialog.exec() and dialog.result_row is not None:
            self.model.replace_row(dialog.result_row)
            self._show_size(dialog.result_row)

    def adjust_stock(self) -> None:
        if not ensure_manager(self.context, self):
            return
        product = self._product_or_none()
        if product is None:
            return
        dialog = AdjustStockDialog(self.context, product, self, self.tasks)
        if dialog.exec() and dialog.result_row is not None:
            self.model.replace_row(dialog.result_row)

    def open_goods_receipt(self) -> None:
        if self.product_list_id is None:
            return
        tools.GoodsReceiptDialog(self.context, self.product_list_id, self, self.tasks).exec()
        self.refresh()

    def open_channel_movement(self) -> None:
        if self.product_list_id is None:
            return
        tools.ChannelMovementDialog(self.context, self.product_list_id, self, self.tasks).exec()
        self.refresh()

    def open_stock_count(self) -> None:
        if not ensure_manager(self.context, self) or self.product_list_id is None:
            return
        tools.StockCountDialog(self.context, self.product_list_id, self, self.tasks).exec()
        self.refresh()

    def open_dimensions_import(self) -> None:
        if not ensure_manager(self.context, self) or self.product_list_id is None:
            return
        DimensionsImportDialog(self.context, self.product_list_id, self, self.tasks).exec()
        self.refresh()

    def closeEvent(self, event) -> None:
        self.tasks.shutdown()
        super().closeEvent(event)
