"""Responsiveness benchmark of the desk UI; prints figures and their ratio to the targets.

    python bench/ui_bench.py [--orders 100000] [--keep DIR] [--stall-runs 5] [--only stall]

Measurements are functions taking a prepared ``BenchDatabase`` and returning a ``Result``; add
one to MEASUREMENTS to have it run. The stall measurement runs the whole window against a
sandbox in its own process.
"""

from __future__ import annotations

import argparse
import functools
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import insert

from haydigo_desk.config import AppPaths, DeskSettings, SettingsStore
from haydigo_desk.context import DeskContext
from haydigo_desk.persistence.database import Database, open_database
from haydigo_desk.persistence.models import (
    Location,
    MarketplaceAccount,
    Order,
    OrderLine,
    Product,
)
from haydigo_desk.services.accounts import AccountSpec, save_account

STATUSES = ("new", "new", "new", "picking", "packed", "shipped", "shipped", "shipped",
            "cancelled", "problem")
FIRST_NAMES = ("Jan", "Femke", "Sanne", "Pieter", "Lotte", "Daan", "Emma", "Bram", "Noor")
LAST_NAMES = ("Jansen", "de Vries", "Bakker", "Visser", "Smit", "Peeters", "Claes", "Mertens")
CITIES = (("Utrecht", "NL"), ("Amsterdam", "NL"), ("Gent", "BE"), ("Antwerpen", "BE"),
          ("Zwolle", "NL"), ("Leuven", "BE"))


@dataclass(frozen=True)
class BenchDatabase:
    database: Database
    orders: int
    lines: int
    build_seconds: float


@dataclass(frozen=True)
class Result:
    name: str
    value_ms: float
    target_ms: float

    def line(self) -> str:
        ratio = self.value_ms / self.target_ms
        verdict = "OK" if ratio <= 1.0 else "TOO SLOW"
        return (f"{self.name}: {self.value_ms:.1f} ms (target {self.target_ms:.0f} ms, "
                f"ratio {ratio:.2f}) {verdict}")


def build_database(url: str, orders: int, seed: int = 6) -> BenchDatabase:
    """A seeded account with 500 products and ``orders`` orders of 1 to 5 lines (3 on average,
    so 100,000 orders hold 300,000 lines), bulk-inserted with SQLAlchemy Core in batches."""
    started = time.perf_counter()
    rng = random.Random(seed)
    database = open_database(url)
    with database.unit_of_work() as uow:
        account: MarketplaceAccount = save_account(
            uow.session, AccountSpec(name="bol NL", client_id="bench", store_name="Bench"))
        uow.session.flush()
        account_id, list_id = account.id, account.product_list_id
        uow.commit()
    with database.engine.begin() as conn:
        conn.execute(insert(Location), [
            {"id": i, "code": f"{'ABCDE'[(i - 1) // 100]}-{(i - 1) % 100 // 5 + 1}-{i % 5}",
             "description": ""} for i in range(1, 501)])
        products = [{
            "id": i, "product_list_id": list_id, "sku": f"SKU-{i:05d}",
            "ean": f"871{i:010d}", "title": f"Product {i}", "location_id": i, "on_hand": 50,
            "reserved": 0, "on_hold": False, "created_at": datetime.now(UTC),
            "updated_at": datetime.now(UTC),
        } for i in range(1, 501)]
        conn.execute(insert(Product), products)
        base = datetime(2026, 1, 1, tzinfo=UTC)
        line_id = 0
        sizes = [1, 2, 3, 4, 5]
        batch = 5000
        for start in range(0, orders, batch):
            order_rows, line_rows = [], []
            for n in range(start, min(start + batch, orders)):
                city, country = rng.choice(CITIES)
                order_rows.append({
                    "id": n + 1, "account_id": account_id, "bol_order_id": f"A{n:09d}",
                    "status": rng.choice(STATUSES),
                    "placed_at": base + timedelta(minutes=n * 3 + rng.randint(0, 2)),
                    "customer_name": f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                    "company": "", "street": "Dorpsstraat", "house_number": str(n % 200 + 1),
                    "house_number_extension": "", "extra_address_information": "",
                    "zip_code": "1234AB", "city": city, "country_code": country, "email": "",
                    "language": "nl", "problem": "", "created_at": base, "updated_at": base,
                    # bol's deadline: a few days after placing, none for a few (as bol sends)
                    "deadline_date": None if n % 50 == 0 else (
                        base + timedelta(minutes=n * 3, days=rng.randint(1, 8))).date(),
                    "via_bol": n % 5 == 0,
                })
                if n % 5 == 0:
                    rng.shuffle(sizes)  # every 5 orders hold 15 lines, in a random mix
                for item in range(sizes[n % 5]):
                    product = products[rng.randrange(len(products))]
                    line_id += 1
                    line_rows.append({
                        "id": line_id, "order_id": n + 1,
                        "bol_order_item_id": f"A{n:09d}-{item}", "product_id": product["id"],
                        "ean": product["ean"], "sku": product["sku"], "title": product["title"],
                        "unit_price": Decimal("19.95"), "quantity": rng.randint(1, 3),
                        "quantity_picked": 0, "quantity_shipped": 0, "quantity_cancelled": 0,
                        "quantity_reserved": 0, "cancellation": "none",
                        "unmatched": False, "fulfilment_method": "FBR",
                    })
            conn.execute(insert(Order), order_rows)
            conn.execute(insert(OrderLine), line_rows)
    return BenchDatabase(database, orders, line_id, time.perf_counter() - started)


