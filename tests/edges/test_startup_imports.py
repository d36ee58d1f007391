"""``--version`` and ``--help`` stay fast: parsing them loads none of the heavy libraries
(each command imports what it needs when it runs). Not a timing test: it checks the modules."""

from __future__ import annotations

import subprocess
import sys
import textwrap

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
