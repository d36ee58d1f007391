"""Shared fixtures of the sync tests: a sandbox with a database and an account, and a cycle
runner that has already imported it once (fast retries, so faults do not slow the suite)."""

from __future__ import annotations

import pytest
import pytest_asyncio
from support.sync_setup import sync_setup

from haydigo_desk.bol.retry import RetryPolicy
from haydigo_desk.persistence.models import MarketplaceAccount
from haydigo_desk.sync.client_factory import AccountConnection, build_client
from haydigo_desk.sync.cycle import CycleRunner


@pytest.fixture
def setup(database_url):
    s = sync_setup(database_url)
    yield s
    s.sandbox.stop()
    s.database.dispose()


@pytest_asyncio.fixture
async def runner(setup):
    with setup.database.unit_of_work() as uow:
        connection = AccountConnection.of(uow.session.get(MarketplaceAccount, setup.account_id))
    fast_retries = RetryPolicy(max_attempts=2, backoff_base=0.01, backoff_cap=0.05)
    runner = CycleRunner(setup.database, build_client(connection, retry=fast_retries),
                         setup.account_id)
    report = await runner.run()
    assert report.outcome == "ok", report.message
    yield runner
    await runner.client.aclose()
