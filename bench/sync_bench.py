"""Sync benchmark: first import of 2,000 open orders and 5,000 offers from the sandbox.

Runs one or all of three settings (``--settings all``): rate scale 4 with no added latency, and
bol.com's own rates (scale 1) with 40 ms and with 150 ms latency. For each it prints, measured
in one run (the machines are shared and noisy, so ratios matter), one line per target with the
figure and its ratio to the target:
- answers 429 per 1,000 requests, of the first import and of a cycle with 120 new orders;
- API requests made against the minimum the data needs (stock pushes: offers whose bol.com
  stock differs from the desk's available; images reported separately);
- wall time against the lower bound the sandbox's (scaled) buckets allow: every request sent
  when its bucket's window and the answer it depends on allow, plus the answer's round trip,
  with the stock pushes (the last writes) after the last order;
- wall time against a naive sequential client written here (httpx: list, then each detail,
  sleep on 429), importing the same orders from a sandbox of its own at the same time;
- peak memory (RSS) of this process; the sandboxes run in their own processes;
- requests of a quiet cycle with no changes, and of the cycle with changed orders.

    python bench/sync_bench.py [--settings all] [--quick] [--cpu-hog] [--orders 2000]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import re
import resource
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy import select

from haydigo_desk.bol import BolClient, BolEnvironment, ClientCredentials
from haydigo_desk.config import sqlite_url
from haydigo_desk.persistence.database import open_database
from haydigo_desk.persistence.models import Product
from haydigo_desk.sandbox.ratelimit import find_bucket, scaled
from haydigo_desk.services.accounts import AccountSpec, save_account
from haydigo_desk.sync.cycle import CycleRunner
from haydigo_desk.sync.images import ImageFetcher

ORDERS_PAGE = 50
OFFERS_PAGE = 100
CHANGED_ORDERS = 120


@dataclass(frozen=True)
class Setting:
    name: str
    rate_scale: float
    latency_ms: float
    naive_target: float | None  # ours / naive wall


SETTINGS = {
    "scale4": Setting("rate scale 4, no added latency", 4.0, 0.0, 0.9),
    "bol40": Setting("bol.com's rates, 40 ms latency", 1.0, 40.0, None),
    "bol150": Setting("bol.com's rates, 150 ms latency", 1.0, 150.0, 0.35),
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_sandbox(args: argparse.Namespace, setting: Setting
                  ) -> tuple[subprocess.Popen, str, str, str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "haydigo_desk", "--log-level", "WARNING", "sandbox",
         "--port", str(port), "--seed", "3", "--products", str(args.offers),
         "--open-orders", str(args.orders), "--order-rate", "0", "--cancel-rate", "0",
         "--rate-scale", str(setting.rate_scale), "--latency-ms", str(setting.latency_ms),
         "--process-delay", "0.05"],
        stdout=subprocess.PIPE, text=True,
    )
    fields: dict[str, str] = {}
    for line in process.stdout:
        match = re.match(r"\s*(client id|client secret):\s+(\S+)", line)
        if match:
            fields[match.group(1)] = match.group(2)
        if len(fields) == 2:
            break
    url = f"http://127.0.0.1:{port}"
    return process, url, fields["client id"], fields["client secret"]


def sandbox_state(url: str) -> dict:
    return httpx.get(f"{url}/_sandbox/state", params={"orders": "false"}, timeout=30).json()


def sandbox_counts(url: str) -> Counter:
    return Counter(sandbox_state(url)["requestCounts"])


def round_trip(url: str, latency_ms: float) -> float:
    """One API round trip: the sandbox's added latency plus the loopback's own (median)."""
    times = []
    with httpx.Client(timeout=30) as http:
        for _ in range(5):
            started = time.perf_counter()
            http.get(f"{url}/_sandbox/state", params={"orders": "false"})
            times.append(time.perf_counter() - started)
    return latency_ms / 1000 + sorted(times)[2]


# --- the lower bound ----------------------------------------------------------------------------


class Bucket:
    """The sandbox's bucket as a schedule: fixed windows, each opened by its first request."""

    def __init__(self, method: str, path: str, scale: float) -> None:
        self.capacity, self.window = scaled(find_bucket(method, path), scale)
        self.start: float | None = None
        self.used = 0

    def send(self, ready: float) -> float:
        """When a request that may leave at ``ready`` (in ascending order) is let in."""
        if self.start is None or ready >= self.start + self.window:
            self.start, self.used = ready, 0
        elif self.used >= self.capacity:
            self.start, self.used = self.start + self.window, 0
            ready = max(ready, self.start)
        self.used += 1
        return ready


