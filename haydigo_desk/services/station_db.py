"""The pick station's own connection to the database: short lock waits, and what "busy" is.

A scan must answer within a moment. The desk's shared engine waits up to 10 s for SQLite's
write lock (the sync worker may hold it through a large import); the station's transactions
wait at most ``LOCK_WAIT_S`` and then give up cleanly (rolled back, nothing half-written), so
the picker hears "database busy, scan again" instead of a frozen screen.

On SQLite every station transaction starts with ``BEGIN IMMEDIATE``: in WAL mode a
transaction that read before another program's commit can never write (SQLite refuses at once,
without waiting), so against a sync that writes batch after batch a deferred transaction would
nearly always lose. A step is also tried again, whole, a few times (``BUSY_ATTEMPTS``) before
the answer is "busy". A step that failed rolled back
completely, so trying it again never counts a scan twice.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import create_engine, event
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import make_url

from haydigo_desk.persistence.database import Database
from haydigo_desk.persistence.db import create_db_engine, make_session_factory
from haydigo_desk.persistence.pending import PendingDatabase

LOCK_WAIT_S = 0.3
BUSY_ATTEMPTS = 3
BUSY_PAUSE_S = 0.02  # lets the other writer's next commit through before we try again
# A scan already answered on screen keeps trying this long behind a busy writer before the
# picker is told to scan it again (a sync batch on a loaded machine can hold the lock ~1 s).
SCAN_PATIENCE_S = 10.0
# PostgreSQL: lock_not_available (lock_timeout) and query_canceled (statement_timeout).
_POSTGRES_BUSY = {"55P03", "57014"}
T = TypeVar("T")


def station_database(database: Database | PendingDatabase,
                     lock_wait_s: float = LOCK_WAIT_S) -> Database | PendingDatabase:
    """The same database as ``database`` with transactions that wait at most ``lock_wait_s``."""
    if isinstance(database, PendingDatabase):  # still being built (the demo's): not yet here
        return database.derive(lambda ready: station_database(ready, lock_wait_s))
    url = database.url
    millis = max(1, int(lock_wait_s * 1000))
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_db_engine(url)

        @event.listens_for(engine, "connect")
        def _short_busy_timeout(dbapi_connection, _record) -> None:  # after the desk's pragmas
            cursor = dbapi_connection.cursor()
            cursor.execute(f"PRAGMA busy_timeout={millis}")
            cursor.close()
            dbapi_connection.isolation_level = None  # the BEGIN below is ours, not pysqlite's

        @event.listens_for(engine, "begin")
        def _write_lock_first(connection) -> None:
            # Take the write lock before reading: a deferred transaction that read before the
            # sync's next commit could never write (refused at once, without waiting).
            connection.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        engine = create_engine(url, pool_pre_ping=True, pool_size=2, max_overflow=2,
                               connect_args={"options": f"-c lock_timeout={millis}"})
    return Database(url, engine, make_session_factory(engine))


def is_database_busy(error: BaseException) -> bool:
    """Whether ``error`` means another connection holds a lock we waited for too long."""
    original = getattr(error, "orig", None) or error
    if isinstance(original, sqlite3.OperationalError):
        text = str(original).lower()
        return "locked" in text or "busy" in text
    if isinstance(error, sa_exc.OperationalError | sa_exc.DBAPIError):
        return getattr(original, "sqlstate", None) in _POSTGRES_BUSY
    return False


def retry_when_busy(call: Callable[[], T], attempts: int = BUSY_ATTEMPTS,
                    pause_s: float = BUSY_PAUSE_S, *, patience_s: float | None = None) -> T:
    """``call()``, tried again while the database is busy; the last busy error is raised.

    ``attempts`` tries, or with ``patience_s`` as many as fit in that many seconds."""
    deadline = time.monotonic() + patience_s if patience_s is not None else None
    attempt = 0
    while True:
        attempt += 1
        try:
            return call()
        except Exception as exc:
            out_of_time = (time.monotonic() >= deadline) if deadline is not None \
                else attempt >= attempts
            if out_of_time or not is_database_busy(exc):
                raise
            time.sleep(min(pause_s * attempt, 0.2))
