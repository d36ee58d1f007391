"""Fixtures shared by the UI tests."""

from __future__ import annotations

import pytest

from haydigo_desk.config import AppPaths, SettingsStore
from haydigo_desk.context import DeskContext
from haydigo_desk.persistence.database import open_database
from haydigo_desk.services import redaction


@pytest.fixture
def context(sqlite_url, tmp_path):
    """A desk context on an empty SQLite database with its own settings file, no one logged
    in (tests that need rows or a user define their own ``context``)."""
    database = open_database(sqlite_url)
    store = SettingsStore(tmp_path / "settings.json")
    yield DeskContext(database, AppPaths.current(), store, store.load())
    database.dispose()


@pytest.fixture
def no_known_secrets():
    """For tests of the masking patterns: secrets that earlier tests in this process made the
    desk remember (an account's secret such as "secret") would otherwise be masked first,
    inside the very words the patterns look for ("client_secret")."""
    redaction.forget_secrets()
    yield
    redaction.forget_secrets()