def lower_bound(orders: int, offers: int, pushes: int, scale: float, rtt: float) -> float:
    """Fastest possible first import: the token first; listing pages one after the other
    through their bucket (each page's answer gates the next and its details); offer pages the
    same; the stock pushes after the last order and offer; the last answer's round trip."""
    token = rtt
    listing = Bucket("GET", "/retailer/orders", scale)
    details = Bucket("GET", "/retailer/orders/X", scale)
    ready, detail_ready = token, []
    for page in range(order_pages(orders)):
        answered = listing.send(ready) + rtt
        on_page = min(ORDERS_PAGE, orders - page * ORDERS_PAGE)
        detail_ready += [answered] * max(on_page, 0)
        ready = answered
    orders_done = max([ready] + [details.send(t) + rtt for t in detail_ready])
    offer_bucket = Bucket("GET", "/retailer/offers", scale)
    offers_done = token
    for _ in range(math.ceil(offers / OFFERS_PAGE)):
        offers_done = offer_bucket.send(offers_done) + rtt
    done = max(orders_done, offers_done)
    writes = Bucket("PATCH", "/retailer/offers/X", scale)
    return max([done] + [writes.send(done) + rtt for _ in range(pushes)])


def order_pages(orders: int) -> int:
    # bol's empty {} page follows a full last page; a short page is the last.
    return math.ceil(orders / ORDERS_PAGE) + (1 if orders % ORDERS_PAGE == 0 else 0)


def minimum_requests(orders: int, offers: int, pushes: int) -> dict[str, int]:
    return {
        "POST /token": 1,
        "GET /retailer/offers": math.ceil(offers / OFFERS_PAGE),
        "GET /retailer/orders": order_pages(orders),
        "GET /retailer/orders/{id}": orders,
        "PATCH /retailer/offers/{id}": pushes,
    }


def pushes_needed(database) -> int:
    """Offers whose stock at bol.com (as listed) differs from the desk's available after the
    import: the data's own need, whatever the desk sent."""
    with database.unit_of_work() as uow:
        rows = uow.session.execute(select(
            Product.on_hand, Product.reserved, Product.bol_corrected_stock).where(
            Product.offer_id.is_not(None))).all()
    return sum(1 for on_hand, reserved, bol in rows
               if bol is not None and max(on_hand - reserved, 0) != max(bol, 0))


def group(counts: Counter) -> Counter:
    grouped: Counter = Counter()
    for key, value in counts.items():
        if key.startswith("GET /retailer/orders/"):
            key = "GET /retailer/orders/{id}"
        elif key.startswith("PATCH /retailer/offers/"):
            key = "PATCH /retailer/offers/{id}"
        elif key.startswith(("GET /retailer/products/", "GET /media/")):
            key = "images"
        grouped[key] += value
    return grouped


# --- the naive client ---------------------------------------------------------------------------


def naive_import(url: str, client_id: str, secret: str) -> dict:
    """The simplest client there is: one request at a time, list then each detail, and on a
    429 sleep for its Retry-After."""
    requests = rejected = 0
    accept = {"Accept": "application/vnd.retailer.v10+json"}
    started = time.perf_counter()
    with httpx.Client(timeout=60) as http:
        token = http.post(f"{url}/token", params={"grant_type": "client_credentials"},
                          auth=(client_id, secret), headers={"Accept": "application/json"}
                          ).json()["access_token"]
        headers = {**accept, "Authorization": f"Bearer {token}"}

        def get(path: str, **params) -> dict:
            nonlocal requests, rejected
            while True:
                requests += 1
                answer = http.get(f"{url}{path}", params=params, headers=headers)
                if answer.status_code != 429:
                    answer.raise_for_status()
                    return answer.json()
                rejected += 1
                time.sleep(float(answer.headers.get("Retry-After", "1")))

        ids: list[str] = []
        for page in range(1, 10_000):
            orders = get("/retailer/orders", page=page, status="OPEN").get("orders", [])
            ids += [order["orderId"] for order in orders]
            if len(orders) < ORDERS_PAGE:
                break
        for order_id in ids:
            get(f"/retailer/orders/{order_id}")
    return {"wall_s": time.perf_counter() - started, "orders": len(ids),
            "requests": requests, "rate_limited": rejected}


