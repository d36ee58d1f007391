"""One syncing process per account, across workstations.

PostgreSQL: a session-level advisory lock held on a dedicated connection for the cycle.
SQLite (one machine): an OS file lock beside the database file, so a desk and a headless
``sync --loop`` on the same file never run the same account at once.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url

from haydigo_desk.persistence.database import Database

ADVISORY_NAMESPACE = 0x4844  # "HD": keeps our keys apart from other apps on the same server


@contextlib.contextmanager
def account_sync_lock(database: Database, account_id: int) -> Iterator[bool]:
    """Yields True when this process may sync the account now, False when another one does."""
    if database.engine.dialect.name == "postgresql":
        with database.engine.connect() as connection:
            got = connection.execute(
                text("SELECT pg_try_advisory_lock(:ns, :key)"),
                {"ns": ADVISORY_NAMESPACE, "key": account_id},
            ).scalar()
            connection.commit()
            try:
                yield bool(got)
            finally:
                if got:
                    connection.execute(
                        text("SELECT pg_advisory_unlock(:ns, :key)"),
                        {"ns": ADVISORY_NAMESPACE, "key": account_id},
                    )
                    connection.commit()
        return
    with _file_lock(_lock_path(database, account_id)) as got:
        yield got


def _lock_path(database: Database, account_id: int) -> Path | None:
    db_file = make_url(database.url).database
    if not db_file or db_file == ":memory:":
        return None
    return Path(f"{db_file}.sync-{account_id}.lock")


@contextlib.contextmanager
def _file_lock(path: Path | None) -> Iterator[bool]:
    if path is None:
        yield True
        return
    handle = open(path, "a+b")  # noqa: SIM115 - held for the whole block
    try:
        if os.name == "nt":
            import msvcrt

            try:
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            except OSError:
                yield False
                return
            try:
                yield True
            finally:
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                yield False
                return
            try:
                yield True
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    finally:
        handle.close()
