"""The station's presenter without a single widget: modes, messages and the ordered queue.

A recording view stands in for the widgets; the queue runs each step at once (the order the
station sees with one worker thread); the database is a real SQLite file.
"""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url
from support.factories import make_account, make_order, make_pick_list, make_products
from support.station_view import RecordingView

from haydigo_desk.persistence.database import open_database
from haydigo_desk.persistence.models import OrderLine, ScanLogEntry
from haydigo_desk.services.claims import StationIdentity
from haydigo_desk.services.picking import PickingService
from haydigo_desk.services.station_db import station_database
from haydigo_desk.services.station_jobs import StationJobs
from haydigo_desk.ui.station.feedback import Feedback
from haydigo_desk.ui.station.presenter import Mode, StationPresenter


class InlineQueue:
    """One step after the other, answered at once (what the one-thread lane guarantees)."""

    def run_ordered(self, call, on_result, on_error=None):
        try:
            result = call()
        except Exception as exc:
            on_error(exc)
        else:
            on_result(result)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    """One database for the module: two orders on a pick list, one order on none."""
    url = f"sqlite:///{tmp_path_factory.mktemp('presenter') / 'desk.db'}"
    database = open_database(url)
    with database.unit_of_work() as uow:
        account = make_account(uow.session)
        products = make_products(uow.session, account, 6)
        first = make_order(uow.session, account, "C000PRES01", [(products[0], 2), (products[1], 1)])
        second = make_order(uow.session, account, "C000PRES02", [(products[0], 1)])
        make_order(uow.session, account, "C000ALONE1", [(products[2], 1)])
        make_order(uow.session, account, "C000ALONE2", [(products[3], 1)])
        make_pick_list(uow.session, [first, second], code="PL-000077")
        uow.commit()
        eans = [p.ean for p in products]
    database.dispose()
    return url, eans


@pytest.fixture
def station(seeded):
    url, eans = seeded
    database = station_database(open_database(url, upgrade=False))
    identity = StationIdentity("desk-9", "Noor")
    view = RecordingView()
    jobs = StationJobs(database, identity, PickingService(database, identity))
    presenter = StationPresenter(jobs, InlineQueue(), view, scan_patience_s=0.5)
    yield presenter, view, eans, database
    presenter.leave()
    presenter.leave()
    database.dispose()


def test_single_order_modes_and_messages(station):
    presenter, view, eans, _db = station
    presenter.scan("C000ALONE1")
    assert presenter.mode is Mode.ORDER and view.last.feedback is Feedback.OPENED
    assert presenter.order.claimed_by == "Noor @ desk-9"
    presenter.scan(eans[4])  # a product of the shop, not of this order: named
    assert view.last.feedback is Feedback.WRONG_PRODUCT
    assert "Product 5" in view.last.text and "put it back" in view.last.text
    presenter.scan(eans[2][:-1] + str((int(eans[2][-1]) + 1) % 10))
    assert view.last.feedback is Feedback.BAD_CHECK_DIGIT
    presenter.scan("HELLO?")
    assert view.last.feedback is Feedback.UNKNOWN_CODE
    presenter.scan(eans[2])  # the only unit: complete, the shipment is asked for
    assert view.last.feedback is Feedback.DONE and "Product 3" in view.last.text
    assert presenter.mode is Mode.SHIPMENT and view.asked == [("shipment", "C000ALONE1")]
    presenter._shipment_answered(None, None)  # the picker closed the dialog
    assert presenter.mode is Mode.ORDER
    presenter.scan(eans[2])
    assert view.last.feedback is Feedback.TOO_MANY and "put this one back" in view.last.text
    presenter.leave()
    assert presenter.mode is Mode.IDLE and presenter.order is None
    assert view.last.text == ""  # the refusal belonged to the order that was left
    assert view.shown[-1][0] == "idle"


def test_pick_list_batch_packing_and_an_order_not_on_the_list(station):
    presenter, view, eans, _db = station
    presenter.scan("PL-000077")
    assert presenter.mode is Mode.BATCH and view.shown[-1] == ("pick_list", "PL-000077")
    presenter.scan(eans[5])
    assert view.last.feedback is Feedback.WRONG_PRODUCT and "pick list" in view.last.text
    presenter.scan("C000ALONE2")  # an order, but not one of this list
    assert view.last.feedback is Feedback.NOT_IN_LIST and "PL-000077" in view.last.text
    assert presenter.mode is Mode.BATCH
    view.quantity = 3
    presenter.scan(eans[0])
    assert view.last.feedback is Feedback.OK
    presenter.scan(eans[1])
    assert view.last.feedback is Feedback.DONE  # everything picked: now pack
    presenter.scan("C000PRES02")
    assert presenter.mode is Mode.PACKING
    assert view.shown[-1] == ("order", "C000PRES02", "PL-000077")
    presenter.leave()
    assert presenter.mode is Mode.BATCH and presenter.pick_list.code == "PL-000077"
    presenter.leave()
    assert presenter.mode is Mode.IDLE


def test_a_locked_database_says_busy_and_loses_nothing(station, seeded):
    presenter, view, eans, database = station
    presenter.scan("C000ALONE2")
    assert presenter.mode is Mode.ORDER
    path = make_url(seeded[0]).database
    blocker = sqlite3.connect(path, timeout=0.1, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    blocker.execute("UPDATE products SET title = title")
    try:
        presenter.scan(eans[3])
        assert view.last.feedback is Feedback.DB_BUSY
        assert view.last.text.startswith("Database busy, scan again") and eans[3] in view.last.text
        assert presenter.mode is Mode.ORDER and presenter.in_flight == 0
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    presenter.scan(eans[3])  # scanned again: counted once, the order is complete
    assert view.last.feedback is Feedback.DONE
    with database.unit_of_work() as uow:
        picked = uow.session.scalar(select(OrderLine.quantity_picked).where(
            OrderLine.ean == eans[3], OrderLine.order_id == presenter.order.order_id))
        codes = uow.session.scalars(select(ScanLogEntry.code).where(
            ScanLogEntry.workstation == "desk-9").order_by(ScanLogEntry.id)).all()
    assert picked == 1
    assert codes[-2:] == ["C000ALONE2", eans[3]]  # the busy scan left no half-written row
    presenter._shipment_answered(None, None)
