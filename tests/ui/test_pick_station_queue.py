"""The station never waits: scans queue in order, a locked database says so, scanners end codes
with Enter or Tab and may pause mid-code, and the desk's scanner settings are used."""
# Fixtures come from pick_station_support; their names are test arguments (F811).
# ruff: noqa: F811

from __future__ import annotations

import itertools
import sqlite3
import time

import pytest
from pick_station_support import desk, qt_loop, scan, settle  # noqa: F401
from PySide6.QtCore import QElapsedTimer, QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from sqlalchemy.engine import make_url

from haydigo_desk.persistence.models import OrderLine, ScanLogEntry
from haydigo_desk.ui.pick_station import Mode, PickStationSection
from haydigo_desk.ui.sounds import Sound

AZERTY_BE_DIGITS = dict(zip("1234567890", "&é\"'(§è!çà", strict=True))


@pytest.fixture
def station(qtbot, desk):
    widget = PickStationSection(desk.context, desk.controller)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    widget.windowHandle().requestActivate()
    qtbot.waitUntil(widget.isActiveWindow)
    scan(qtbot, widget.scan_field, desk.bol_order_id)
    assert widget.mode is Mode.ORDER
    return widget


def picked(desk, ean: str) -> int:
    with desk.context.database.unit_of_work() as uow:
        return uow.session.scalar(select(OrderLine.quantity_picked).where(
            OrderLine.order_id == desk.order_id, OrderLine.ean == ean))


def logged_codes(desk) -> list[str]:
    with desk.context.database.unit_of_work() as uow:
        return list(uow.session.scalars(select(ScanLogEntry.code).order_by(ScanLogEntry.id)))


def test_fast_scans_are_applied_in_the_order_they_were_made(qtbot, desk, station):
    bad = desk.eans[1][:-1] + str((int(desk.eans[1][-1]) + 1) % 10)
    typed = [desk.eans[4], desk.eans[0], bad, desk.eans[0], "NOPE-1", desk.eans[0],
             desk.eans[1], desk.eans[3], desk.eans[2]] * 3
    before = len(logged_codes(desk))
    for code in typed:  # like a scanner: no waiting for the answer between codes
        qtbot.keyClicks(station.scan_field, code)
        qtbot.keyClick(station.scan_field, Qt.Key.Key_Return)
    assert station.busy  # answers still on their way: the window did not wait for them
    settle(qtbot, station)
    assert logged_codes(desk)[before:] == typed
    assert (picked(desk, desk.eans[0]), picked(desk, desk.eans[1]),
            picked(desk, desk.eans[2])) == (2, 1, 1)
    assert station.counter.text() == "4 / 4"
    assert station.feedback.property("role") == "scan-too-many"  # the last one was too many
    station.leave()


def test_a_locked_database_answers_busy_without_freezing_or_losing_a_scan(qtbot, desk, station):
    station.presenter.scan_patience_s = 0.8  # the lock below outlasts the station's patience
    blocker = sqlite3.connect(make_url(desk.context.database.url).database, timeout=0.1,
                              isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # e.g. a sync import holding the write lock
    blocker.execute("UPDATE products SET title = title")
    ticks: list[int] = []
    clock = QElapsedTimer()
    clock.start()
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(clock.elapsed()))
    timer.start(20)
    try:
        scan_started = time.monotonic()
        qtbot.keyClicks(station.scan_field, desk.eans[0])
        qtbot.keyClick(station.scan_field, Qt.Key.Key_Return)
        qtbot.keyClicks(station.scan_field, desk.eans[1])  # queued behind the first
        qtbot.keyClick(station.scan_field, Qt.Key.Key_Return)
        settle(qtbot, station)
        waited = time.monotonic() - scan_started
    finally:
        timer.stop()
        blocker.execute("ROLLBACK")
        blocker.close()
    assert "Database busy, scan again" in station.feedback.text()
    assert desk.eans[1] in station.feedback.text()
    assert station.feedback.property("role") == "scan-db-busy"
    assert station.sounds.played[-1] is Sound.DB_BUSY
    assert waited < 5.0  # two scans of a few short lock waits each, not SQLite's 10 s each
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert ticks and max(gaps) < 250, gaps  # the event loop kept running meanwhile
    assert picked(desk, desk.eans[0]) == 0 and picked(desk, desk.eans[1]) == 0
    scan(qtbot, station.scan_field, desk.eans[0])  # scan again: counted exactly once
    assert picked(desk, desk.eans[0]) == 1 and station.feedback.property("role") == "scan-ok"
    station.leave()


def test_a_lock_held_for_a_while_delays_the_write_but_loses_and_refuses_nothing(
        qtbot, desk, station):
    # A sync batch on a loaded machine holds the write lock for about a second: the scans
    # already answered on screen wait for it on the ordered lane and are then written.
    blocker = sqlite3.connect(make_url(desk.context.database.url).database, timeout=0.1,
                              isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    blocker.execute("UPDATE products SET title = title")
    QTimer.singleShot(1500, lambda: (blocker.execute("ROLLBACK"), blocker.close()))
    qtbot.keyClicks(station.scan_field, desk.eans[0])
    qtbot.keyClick(station.scan_field, Qt.Key.Key_Return)
    assert station.feedback.property("role") == "scan-ok"  # answered before the lock is free
    qtbot.keyClicks(station.scan_field, desk.eans[1])
    qtbot.keyClick(station.scan_field, Qt.Key.Key_Return)
    settle(qtbot, station)
    assert picked(desk, desk.eans[0]) == 1 and picked(desk, desk.eans[1]) == 1
    assert station.feedback.property("role") == "scan-ok"
    assert Sound.DB_BUSY not in station.sounds.played
    station.leave()


def test_tab_ends_a_scan_and_keeps_the_focus(qtbot, desk, station):
    qtbot.keyClicks(station.scan_field, desk.eans[1])
    qtbot.keyClick(station.scan_field, Qt.Key.Key_Tab)
    settle(qtbot, station)
    assert picked(desk, desk.eans[1]) == 1
    assert station.scan_field.hasFocus() and station.scan_field.text() == ""
    station.leave()


def test_one_scan_in_two_bursts_is_one_scan(qtbot, desk, station):
    ean = desk.eans[0]
    before = len(logged_codes(desk))
    qtbot.keyClicks(station.scan_field, ean[:5])
    qtbot.wait(120)  # the scanner pauses mid-code
    qtbot.keyClicks(station.scan_field, ean[5:])
    qtbot.keyClick(station.scan_field, Qt.Key.Key_Return)
    settle(qtbot, station)
    assert logged_codes(desk)[before:] == [ean]
    assert picked(desk, ean) == 1
    station.leave()


def test_the_desks_scanner_settings_read_an_azerty_scanner_with_a_prefix(qtbot, desk, station):
    widget = station
    settings = desk.context.settings  # changed in Settings while the station is open
    settings.scanner_layout, settings.scanner_prefix = "azerty-be", "#"
    typed = "#" + "".join(AZERTY_BE_DIGITS[d] for d in desk.eans[2])
    for char in typed:  # QTest types ASCII only: é, §, è and ç arrive as key events with text
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget.scan_field,
                                   QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
    assert widget.scan_field.text() == typed
    qtbot.keyClick(widget.scan_field, Qt.Key.Key_Return)
    settle(qtbot, widget)
    assert picked(desk, desk.eans[2]) == 1, widget.feedback.text()
    widget.leave()
