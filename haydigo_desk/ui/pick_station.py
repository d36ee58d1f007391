"""The pick & pack station's view: a scan field that keeps focus, big feedback, sounds.

Two ways of working, both started by scanning (or choosing) a code:
- a pick list "PL-000042": batch picking of product totals in walking order, then packing order by
  order (scan an order id of the list, scan its items);
- a bol.com order id: single-order pick & pack.

This module holds widgets only. What a scan means, which mode the station is in and what it
says is decided by ``station.presenter.StationPresenter``; every database step runs on the
desk's ordered background lane (``DbTasks.run_ordered``), so the window never waits and scans
stay in order. The shipment is queued in the outbox and posted by the sync worker.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QListWidgetItem,
    QMessageBox,
    QWidget,
)

from haydigo_desk.context import DeskContext
from haydigo_desk.domain.scanning import CodeKind, ScanDecision, ScannedCode, ScanResult
from haydigo_desk.domain.short_picks import ShortReason
from haydigo_desk.services.claims import StationIdentity
from haydigo_desk.services.picking import (
    LineView,
    OpenWork,
    OrderWork,
    PickingService,
    PickListWork,
    ScanOutcome,
    WorkRef,
)
from haydigo_desk.services.station_db import station_database
from haydigo_desk.services.station_jobs import StationJobs
from haydigo_desk.ui.repolish import set_role
from haydigo_desk.ui.shipment_dialog import ShipmentDialog
from haydigo_desk.ui.sounds import SoundPlayer, sound_of
from haydigo_desk.ui.station import messages
from haydigo_desk.ui.station.feedback import Message
from haydigo_desk.ui.station.label_view import LabelView
from haydigo_desk.ui.station.layout import StationLayout
from haydigo_desk.ui.station.presenter import ORDER_MODES, Mode, ShipmentAsk, StationPresenter
from haydigo_desk.ui.status_style import status_label

log = logging.getLogger(__name__)

__all__ = ["Mode", "PickStationSection"]

SHORT_NOT_FOUND_KEY = "Ctrl+N"  # the current unit is not on the shelf
SHORT_DAMAGED_KEY = "Ctrl+D"  # the current unit is damaged (written off the stock)


class PickStationSection(LabelView, StationLayout):
    section_id = "station"
    icon_name = "scan"

    def __init__(self, context: DeskContext, controller, parent: QWidget | None = None) -> None:
        super().__init__(context, controller, parent)
        # The station's own connection: short lock waits, so a busy database answers at once.
        self.database = station_database(context.database)
        self.station = StationIdentity(context.workstation, context.user_name)
        self.service = PickingService(self.database, self.station,
                                      lambda: context.settings.scanner_settings())
        self.sounds = SoundPlayer(context.settings, self)
        self.sounds.availability_changed.connect(lambda _ok: self._show_sound_state())
        self.active_dialog: QWidget | None = None  # the one open dialog (tests click it)
        self.presenter = StationPresenter(
            StationJobs(self.database, self.station, self.service), self.tasks, self,
            controller=controller, last_transporter=lambda: context.settings.last_transporter,
            remember_transporter=self._remember_transporter, language=self._language)
        self.presenter.ship_rest = lambda: context.settings.short_pick_ships_rest
        self.build()
        self.scan_field.scanned.connect(self.presenter.scan)
        self.quantity.editingFinished.connect(self.focus_scan)
        self.alert_button.clicked.connect(self.acknowledge_put_back)
        for button, slot in ((self.quantity_button, self.enter_quantity),
                             (self.choose_button, self.choose_from_list),
                             (self.ship_button, self.ship), (self.resend_button, self.resend),
                             (self.leave_button, self.leave)):
            button.clicked.connect(slot)
        for widget in (self.pick_lists_list, self.orders_list, self.pack_list):
            widget.itemActivated.connect(self._open_item)
        self._shortcuts()
        controller.data_changed.connect(self.presenter.data_changed)
        self.state_changed()
        self.presenter.refresh()

    # --- the presenter's state, for the main window and tests -----------------------------------

    @property
    def mode(self) -> Mode:
        return self.presenter.mode

    @property
    def order(self) -> OrderWork | None:
        return self.presenter.order

    @property
    def pick_list(self) -> PickListWork | None:
        return self.presenter.pick_list

    @property
    def pending_put_back(self) -> bool:
        return self.presenter.pending_put_back

    @property
    def busy(self) -> bool:
        """Database steps or a post still on their way (tests and benchmarks wait on it)."""
        return self.presenter.busy

    def title(self) -> str:
        return self.tr("Pick & pack")

    def _shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for key, slot in (("F2", self.enter_quantity), ("F4", self.choose_from_list),
                          ("F8", self.ship), ("F9", self.resend), ("Esc", self.leave),
                          (SHORT_NOT_FOUND_KEY, self.report_not_found),
                          (SHORT_DAMAGED_KEY, self.report_damaged)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)

    # --- section protocol -----------------------------------------------------------------------

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.sounds.preload()
        self._show_sound_state()
        self.focus_scan()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.state_changed()
            self._show_sound_state()
            if self.order is not None:  # the status word follows the language
                self.claim_label.setText(messages.claimed_line(self.order))
        super().changeEvent(event)

    def focus_scan(self) -> None:
        self.scan_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def refresh(self) -> None:
        self.presenter.refresh()
        self.focus_scan()

    def shutdown(self) -> None:
        self.tasks.shutdown()
        self.shutdown_label_printing()
        self.database.dispose()

    # --- actions --------------------------------------------------------------------------------

    def handle_scan(self, text: str) -> None:
        self.presenter.scan(text)

    def open_order(self, order_id: int, *, take_over: bool = False) -> None:
        self.presenter.open_order(order_id, take_over=take_over)
        self.focus_scan()

    def open_pick_list(self, pick_list_id: int) -> None:
        """Start (or continue) batch picking of a pick list."""
        self.presenter.open_pick_list(pick_list_id)
        self.focus_scan()

    def leave(self) -> None:
        if isinstance(self.active_dialog, ShipmentDialog):
            self.active_dialog.reject()  # leaving means: not shipping now
        self.presenter.leave()
        self.focus_scan()

    def ship(self) -> None:
        if self.active_dialog is None:
            self.presenter.ship()

    def resend(self) -> None:
        if self.active_dialog is None:
            self.presenter.resend()

    def report_not_found(self) -> None:
        self.presenter.report_short(ShortReason.NOT_FOUND)
        self.focus_scan()

    def report_damaged(self) -> None:
        self.presenter.report_short(ShortReason.DAMAGED)
        self.focus_scan()

    def acknowledge_put_back(self) -> None:
        if self.active_dialog is not None and self.pending_put_back:
            dialog, self.active_dialog = self.active_dialog, None
            dialog.close()
        self.presenter.acknowledge_put_back()
        self._return_focus()

    def enter_quantity(self) -> None:
        if self.mode is Mode.IDLE:
            return
        self.quantity.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.quantity.selectAll()

    def choose_from_list(self) -> None:
        if self.mode is Mode.BATCH:
            self.pack_list.setFocus()
        elif self.mode is Mode.IDLE:
            self.presenter.refresh()
            self.orders_list.setFocus()

    def _open_item(self, item: QListWidgetItem) -> None:
        ref = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(ref, WorkRef):
            if ref.kind == "pick_list":
                self.open_pick_list(ref.id)
            else:
                self.open_order(ref.id)
        self.focus_scan()

    # --- StationView: what the presenter shows --------------------------------------------------

    def take_quantity(self) -> int | None:
        quantity = self.quantity.value()
        self.quantity.setValue(1)
        return quantity if quantity != 1 else None

    def show_message(self, message: Message) -> None:
        self.feedback.setText(message.text)
        set_role(self.feedback, message.feedback.role if message.text else "")
        sound = sound_of(message.feedback) if message.text else None
        if sound is not None:
            self.sounds.play(sound)

    def show_idle(self, work: OpenWork) -> None:
        self.heading.setText(self.tr("Scan a pick list or an order"))
        self.claim_label.setText(self.tr("Or choose one below (F4)"))
        self.pages.setCurrentIndex(0)
        for widget, refs in ((self.pick_lists_list, work.pick_lists),
                             (self.orders_list, work.orders)):
            widget.clear()
            for ref in refs:
                item = QListWidgetItem(ref.label)
                item.setData(Qt.ItemDataRole.UserRole, ref)
                widget.addItem(item)
        self.state_changed()

    def show_pick_list(self, work: PickListWork) -> None:
        self.heading.setText(self.tr("Pick list {code} — batch picking").format(code=work.code))
        self.claim_label.setText(self.tr("Walk the locations top to bottom; scan each unit"))
        self.model.set_lines(work.lines)
        self.pack_panel.setVisible(True)
        self.pack_list.clear()
        for order in work.orders:
            text = self.tr("{order}  {customer}\n{packed} / {needed} packed · {status}").format(
                order=order.bol_order_id, customer=order.customer_name,
                packed=order.units_packed, needed=order.units_needed,
                status=status_label(order.status).lower())
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, WorkRef("order", order.order_id,
                                                           order.bol_order_id))
            self.pack_list.addItem(item)
        self.pages.setCurrentIndex(1)
        self.shipment_label.setVisible(False)
        self.scroll_to_next()
        self.state_changed()

    def show_order(self, work: OrderWork, pick_list_code: str | None) -> None:
        via = self.tr(" (from pick list {code})").format(code=pick_list_code) \
            if pick_list_code else ""
        self.heading.setText(self.tr("Order {order} — {customer}").format(
            order=work.bol_order_id, customer=work.customer_name) + via)
        self.claim_label.setText(messages.claimed_line(work))
        self.model.set_lines(work.lines)
        self.pack_panel.setVisible(False)
        self.pages.setCurrentIndex(1)
        self.scroll_to_next()
        self.state_changed()

    def show_line(self, line: LineView) -> None:
        row = self.model.update_line(line)
        if row is not None:
            self.scroll_to_next(row)
        self.state_changed()

    def show_shipment(self, message: Message | None) -> None:
        if message is None:
            self.shipment_label.setVisible(False)
            return
        self.shipment_label.setText(message.text)
        set_role(self.shipment_label, message.feedback.role)
        self.shipment_label.setVisible(True)

    def show_put_back(self, text: str | None) -> None:
        if text is None:
            self.alert.setVisible(False)
            return
        self.alert_text.setText(text)
        self.alert.setVisible(True)
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Cancelled by the customer"), text,
                          QMessageBox.StandardButton.Ok, self)
        box.finished.connect(lambda _answer: self._put_back_dialog_closed(box))
        self._show_dialog(box)

    def _put_back_dialog_closed(self, box: QWidget) -> None:
        if self.active_dialog is box:
            self.active_dialog = None
            self.presenter.acknowledge_put_back()
        self._return_focus()

    def show_stopped(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Stopped"), text,
                          QMessageBox.StandardButton.Ok, self)
        box.finished.connect(lambda _answer: self._dialog_closed())
        self._show_dialog(box)

    def ask_take_over(self, holder: str, answer: Callable[[bool], None]) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Order in use"), self.tr(
            "{holder} is working on this order.\nTake it over? They will be stopped at their "
            "next scan.").format(holder=holder),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)

        def answered(result: int) -> None:
            self._dialog_closed()
            answer(result == QMessageBox.StandardButton.Yes)

        box.finished.connect(answered)
        self._show_dialog(box)

    def ask_shipment(self, ask: ShipmentAsk, done: Callable[[Any], None]) -> None:
        dialog = ShipmentDialog(
            order_label=ask.order_label, units=ask.units, partial=ask.partial,
            open_units=ask.open_units, default_transporter=ask.default_transporter,
            last_used=ask.last_used, track_and_trace=ask.track_and_trace,
            language=self._language(), parent=self)

        def finished(_result: int) -> None:
            self._dialog_closed()
            done(dialog.request)

        dialog.finished.connect(finished)
        self._show_dialog(dialog)

    def state_changed(self) -> None:
        """Counter and buttons follow the presenter's mode."""
        presenter = self.presenter
        order = presenter.order
        shipped = order is not None and order.status == "shipped" and self.mode in ORDER_MODES
        self.counter.setText(self.tr("shipped") if shipped else presenter.counter_text())
        failed = bool(self.mode in ORDER_MODES and order and order.shipment
                      and order.shipment.state == "failed")
        self.ship_button.setEnabled(self.mode in (Mode.ORDER, Mode.PACKING))
        self.resend_button.setVisible(failed)
        self.quantity_button.setEnabled(self.mode is not Mode.IDLE)
        self.leave_button.setEnabled(self.mode not in (Mode.IDLE, Mode.SHIPMENT))

    # --- helpers --------------------------------------------------------------------------------

    def _show_sound_state(self) -> None:
        self.no_sound.setText(self.tr("No sound at this desk"))
        self.no_sound.setVisible(not self.sounds.available)

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

    def _language(self) -> str:
        language = self.context.settings.language
        return language if language != "system" else self.locale().name()[:2]

    def _remember_transporter(self, code: str) -> None:
        settings = self.context.settings
        if settings.last_transporter != code:
            settings.last_transporter = code
            try:
                self.context.settings_store.save(settings)
            except OSError as exc:  # a read-only settings file must not stop a shipment
                log.warning("Could not save the last transporter: %s", exc)

    # --- screenshots, tests and benchmarks -------------------------------------------------------

    def screenshot_states(self) -> Iterator[str]:
        """Show the station's states one by one for ``--screenshots`` (reads only: nothing is
        claimed or counted). Yields each state's name once it is on its way to the screen."""
        self.leave()
        yield "idle"
        refs = [self.pick_lists_list.item(row).data(Qt.ItemDataRole.UserRole)
                for row in range(self.pick_lists_list.count())]
        if not refs:
            return
        self.open_pick_list(refs[0].id)
        yield "batch"
        work = self.pick_list
        if work is None:
            return
        line = next((v for v in work.lines if v.needed), work.lines[0] if work.lines else None)
        if line is not None:
            code = ScannedCode(line.ean, CodeKind.PRODUCT, line.ean)
            decision = ScanDecision(ScanResult.TOO_MANY, code, line.key)
            self.show_message(messages.refused(ScanOutcome(decision, line), batch=True))
            yield "refusal"
        if work.orders:
            order_id = work.orders[0].order_id
            self.tasks.run_ordered(lambda: self.service.load_order(order_id),
                                   lambda order: order and self.show_order(order, work.code))
            yield "packing"
        self.leave()

    # --- test and benchmark hooks ---------------------------------------------------------------

    def line_for_ean(self, ean: str) -> LineView | None:
        return next((line for line in self.model.lines() if line.ean == ean), None)
