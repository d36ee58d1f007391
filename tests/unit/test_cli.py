import subprocess
import sys

from haydigo_desk import __version__
from haydigo_desk.__main__ import build_parser


def test_help_lists_the_subcommands():
    text = build_parser().format_help()
    assert "db" in text


def test_version_is_printed_by_the_console_entry():
    out = subprocess.run(
        [sys.executable, "-m", "haydigo_desk", "--version"], capture_output=True, text=True,
        check=True, timeout=60,
    )
    assert out.stdout.strip() == f"haydigo-desk {__version__}"
