"""``haydigo-desk sync --once | --loop``: the sync engine without a window."""

from __future__ import annotations

import argparse
import contextlib
import json
import signal
import sys

from haydigo_desk.cli.arguments import EXIT_CONFIGURATION


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("sync", help="run the bol.com sync headless (--once or --loop)")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--once", action="store_true", help="one cycle, then print its record")
    mode.add_argument("--loop", action="store_true", help="run the scheduler until stopped")
    parser.add_argument("--account", help="only this account (name); default: all enabled")
    parser.add_argument("--full-sweep", action="store_true", help="list every open order")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    import asyncio

    from haydigo_desk.config import resolve_database_url
    from haydigo_desk.persistence.database import open_database

    database = open_database(resolve_database_url(args.database_url))
    try:
        return asyncio.run(_once(database, args) if args.once else _loop(database, args))
    finally:
        database.dispose()


async def _once(database, args: argparse.Namespace) -> int:
    from haydigo_desk.bol import BolConfigurationError
    from haydigo_desk.services.redaction import scrub
    from haydigo_desk.sync.client_factory import accounts_to_sync, build_client
    from haydigo_desk.sync.cycle import CycleRunner

    accounts = accounts_to_sync(database, args.account)
    if not accounts:
        print("No bol.com account is configured: use 'haydigo-desk account add'.",
              file=sys.stderr)
        return EXIT_CONFIGURATION
    failed = False
    for connection, _interval in accounts:
        try:
            client = build_client(connection)
        except BolConfigurationError as exc:
            print(f"{connection.name}: {exc}", file=sys.stderr)
            failed = True
            continue
        async with client:
            runner = CycleRunner(database, client, connection.account_id)
            report = await runner.run(full_sweep=True if args.full_sweep else None)
        print(scrub(json.dumps(report.as_dict(), indent=2, default=str)))
        failed |= report.outcome == "failed"
    return 1 if failed else 0


async def _loop(database, args: argparse.Namespace) -> int:
    from haydigo_desk.bol import BolConfigurationError
    from haydigo_desk.config import AppPaths
    from haydigo_desk.services.redaction import scrub
    from haydigo_desk.sync.client_factory import accounts_to_sync, build_client
    from haydigo_desk.sync.cycle import CycleRunner
    from haydigo_desk.sync.events import NullListener
    from haydigo_desk.sync.images import ImageFetcher
    from haydigo_desk.sync.worker import AccountScheduler

    class PrintingListener(NullListener):
        def cycle_finished(self, report) -> None:
            print(scrub(json.dumps(report.as_dict(), default=str)), flush=True)

    # Every account must be able to connect before the loop starts: a missing secret is a
    # set-up mistake to fix now (exit, one line each), not something to retry every interval.
    accounts = accounts_to_sync(database, args.account)
    if not accounts:
        print("No bol.com account is configured: use 'haydigo-desk account add'.",
              file=sys.stderr)
        return EXIT_CONFIGURATION
    clients, problems = [], []
    for connection, interval in accounts:
        try:
            clients.append((connection, interval, build_client(connection)))
        except BolConfigurationError as exc:
            problems.append(f"{connection.name}: {exc}")
    if problems:
        for _connection, _interval, client in clients:
            await client.aclose()
        for line in problems:
            print(f"Not syncing: {line}", file=sys.stderr)
        return EXIT_CONFIGURATION

    import asyncio

    listener = PrintingListener()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        # Windows has no signal handlers on the loop: Ctrl+C still raises KeyboardInterrupt.
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(signum, stop.set)
    tasks = []
    for connection, interval, client in clients:
        runner = CycleRunner(database, client, connection.account_id, listener=listener)
        images = ImageFetcher(client, database, connection.account_id,
                              AppPaths.current().image_cache_dir)
        scheduler = AccountScheduler(runner, interval, listener, images)
        tasks += scheduler.tasks()
    print(f"Syncing {len(clients)} account(s); Ctrl+C stops.", flush=True)
    await stop.wait()
    for task in tasks:
        task.cancel()  # an interrupted cycle's open transaction is rolled back
    await asyncio.gather(*tasks, return_exceptions=True)
    for _connection, _interval, client in clients:
        await client.aclose()
    print("Sync stopped cleanly.", flush=True)
    return 0
