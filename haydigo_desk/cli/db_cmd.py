"""``haydigo-desk db upgrade|current``: schema migrations by hand."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("db", help="database maintenance (upgrade, current)")
    parser.add_argument("action", choices=["upgrade", "current"])
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from haydigo_desk.config import resolve_database_url
    from haydigo_desk.persistence import migrate
    from haydigo_desk.persistence.database import open_database

    # open_database refuses a damaged file or a newer schema before anything is changed.
    database = open_database(resolve_database_url(args.database_url),
                             upgrade=args.action == "upgrade")
    try:
        revision = migrate.current_revision(database.engine)
        print(f"{database.safe_url}: revision {revision} (head {migrate.head_revision()})")
        return 0
    finally:
        database.dispose()