def start_naive(args: argparse.Namespace, setting: Setting) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, __file__, "--naive-for", setting_key(setting),
         "--orders", str(args.orders), "--offers", str(args.offers)],
        stdout=subprocess.PIPE, text=True)


def setting_key(setting: Setting) -> str:
    return next(key for key, value in SETTINGS.items() if value is setting)


def run_naive(args: argparse.Namespace) -> int:
    setting = SETTINGS[args.naive_for]
    sandbox, url, client_id, secret = start_sandbox(args, setting)
    try:
        print(json.dumps(naive_import(url, client_id, secret)))
    finally:
        sandbox.terminate()
        sandbox.wait(10)
    return 0


# --- ours ---------------------------------------------------------------------------------------


def per_thousand(rejected: int, requests: int) -> float:
    return 1000 * rejected / max(requests, 1)


async def run(args: argparse.Namespace, setting: Setting) -> dict:
    naive = start_naive(args, setting) if args.naive else None
    sandbox, url, client_id, secret = start_sandbox(args, setting)
    workdir = Path(tempfile.mkdtemp(prefix="haydigo-sync-bench-"))
    try:
        rtt = round_trip(url, setting.latency_ms)
        database = open_database(sqlite_url(workdir / "bench.sqlite3"))
        with database.unit_of_work() as uow:
            account_id = save_account(uow.session, AccountSpec(
                name="bench", client_id=client_id, store_name="Bench", environment="custom",
                base_url=url, harvest_orders=True)).id
            uow.commit()
        client = BolClient(ClientCredentials(client_id, secret), BolEnvironment.custom(url))
        runner = CycleRunner(database, client, account_id)

        before = sandbox_counts(url)
        started = time.perf_counter()
        report = await runner.run(full_sweep=True)
        wall = time.perf_counter() - started
        assert report.outcome == "ok", report.message
        state = sandbox_state(url)
        made = group(Counter(state["requestCounts"]) - before)
        import_rejected = state["rateLimited"]
        pushes = pushes_needed(database)
        needed = minimum_requests(args.orders, args.offers, pushes)
        made_total = sum(v for k, v in made.items() if k != "images")
        bound = lower_bound(args.orders, args.offers, pushes, setting.rate_scale, rtt)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

        before = sandbox_counts(url)
        quiet = await runner.run()
        quiet_requests = sum((sandbox_counts(url) - before).values())

        httpx.post(f"{url}/_sandbox/orders", json={"count": args.changed}, timeout=30)
        before = sandbox_counts(url)
        rejected_before = sandbox_state(url)["rateLimited"]
        busy = await runner.run()
        state = sandbox_state(url)
        busy_counts = group(Counter(state["requestCounts"]) - before)
        busy_rejected = state["rateLimited"] - rejected_before
        listing_requests = sum(v for k, v in busy_counts.items()
                               if k != "GET /retailer/orders/{id}")

        fetched = image_requests = 0
        if args.images:
            images = ImageFetcher(client, database, account_id, workdir / "images",
                                  per_minute=0)
            before = sandbox_counts(url)
            fetched = await images.run(limit=args.images)
            image_requests = sum((sandbox_counts(url) - before).values())
        await client.aclose()
        database.dispose()
    finally:
        sandbox.terminate()
        sandbox.wait(10)
    naive_result = None
    if naive is not None:
        out, _ = naive.communicate(timeout=3600)
        naive_result = json.loads(out.strip().splitlines()[-1])

    return {
        "setting": setting.name, "orders": args.orders, "offers": args.offers,
        "rate_scale": setting.rate_scale, "latency_ms": setting.latency_ms,
        "round_trip_s": rtt,
        "orders_imported": report.orders_new, "products_imported": report.products_new,
        "requests_made": made_total, "requests_minimum": sum(needed.values()),
        "requests_ratio": made_total / sum(needed.values()),
        "requests_by_endpoint": dict(made), "minimum_by_endpoint": needed,
        "import_429": import_rejected,
        "import_429_per_1000": per_thousand(import_rejected, made_total),
        "wall_s": wall, "lower_bound_s": bound, "wall_ratio": wall / bound,
        "naive": naive_result,
        "naive_ratio": wall / naive_result["wall_s"] if naive_result else None,
        "naive_target": setting.naive_target,
        "peak_rss_mb": peak_mb,
        "quiet_cycle_requests": quiet_requests, "quiet_outcome": quiet.outcome,
        "changed_orders": args.changed, "changed_cycle_listing_requests": listing_requests,
        "changed_cycle_target": 3 + math.ceil(args.changed / 50), "changed_new": busy.orders_new,
        "changed_cycle_requests": sum(busy_counts.values()),
        "changed_cycle_429": busy_rejected,
        "changed_cycle_429_per_1000": per_thousand(busy_rejected, sum(busy_counts.values())),
        "images_products": fetched, "images_requests": image_requests,
    }