def measure_open_orders(bench: BenchDatabase, repeats: int = 5) -> Result:
    """Construct the Orders section, show it, and wait until its first page is on screen."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from haydigo_desk.ui.orders_view import OrdersSection
    from haydigo_desk.ui.sync_controller import SyncController

    app = QApplication.instance() or QApplication(sys.argv[:1])
    context = DeskContext(bench.database, AppPaths.current(), SettingsStore(), DeskSettings())
    controller = SyncController()
    timings = []
    for attempt in range(repeats + 1):  # the first run warms imports and caches: not counted
        loop = QEventLoop()
        started = time.perf_counter()
        section = OrdersSection(context, controller)
        section.model.loaded.connect(loop.quit)
        section.resize(1280, 800)
        section.show()
        QTimer.singleShot(10_000, loop.quit)  # a hung load must not hang the benchmark
        if section.model.is_loading:
            loop.exec()
        section.table.viewport().repaint()  # the first page painted, not just loaded
        elapsed = (time.perf_counter() - started) * 1000
        if section.model.rowCount() == 0:
            raise RuntimeError("The Orders section showed no rows")
        if attempt:
            timings.append(elapsed)
        section.close()
        section.tasks.shutdown()
        section.deleteLater()
        app.processEvents()
    timings.sort()
    return Result(f"open Orders with {bench.orders:,} orders / {bench.lines:,} lines "
                  f"(median of {repeats})", timings[len(timings) // 2], 300.0)


def _cpu_hog(stop) -> None:
    """A CPU-bound process beside the desk, as on a shared machine."""
    x = 0
    while not stop.is_set():
        for i in range(100_000):
            x ^= i * i


class CollectorPauses:
    """How often the garbage collector ran during the import and its longest pauses (ms)."""

    def __init__(self) -> None:
        self.started = 0.0
        self.counts = [0, 0, 0]
        self.longest = [0.0, 0.0, 0.0]

    def __call__(self, phase: str, info: dict) -> None:
        if phase == "start":
            self.started = time.perf_counter()
            return
        generation = info["generation"]
        self.counts[generation] += 1
        pause = (time.perf_counter() - self.started) * 1000
        self.longest[generation] = max(self.longest[generation], pause)

    def summary(self) -> dict:
        return {"counts": self.counts, "longest_ms": [round(x, 1) for x in self.longest]}


def stall_once(orders: int = 2000) -> tuple[list[float], float, dict]:
    """The whole desk window open while the worker imports 2,000 orders from the sandbox:
    a 5 ms timer runs on the GUI thread and the gaps between its ticks are the stalls.
    Returns the gaps (seconds), the import's duration and the collector's pauses.

    The window first finishes opening (its first pages and paints, measured by the "open"
    figure); the worker starts after that, so every gap measured is the import's doing."""
    import re
    import socket
    import subprocess

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from haydigo_desk.app import favour_the_window, freeze_startup_objects
    from haydigo_desk.bol import BolClient, ClientCredentials
    from haydigo_desk.sync.client_factory import AccountConnection
    from haydigo_desk.sync.worker import SyncWorker
    from haydigo_desk.ui.main_window import MainWindow
    from haydigo_desk.ui.sync_controller import SyncController

    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 - kept alive
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    # bol.com does not run on the desk's machine: the sandbox standing in for it gets the CPU
    # only when the desk and the bench's CPU hog leave some (``nice``), so the stalls measured
    # are the desk's and the other work's, not the stand-in server's.
    sandbox = subprocess.Popen(
        ["nice", "-n", "19", sys.executable, "-m", "haydigo_desk", "--log-level", "WARNING",
         "sandbox", "--port", str(port), "--products", "800", "--open-orders", str(orders),
         "--order-rate", "0", "--cancel-rate", "0", "--rate-scale", "20"],
        stdout=subprocess.PIPE, text=True)
    secrets = {}
    for line in sandbox.stdout:
        match = re.match(r"\s*client (id|secret):\s+(\S+)", line)
        if match:
            secrets[match.group(1)] = match.group(2)
        if len(secrets) == 2:
            break
    folder = Path(tempfile.mkdtemp(prefix="haydigo-stall-"))
    database = open_database(f"sqlite:///{folder / 'stall.sqlite3'}")
    with database.unit_of_work() as uow:
        save_account(uow.session, AccountSpec(
            name="stall", client_id=secrets["id"], store_name="Stall", environment="custom",
            base_url=f"http://127.0.0.1:{port}", harvest_orders=True))
        uow.commit()
    context = DeskContext(database, AppPaths.current(), SettingsStore(), DeskSettings())
    controller = SyncController()

    def client_factory(connection: AccountConnection) -> BolClient:
        return BolClient(ClientCredentials(connection.client_id, secrets["secret"]),
                         connection.bol_environment())

    worker = SyncWorker(database, listener=controller, client_factory=client_factory)
    controller.attach(worker)
    window = MainWindow(context, controller)
    window.resize(1280, 800)
    window.show()
    favour_the_window()  # as the desk does at start
    freeze_startup_objects()  # as the desk does once its window is up
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    loop = QEventLoop()
    reports = []
    controller.finished.connect(lambda report: (reports.append(report), loop.quit()))
    QTimer.singleShot(900_000, loop.quit)
    # Let the window finish opening (first pages, account names): that is the "open" figure.
    settle = QEventLoop()
    QTimer.singleShot(1500, settle.quit)
    settle.exec()
    import gc

    pauses = CollectorPauses()
    try:
        worker.start()  # waits for the worker thread to be up: not part of the import
        gc.callbacks.append(pauses)
        timer.start()
        last[0] = time.perf_counter()
        loop.exec()
        timer.stop()
    finally:
        if pauses in gc.callbacks:
            gc.callbacks.remove(pauses)
        worker.stop()
        window.close()
        database.dispose()
        sandbox.terminate()
        sandbox.wait(10)
    if not reports or reports[0].orders_new != orders:
        raise RuntimeError(f"the import did not complete: {reports}")
    return gaps, reports[0].duration_ms / 1000, pauses.summary()


