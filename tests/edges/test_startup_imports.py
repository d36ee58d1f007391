"""Start-up stays fast: ``--version`` and ``--help`` load none of the heavy libraries (each
command imports what it needs when it runs), and the window paints its Orders list before
the code it does not need for that is loaded (migrations, the bol.com client and its models,
HTTP, PDF, the sandbox, the sync engine). Not timing tests: they check the modules."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from support.desk_process import desk_env, profile_with_account

HEAVY = ("PySide6", "sqlalchemy", "aiohttp", "reportlab", "httpx", "pydantic", "alembic")


def _loaded_after(*command_lines: list[str]) -> set[str]:
    """The top-level packages loaded after parsing each command line (each ends in exit)."""
    script = textwrap.dedent(f"""
        import contextlib, io, sys
        import haydigo_desk.cli.arguments
        from haydigo_desk.__main__ import build_parser
        for argv in {[list(line) for line in command_lines]!r}:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
                build_parser().parse_args(argv)
                raise AssertionError(f"{{argv}} did not exit")
        print(" ".join(sorted({{name.split(".")[0] for name in sys.modules}})))
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, check=True)
    return set(done.stdout.split())


def test_version_loads_no_heavy_library():
    loaded = _loaded_after(["--version"])
    assert "haydigo_desk" in loaded
    assert loaded.isdisjoint(HEAVY), loaded & set(HEAVY)


def test_help_of_every_command_loads_no_heavy_library():
    commands = ["sandbox", "db", "account", "sync", "picklist-pdf", "packing-slip"]
    loaded = _loaded_after(["--help"], *([command, "--help"] for command in commands))
    assert loaded.isdisjoint(HEAVY), loaded & set(HEAVY)


# What the window needs later, if at all: loaded after its first paint (or never).
NOT_BEFORE_THE_WINDOW = (
    "alembic",  # only when the database is behind the head revision
    "httpx", "httpcore", "aiohttp", "reportlab",
    "haydigo_desk.bol.models", "haydigo_desk.bol.client",  # pydantic models, the client
    "haydigo_desk.sandbox", "haydigo_desk.demo", "haydigo_desk.sync.worker",
    "haydigo_desk.reports.pick_list", "haydigo_desk.reports.packing_slip",  # the renderers
    "haydigo_desk.services.labels",
)

# Runs the real entry point; at the first paint of the Orders list it prints the modules
# loaded so far and ends the process.
_AT_FIRST_PAINT = textwrap.dedent("""
    import os, sys
    from haydigo_desk.ui import startup_marker

    def at_paint(what, rows):
        if what == "orders-list":
            print("loaded:", " ".join(sorted(sys.modules)), flush=True)
            os._exit(0)

    startup_marker.PaintMarker._print = staticmethod(at_paint)
    from haydigo_desk.__main__ import main
    main([])
""")


def _loaded_at_first_paint(home, **env: str) -> set[str]:
    done = subprocess.run([sys.executable, "-c", _AT_FIRST_PAINT],
                          env=desk_env(home, HAYDIGO_PAINT_MARKER="1", **env),
                          capture_output=True, text=True, timeout=120)
    lines = [line for line in done.stdout.splitlines() if line.startswith("loaded:")]
    assert done.returncode == 0 and lines, done.stderr[-3000:]
    return set(lines[0].split()[1:])


def _too_early(loaded: set[str]) -> set[str]:
    return {name for name in loaded
            if any(name == heavy or name.startswith(heavy + ".")
                   for heavy in NOT_BEFORE_THE_WINDOW)}


@pytest.fixture
def desk_home(tmp_path):
    return profile_with_account(tmp_path)  # its database at the head revision


@pytest.mark.slow
def test_the_window_paints_before_the_code_it_does_not_need(desk_home):
    loaded = _loaded_at_first_paint(desk_home, HAYDIGO_STAFF="Anna",
                                    HAYDIGO_BOL_CLIENT_SECRET="not-used-here")
    assert "haydigo_desk.ui.orders_view" in loaded  # it did paint the Orders list
    assert _too_early(loaded) == set()
    # The other sections are built after the first paint.
    assert "haydigo_desk.ui.pick_station" not in loaded


@pytest.mark.slow
def test_the_demo_window_paints_before_the_demo_is_prepared(tmp_path):
    loaded = _loaded_at_first_paint(tmp_path)  # no account: the demo opens
    assert "haydigo_desk.ui.demo_banner" in loaded
    assert _too_early(loaded) == set()
