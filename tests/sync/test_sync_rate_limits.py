"""Order details fetched at the rate-limit bound over real HTTP meet no 429 (bol monitors
clients with many). The detail bucket is bol's own 25 a second: the fetchers fill every
window, with requests in flight at each refill (where the old limiter lost count and got
fetchers - 1 answers 429 per window)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from support.sync_setup import sync_setup

from haydigo_desk.persistence.models import MarketplaceAccount
from haydigo_desk.sync.client_factory import AccountConnection, build_client
from haydigo_desk.sync.events import SyncReport
from haydigo_desk.sync.orders import fetch_details

ORDERS = 100  # four windows of 25


@pytest.mark.asyncio
async def test_details_that_fill_every_window_get_no_429(sqlite_url):
    setup = sync_setup(sqlite_url, open_orders=ORDERS, rate_scale=1.0)
    try:
        with setup.database.unit_of_work() as uow:
            connection = AccountConnection.of(uow.session.get(MarketplaceAccount,
                                                              setup.account_id))
        async with build_client(connection) as client:
            ids = [order.order_id async for page in client.iter_order_pages() for order in page]
            report = SyncReport(setup.account_id, "bol NL", datetime.now(UTC))
            details = await fetch_details(client, ids, setup.database, setup.account_id, report)
            stats = client.stats.of("GET /retailer/orders/{order-id}")
        assert sorted(d.order_id for d in details) == sorted(ids) and len(ids) == ORDERS
        assert report.errors == []
        assert stats.waited_seconds > 0  # the bucket was the bound, not the machine
        assert (stats.requests, stats.rate_limited) == (ORDERS, 0)
        assert setup.sandbox.state.rate_limiter.rejected == 0
    finally:
        setup.sandbox.stop()
        setup.database.dispose()
