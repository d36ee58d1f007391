"""Order search in the Orders screen with 300,000 orders / 900,000 lines, SQLite and PostgreSQL.

Builds the data set at schema 0006 (SQLAlchemy Core bulk inserts, fixed seed), upgrades to the
head (migration 0007 builds the search index from the rows; its time is printed), then runs
what one search costs the screen: the count and the first page (200 rows), for each kind of
term the search box takes. PostgreSQL: ``HAYDIGO_BENCH_PG_URL`` (an empty database), else a
throwaway server like the tests start (needs the Debian package postgresql).

    python bench/search_bench.py [--orders 300000] [--lines-per-order 3] [--terms 15]
                                 [--only sqlite|postgresql] [--sqlite-file PATH]

Prints p50 and max in milliseconds per kind of term and the ratio of max to the 100 ms target,
in wall time and in CPU time (this process, plus the PostgreSQL backend that served it, read
from /proc/PID/schedstat when the server runs on this machine): on a shared machine the CPU
time is what the search would take on an idle one. ``--sqlite-file`` keeps the SQLite data set
(and reuses it when it exists) for another run.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import string
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, MetaData, Table, insert, inspect, text

from haydigo_desk.domain.barcodes import gtin_check_digit
from haydigo_desk.persistence import migrate
from haydigo_desk.persistence.database import open_database
from haydigo_desk.persistence.db import create_db_engine
from haydigo_desk.persistence.models import (
    MarketplaceAccount,
    Order,
    OrderLine,
    Product,
    ProductList,
    Store,
)
from haydigo_desk.services.order_queries import OrderQuery, count_matching, list_orders

TARGET_MS = 100.0
PRODUCTS = 5000
CHUNK = 10_000
FIRST_NAMES = ["Jan", "Femke", "Sanne", "Daan", "Lotte", "Bram", "Emma", "Noah", "Julia", "Sem",
               "Tess", "Lucas", "Mila", "Finn", "Zoë", "Levi", "Anna", "Thijs", "Eva", "Ruben",
               "Sophie", "Luuk", "Nina", "Jesse", "Fleur", "Milan", "Iris", "Stijn", "Lieke",
               "Gijs"]
LAST_NAMES = ["de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen",
              "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos",
              "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra",
              "Smits", "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs",
              "de Haan", "Vermeulen", "van den Heuvel", "van der Veen", "van den Broek",
              "de Bruijn", "de Bruin", "van der Heijden", "Schouten", "van Beek", "Willems",
              "van Vliet", "van de Ven", "Hoekstra", "Maas", "Verhoeven", "Koster", "van Dam",
              "van der Wal", "Prins", "Blom", "Huisman", "Peeters", "Müller", "Dubois",
              "Lambert", "Claes", "Wouters", "Goossens", "Maes", "Martens", "Hermans"]
SKU_WORDS = ["LAMP", "KUSSEN", "PLAID", "VAAS", "SPIEGEL", "KLOK", "MAND", "KAARS", "POT", "RAAM"]


def ean13(n: int) -> str:
    body = f"871{n:09d}"
    return body + str(gtin_check_digit(body))


def sku(n: int) -> str:
    return f"HG-{SKU_WORDS[n % len(SKU_WORDS)]}-{n:05d}"


def order_id(rng: random.Random) -> str:
    """bol.com order ids: ten characters, digits and capitals."""
    return "".join(rng.choices(string.digits + string.ascii_uppercase, k=10))


def tables_at(engine: Engine, *models: type) -> list[Table]:
    """The models' tables as the database has them now: only the columns it has, with the
    models' defaults (rows written at an old revision need no column added since)."""
    present = inspect(engine)
    metadata = MetaData()
    return [Table(model.__tablename__, metadata,
                  *(column._copy() for column in model.__table__.c
                    if column.name in {c["name"] for c in present.get_columns(
                        model.__tablename__)}))
            for model in models]


