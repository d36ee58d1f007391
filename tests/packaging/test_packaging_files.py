"""Fast checks of the packaging files: the package list, desktop integration, the spec."""

from __future__ import annotations

import ast
import importlib
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from haydigo_desk.cli import COMMAND_MODULES

REPO = Path(__file__).resolve().parents[2]
INSTALL_SCRIPT = REPO / "packaging" / "linux" / "install-desktop-integration.sh"
SPEC = REPO / "packaging" / "pyinstaller" / "haydigo-desk.spec"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

needs_bash = pytest.mark.skipif(
    sys.platform == "win32" or shutil.which("bash") is None, reason="needs bash (Linux script)"
)


def test_pyproject_lists_every_package_of_the_tree() -> None:
    # The package list is explicit (packages.find cannot see the resources/ mapping), so a new
    # sub-package must be added there or it silently misses the wheel.
    setuptools_cfg = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["tool"][
        "setuptools"
    ]
    tree = {
        ".".join(init.parent.relative_to(REPO).parts)
        for init in (REPO / "haydigo_desk").rglob("__init__.py")
    } | {"haydigo_desk.resources"}
    assert set(setuptools_cfg["packages"]) == tree
    assert setuptools_cfg["package-dir"]["haydigo_desk.resources"] == "resources"


def _run_install(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(INSTALL_SCRIPT), *args], capture_output=True, text=True, timeout=60
    )


@needs_bash
def test_desktop_integration_installs_and_removes(tmp_path: Path) -> None:
    prefix = tmp_path / "prefix"
    program = tmp_path / "My Apps" / "haydigo-desk"  # a space needs quoting in Exec=
    result = _run_install("--prefix", str(prefix), "--exec", str(program))
    assert result.returncode == 0, result.stderr
    share = prefix / "share"
    desktop = share / "applications" / "haydigo-desk.desktop"
    lines = desktop.read_text("utf-8").splitlines()
    assert f'Exec="{program}"' in lines
    assert "Icon=haydigo-desk" in lines
    assert (share / "metainfo" / "nl.haydigo.Desk.metainfo.xml").is_file()
    icons = share / "icons" / "hicolor"
    assert (icons / "scalable" / "apps" / "haydigo-desk.svg").is_file()
    for size in PNG_SIZES:
        assert (icons / f"{size}x{size}" / "apps" / "haydigo-desk.png").is_file()
    if validator := shutil.which("desktop-file-validate"):
        check = subprocess.run([validator, str(desktop)], capture_output=True, text=True)
        assert check.returncode == 0 and not check.stdout.strip(), check.stdout

    result = _run_install("--prefix", str(prefix), "--uninstall")
    assert result.returncode == 0, result.stderr
    left = [p for p in share.rglob("*") if p.is_file() and p.name != "mimeinfo.cache"]
    assert left == []


@needs_bash
def test_desktop_integration_refuses_unknown_arguments(tmp_path: Path) -> None:
    result = _run_install("--prefix", str(tmp_path), "--bogus")
    assert result.returncode != 0
    assert "unknown argument" in result.stderr


def _spec_hidden_imports() -> set[str]:
    """String literals of the spec's HIDDEN_IMPORTS list (read, not run: it needs PyInstaller)."""
    tree = ast.parse(SPEC.read_text("utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id == "HIDDEN_IMPORTS" for t in targets):
                assert node.value is not None
                return {
                    n.value
                    for n in ast.walk(node.value)
                    if isinstance(n, ast.Constant) and isinstance(n.value, str)
                }
    raise AssertionError("HIDDEN_IMPORTS not found in the spec")


def test_spec_hidden_imports_exist_and_cover_the_cli() -> None:
    hidden = _spec_hidden_imports()
    # The entry point imports the CLI modules by name at run time: PyInstaller cannot see them,
    # so the spec takes the list itself (a copy fell behind the day a command was added).
    assert "*COMMAND_MODULES," in SPEC.read_text("utf-8")
    assert COMMAND_MODULES and hidden
    for name in sorted(hidden):
        if name.startswith("PySide6"):
            continue  # the Qt modules are checked by the frozen smoke check, not imported here
        importlib.import_module(name)
