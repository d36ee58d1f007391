"""Fixtures shared by the UI tests."""

from __future__ import annotations

import pytest

from haydigo_desk.config import AppPaths, SettingsStore
from haydigo_desk.context import DeskContext
from haydigo_desk.persistence.database import open_database


@pytest.fixture
def context(sqlite_url, tmp_path):
    """A desk context on an empty SQLite database with its own settings file, no one logged
    in (tests that need rows or a user define their own ``context``)."""
    database = open_database(sqlite_url)
    store = SettingsStore(tmp_path / "settings.json")
    yield DeskContext(database, AppPaths.current(), store, store.load())
    database.dispose()
