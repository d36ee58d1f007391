"""Shipments from the station: failure shown and resent, double press, partial shipment."""
# Fixtures come from pick_station_support; their names are test arguments (F811).
# ruff: noqa: F811

from __future__ import annotations

import pytest
from pick_station_support import desk, outbox_rows, qt_loop, scan, settle, shipments, shot  # noqa: F401
from PySide6.QtCore import Qt

from haydigo_desk.ui.pick_station import PickStationSection
from haydigo_desk.ui.shipment_dialog import ShipmentDialog


@pytest.fixture
def station(qtbot, desk):
    widget = PickStationSection(desk.context, desk.controller)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    widget.windowHandle().requestActivate()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def pick_all(qtbot, desk, station) -> ShipmentDialog:
    scan(qtbot, station.scan_field, desk.bol_order_id)
    for ean in (desk.eans[0], desk.eans[0], desk.eans[1], desk.eans[2]):
        scan(qtbot, station.scan_field, ean)
    dialog = station.active_dialog
    assert isinstance(dialog, ShipmentDialog)
    return dialog


def test_failure_shows_bol_error_and_resend_posts_again(qtbot, desk, station, tmp_path):
    desk.services.outcome = "fail"
    desk.services.message = "Track and trace code is not valid for transporter TNT."
    dialog = pick_all(qtbot, desk, station)
    scan(qtbot, dialog.code, "3SABCD1234567")
    qtbot.waitUntil(lambda: station.order.shipment.state == "failed", timeout=15000)
    assert desk.services.message in station.shipment_label.text()
    assert station.shipment_label.property("role") == "scan-refused"
    assert station.resend_button.isVisible()
    shot(station, tmp_path, "shipment-failed")
    desk.services.outcome = "confirm"
    qtbot.waitUntil(station.isActiveWindow)
    assert station.scan_field.hasFocus()
    qtbot.keyClick(station.scan_field, Qt.Key.Key_F9)
    settle(qtbot, station)
    dialog = station.active_dialog
    assert isinstance(dialog, ShipmentDialog)
    assert dialog.code.text() == "3SABCD1234567"  # pre-filled: correct, not retype
    dialog.transporter.setCurrentIndex(dialog.transporter.findData("DHL"))
    dialog.code.setText("JVGL0123456789012345")
    qtbot.keyClick(dialog.code, "\r")
    qtbot.waitUntil(lambda: station.order.status == "shipped", timeout=15000)
    rows = shipments(desk.context.database, desk.order_id)
    assert [r[:3] for r in rows] == [("TNT", "3SABCD1234567", "failed"),
                                     ("DHL", "JVGL0123456789012345", "confirmed")]
    assert [r[0] for r in outbox_rows(desk.context.database)] == ["failed", "done"]


def test_cancellation_found_before_posting_is_shown(qtbot, desk, station):
    desk.services.outcome = "fail"
    desk.services.message = "Not shipped: cancelled by the customer (checked with bol.com)."
    dialog = pick_all(qtbot, desk, station)
    scan(qtbot, dialog.code, "3SABCD1234567")
    qtbot.waitUntil(lambda: station.order.shipment.state == "failed", timeout=15000)
    assert "cancelled by the customer" in station.shipment_label.text()


def test_double_press_posts_once(qtbot, desk, station):
    desk.services.gate.clear()  # hold the worker so the second press lands mid-post
    dialog = pick_all(qtbot, desk, station)
    dialog.code.setText("3SABCD1234567")
    qtbot.mouseClick(dialog.ship_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.ship_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(station.isActiveWindow)
    assert station.ship_button.isEnabled() is False  # posting: the button is off
    qtbot.keyClick(station.scan_field, Qt.Key.Key_F8)
    settle(qtbot, station)
    qtbot.keyClick(station.scan_field, Qt.Key.Key_F8)
    assert station.active_dialog is None
    desk.services.gate.set()
    qtbot.waitUntil(lambda: station.order.status == "shipped", timeout=15000)
    assert len(desk.services.posted) == 1
    assert len(shipments(desk.context.database, desk.order_id)) == 1
    assert len(outbox_rows(desk.context.database)) == 1


def test_refused_track_and_trace_and_unknown_format_confirmation(qtbot, desk, station, tmp_path):
    dialog = pick_all(qtbot, desk, station)
    scan(qtbot, dialog.code, "3S ABC-123")
    assert dialog.request is None and dialog.message.property("role") == "scan-error"
    shot(dialog, tmp_path, "tt-malformed")
    dialog.code.clear()
    qtbot.keyClick(dialog.code, "\r")
    assert dialog.request is None  # PostNL needs a code
    scan(qtbot, dialog.code, "ABC123")
    assert dialog.request is None and dialog.confirm_format.isVisible()
    shot(dialog, tmp_path, "tt-unknown-format")
    dialog.confirm_format.setChecked(True)
    qtbot.keyClick(dialog.code, "\r")
    qtbot.waitUntil(lambda: station.order.status == "shipped", timeout=15000)
    assert shipments(desk.context.database, desk.order_id)[0][1] == "ABC123"


def test_partial_shipment_needs_confirmation(qtbot, desk, station, tmp_path):
    scan(qtbot, station.scan_field, desk.bol_order_id)
    scan(qtbot, station.scan_field, desk.eans[0])
    scan(qtbot, station.scan_field, desk.eans[1])
    qtbot.keyClick(station.scan_field, Qt.Key.Key_F8)
    settle(qtbot, station)
    dialog = station.active_dialog
    assert isinstance(dialog, ShipmentDialog) and dialog.partial_box.isVisible()
    dialog.code.setText("3SABCD1234567")
    qtbot.keyClick(dialog.code, "\r")
    assert dialog.request is None  # not without the tick
    shot(dialog, tmp_path, "partial-dialog")
    dialog.partial_box.setChecked(True)
    qtbot.keyClick(dialog.code, "\r")
    qtbot.waitUntil(lambda: station.order.shipment is not None
                    and station.order.shipment.state == "confirmed", timeout=15000)
    [shipment] = shipments(desk.context.database, desk.order_id)
    assert sorted(shipment[4].values()) == [1, 1]
    assert station.order.status == "picking"  # the rest stays open
    assert station.counter.text() == "0 / 2"
    shot(station, tmp_path, "partial-shipped")
