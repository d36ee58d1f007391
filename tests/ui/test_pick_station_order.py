"""Single-order pick & pack driven by simulated scanner input."""
# Fixtures come from pick_station_support; their names are test arguments (F811).
# ruff: noqa: F811

from __future__ import annotations

from pick_station_support import desk, qt_loop, scan, settle, shipments, shot  # noqa: F401
from PySide6.QtCore import Qt

from haydigo_desk.ui.pick_station import Mode, PickStationSection
from haydigo_desk.ui.shipment_dialog import ShipmentDialog
from haydigo_desk.ui.sounds import Sound


def make_station(qtbot, desk):
    station = PickStationSection(desk.context, desk.controller)
    qtbot.addWidget(station)
    station.resize(1280, 800)
    station.show()
    station.windowHandle().requestActivate()
    qtbot.waitUntil(station.isActiveWindow)
    return station


def test_whole_order_scanned_and_shipped(qtbot, desk, tmp_path):
    station = make_station(qtbot, desk)
    shot(station, tmp_path, "01-idle")
    field = station.scan_field
    assert field.hasFocus()
    scan(qtbot, field, desk.bol_order_id)
    assert station.mode is Mode.ORDER
    assert station.claim_label.text().startswith("Claimed by Pieter @ desk-1")
    scan(qtbot, field, desk.eans[0])
    assert station.line_for_ean(desk.eans[0]).picked == 1
    assert station.feedback.property("role") == "scan-ok"
    assert station.sounds.played[-2:] == [Sound.OPENED, Sound.OK]
    shot(station, tmp_path, "02-first-scan")
    scan(qtbot, field, desk.eans[0])
    scan(qtbot, field, desk.eans[1])
    assert field.hasFocus()
    scan(qtbot, field, desk.eans[2])
    assert station.counter.text() == "4 / 4"
    assert station.sounds.played[-4:] == [Sound.OK, Sound.OK, Sound.OK, Sound.DONE]
    dialog = station.active_dialog
    assert isinstance(dialog, ShipmentDialog)  # complete: the shipment dialog opens by itself
    shot(dialog, tmp_path, "03-shipment-dialog")
    scan(qtbot, dialog.code, "3SABCD1234567")
    qtbot.waitUntil(lambda: station.order.shipment is not None
                    and station.order.shipment.state == "confirmed", timeout=15000)
    assert desk.services.posted and len(desk.services.posted) == 1
    assert "shipped" in station.shipment_label.text()
    assert station.shipment_label.property("role") == "scan-done"
    shot(station, tmp_path, "04-shipped")
    [shipment] = shipments(desk.context.database, desk.order_id)
    assert shipment[:3] == ("TNT", "3SABCD1234567", "confirmed")
    assert desk.context.settings.last_transporter == "TNT"
    assert desk.context.settings_store.load().last_transporter == "TNT"
    with desk.context.database.unit_of_work() as uow:
        from haydigo_desk.persistence.models import Order

        order = uow.session.get(Order, desk.order_id)
        assert order.status == "shipped" and order.claimed_by is None


def test_scan_field_keeps_focus_after_buttons_and_leaving(qtbot, desk):
    station = make_station(qtbot, desk)
    scan(qtbot, station.scan_field, desk.bol_order_id)
    qtbot.mouseClick(station.quantity_button, Qt.MouseButton.LeftButton)
    assert station.quantity.hasFocus()
    station.quantity.setValue(2)
    qtbot.keyClick(station.quantity, "\r")
    assert station.scan_field.hasFocus()
    scan(qtbot, station.scan_field, desk.eans[0])
    assert station.line_for_ean(desk.eans[0]).picked == 2
    qtbot.keyClick(station.scan_field, Qt.Key.Key_Escape)
    settle(qtbot, station)
    assert station.mode is Mode.IDLE and station.scan_field.hasFocus()
    scan(qtbot, station.scan_field, desk.bol_order_id)  # leaving kept what was scanned
    assert station.line_for_ean(desk.eans[0]).picked == 2
