"""Composition root: builds the database, services, sync worker and windows, then runs Qt."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import shutil
import sys
from dataclasses import dataclass, field

from haydigo_desk import APP_NAME, __version__
from haydigo_desk.config import (
    AppPaths,
    SettingsError,
    SettingsStore,
    resolve_database_url,
    sqlite_url,
)
from haydigo_desk.context import DeskContext
from haydigo_desk.persistence.database import Database, open_database

log = logging.getLogger(__name__)

DEMO_ACCOUNT = "bol.com demo"


@dataclass
class DemoEnvironment:
    """The demo: a local bol.com sandbox and a fresh database of its own."""

    sandbox: object
    database: Database
    account_id: int
    credentials: dict = field(default_factory=dict)

    def stop(self) -> None:
        self.sandbox.stop()


def start_demo(paths: AppPaths, *, products: int = 300, open_orders: int = 60) -> DemoEnvironment:
    from haydigo_desk.sandbox import SandboxConfig, start_sandbox
    from haydigo_desk.services.accounts import AccountSpec, save_account

    sandbox = start_sandbox(SandboxConfig(
        seed=1, products=products, open_orders=open_orders, order_rate_per_hour=30.0,
        cancel_rate=0.05, rate_scale=20.0, process_delay_s=2.0,
    ))
    # The sandbox starts from its seed every time, so the demo database does too.
    shutil.rmtree(paths.demo_dir, ignore_errors=True)
    paths.demo_dir.mkdir(parents=True, exist_ok=True)
    database = open_database(sqlite_url(paths.demo_dir / "demo.sqlite3"))
    with database.unit_of_work() as uow:
        account = save_account(uow.session, AccountSpec(
            name=DEMO_ACCOUNT, client_id=sandbox.client_id, store_name="Demo webshop",
            environment="custom", base_url=sandbox.url, token_url=sandbox.token_url,
            harvest_products=True, harvest_orders=True, sync_interval_minutes=1,
            excluded_countries=[],
        ))
        uow.commit()
        account_id = account.id
    return DemoEnvironment(sandbox, database, account_id,
                           {sandbox.client_id: sandbox.client_secret})


def demo_client_factory(secrets: dict):
    """The demo's credentials come from the sandbox itself, never from the OS keyring."""
    from haydigo_desk.bol import BolClient, ClientCredentials

    def build(connection):
        credentials = ClientCredentials(connection.client_id, secrets[connection.client_id])
        return BolClient(credentials, connection.bol_environment())

    return build


def has_real_account(database: Database) -> bool:
    from haydigo_desk.services.accounts import find_account

    with database.unit_of_work() as uow:
        return find_account(uow.session) is not None


def run_desk(args: argparse.Namespace) -> int:
    import qasync
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from haydigo_desk.sync.client_factory import build_client
    from haydigo_desk.sync.worker import SyncWorker
    from haydigo_desk.ui.main_window import MainWindow
    from haydigo_desk.ui.sync_controller import SyncController

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("haydigo-desk")
    paths = AppPaths.current()
    _install_crash_handler(paths)
    settings_store = SettingsStore(paths.settings_file)
    try:
        settings = settings_store.load()
    except SettingsError as exc:
        QMessageBox.warning(None, APP_NAME, str(exc))
        from haydigo_desk.config import DeskSettings

        settings = DeskSettings()
    _apply_look(app, settings)

    database = open_database(resolve_database_url(args.database_url))
    demo: DemoEnvironment | None = None
    client_factory = build_client
    if args.demo or (not args.database_url and not has_real_account(database)):
        database.dispose()
        demo = start_demo(paths)
        database = demo.database
        client_factory = demo_client_factory(demo.credentials)

    context = DeskContext(database=database, paths=paths, settings_store=settings_store,
                          settings=settings, demo=demo is not None)
    controller = SyncController()
    worker = SyncWorker(database, listener=controller, client_factory=client_factory,
                        image_cache_dir=paths.image_cache_dir,
                        workstation=settings.workstation,
                        images_per_minute=120.0 if demo else 20.0)
    controller.attach(worker)
    context.sync = controller
    worker.start()
    if worker.startup_error is not None:
        QMessageBox.critical(None, APP_NAME,
                             f"The sync could not start: {worker.startup_error}")

    window = MainWindow(context, controller)
    window.show()
    if os.environ.get("HAYDIGO_QUIT_AFTER_MS"):  # smoke tests: start, show, quit cleanly
        QTimer.singleShot(int(os.environ["HAYDIGO_QUIT_AFTER_MS"]), app.quit)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    try:
        with loop:
            loop.run_until_complete(_until_quit(app))
    finally:
        worker.stop()
        if demo is not None:
            demo.stop()
        database.dispose()
    return 0


def _install_crash_handler(paths: AppPaths) -> None:
    try:
        from haydigo_desk.ui.crash_handler import install_crash_handler
    except ImportError:
        return
    install_crash_handler(paths.log_dir)


def _apply_look(app, settings) -> None:
    try:
        from haydigo_desk.ui.theme import apply_theme
    except ImportError:
        pass
    else:
        apply_theme(app, settings.theme)
    try:
        from haydigo_desk.ui.i18n import install_translator
    except ImportError:
        return
    install_translator(app, settings.language)


async def _until_quit(app) -> None:
    done = asyncio.Event()
    app.aboutToQuit.connect(done.set)
    await done.wait()
