"""Composition root: builds the database, services, sync worker and windows, then runs Qt."""

from __future__ import annotations

import argparse
import asyncio
import gc
import logging
import os
import sys

from haydigo_desk import APP_NAME, __version__
from haydigo_desk.config import (
    AppPaths,
    DeskSettings,
    SettingsError,
    SettingsStore,
    resolve_database_url,
    sqlite_url,
)
from haydigo_desk.context import DeskContext, StaffIdentity
from haydigo_desk.demo import DemoEnvironment, demo_client_factory, start_demo
from haydigo_desk.persistence.database import (
    Database,
    DatabaseUnavailableError,
    database_errors,
    open_database,
)

log = logging.getLogger(__name__)

EXIT_CANNOT_START = 3  # the same code the command line uses for database problems


def has_real_account(database: Database) -> bool:
    from haydigo_desk.services.accounts import find_account

    with database.unit_of_work() as uow:
        return find_account(uow.session) is not None


def _open_desk_database(args: argparse.Namespace,
                        paths: AppPaths) -> tuple[Database, DemoEnvironment | None]:
    """The desk's database, or the demo's when no account is configured (or ``--demo``)."""
    url = resolve_database_url(args.database_url)
    database = open_database(url)
    with database_errors(url):
        try:
            use_demo = args.demo or (not args.database_url and not has_real_account(database))
        except BaseException:
            database.dispose()
            raise
    if not use_demo:
        return database, None
    database.dispose()
    with database_errors(sqlite_url(paths.demo_dir / "demo.sqlite3")):
        demo = start_demo(paths)
    return demo.database, demo


def run_desk(args: argparse.Namespace) -> int:
    import qasync
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from haydigo_desk.sync.client_factory import build_client
    from haydigo_desk.sync.worker import SyncWorker
    from haydigo_desk.ui.crash_handler import install_crash_handler
    from haydigo_desk.ui.login_dialog import log_in
    from haydigo_desk.ui.main_window import MainWindow
    from haydigo_desk.ui.startup_error import show_startup_error
    from haydigo_desk.ui.sync_controller import SyncController

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("haydigo-desk")
    paths = AppPaths.current()
    crash_handler = install_crash_handler(paths.log_dir)
    settings_store = SettingsStore(paths.settings_file)
    try:
        settings = settings_store.load()
    except SettingsError as exc:
        QMessageBox.warning(None, APP_NAME, str(exc))
        settings = DeskSettings()
    apply_look(app, settings)

    try:
        database, demo = _open_desk_database(args, paths)
    except DatabaseUnavailableError as error:  # before any window: say why, change nothing
        log.error("The desk cannot start: %s", error)
        show_startup_error(error)
        crash_handler.uninstall()
        return EXIT_CANNOT_START
    client_factory = build_client
    if demo is not None:
        client_factory = demo_client_factory(demo.credentials)

    context = DeskContext(database=database, paths=paths, settings_store=settings_store,
                          settings=settings, demo=demo is not None)
    if demo is not None:
        context.user = StaffIdentity(None, "Demo manager", "manager")
    elif getattr(args, "screenshots", None) is None and log_in(context) is None:
        database.dispose()
        return 0  # nobody logged in: nothing to do
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

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    loop.set_exception_handler(crash_handler.handle_loop_error)
    try:
        if getattr(args, "screenshots", None):
            return _save_screenshots(context, controller, args.screenshots, loop)
        window = MainWindow(context, controller)
        window.settings_saved.connect(lambda saved: apply_look(app, saved))
        window.show()
        freeze_startup_objects()
        if os.environ.get("HAYDIGO_QUIT_AFTER_MS"):  # smoke tests: start, show, quit cleanly
            QTimer.singleShot(int(os.environ["HAYDIGO_QUIT_AFTER_MS"]), app.quit)
        with loop:
            loop.run_until_complete(_until_quit(app))
    finally:
        worker.stop()
        if demo is not None:
            demo.stop()
        database.dispose()
    return 0


def _save_screenshots(context: DeskContext, controller, out_dir: str, loop) -> int:
    """``--screenshots DIR``: every section and the settings dialog, in Dutch and English."""
    from pathlib import Path

    from haydigo_desk.ui.main_window import MainWindow
    from haydigo_desk.ui.screenshots import save_screenshots_in_languages
    from haydigo_desk.ui.settings_dialog import SettingsDialog

    if context.user is None:
        context.user = StaffIdentity(None, "Screenshot", "manager")
    with loop:
        loop.run_until_complete(asyncio.sleep(6.0))  # let the first sync fill the sections
        written = save_screenshots_in_languages(
            lambda: MainWindow(context, controller),
            lambda window: SettingsDialog(context, window, controller),
            Path(out_dir),
        )
    for path in written:
        print(path)
    return 0


def freeze_startup_objects() -> None:
    """Keep the garbage collector off everything loaded at start-up.

    A full collection walks every tracked object of the process (Qt bindings, SQLAlchemy,
    reportlab... about a million) and holds the GIL meanwhile: 100 ms pauses of the window
    while the sync imports orders. Frozen objects are never scanned again.
    """
    gc.collect()
    gc.freeze()


def apply_look(app, settings: DeskSettings) -> None:
    from haydigo_desk.ui.i18n import install_translator
    from haydigo_desk.ui.theme import apply_theme

    apply_theme(app, settings.theme)
    install_translator(app, settings.language)


async def _until_quit(app) -> None:
    done = asyncio.Event()
    app.aboutToQuit.connect(done.set)
    await done.wait()
