"""The pick & pack station: a scan field that keeps focus, big feedback, sounds.

Two ways of working, both started by scanning (or choosing) a code:
- a pick list "PL-000042": batch picking of product totals in walking order, then packing order by
  order (scan an order id of the list, scan its items);
- a bol.com order id: single-order pick & pack.
Scans are written at once (one short transaction each), so leaving half-way keeps them. When an
order is complete the shipment dialog opens; the shipment is queued in the outbox and posted by
the sync worker (awaited with qasync, the window never blocks).
"""

from __future__ import annotations

import asyncio
import logging
from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from haydigo_desk.context import DeskContext
from haydigo_desk.domain.scanning import CodeKind, ScanResult, classify
from haydigo_desk.domain.states import OrderStatus, ShipmentState
from haydigo_desk.services import shipping
from haydigo_desk.services.claims import StationIdentity, claim_order, release_order
from haydigo_desk.services.picking import (
    LineView,
    OrderWork,
    PickingService,
    PickListWork,
    PutBack,
    ScanOutcome,
    WorkRef,
)
from haydigo_desk.ui.pick_station_model import COL_COUNT, COL_IMAGE, COL_TITLE, THUMB
from haydigo_desk.ui.pick_station_model import StationLinesModel as LinesModel
from haydigo_desk.ui.shipment_dialog import ShipmentDialog, ShipmentRequest
from haydigo_desk.ui.sounds import Sound, SoundPlayer

log = logging.getLogger(__name__)


class Mode(StrEnum):
    IDLE = "idle"
    BATCH = "batch"
    ORDER = "order"


