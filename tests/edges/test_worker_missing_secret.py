"""The desk's sync worker with one account lacking its secret: that account is reported (one
warning, ``startup_error`` for the dialog), the others still get their schedule."""

from __future__ import annotations

import asyncio
import logging

from haydigo_desk.bol import BolConfigurationError, store_client_secret
from haydigo_desk.persistence.database import open_database
from haydigo_desk.services.accounts import AccountSpec, save_account
from haydigo_desk.sync.worker import SyncWorker


def test_an_account_without_a_secret_does_not_stop_the_others(sqlite_url, caplog):
    database = open_database(sqlite_url)
    with database.unit_of_work() as uow:
        ids = [save_account(uow.session, AccountSpec(name, client, "Shop", environment="demo")).id
               for name, client in (("with secret", "client-ok"), ("without", "client-bare"))]
        uow.commit()
    store_client_secret("client-ok", "a-real-secret-123")
    worker = SyncWorker(database)
    # What the worker thread does first, without the thread: no cycle starts, no network.
    with caplog.at_level(logging.WARNING, "haydigo_desk.sync.worker"):
        worker._load_accounts()
    try:
        assert isinstance(worker.startup_error, BolConfigurationError)
        assert "client-bare" in str(worker.startup_error)
        assert list(worker.next_runs()) == [ids[0]]
        warnings = [r for r in caplog.records if r.name == "haydigo_desk.sync.worker"]
        assert len(warnings) == 1 and "without" in warnings[0].getMessage()
        assert warnings[0].exc_info is None  # one line, no traceback
    finally:
        for scheduler in worker._schedulers.values():
            asyncio.run(scheduler.runner.client.aclose())
        database.dispose()
