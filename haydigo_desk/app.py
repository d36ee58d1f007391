"""Composition root: builds the database, services, sync worker and windows, then runs Qt."""

from __future__ import annotations

import argparse
import asyncio
import functools
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
from haydigo_desk.persistence.database import (
    Database,
    DatabaseUnavailableError,
    database_errors,
    open_database,
)

log = logging.getLogger(__name__)

EXIT_CANNOT_START = 3  # the same code the command line uses for database problems


STAFF_ENV = "HAYDIGO_STAFF"  # kiosks and benchmarks: work as this person, without the login


def _open_real_database(args: argparse.Namespace, paths: AppPaths) -> Database | None:
    """The desk's own database, or None when the demo opens (``--demo``, or no account yet).

    A default database file that does not exist yet has no account: the demo starts without
    creating it (an account added in the demo creates it).
    """
    if args.demo:
        return None
    url = resolve_database_url(args.database_url)
    if (url == sqlite_url(paths.default_database_file) and paths.data_dir.is_dir()
            and not paths.default_database_file.exists()):
        return None
    from haydigo_desk.services.account_use_cases import has_account

    database = open_database(url)
    with database_errors(url):
        try:
            if args.database_url or has_account(database):
                return database
        except BaseException:
            database.dispose()
            raise
    database.dispose()
    return None


def run_desk(args: argparse.Namespace) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from haydigo_desk.crash_log import CrashLog
    from haydigo_desk.ui.single_instance import (
        DeskInstance,
        already_running_text,
        ask_running_desk_to_raise,
    )

    app = QApplication.instance() or QApplication(sys.argv[:1])
    favour_the_window()
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("haydigo-desk")
    paths = AppPaths.current()
    instance = DeskInstance(paths.data_dir)
    try:
        first = instance.acquire()
    except OSError as exc:  # an unusable data folder: the database check says it clearly
        log.warning("Cannot check for another desk in %s: %s", paths.data_dir, exc)
        first = True
    if not first:
        raised = ask_running_desk_to_raise(paths.data_dir)
        line = (f"{APP_NAME} already runs for this profile ({paths.data_dir}): "
                + ("its window was brought forward." if raised else "switch to its window."))
        print(line, file=sys.stderr)
        if not raised:  # no terminal may be watching: say it on screen too
            QMessageBox.information(None, APP_NAME, already_running_text())
        return 0
    crash_log = CrashLog(paths.data_dir)
    previous_crash = crash_log.previous_report()
    crash_log.enable()
    session = DeskSession(app, args, paths, instance, previous_crash)
    try:
        code = session.run()
    finally:
        crash_log.disable()
        instance.release()
    if session.restart_requested:
        _restart_without_demo()
    return code


