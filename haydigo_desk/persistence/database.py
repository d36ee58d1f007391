"""Open a database ready for use: engine, upgraded schema, session factory.

Every way a database can be unusable (a bad URL, a server that is down, a damaged file, a
schema from a newer version, a read-only folder, a full disk) becomes one
``DatabaseUnavailableError`` with a one-line message that says what to do. Nothing is changed
before the problem is known: the schema check runs before any migration.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, event
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

from haydigo_desk.persistence import migrate
from haydigo_desk.persistence.db import create_db_engine, make_session_factory
from haydigo_desk.persistence.models import Order, OutboxEntry, Shipment, SyncRun
from haydigo_desk.persistence.uow import UnitOfWork
from haydigo_desk.services.redaction import describe_error, scrub_value

log = logging.getLogger(__name__)

URL_EXAMPLES = "sqlite:///PATH or postgresql+psycopg://USER@HOST/DATABASE"


class DatabaseUnavailableError(Exception):
    """The database cannot be used. ``code`` lets the desk show its own translated text;
    ``str()`` is the English one-liner for the command line and the log."""

    def __init__(self, code: str, message: str, *, where: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.where = where  # the file or the URL without its password


@dataclass
class Database:
    url: str
    engine: Engine
    session_factory: sessionmaker[Session]

    def unit_of_work(self) -> UnitOfWork:
        return UnitOfWork(self.session_factory)

    def dispose(self) -> None:
        self.engine.dispose()

    @property
    def safe_url(self) -> str:
        """The URL with any password masked, for logs and dialogs."""
        return safe_url(self.url)


def safe_url(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except sa_exc.ArgumentError:
        return "(the database URL given)"  # unparsable: it might hold a password anywhere


def open_database(url: str, *, upgrade: bool = True) -> Database:
    """The database at ``url``, its schema checked (and upgraded unless ``upgrade=False``)."""
    with database_errors(url):
        engine = create_db_engine(url)
        database = Database(url, engine, make_session_factory(engine))
        try:
            before = migrate.current_revision(engine)  # also proves the database opens
            _refuse_newer_schema(database, before)
            if upgrade and migrate.upgrade_if_behind(engine, before):
                after = migrate.current_revision(engine)
                if before != after:
                    log.info("Database %s upgraded from %s to %s", database.safe_url, before,
                             after)
        except BaseException:
            engine.dispose()
            raise
    return database


def _refuse_newer_schema(database: Database, revision: str | None) -> None:
    if revision is None or revision in migrate.revisions_oldest_first():
        return
    raise DatabaseUnavailableError(
        "newer_schema",
        f"The database {database.safe_url} was made by a newer HaydiGO Desk (schema "
        f"{revision}; this version knows up to {migrate.head_revision()}). Nothing was "
        "changed: update HaydiGO Desk.",
        where=database.safe_url,
    )


@contextmanager
def database_errors(url: str) -> Iterator[None]:
    """Turn whatever the database layer raises inside into ``DatabaseUnavailableError``."""
    try:
        yield
    except DatabaseUnavailableError:
        raise
    except ImportError as exc:
        if (exc.name or "").startswith("haydigo_desk"):
            raise  # our own bug, not a missing database driver
        raise describe_database_error(exc, url) from exc
    except (sa_exc.SQLAlchemyError, sqlite3.Error, OSError) as exc:
        raise describe_database_error(exc, url) from exc


def describe_database_error(error: BaseException, url: str) -> DatabaseUnavailableError:
    """What went wrong with the database at ``url``, as one line that says what to do."""
    if isinstance(error, DatabaseUnavailableError):
        return error
    try:
        parsed: URL | None = make_url(url)
    except sa_exc.ArgumentError:
        parsed = None
    if parsed is None:
        return DatabaseUnavailableError(
            "bad_url", f"The database URL is not valid: use {URL_EXAMPLES}.")
    where = safe_url(url)
    if isinstance(error, sa_exc.NoSuchModuleError):
        return DatabaseUnavailableError(
            "bad_url", f"Unknown database type {parsed.drivername!r} in the database URL: use "
            f"{URL_EXAMPLES}.", where=where)
    if isinstance(error, ImportError):
        return DatabaseUnavailableError(
            "bad_url", f"The driver for {parsed.drivername!r} databases is not installed: use "
            f"{URL_EXAMPLES}.", where=where)
    sqlite = parsed.get_backend_name() == "sqlite"
    if sqlite and parsed.database and parsed.database != ":memory:":
        where = parsed.database
    if isinstance(error, OSError):
        folder = Path(error.filename) if error.filename else Path(where).parent
        reason = error.strerror or describe_error(error)
        return DatabaseUnavailableError(
            "no_folder", f"Cannot create the database folder {folder}: {reason}. Make it a "
            "writable folder (see HAYDIGO_HOME) or choose another database with --database-url.",
            where=str(folder))
    original = getattr(error, "orig", None) or error
    if isinstance(original, sqlite3.Error):
        return _sqlite_error(original, where)
    if isinstance(error, sa_exc.OperationalError | sa_exc.InterfaceError):
        first_line = describe_error(original).split(" (Background", 1)[0]
        return DatabaseUnavailableError(
            "cannot_connect", f"Cannot connect to the database {where}: {first_line[:300]}. "
            "Check that the server runs and that host, user, password and database name are "
            "right.", where=where)
    return DatabaseUnavailableError(
        "failed", f"The database {where} answered with an error: "
        f"{describe_error(original)[:300]}. Nothing was changed; see the log file.", where=where)


def _sqlite_error(error: sqlite3.Error, where: str) -> DatabaseUnavailableError:
    name = getattr(error, "sqlite_errorname", "") or ""
    reason = describe_error(error)
    if name in ("SQLITE_NOTADB", "SQLITE_CORRUPT") or "malformed" in reason:
        return DatabaseUnavailableError(
            "damaged", f"The database file {where} is damaged or is not a HaydiGO Desk database "
            f"({reason}). Nothing was changed: restore a backup, or move the file away to start "
            "a new one.", where=where)
    if name == "SQLITE_FULL" or (name.startswith("SQLITE_IOERR") and "full" in reason):
        return _disk_full(where)
    if name.startswith("SQLITE_IOERR"):
        return DatabaseUnavailableError(
            "disk_error", f"Writing the database {where} failed ({reason}): the disk may be full "
            "or failing. The last change was not saved; free space or check the disk, then try "
            "again.", where=where)
    if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH")):
        return DatabaseUnavailableError(
            "read_only", f"The database {where} cannot be opened for writing ({reason}). Make "
            "the file and its folder writable, or choose another database with --database-url.",
            where=where)
    return DatabaseUnavailableError(
        "failed", f"The database {where} answered with an error ({reason}). Nothing was "
        "changed; see the log file.", where=where)


def _disk_full(where: str) -> DatabaseUnavailableError:
    return DatabaseUnavailableError(
        "disk_full", f"The disk of the database {where} is full. The last change was not saved: "
        "free some space and try again.", where=where)


# --- no credential in a stored message ------------------------------------------------------
# Error texts reach these columns from the sync engine, the outbox and the stock services;
# masking them where they are assigned covers every writer, present and future.
_MESSAGE_COLUMNS = (SyncRun.message, SyncRun.errors, OutboxEntry.last_error, Shipment.error,
                    Order.problem)


def _scrub_on_set(_target: object, value: object, _old: object, _initiator: object) -> object:
    return scrub_value(value)


for _column in _MESSAGE_COLUMNS:
    event.listen(_column, "set", _scrub_on_set, retval=True)