def target_line(what: str, figure: float, target: float, unit: str = "") -> str:
    ratio = figure / target if target else (0.0 if figure == 0 else math.inf)
    return (f"  {what:<44} {figure:>8.2f}{unit:<2} target <= {target:g}{unit:<2}"
            f" ratio {ratio:.2f}")


def print_result(result: dict) -> None:
    print(f"{result['setting']}: {result['orders_imported']} orders, "
          f"{result['products_imported']} products; round trip "
          f"{result['round_trip_s'] * 1000:.0f} ms")
    print(f"429s per 1,000 requests: first import {result['import_429_per_1000']:.2f} "
          f"({result['import_429']} of {result['requests_made']}), cycle with "
          f"{result['changed_orders']} new orders {result['changed_cycle_429_per_1000']:.2f} "
          f"({result['changed_cycle_429']} of {result['changed_cycle_requests']})")
    print(target_line("429s per 1,000 requests, first import",
                      result["import_429_per_1000"], 1))
    print(target_line(f"429s per 1,000 requests, {result['changed_orders']}-new cycle",
                      result["changed_cycle_429_per_1000"], 1))
    print(target_line(f"wall {result['wall_s']:.1f} s / bound {result['lower_bound_s']:.1f} s",
                      result["wall_ratio"], 1.10, "x"))
    naive = result["naive"]
    if naive:
        what = (f"wall ours / naive {naive['wall_s']:.1f} s "
                f"({naive['rate_limited']} 429s)")
        if result["naive_target"]:
            print(target_line(what, result["naive_ratio"], result["naive_target"], "x"))
        else:
            print(f"  {what:<44} {result['naive_ratio']:>8.2f}x (no target)")
    print(target_line(f"requests {result['requests_made']} / minimum "
                      f"{result['requests_minimum']}", result["requests_ratio"], 1.05, "x"))
    for endpoint, count in sorted(result["requests_by_endpoint"].items()):
        print(f"    {endpoint:<34} {count:>6}  (minimum "
              f"{result['minimum_by_endpoint'].get(endpoint, '-')})")
    print(target_line("peak RSS (MB)", result["peak_rss_mb"], 300))
    print(target_line("quiet cycle requests", result["quiet_cycle_requests"], 3))
    print(target_line(f"{result['changed_orders']}-new cycle requests besides details",
                      result["changed_cycle_listing_requests"],
                      result["changed_cycle_target"]))
    if result["images_products"]:
        print(f"  images: {result['images_products']} products, "
              f"{result['images_requests']} requests "
              f"({result['images_requests'] / result['images_products']:.1f} per product)")


def cpu_hog() -> subprocess.Popen:
    """A CPU-bound process beside the bench, as on a shared machine."""
    return subprocess.Popen([sys.executable, "-c", "while True: pass"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settings", default="all",
                        help=f"all, or a comma list of {', '.join(SETTINGS)}")
    parser.add_argument("--quick", action="store_true",
                        help="a ~1-minute check: 200 orders, 500 offers, 40 new orders")
    parser.add_argument("--orders", type=int, default=2000)
    parser.add_argument("--offers", type=int, default=5000)
    parser.add_argument("--changed", type=int, default=CHANGED_ORDERS)
    parser.add_argument("--images", type=int, default=50)
    parser.add_argument("--no-naive", dest="naive", action="store_false",
                        help="skip the naive client")
    parser.add_argument("--cpu-hog", action="store_true",
                        help="run one CPU-bound process beside the bench")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--naive-for", choices=SETTINGS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    if args.quick:
        args.orders, args.offers, args.changed, args.images = 200, 500, 40, 0
    if args.naive_for:
        return run_naive(args)
    keys = list(SETTINGS) if args.settings == "all" else args.settings.split(",")
    hog = cpu_hog() if args.cpu_hog else None
    results = []
    try:
        for key in keys:
            result = asyncio.run(run(args, SETTINGS[key]))
            results.append(result)
            if not args.json:
                print_result(result)
                sys.stdout.flush()
    finally:
        if hog is not None:
            hog.terminate()
            hog.wait(10)
    if args.json:
        print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
