"""OAuth2 client credentials for bol.com: one cached token per account, renewed before expiry.

The secret travels only in the ``Authorization: Basic`` header of the token request, never in
a URL. bol issues no refresh token: renewing means asking again, which the provider does shortly
before ``expires_in`` (read from each answer: it has been 299 and 599 seconds) runs out, and
when the API answers 401 "Expired JWT". Concurrent callers share one token request.
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import math
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import httpx
from pydantic import SecretStr

from haydigo_desk.bol import media
from haydigo_desk.bol.errors import (
    BolAuthenticationError,
    BolMalformedResponseError,
    BolUnexpectedResponseError,
)
from haydigo_desk.services import redaction

log = logging.getLogger(__name__)

TOKEN_ENDPOINT = "POST /token"
REJECTED_CREDENTIALS = "bol.com rejected the client id or secret"
# A bearer token travels in an HTTP header: visible ASCII only (RFC 6750's b64token and more).
_TOKEN_CHARACTERS = re.compile(r"[\x21-\x7e]+")
MAX_TOKEN_LIFETIME_S = 24 * 3600.0  # bol's are 5 or 10 minutes; more is a wrong answer


class ClientCredentials:
    """A client id and its secret; the secret never shows in ``repr``/``str``."""

    __slots__ = ("_secret", "client_id")

    def __init__(self, client_id: str, client_secret: str | SecretStr) -> None:
        if not client_id:
            raise ValueError("client id is empty")
        secret = client_secret if isinstance(client_secret, SecretStr) else SecretStr(client_secret)
        if not secret.get_secret_value():
            raise ValueError("client secret is empty")
        self.client_id = client_id
        self._secret = secret

    @property
    def secret(self) -> SecretStr:
        return self._secret

    def basic_header(self) -> str:
        pair = f"{self.client_id}:{self._secret.get_secret_value()}".encode()
        return "Basic " + base64.b64encode(pair).decode("ascii")

    def __repr__(self) -> str:
        return f"ClientCredentials(client_id={self.client_id!r}, client_secret='**********')"


class Redactor:
    """The client's handle on the one masking owner, ``services.redaction`` (every form of
    the secret, the Basic credential and issued tokens)."""

    def add_credentials(self, credentials: ClientCredentials) -> None:
        redaction.remember_secret(credentials.secret.get_secret_value(), credentials.client_id)

    def add(self, token: str) -> None:
        redaction.remember_token(token)

    def scrub(self, text: str) -> str:
        return redaction.scrub(text)


@dataclass
class _Token:
    value: str = field(repr=False)
    expires_at: float  # clock time after which it must not be used any more


class TokenProvider:
    """Hands out a valid bearer token, asking login.bol.com only when needed.

    ``send`` posts the token request; the client passes its own retrying sender so that 5xx
    and network errors at the token endpoint are retried and counted like any other call.
    """

    def __init__(
        self,
        credentials: ClientCredentials,
        token_url: str,
        send: Callable[[httpx.Request], Awaitable[httpx.Response]],
        *,
        clock: Callable[[], float] = time.monotonic,
        redactor: Redactor | None = None,
        renew_margin: float = 30.0,
    ) -> None:
        self._credentials = credentials
        self._token_url = token_url
        self._send = send
        self._clock = clock
        self._redactor = redactor or Redactor()
        self._redactor.add_credentials(credentials)
        self._renew_margin = renew_margin
        self._token: _Token | None = None
        self._lock = asyncio.Lock()
        self.token_requests = 0

    def __repr__(self) -> str:
        return f"TokenProvider(client_id={self._credentials.client_id!r}, url={self._token_url!r})"

    def _valid(self) -> _Token | None:
        token = self._token
        return token if token is not None and self._clock() < token.expires_at else None

    async def token(self) -> str:
        """A token that stays valid for at least the renew margin."""
        if (token := self._valid()) is not None:
            return token.value
        async with self._lock:  # the first caller fetches; the others then find it cached
            if (token := self._valid()) is not None:
                return token.value
            self._token = await self._fetch()
            return self._token.value

    def invalidate(self, token: str) -> None:
        """Forget ``token`` after bol rejected it (unless a newer one already replaced it)."""
        if self._token is not None and self._token.value == token:
            self._token = None

    async def _fetch(self) -> _Token:
        request = httpx.Request(
            "POST",
            self._token_url,
            headers={
                "Authorization": self._credentials.basic_header(),
                "Accept": media.TOKEN_ACCEPT,
                "Content-Type": media.FORM,
            },
            content=b"grant_type=client_credentials",
        )
        self.token_requests += 1
        response = await self._send(request)
        request_id = response.headers.get("x-request-id")
        body = _json_or_none(response)
        if response.status_code in (400, 401, 403):
            error = str((body or {}).get("error", "")) if isinstance(body, dict) else ""
            detail = REJECTED_CREDENTIALS
            if error and error != "invalid_client":
                detail = f"{REJECTED_CREDENTIALS} ({self._redactor.scrub(error)})"
            raise BolAuthenticationError(
                detail, status=response.status_code, endpoint=TOKEN_ENDPOINT, request_id=request_id
            )
        if response.status_code != 200 or not isinstance(body, dict):
            raise BolUnexpectedResponseError(
                f"unexpected answer from the bol.com token endpoint (HTTP {response.status_code})",
                status=response.status_code,
                endpoint=TOKEN_ENDPOINT,
                request_id=request_id,
            )
        value = body.get("access_token")
        if not isinstance(value, str) or not _TOKEN_CHARACTERS.fullmatch(value):
            raise BolMalformedResponseError(
                "the bol.com token answer has no usable access_token",
                status=response.status_code,
                endpoint=TOKEN_ENDPOINT,
                request_id=request_id,
            )
        self._redactor.add(value)
        lifetime = _expires_in(body.get("expires_in"))
        margin = min(self._renew_margin, lifetime * 0.1)
        log.debug("bol.com token received, valid for %ss", lifetime)
        return _Token(value=value, expires_at=self._clock() + lifetime - margin)


def _expires_in(value: object) -> float:
    """bol has sent 299 and 599; anything unreadable is taken as the older, shorter one, and
    anything longer than a day as a day."""
    try:
        seconds = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return 299.0
    if math.isnan(seconds) or seconds <= 0:
        return 299.0
    return min(seconds, MAX_TOKEN_LIFETIME_S)


def _json_or_none(response: httpx.Response) -> object | None:
    try:
        return json.loads(response.content)
    except (ValueError, RecursionError):  # RecursionError: absurdly deep nesting
        return None
