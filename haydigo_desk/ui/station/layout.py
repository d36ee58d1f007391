"""The station's widgets and how they share a 1366×768 screen (layout only, no behaviour).

What must fit on the smallest warehouse screen, in Dutch as well as English: the header
(long headings wrap instead of widening the window), the scan field, the feedback line, at
least 8 lines of a batch with the next location in view, the pack panel with packed/needed and
the state per order, and the function-key buttons (they shrink to their text).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from haydigo_desk.ui.pick_station_model import COL_COUNT, COL_IMAGE, COL_TITLE, THUMB
from haydigo_desk.ui.pick_station_model import StationLinesModel as LinesModel
from haydigo_desk.ui.section import Section
from haydigo_desk.ui.station.scan_field import ScanField

ROW_HEIGHT = THUMB + 8  # rows at their most comfortable
MIN_ROW_HEIGHT = 30  # still readable at the list font
ROWS_IN_VIEW = 8  # a picker sees at least this many lines of the walk, also at 1366×768
LIST_FONT_PT = 13


class StationTable(QTableView):
    """Rows shrink (down to ``MIN_ROW_HEIGHT``) until ``ROWS_IN_VIEW`` lines fit the view."""

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        fitting = self.viewport().height() // ROWS_IN_VIEW
        height = max(MIN_ROW_HEIGHT, min(ROW_HEIGHT, fitting))
        if height != self.verticalHeader().defaultSectionSize():
            self.verticalHeader().setDefaultSectionSize(height)
            side = min(THUMB, height - 4)
            self.setIconSize(QSize(side, side))


def _wrapping(label: QLabel) -> QLabel:
    # A wrapped label asks for little width, so a long (Dutch) text never widens the window.
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return label


class StationLayout(Section):
    """Builds the station's widgets; ``PickStationSection`` gives them behaviour."""

    def build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        header = QHBoxLayout()
        self.heading = _wrapping(QLabel())
        self.heading.setProperty("role", "title")
        self.claim_label = _wrapping(QLabel())
        self.claim_label.setProperty("role", "muted")
        self.no_sound = QLabel()
        self.no_sound.setProperty("role", "scan-info")
        self.no_sound.setVisible(False)
        self.counter = QLabel()
        self.counter.setProperty("role", "counter")
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        titles = QVBoxLayout()
        titles.addWidget(self.heading)
        titles.addWidget(self.claim_label)
        header.addLayout(titles, 1)
        header.addWidget(self.no_sound, 0, Qt.AlignmentFlag.AlignVCenter)
        header.addWidget(self.counter)
        layout.addLayout(header)

        self.alert = QFrame()
        self.alert.setProperty("role", "alert")
        alert_layout = QHBoxLayout(self.alert)
        self.alert_text = _wrapping(QLabel())
        self.alert_button = QPushButton()
        self.alert_button.setProperty("role", "big")
        self.alert_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        alert_layout.addWidget(self.alert_text, 1)
        alert_layout.addWidget(self.alert_button)
        self.alert.setVisible(False)
        layout.addWidget(self.alert)

        scan_row = QHBoxLayout()
        self.scan_field = ScanField()
        self.scan_field.setProperty("role", "scan")
        self.quantity = QSpinBox()
        self.quantity.setRange(1, 9999)
        self.quantity.setPrefix("× ")
        self.quantity.setMinimumHeight(64)
        self.quantity.setMinimumWidth(150)
        self.quantity.setProperty("role", "quantity")
        scan_row.addWidget(self.scan_field, 1)
        scan_row.addWidget(self.quantity)
        layout.addLayout(scan_row)

        self.feedback = _wrapping(QLabel())
        self.feedback.setMinimumHeight(44)
        layout.addWidget(self.feedback)

        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)
        self.pages.addWidget(self._build_idle_page())
        self.pages.addWidget(self._build_work_page())

        self.shipment_label = _wrapping(QLabel())
        self.shipment_label.setVisible(False)
        layout.addWidget(self.shipment_label)

        buttons = QHBoxLayout()
        self.quantity_button = self._big_button()
        self.choose_button = self._big_button()
        self.ship_button = self._big_button()
        self.resend_button = self._big_button()
        self.leave_button = self._big_button()
        for button in (self.quantity_button, self.choose_button, self.ship_button,
                       self.resend_button, self.leave_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        # The texts keep the context they always had ("PickStationSection", the view's class).
        self.alert_button.setText(QCoreApplication.translate(
            "PickStationSection", "Put back — done (Enter)"))
        self.scan_field.setPlaceholderText(QCoreApplication.translate(
            "PickStationSection", "Scan a barcode"))
        self.quantity.setToolTip(QCoreApplication.translate(
            "PickStationSection", "Units for the next scan (F2)"))
        self.quantity_button.setText(QCoreApplication.translate(
            "PickStationSection", "F2 Quantity"))
        self.choose_button.setText(QCoreApplication.translate(
            "PickStationSection", "F4 Choose"))
        self.ship_button.setText(QCoreApplication.translate(
            "PickStationSection", "F8 Ship"))
        self.resend_button.setText(QCoreApplication.translate(
            "PickStationSection", "F9 Correct and resend"))
        self.leave_button.setText(QCoreApplication.translate(
            "PickStationSection", "Esc Leave"))
        self.pick_lists_title.setText(QCoreApplication.translate(
            "PickStationSection", "Pick lists (batch picking)"))
        self.orders_title.setText(QCoreApplication.translate(
            "PickStationSection", "Orders (single-order pick & pack)"))
        self.pack_title.setText(QCoreApplication.translate(
            "PickStationSection", "Pack: scan an order"))

    @staticmethod
    def _big_button() -> QPushButton:
        button = QPushButton()
        button.setProperty("role", "big")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # focus stays in the scan field
        button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        return button

    def _list(self) -> QListWidget:
        widget = QListWidget()
        font = widget.font()
        font.setPointSize(LIST_FONT_PT)
        widget.setFont(font)
        widget.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        widget.setWordWrap(True)
        return widget

    def _build_idle_page(self) -> QWidget:
        page = QWidget()
        layout = QHBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.pick_lists_list = self._list()
        self.orders_list = self._list()
        self.pick_lists_title = _wrapping(QLabel())
        self.orders_title = _wrapping(QLabel())
        for label, widget in ((self.pick_lists_title, self.pick_lists_list),
                              (self.orders_title, self.orders_list)):
            column = QVBoxLayout()
            label.setProperty("role", "title")
            column.addWidget(label)
            column.addWidget(widget, 1)
            layout.addLayout(column, 1)
        return page

    def _build_work_page(self) -> QWidget:
        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        self.model = LinesModel(self)
        self.table = StationTable()
        self.table.setModel(self.model)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.table.setIconSize(QSize(THUMB, THUMB))
        header = self.table.horizontalHeader()
        # Columns fit their contents once per loaded work (modelReset), not at every scan: a
        # ResizeToContents header measures every cell again on each dataChanged, which costs
        # the picker milliseconds per scan on a busy machine.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_IMAGE, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(COL_IMAGE, THUMB + 8)
        self.model.modelReset.connect(self._fit_columns)
        font = self.table.font()
        font.setPointSize(LIST_FONT_PT + 1)
        self.table.setFont(font)
        splitter.addWidget(self.table)

        self.pack_panel = QWidget()
        pack_layout = QVBoxLayout(self.pack_panel)
        pack_layout.setContentsMargins(0, 0, 0, 0)
        self.pack_title = _wrapping(QLabel())
        self.pack_title.setProperty("role", "title")
        self.pack_list = self._list()
        pack_layout.addWidget(self.pack_title)
        pack_layout.addWidget(self.pack_list, 1)
        self.pack_panel.setMinimumWidth(260)
        splitter.addWidget(self.pack_panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        return splitter

    def _fit_columns(self) -> None:
        for column in range(self.model.columnCount()):
            if column not in (COL_TITLE, COL_IMAGE):
                self.table.resizeColumnToContents(column)

    def scroll_to_next(self, changed_row: int | None = None) -> None:
        """Keep the next location to walk to in view (else the row just scanned)."""
        following = self.next_row()
        row = following if following is not None else changed_row
        if row is not None:
            self.table.scrollTo(self.model.index(row, COL_COUNT),
                                QAbstractItemView.ScrollHint.PositionAtCenter
                                if following is not None else
                                QAbstractItemView.ScrollHint.EnsureVisible)

    def next_row(self) -> int | None:
        """The row of the next location still to pick (tests check it is visible)."""
        return next((row for row, line in enumerate(self.model.lines())
                     if line.needed > line.picked and not line.cancelled), None)
