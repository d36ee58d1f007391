"""Sync benchmark: first import of 2,000 open orders and 5,000 offers from the sandbox.

Prints, measured in one run (the machines are shared and noisy, so ratios matter):
- API requests made against the minimum the data needs (images reported separately);
- wall time against the lower bound the sandbox's (scaled) rate limits allow;
- peak memory (RSS) of this process; the sandbox runs in its own process;
- requests of a quiet cycle with no changes, and of a cycle with changed orders.
Targets: requests <= 1.05x, wall time <= 1.2x, quiet cycle <= 3 (+1 per 50 changed orders),
peak memory <= 300 MB.

    python bench/sync_bench.py [--orders 2000] [--offers 5000] [--rate-scale 4]
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
from pathlib import Path

import httpx

from haydigo_desk.bol import BolClient, BolEnvironment, ClientCredentials
from haydigo_desk.config import sqlite_url
from haydigo_desk.persistence.database import open_database
from haydigo_desk.sandbox.ratelimit import find_bucket, scaled
from haydigo_desk.services.accounts import AccountSpec, save_account
from haydigo_desk.sync.cycle import CycleRunner
from haydigo_desk.sync.images import ImageFetcher

ORDERS_PAGE = 50
OFFERS_PAGE = 100


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_sandbox(args: argparse.Namespace) -> tuple[subprocess.Popen, str, str, str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "haydigo_desk", "--log-level", "WARNING", "sandbox",
         "--port", str(port), "--seed", "3", "--products", str(args.offers),
         "--open-orders", str(args.orders), "--order-rate", "0", "--cancel-rate", "0",
         "--rate-scale", str(args.rate_scale), "--process-delay", "0.05"],
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


def sandbox_counts(url: str) -> Counter:
    state = httpx.get(f"{url}/_sandbox/state", params={"orders": "false"}, timeout=30).json()
    return Counter(state["requestCounts"])


def window_schedule(available_at: list[float], capacity: int, window: float) -> float:
    """Finish time of requests, each available at a time, through a fixed-window bucket."""
    used: Counter = Counter()
    finish = 0.0
    for ready in sorted(available_at):
        slot = int(ready // window)
        while used[slot] >= capacity:
            slot += 1
        used[slot] += 1
        finish = max(finish, max(ready, slot * window))
    return finish


def lower_bound(orders: int, offers: int, scale: float) -> float:
    """Fastest possible first import under the buckets: listing pages gate the details."""
    list_cap, list_window = scaled(find_bucket("GET", "/retailer/orders"), scale)
    detail_cap, detail_window = scaled(find_bucket("GET", "/retailer/orders/X"), scale)
    offer_cap, offer_window = scaled(find_bucket("GET", "/retailer/offers"), scale)
    pages = math.ceil(orders / ORDERS_PAGE) + (1 if orders % ORDERS_PAGE == 0 else 0)
    page_times = [(k // list_cap) * list_window for k in range(pages)]
    detail_ready = [page_times[i // ORDERS_PAGE] for i in range(orders)]
    details_done = window_schedule(detail_ready, detail_cap, detail_window)
    offer_pages = math.ceil(offers / OFFERS_PAGE)
    offers_done = window_schedule([0.0] * offer_pages, offer_cap, offer_window)
    return max(details_done, offers_done, page_times[-1])


def minimum_requests(orders: int, offers: int) -> dict[str, int]:
    return {
        "POST /token": 1,
        "GET /retailer/offers": math.ceil(offers / OFFERS_PAGE),
        "GET /retailer/orders": math.ceil(orders / ORDERS_PAGE)
        + (1 if orders % ORDERS_PAGE == 0 else 0),  # bol's empty {} after a full last page
        "GET /retailer/orders/{id}": orders,
    }


def group(counts: Counter) -> Counter:
    grouped: Counter = Counter()
    for key, value in counts.items():
        if key.startswith("GET /retailer/orders/"):
            key = "GET /retailer/orders/{id}"
        elif key.startswith(("GET /retailer/products/", "GET /media/")):
            key = "images"
        grouped[key] += value
    return grouped


async def run(args: argparse.Namespace) -> dict:
    sandbox, url, client_id, secret = start_sandbox(args)
    workdir = Path(tempfile.mkdtemp(prefix="haydigo-sync-bench-"))
    try:
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
        made = group(sandbox_counts(url) - before)
        needed = minimum_requests(args.orders, args.offers)
        # Stock pushes are needed only where our available differs from bol's: count them.
        needed["PATCH /retailer/offers/{id}"] = report.stock_updates_sent
        made_total = sum(v for k, v in made.items() if k != "images")
        bound = lower_bound(args.orders, args.offers, args.rate_scale)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

        before = sandbox_counts(url)
        quiet = await runner.run()
        quiet_requests = sum((sandbox_counts(url) - before).values())

        changed = 120
        httpx.post(f"{url}/_sandbox/orders", json={"count": changed}, timeout=30)
        before = sandbox_counts(url)
        busy = await runner.run()
        busy_counts = group(sandbox_counts(url) - before)
        listing_requests = sum(v for k, v in busy_counts.items()
                               if k != "GET /retailer/orders/{id}")

        images = ImageFetcher(client, database, account_id, workdir / "images", per_minute=0)
        before = sandbox_counts(url)
        fetched = await images.run(limit=args.images)
        image_requests = sum((sandbox_counts(url) - before).values())
        await client.aclose()
        database.dispose()
    finally:
        sandbox.terminate()
        sandbox.wait(10)

    return {
        "orders": args.orders, "offers": args.offers, "rate_scale": args.rate_scale,
        "orders_imported": report.orders_new, "products_imported": report.products_new,
        "requests_made": made_total, "requests_minimum": sum(needed.values()),
        "requests_ratio": made_total / sum(needed.values()),
        "requests_by_endpoint": dict(made), "minimum_by_endpoint": needed,
        "wall_s": wall, "lower_bound_s": bound, "wall_ratio": wall / bound if bound else None,
        "peak_rss_mb": peak_mb,
        "quiet_cycle_requests": quiet_requests, "quiet_outcome": quiet.outcome,
        "changed_orders": changed, "changed_cycle_listing_requests": listing_requests,
        "changed_cycle_target": 3 + math.ceil(changed / 50), "changed_new": busy.orders_new,
        "images_products": fetched, "images_requests": image_requests,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=2000)
    parser.add_argument("--offers", type=int, default=5000)
    parser.add_argument("--rate-scale", type=float, default=4.0)
    parser.add_argument("--images", type=int, default=50)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    result = asyncio.run(run(args))
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"first import: {result['orders_imported']} orders, "
          f"{result['products_imported']} products (rate scale {args.rate_scale})")
    print(f"  requests   {result['requests_made']} made / {result['requests_minimum']} minimum"
          f" = {result['requests_ratio']:.3f}x (target <= 1.05x)")
    for endpoint, count in sorted(result["requests_by_endpoint"].items()):
        print(f"    {endpoint:<34} {count:>6}  (minimum "
              f"{result['minimum_by_endpoint'].get(endpoint, '-')})")
    print(f"  wall time  {result['wall_s']:.1f} s / {result['lower_bound_s']:.1f} s lower bound"
          f" = {result['wall_ratio']:.2f}x (target <= 1.2x)")
    print(f"  peak RSS   {result['peak_rss_mb']:.0f} MB (target <= 300 MB)")
    print(f"quiet cycle: {result['quiet_cycle_requests']} requests (target <= 3)")
    print(f"cycle with {result['changed_orders']} new orders: "
          f"{result['changed_cycle_listing_requests']} requests besides their details "
          f"(target <= {result['changed_cycle_target']})")
    print(f"images: {result['images_products']} products, {result['images_requests']} requests "
          f"({result['images_requests'] / max(result['images_products'], 1):.1f} per product)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
