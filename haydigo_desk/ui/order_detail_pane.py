"""The right-hand pane of the Orders section: one order's address, warnings and lines.

With the desk's context it also corrects a confirmed shipment's track & trace (managers
only): the correction is queued through the outbox off the GUI thread, and the pane reloads
the order while bol.com has not answered yet, so the new code (or bol's refusal) shows up.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from haydigo_desk.context import DeskContext
from haydigo_desk.domain.clock import format_local
from haydigo_desk.domain.states import OutboxState
from haydigo_desk.services import order_use_cases, transport_corrections
from haydigo_desk.services.order_queries import OPEN_STATUSES, OrderDetail, ShipmentDetail
from haydigo_desk.services.transport_corrections import CorrectionRefused, Refusal
from haydigo_desk.ui.db_tasks import DbTasks
from haydigo_desk.ui.deadline_badges import badges, format_day
from haydigo_desk.ui.i18n import current_language
from haydigo_desk.ui.label_reprint import LabelReprint
from haydigo_desk.ui.order_shipments import OrderShipmentsPanel
from haydigo_desk.ui.permissions import ensure_manager, is_manager
from haydigo_desk.ui.status_style import status_colours, status_label
from haydigo_desk.ui.transport_correction_dialog import TransportCorrectionDialog

LINE_COLUMNS = 7  # location, EAN, title, ordered, picked, shipped, cancelled
DELIVERY_SEPARATOR = " · "


def _label(text: str = "", role: str | None = None, wrap: bool = False) -> QLabel:
    label = QLabel(text)
    if role:
        label.setProperty("role", role)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class OrderDetailPane(QFrame):
    def __init__(self, context: DeskContext | None = None, controller=None, *,
                 tasks: DbTasks | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.clock = lambda: datetime.now(UTC)  # "now" for the deadline's badge
        self._detail: OrderDetail | None = None
        self.correction_dialog: TransportCorrectionDialog | None = None
        self._tasks = tasks or (DbTasks(self) if context is not None else None)
        if controller is not None:  # the worker's answers: reload while a correction waits
            controller.data_changed.connect(self._on_data_changed)
        self.setProperty("role", "card")
        # Labels sit on the card's colour, not on the window's.
        self.setStyleSheet("QLabel, #orderSummary { background: transparent; }")
        outer = QHBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        outer.setSpacing(18)

        summary = QWidget()
        summary.setObjectName("orderSummary")
        summary.setFixedWidth(300)
        layout = QVBoxLayout(summary)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        heading = QHBoxLayout()
        self.order_label = _label(role="title")
        self.status_badge = QLabel()
        self.status_badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        heading.addWidget(self.order_label)
        heading.addStretch(1)
        heading.addWidget(self.status_badge)
        layout.addLayout(heading)
        self.dates_label = _label(role="muted", wrap=True)
        layout.addWidget(self.dates_label)
        # What bol.com says about delivery, in words: beside the lines, where there is width.
        self.delivery_label = _label(wrap=True)
        self.delivery_label.setObjectName("orderDelivery")
        self.address_caption = _label(self.tr("Delivery address"), role="muted")
        layout.addWidget(self.address_caption)
        self.address_label = _label(wrap=True)
        self.address_label.setStyleSheet("font-size: 13pt; font-weight: 600;")
        layout.addWidget(self.address_label)
        self.pick_lists_label = _label(wrap=True)
        layout.addWidget(self.pick_lists_label)
        layout.addStretch(1)
        outer.addWidget(summary)

        right = QVBoxLayout()
        right.setSpacing(8)
        right.addWidget(self.delivery_label)
        self.warning_label = _label(role="scan-warning", wrap=True)
        right.addWidget(self.warning_label)
        self.lines = QTableWidget(0, LINE_COLUMNS)
        self.lines.setHorizontalHeaderLabels([
            self.tr("Location"), self.tr("Product"), self.tr("EAN / SKU"), self.tr("Ordered"),
            self.tr("Picked"), self.tr("Shipped"), self.tr("Cancelled"),
        ])
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.lines.setWordWrap(False)
        self.lines.setShowGrid(False)
        self.lines.setAlternatingRowColors(True)
        self.lines.verticalHeader().hide()
        header = self.lines.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        right.addWidget(self.lines, 1)
        self.shipments = OrderShipmentsPanel()
        self.shipments.correct_requested.connect(self.correct_track_and_trace)
        self.label_reprint = (LabelReprint(context, self._tasks, self.shipments, self)
                              if context is not None else None)
        right.addWidget(self.shipments)
        self.empty_label = _label(self.tr("Select an order to see its address and lines."),
                                  role="muted", wrap=True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        right.addWidget(self.empty_label, 1)
        outer.addLayout(right, 1)
        self.show_detail(None)

    def show_detail(self, detail: OrderDetail | None) -> None:
        self._detail = detail
        self.shipments.set_corrections_allowed(self.context is not None
                                               and is_manager(self.context))
        has = detail is not None
        for widget in (self.order_label, self.status_badge, self.dates_label,
                       self.delivery_label, self.address_caption, self.address_label, self.lines):
            widget.setVisible(has)
        self.empty_label.setVisible(not has)
        self.pick_lists_label.setVisible(has and bool(detail.pick_list_codes))
        self.warning_label.setVisible(False)
        self.shipments.setVisible(has and bool(detail.shipments))
        if self.label_reprint is not None:
            self.label_reprint.load(detail.id if detail is not None else None)
        if detail is None:
            self.lines.setRowCount(0)
            self.shipments.show_shipments(())
            return
        self.order_label.setText(detail.bol_order_id)
        background, foreground = status_colours(detail.status)
        self.status_badge.setText(status_label(detail.status))
        self.status_badge.setStyleSheet(
            f"background: {background.name()}; color: {foreground.name()}; font-weight: 700;"
            "font-size: 13pt; border-radius: 12px; padding: 4px 14px;")
        self.dates_label.setText(self.tr("Placed %1").replace("%1",
                                                               format_local(detail.placed_at)))
        self.delivery_label.setText(DELIVERY_SEPARATOR.join(self.delivery_facts(detail)))
        self.address_label.setText("\n".join(detail.address_lines))
        self.pick_lists_label.setText(
            self.tr("On pick list: %1").replace("%1", ", ".join(detail.pick_list_codes)))
        warnings = self._warnings(detail)
        self.warning_label.setText("\n".join(warnings))
        self.warning_label.setVisible(bool(warnings))
        self._fill_lines(detail)
        self.shipments.show_shipments(detail.shipments, postal_code=detail.zip_code,
                                      country_code=detail.country_code)

    def delivery_facts(self, detail: OrderDetail) -> list[str]:
        """The order's deadline, expiry, time frame, who delivers and pick-up point, in
        words."""
        facts = []
        exact = any(line.exact_delivery_date == detail.deadline_date and detail.deadline_date
                    for line in detail.lines)
        if detail.deadline_date is None:
            facts.append(self.tr("bol.com gave no delivery date."))
        elif exact:
            facts.append(self.tr("Delivery on %1, the day the customer chose.").replace(
                "%1", format_day(detail.deadline_date)))
        else:
            facts.append(self.tr("Deliver by %1 at the latest.").replace(
                "%1", format_day(detail.deadline_date)))
        pills = badges(detail.deadline_date, detail.expiry_date, False, detail.cutoff_time,
                       self.clock(), still_to_leave=detail.status in OPEN_STATUSES)
        if pills:
            facts[-1] += f" {pills[0][1]}."
        if detail.expiry_date:
            facts.append(self.tr("bol.com cancels items not shipped by %1.").replace(
                "%1", format_day(detail.expiry_date)))
        frames = sorted({line.time_frame_type for line in detail.lines if line.time_frame_type})
        facts.extend(self._time_frame_text(frame) for frame in frames)
        if detail.via_bol:
            facts.append(self.tr("Ships via bol: bol.com chooses the carrier and its label "
                                 "is used."))
        elif any(line.distribution_party for line in detail.lines):
            facts.append(self.tr("You deliver it with your own carrier."))
        if detail.pickup_point:
            facts.append(self.tr("To a pick-up point: %1").replace(
                "%1", detail.pickup_point_name or self.tr("(bol.com gave no name)")))
        return facts

    def _time_frame_text(self, frame: str) -> str:
        texts = {
            "REGULAR": self.tr("Regular delivery."),
            "EVENING": self.tr("Evening delivery."),
            "APPOINTMENT": self.tr("Delivery by appointment."),
            "SAMEDAY": self.tr("Same-day delivery."),
            "SUNDAY": self.tr("Sunday delivery."),
        }
        return texts.get(frame, self.tr("Delivery time frame: %1").replace("%1", frame))

    def _warnings(self, detail: OrderDetail) -> list[str]:
        warnings = []
        if detail.problem:
            warnings.append(detail.problem)
        if any(line.cancellation_requested for line in detail.lines):
            warnings.append(self.tr("The customer asked to cancel a line of this order."))
        if any(line.unmatched for line in detail.lines):
            warnings.append(self.tr("A line is not matched to a product of the product list."))
        return warnings

    def _fill_lines(self, detail: OrderDetail) -> None:
        self.lines.setRowCount(len(detail.lines))
        for row, line in enumerate(detail.lines):
            title = line.title
            if line.cancellation_requested:
                title = self.tr("%1 (cancellation requested)").replace("%1", title)
            values = [line.location or "—", title, f"{line.ean}\n{line.sku}".strip(),
                      line.quantity, line.quantity_picked, line.quantity_shipped,
                      line.quantity_cancelled]
            for column, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if isinstance(value, int):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if line.cancellation_requested or line.unmatched:
                    item.setForeground(status_colours("problem")[0])
                self.lines.setItem(row, column, item)
        self.lines.resizeRowsToContents()

    # --- correcting a track & trace after shipping -----------------------------------------

    def correct_track_and_trace(self, shipment: ShipmentDetail) -> None:
        if self.context is None or self._detail is None or not ensure_manager(self.context,
                                                                              self):
            return
        dialog = TransportCorrectionDialog(
            order_label=self._detail.bol_order_id, transporter_code=shipment.transporter_code,
            track_and_trace=shipment.track_and_trace, language=current_language(), parent=self)
        self.correction_dialog = dialog
        dialog.accepted.connect(lambda: self._queue_correction(dialog, shipment))
        dialog.open()

    def _queue_correction(self, dialog: TransportCorrectionDialog,
                          shipment: ShipmentDetail) -> None:
        request = dialog.request
        database = self.context.database
        order_id = self._detail.id

        def work() -> OrderDetail | None:
            # Two use cases, one after the other: the detail is read after the correction's
            # commit, so it shows the queued correction.
            transport_corrections.queue_correction(
                database, shipment.id, request.transporter_code, request.track_and_trace,
                format_confirmed=request.format_confirmed)
            return order_use_cases.order_detail(database, order_id)

        self._tasks.run(work, self._show_if_current, self._correction_failed)

    def _correction_failed(self, error: Exception) -> None:
        texts = {
            Refusal.BUSY: self.tr("bol.com is still processing an earlier correction of this "
                                  "shipment; try again when it has answered."),
            Refusal.UNCHANGED: self.tr("bol.com already has this carrier and track & trace."),
            Refusal.NOT_CONFIRMED: self.tr("Only a shipment bol.com confirmed can be "
                                           "corrected."),
        }
        if isinstance(error, CorrectionRefused):
            text = (error.check.message(current_language()) if error.check is not None
                    else texts.get(error.reason, self.tr("The correction was refused.")))
        else:
            text = self.tr("The correction could not be saved: %1").replace(
                "%1", type(error).__name__)
        self.warning_label.setText(text)
        self.warning_label.setVisible(True)

    def _show_if_current(self, detail: OrderDetail | None) -> None:
        if detail is not None and self._detail is not None and detail.id == self._detail.id:
            self.show_detail(detail)

    def _waiting_correction(self) -> bool:
        return self._detail is not None and any(
            s.correction is not None and s.correction.state in (
                OutboxState.QUEUED, OutboxState.SENDING, OutboxState.SENT)
            for s in self._detail.shipments)

    def _on_data_changed(self, what: str) -> None:
        if what in ("outbox", "orders") and self._tasks is not None and self._waiting_correction():
            order_id, database = self._detail.id, self.context.database
            self._tasks.run(lambda: order_use_cases.order_detail(database, order_id),
                            self._show_if_current)
