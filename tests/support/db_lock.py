"""Another program holds the SQLite database: ``BEGIN EXCLUSIVE`` on a second connection.

The desk runs SQLite in WAL mode, where readers pass an exclusive writer; the lock is taken in
rollback-journal mode instead, so that every read of the desk waits for it too, the way a
backup tool or a long write of an older desk would hold it. The desk's connections wait
``wait_ms`` for it (instead of the 10 s they are given) so a test sees the "busy" answer soon.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QTimer
from sqlalchemy import event
from sqlalchemy.engine import make_url

from haydigo_desk.persistence.database import Database


@contextmanager
def database_locked(database: Database, wait_ms: int = 600) -> Iterator[sqlite3.Connection]:
    path = make_url(database.url).database

    held = [True]

    def short_wait(dbapi_connection, _record) -> None:  # before the desk's own pragmas
        if held[0]:
            dbapi_connection.execute(f"PRAGMA busy_timeout={wait_ms}")

    database.engine.dispose()  # the journal mode changes only with no other connection open
    # Never removed (a connection may be opening on a worker thread): switched off instead.
    event.listen(database.engine, "connect", short_wait, insert=True)
    locker = sqlite3.connect(path, isolation_level=None)
    locker.execute("PRAGMA journal_mode=DELETE")
    locker.execute("BEGIN EXCLUSIVE")
    try:
        yield locker
    finally:
        locker.execute("ROLLBACK")
        locker.close()
        held[0] = False
        database.engine.dispose()  # the next connection waits its 10 s again


def gui_thread_free(qtbot, within_ms: int = 100) -> float:
    """Assert that a 10 ms QTimer fires within ``within_ms`` (call it while a view loads: the
    GUI thread is then free although the view's database work waits for the lock)."""
    fired: list[float] = []
    start = time.perf_counter()
    QTimer.singleShot(10, lambda: fired.append(time.perf_counter()))
    qtbot.waitUntil(lambda: bool(fired), timeout=2_000)
    elapsed_ms = (fired[0] - start) * 1000
    assert elapsed_ms < within_ms, f"the GUI thread was held for {elapsed_ms:.0f} ms"
    return elapsed_ms
