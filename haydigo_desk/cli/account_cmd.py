"""``haydigo-desk account add|list``: configure bol.com accounts without the window.

The client secret is never an argument (process lists, shell history): ``--ask-secret`` reads
it from the terminal into the OS keyring, or ``HAYDIGO_BOL_CLIENT_SECRET`` supplies it.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from haydigo_desk.cli.arguments import EXIT_CONFIGURATION, EXIT_ENVIRONMENT, positive_count


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("account", help="add or list bol.com accounts")
    actions = parser.add_subparsers(dest="account_action", required=True)
    add = actions.add_parser("add", help="add or update an account")
    add.add_argument("--name", required=True)
    add.add_argument("--client-id", required=True)
    add.add_argument("--store", required=True, help="store (webshop) name")
    add.add_argument("--product-list", default="", help="default: the store name")
    add.add_argument("--environment", choices=["production", "demo", "custom"],
                     default="production")
    add.add_argument("--base-url", help="API root for a custom environment (the sandbox)")
    add.add_argument("--token-url", help="token URL for a custom environment")
    add.add_argument("--exclude-countries", default="", help="e.g. DE,FR")
    add.add_argument("--harvest-orders", action="store_true", help="import orders too")
    add.add_argument("--interval", type=positive_count, default=10,
                     help="sync interval in minutes (1-60)")
    add.add_argument("--transporter", default="TNT", help="default transporter code")
    add.add_argument("--ask-secret", action="store_true",
                     help="type the client secret now; it is kept in the OS keyring")
    actions.add_parser("list", help="list accounts")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from haydigo_desk.bol.credentials import (
        SECRET_ENV_VAR,
        SecretStoreUnavailableError,
        has_client_secret,
        store_client_secret,
    )
    from haydigo_desk.config import resolve_database_url
    from haydigo_desk.persistence.database import open_database
    from haydigo_desk.services.account_use_cases import account_lines, save_account
    from haydigo_desk.services.accounts import AccountError, AccountSpec

    if args.account_action == "list":
        database = open_database(resolve_database_url(args.database_url))
        try:
            for account in account_lines(database):
                secret = "secret in keyring" if has_client_secret(account.client_id) else (
                    "NO SECRET")
                print(f"{account.name}\t{account.environment}\t{account.client_id}\t{secret}")
            return 0
        finally:
            database.dispose()
    countries = [c.strip().upper() for c in args.exclude_countries.split(",") if c.strip()]
    spec = AccountSpec(
        name=args.name, client_id=args.client_id, store_name=args.store,
        product_list_name=args.product_list, environment=args.environment,
        base_url=args.base_url, token_url=args.token_url, excluded_countries=countries,
        harvest_orders=args.harvest_orders, sync_interval_minutes=args.interval,
        default_transporter=args.transporter,
    )
    try:  # refused before the database is opened: nothing is written for bad input
        spec.validate()
    except AccountError as exc:
        print(f"Not saved: {exc}", file=sys.stderr)
        return EXIT_CONFIGURATION
    secret = _read_secret() if args.ask_secret else None
    if args.ask_secret and secret is None:
        print("Not saved: no client secret was typed (is there a terminal?). Run again in a "
              f"terminal, or leave out --ask-secret and set {SECRET_ENV_VAR} where the sync "
              "runs.", file=sys.stderr)
        return EXIT_CONFIGURATION
    database = open_database(resolve_database_url(args.database_url))
    try:
        save_account(database, spec)
    finally:
        database.dispose()
    if secret is not None:
        try:
            store_client_secret(spec.client_id.strip(), secret)
        except SecretStoreUnavailableError as exc:
            print(f"Account saved, secret NOT stored: {exc}", file=sys.stderr)
            return EXIT_ENVIRONMENT
    elif not has_client_secret(spec.client_id.strip()):
        print(f"Account saved. No secret in the keyring: run again with --ask-secret, or "
              f"set {SECRET_ENV_VAR} where the sync runs.")
    print(f"Account {args.name!r} saved.")
    return 0


def _read_secret() -> str | None:
    """The secret typed at the terminal, or piped in on stdin; None when nothing can be read
    (stdin closed or at its end) or nothing was typed."""
    stdin = sys.stdin
    try:
        if stdin is None or stdin.closed:
            return None
        # Piped in (a script): nothing to hide from a screen, so read the line as it is.
        secret = getpass.getpass("bol.com client secret: ") if stdin.isatty() else (
            stdin.readline())
    except (EOFError, OSError, ValueError):
        return None
    return secret.strip() or None
