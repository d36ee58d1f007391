"""Fixtures for the pick station tests: a desk context, a qasync loop and a stand-in worker.

``FakeWorker`` runs coroutines on its own thread and loop exactly like the sync worker
(``submit(factory)`` returns a concurrent future), and its ``post_outbox_now`` changes the rows
the way the worker's outbox step does on SUCCESS, FAILURE or a cancellation found by the
pre-post check. The end-to-end tests against the sandbox swap in the real worker.
"""

from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import qasync
from sqlalchemy import select
from support.factories import make_account, make_order, make_pick_list, make_products

from haydigo_desk.config import AppPaths, DeskSettings, SettingsStore
from haydigo_desk.context import DeskContext, StaffIdentity
from haydigo_desk.persistence.database import open_database
from haydigo_desk.persistence.models import OutboxEntry, Shipment
from haydigo_desk.services import lifecycle
from haydigo_desk.ui.sync_controller import SyncController
from haydigo_desk.ui.theme import style_sheet


@dataclass
class PostResult:
    state: str
    message: str = ""


@dataclass
class FakeServices:
    database: object
    outcome: str = "confirm"  # confirm | fail | cancelled
    message: str = ""
    posted: list[int] = field(default_factory=list)
    gate: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        self.gate.set()

    async def post_outbox_now(self, entry_id: int, wait_seconds: float = 20.0) -> PostResult:
        self.posted.append(entry_id)
        await asyncio.get_running_loop().run_in_executor(None, self.gate.wait, 10)
        with self.database.unit_of_work() as uow:
            entry = uow.session.get(OutboxEntry, entry_id)
            if self.outcome == "confirm":
                entry.state = "done"
                lifecycle.shipment_confirmed(uow.session, entry.shipment_id)
                result = PostResult("done", "")
            else:
                message = self.message or "cancelled by the customer"
                entry.state, entry.last_error = "failed", message
                lifecycle.shipment_failed(uow.session, entry.shipment_id, message)
                result = PostResult("failed", message)
            uow.commit()
        return result


class FakeWorker:
    def __init__(self, services: FakeServices) -> None:
        self.services = services
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    def submit(self, factory):
        return asyncio.run_coroutine_threadsafe(factory(self.services), self.loop)

    def request_sync(self, account_id=None) -> None:
        pass

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        self.loop.close()


@dataclass
class Desk:
    context: DeskContext
    controller: SyncController
    services: FakeServices
    order_id: int
    second_order_id: int
    pick_list_id: int
    eans: list[str]
    bol_order_id: str = "C000GUOJ8Q"


def apply_theme(app) -> None:
    app.setStyleSheet(style_sheet("light"))


@pytest.fixture
def qt_loop(qapp):
    """The GUI's qasync loop, as app.py runs it; pytest-qt's waits drive it."""
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    yield loop
    # already_running made it this thread's running loop: undo that, or every later
    # asyncio test in the session finds "another loop is running".
    asyncio.events._set_running_loop(None)
    loop._after_run_forever()
    asyncio.set_event_loop(None)


@pytest.fixture
def desk(qapp, qt_loop, sqlite_url, tmp_path: Path):
    database = open_database(sqlite_url)
    with database.unit_of_work() as uow:
        account = make_account(uow.session, default_transporter="TNT")
        products = make_products(uow.session, account, 5)
        order = make_order(uow.session, account, "C000GUOJ8Q",
                           [(products[0], 2), (products[1], 1), (products[2], 1)])
        second = make_order(uow.session, account, "C000SECOND", [(products[0], 1)])
        pick_list = make_pick_list(uow.session, [order, second], code="PL-000042")
        uow.commit()
        ids = order.id, second.id, pick_list.id, [p.ean for p in products]
    settings = DeskSettings(workstation="desk-1", sounds_enabled=False)
    context = DeskContext(database, AppPaths.current(), SettingsStore(tmp_path / "s.json"),
                          settings, user=StaffIdentity(1, "Pieter", "picker"))
    services = FakeServices(database)
    worker = FakeWorker(services)
    controller = SyncController(worker)
    apply_theme(qapp)
    yield Desk(context, controller, services, *ids)
    services.gate.set()
    worker.stop()
    database.dispose()


def scan(qtbot, widget, text: str) -> None:
    """Type like a USB scanner: the digits, then Enter; wait until the station answered."""
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, "\r")
    settle(qtbot, widget)


def settle(qtbot, widget) -> None:
    """Wait until the station that holds ``widget`` has no database step on its way."""
    station = widget
    while station is not None and not hasattr(station, "presenter"):
        station = station.parent()
    if station is not None:
        qtbot.waitUntil(lambda: station.presenter.in_flight == 0, timeout=10000)


def shipments(database, order_id: int) -> list[tuple]:
    """(transporter, track & trace, state, error, {order line id: quantity}) per shipment."""
    with database.unit_of_work() as uow:
        rows = uow.session.scalars(
            select(Shipment).where(Shipment.order_id == order_id).order_by(Shipment.id)).all()
        return [(s.transporter_code, s.track_and_trace, s.state, s.error,
                 {line.order_line_id: line.quantity for line in s.lines}) for s in rows]


def outbox_rows(database) -> list[tuple]:
    """(state, shipment id, payload) of every shipment outbox row."""
    with database.unit_of_work() as uow:
        rows = uow.session.scalars(select(OutboxEntry).where(
            OutboxEntry.kind == "shipment").order_by(OutboxEntry.id)).all()
        return [(e.state, e.shipment_id, e.payload) for e in rows]


def shot(widget, path: Path, name: str) -> Path:
    target = path / f"{name}.png"
    widget.grab().save(str(target))
    return target
