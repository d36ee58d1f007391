"""The demo: a local bol.com sandbox, a fresh database and a warehouse with locations.

``haydigo-desk`` without an account (or with ``--demo``) runs this, so a newcomer sees
products on shelves, orders and pick lists within seconds and nothing reaches bol.com.
The desk builds it on a background thread after its window shows (``start_demo`` with a
``progress`` callback); ``persistence.pending.PendingDatabase`` stands in for the database
until it exists.
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select

from haydigo_desk.bol import BolClient, ClientCredentials
from haydigo_desk.config import AppPaths, sqlite_url
from haydigo_desk.domain.lifecycle import LifecycleError
from haydigo_desk.domain.short_picks import ShortReason
from haydigo_desk.domain.states import PickListStatus, StaffRole
from haydigo_desk.persistence.database import Database, open_database
from haydigo_desk.persistence.models import (
    Location,
    PickList,
    PickListLine,
    Product,
    utcnow,
)
from haydigo_desk.sandbox import RunningSandbox, SandboxConfig, start_sandbox
from haydigo_desk.services import lifecycle
from haydigo_desk.services.accounts import AccountSpec, save_account
from haydigo_desk.services.picklist_rule_settings import (
    AccountRules,
    RuleDraft,
    save_rule_sets,
)
from haydigo_desk.services.staff import add_staff
from haydigo_desk.sync.client_factory import AccountConnection
from haydigo_desk.sync.events import SyncReport
from haydigo_desk.sync.offers import import_offers

DEMO_ACCOUNT = "bol.com demo"
AISLES = "ABCDEF"
# (step, done, total); steps: "database", "products", "shelves"
DemoProgress = Callable[[str, int, int], None]


def _no_progress(step: str, done: int, total: int) -> None:
    pass


@dataclass
class DemoEnvironment:
    sandbox: RunningSandbox
    database: Database
    account_id: int
    credentials: dict = field(default_factory=dict)

    def stop(self) -> None:
        self.sandbox.stop()


def demo_client_factory(secrets: dict):
    """The demo's credentials come from the sandbox itself, never from the OS keyring."""

    def build(connection: AccountConnection) -> BolClient:
        credentials = ClientCredentials(connection.client_id, secrets[connection.client_id])
        return BolClient(credentials, connection.bol_environment())

    return build


def assign_demo_locations(database: Database, product_list_id: int) -> int:
    """Shelve every product without a location: aisle, rack and shelf, like "B-07-3"."""
    with database.unit_of_work() as uow:
        products = uow.session.scalars(select(Product).where(
            Product.product_list_id == product_list_id, Product.location_id.is_(None),
        ).order_by(Product.id)).all()
        shelves: dict[str, Location] = {}
        for index, product in enumerate(products):
            aisle = AISLES[index // 80 % len(AISLES)]  # 6 aisles x 20 racks x 4 shelves
            code = f"{aisle}-{index // 4 % 20 + 1:02d}-{index % 4 + 1}"
            if code not in shelves:
                shelves[code] = Location(code=code, description="demo shelf")
            product.location = shelves[code]
        uow.commit()
        return len(products)


def start_demo(paths: AppPaths, *, products: int = 300, open_orders: int = 60,
               progress: DemoProgress = _no_progress,
               on_database: Callable[[Database], None] | None = None) -> DemoEnvironment:
    """Start the sandbox and build the demo database; ``on_database`` gets the database as
    soon as its schema and account exist (before the products are imported)."""
    sandbox = start_sandbox(SandboxConfig(
        seed=1, products=products, open_orders=open_orders, order_rate_per_hour=30.0,
        cancel_rate=0.05, rate_scale=20.0, process_delay_s=2.0,
    ))
    try:
        progress("database", 0, 0)
        database, account_id, product_list_id, connection = _build_database(paths, sandbox)
        if on_database is not None:
            on_database(database)
        secrets = {sandbox.client_id: sandbox.client_secret}
        # Products first, so they are on shelves before the first orders land.
        progress("products", 0, products)
        _import_products_now(demo_client_factory(secrets)(connection), database, account_id,
                             lambda done: progress("products", done, products))
        progress("shelves", 0, 0)
        assign_demo_locations(database, product_list_id)
    except BaseException:
        sandbox.stop()
        raise
    return DemoEnvironment(sandbox, database, account_id, secrets)


def _build_database(paths: AppPaths, sandbox: RunningSandbox):
    # The sandbox starts from its seed every time, so the demo database does too.
    shutil.rmtree(paths.demo_dir, ignore_errors=True)
    paths.demo_dir.mkdir(parents=True, exist_ok=True)
    database = open_database(sqlite_url(paths.demo_dir / "demo.sqlite3"))
    with database.unit_of_work() as uow:
        account = save_account(uow.session, AccountSpec(
            name=DEMO_ACCOUNT, client_id=sandbox.client_id, store_name="Demo webshop",
            environment="custom", base_url=sandbox.url, token_url=sandbox.token_url,
            harvest_products=True, harvest_orders=True, sync_interval_minutes=1,
        ))
        # A newcomer should see orders at once: the demo logs in as its own manager.
        add_staff(uow.session, "Demo manager", StaffRole.MANAGER, badge_code="DEMO-MANAGER")
        add_staff(uow.session, "Demo picker", StaffRole.PICKER, badge_code="DEMO-PICKER")
        uow.commit()
        account_id, product_list_id = account.id, account.product_list_id
        connection = AccountConnection.of(account)
    # Pick-list rules as a warehouse starts with: singles apart, Belgium apart, the rest on
    # "Other orders"; the first sync fills their lists.
    save_rule_sets(database, [AccountRules(account_id, DEMO_ACCOUNT, [
        RuleDraft("Singles", singles_only=True, max_orders=30),
        RuleDraft("België (BE)", countries="BE", max_orders=20)])])
    return database, account_id, product_list_id, connection


def report_demo_short_pick(database: Database) -> bool:
    """One unit of the demo's first open pick list reported not found, so the Can't-fulfil
    queue has a line to show (``--screenshots`` of the demo). False when there is none."""
    with database.unit_of_work() as uow:
        line_id = uow.session.scalar(
            select(PickListLine.order_line_id)
            .join(PickList, PickList.id == PickListLine.pick_list_id)
            .where(PickList.status == PickListStatus.OPEN.value)
            .order_by(PickList.id, PickListLine.id).limit(1))
        if line_id is None:
            return False
        try:
            lifecycle.report_short(uow.session, [line_id], 1, ShortReason.NOT_FOUND,
                                   user_name="Demo picker", workstation="demo")
        except LifecycleError:
            return False
        uow.commit()
        return True


def _import_products_now(client: BolClient, database: Database, account_id: int,
                         progress: Callable[[int], None]) -> None:
    async def run() -> None:
        async with client:
            await import_offers(client, database, account_id,
                                SyncReport(account_id, DEMO_ACCOUNT, started_at=utcnow()),
                                progress)

    # Its own selector loop: qasync may already own the process-wide policy.
    with asyncio.Runner(loop_factory=asyncio.SelectorEventLoop) as runner:
        runner.run(run())
