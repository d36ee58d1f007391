"""Benchmark of the order import's writer; prints figures and their ratio to the targets.

    python bench/writer_bench.py [--orders 2000] [--products 800] [--no-postgres]
                                 [--rss-small 500] [--rss-large 8000] [--profile]

1. Writer CPU per order: the sandbox's orders are fetched once (real HTTP), then written by
   ``write_orders`` in its batches on SQLite and on PostgreSQL (a throwaway server started the
   way the tests start theirs, or ``HAYDIGO_BENCH_PG_URL``). The figure is the CPU time of the
   writing thread only (``time.thread_time``), per order written. Target: <= 2 ms.
2. Peak memory of an import of 500 and of 8,000 backlogged orders: each import runs a whole
   cycle in a process of its own against a sandbox in another process, with the writer slowed
   so that fetched orders wait for it. Target: peak RSS at 8,000 <= 1.2x that at 500.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import os
import pstats
import re
import resource
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from haydigo_desk.bol import BolClient, ClientCredentials
from haydigo_desk.bol.environments import BolEnvironment
from haydigo_desk.bol.models import Order as BolOrder
from haydigo_desk.persistence.database import Database, open_database
from haydigo_desk.persistence.models import Order, OrderLine, utcnow
from haydigo_desk.sandbox import SandboxConfig, start_sandbox
from haydigo_desk.services.accounts import AccountSpec, save_account
from haydigo_desk.sync import orders as order_step
from haydigo_desk.sync.cycle import CycleRunner, _default_pick_list_adder
from haydigo_desk.sync.events import SyncReport
from haydigo_desk.sync.offers import import_offers

CPU_TARGET_MS = 2.0
RSS_TARGET_RATIO = 1.2
TESTS_DIR = Path(__file__).resolve().parents[1] / "tests"


# --- part 1: writer CPU per order ----------------------------------------------------------------


def _client(url: str, client_id: str, secret: str) -> BolClient:
    return BolClient(ClientCredentials(client_id, secret),
                     BolEnvironment.named("custom", url, f"{url}/token"))


async def _fetch_all_details(client: BolClient) -> list[BolOrder]:
    ids = [o.order_id async for page in client.iter_order_pages(status="OPEN") for o in page]
    semaphore = asyncio.Semaphore(8)

    async def one(order_id: str) -> BolOrder:
        async with semaphore:
            return await client.get_order(order_id)

    return list(await asyncio.gather(*(one(i) for i in ids)))


def _account(database: Database, client_id: str, url: str) -> int:
    with database.unit_of_work() as uow:
        account = save_account(uow.session, AccountSpec(
            name="bench", client_id=client_id, store_name="Bench", environment="custom",
            base_url=url, harvest_orders=True))
        uow.commit()
        return account.id


async def _import_products(database: Database, account_id: int, client: BolClient) -> None:
    report = SyncReport(account_id, "bench", utcnow())
    await import_offers(client, database, account_id, report, lambda done: None)


def measure_writer_cpu(url: str, label: str, sandbox, details: list[BolOrder],
                       profile: bool) -> tuple[float, int]:
    """CPU ms per order that ``write_orders`` spends writing ``details`` into a fresh database."""
    database = open_database(url)
    try:
        account_id = _account(database, sandbox.client_id, sandbox.url)

        async def products() -> None:
            async with _client(sandbox.url, sandbox.client_id, sandbox.client_secret) as client:
                await _import_products(database, account_id, client)

        asyncio.run(products())
        report = SyncReport(account_id, "bench", utcnow())
        # The figure is this thread's CPU: profile by it too (wall time would count the waits
        # for the database server).
        profiler = cProfile.Profile(time.thread_time) if profile else None
        started = time.thread_time()
        if profiler:
            profiler.enable()
        written = order_step.write_orders(database, account_id, details, report, set(),
                                          _default_pick_list_adder())
        if profiler:
            profiler.disable()
        cpu = time.thread_time() - started
        if report.errors or len(written) != len(details):
            raise RuntimeError(f"{label}: wrote {len(written)} of {len(details)} orders: "
                               f"{report.errors[:3]}")
        with database.unit_of_work() as uow:
            lines = uow.session.query(OrderLine).count()
            orders = uow.session.query(Order).count()
        if profiler:
            order_by = os.environ.get("HAYDIGO_BENCH_SORT", "cumulative")
            pstats.Stats(profiler).sort_stats(order_by).print_stats(35)
        print(f"  {label}: {orders:,} orders / {lines:,} lines written, "
              f"{cpu:.2f} s CPU in the writer")
        return cpu * 1000 / len(details), orders
    finally:
        database.dispose()


@contextmanager
def postgres_url() -> Iterator[str | None]:
    if os.environ.get("HAYDIGO_BENCH_PG_URL"):
        yield os.environ["HAYDIGO_BENCH_PG_URL"]
        return
    sys.path.insert(0, str(TESTS_DIR))
    from support.postgres import start_postgres  # the tests' throwaway server

    try:
        server = start_postgres()
    except FileNotFoundError as exc:
        print(f"  PostgreSQL skipped: {exc}")
        yield None
        return
    try:
        yield server.create_database("writer_bench")
    finally:
        server.stop()


def part_cpu(args: argparse.Namespace) -> list[tuple[str, float]]:
    sandbox = start_sandbox(SandboxConfig(
        seed=5, products=args.products, open_orders=args.orders, order_rate_per_hour=0.0,
        cancel_rate=0.05, rate_scale=200.0, process_delay_s=0.05))
    try:
        async def fetch() -> list[BolOrder]:
            async with _client(sandbox.url, sandbox.client_id, sandbox.client_secret) as client:
                return await _fetch_all_details(client)

        details = asyncio.run(fetch())
        print(f"fetched {len(details):,} order details from the sandbox")
        results = []
        folder = Path(tempfile.mkdtemp(prefix="haydigo-writer-bench-"))
        if not args.no_sqlite:
            ms, _ = measure_writer_cpu(f"sqlite:///{folder / 'writer.sqlite3'}", "SQLite",
                                       sandbox, details, args.profile)
            results.append(("SQLite", ms))
        if not args.no_postgres:
            with postgres_url() as url:
                if url is not None:
                    ms, _ = measure_writer_cpu(url, "PostgreSQL", sandbox, details, args.profile)
                    results.append(("PostgreSQL", ms))
        return results
    finally:
        sandbox.stop()


# --- part 2: peak memory with a backlog ----------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start_sandbox_process(orders: int, rate_scale: float) -> tuple[subprocess.Popen, str, str,
                                                                     str]:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "haydigo_desk", "--log-level", "WARNING", "sandbox", "--port",
         str(port), "--seed", "5", "--products", "800", "--open-orders", str(orders),
         "--order-rate", "0", "--cancel-rate", "0", "--rate-scale", str(rate_scale)],
        stdout=subprocess.PIPE, text=True)
    found: dict[str, str] = {}
    for line in process.stdout:
        match = re.match(r"\s*client (id|secret):\s+(\S+)", line)
        if match:
            found[match.group(1)] = match.group(2)
        if len(found) == 2:
            break
    return process, f"http://127.0.0.1:{port}", found["id"], found["secret"]


def rss_child(url: str, client_id: str, secret: str, orders: int, delay: float) -> None:
    """In a process of its own: one whole cycle with the writer slowed by ``delay`` seconds per
    batch; prints the process's peak RSS (KiB) and what was imported, as JSON."""
    folder = Path(tempfile.mkdtemp(prefix="haydigo-writer-rss-"))
    database = open_database(f"sqlite:///{folder / 'rss.sqlite3'}")
    account_id = _account(database, client_id, url)
    write = order_step.write_orders

    def slow_write(*args, **kwargs):
        time.sleep(delay)  # a busy disk or a slow server: the fetched orders wait
        return write(*args, **kwargs)

    order_step.write_orders = slow_write

    async def cycle() -> SyncReport:
        async with _client(url, client_id, secret) as client:
            return await CycleRunner(database, client, account_id).run(full_sweep=True)

    report = asyncio.run(cycle())
    database.dispose()
    print(json.dumps({"maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                      "orders_new": report.orders_new, "outcome": report.outcome,
                      "seconds": report.duration_ms / 1000}))


