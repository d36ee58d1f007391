"""Refused scans, quantity entry, cancellations during picking, batch picking and packing."""
# Fixtures come from pick_station_support; their names are test arguments (F811).
# ruff: noqa: F811

from __future__ import annotations

import pytest
from pick_station_support import desk, qt_loop, scan, settle, shot  # noqa: F401
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from haydigo_desk.persistence.models import Order, OrderLine, ScanLogEntry
from haydigo_desk.services import lifecycle
from haydigo_desk.services.claims import StationIdentity, claim_order
from haydigo_desk.ui.pick_station import Mode, PickStationSection
from haydigo_desk.ui.shipment_dialog import ShipmentDialog
from haydigo_desk.ui.sounds import Sound, sound_of
from haydigo_desk.ui.station.feedback import Feedback


@pytest.fixture
def station(qtbot, desk):
    widget = PickStationSection(desk.context, desk.controller)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    widget.windowHandle().requestActivate()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def picked(desk) -> dict[str, int]:
    with desk.context.database.unit_of_work() as uow:
        rows = uow.session.execute(select(OrderLine.ean, OrderLine.quantity_picked)
                                   .where(OrderLine.order_id == desk.order_id)).all()
    return {ean: quantity for ean, quantity in rows}


def wrong_check_digit(ean: str) -> str:
    return ean[:-1] + str((int(ean[-1]) + 1) % 10)


@pytest.mark.parametrize(("code", "why", "feedback"), [
    ("ean_not_in_order", "is not in this order — put it back", Feedback.WRONG_PRODUCT),
    ("bad_check_digit", "wrong check digit — scan again", Feedback.BAD_CHECK_DIGIT),
    ("unknown", "unknown code — scan the product's EAN", Feedback.UNKNOWN_CODE),
    ("one_too_many", "— put this one back", Feedback.TOO_MANY),
    ("cancelled_line", "was cancelled — do not pack it", Feedback.CANCELLED),
])
def test_refused_scans_change_nothing(qtbot, desk, station, tmp_path, code, why, feedback):
    scan(qtbot, station.scan_field, desk.bol_order_id)
    text = {
        "ean_not_in_order": desk.eans[4],
        "bad_check_digit": wrong_check_digit(desk.eans[0]),
        "unknown": "HELLO-§§",
        "one_too_many": desk.eans[1],
        "cancelled_line": desk.eans[2],
    }[code]
    if code == "one_too_many":
        scan(qtbot, station.scan_field, desk.eans[1])
    if code == "cancelled_line":
        with desk.context.database.unit_of_work() as uow:
            line = uow.session.scalars(select(OrderLine).where(
                OrderLine.order_id == desk.order_id, OrderLine.ean == text)).one()
            line.quantity_cancelled = line.quantity
            uow.commit()
    before = picked(desk)
    scan(qtbot, station.scan_field, text)
    assert picked(desk) == before
    assert why in station.feedback.text()
    if code in ("ean_not_in_order", "one_too_many", "cancelled_line"):  # names the product
        assert f"Product {desk.eans.index(text) + 1} " in station.feedback.text()
    assert station.feedback.property("role") == f"scan-{feedback.value}"
    assert station.sounds.played[-1] is sound_of(feedback)
    assert station.scan_field.hasFocus() and station.scan_field.text() == ""
    shot(station, tmp_path, f"refused-{code}")
    with desk.context.database.unit_of_work() as uow:
        last = uow.session.scalars(select(ScanLogEntry).order_by(ScanLogEntry.id.desc())).first()
        assert (last.code, last.workstation, last.user_name) == (text, "desk-1", "Pieter")
        assert last.result != "ok"


def test_cancellation_while_picking_stops_the_picker(qtbot, desk, station, tmp_path):
    scan(qtbot, station.scan_field, desk.bol_order_id)
    scan(qtbot, station.scan_field, desk.eans[0])
    scan(qtbot, station.scan_field, desk.eans[0])
    with desk.context.database.unit_of_work() as uow:  # what the sync does on a cancellation
        line = uow.session.scalars(select(OrderLine).where(
            OrderLine.order_id == desk.order_id, OrderLine.ean == desk.eans[0])).one()
        lifecycle.apply_bol_item(uow.session, line.order, line, shipped=0, cancelled=0,
                                 cancellation_request=True)
        uow.commit()
    desk.controller.data_changed.emit(f"cancellation:{desk.order_id}")
    settle(qtbot, station)
    assert station.sounds.played[-1] is Sound.STOP
    assert station.alert.isVisible()
    assert "Put back" in station.alert_text.text() and desk.eans[0] in station.alert_text.text()
    assert isinstance(station.active_dialog, QMessageBox)
    shot(station, tmp_path, "cancellation-alert")
    scan(qtbot, station.scan_field, desk.eans[1])  # scans are refused until put back
    assert picked(desk)[desk.eans[1]] == 0
    station.active_dialog.accept()
    settle(qtbot, station)
    assert not station.alert.isVisible()
    assert picked(desk)[desk.eans[0]] == 0  # counts lowered by what went back
    scan(qtbot, station.scan_field, desk.eans[1])
    assert picked(desk)[desk.eans[1]] == 1