def _p99(gaps: list[float]) -> float:
    ordered = sorted(gaps)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


STALL_RUNS = 5


def measure_stall_during_import(bench: BenchDatabase, orders: int = 2000,
                                runs: int = STALL_RUNS) -> list[Result]:
    """``stall_once`` ``runs`` times, each in a fresh process (a fresh collector and import
    state, as a desk starts), with one CPU-bound process of the bench running beside it.
    Prints max and p99 per run; the results are the overall max (target 50 ms) and p99
    (target 20 ms)."""
    import json
    import multiprocessing
    import subprocess

    context = multiprocessing.get_context("spawn")
    stop = context.Event()
    hog = context.Process(target=_cpu_hog, args=(stop,), daemon=True)
    hog.start()
    all_gaps: list[float] = []
    try:
        for run in range(1, runs + 1):
            out = subprocess.run([sys.executable, __file__, "--stall-child", str(orders)],
                                 capture_output=True, text=True, timeout=1800)
            if out.returncode:
                raise RuntimeError(f"stall run {run} failed: {out.stderr[-2000:]}")
            found = json.loads(out.stdout.strip().splitlines()[-1])
            gaps = found["gaps"]
            all_gaps.extend(gaps)
            collector = found["collector"]
            print(f"  stall run {run}: max {max(gaps) * 1000:.1f} ms, p99 "
                  f"{_p99(gaps) * 1000:.1f} ms ({len(gaps):,} ticks, {found['seconds']:.1f} s "
                  f"import); collections per generation {collector['counts']}, longest "
                  f"{collector['longest_ms']} ms", flush=True)
    finally:
        stop.set()
        hog.join(10)
    label = f"{orders:,}-order import, {runs} runs beside a CPU hog"
    return [Result(f"longest event-loop stall, {label}", max(all_gaps) * 1000, 50.0),
            Result(f"p99 event-loop gap, {label}", _p99(all_gaps) * 1000, 20.0)]