class DeskSession:
    """One run of the desk window: its database (or the demo), worker, signals and clean-up."""

    def __init__(self, app, args: argparse.Namespace, paths: AppPaths, instance,
                 previous_crash) -> None:
        self.app = app
        self.args = args
        self.paths = paths
        self.instance = instance
        self.previous_crash = previous_crash
        self.restart_requested = False
        self.worker = None
        self.worker_start = None
        self.preparation = None
        self.window = None

    def run(self) -> int:
        import qasync
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QMessageBox

        from haydigo_desk.ui.crash_handler import install_crash_handler
        from haydigo_desk.ui.first_paint import after_first_paint
        from haydigo_desk.ui.quit_signals import QuitOnSignals
        from haydigo_desk.ui.startup_error import show_startup_error
        from haydigo_desk.ui.sync_controller import SyncController

        app, args, paths = self.app, self.args, self.paths
        crash_handler = install_crash_handler(paths.log_dir)
        settings_store = SettingsStore(paths.settings_file)
        try:
            settings = settings_store.load()
        except SettingsError as exc:
            QMessageBox.warning(None, APP_NAME, str(exc))
            settings = DeskSettings()
        apply_look(app, settings)
        try:
            database = _open_real_database(args, paths)
        except DatabaseUnavailableError as error:  # before any window: say why, change nothing
            log.error("The desk cannot start: %s", error)
            show_startup_error(error)
            crash_handler.uninstall()
            return EXIT_CANNOT_START
        demo = database is None
        if demo:
            from haydigo_desk.persistence.pending import PendingDatabase

            database = PendingDatabase(sqlite_url(paths.demo_dir / "demo.sqlite3"))
        context = DeskContext(
            database=database, paths=paths, settings_store=settings_store, settings=settings,
            demo=demo, real_database_url=resolve_database_url(args.database_url) if demo else None)
        self.context = context
        if demo:
            context.user = StaffIdentity(None, "Demo manager", "manager")
        elif getattr(args, "screenshots", None) is None and not self._log_in(context):
            database.dispose()
            return 0  # nobody logged in: nothing to do
        controller = SyncController()
        context.sync = controller
        self.controller = controller
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        loop.set_exception_handler(crash_handler.handle_loop_error)
        quit_signals = QuitOnSignals(app)
        try:
            if getattr(args, "screenshots", None):
                self._prepare_for_screenshots(database)
                return _save_screenshots(context, controller, args.screenshots, loop)
            self._open_window()
            # What can wait starts once the window is on screen: the demo's preparation, or
            # the sync worker (both on threads of their own, which would slow the window).
            after_first_paint(self.window, (lambda: self._prepare_demo(database)) if demo
                              else (lambda: self._start_worker(database, None)))
            if os.environ.get("HAYDIGO_QUIT_AFTER_MS"):  # smoke tests: start, show, quit cleanly
                QTimer.singleShot(int(os.environ["HAYDIGO_QUIT_AFTER_MS"]), app.quit)
            with loop:
                loop.run_until_complete(_until_quit(app))
            if quit_signals.received is not None:
                log.info("The desk stopped cleanly after a signal")
        finally:
            quit_signals.uninstall()
            self._shut_down()
        return 0

    def _log_in(self, context: DeskContext) -> bool:
        from haydigo_desk.ui.login_dialog import log_in

        wanted = os.environ.get(STAFF_ENV)
        if wanted:
            from haydigo_desk.services.staff_use_cases import active_staff

            found = [row for row in active_staff(context.database) if row.name == wanted]
            if found:
                context.user = found[0].identity
                return True
            log.warning("%s=%s names nobody active at this desk: log in", STAFF_ENV, wanted)
        return log_in(context) is not None

    def _open_window(self) -> None:
        from haydigo_desk.ui.main_window import MainWindow
        from haydigo_desk.ui.previous_crash import offer_previous_crash
        from haydigo_desk.ui.single_instance import bring_forward
        from haydigo_desk.ui.startup_marker import watch_orders_paint

        window = MainWindow(self.context, self.controller)
        self.window = window
        window.settings_saved.connect(lambda saved: apply_look(self.app, saved))
        window.accounts_saved.connect(self._accounts_saved)
        self.instance.raise_requested.connect(lambda: bring_forward(window))
        watch_orders_paint(window)
        window.show()
        if self.previous_crash is not None:
            log.warning("The desk stopped unexpectedly last time; the report is at %s",
                        self.previous_crash)
            window._previous_crash_box = offer_previous_crash(self.previous_crash, window)

    def _prepare_demo(self, pending) -> None:
        from haydigo_desk.ui.demo_preparation import DemoPreparation

        self.preparation = DemoPreparation(
            functools.partial(_start_demo, self.paths), pending,
            on_progress=lambda text: self.window.demo_banner.show_progress(text),
            on_ready=lambda demo: self._start_worker(demo.database, demo),
            on_failed=self._demo_failed)
        self.preparation.start()

    def _demo_failed(self, error: BaseException) -> None:
        from haydigo_desk.ui.startup_error import show_startup_error

        if not isinstance(error, DatabaseUnavailableError):
            from haydigo_desk.persistence.database import describe_database_error

            error = describe_database_error(error, self.context.database.url)
        show_startup_error(error)
        self.app.quit()

    def _prepare_for_screenshots(self, database) -> None:
        """Screenshots wait for everything: the demo built and the worker running."""
        from haydigo_desk.demo import start_demo

        if self.context.demo:
            with database_errors(database.url):
                demo = start_demo(self.paths)
            database.resolve(demo.database)
            self._demo_environment = demo
            self._start_worker(demo.database, demo, background=False)
        else:
            self._start_worker(database, None, background=False)

    def _start_worker(self, database: Database, demo, *, background: bool = True) -> None:
        from haydigo_desk.ui.worker_start import WorkerStart

        settings = self.context.settings
        self.worker_start = WorkerStart(
            functools.partial(_build_worker, database, demo, self.controller,
                              self.paths.image_cache_dir, settings.workstation),
            self._worker_started)
        if background:
            self.worker_start.start()
        else:
            self.worker_start.run_here()

    def _worker_started(self, worker) -> None:
        from PySide6.QtWidgets import QMessageBox

        self.worker = worker
        self.controller.attach(worker)
        freeze_startup_objects()  # now that the worker's modules are loaded too
        if worker.startup_error is not None:
            QMessageBox.critical(self.window, APP_NAME,
                                 f"The sync could not start: {worker.startup_error}")

    def _accounts_saved(self, outcome) -> None:
        """In the demo: the account went to the real database; offer to open it."""
        from haydigo_desk.persistence.database import safe_url
        from haydigo_desk.ui.demo_switch import ask_restart_into_real_desk

        if not self.context.demo or not outcome.saved:
            return
        if ask_restart_into_real_desk(outcome.saved, safe_url(self.context.real_database_url),
                                      self.window):
            self.restart_requested = True
            self.window.close()
            self.app.quit()

    def _shut_down(self) -> None:
        if self.worker_start is not None:
            self.worker_start.wait()
            self.worker = self.worker_start.worker  # also when its start was never reported
        if self.worker is not None:
            self.worker.stop()  # cancels the schedulers; an open transaction rolls back
        demo = getattr(self, "_demo_environment", None)
        if self.preparation is not None:
            self.preparation.wait()
            demo = self.preparation.environment
        if demo is not None:
            demo.stop()
        self.context.database.dispose()
        self.context.close_accounts_database()


