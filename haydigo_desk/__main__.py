"""Entry point: ``haydigo-desk [options] [command]``. Without a command it opens the desk."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from haydigo_desk import APP_NAME, __version__
from haydigo_desk.cli import COMMAND_MODULES
from haydigo_desk.cli.arguments import OneLineParser, log_level

log = logging.getLogger("haydigo_desk")


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="haydigo-desk",
        description=f"{APP_NAME}: warehouse desk for bol.com sellers. "
        "Without a command the desk window opens (the demo until an account is configured).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--database-url",
        help="SQLAlchemy URL of the database (default: SQLite in the user data folder; "
        "also HAYDIGO_DATABASE_URL), e.g. postgresql+psycopg://user@host/db",
    )
    parser.add_argument("--log-level", default="INFO", type=log_level,
                        help="DEBUG, INFO, WARNING or ERROR")
    parser.add_argument(
        "--demo", action="store_true", help="open the demo with the local bol.com sandbox"
    )
    parser.add_argument(
        "--screenshots", metavar="DIR",
        help="save PNG screenshots of every section and the settings dialog (nl and en), quit",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="command")
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from haydigo_desk.cli.failures import explain_failure
    from haydigo_desk.logging_setup import FILE_ONLY, configure_logging

    configure_logging(args.log_level, to_file=True)
    handler = getattr(args, "handler", None)
    try:
        if handler is not None:
            return int(handler(args) or 0)
        from haydigo_desk.app import run_desk

        return run_desk(args)
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # the last door: one line for the person, the traceback logged
        failure = explain_failure(error, args)
        if failure.unexpected:
            log.error("Unexpected error", exc_info=error, extra=FILE_ONLY)
        print(f"{parser.prog}: {failure.line}", file=sys.stderr)
        return failure.exit_code


if __name__ == "__main__":
    sys.exit(main())
