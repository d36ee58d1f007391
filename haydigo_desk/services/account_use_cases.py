"""Accounts as the command line and the desk's start read and write them (the settings
dialog has its own use cases in ``account_settings``). Each opens its own unit of work around
the session-level functions of ``accounts`` and returns plain values, never ORM rows."""

from __future__ import annotations

from dataclasses import dataclass

from haydigo_desk.persistence.database import Database
from haydigo_desk.services import accounts
from haydigo_desk.services.accounts import AccountSpec


@dataclass(frozen=True)
class AccountLine:
    """One account as ``account list`` prints it."""

    name: str
    environment: str
    client_id: str


def has_account(database: Database) -> bool:
    with database.unit_of_work() as uow:
        return accounts.find_account(uow.session) is not None


def account_lines(database: Database) -> list[AccountLine]:
    """Every account, by name."""
    with database.unit_of_work() as uow:
        return [AccountLine(a.name, a.environment, a.client_id)
                for a in accounts.list_accounts(uow.session)]


def enabled_account_names(database: Database) -> dict[int, str]:
    with database.unit_of_work() as uow:
        return {a.id: a.name for a in accounts.list_accounts(uow.session) if a.enabled}


def save_account(database: Database, spec: AccountSpec) -> int:
    """Create the account, or update the one with this name, committed; its id."""
    with database.unit_of_work() as uow:
        account_id = accounts.save_account(uow.session, spec).id
        uow.commit()
        return account_id
