"""End to end: the real sync worker imports from the sandbox, the station picks and ships, and
bol.com (the sandbox) receives the shipment with the transporter and track & trace typed."""
# Fixtures come from pick_station_support; their names are test arguments (F811).
# ruff: noqa: F811

from __future__ import annotations

import pytest
from pick_station_support import qt_loop, scan  # noqa: F401
from sqlalchemy import select
from support.sync_setup import connect_account, fast_sandbox

from haydigo_desk.config import AppPaths, DeskSettings, SettingsStore
from haydigo_desk.context import DeskContext, StaffIdentity
from haydigo_desk.persistence.database import open_database
from haydigo_desk.persistence.models import Order
from haydigo_desk.sync.worker import SyncWorker
from haydigo_desk.ui.pick_station import PickStationSection
from haydigo_desk.ui.shipment_dialog import ShipmentDialog
from haydigo_desk.ui.sync_controller import SyncController


@pytest.fixture
def live_desk(qapp, qt_loop, sqlite_url, tmp_path):
    sandbox = fast_sandbox(open_orders=4)
    database = open_database(sqlite_url)
    account_id = connect_account(database, sandbox)
    controller = SyncController()
    worker = SyncWorker(database, listener=controller)
    controller.attach(worker)
    worker.start()
    worker.run_cycle_blocking(account_id, timeout=60)
    context = DeskContext(database, AppPaths.current(), SettingsStore(tmp_path / "s.json"),
                          DeskSettings(workstation="desk-1", sounds_enabled=False),
                          user=StaffIdentity(1, "Pieter", "picker"), sync=controller)
    yield context, controller, sandbox
    worker.stop()
    sandbox.stop()
    database.dispose()


def pick_first_order(qtbot, context, controller):
    """Open the station, scan the first imported order and all its units: the shipment
    dialog opens. Returns (station, dialog, bol order id)."""
    with context.database.unit_of_work() as uow:
        order = uow.session.scalars(select(Order).order_by(Order.id)).first()
        bol_order_id = order.bol_order_id
        scans = [line.ean for line in order.lines for _ in range(line.quantity)]
    station = PickStationSection(context, controller)
    qtbot.addWidget(station)
    station.resize(1280, 800)
    station.show()
    station.windowHandle().requestActivate()
    qtbot.waitUntil(station.isActiveWindow)
    scan(qtbot, station.scan_field, bol_order_id)
    for ean in scans:
        scan(qtbot, station.scan_field, ean)
    dialog = station.active_dialog
    assert isinstance(dialog, ShipmentDialog)
    return station, dialog, bol_order_id


def test_an_order_picked_at_the_station_is_shipped_at_bol_com(qtbot, live_desk):
    context, controller, sandbox = live_desk
    station, dialog, bol_order_id = pick_first_order(qtbot, context, controller)
    dialog.transporter.setCurrentIndex(dialog.transporter.findData("DHLFORYOU"))
    scan(qtbot, dialog.code, "JVGL0123456789012345")
    qtbot.waitUntil(lambda: station.order.shipment is not None
                    and station.order.shipment.state == "confirmed", timeout=20000)
    [shipment] = [s for s in sandbox.state.shipments() if s["orderId"] == bol_order_id]
    assert (shipment["transporterCode"], shipment["trackAndTrace"]) == (
        "DHLFORYOU", "JVGL0123456789012345")
    with context.database.unit_of_work() as uow:
        assert uow.session.scalars(select(Order.status).where(
            Order.bol_order_id == bol_order_id)).one() == "shipped"


def test_the_sandbox_receives_exactly_the_typed_carrier_code(qtbot, live_desk):
    """Account default TNT, last used at this desk DHLFORYOU: the picker types DHL, and DHL
    (not DHLFORYOU, not TNT) is what bol.com receives."""
    context, controller, sandbox = live_desk
    context.settings.last_transporter = "DHLFORYOU"
    station, dialog, bol_order_id = pick_first_order(qtbot, context, controller)
    assert dialog.selected_transporter().code == "TNT"  # the account default, not last used
    assert dialog.last_used_button.isVisible()
    dialog.windowHandle().requestActivate()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.carrier.search.setFocus()
    scan(qtbot, dialog.carrier.search, "DHL")  # typed, then Enter: on to the track & trace
    assert dialog.code.hasFocus()
    scan(qtbot, dialog.code, "JVGL0123456789012345")
    qtbot.waitUntil(lambda: station.order.shipment is not None
                    and station.order.shipment.state == "confirmed", timeout=20000)
    [shipment] = [s for s in sandbox.state.shipments() if s["orderId"] == bol_order_id]
    assert (shipment["transporterCode"], shipment["trackAndTrace"]) == (
        "DHL", "JVGL0123456789012345")
    assert context.settings.last_transporter == "DHL"
