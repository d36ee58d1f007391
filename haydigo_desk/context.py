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

    @property
    def workstation(self) -> str:
        return self.settings.workstation

    @property
    def user_name(self) -> str:
        return self.user.name if self.user else ""