def restyle(widget: QWidget, role: str) -> None:
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class PickStationSection(QWidget):
    section_id = "station"
    icon_name = "scan"

    def __init__(self, context: DeskContext, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.controller = controller
        self.station = StationIdentity(context.workstation, context.user_name)
        self.service = PickingService(context.database, self.station)
        self.sounds = SoundPlayer(context.settings, self)
        self.mode = Mode.IDLE
        self.order: OrderWork | None = None
        self.pick_list: PickListWork | None = None
        self.active_dialog: QWidget | None = None  # the one open dialog (tests click it)
        self.pending_put_back = False
        self._posting: asyncio.Future | None = None
        self._build()
        self._shortcuts()
        controller.data_changed.connect(self._on_data_changed)
        self._show_idle()

    # --- layout ---------------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Pick & pack")

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        self.heading = QLabel()
        self.heading.setProperty("role", "title")
        self.claim_label = QLabel()
        self.claim_label.setProperty("role", "muted")
        self.counter = QLabel()
        self.counter.setProperty("role", "counter")
        self.counter.setMinimumWidth(260)
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        titles = QVBoxLayout()
        titles.addWidget(self.heading)
        titles.addWidget(self.claim_label)
        header.addLayout(titles, 1)
        header.addWidget(self.counter)
        layout.addLayout(header)

        self.alert = QFrame()
        self.alert.setProperty("role", "alert")
        alert_layout = QHBoxLayout(self.alert)
        self.alert_text = QLabel()
        self.alert_text.setWordWrap(True)
        self.alert_button = QPushButton(self.tr("Put back — done (Enter)"))
        self.alert_button.setProperty("role", "big")
        self.alert_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.alert_button.clicked.connect(self.acknowledge_put_back)
        alert_layout.addWidget(self.alert_text, 1)
        alert_layout.addWidget(self.alert_button)
        self.alert.setVisible(False)
        layout.addWidget(self.alert)

        scan_row = QHBoxLayout()
        self.scan_field = QLineEdit()
        self.scan_field.setProperty("role", "scan")
        self.scan_field.setPlaceholderText(self.tr("Scan a barcode"))
        self.scan_field.returnPressed.connect(self._on_return)
        self.quantity = QSpinBox()
        self.quantity.setRange(1, 9999)
        self.quantity.setPrefix("× ")
        self.quantity.setMinimumHeight(64)
        self.quantity.setMinimumWidth(150)
        self.quantity.setStyleSheet("font-size: 22pt; font-weight: 600;")
        self.quantity.setToolTip(self.tr("Units for the next scan (F2)"))
        self.quantity.editingFinished.connect(self.focus_scan)
        scan_row.addWidget(self.scan_field, 1)
        scan_row.addWidget(self.quantity)
        layout.addLayout(scan_row)

        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.feedback.setMinimumHeight(48)
        layout.addWidget(self.feedback)

        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)
        self.pages.addWidget(self._build_idle_page())
        self.pages.addWidget(self._build_work_page())

        self.shipment_label = QLabel()
        self.shipment_label.setWordWrap(True)
        self.shipment_label.setVisible(False)
        layout.addWidget(self.shipment_label)

        buttons = QHBoxLayout()
        self.quantity_button = self._big_button(self.tr("F2 Quantity"), self.enter_quantity)
        self.choose_button = self._big_button(self.tr("F4 Choose"), self.choose_from_list)
        self.ship_button = self._big_button(self.tr("F8 Ship"), self.ship)
        self.resend_button = self._big_button(self.tr("F9 Correct and resend"), self.resend)
        self.leave_button = self._big_button(self.tr("Esc Leave"), self.leave)
        for button in (self.quantity_button, self.choose_button, self.ship_button,
                       self.resend_button, self.leave_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def _big_button(self, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setProperty("role", "big")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # focus stays in the scan field
        button.clicked.connect(slot)
        return button

    def _build_idle_page(self) -> QWidget:
        page = QWidget()
        layout = QHBoxLayout(page)
        self.pick_lists_list = QListWidget()
        self.orders_list = QListWidget()
        for title, widget in ((self.tr("Pick lists (batch picking)"), self.pick_lists_list),
                              (self.tr("Orders (single-order pick & pack)"), self.orders_list)):
            column = QVBoxLayout()
            label = QLabel(title)
            label.setProperty("role", "title")
            column.addWidget(label)
            column.addWidget(widget, 1)
            widget.itemActivated.connect(self._open_item)
            widget.setStyleSheet("font-size: 14pt;")
            widget.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            layout.addLayout(column, 1)
        return page

    def _build_work_page(self) -> QWidget:
        splitter = QSplitter()
        self.model = LinesModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(THUMB + 12)
        self.table.setIconSize(self.table.iconSize().expandedTo(
            self.table.iconSize().scaled(THUMB, THUMB, Qt.AspectRatioMode.IgnoreAspectRatio)))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_IMAGE, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(COL_IMAGE, THUMB + 12)
        font = self.table.font()
        font.setPointSize(15)
        self.table.setFont(font)
        splitter.addWidget(self.table)

        self.pack_panel = QWidget()
        pack_layout = QVBoxLayout(self.pack_panel)
        pack_title = QLabel(self.tr("Pack: scan an order"))
        pack_title.setProperty("role", "title")
        self.pack_list = QListWidget()
        self.pack_list.setStyleSheet("font-size: 14pt;")
        self.pack_list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.pack_list.itemActivated.connect(self._open_item)
        pack_layout.addWidget(pack_title)
        pack_layout.addWidget(self.pack_list, 1)
        splitter.addWidget(self.pack_panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        return splitter

    def _shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for key, slot in (("F2", self.enter_quantity), ("F4", self.choose_from_list),
                          ("F8", self.ship), ("F9", self.resend), ("Esc", self.leave)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)

    # --- section protocol -----------------------------------------------------------------------

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.sounds.preload()
        self.focus_scan()

    def focus_scan(self) -> None:
        self.scan_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def refresh(self) -> None:
        """Reload what is on screen (the sync changed data, or the section became visible)."""
        if self.mode is Mode.ORDER and self.order is not None:
            self._reload_order()
        elif self.mode is Mode.BATCH and self.pick_list is not None:
            self._reload_pick_list()
        else:
            self._fill_idle_lists()
        self.focus_scan()

    # --- feedback -------------------------------------------------------------------------------

    def say(self, text: str, role: str, sound: Sound | None = None) -> None:
        self.feedback.setText(text)
        restyle(self.feedback, role)
        if sound is not None:
            self.sounds.play(sound)

    def _refused(self, outcome: ScanOutcome) -> str:
        result, code = outcome.result, outcome.decision.code.raw
        line = outcome.line
        if result is ScanResult.NOT_IN_ORDER:
            return self.tr("{code} is not in this order — leave it out").format(code=code)
        if result is ScanResult.BAD_CHECK_DIGIT:
            return self.tr("{code}: wrong check digit — scan again or type it carefully").format(
                code=code)
        if result is ScanResult.TOO_MANY:
            if line is not None:
                return self.tr("One too many: {title} needs {needed}, {picked} already picked"
                               ).format(title=line.title, needed=line.needed,
                                        picked=min(line.picked, line.needed))
            return self.tr("One too many: this product is complete")
        if result is ScanResult.LINE_CANCELLED:
            title = line.title if line is not None else code
            return self.tr("{title} was cancelled — do not pack it").format(title=title)
        if result is ScanResult.BAD_QUANTITY:
            return self.tr("The quantity must be 1 to 9999")
        if result is ScanResult.CLAIM_LOST:
            return self.tr("{holder} took this order over — you cannot scan it any more").format(
                holder=outcome.holder or "?")
        return self.tr("{code}: unknown code").format(code=code)

    # --- scanning -------------------------------------------------------------------------------

    def _on_return(self) -> None:
        text = self.scan_field.text().strip()
        self.scan_field.clear()
        if self.pending_put_back:
            if text:
                self.say(self.tr("Put the cancelled items back first, then press Enter"),
                         "scan-error", Sound.ERROR)
            else:
                self.acknowledge_put_back()
            return
        if text:
            self.handle_scan(text)

    def handle_scan(self, text: str) -> None:
        code = classify(text)
        if code.kind in (CodeKind.PICK_LIST, CodeKind.ORDER):
            self._open_scanned_work(text)
            return
        quantity = self.quantity.value() if self.quantity.value() != 1 else None
        self.quantity.setValue(1)
        if self.mode is Mode.ORDER and self.order is not None:
            outcome = self.service.scan_order(self.order.order_id, text, quantity)
        elif self.mode is Mode.BATCH and self.pick_list is not None:
            outcome = self.service.scan_batch(self.pick_list.pick_list_id, text, quantity)
        else:
            self.service.log_event(text, "no_work")
            self.say(self.tr("Scan a pick list or an order first"), "scan-error", Sound.ERROR)
            return
        self._show_outcome(outcome)

    def _show_outcome(self, outcome: ScanOutcome) -> None:
        if not outcome.accepted:
            self.say(self._refused(outcome), "scan-error", Sound.ERROR)
            if outcome.result is ScanResult.CLAIM_LOST:
                self._alert(self._refused(outcome))
                self._back_from_order(release=False)
            return
        line = outcome.line
        assert line is not None
        row = self.model.update_line(line)
        if row is not None:
            self.table.scrollTo(self.model.index(row, COL_COUNT))
        self._update_counter()
        self.say(self.tr("✔ {title}   {picked} / {needed}").format(
            title=line.title, picked=line.picked, needed=line.needed), "scan-ok")
        if self._work_complete():
            self.sounds.play(Sound.DONE)
            if self.mode is Mode.ORDER:
                self.ship()
            else:
                self._reload_pick_list()
                self.say(self.tr("Everything is picked. Now scan an order to pack it."),
                         "scan-ok")
        else:
            self.sounds.play(Sound.OK)

    def _work_complete(self) -> bool:
        lines = [line.scan_line() for line in self.model.lines()]
        live = [line for line in lines if not line.cancelled and line.needed > 0]
        return bool(live) and all(line.remaining == 0 for line in live)

    def enter_quantity(self) -> None:
        if self.mode is Mode.IDLE:
            return
        self.quantity.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.quantity.selectAll()

    def choose_from_list(self) -> None:
        if self.mode is Mode.BATCH:
            self.pack_list.setFocus()
        elif self.mode is Mode.IDLE:
            self._fill_idle_lists()
            self.orders_list.setFocus()

    # --- opening and leaving work ---------------------------------------------------------------

    def _open_scanned_work(self, text: str) -> None:
        ref = self.service.find_work(text)
        if ref is None:
            self.service.log_event(text, "unknown_code")
            self.say(self.tr("{code}: no pick list or order with this code").format(code=text),
                     "scan-error", Sound.ERROR)
            return
        self.service.log_event(text, f"open_{ref.kind}",
                               order_id=ref.id if ref.kind == "order" else None,
                               pick_list_id=ref.id if ref.kind == "pick_list" else None)
        self._open_ref(ref)

    def _open_item(self, item: QListWidgetItem) -> None:
        ref = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(ref, WorkRef):
            self._open_ref(ref)
        self.focus_scan()

    def _open_ref(self, ref: WorkRef) -> None:
        if ref.kind == "pick_list":
            self.open_pick_list(ref.id)
        else:
            self.open_order(ref.id)

    def open_pick_list(self, pick_list_id: int) -> None:
        """Start (or continue) batch picking of a pick list."""
        self._release_current_order()
        work = self.service.load_pick_list(pick_list_id)
        if work is None:
            return
        self.mode, self.pick_list, self.order = Mode.BATCH, work, None
        self._show_pick_list(work)
        self.say(self.tr("Pick list {code}: scan the products in this order").format(
            code=work.code), "scan-ok", Sound.OK)
        self.focus_scan()

    def open_order(self, order_id: int, *, take_over: bool = False) -> None:
        """Pick & pack one order; claims it for this desk (asks before taking it over).

        A cancelled or shipped order is refused with the reason and not claimed; units of it
        still off the shelf are asked back first."""
        if self.order is not None and self.order.order_id != order_id:
            self._release_current_order()
        work = self.service.load_order(order_id)
        if work is None:
            return
        if work.status in (OrderStatus.CANCELLED.value, OrderStatus.SHIPPED.value):
            self._refuse_closed(work)
            return
        claim = claim_order(self.context.database, order_id, self.station, take_over=take_over)
        if not claim.claimed:
            self._ask_take_over(order_id, claim.holder or "?")
            return
        work = self.service.load_order(order_id) or work
        self.mode, self.order = Mode.ORDER, work
        self._show_order(work)
        if work.put_back:
            self._interrupt(tuple(PutBack(v.title, v.ean, v.location, v.put_back)
                                  for v in work.put_back))
        else:
            self.say(self.tr("Order {order}: scan its items").format(order=work.bol_order_id),
                     "scan-ok", Sound.OK)
        self.focus_scan()

    def _refuse_closed(self, work: OrderWork) -> None:
        if work.status == OrderStatus.CANCELLED.value:
            text = self.tr("Order {order} was cancelled by the customer — do not pack it")
        else:
            text = self.tr("Order {order} is already shipped")
        text = text.format(order=work.bol_order_id)
        self.service.log_event(work.bol_order_id, f"refused_{work.status}", order_id=work.order_id)
        if work.put_back:
            # Shown (not claimed) so the units can go back; Enter or OK returns to idle.
            self.mode, self.order = Mode.ORDER, work
            self._show_order(work)
            self._interrupt(tuple(PutBack(v.title, v.ean, v.location, v.put_back)
                                  for v in work.put_back), cancelled=True)
            self.say(text, "scan-error", Sound.ALERT)
            return
        self.say(text, "scan-error", Sound.ERROR)
        self.focus_scan()

    def _ask_take_over(self, order_id: int, holder: str) -> None:
        self.say(self.tr("{holder} is working on this order").format(holder=holder),
                 "scan-warning", Sound.ERROR)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Order in use"), self.tr(
            "{holder} is working on this order.\nTake it over? They will be stopped at their "
            "next scan.").format(holder=holder),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda answer: self._take_over_answered(order_id, answer))
        self._show_dialog(box)

    def _take_over_answered(self, order_id: int, answer: int) -> None:
        self.active_dialog = None
        if answer == QMessageBox.StandardButton.Yes:
            self.open_order(order_id, take_over=True)
        self._return_focus()

    def leave(self) -> None:
        """Esc: leave the order (back to its pick list) or the pick list; scans are kept."""
        if self.pending_put_back:
            return
        if self.mode is Mode.ORDER:
            self._back_from_order(release=True)
        elif self.mode is Mode.BATCH:
            self.pick_list = None
            self._show_idle()
        self.focus_scan()

    def _back_from_order(self, *, release: bool) -> None:
        if release:
            self._release_current_order()
        self.order = None
        self.shipment_label.setVisible(False)
        if self.pick_list is not None:
            self.mode = Mode.BATCH
            self._reload_pick_list()
        else:
            self._show_idle()

    def _release_current_order(self) -> None:
        if self.order is not None:
            release_order(self.context.database, self.order.order_id, self.station)

    # --- showing work ---------------------------------------------------------------------------

    def _show_idle(self) -> None:
        self.mode, self.order = Mode.IDLE, None
        self.heading.setText(self.tr("Scan a pick list or an order"))
        self.claim_label.setText(self.tr("Or choose one below (F4)"))
        self.counter.clear()
        self.shipment_label.setVisible(False)
        self.pages.setCurrentIndex(0)
        self._fill_idle_lists()
        self._update_buttons()

    def _fill_idle_lists(self) -> None:
        work = self.service.open_work()
        for widget, refs in ((self.pick_lists_list, work.pick_lists),
                             (self.orders_list, work.orders)):
            widget.clear()
            for ref in refs:
                item = QListWidgetItem(ref.label)
                item.setData(Qt.ItemDataRole.UserRole, ref)
                widget.addItem(item)

    def _show_pick_list(self, work: PickListWork) -> None:
        self.heading.setText(self.tr("Pick list {code} — batch picking").format(code=work.code))
        self.claim_label.setText(self.tr("Walk the locations top to bottom; scan each unit"))
        self.model.set_lines(work.lines)
        self.pack_panel.setVisible(True)
        self.pack_list.clear()
        for order in work.orders:
            item = QListWidgetItem(self.tr("{order}  {customer}   {packed} / {needed}  {status}")
                                   .format(order=order.bol_order_id, customer=order.customer_name,
                                           packed=order.units_packed, needed=order.units_needed,
                                           status=order.status))
            item.setData(Qt.ItemDataRole.UserRole, WorkRef("order", order.order_id,
                                                           order.bol_order_id))
            self.pack_list.addItem(item)
        self.pages.setCurrentIndex(1)
        self.shipment_label.setVisible(False)
        self._update_counter()
        self._update_buttons()

    def _show_order(self, work: OrderWork) -> None:
        via = self.tr(" (from pick list {code})").format(code=self.pick_list.code) \
            if self.pick_list is not None else ""
        self.heading.setText(self.tr("Order {order} — {customer}").format(
            order=work.bol_order_id, customer=work.customer_name) + via)
        self.claim_label.setText(self.tr("Claimed by {who} · status {status}").format(
            who=work.claimed_by or "—", status=work.status))
        self.model.set_lines(work.lines)
        self.pack_panel.setVisible(False)
        self.pages.setCurrentIndex(1)
        self._update_counter()
        self._show_shipment(work)
        self._update_buttons()

    def _update_counter(self) -> None:
        lines = self.model.lines()
        if self.mode is Mode.ORDER and self.order is not None \
                and self.order.status == OrderStatus.SHIPPED.value:
            self.counter.setText(self.tr("shipped"))
            return
        needed = sum(line.needed for line in lines)
        picked = sum(min(line.picked, line.needed) for line in lines)
        self.counter.setText(f"{picked} / {needed}")

    def _update_buttons(self) -> None:
        in_order = self.mode is Mode.ORDER
        failed = bool(in_order and self.order and self.order.shipment
                      and self.order.shipment.state == ShipmentState.FAILED.value)
        self.ship_button.setEnabled(in_order and self._posting is None)
        self.resend_button.setVisible(failed)
        self.quantity_button.setEnabled(self.mode is not Mode.IDLE)
        self.leave_button.setEnabled(self.mode is not Mode.IDLE)

    def _reload_order(self) -> None:
        assert self.order is not None
        work = self.service.load_order(self.order.order_id)
        if work is None:
            return
        self.order = work
        self._show_order(work)

    def _reload_pick_list(self) -> None:
        assert self.pick_list is not None
        work = self.service.load_pick_list(self.pick_list.pick_list_id)
        if work is not None:
            self.pick_list = work
            self._show_pick_list(work)

    # --- cancellations --------------------------------------------------------------------------

    def _on_data_changed(self, what: str) -> None:
        if not what.startswith("cancellation:"):
            return
        try:
            order_id = int(what.split(":", 1)[1])
        except ValueError:
            return
        if self.mode is Mode.ORDER and self.order and self.order.order_id == order_id:
            self._reload_order()
            assert self.order is not None
            put_back = tuple(PutBack(v.title, v.ean, v.location, v.put_back)
                             for v in self.order.put_back)
            self._interrupt(put_back, cancelled=self.order.units_needed == 0)
        elif self.mode is Mode.BATCH and self.pick_list and any(
                o.order_id == order_id for o in self.pick_list.orders):
            self._reload_pick_list()
            assert self.pick_list is not None
            put_back = tuple(PutBack(v.title, v.ean, v.location, v.put_back)
                             for v in self.pick_list.lines if v.put_back)
            self._interrupt(put_back)

    def _interrupt(self, put_back: tuple[PutBack, ...], *, cancelled: bool = False) -> None:
        """Stop the picker: alert sound, red banner and a dialog saying what goes back."""
        if put_back:
            items = "\n".join(self.tr("• {n} × {title}  (EAN {ean}, location {location})")
                              .format(n=p.quantity, title=p.title, ean=p.ean,
                                      location=p.location or "—") for p in put_back)
            text = self.tr("STOP — the customer cancelled. Put back:\n{items}").format(
                items=items)
        elif cancelled:
            text = self.tr("STOP — the customer cancelled this order. Do not ship it.")
        else:
            text = self.tr("STOP — the customer cancelled a line. Nothing to put back; "
                           "do not pack the cancelled line.")
        self.pending_put_back = True
        self.alert_text.setText(text)
        self.alert.setVisible(True)
        self.say(self.tr("Order changed: cancelled by the customer"), "scan-error", Sound.ALERT)
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Cancelled by the customer"), text,
                          QMessageBox.StandardButton.Ok, self)
        box.finished.connect(lambda _answer: self.acknowledge_put_back())
        self._show_dialog(box)

    def _alert(self, text: str) -> None:
        self.sounds.play(Sound.ALERT)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Stopped"), text,
                          QMessageBox.StandardButton.Ok, self)
        box.finished.connect(lambda _answer: self._dialog_closed())
        self._show_dialog(box)

    def acknowledge_put_back(self) -> None:
        """The picker put the items back: lower the counts and carry on (or leave)."""
        if not self.pending_put_back:
            return
        self.pending_put_back = False
        self.alert.setVisible(False)
        if self.active_dialog is not None:
            dialog, self.active_dialog = self.active_dialog, None
            dialog.close()
        if self.mode is Mode.ORDER and self.order is not None:
            self.service.put_back_order(self.order.order_id)
            self._reload_order()
            if self.order.units_needed == 0:
                self._back_from_order(release=True)
        elif self.mode is Mode.BATCH and self.pick_list is not None:
            self.service.put_back_pick_list(self.pick_list.pick_list_id)
            self._reload_pick_list()
        self.say(self.tr("Carry on scanning"), "scan-warning")
        self._return_focus()

    def _show_dialog(self, dialog: QWidget) -> None:
        self.active_dialog = dialog
        dialog.open()  # window-modal, non-blocking: the event loop (and the sync) keep running

    def _dialog_closed(self) -> None:
        self.active_dialog = None
        self._return_focus()

    def _return_focus(self) -> None:
        # After one of our dialogs the desk window must take the scanner's keys again.
        if self.isVisible():
            self.window().activateWindow()
        self.focus_scan()

    # --- shipping -------------------------------------------------------------------------------

    def _language(self) -> str:
        language = self.context.settings.language
        return language if language != "system" else self.locale().name()[:2]

    def _default_transporter(self) -> str:
        assert self.order is not None
        return shipping.default_transporter(self.context.database, self.order.account_id,
                                            self.context.settings.last_transporter)

    def ship(self, *, resend_of: int | None = None) -> None:
        """F8: ask transporter and track & trace, queue in the outbox, post via the worker."""
        if self.mode is not Mode.ORDER or self.order is None or self.active_dialog is not None:
            return
        if self._posting is not None:
            self.say(self.tr("The shipment is being posted — wait for bol.com"), "scan-warning")
            return
        shipment = self.order.shipment
        if resend_of is None and shipment and shipment.state in shipping.OPEN_STATES:
            self._post_queued(shipment.shipment_id)
            return
        try:
            plan = shipping.plan_shipment(self.context.database, self.order.order_id)
        except shipping.ShipmentRefused as refused:
            self._show_refusal(refused)
            return
        if not plan.units:
            self.say(self.tr("Nothing picked yet — scan the items first"), "scan-error",
                     Sound.ERROR)
            return
        previous = shipment if resend_of is not None else None
        dialog = ShipmentDialog(
            order_label=self.order.bol_order_id, units=plan.units,
            partial=plan.partial and resend_of is None, open_units=self.order.units_needed,
            default_transporter=previous.transporter_code if previous
            else self._default_transporter(),
            track_and_trace=(previous.track_and_trace or "") if previous else "",
            language=self._language(), parent=self,
        )
        dialog.finished.connect(lambda _r: self._shipment_dialog_done(dialog, resend_of))
        self._show_dialog(dialog)

    def resend(self) -> None:
        """F9: after bol.com refused the shipment, correct it and send a new one."""
        if self.order and self.order.shipment and \
                self.order.shipment.state == ShipmentState.FAILED.value:
            self.ship(resend_of=self.order.shipment.shipment_id)

    def _shipment_dialog_done(self, dialog: ShipmentDialog, resend_of: int | None) -> None:
        self.active_dialog = None
        self._return_focus()
        request = dialog.request
        if request is None or self.order is None:
            return
        self._remember_transporter(request)
        try:
            if resend_of is None:
                queued = shipping.queue_shipment(
                    self.context.database, self.order.order_id, request.transporter_code,
                    request.track_and_trace, station=self.station,
                    confirm_format=request.confirm_format,
                    confirm_partial=request.confirm_partial)
            else:
                queued = shipping.resend_shipment(
                    self.context.database, resend_of, request.transporter_code,
                    request.track_and_trace, station=self.station,
                    confirm_format=request.confirm_format)
        except shipping.ShipmentRefused as refused:
            self._show_refusal(refused)
            return
        self._reload_order()
        self._post(queued.shipment_id, queued.outbox_entry_id)

    def _remember_transporter(self, request: ShipmentRequest) -> None:
        settings = self.context.settings
        if settings.last_transporter != request.transporter_code:
            settings.last_transporter = request.transporter_code
            try:
                self.context.settings_store.save(settings)
            except OSError as exc:  # a read-only settings file must not stop a shipment
                log.warning("Could not save the last transporter: %s", exc)

    def _show_refusal(self, refused: shipping.ShipmentRefused) -> None:
        reason = refused.reason
        texts = {
            shipping.Refusal.ORDER_CLOSED: self.tr(
                "Not shipped: the order is already shipped or cancelled"),
            shipping.Refusal.PUT_BACK_FIRST: self.tr(
                "Not shipped: put the cancelled items back first"),
            shipping.Refusal.NOTHING_PICKED: self.tr(
                "Nothing picked yet — scan the items first"),
            shipping.Refusal.PARTIAL_NOT_CONFIRMED: self.tr(
                "A partial shipment needs confirmation"),
            shipping.Refusal.UNKNOWN_TRANSPORTER: self.tr("Unknown transporter"),
        }
        text = refused.check.message(self._language()) if refused.check else texts.get(
            reason, self.tr("Not shipped: {reason}").format(reason=reason.value))
        self.say(text, "scan-error", Sound.ERROR)

    def _post_queued(self, shipment_id: int) -> None:
        self._post(shipment_id, shipping.outbox_entry_of(self.context.database, shipment_id))

    def _post(self, shipment_id: int, entry_id: int | None) -> None:
        self._set_shipment_text(self.tr("Posting the shipment to bol.com…"), "scan-warning")
        if entry_id is None or not getattr(self.controller, "available", False):
            self._set_shipment_text(self.tr(
                "Shipment queued: it is posted to bol.com with the next sync"), "scan-warning")
            return
        self._posting = asyncio.ensure_future(self._post_and_wait(shipment_id, entry_id))
        self._update_buttons()

    async def _post_and_wait(self, shipment_id: int, entry_id: int) -> None:
        message = ""
        try:
            result = await self.controller.submit(lambda s: s.post_outbox_now(entry_id))
            message = str(getattr(result, "message", "") or "")
        except Exception as exc:  # the worker's failure is shown, the shipment stays queued
            log.exception("Posting shipment %s failed", shipment_id)
            message = str(exc)
        finally:
            self._posting = None
        self._after_post(shipment_id, message)

    def _after_post(self, shipment_id: int, message: str) -> None:
        if self.mode is Mode.ORDER and self.order is not None:
            self._reload_order()
        status = shipping.shipment_status(self.context.database, shipment_id)
        if status is None:
            return
        if status.state == ShipmentState.FAILED.value and not status.error and message:
            self._set_shipment_text(self.tr("bol.com refused the shipment: {error}").format(
                error=message), "scan-error")
        self._update_buttons()
        self._announce(status)

    def _announce(self, status: shipping.ShipmentStatus) -> None:
        if status.state == ShipmentState.CONFIRMED.value:
            self.sounds.play(Sound.DONE)
            self.say(self.tr("Shipped — confirmed by bol.com. Scan the next order."), "scan-ok")
            release_order(self.context.database, status.order_id, self.station)
            if self.order is not None and self.order.order_id == status.order_id:
                self._reload_order()
        elif status.state in (ShipmentState.FAILED.value, ShipmentState.CANCELLED.value):
            self.sounds.play(Sound.ERROR)
            self.say(self.tr("Not shipped — see below"), "scan-error")

    def _show_shipment(self, work: OrderWork) -> None:
        shipment = work.shipment
        if shipment is None:
            self.shipment_label.setVisible(False)
            return
        state = shipment.state
        if state == ShipmentState.CONFIRMED.value or work.status == OrderStatus.SHIPPED.value:
            self._set_shipment_text(self.tr("Order {order}: shipped ({carrier} {code})").format(
                order=work.bol_order_id, carrier=shipment.transporter_code,
                code=shipment.track_and_trace or "—"), "scan-ok")
        elif state == ShipmentState.FAILED.value:
            self._set_shipment_text(self.tr(
                "bol.com refused the shipment: {error}\nCorrect and resend with F9.").format(
                error=shipment.error or self.tr("no reason given")), "scan-error")
        elif state == ShipmentState.CANCELLED.value:
            self._set_shipment_text(self.tr("Shipment stopped: {error}").format(
                error=shipment.error or self.tr("cancelled by the customer")), "scan-error")
        elif self._posting is not None:
            self._set_shipment_text(self.tr("Posting the shipment to bol.com…"), "scan-warning")
        else:
            self._set_shipment_text(self.tr("Shipment {state}: waiting for bol.com").format(
                state=state), "scan-warning")

    def _set_shipment_text(self, text: str, role: str) -> None:
        self.shipment_label.setText(text)
        restyle(self.shipment_label, role)
        self.shipment_label.setVisible(True)

    # --- test and benchmark hooks ---------------------------------------------------------------

    def line_for_ean(self, ean: str) -> LineView | None:
        return next((line for line in self.model.lines() if line.ean == ean), None)
