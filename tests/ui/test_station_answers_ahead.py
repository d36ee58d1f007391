"""The station answers a scan at once and writes it behind, in order; a write that turns out
different corrects what was said.

The queue here holds every step until the test lets it run: what the picker sees while the
sync holds the write lock. The database is a real SQLite file; cancellations are applied
through the lifecycle, as the sync applies them.
"""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url
from support.factories import make_account, make_order, make_products
from support.station_view import RecordingView

from haydigo_desk.persistence.database import open_database
from haydigo_desk.persistence.models import Order, OrderLine, ScanLogEntry
from haydigo_desk.services import lifecycle
from haydigo_desk.services.claims import StationIdentity
from haydigo_desk.services.picking import PickingService
from haydigo_desk.services.station_db import station_database
from haydigo_desk.services.station_jobs import StationJobs
from haydigo_desk.ui.station.feedback import Feedback
from haydigo_desk.ui.station.presenter import Mode, StationPresenter


class HeldQueue:
    """Every step waits until ``release()``: the database answers late, in order."""

    def __init__(self) -> None:
        self.held: list = []

    def run_ordered(self, call, on_result, on_error=None):
        self.held.append((call, on_result, on_error))

    def release(self) -> None:
        while self.held:
            self.step()

    def step(self) -> None:
        """Only the oldest step: what it queues in its turn waits."""
        call, on_result, on_error = self.held.pop(0)
        try:
            result = call()
        except Exception as exc:
            on_error(exc)
        else:
            on_result(result)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    """One migrated, seeded database file; each test works on a copy of it."""
    path = tmp_path_factory.mktemp("ahead") / "seed.db"
    database = open_database(f"sqlite:///{path}")
    with database.unit_of_work() as uow:
        account = make_account(uow.session)
        products = make_products(uow.session, account, 4)
        order = make_order(uow.session, account, "C000AHEAD1",
                           [(products[0], 2), (products[1], 1)])
        uow.commit()
        seed = (order.id, [p.ean for p in products], [p.title for p in products])
    database.dispose()
    return path, seed


@pytest.fixture
def desk(seeded, tmp_path):
    seed_path, (order_id, eans, titles) = seeded
    shutil.copy(seed_path, tmp_path / "desk.db")
    url = f"sqlite:///{tmp_path / 'desk.db'}"
    station_db = station_database(open_database(url, upgrade=False))
    identity = StationIdentity("desk-3", "Sem")
    queue, view = HeldQueue(), RecordingView()
    presenter = StationPresenter(StationJobs(station_db, identity,
                                             PickingService(station_db, identity)), queue, view,
                                 scan_patience_s=0.5)  # the lock below outlasts it
    presenter.open_order(order_id)
    queue.release()
    assert presenter.mode is Mode.ORDER
    yield presenter, queue, view, station_db, eans, titles, url
    station_db.dispose()


def picked(database, ean: str) -> int:
    with database.unit_of_work() as uow:
        return uow.session.scalar(select(OrderLine.quantity_picked).where(OrderLine.ean == ean))


def test_a_scan_is_answered_before_the_database_has_it(desk):
    presenter, queue, view, database, eans, titles, _url = desk
    presenter.scan(eans[0])
    assert view.last.feedback is Feedback.OK and titles[0] in view.last.text
    assert "1 / 2" in view.last.text and presenter.counter_text() == "1 / 3"
    assert picked(database, eans[0]) == 0 and len(queue.held) == 1  # not written yet
    presenter.scan(eans[0])  # the next one counts on top of the first, still unwritten
    assert "2 / 2" in view.last.text and presenter.counter_text() == "2 / 3"
    said = len(view.messages)
    queue.release()
    assert picked(database, eans[0]) == 2
    assert len(view.messages) == said  # written as said: nothing more to say


def test_the_shipment_is_asked_only_once_the_last_unit_is_written(desk):
    presenter, queue, view, _database, eans, _titles, _url = desk
    for ean in (eans[0], eans[0], eans[1]):
        presenter.scan(ean)
    assert view.last.feedback is Feedback.DONE
    assert view.asked == []  # the order is complete on screen, not yet in the database
    queue.release()
    assert view.asked == [("shipment", "C000AHEAD1")]


def test_a_line_cancelled_while_the_scan_waited_corrects_the_answer(desk):
    presenter, queue, view, database, eans, titles, _url = desk
    presenter.scan(eans[1])
    assert view.last.feedback is Feedback.OK
    with database.unit_of_work() as uow:  # the sync applies bol.com's cancellation first
        line = uow.session.scalars(select(OrderLine).where(OrderLine.ean == eans[1])).one()
        order = uow.session.get(Order, line.order_id)
        lifecycle.apply_bol_item(uow.session, order, line, shipped=0, cancelled=1,
                                 cancellation_request=False)
        uow.commit()
    queue.release()
    corrections = [m for m in view.messages if m.feedback is Feedback.CANCELLED]
    assert corrections and titles[1] in corrections[-1].text
    assert picked(database, eans[1]) == 0
    assert presenter.counter_text() == "0 / 2"  # reloaded: the cancelled unit is gone
    with database.unit_of_work() as uow:
        result = uow.session.scalars(select(ScanLogEntry.result).order_by(
            ScanLogEntry.id.desc())).first()
    assert result == "line_cancelled"


def test_a_locked_database_takes_back_what_was_counted_on_screen(desk):
    presenter, queue, view, database, eans, _titles, url = desk
    presenter.scan(eans[0])
    assert presenter.counter_text() == "1 / 3"
    blocker = sqlite3.connect(make_url(url).database, timeout=0.1, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    blocker.execute("UPDATE products SET title = title")
    try:
        queue.release()
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert view.last.feedback is Feedback.DB_BUSY and eans[0] in view.last.text
    assert presenter.counter_text() == "0 / 3" and picked(database, eans[0]) == 0
    presenter.scan(eans[0])  # scanned again: counted once
    queue.release()
    assert picked(database, eans[0]) == 1 and presenter.counter_text() == "1 / 3"


def test_a_product_not_in_the_order_is_named_unless_a_later_scan_was_answered(desk):
    presenter, queue, view, _database, eans, titles, _url = desk
    presenter.scan(eans[2])  # the shop's product, not this order's
    assert view.last.feedback is Feedback.WRONG_PRODUCT and titles[2] not in view.last.text
    queue.release()
    assert view.last.feedback is Feedback.WRONG_PRODUCT and titles[2] in view.last.text
    presenter.scan(eans[3])
    presenter.scan(eans[0])  # answered before the read of the wrong one came back
    queue.release()
    assert view.last.feedback is Feedback.OK  # the newest answer stays on screen


def test_a_reload_read_before_a_later_scan_is_written_keeps_that_scan_on_screen(desk):
    presenter, queue, view, database, eans, _titles, _url = desk
    presenter.scan(eans[0])
    queue.step()  # written; the order turns "picking" and reloads (queued, not run yet)
    assert len(queue.held) == 1
    presenter.scan(eans[1])  # counted on screen, its write queued behind that reload
    assert presenter.counter_text() == "2 / 3"
    queue.release()
    assert picked(database, eans[1]) == 1
    assert presenter.counter_text() == "2 / 3"  # the reload did not take the second scan back
    presenter.scan(eans[0])  # the last unit: the shipment follows its write
    queue.release()
    assert view.asked == [("shipment", "C000AHEAD1")]
