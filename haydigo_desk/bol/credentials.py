"""Where a bol.com client secret comes from: the OS keyring, or an environment variable.

The secret is never taken from a command-line argument (it would show in the process list and
shell history) and never stored in the database. On a desktop it lives in the keyring under
service ``haydigo-desk/bol`` and the account's client id; a headless install (a server, CI) may
set ``HAYDIGO_BOL_CLIENT_SECRET`` instead. There is no plaintext-file fallback.
"""

from __future__ import annotations

import os

import keyring
import keyring.errors
from pydantic import SecretStr

from haydigo_desk.bol.auth import ClientCredentials
from haydigo_desk.bol.errors import BolConfigurationError
from haydigo_desk.services.redaction import remember_secret

KEYRING_SERVICE = "haydigo-desk/bol"
SECRET_ENV_VAR = "HAYDIGO_BOL_CLIENT_SECRET"


class SecretStoreUnavailableError(BolConfigurationError):
    """No usable OS keyring (for example a headless machine without D-Bus)."""


def load_client_secret(client_id: str) -> SecretStr:
    """The secret for ``client_id``: the keyring first, then ``HAYDIGO_BOL_CLIENT_SECRET``."""
    secret: str | None = None
    try:
        secret = keyring.get_password(KEYRING_SERVICE, client_id)
    except keyring.errors.KeyringError:
        secret = None  # no keyring here: the environment variable may still provide it
    if not secret:
        secret = os.environ.get(SECRET_ENV_VAR) or None
    if not secret:
        raise BolConfigurationError(
            f"no bol.com client secret stored for client id {client_id!r}: enter it in the "
            f"settings (OS keyring) or set {SECRET_ENV_VAR} for headless use"
        )
    remember_secret(secret, client_id)  # masked in every form from now on
    return SecretStr(secret)


def load_credentials(client_id: str) -> ClientCredentials:
    return ClientCredentials(client_id, load_client_secret(client_id))


def store_client_secret(client_id: str, secret: str | SecretStr) -> None:
    """Put the secret in the OS keyring; raises a clear error where there is no keyring."""
    value = secret.get_secret_value() if isinstance(secret, SecretStr) else secret
    if not client_id or not value:
        raise ValueError("client id and secret must not be empty")
    remember_secret(value, client_id)
    try:
        keyring.set_password(KEYRING_SERVICE, client_id, value)
        # The null backend (and a broken one) accepts the secret and keeps nothing: only a
        # read-back proves it is stored.
        kept = keyring.get_password(KEYRING_SERVICE, client_id) == value
        reason = type(keyring.get_keyring()).__module__.rsplit(".", 1)[-1] + " keyring"
    except keyring.errors.KeyringError as exc:
        kept, reason = False, type(exc).__name__
    if not kept:
        raise SecretStoreUnavailableError(
            f"no OS keyring is available to store the bol.com client secret ({reason}); "
            f"on a headless machine set {SECRET_ENV_VAR} instead"
        ) from None


def delete_client_secret(client_id: str) -> None:
    try:
        keyring.delete_password(KEYRING_SERVICE, client_id)
    except keyring.errors.PasswordDeleteError:
        pass  # nothing stored: already the wanted state
    except keyring.errors.KeyringError as exc:
        raise SecretStoreUnavailableError(
            f"no OS keyring is available ({type(exc).__name__})"
        ) from None


def has_client_secret(client_id: str) -> bool:
    try:
        return bool(keyring.get_password(KEYRING_SERVICE, client_id))
    except keyring.errors.KeyringError:
        return False
