"""The layering rule: only ui/, __main__.py and app.py may import Qt."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "haydigo_desk"
QT_ROOTS = {"PySide6", "qasync", "shiboken6", "PyQt5", "PyQt6"}
ALLOWED = {PACKAGE / "__main__.py", PACKAGE / "app.py"}


def _imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_nothing_outside_ui_imports_qt():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path in ALLOWED or (PACKAGE / "ui") in path.parents:
            continue
        if _imported_roots(path) & QT_ROOTS:
            offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []


def test_the_scan_would_notice_a_qt_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("from PySide6.QtCore import QObject\nimport qasync\n")
    assert _imported_roots(sample) >= {"PySide6", "qasync"}
