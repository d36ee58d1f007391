"""What every window and service of one running desk shares (no Qt here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from haydigo_desk.config import AppPaths, DeskSettings, SettingsStore
from haydigo_desk.persistence.database import Database


@dataclass(frozen=True)
class StaffIdentity:
    """The person working at this desk now (chosen or badge-scanned at the start of a shift)."""

    id: int | None
    name: str
    role: str  # picker | manager

    @property
    def is_manager(self) -> bool:
        return self.role == "manager"


class SyncGateway(Protocol):
    """The UI's door to the sync worker: it never opens its own HTTP client."""

    def request_sync(self, account_id: int | None = None) -> None: ...

    def submit(self, coroutine_factory):
        ...


@dataclass
class DeskContext:
    database: Database
    paths: AppPaths
    settings_store: SettingsStore
    settings: DeskSettings
    demo: bool = False
    user: StaffIdentity | None = None
    sync: SyncGateway | None = None
    extras: dict = field(default_factory=dict)
    # In the demo: the database the desk opens when it is not the demo. Accounts added in
    # the demo (as its banner tells) are saved there, never into the demo's own database.
    real_database_url: str | None = None
    _accounts_database: Database | None = field(default=None, init=False, repr=False)

    @property
    def accounts_database(self) -> Database:
        """Where Settings → Accounts reads and saves accounts."""
        if not self.demo or self.real_database_url is None:
            return self.database
        if self._accounts_database is None:
            from haydigo_desk.persistence.database import open_database

            self._accounts_database = open_database(self.real_database_url)
        return self._accounts_database

    def close_accounts_database(self) -> None:
        if self._accounts_database is not None:
            self._accounts_database.dispose()
            self._accounts_database = None

    @property
    def workstation(self) -> str:
        return self.settings.workstation

    @property
    def user_name(self) -> str:
        return self.user.name if self.user else ""
