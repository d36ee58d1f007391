"""bol.com client secrets: keyring or environment, and never in a log line or an error."""

from __future__ import annotations

import base64
import logging

import httpx
import keyring.errors
import pytest
from support.bol_mock import (
    CLIENT_ID,
    CLIENT_SECRET,
    FakeBol,
    FakeClock,
    json_response,
    make_client,
    problem,
)

from haydigo_desk.bol import (
    KEYRING_SERVICE,
    SECRET_ENV_VAR,
    BolConfigurationError,
    BolError,
    SecretStoreUnavailableError,
    delete_client_secret,
    has_client_secret,
    load_client_secret,
    load_credentials,
    store_client_secret,
)


def test_secret_from_keyring(memory_keyring) -> None:
    store_client_secret(CLIENT_ID, CLIENT_SECRET)
    assert memory_keyring.store[(KEYRING_SERVICE, CLIENT_ID)] == CLIENT_SECRET
    assert has_client_secret(CLIENT_ID)
    credentials = load_credentials(CLIENT_ID)
    assert credentials.secret.get_secret_value() == CLIENT_SECRET
    assert CLIENT_SECRET not in repr(credentials)
    delete_client_secret(CLIENT_ID)
    delete_client_secret(CLIENT_ID)  # already gone: fine
    assert not has_client_secret(CLIENT_ID)


def test_secret_from_environment_for_headless_use(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SECRET_ENV_VAR, "from-env")
    assert load_client_secret(CLIENT_ID).get_secret_value() == "from-env"


def test_keyring_wins_over_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    store_client_secret(CLIENT_ID, CLIENT_SECRET)
    monkeypatch.setenv(SECRET_ENV_VAR, "from-env")
    assert load_client_secret(CLIENT_ID).get_secret_value() == CLIENT_SECRET


def test_missing_secret_says_where_to_put_it() -> None:
    with pytest.raises(BolConfigurationError) as caught:
        load_client_secret(CLIENT_ID)
    assert SECRET_ENV_VAR in str(caught.value)


class _NoKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str):
        raise keyring.errors.NoKeyringError("no backend")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.NoKeyringError("no backend")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.NoKeyringError("no backend")


def test_no_keyring_is_reported_and_env_still_works(monkeypatch: pytest.MonkeyPatch) -> None:
    keyring.set_keyring(_NoKeyring())  # the autouse fixture restores the previous backend
    with pytest.raises(SecretStoreUnavailableError) as caught:
        store_client_secret(CLIENT_ID, CLIENT_SECRET)
    assert CLIENT_SECRET not in str(caught.value)
    assert not has_client_secret(CLIENT_ID)
    monkeypatch.setenv(SECRET_ENV_VAR, "headless")
    assert load_client_secret(CLIENT_ID).get_secret_value() == "headless"


@pytest.mark.asyncio
async def test_debug_logs_and_errors_never_show_secret_or_token(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A whole session at DEBUG: tokens, renewals, 429, 5xx, timeouts and errors."""
    caplog.set_level(logging.DEBUG)  # root logger: ours, httpx's and everything else's
    clock = FakeClock()
    bol = FakeBol(expires_in=299)
    too_many = problem(429, "Too Many Requests", "retry in 1 second")
    too_many.headers["Retry-After"] = "1"
    bol.script(
        "GET",
        "/retailer/orders/A1",
        too_many,
        problem(500, "Internal Server Error", "boom"),
        httpx.ReadTimeout("slow"),
        json_response(200, {"orderId": "A1"}),
    )

    def echo_token(request: httpx.Request) -> httpx.Response:
        # A hostile or buggy server that repeats the credentials in its problem detail.
        return problem(400, "Bad Request", f"header was {request.headers['authorization']}")

    bol.script("GET", "/retailer/orders/ECHO", echo_token)
    bol.script("GET", "/retailer/orders/GONE", problem(404, "Not Found", "no such order"))

    errors: list[BolError] = []
    async with make_client(bol, clock) as client:
        await client.get_order("A1")
        bol.expire_all_tokens()
        await client.get_order("A1")
        for order_id in ("ECHO", "GONE"):
            try:
                await client.get_order(order_id)
            except BolError as exc:
                errors.append(exc)
        texts = [repr(client), repr(client._tokens)]
    async with make_client(bol, clock, secret="wrong-secret-value") as wrong:
        try:
            await wrong.verify_credentials()
        except BolError as exc:
            errors.append(exc)

    assert len(errors) == 3
    assert bol.issued_tokens and caplog.records
    texts += [record.getMessage() for record in caplog.records]
    texts += [caplog.text]
    texts += [str(error) for error in errors] + [repr(error) for error in errors]
    texts += [str(error.problem) for error in errors if error.problem]
    blob = "\n".join(texts)
    basic = base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
    for secret in [CLIENT_SECRET, "wrong-secret-value", basic, *bol.issued_tokens]:
        assert secret not in blob
    assert "SENSITIVE" not in blob  # no part of any token either
    assert "header was Bearer ********" in blob  # the echoed token was scrubbed, the rest kept
