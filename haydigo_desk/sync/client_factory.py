"""Build the bol.com client of an account (credentials from the keyring or the environment)."""

from __future__ import annotations

from dataclasses import dataclass

from haydigo_desk.bol import BolClient, BolConfigurationError, BolEnvironment, load_credentials
from haydigo_desk.persistence.database import Database
from haydigo_desk.persistence.models import MarketplaceAccount
from haydigo_desk.services.accounts import find_account, list_accounts


@dataclass(frozen=True)
class AccountConnection:
    """The connection facts of an account, detached from the ORM session."""

    account_id: int
    name: str
    client_id: str
    environment: str
    base_url: str | None
    token_url: str | None

    @classmethod
    def of(cls, account: MarketplaceAccount) -> AccountConnection:
        return cls(account.id, account.name, account.client_id, account.environment,
                   account.base_url, account.token_url)

    def bol_environment(self) -> BolEnvironment:
        return BolEnvironment.named(self.environment, self.base_url, self.token_url)


def build_client(connection: AccountConnection, **client_options) -> BolClient:
    """The account's client; ``BolConfigurationError`` when it cannot connect as set up (no
    secret, no client id)."""
    if not connection.client_id.strip():
        raise BolConfigurationError(
            f"the account {connection.name!r} has no client id: enter it in the settings")
    return BolClient(
        load_credentials(connection.client_id), connection.bol_environment(), **client_options
    )


def accounts_to_sync(database: Database, name: str | None = None
                     ) -> list[tuple[AccountConnection, int]]:
    """(connection, interval in minutes) of the account ``name``, or of every enabled one.

    ``BolConfigurationError`` when no account has that name. Read in its own unit of work.
    """
    with database.unit_of_work() as uow:
        if name:
            account = find_account(uow.session, name)
            if account is None:
                raise BolConfigurationError(
                    f"No account named {name!r}: 'haydigo-desk account list' shows them")
            found = [account]
        else:
            found = [a for a in list_accounts(uow.session) if a.enabled]
        return [(AccountConnection.of(a), a.sync_interval_minutes) for a in found]
