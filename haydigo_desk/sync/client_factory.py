"""Build the bol.com client of an account (credentials from the keyring or the environment)."""

from __future__ import annotations

from dataclasses import dataclass

from haydigo_desk.bol import BolClient, BolConfigurationError, BolEnvironment, load_credentials
from haydigo_desk.persistence.models import MarketplaceAccount


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
