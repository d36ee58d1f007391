"""Shared set-up for sync tests: a sandbox, a database and an account pointing at it."""

from __future__ import annotations

from dataclasses import dataclass

from haydigo_desk.bol import store_client_secret
from haydigo_desk.persistence.database import Database, open_database
from haydigo_desk.sandbox import RunningSandbox, SandboxConfig, start_sandbox
from haydigo_desk.services.accounts import AccountSpec, save_account


def fast_sandbox(**overrides) -> RunningSandbox:
    settings = {"seed": 7, "products": 40, "open_orders": 12, "order_rate_per_hour": 0.0,
                "cancel_rate": 0.0, "rate_scale": 200.0, "process_delay_s": 0.05}
    settings.update(overrides)
    return start_sandbox(SandboxConfig(**settings))


@dataclass
class SyncSetup:
    sandbox: RunningSandbox
    database: Database
    account_id: int


def connect_account(database: Database, sandbox: RunningSandbox, **spec) -> int:
    store_client_secret(sandbox.client_id, sandbox.client_secret)
    values = {"name": "bol NL", "client_id": sandbox.client_id, "store_name": "Demo Shop",
              "environment": "custom", "base_url": sandbox.url, "token_url": sandbox.token_url,
              "harvest_orders": True}
    values.update(spec)
    with database.unit_of_work() as uow:
        account = save_account(uow.session, AccountSpec(**values))
        uow.commit()
        return account.id


def sync_setup(database_url: str, **sandbox_overrides) -> SyncSetup:
    sandbox = fast_sandbox(**sandbox_overrides)
    database = open_database(database_url)
    return SyncSetup(sandbox, database, connect_account(database, sandbox))