def measure_rss(orders: int, delay: float, rate_scale: float) -> dict:
    sandbox, url, client_id, secret = _start_sandbox_process(orders, rate_scale)
    try:
        out = subprocess.run(
            [sys.executable, __file__, "--rss-child", str(orders), "--url", url,
             "--client-id", client_id, "--secret-stdin", "--delay", str(delay)],
            input=secret, capture_output=True, text=True, timeout=1800, check=True)
    finally:
        sandbox.terminate()
        try:
            sandbox.wait(60)
        except subprocess.TimeoutExpired:
            sandbox.kill()
            sandbox.wait()
    result = json.loads(out.stdout.strip().splitlines()[-1])
    if result["orders_new"] != orders or result["outcome"] != "ok":
        raise RuntimeError(f"the import of {orders} orders did not complete: {result}")
    return result


def part_rss(args: argparse.Namespace) -> float:
    found = {}
    for size in (args.rss_small, args.rss_large):
        found[size] = result = measure_rss(size, args.delay, args.rate_scale)
        print(f"  import of {size:,} orders (writer slowed {args.delay * 1000:.0f} ms a batch): "
              f"peak RSS {result['maxrss_kib'] / 1024:.1f} MB, {result['seconds']:.1f} s",
              flush=True)
    return found[args.rss_large]["maxrss_kib"] / found[args.rss_small]["maxrss_kib"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=2000)
    parser.add_argument("--products", type=int, default=800)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--no-sqlite", action="store_true")
    parser.add_argument("--no-rss", action="store_true")
    parser.add_argument("--no-cpu", action="store_true")
    parser.add_argument("--profile", action="store_true", help="print the writer's profile")
    parser.add_argument("--rss-small", type=int, default=500)
    parser.add_argument("--rss-large", type=int, default=8000)
    parser.add_argument("--delay", type=float, default=0.15,
                        help="seconds the writer is slowed per batch in the memory part")
    parser.add_argument("--rate-scale", type=float, default=40.0)
    parser.add_argument("--rss-child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--client-id", help=argparse.SUPPRESS)
    parser.add_argument("--secret-stdin", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.rss_child:
        rss_child(args.url, args.client_id, sys.stdin.read().strip(), args.rss_child, args.delay)
        return 0
    failures = 0
    if not args.no_cpu:
        for label, ms in part_cpu(args):
            ratio = ms / CPU_TARGET_MS
            failures += ratio > 1
            print(f"writer CPU per order on {label}: {ms:.2f} ms (target {CPU_TARGET_MS:.0f} ms, "
                  f"ratio {ratio:.2f}) {'OK' if ratio <= 1 else 'TOO SLOW'}")
    if not args.no_rss:
        ratio = part_rss(args)
        failures += ratio > RSS_TARGET_RATIO
        print(f"peak RSS {args.rss_large:,} / {args.rss_small:,} backlogged orders: {ratio:.2f}x "
              f"(target {RSS_TARGET_RATIO}x, ratio {ratio / RSS_TARGET_RATIO:.2f}) "
              f"{'OK' if ratio <= RSS_TARGET_RATIO else 'TOO MUCH'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
