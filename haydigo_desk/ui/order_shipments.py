"""The shipments of one order in the detail pane: carrier, track & trace link, state at bol.com.

The tracking link is built by ``domain.transporters.tracking_url`` from the transporter data
file; the carrier's name comes from the same file, with the code always shown beside it.
A manager may correct the track & trace of a confirmed shipment (``correct_requested``); the
correction's progress at bol.com and bol's refusal show on the shipment's message line.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from haydigo_desk.domain.clock import format_local
from haydigo_desk.domain.states import OutboxState, ShipmentState
from haydigo_desk.domain.transporters import tracking_url, transporter_by_code
from haydigo_desk.services.order_queries import ShipmentDetail
from haydigo_desk.ui.i18n import current_language
from haydigo_desk.ui.palette import hex_of

COLUMNS = 5  # carrier, track & trace, units, state, the correction button


class OrderShipmentsPanel(QWidget):
    """A heading and one grid row per shipment; hidden by the pane when there are none."""

    correct_requested = Signal(object)  # the ShipmentDetail whose track & trace to correct
    reprint_requested = Signal(int)  # the bought label (shipping_labels id) to print again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown: tuple[tuple[ShipmentDetail, ...], str, str] = ((), "", "")
        self._corrections_allowed = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: 700;")
        layout.addWidget(self.heading)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(4)
        self.grid.setColumnStretch(COLUMNS - 2, 1)
        layout.addLayout(self.grid)
        # Per shipment id: the labels of its row (tests and screen readers find them here).
        self.rows: dict[int, dict[str, QLabel]] = {}
        self.correct_buttons: dict[int, QPushButton] = {}
        self.reprint_buttons: dict[int, QPushButton] = {}
        self._labels: dict[int, object] = {}  # shipment id -> its bol label (label_reprint.py)
        self.label_output = QLabel()
        self.label_output.setObjectName("labelOutput")
        self.label_output.setProperty("role", "muted")
        self.label_output.setVisible(False)
        layout.addWidget(self.label_output)
        self.retranslate_ui()

    def show_shipments(self, shipments: tuple[ShipmentDetail, ...], *, postal_code: str = "",
                       country_code: str = "") -> None:
        self._shown = (tuple(shipments), postal_code, country_code)
        self._render()

    def show_labels(self, labels: dict) -> None:
        """Shipments that went out with a bought bol label offer "Reprint label"."""
        self._labels = dict(labels)
        self.label_output.setVisible(False)
        self._render()

    def show_label_output(self, text: str) -> None:
        self.label_output.setText(text)
        self.label_output.setVisible(True)

    def set_corrections_allowed(self, allowed: bool) -> None:
        """Managers only: whether confirmed shipments offer "Correct track & trace"."""
        if allowed != self._corrections_allowed:
            self._corrections_allowed = allowed
            self._render()

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Shipments"))
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- rendering -------------------------------------------------------------------------

    def _render(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().setParent(None)  # off screen now, not at the next event loop
                item.widget().deleteLater()
        self.rows = {}
        self.correct_buttons = {}
        self.reprint_buttons = {}
        shipments, postal_code, country_code = self._shown
        language = current_language()
        for index, shipment in enumerate(shipments):
            row = index * 2  # a shipment's row, then a full-width row for bol's message
            labels = {
                "carrier": self._label(self._carrier_text(shipment, language)),
                "track_and_trace": self._track_and_trace_label(shipment, postal_code,
                                                               country_code),
                "units": self._label(self.tr("%n unit(s)", "", shipment.units)),
                "state": self._state_label(shipment),
            }
            for column, key in enumerate(("carrier", "track_and_trace", "units", "state")):
                self.grid.addWidget(labels[key], row, column,
                                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            if shipment.state == ShipmentState.FAILED:
                labels["message"] = self._message_label(shipment)
            elif shipment.correction is not None and shipment.correction.state != OutboxState.DONE:
                labels["message"] = self._correction_label(shipment)
            if "message" in labels:
                self.grid.addWidget(labels["message"], row + 1, 0, 1, COLUMNS)
            if self._corrections_allowed and shipment.state == ShipmentState.CONFIRMED:
                button = QPushButton(self.tr("Correct track && trace"))
                button.setObjectName("correctTrackAndTrace")
                button.setAutoDefault(False)
                button.clicked.connect(lambda _=False, s=shipment: self.correct_requested.emit(s))
                self.grid.addWidget(button, row, COLUMNS - 1, Qt.AlignmentFlag.AlignTop)
                self.correct_buttons[shipment.id] = button
                button.show()
            label = self._labels.get(shipment.id)
            if label is not None:
                button = QPushButton(self.tr("Reprint label"))
                button.setObjectName("reprintLabel")
                button.setAutoDefault(False)
                button.clicked.connect(lambda _=False, i=label.label_id:
                                       self.reprint_requested.emit(i))
                self.grid.addWidget(button, row, COLUMNS, Qt.AlignmentFlag.AlignTop)
                self.reprint_buttons[shipment.id] = button
                button.show()
            self.rows[shipment.id] = labels
            for label in labels.values():
                label.show()  # now, not at the layout's next queued pass
        self.updateGeometry()

    @staticmethod
    def _label(text: str) -> QLabel:
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    @staticmethod
    def _carrier_text(shipment: ShipmentDetail, language: str) -> str:
        transporter = transporter_by_code(shipment.transporter_code)
        if transporter is None:  # a code no longer in the list: show what was posted
            return shipment.transporter_code
        return f"{transporter.name(language)} — {transporter.code}"

    def _track_and_trace_label(self, shipment: ShipmentDetail, postal_code: str,
                               country_code: str) -> QLabel:
        code = shipment.track_and_trace
        if not code:
            label = self._label(self.tr("no track & trace"))
            label.setProperty("role", "muted")
            return label
        transporter = transporter_by_code(shipment.transporter_code)
        link = transporter and tracking_url(transporter, code, postal_code=postal_code,
                                            country_code=country_code)
        label = self._label(code)
        if link:
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setText(f'<a href="{html.escape(link, quote=True)}">{html.escape(code)}</a>')
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
            label.setToolTip(self.tr("Open the carrier's tracking page: %1").replace("%1", link))
            label.setCursor(Qt.CursorShape.PointingHandCursor)
            label.linkActivated.connect(lambda url: QDesktopServices.openUrl(QUrl(url)))
        return label

    def _message_label(self, shipment: ShipmentDetail) -> QLabel:
        """bol.com's own words, in full and wrapped: what the user must correct."""
        label = self._label(self.tr("bol.com: %1").replace(
            "%1", shipment.error or self.tr("no reason given")))
        label.setWordWrap(True)
        label.setStyleSheet(f"color: {hex_of('field_error')};")
        return label

    def _correction_label(self, shipment: ShipmentDetail) -> QLabel:
        """Where the latest track & trace correction stands; bol's words when it refused."""
        correction = shipment.correction
        new = f"{correction.track_and_trace} ({correction.transporter_code})"
        if correction.state == OutboxState.FAILED:
            text = self.tr("bol.com refused the new track & trace %1: %2").replace(
                "%1", new).replace("%2", correction.message or self.tr("no reason given"))
        elif correction.state == OutboxState.CANCELLED:
            text = self.tr("Track & trace correction %1 cancelled: not sent").replace("%1", new)
        elif correction.state == OutboxState.QUEUED:
            text = self.tr("New track & trace %1 waits to be sent to bol.com").replace("%1", new)
        else:
            text = self.tr("New track & trace %1 sent: waiting for bol.com").replace("%1", new)
        label = self._label(text)
        label.setObjectName("correctionStatus")
        label.setWordWrap(True)
        if correction.state == OutboxState.FAILED:
            label.setStyleSheet(f"color: {hex_of('field_error')};")
        else:
            label.setProperty("role", "muted")
        return label

    def _state_label(self, shipment: ShipmentDetail) -> QLabel:
        when = format_local(shipment.confirmed_at) if shipment.confirmed_at else ""
        texts = {
            ShipmentState.QUEUED: self.tr("Queued: not yet sent to bol.com"),
            ShipmentState.SENT: self.tr("Sent: waiting for bol.com's answer"),
            ShipmentState.CONFIRMED: (
                self.tr("Confirmed by bol.com %1").replace("%1", when) if when
                else self.tr("Confirmed by bol.com")),
            ShipmentState.FAILED: self.tr("Failed at bol.com"),
            ShipmentState.CANCELLED: self.tr("Cancelled: not sent to bol.com"),
        }
        # Short on purpose and unwrapped (a wrapped label in a grid gets one line's height);
        # bol's long message has its own full-width line. Fits beside the summary at 1366 px.
        label = self._label(texts.get(shipment.state, shipment.state))
        colours = {ShipmentState.CONFIRMED: hex_of("good_text"),
                   ShipmentState.FAILED: hex_of("field_error")}
        if shipment.state in colours:
            label.setStyleSheet(f"color: {colours[shipment.state]}; font-weight: 600;")
        else:
            label.setProperty("role", "muted")
        return label
