"""The window never waits for the database: no ui/ module opens a unit of work or a session.

ui/ hands each use case to ``ui/db_tasks.py`` (``DbTasks.run(call)``, ``run_ordered`` for
scans), which runs it on its own threads; the use case opens its own unit of work there. A ui/
module that calls ``.unit_of_work()``, builds a ``Session`` or a session factory, or imports
the unit of work or engine module would run a query on the GUI thread (or have to prove it
does not): the check names it. ``tests/unit/test_layering.py`` pins the other half: ui/ and
cli/ never decide about a transaction.
"""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "haydigo_desk" / "ui"
FORBIDDEN_CALLS = {"unit_of_work", "Session", "sessionmaker", "make_session_factory",
                   "create_engine", "create_db_engine", "open_database"}
FORBIDDEN_MODULES = {"haydigo_desk.persistence.uow", "haydigo_desk.persistence.db",
                     "haydigo_desk.persistence.database"}
# Names a ui module may import from persistence.database: types for annotations, no I/O.
MAY_NAME_FROM_DATABASE = {"Database", "DatabaseUnavailableError", "safe_url"}


def _called_name(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    if isinstance(node.func, ast.Name):
        return node.func.id
    return None


def gui_thread_database_use(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Call) and _called_name(node) in FORBIDDEN_CALLS:
            found.append(f"{node.lineno}: calls {_called_name(node)}()")
        elif isinstance(node, ast.Import):
            found += [f"{node.lineno}: imports {alias.name}" for alias in node.names
                      if alias.name in FORBIDDEN_MODULES]
        elif isinstance(node, ast.ImportFrom) and node.module in FORBIDDEN_MODULES:
            names = {alias.name for alias in node.names}
            if node.module != "haydigo_desk.persistence.database" or (
                    names - MAY_NAME_FROM_DATABASE):
                found.append(f"{node.lineno}: imports {sorted(names)} from {node.module}")
    return found


def test_no_ui_module_opens_a_unit_of_work_or_session():
    problems = {
        str(path.relative_to(UI)): found
        for path in sorted(UI.rglob("*.py"))
        if (found := gui_thread_database_use(path))
    }
    assert problems == {}, (
        "ui/ modules must hand a use case to DbTasks (ui/db_tasks.py), not open a unit of work "
        f"themselves: {problems}")


def test_the_check_finds_a_query_on_the_gui_thread(tmp_path):
    view = tmp_path / "some_view.py"
    view.write_text(
        "from haydigo_desk.persistence.uow import UnitOfWork\n"
        "from haydigo_desk.persistence.database import Database, open_database\n"
        "def refresh(self):\n"
        "    with self.context.database.unit_of_work() as uow:\n"
        "        return uow.session.scalars(...)\n", "utf-8")
    found = gui_thread_database_use(view)
    assert found == [
        "1: imports ['UnitOfWork'] from haydigo_desk.persistence.uow",
        "2: imports ['Database', 'open_database'] from haydigo_desk.persistence.database",
        "4: calls unit_of_work()",
    ]
    fine = tmp_path / "fine_view.py"
    fine.write_text("from haydigo_desk.persistence.database import Database\n"
                    "def refresh(self):\n"
                    "    self.tasks.run(lambda: 1, print)\n", "utf-8")
    assert gui_thread_database_use(fine) == []
