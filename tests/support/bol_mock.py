"""A scriptable stand-in for bol.com behind ``httpx.MockTransport``, and a fake clock.

Tests script answers per endpoint (``bol.script("GET", "/retailer/orders", ...)``); the token
endpoint and the bearer check behave like bol's: Basic auth in, a JWT-like token out, 401
"Expired JWT" for a token that is not (or no longer) valid.
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
from collections import defaultdict, deque
from collections.abc import Callable
from typing import Any

import httpx

from haydigo_desk.bol import BolClient, BolEnvironment, ClientCredentials, RetryPolicy

CLIENT_ID = "client-id-1234"
CLIENT_SECRET = "S3cr3t-value-that-must-never-leak"
V10 = "application/vnd.retailer.v10+json"
V11 = "application/vnd.retailer.v11+json"

Answer = httpx.Response | Exception | Callable[[httpx.Request], httpx.Response]


class FakeClock:
    """Monotonic clock whose ``sleep`` only moves time forward (and records the wait)."""

    def __init__(self) -> None:
        self.now = 1_000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
        await asyncio.sleep(0)


def json_response(status: int, body: Any, headers: dict[str, str] | None = None, *, media=V10):
    return httpx.Response(
        status,
        content=json.dumps(body).encode(),
        headers={"content-type": media, **(headers or {})},
    )


def problem(status: int, title: str, detail: str, **extra: Any) -> httpx.Response:
    return json_response(status, {"title": title, "status": status, "detail": detail, **extra})


class FakeBol:
    def __init__(self, *, expires_in: int = 599, base: str = "https://api.bol.com") -> None:
        self.base = base
        self.expires_in = expires_in
        self.requests: list[httpx.Request] = []
        self.token_requests = 0
        self.valid_tokens: set[str] = set()
        self.issued_tokens: list[str] = []
        self._scripts: dict[tuple[str, str], deque[Answer]] = defaultdict(deque)
        self._ids = itertools.count(1)

    # scripting ---------------------------------------------------------------------------------
    def script(self, method: str, path: str, *answers: Answer) -> None:
        """Answers for ``method path`` in order; the last one repeats."""
        self._scripts[(method, path)].extend(answers)

    def expire_all_tokens(self) -> None:
        self.valid_tokens.clear()

    def api_requests(self, method: str | None = None, path: str | None = None):
        return [
            r
            for r in self.requests
            if r.url.path != "/token"
            and (method is None or r.method == method)
            and (path is None or r.url.path == path)
        ]

    # transport ---------------------------------------------------------------------------------
    @property
    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self._handle)

    def _handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.url.path == "/token":
            return self._token(request)
        auth = request.headers.get("authorization", "")
        if request.url.host == "api.bol.com" or request.url.host == "127.0.0.1":
            token = auth.removeprefix("Bearer ")
            if token not in self.valid_tokens:
                return problem(
                    401,
                    "Expired JWT",
                    "JWT expired at 2026-08-01T10:00:00Z. Current time: 2026-08-01T10:00:05Z. "
                    "Allowed clock skew: 1000 milliseconds.",
                )
        queue = self._scripts.get((request.method, request.url.path))
        if not queue:
            return problem(404, "Not Found", f"no script for {request.method} {request.url.path}")
        answer = queue.popleft() if len(queue) > 1 else queue[0]
        if isinstance(answer, Exception):
            raise answer
        if callable(answer):
            return answer(request)
        return answer

    def _token(self, request: httpx.Request) -> httpx.Response:
        self.token_requests += 1
        expected = "Basic " + base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
        if request.headers.get("authorization") != expected:
            return httpx.Response(
                401, json={"error": "invalid_client", "error_description": "Bad client credentials"}
            )
        token = f"eyJhbGciOiJSUzI1NiJ9.tok{next(self._ids)}.sig-SENSITIVE"
        self.valid_tokens.add(token)
        self.issued_tokens.append(token)
        return httpx.Response(
            200,
            json={
                "access_token": token,
                "token_type": "Bearer",
                "expires_in": self.expires_in,
                "scope": "retailer",
            },
        )


def make_client(
    bol: FakeBol,
    clock: FakeClock,
    *,
    secret: str = CLIENT_SECRET,
    environment: BolEnvironment | None = None,
    retry: RetryPolicy | None = None,
    **kwargs: Any,
) -> BolClient:
    import random

    return BolClient(
        ClientCredentials(CLIENT_ID, secret),
        environment or BolEnvironment.production(),
        transport=bol.transport,
        clock=clock,
        sleep=clock.sleep,
        rng=random.Random(7),
        retry=retry,
        **kwargs,
    )
