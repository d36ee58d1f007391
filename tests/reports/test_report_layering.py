"""reports/ stays pure: no Qt, no database, no network; data in, PDF out."""

from __future__ import annotations

import ast
from pathlib import Path

import haydigo_desk.reports

FORBIDDEN = ("PySide6", "shiboken6", "qasync", "sqlalchemy", "alembic", "httpx", "aiohttp",
             "haydigo_desk.ui", "haydigo_desk.persistence", "haydigo_desk.services",
             "haydigo_desk.sync", "haydigo_desk.bol")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_reports_import_nothing_from_qt_or_the_database() -> None:
    folder = Path(haydigo_desk.reports.__file__).parent
    files = sorted(folder.glob("*.py"))
    assert len(files) > 5
    for path in files:
        bad = {name for name in _imports(path)
               if any(name == f or name.startswith(f + ".") for f in FORBIDDEN)}
        assert not bad, f"{path.name} imports {sorted(bad)}"
