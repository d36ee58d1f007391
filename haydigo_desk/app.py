"""Composition root: builds the database, services, sync worker and windows, then runs Qt."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys

from haydigo_desk import APP_NAME, __version__
from haydigo_desk.config import resolve_database_url
from haydigo_desk.persistence.database import open_database

log = logging.getLogger(__name__)


def run_desk(args: argparse.Namespace) -> int:
    import qasync
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    database = open_database(resolve_database_url(args.database_url))
    window = QMainWindow()
    window.setWindowTitle(APP_NAME)
    window.setCentralWidget(QLabel(f"{APP_NAME} {__version__}: {database.safe_url}"))
    window.resize(1000, 700)
    window.show()
    if os.environ.get("HAYDIGO_QUIT_AFTER_MS"):  # smoke tests: start, show, quit cleanly
        from PySide6.QtCore import QTimer

        QTimer.singleShot(int(os.environ["HAYDIGO_QUIT_AFTER_MS"]), app.quit)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(_until_quit(app))
    database.dispose()
    return 0


async def _until_quit(app) -> None:  # noqa: ANN001 - QApplication
    done = asyncio.Event()
    app.aboutToQuit.connect(done.set)
    await done.wait()
