"""One owner for every state change: only services/lifecycle/ writes the status and quantity
fields of orders, order lines, pick lists, pick-list lines and shipments (an AST scan)."""

from __future__ import annotations

import ast
from pathlib import Path

import haydigo_desk

PACKAGE = Path(haydigo_desk.__file__).parent
OWNER = PACKAGE / "services" / "lifecycle"
# The sandbox simulates bol.com's own rows (its items have a quantity_shipped too).
NOT_THE_DESKS_ROWS = (PACKAGE / "sandbox",)

MODELS = {"Order", "OrderLine", "PickList", "PickListLine", "Shipment"}
FIELDS = {
    "Order": {"status", "problem"},
    "OrderLine": {"quantity", "quantity_picked", "quantity_shipped", "quantity_cancelled",
                  "quantity_reserved", "cancellation"},
    "PickList": {"status", "completed_at"},
    "PickListLine": {"quantity", "quantity_picked"},
    "Shipment": {"state", "confirmed_at", "error"},
}
ALL_FIELDS = set().union(*FIELDS.values())
# Field names no other object of the desk has: an assignment to them is a lifecycle write.
UNIQUE = {"quantity_picked", "quantity_shipped", "quantity_cancelled", "quantity_reserved",
          "cancellation", "completed_at", "confirmed_at"}
# The names this code base gives to rows of those models (its naming convention).
CONVENTIONAL = {"order": "Order", "line": "OrderLine", "order_line": "OrderLine",
                "pick_list": "PickList", "pick_line": "PickListLine", "pll": "PickListLine",
                "shipment": "Shipment"}


class _Scanner(ast.NodeVisitor):
    """Finds writes of lifecycle fields; knows a local's model when it was assigned
    ``Model(...)`` or ``x.get(Model, ...)``, annotated, or follows the naming convention."""

    def __init__(self) -> None:
        self.found: list[str] = []
        self.known: dict[str, str] = {}
        self.models: dict[str, str] = {}  # local name -> model, for the desk's own models

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.module == "haydigo_desk.persistence.models":
            for alias in node.names:
                if alias.name in MODELS:
                    self.models[alias.asname or alias.name] = alias.name

    def _model_of(self, node: ast.AST) -> str | None:
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in self.models:
                return self.models[func.id]
            if isinstance(func, ast.Attribute) and func.attr == "get" and node.args and (
                    isinstance(node.args[0], ast.Name) and node.args[0].id in self.models):
                return self.models[node.args[0].id]
        return None

    def _target_model(self, target: ast.expr) -> str | None:
        if not isinstance(target.value, ast.Name):
            return None
        name = target.value.id
        if name == "self":
            return None
        return self.known.get(name) or CONVENTIONAL.get(name)

    def _check_target(self, target: ast.expr, line: int) -> None:
        if isinstance(target, ast.Tuple | ast.List):
            for element in target.elts:
                self._check_target(element, line)
            return
        if not isinstance(target, ast.Attribute):
            return
        model = self._target_model(target)
        if target.attr in UNIQUE or (model and target.attr in FIELDS[model]):
            self.found.append(f"line {line}: assigns .{target.attr}")

    def visit_Assign(self, node: ast.Assign) -> None:
        model = self._model_of(node.value)
        for target in node.targets:
            if model and isinstance(target, ast.Name):
                self.known[target.id] = model
            self._check_target(target, node.lineno)
        self.generic_visit(node)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        if isinstance(node.target, ast.Name) and isinstance(node.annotation, ast.Name) and (
                node.annotation.id in self.models):
            self.known[node.target.id] = self.models[node.annotation.id]
        self._check_target(node.target, node.lineno)
        self.generic_visit(node)

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        self._check_target(node.target, node.lineno)
        self.generic_visit(node)

    def visit_arg(self, node: ast.arg) -> None:
        if isinstance(node.annotation, ast.Name) and node.annotation.id in self.models:
            self.known[node.arg] = self.models[node.annotation.id]

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Name) and func.id in self.models:
            model = self.models[func.id]
            for keyword in node.keywords:
                if keyword.arg in FIELDS[model]:
                    self.found.append(f"line {node.lineno}: {model}({keyword.arg}=...)")
        if isinstance(func, ast.Name) and func.id == "setattr" and len(node.args) >= 2 and (
                isinstance(node.args[1], ast.Constant) and node.args[1].value in UNIQUE):
            self.found.append(f"line {node.lineno}: setattr(..., {node.args[1].value!r})")
        if isinstance(func, ast.Attribute) and func.attr == "values":
            updated = self._updated_model(func.value)
            if updated:
                for keyword in node.keywords:
                    if keyword.arg in FIELDS[updated]:
                        self.found.append(
                            f"line {node.lineno}: update({updated}).values({keyword.arg}=...)")
        self.generic_visit(node)

    def _updated_model(self, node: ast.AST) -> str | None:
        """The model of ``update(Model)...`` somewhere down a chain of calls."""
        while isinstance(node, ast.Call | ast.Attribute):
            if isinstance(node, ast.Call):
                if isinstance(node.func, ast.Name) and node.func.id == "update" and node.args:
                    first = node.args[0]
                    return self.models.get(first.id) if isinstance(first, ast.Name) else None
                node = node.func
            else:
                node = node.value
        return None


def lifecycle_writes(source: str) -> list[str]:
    scanner = _Scanner()
    scanner.visit(ast.parse(source))
    return scanner.found


def test_only_the_lifecycle_service_writes_lifecycle_fields():
    offenders = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if any(path.is_relative_to(p) for p in (OWNER, *NOT_THE_DESKS_ROWS)):
            continue
        if "migrations" in path.parts:
            continue
        found = lifecycle_writes(path.read_text(encoding="utf-8"))
        if found:
            offenders[str(path.relative_to(PACKAGE))] = found
    assert offenders == {}, (
        "State changes belong to services/lifecycle/ (domain/lifecycle.py has the rules): "
        f"{offenders}")


def test_the_scan_finds_each_kind_of_write():
    """The scan itself must see what it is there to forbid."""
    imports = ("from haydigo_desk.persistence.models import Order, OrderLine, PickList, "
               "Shipment\n")
    samples = {
        "order.status = 'shipped'": 1,
        "x = session.get(Shipment, 1)\nx.state = 'failed'": 1,
        "def f(p: PickList):\n    p.status = 'done'": 1,
        "line.quantity_picked += 1": 1,
        "a.quantity_shipped, b.cancellation = 1, 'none'": 2,
        "OrderLine(bol_order_item_id='1', quantity=2)": 1,
        "session.execute(update(OrderLine).where(x).values(quantity_picked=3))": 1,
        "setattr(row, 'quantity_cancelled', 1)": 1,
        "entry.state = 'queued'\nself.status = QLabel()\nrow.quantity += 1": 0,
        "Order(account_id=1, bol_order_id='X', city='Utrecht')": 0,
    }
    for source, expected in samples.items():
        assert len(lifecycle_writes(imports + source)) == expected, source
    # A class of the same name from elsewhere (a report's row) is not a lifecycle model.
    assert lifecycle_writes("from haydigo_desk.reports.model import PickListLine\n"
                            "PickListLine(quantity=1)") == []