def build(url: str, orders: int, lines_per_order: int, seed: int) -> list[str]:
    """The data set at schema 0006, then the upgrade; returns the order ids."""
    rng = random.Random(seed)
    engine = create_db_engine(url)
    migrate.upgrade(engine, "0006")
    lists, stores, accounts, products, order_table, line_table = tables_at(
        engine, ProductList, Store, MarketplaceAccount, Product, Order, OrderLine)
    engine.dispose()
    database = open_database(url, upgrade=False)
    account_id, product_list_id = 1, 1
    with database.engine.begin() as connection:
        connection.execute(insert(lists), [{"id": product_list_id, "name": "Bench Shop"}])
        connection.execute(insert(stores), [{"id": 1, "name": "Bench Shop",
                                             "product_list_id": product_list_id}])
        connection.execute(insert(accounts), [{
            "id": account_id, "name": "bol NL", "client_id": "bench", "store_id": 1,
            "product_list_id": product_list_id, "excluded_countries": []}])
    start = datetime(2026, 1, 1, tzinfo=UTC)
    ids: list[str] = []
    seen: set[str] = set()
    began = time.perf_counter()
    with database.engine.begin() as connection:
        connection.execute(insert(products), [
            {"id": i, "product_list_id": product_list_id, "ean": ean13(i), "sku": sku(i),
             "title": f"Product {i}", "on_hand": 1000, "reserved": 0}
            for i in range(1, PRODUCTS + 1)])
        line_id = 0
        for first in range(1, orders + 1, CHUNK):
            chunk = range(first, min(first + CHUNK, orders + 1))
            rows = []
            for i in chunk:
                while (bol_id := order_id(rng)) in seen:
                    pass
                seen.add(bol_id)
                ids.append(bol_id)
                rows.append({"id": i, "account_id": account_id, "bol_order_id": bol_id,
                             "status": rng.choice(["new", "new", "shipped", "shipped", "packed"]),
                             "placed_at": start + timedelta(seconds=i * 60),
                             "customer_name": f"{rng.choice(FIRST_NAMES)} "
                                              f"{rng.choice(LAST_NAMES)}"})
            connection.execute(insert(order_table), rows)
            lines = []
            for i in chunk:
                for item in range(lines_per_order):
                    line_id += 1
                    product = rng.randrange(1, PRODUCTS + 1)
                    lines.append({"id": line_id, "order_id": i, "bol_order_item_id": f"{i}-{item}",
                                  "product_id": product, "ean": ean13(product),
                                  "sku": sku(product), "title": f"Product {product}",
                                  "quantity": 1})
            connection.execute(insert(line_table), lines)
    print(f"  data set: {orders:,} orders / {orders * lines_per_order:,} lines in "
          f"{time.perf_counter() - began:.1f} s")
    database.dispose()
    began = time.perf_counter()
    database = open_database(url)  # upgrades to the head: migration 0007 builds the index
    print(f"  migration to {migrate.head_revision()} (index build): "
          f"{time.perf_counter() - began:.1f} s")
    if database.engine.dialect.name == "postgresql":
        # What autovacuum does after a bulk load (PostgreSQL 13+ vacuums after many inserts
        # too): statistics, and the rows' commit hints, which the first reader of every page
        # of a freshly loaded table would otherwise write while it searches.
        with database.engine.connect().execution_options(
                isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE"))
    database.dispose()
    return ids


def term_kinds(ids: list[str], rng: random.Random, count: int) -> dict[str, list[str]]:
    def pick(make: Callable[[], str]) -> list[str]:
        return [make() for _ in range(count)]

    return {
        "order id fragment (6 chars)": pick(lambda: rng.choice(ids)[2:8].lower()),
        "order id, 2 chars (prefix)": pick(lambda: rng.choice(ids)[:2]),
        "full order id": pick(lambda: rng.choice(ids)),
        "customer surname": pick(lambda: rng.choice(LAST_NAMES).split()[-1]),
        "customer full name": pick(lambda: f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"),
        "3 chars (broad)": pick(lambda: rng.choice(["jan", "van", "sen", "der"])),
        "SKU fragment": pick(lambda: sku(rng.randrange(1, PRODUCTS + 1))[3:].lower()),
        "EAN-13": pick(lambda: ean13(rng.randrange(1, PRODUCTS + 1))),
        "nothing matches": pick(lambda: "zqx" + order_id(rng)[:4]),
    }


def _backend_cpu_ns(session) -> Callable[[], int]:
    """Nanoseconds the PostgreSQL backend of this session has run (0 when not readable)."""
    if session.get_bind().dialect.name != "postgresql":
        return lambda: 0
    stat = Path(f"/proc/{session.scalar(text('SELECT pg_backend_pid()'))}/schedstat")
    return lambda: int(stat.read_text().split()[0]) if stat.exists() else 0


def measure(url: str, ids: list[str], terms: int, seed: int) -> list[float]:
    database = open_database(url)
    rng = random.Random(seed + 1)
    worst = []
    print(f"  {'kind':<28} {'p50 ms':>7} {'max ms':>7} {'max/100':>7} {'cpu p50':>8} "
          f"{'cpu max':>8} {'cpu max/100':>11} {'hits p50':>9}")
    with database.unit_of_work() as uow:  # one session, one connection: as the loader thread
        count_matching(uow.session, OrderQuery(search="warm"))  # statement caches
        backend_ns = _backend_cpu_ns(uow.session)
        for kind, samples in term_kinds(ids, rng, terms).items():
            walls, cpus, hits = [], [], []
            for term in samples:
                query = OrderQuery(search=term)
                began, cpu, server = time.perf_counter(), time.process_time(), backend_ns()
                # What the Orders screen does: the count and the first page, in one
                # transaction (on PostgreSQL a broad term's count stops at a limit).
                total = count_matching(uow.session, query).count
                list_orders(uow.session, query, limit=200)
                uow.session.rollback()  # the next search is the screen's next transaction
                walls.append((time.perf_counter() - began) * 1000)
                cpus.append((time.process_time() - cpu) * 1000 + (backend_ns() - server) / 1e6)
                hits.append(total)
            worst.append(max(cpus))
            print(f"  {kind:<28} {statistics.median(walls):7.1f} {max(walls):7.1f} "
                  f"{max(walls) / TARGET_MS:7.2f} {statistics.median(cpus):8.1f} "
                  f"{max(cpus):8.1f} {max(cpus) / TARGET_MS:11.2f} "
                  f"{statistics.median(hits):9.0f}")
    database.dispose()
    return worst


def existing_ids(url: str) -> list[str]:
    database = open_database(url)
    with database.engine.connect() as connection:
        ids = list(connection.execute(text("SELECT bol_order_id FROM orders")).scalars())
    database.dispose()
    return ids


def run(name: str, url: str, args: argparse.Namespace, *, reuse: bool = False) -> float:
    print(f"{name}:")
    if reuse:
        ids = existing_ids(url)
        print(f"  reusing the data set: {len(ids):,} orders")
    else:
        ids = build(url, args.orders, args.lines_per_order, args.seed)
    worst = max(measure(url, ids, args.terms, args.seed))
    print(f"  worst search (CPU) {worst:.1f} ms = {worst / TARGET_MS:.2f} x the "
          f"{TARGET_MS:.0f} ms target")
    return worst


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=300_000)
    parser.add_argument("--lines-per-order", type=int, default=3)
    parser.add_argument("--terms", type=int, default=15, help="terms measured per kind")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    parser.add_argument("--sqlite-file", help="keep the SQLite data set here (reused if it exists)")
    args = parser.parse_args()
    worst: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="haydigo-search-bench-") as folder:
        if args.only != "postgresql":
            path = Path(args.sqlite_file or Path(folder) / "bench.sqlite3").resolve()
            worst["SQLite"] = run("SQLite", f"sqlite:///{path}", args, reuse=path.exists())
        if args.only != "sqlite":
            url = os.environ.get("HAYDIGO_BENCH_PG_URL")
            server = None
            if not url:
                sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
                from support.postgres import start_postgres  # the tests' throwaway server

                server = start_postgres()
                url = server.create_database("haydigo_search_bench")
            try:
                worst["PostgreSQL"] = run("PostgreSQL", url, args)
            finally:
                if server is not None:
                    server.stop()
    for name, value in worst.items():
        print(f"{name}: worst search {value:.1f} ms CPU, ratio to {TARGET_MS:.0f} ms: "
              f"{value / TARGET_MS:.2f}")
    return 0 if all(value <= TARGET_MS for value in worst.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
