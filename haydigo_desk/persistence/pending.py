"""A database that is still being built (the demo's, on a background thread).

The window is built on it at once and shows "loading"; every use waits until the database is
there (sections query off the GUI thread). Kept apart from ``haydigo_desk.demo`` so the
window can hold one without loading the sandbox and the bol.com client.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from haydigo_desk.persistence.database import Database, DatabaseUnavailableError


class PendingDatabase:
    """The demo's database before it exists: the window is built on it and shows "loading";
    every use waits until the database is there (sections query off the GUI thread)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._ready = threading.Event()
        self._database: Database | None = None
        self._error: BaseException | None = None

    def resolve(self, database: Database) -> None:
        self._database = database
        self._ready.set()

    def fail(self, error: BaseException) -> None:
        self._error = error
        self._ready.set()

    @property
    def database(self) -> Database:
        self._ready.wait()
        if self._database is None:
            raise DatabaseUnavailableError(
                "disk_error", f"The demo database could not be built: {self._error}",
                where=self.url)
        return self._database

    def unit_of_work(self):
        return self.database.unit_of_work()

    @property
    def engine(self):
        return self.database.engine

    @property
    def session_factory(self):
        return self.database.session_factory

    @property
    def safe_url(self) -> str:
        return self.url

    def dispose(self) -> None:
        if self._database is not None:
            self._database.dispose()

    def derive(self, make: Callable[[Database], Database]) -> PendingDatabase:
        """A database made from this one once it exists (another engine on the same file,
        such as the pick station's): it waits for this one, then ``make`` builds it once."""
        return _DerivedDatabase(self, make)


class _DerivedDatabase(PendingDatabase):
    def __init__(self, base: PendingDatabase, make: Callable[[Database], Database]) -> None:
        super().__init__(base.url)
        self._base = base
        self._make = make
        self._lock = threading.Lock()

    @property
    def database(self) -> Database:
        with self._lock:  # the sections' threads may ask at the same moment
            if self._database is None:
                self._database = self._make(self._base.database)
        return self._database
