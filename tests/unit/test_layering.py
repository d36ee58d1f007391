"""The layering the README draws, checked on every import in the package.

domain <- persistence <- services <- sync / ui / cli, with the bol.com client, the sandbox and
the reports standing on their own, and only ui/, __main__.py and app.py touching Qt. Each part
of the package may import itself, the package root (names such as ``__version__``) and the
parts listed for it below: nothing else. A new part must be added to the table.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "haydigo_desk"
QT_ROOTS = {"PySide6", "qasync", "shiboken6", "PyQt5", "PyQt6"}
QT_ALLOWED = {"ui", "app", "__main__"}

EVERYWHERE = {"resources_path"}  # finds shipped files; imports nothing of the desk
_BELOW_SERVICES = {"domain", "persistence", "config", "context", "bol", "reports"}
MAY_IMPORT: dict[str, set[str]] = {
    "__init__": set(),  # the package root: name and version
    "resources_path": set(),
    "domain": set(),  # pure rules
    "persistence": {"domain"},
    "config": {"domain"},
    "context": {"config", "persistence"},
    "bol": set(),  # the bol.com client knows nothing of the desk
    "sandbox": set(),  # the simulator shares no code with the client it tests
    "reports": {"domain"},  # data in, PDF out
    "services": _BELOW_SERVICES,
    "sync": {"domain", "persistence", "services", "bol", "config"},
    "logging_setup": {"config"},
    "crash_log": set(),  # faulthandler's file: the standard library only
    "demo": _BELOW_SERVICES | {"services", "sync", "sandbox"},
    "cli": _BELOW_SERVICES | {"services", "sync", "sandbox", "demo", "logging_setup"},
    "ui": (_BELOW_SERVICES - {"bol"}) | {"services", "sync"},  # bol.com only via the worker
    "app": _BELOW_SERVICES | {"services", "sync", "ui", "demo", "logging_setup", "crash_log"},
    "__main__": {"app", "cli", "config", "logging_setup"},
}

# The ui may name bol.com's credentials, environments and errors (no traffic in them); requests
# go through the sync worker's client, never one of the ui's own.
UI_MAY_NAME_FROM_BOL = {"credentials", "environments", "errors"}

# Imports against the direction, each one named (file, imported module or its prefix), until
# they are moved; the test below keeps the list from outliving them.
KNOWN_EXCEPTIONS = {
    # services/redaction.py uses only the standard library and is needed below services: it
    # belongs at the bottom (e.g. haydigo_desk/redaction.py); bol/ is being changed elsewhere.
    ("haydigo_desk/bol/auth.py", "haydigo_desk.services"),
    ("haydigo_desk/bol/credentials.py", "haydigo_desk.services.redaction"),
    ("haydigo_desk/persistence/database.py", "haydigo_desk.services.redaction"),
    ("haydigo_desk/logging_setup.py", "haydigo_desk.services.redaction"),
}


def _excepted(where: Path, module: str) -> bool:
    return any(str(where) == file and (module == prefix or module.startswith(prefix + "."))
               for file, prefix in KNOWN_EXCEPTIONS)


def _part(package: Path, path: Path) -> str:
    first = path.relative_to(package).parts[0]
    return first.removesuffix(".py")


def _imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def _desk_imports(package: Path, path: Path) -> list[tuple[int, str]]:
    """(line, absolute module) of every import of the package itself, relative ones resolved;
    ``from haydigo_desk import x`` counts as importing ``haydigo_desk.x``."""
    name = package.name
    here = [name, *path.relative_to(package).parts[:-1]]
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = here[: len(here) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            found.append((node.lineno, module))
            if module == name:
                found += [(node.lineno, f"{name}.{alias.name}") for alias in node.names]
    return [(line, module) for line, module in found
            if module == name or module.startswith(name + ".")]


def layering_violations(package: Path) -> list[str]:
    problems = []
    for path in sorted(package.rglob("*.py")):
        source = _part(package, path)
        where = path.relative_to(package.parent)
        if source not in MAY_IMPORT:
            problems.append(f"{where}: part {source!r} is not in the layering table")
            continue
        allowed = MAY_IMPORT[source] | EVERYWHERE | {source}
        for line, module in _desk_imports(package, path):
            parts = module.split(".")
            if len(parts) == 1 or _excepted(where, module):
                continue  # the package root: names like __version__
            target = parts[1]
            if source == "ui" and target == "bol" and parts[2:3] and (
                    parts[2] in UI_MAY_NAME_FROM_BOL):
                continue
            if target not in allowed and target in MAY_IMPORT:  # else a name, e.g. APP_NAME
                problems.append(f"{where}:{line} imports {module}: {source} may import only "
                                f"{sorted(MAY_IMPORT[source]) or 'nothing of the desk'}")
        if source not in QT_ALLOWED and _imported_roots(path) & QT_ROOTS:
            problems.append(f"{where}: imports Qt ({sorted(_imported_roots(path) & QT_ROOTS)}); "
                            f"only {sorted(QT_ALLOWED)} may")
    return problems


def test_every_import_follows_the_layering():
    assert layering_violations(PACKAGE) == []


def test_the_known_exceptions_still_exist():
    # An exception that is no longer needed must leave the list, so it cannot hide a new one.
    used = {
        (file, prefix)
        for path in PACKAGE.rglob("*.py")
        for _, module in _desk_imports(PACKAGE, path)
        for file, prefix in KNOWN_EXCEPTIONS
        if str(path.relative_to(PACKAGE.parent)) == file and module.startswith(prefix)
    }
    assert used == KNOWN_EXCEPTIONS, KNOWN_EXCEPTIONS - used


def test_the_check_names_an_import_against_the_direction_and_qt(tmp_path):
    package = tmp_path / "haydigo_desk"
    (package / "domain").mkdir(parents=True)
    (package / "persistence").mkdir()
    (package / "domain" / "rules.py").write_text(
        "from haydigo_desk import __version__\n"
        "from haydigo_desk.persistence.models import Order\n")
    (package / "persistence" / "models.py").write_text(
        "from ..domain import rules\nfrom . import types\nimport qasync\n")
    (package / "gadgets.py").write_text("x = 1\n")
    assert layering_violations(package) == [
        "haydigo_desk/domain/rules.py:2 imports haydigo_desk.persistence.models: domain may "
        "import only nothing of the desk",
        "haydigo_desk/gadgets.py: part 'gadgets' is not in the layering table",
        "haydigo_desk/persistence/models.py: imports Qt (['qasync']); only "
        "['__main__', 'app', 'ui'] may",
    ]
