"""One sandbox, SQLite database and imported account shared by the track & trace correction
tests (sync and UI): each test ships an order of its own, so one import serves them all."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import keyring
import keyring.backend
from sqlalchemy import select

from haydigo_desk.bol import store_client_secret
from haydigo_desk.bol.retry import RetryPolicy
from haydigo_desk.persistence.database import open_database
from haydigo_desk.persistence.models import MarketplaceAccount, Order, utcnow
from haydigo_desk.services import lifecycle, shipping
from haydigo_desk.services.claims import StationIdentity
from haydigo_desk.sync.client_factory import AccountConnection, build_client
from haydigo_desk.sync.cycle import CycleRunner
from haydigo_desk.sync.events import SyncReport
from support.sync_setup import SyncSetup, connect_account, fast_sandbox


def make_runner(setup: SyncSetup) -> CycleRunner:
    """A cycle runner on the shared account (its secret put into this test's keyring)."""
    store_client_secret(setup.sandbox.client_id, setup.sandbox.client_secret)
    with setup.database.unit_of_work() as uow:
        connection = AccountConnection.of(uow.session.get(MarketplaceAccount, setup.account_id))
    fast_retries = RetryPolicy(max_attempts=2, backoff_base=0.01, backoff_cap=0.05)
    return CycleRunner(setup.database, build_client(connection, retry=fast_retries),
                       setup.account_id)


class _ImportKeyring(keyring.backend.KeyringBackend):
    """Holds the secret during the first import: a module fixture runs before the suite's
    per-test in-memory keyring is installed, and must never reach the OS keyring."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@contextmanager
def imported_account(folder: Path) -> Iterator[SyncSetup]:
    """The sandbox's orders imported once into a SQLite database in ``folder``."""
    previous = keyring.get_keyring()
    keyring.set_keyring(_ImportKeyring())
    sandbox = fast_sandbox(open_orders=30)
    database = open_database(f"sqlite:///{folder / 'desk.sqlite3'}")
    try:
        setup = SyncSetup(sandbox, database, connect_account(database, sandbox))

        async def first_import() -> None:
            runner = make_runner(setup)
            try:
                report = await runner.run()
                assert report.outcome == "ok", report.message
            finally:
                await runner.client.aclose()

        with asyncio.Runner(loop_factory=asyncio.SelectorEventLoop) as loop:
            loop.run(first_import())
        keyring.set_keyring(previous)
        yield setup
    finally:
        keyring.set_keyring(previous)
        sandbox.stop()
        database.dispose()


def new_one_line_order(setup: SyncSetup) -> str:
    """A not yet shipped order of one line whose units are on the shelf."""
    with setup.database.unit_of_work() as uow:
        for order in uow.session.scalars(select(Order).where(Order.status == "new")
                                         .order_by(Order.id)):
            [*lines] = order.lines
            if len(lines) == 1 and lines[0].product.on_hand >= lines[0].quantity:
                return order.bol_order_id
    raise AssertionError("the seeded sandbox has no unshipped one-line order left")


async def ship_confirmed(setup: SyncSetup, runner: CycleRunner, transporter: str = "TNT",
                         track: str = "3SABCD1234567") -> tuple[str, int]:
    """(bol order id, shipment id) of an order packed, posted and confirmed by bol.com."""
    bol_order_id = new_one_line_order(setup)
    with setup.database.unit_of_work() as uow:
        order = uow.session.scalars(select(Order).where(Order.bol_order_id == bol_order_id)).one()
        order_id = order.id
        for line in order.lines:
            assert lifecycle.pick_into_box(uow.session, order_id, line.id, line.quantity)
        uow.commit()
    queued = shipping.queue_shipment(setup.database, order_id, transporter, track,
                                     station=StationIdentity("desk-1", "test"))
    result = await runner.outbox.post_now(queued.outbox_entry_id, SyncReport(1, "", utcnow()),
                                          wait_seconds=5, poll_every=0.05)
    assert result.state == "done", result.message
    return bol_order_id, queued.shipment_id