def measure_deadline_pages(bench: BenchDatabase, repeats: int = 5) -> list[Result]:
    """The Orders screen sorted by deadline (every status, and "new"), and the Today view:
    count and first page, as the model asks for them."""
    from haydigo_desk.services.order_queries import (
        OrderQuery,
        OrderSortKey,
        count_orders,
        list_orders,
    )

    # "Now" inside the data's span, so Today holds a realistic day's work.
    with bench.database.unit_of_work() as uow:
        middle = list_orders(uow.session, OrderQuery(descending=False),
                             offset=bench.orders // 2, limit=1)[0].placed_at
    queries = {
        "deadline sort, all orders": OrderQuery(sort=OrderSortKey.DEADLINE, descending=False),
        "deadline sort, new orders": OrderQuery(status="new", sort=OrderSortKey.DEADLINE,
                                                descending=False),
        "Today view": OrderQuery(sort=OrderSortKey.DEADLINE, descending=False,
                                 today_at=middle),
    }
    results = []
    for name, query in queries.items():
        timings = []
        for attempt in range(repeats + 1):
            started = time.perf_counter()
            with bench.database.unit_of_work() as uow:
                count_orders(uow.session, query)
                list_orders(uow.session, query, 0, 200)
            if attempt:  # the first run warms the caches: not counted
                timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        results.append(Result(f"{name}: count + first page of {bench.orders:,} orders "
                              f"(median of {repeats})", timings[len(timings) // 2], 300.0))
    return results


MEASUREMENTS: list[Callable[[BenchDatabase], Result | list[Result]]] = [
    measure_open_orders,
    measure_deadline_pages,
    measure_stall_during_import,
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="build the database in this folder and keep it")
    parser.add_argument("--stall-runs", type=int, default=STALL_RUNS)
    parser.add_argument("--only", choices=["open", "deadline", "stall"],
                        help="run one measurement only")
    parser.add_argument("--stall-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.stall_child:
        import json

        gaps, seconds, collector = stall_once(args.stall_child)
        print(json.dumps({"gaps": gaps, "seconds": seconds, "collector": collector}))
        return 0
    names = {measure_open_orders: "open", measure_deadline_pages: "deadline",
             measure_stall_during_import: "stall"}
    measurements = [
        functools.partial(m, runs=args.stall_runs) if m is measure_stall_during_import else m
        for m in MEASUREMENTS if args.only in (None, names.get(m))]
    folder = args.keep or Path(tempfile.mkdtemp(prefix="haydigo-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("HAYDIGO_HOME", str(folder / "home"))
    db_file = folder / "bench.sqlite3"
    if db_file.exists():
        db_file.unlink()
    bench = build_database(f"sqlite:///{db_file}", args.orders)
    print(f"built {bench.orders:,} orders / {bench.lines:,} lines in {bench.build_seconds:.1f} s")
    failures = 0
    try:
        for measurement in measurements:
            outcome = measurement(bench)
            for result in outcome if isinstance(outcome, list) else [outcome]:
                print(result.line(), flush=True)
                failures += result.value_ms > result.target_ms
    finally:
        bench.database.dispose()
        if args.keep is None:
            for path in folder.glob("bench.sqlite3*"):
                path.unlink()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
