"""Short picks at the real station widget: Ctrl+N / Ctrl+D on the current unit, the rest
ships or the order waits (the workstation's setting), an oversold order is refused."""
# Fixtures come from pick_station_support; their names are test arguments (F811).
# ruff: noqa: F811

from __future__ import annotations

import pytest
from pick_station_support import desk, qt_loop, scan, settle  # noqa: F401
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from haydigo_desk.config import DeskSettings
from haydigo_desk.persistence.models import Order, Product, ShortPick
from haydigo_desk.services import stock
from haydigo_desk.ui.pick_station import PickStationSection
from haydigo_desk.ui.settings_workstation import WorkstationPage
from haydigo_desk.ui.shipment_dialog import ShipmentDialog


@pytest.fixture
def station(qtbot, desk):
    widget = PickStationSection(desk.context, desk.controller)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    widget.windowHandle().requestActivate()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def short_picks(database) -> list[tuple[str, int, str, str]]:
    with database.unit_of_work() as uow:
        return [(s.reason, s.units, s.state, s.reported_by)
                for s in uow.session.scalars(select(ShortPick).order_by(ShortPick.id))]


def press(qtbot, station, key: Qt.Key) -> None:
    qtbot.keyClick(station.scan_field, key, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, station)


def test_ctrl_n_reports_the_current_unit_and_the_rest_ships(qtbot, desk, station):
    scan(qtbot, station.scan_field, desk.bol_order_id)
    current = station.presenter.current_line()
    press(qtbot, station, Qt.Key.Key_N)
    assert short_picks(desk.context.database) == [("not_found", 1, "open", "Pieter")]
    assert "not found" in station.feedback.text() and current.title in station.feedback.text()
    after = next(line for line in station.order.lines if line.key == current.key)
    assert (after.needed, after.short) == (current.needed - 1, 1)
    # Pick everything else: the station asks no more of the reported unit and ships the rest.
    for line in station.order.lines:
        for _ in range(line.needed - line.picked):
            scan(qtbot, station.scan_field, line.ean)
    dialog = station.active_dialog
    assert isinstance(dialog, ShipmentDialog) and dialog.partial_box.isVisible()


def test_ctrl_d_on_the_last_unit_with_waiting_set_leaves_the_order(qtbot, desk, station):
    desk.context.settings.short_pick_ships_rest = False
    scan(qtbot, station.scan_field, desk.bol_order_id)
    lines = station.order.lines
    for line in lines[1:]:  # everything but the first line in walking order
        for _ in range(line.needed):
            scan(qtbot, station.scan_field, line.ean)
    first = lines[0]
    station.quantity.setValue(first.needed)
    press(qtbot, station, Qt.Key.Key_D)
    box = station.active_dialog
    assert isinstance(box, QMessageBox) and "waits" in box.text()
    assert short_picks(desk.context.database) == [("damaged", first.needed, "open", "Pieter")]
    with desk.context.database.unit_of_work() as uow:  # written off the stock count
        product = uow.session.scalars(select(Product).where(Product.ean == first.ean)).one()
        assert product.on_hand == 10 - first.needed
    box.accept()
    qtbot.waitUntil(lambda: station.order is None)


def test_an_oversold_order_is_refused_before_picking(qtbot, desk, station):
    with desk.context.database.unit_of_work() as uow:
        order = uow.session.scalars(select(Order).where(
            Order.bol_order_id == desk.bol_order_id)).one()
        product = order.lines[0].product
        stock.correct(uow.session, product, 0, reason="count", user_name="Marleen")
        uow.commit()
    scan(qtbot, station.scan_field, desk.bol_order_id)
    assert station.order is None and station.mode.value == "idle"
    assert "oversold" in station.feedback.text()
    assert station.feedback.property("role") == "scan-refused"
    with desk.context.database.unit_of_work() as uow:
        assert uow.session.scalars(select(Order.claimed_by).where(
            Order.bol_order_id == desk.bol_order_id)).one() is None


def test_the_workstation_setting_is_saved_from_the_settings_page(qtbot):
    page = WorkstationPage(DeskSettings(workstation="desk-1"))
    qtbot.addWidget(page)
    assert page.short_pick.isChecked()  # by default the rest ships
    page.short_pick.setChecked(False)
    assert page.settings().short_pick_ships_rest is False