def _start_demo(paths: AppPaths, **kwargs):
    """``demo.start_demo``, imported on the preparation's thread: the demo loads the sandbox
    (aiohttp) and the bol.com client, which the window does not need."""
    from haydigo_desk.demo import start_demo

    return start_demo(paths, **kwargs)


def _build_worker(database: Database, demo, listener, image_cache_dir, workstation: str):
    """The sync worker, built on the thread that starts it (its imports are the sync engine
    and the HTTP stack)."""
    from haydigo_desk.sync.client_factory import build_client
    from haydigo_desk.sync.worker import SyncWorker

    client_factory = build_client
    if demo is not None:  # the demo's credentials come from its sandbox
        from haydigo_desk.demo import demo_client_factory

        client_factory = demo_client_factory(demo.credentials)
    return SyncWorker(database, listener=listener, client_factory=client_factory,
                      image_cache_dir=image_cache_dir, workstation=workstation,
                      images_per_minute=120.0 if demo is not None else 20.0)


def _restart_without_demo() -> None:
    """The same program again, on the real database (``--demo`` left out)."""
    import subprocess

    arguments = [a for a in sys.argv[1:] if a != "--demo"]
    if getattr(sys, "frozen", False):
        command = [sys.executable, *arguments]
    else:
        command = [sys.executable, "-m", "haydigo_desk", *arguments]
    log.info("Restarting the desk on its own database")
    logging.shutdown()
    if os.name == "nt":  # no exec on Windows: start it and end this one
        subprocess.Popen(command, close_fds=True)
        return
    os.execv(command[0], command)


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
        if context.demo:  # the Can't-fulfil queue shows a line
            from haydigo_desk.demo import report_demo_short_pick

            report_demo_short_pick(context.database)
        written = save_screenshots_in_languages(
            lambda: MainWindow(context, controller),
            lambda window: SettingsDialog(context, window, controller),
            Path(out_dir),
        )
    for path in written:
        print(path)
    return 0


# How soon a thread that wants the GIL gets it from one running Python (Python's default: 5 ms).
GUI_SWITCH_INTERVAL_S = 0.001


def favour_the_window() -> None:
    """Let the GUI thread have the GIL back within a millisecond.

    The desk's worker threads (the station's ordered lane writing the previous scan, the
    pool's queries, the sync worker) run Python while the picker waits for a scan's answer;
    at the default interval that answer waited several 5 ms turns on a busy machine.
    """
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)


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
