"""Country filter, unmatched lines, bol-side cancellations, faults, locks and images."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import httpx
import pytest
import pytest_asyncio
from sqlalchemy import select

from haydigo_desk.bol.retry import RetryPolicy
from haydigo_desk.persistence.models import (
    MarketplaceAccount,
    Order,
    OrderLine,
    Product,
    SyncRun,
    utcnow,
)
from haydigo_desk.sync.client_factory import AccountConnection, build_client
from haydigo_desk.sync.cycle import (
    AccountSyncState,
    CycleRunner,
    change_interval_for,
    needs_full_sweep,
)
from haydigo_desk.sync.images import ImageFetcher
from haydigo_desk.sync.locks import account_sync_lock


def make_runner(setup, **client_options) -> CycleRunner:
    with setup.database.unit_of_work() as uow:
        connection = AccountConnection.of(uow.session.get(MarketplaceAccount, setup.account_id))
    return CycleRunner(setup.database, build_client(connection, **client_options),
                       setup.account_id)


@pytest_asyncio.fixture
async def runner(setup):
    runner = make_runner(setup, retry=RetryPolicy(max_attempts=6, backoff_base=0.01,
                                                  backoff_cap=0.05))
    yield runner
    await runner.client.aclose()


def test_regular_cycles_use_a_change_interval_and_sweep_hourly():
    now = utcnow()
    state = AccountSyncState()
    assert needs_full_sweep(state, now) and change_interval_for(state, 10, now) == 60
    state.last_success = state.last_full_sweep = now - timedelta(minutes=10)
    assert not needs_full_sweep(state, now)
    assert change_interval_for(state, 10, now) == 12  # covers the gap plus a margin
    state.last_full_sweep = now - timedelta(minutes=61)
    assert needs_full_sweep(state, now)
    state.last_full_sweep, state.last_success = now, now - timedelta(minutes=58)
    assert needs_full_sweep(state, now)  # a delta cannot reach back that far


@pytest.mark.asyncio
async def test_excluded_countries_are_counted_not_imported(setup, runner):
    with setup.database.unit_of_work() as uow:
        uow.session.get(MarketplaceAccount, setup.account_id).excluded_countries = ["DE"]
        uow.commit()
    first = await runner.run()
    already = first.orders_filtered  # the seeded orders include some German ones
    german = setup.sandbox.state.add_orders(3, country="DE")
    setup.sandbox.state.add_orders(1, country="NL")
    report = await runner.run(full_sweep=True)
    assert (report.orders_new, report.orders_filtered) == (1, already + 3)
    with setup.database.unit_of_work() as uow:
        assert not uow.session.scalars(select(Order).where(Order.bol_order_id.in_(german))).all()
    again = await runner.run(full_sweep=True)
    assert again.orders_new == 0 and again.orders_filtered == already + 3
    # Filtered orders are remembered: their details are not fetched again.
    counts = setup.sandbox.state.request_counts
    detail_calls = sum(v for k, v in counts.items() if k.startswith("GET /retailer/orders/"))
    assert detail_calls == 12 + 4


@pytest.mark.asyncio
async def test_an_order_line_without_a_product_is_flagged(setup, runner):
    await runner.run()
    with setup.database.unit_of_work() as uow:
        # The product list no longer knows this EAN or SKU (renamed by hand, say).
        product = uow.session.scalars(select(Product).order_by(Product.id)).first()
        ean = product.ean
        product.ean, product.sku = "", "RENAMED"
        uow.session.get(MarketplaceAccount, setup.account_id).harvest_products = False
        uow.commit()
    [order_id] = setup.sandbox.state.add_orders(1, lines=1, eans=[ean])
    report = await runner.run()
    assert report.orders_new == 1
    with setup.database.unit_of_work() as uow:
        order = uow.session.scalars(select(Order).where(Order.bol_order_id == order_id)).one()
        assert order.status == "problem" and order.lines[0].unmatched
        assert ean in order.problem


@pytest.mark.asyncio
async def test_items_bol_cancelled_itself_release_their_stock(setup, runner):
    await runner.run()
    with setup.database.unit_of_work() as uow:
        line = uow.session.scalars(select(OrderLine).order_by(OrderLine.id)).first()
        item_id, product_id, quantity = line.bol_order_item_id, line.product_id, line.quantity
        reserved = uow.session.get(Product, product_id).reserved
    state = setup.sandbox.state
    # bol.com cancels on its own (an expired item, say): reach into the sandbox state.
    with state._lock:
        item = state._items[item_id]
        item.quantity_cancelled = item.quantity
        item.changed_at = utcnow()
    report = await runner.run()
    assert report.orders_updated >= 1
    with setup.database.unit_of_work() as uow:
        line = uow.session.scalars(
            select(OrderLine).where(OrderLine.bol_order_item_id == item_id)).one()
        assert line.quantity_cancelled == quantity and line.quantity_reserved == 0
        assert uow.session.get(Product, product_id).reserved == reserved - quantity


@pytest.mark.asyncio
async def test_5xx_429_and_timeouts_during_a_cycle_still_import_everything(setup):
    runner = make_runner(setup, timeout=0.5, retry=RetryPolicy(
        max_attempts=8, backoff_base=0.01, backoff_cap=0.05))
    setup.sandbox.state.set_faults(error_rate=0.2, timeout_rate=0.05)
    report = await runner.run()
    assert report.outcome == "ok", report.message
    setup.sandbox.state.set_faults(error_rate=0.0, timeout_rate=0.0)
    assert report.orders_new == 12 and report.products_new == 40
    stats = runner.client.stats.total
    assert stats.server_errors + stats.network_errors > 0
    await runner.client.aclose()


@pytest.mark.asyncio
async def test_rate_limits_are_waited_out_and_counted(setup):
    # bol.com's own numbers: 112 details are five windows of 25, waited out, not run into.
    httpx.post(f"{setup.sandbox.url}/_sandbox/rate-scale", json={"rateScale": 1.0})
    runner = make_runner(setup)
    setup.sandbox.state.add_orders(100)
    report = await runner.run()
    assert report.outcome == "ok", report.message
    assert report.orders_new == 112
    # The limiter before issue 15 got fetchers - 1 answers 429 in every window (35 here). On
    # a machine whose cores are all busy (the suite's other worker, a PostgreSQL server) a
    # delayed window opener still costs a few (1-7 seen); the bench holds the real target.
    assert report.rate_limited == setup.sandbox.state.rate_limited_count() <= 10
    assert runner.client.stats.of("GET /retailer/orders/{order-id}").waited_seconds > 0
    await runner.client.aclose()


@pytest.mark.asyncio
async def test_a_second_workstation_skips_while_one_syncs(setup, runner):
    with account_sync_lock(setup.database, setup.account_id) as mine:
        assert mine
        report = await runner.run()
    assert report.outcome == "skipped" and "Another workstation" in report.message
    with setup.database.unit_of_work() as uow:
        run = uow.session.get(SyncRun, report.run_id)
        assert run.outcome == "skipped"
    assert (await runner.run()).outcome == "ok"


@pytest.mark.asyncio
async def test_images_are_fetched_once_and_cached_on_disk(setup, runner, tmp_path: Path):
    await runner.run()
    fetcher = ImageFetcher(runner.client, setup.database, setup.account_id, tmp_path / "img",
                           per_minute=0)
    assert await fetcher.run(limit=5) == 5
    assert await fetcher.run() == 35
    with setup.database.unit_of_work() as uow:
        paths = [p for p in uow.session.scalars(select(Product.image_path)) if p]
    assert len(paths) == 40 and all(Path(p).read_bytes()[:3] == b"\xff\xd8\xff"
                                    and p.endswith(".jpg") for p in paths)
    before = dict(setup.sandbox.state.request_counts)
    assert await fetcher.run() == 0
    assert setup.sandbox.state.request_counts == before


@pytest.mark.asyncio
async def test_orders_wait_until_the_harvest_orders_switch_is_on(setup, runner):
    with setup.database.unit_of_work() as uow:
        uow.session.get(MarketplaceAccount, setup.account_id).harvest_orders = False
        uow.commit()
    first = await runner.run()
    assert (first.products_new, first.orders_new) == (40, 0)
    with setup.database.unit_of_work() as uow:
        assert uow.session.scalars(select(Order)).all() == []
        uow.session.get(MarketplaceAccount, setup.account_id).harvest_orders = True
        uow.commit()
    assert (await runner.run(full_sweep=True)).orders_new == 12
