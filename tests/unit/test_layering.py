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


# --- transactions: a use case owns its unit of work; its callers never open one ------------
# ui/ and cli/ (and the composition root) call use cases: service functions that take the
# ``Database`` and open, commit or roll back their own unit of work. Functions that take a
# ``session`` are steps for composing inside a transaction (sync/, other services, the use
# cases themselves); a caller that opens a unit of work, names ``Session``, calls such a step
# or hands the background runner work that expects a session decides about a transaction.
TRANSACTION_CALLERS = {"ui", "cli", "app"}
RUNNER_METHODS = {"run", "run_ordered"}  # DbTasks: each takes a call without arguments


def _is_session_step(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    arguments = [*node.args.posonlyargs, *node.args.args]
    if not arguments or node.name.startswith("_"):
        return False
    first = arguments[0]
    annotation = ast.unparse(first.annotation) if first.annotation is not None else ""
    return first.arg == "session" or annotation.split(".")[-1] == "Session"


def session_steps(package: Path) -> dict[str, set[str]]:
    """Per module of services/ (dotted name), the public functions that take a session; a
    step another services module re-exports counts there too."""
    services = package / "services"
    trees = {".".join((package.name, *path.relative_to(package).with_suffix("").parts)):
             ast.parse(path.read_text("utf-8")) for path in sorted(services.rglob("*.py"))}
    steps = {module: {node.name for node in tree.body
                      if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
                      and _is_session_step(node)}
             for module, tree in trees.items()}
    for module, tree in trees.items():
        for node in tree.body:
            if isinstance(node, ast.ImportFrom) and node.module in steps:
                steps[module] |= {alias.asname or alias.name for alias in node.names
                                  if alias.name in steps[node.module]}
    return steps


def _module_aliases(tree: ast.Module, steps: dict[str, set[str]]) -> dict[str, str]:
    """Local name -> services module, for ``from haydigo_desk.services import x [as y]`` and
    ``import haydigo_desk.services.x as y``."""
    aliases = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                if f"{node.module}.{alias.name}" in steps:
                    aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Import):
            aliases |= {alias.asname: alias.name for alias in node.names
                        if alias.asname and alias.name in steps}
    return aliases


def _takes_arguments(work: ast.expr, functions_with_arguments: set[str]) -> bool:
    """A lambda with parameters, or a local function that has some (``def work(session)``)."""
    if isinstance(work, ast.Lambda):
        return bool(work.args.posonlyargs or work.args.args)
    return isinstance(work, ast.Name) and work.id in functions_with_arguments


def transaction_violations(package: Path) -> list[str]:
    steps = session_steps(package)
    problems = []
    for path in sorted(package.rglob("*.py")):
        if _part(package, path) not in TRANSACTION_CALLERS:
            continue
        where = path.relative_to(package.parent)
        tree = ast.parse(path.read_text("utf-8"))
        aliases = _module_aliases(tree, steps)
        # Local functions (``def work(session)`` inside a method) that take arguments; a
        # method passed by name would be ``self.name``, never a bare name.
        takes_arguments = {inner.name for outer in ast.walk(tree)
                           if isinstance(outer, ast.FunctionDef | ast.AsyncFunctionDef)
                           for inner in ast.walk(outer)
                           if inner is not outer
                           and isinstance(inner, ast.FunctionDef | ast.AsyncFunctionDef)
                           and (inner.args.posonlyargs or inner.args.args)}
        found = []
        for node in ast.walk(tree):
            problem = None
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute | ast.Name):
                name = node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id
                if name == "unit_of_work":
                    problem = "calls unit_of_work()"
                elif name in RUNNER_METHODS and node.args and _takes_arguments(
                        node.args[0], takes_arguments):
                    problem = (f"hands {name}() work that takes an argument (a session?): give "
                               "it a call without arguments")
            elif isinstance(node, ast.ImportFrom) and node.module == "sqlalchemy.orm" and any(
                    alias.name == "Session" for alias in node.names):
                problem = "imports sqlalchemy.orm.Session"
            elif isinstance(node, ast.ImportFrom) and node.module in steps:
                named = sorted({alias.name for alias in node.names} & steps[node.module])
                if named:
                    problem = f"imports the session step(s) {named} of {node.module}"
            elif (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                  and node.value.id in aliases and node.attr in steps[aliases[node.value.id]]):
                problem = (f"uses the session step {aliases[node.value.id]}.{node.attr}")
            if problem is not None:
                found.append((node.lineno, problem))
        problems += [f"{where}:{line} {problem}; ui/ and cli/ call a use case that takes the "
                     "Database and owns its transaction" for line, problem in sorted(found)]
    return problems


def test_ui_and_cli_leave_transactions_to_the_use_cases():
    assert transaction_violations(PACKAGE) == []


def test_the_transaction_check_names_the_module_and_what_it_does(tmp_path):
    package = tmp_path / "haydigo_desk"
    (package / "services").mkdir(parents=True)
    (package / "ui").mkdir()
    (package / "cli").mkdir()
    (package / "services" / "queries.py").write_text(
        "from sqlalchemy.orm import Session\n"
        "def rows(session: Session): ...\n"
        "def _private(session): ...\n"
        "def rows_of(database): ...\n")
    (package / "services" / "again.py").write_text(
        "from haydigo_desk.services.queries import rows\n")
    (package / "ui" / "view.py").write_text(
        "from sqlalchemy.orm import Session\n"
        "from haydigo_desk.services import queries, again as other\n"
        "def refresh(self):\n"
        "    self.tasks.run(lambda session: queries.rows(session), print)\n"
        "    self.tasks.run(lambda: queries.rows_of(self.database), print)\n"
        "    self.tasks.run_ordered(other.rows, print)\n"
        "    def work(session):\n"
        "        return session.scalars(...)\n"
        "    self.tasks.run(work, print)\n")
    (package / "cli" / "cmd.py").write_text(
        "from haydigo_desk.services.queries import rows, rows_of\n"
        "def run(database):\n"
        "    with database.unit_of_work() as uow:\n"
        "        return rows(uow.session)\n")
    tail = "; ui/ and cli/ call a use case that takes the Database and owns its transaction"
    assert transaction_violations(package) == [line + tail for line in [
        "haydigo_desk/cli/cmd.py:1 imports the session step(s) ['rows'] of "
        "haydigo_desk.services.queries",
        "haydigo_desk/cli/cmd.py:3 calls unit_of_work()",
        "haydigo_desk/ui/view.py:1 imports sqlalchemy.orm.Session",
        "haydigo_desk/ui/view.py:4 hands run() work that takes an argument (a session?): give "
        "it a call without arguments",
        "haydigo_desk/ui/view.py:4 uses the session step haydigo_desk.services.queries.rows",
        "haydigo_desk/ui/view.py:6 uses the session step haydigo_desk.services.again.rows",
        "haydigo_desk/ui/view.py:9 hands run() work that takes an argument (a session?): give "
        "it a call without arguments",
    ]]
