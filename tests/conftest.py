"""Suite-wide fixtures: no display, no real keyring, temp data folders, and strictness: an
ERROR log record a test did not announce fails it (Qt warnings fail it through pytest-qt's
``qt_log_level_fail`` in pyproject.toml)."""

from __future__ import annotations

import logging
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("HAYDIGO_TESTING", "1")

import keyring
import keyring.backend
import pytest


class MemoryKeyring(keyring.backend.KeyringBackend):
    """In-memory keyring so tests never touch (or need) the OS keyring."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


class _ErrorRecords(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(autouse=True)
def no_unexpected_errors_logged(request: pytest.FixtureRequest):
    """Fails a test (at teardown, so its own fixtures' clean-up counts too) when anything,
    in any thread, logged at ERROR or above. Tests that provoke such records on purpose say
    so with ``@pytest.mark.expect_errors`` (and check the records themselves, e.g. caplog)."""
    handler = _ErrorRecords()
    root = logging.getLogger()
    root.addHandler(handler)
    yield
    root.removeHandler(handler)
    if handler.records and request.node.get_closest_marker("expect_errors") is None:
        lines = "\n".join(f"  {r.name}: {r.getMessage()}" for r in handler.records[:10])
        pytest.fail(f"{len(handler.records)} unexpected ERROR log record(s) (mark the test "
                    f"with expect_errors if they are its point):\n{lines}", pytrace=False)


# Module-scoped fixtures run before the per-test keyring below: they get one in memory too,
# never the machine's (which on a headless machine refuses every secret).
keyring.set_keyring(MemoryKeyring())


@pytest.fixture(autouse=True)
def memory_keyring() -> MemoryKeyring:
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point the app's data, config, cache and log folders at a temp folder."""
    root = tmp_path_factory.mktemp("userdirs")
    monkeypatch.setenv("HAYDIGO_HOME", str(root))
    monkeypatch.delenv("HAYDIGO_DATABASE_URL", raising=False)
    monkeypatch.delenv("HAYDIGO_BOL_CLIENT_SECRET", raising=False)
    return root


# --- databases ---------------------------------------------------------------------------

import itertools  # noqa: E402

from support.postgres import PostgresServer, start_postgres  # noqa: E402

_db_counter = itertools.count()


@pytest.fixture(scope="session")
def postgres_server():
    try:
        server = start_postgres()
    except FileNotFoundError as exc:
        pytest.skip(f"PostgreSQL tests skipped: {exc}. Install the Debian package 'postgresql'.")
    except Exception as exc:  # a server that cannot start must not hide as a pass
        pytest.fail(f"PostgreSQL is installed but the test server did not start: {exc}")
    yield server
    server.stop()


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> str:
    return postgres_server.create_database(f"haydigo_test_{next(_db_counter)}")


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'desk.sqlite3'}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request) -> str:
    """Runs the test once on SQLite and once on a real PostgreSQL server."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def database(database_url: str):
    from haydigo_desk.persistence.database import open_database

    db = open_database(database_url)
    yield db
    db.dispose()
