"""tests/unit holds tests without a database or Qt: a test here that asks for one fails and
says where it belongs (tests/integration or tests/ui)."""

from __future__ import annotations

import pytest

_NOT_IN_UNIT = {"database", "database_url", "sqlite_url", "postgres_url", "postgres_server",
                "qapp", "qtbot", "qtlog", "qt_loop"}


@pytest.fixture(autouse=True)
def _no_database_or_qt(request: pytest.FixtureRequest) -> None:
    wanted = _NOT_IN_UNIT & set(request.fixturenames)
    if wanted:
        pytest.fail(f"tests/unit is for tests without a database or Qt; this one uses "
                    f"{sorted(wanted)}: move it to tests/integration or tests/ui", pytrace=False)
