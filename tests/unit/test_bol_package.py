"""``haydigo_desk.bol`` loads its modules on first use: importing the package (or one model
module) costs nothing of the client, and every public name still resolves to its module's."""

from __future__ import annotations

import importlib
import subprocess
import sys

import haydigo_desk.bol as bol


def _loaded_after(statement: str) -> set[str]:
    script = f"import sys; {statement}; print(' '.join(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, check=True)
    return set(done.stdout.split())


def test_the_package_and_a_model_module_load_no_client():
    assert not {"httpx", "haydigo_desk.bol.client", "haydigo_desk.bol.models"} & _loaded_after(
        "import haydigo_desk.bol")
    loaded = _loaded_after("import haydigo_desk.bol.models_labels")
    assert "haydigo_desk.bol.models" in loaded
    assert not {"httpx", "haydigo_desk.bol.client", "haydigo_desk.bol.transport"} & loaded


def test_every_public_name_is_its_modules_own():
    for name in bol.__all__:
        home = importlib.import_module(bol._HOMES[name])
        assert getattr(bol, name) is getattr(home, name), name
    assert "BolClient" in dir(bol)
