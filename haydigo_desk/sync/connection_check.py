""""Test connection" from Settings, on the sync worker's loop.

Credentials an account of the worker already uses are tested through that account's own
client, so one token cache and one rate limiter see this traffic too (its valid token, or a
new one, is bol's yes). Credentials not saved yet (a new account being typed in, a changed
secret or address) get a short-lived client for this one test.
"""

from __future__ import annotations

import hmac
from collections.abc import Iterable
from enum import StrEnum

from pydantic import SecretStr

from haydigo_desk.bol import BolClient, BolConfigurationError, BolEnvironment, ClientCredentials
from haydigo_desk.bol.credentials import load_client_secret


class Route(StrEnum):
    ACCOUNT_CLIENT = "account_client"  # the client the worker syncs this account with
    SHORT_LIVED = "short_lived"  # a client of its own for unsaved credentials


def _plain(secret: str | SecretStr) -> str:
    return secret.get_secret_value() if isinstance(secret, SecretStr) else secret


def _is_saved(client: BolClient, client_id: str, secret: str | SecretStr,
              environment: BolEnvironment) -> bool:
    """The client was built from exactly these credentials: same id and addresses, and the
    secret is the stored one it was loaded from."""
    if client.client_id != client_id or client.environment != environment:
        return False
    try:
        stored = load_client_secret(client_id)
    except BolConfigurationError:
        return False
    return hmac.compare_digest(_plain(stored).encode(), _plain(secret).encode())


async def verify(clients: Iterable[BolClient], client_id: str, secret: str | SecretStr,
                 environment: BolEnvironment) -> Route:
    """Ask bol.com for a token with these credentials; raises bol's error (never the secret)."""
    for client in clients:
        if _is_saved(client, client_id, secret, environment):
            await client.verify_credentials()
            return Route.ACCOUNT_CLIENT
    async with BolClient(ClientCredentials(client_id, secret), environment) as own:
        await own.verify_credentials()
    return Route.SHORT_LIVED