def _bol_answers(desk, order_id: int, *, shipped: bool) -> None:
    """What the sync does when bol.com reports every item shipped or cancelled."""
    with desk.context.database.unit_of_work() as uow:
        order = uow.session.get(Order, order_id)
        for line in order.lines:
            lifecycle.apply_bol_item(uow.session, order, line,
                                     shipped=line.quantity if shipped else 0,
                                     cancelled=0 if shipped else line.quantity,
                                     cancellation_request=False)
        uow.commit()


@pytest.mark.parametrize(("shipped", "said"), [(False, "was cancelled by the customer"),
                                                (True, "is already shipped")])
def test_a_closed_order_is_refused_with_its_reason_and_not_claimed(
        qtbot, desk, station, shipped, said):
    _bol_answers(desk, desk.second_order_id, shipped=shipped)
    scan(qtbot, station.scan_field, "C000SECOND")
    assert station.mode is Mode.IDLE
    assert said in station.feedback.text()
    feedback = Feedback.REFUSED if shipped else Feedback.CANCELLED
    assert station.feedback.property("role") == f"scan-{feedback.value}"
    assert station.sounds.played[-1] is sound_of(feedback)
    assert Sound.OK not in station.sounds.played
    with desk.context.database.unit_of_work() as uow:
        assert uow.session.get(Order, desk.second_order_id).claimed_by is None
        assert uow.session.scalars(select(ScanLogEntry.result).order_by(
            ScanLogEntry.id.desc())).first() == ("refused_shipped" if shipped
                                                 else "refused_cancelled")


def test_a_cancelled_order_with_units_in_the_box_asks_them_back(qtbot, desk, station):
    scan(qtbot, station.scan_field, "C000SECOND")
    scan(qtbot, station.scan_field, desk.eans[0])  # its one unit, into the box
    station.leave()
    settle(qtbot, station)
    _bol_answers(desk, desk.second_order_id, shipped=False)
    scan(qtbot, station.scan_field, "C000SECOND")
    assert "Put back" in station.alert_text.text() and desk.eans[0] in station.alert_text.text()
    assert Sound.STOP in station.sounds.played[-2:]
    station.active_dialog.accept()
    settle(qtbot, station)
    assert station.mode is Mode.IDLE
    with desk.context.database.unit_of_work() as uow:
        order = uow.session.get(Order, desk.second_order_id)
        assert order.claimed_by is None and order.lines[0].quantity_picked == 0


def test_other_orders_cancellation_is_ignored(qtbot, desk, station):
    scan(qtbot, station.scan_field, desk.bol_order_id)
    desk.controller.data_changed.emit(f"cancellation:{desk.second_order_id}")
    settle(qtbot, station)
    assert not station.alert.isVisible() and Sound.STOP not in station.sounds.played


def test_claimed_order_asks_before_taking_over(qtbot, desk, station, tmp_path):
    other = StationIdentity("desk-2", "Mara")
    claim_order(desk.context.database, desk.order_id, other)
    scan(qtbot, station.scan_field, desk.bol_order_id)
    assert station.mode is Mode.IDLE
    assert "Mara @ desk-2" in station.feedback.text()
    box = station.active_dialog
    assert isinstance(box, QMessageBox)
    shot(station, tmp_path, "claimed-elsewhere")
    box.done(QMessageBox.StandardButton.Yes)
    settle(qtbot, station)
    assert station.mode is Mode.ORDER
    with desk.context.database.unit_of_work() as uow:
        assert uow.session.get(Order, desk.order_id).claimed_by == "Pieter @ desk-1"
    # The other desk is now stopped at its next scan.
    from haydigo_desk.services.picking import PickingService

    outcome = PickingService(desk.context.database, other).scan_order(desk.order_id,
                                                                       desk.eans[0])
    assert outcome.result.value == "claim_lost"


def test_batch_pick_then_pack_order_by_order(qtbot, desk, station, tmp_path):
    scan(qtbot, station.scan_field, "PL-000042")
    assert station.mode is Mode.BATCH
    totals = {line.ean: line.needed for line in station.model.lines()}
    assert totals == {desk.eans[0]: 3, desk.eans[1]: 1, desk.eans[2]: 1}
    locations = [line.location for line in station.model.lines()]
    assert locations == sorted(locations)  # walking order
    scan(qtbot, station.scan_field, f"3*{desk.eans[0]}")
    scan(qtbot, station.scan_field, desk.eans[1])
    scan(qtbot, station.scan_field, desk.eans[2])
    assert station.counter.text() == "5 / 5"
    assert "scan an order" in station.feedback.text()
    shot(station, tmp_path, "batch-picked")
    scan(qtbot, station.scan_field, "C000SECOND")  # packing: the order of the pick list
    assert station.mode is Mode.PACKING and station.pick_list is not None
    scan(qtbot, station.scan_field, desk.eans[0])
    assert isinstance(station.active_dialog, ShipmentDialog)
    station.active_dialog.reject()  # ship later
    qtbot.waitUntil(station.scan_field.hasFocus)  # the window is active again
    qtbot.keyClick(station.scan_field, "\x1b")  # Esc: back to the pick list, scans kept
    settle(qtbot, station)
    assert station.mode is Mode.BATCH
    packed = {o.bol_order_id: o.units_packed for o in station.pick_list.orders}
    assert packed == {"C000GUOJ8Q": 0, "C000SECOND": 1}
