"""Helpers for the desk-section UI tests: a context on a seeded SQLite database."""

from __future__ import annotations

from haydigo_desk.config import AppPaths, SettingsStore
from haydigo_desk.context import DeskContext, StaffIdentity
from haydigo_desk.persistence.database import open_database

MANAGER = StaffIdentity(2, "Mara Manager", "manager")
PICKER = StaffIdentity(1, "Pieter Picker", "picker")


def make_context(url: str, user: StaffIdentity | None = MANAGER) -> DeskContext:
    paths = AppPaths.current()
    store = SettingsStore(paths.settings_file)
    return DeskContext(open_database(url), paths, store, store.load(), user=user)
