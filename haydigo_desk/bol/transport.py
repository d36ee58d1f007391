"""The transport under every bol.com call: auth, rate limits, retries, typed errors (httpx).

One transport per account (inside its ``BolClient``), living on the sync worker's event loop,
so that one token cache and one rate limiter see all of that account's traffic. Every call goes
through ``_send``: pacing per bucket, bearer token, versioned media type, User-Agent; then
401 → new token and one retry, 429 → wait ``Retry-After`` (capped) and retry, 5xx / network →
capped exponential backoff with jitter (repeating a POST only when it surely never reached
bol.com), and finally a typed error. Each attempt has one overall deadline (httpx's timeouts are
per read, so a body that drips in slowly would never time out). An answer that cannot be read
(malformed or cut-off JSON, a false Content-Encoding, an empty body, a redirect, a wrong shape)
is asked again for a read and never for a write; what persists is a
``BolMalformedResponseError``. Requests, retries and 429s are counted per endpoint in ``stats``.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import re
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Self, TypeVar
from urllib.parse import quote

import httpx
import pydantic

from haydigo_desk import __version__
from haydigo_desk.bol import media
from haydigo_desk.bol.auth import TOKEN_ENDPOINT, ClientCredentials, Redactor, TokenProvider
from haydigo_desk.bol.environments import BolEnvironment
from haydigo_desk.bol.errors import (
    BolAccountInactiveError,
    BolAuthenticationError,
    BolError,
    BolForbiddenError,
    BolMalformedResponseError,
    BolNetworkError,
    BolNotFoundError,
    BolRateLimitedError,
    BolRequestError,
    BolServerError,
    BolUnexpectedResponseError,
    BolValidationError,
)
from haydigo_desk.bol.models import Problem
from haydigo_desk.bol.ratelimit import RateLimiter, capped_wait
from haydigo_desk.bol.reading import (
    Parser,
    Reader,
    answer_request_id,
    decode_json,
    malformed_answer,
)
from haydigo_desk.bol.retry import (
    IDEMPOTENT_METHODS,
    READ_METHODS,
    RetryPolicy,
    backoff_delay,
    never_reached_the_server,
    retry_after_seconds,
)
from haydigo_desk.bol.stats import ApiStats, EndpointStats

log = logging.getLogger(__name__)

MAX_SHIPMENT_REFERENCE = 90
MAX_IMAGE_BYTES = 10 * 1024 * 1024
IMAGE_ENDPOINT = "GET image"
# bol's spec lists these for Accept-Language; others are sent as given and bol answers 406.
CATALOG_LANGUAGES = ("nl", "nl-BE", "fr", "fr-BE")
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
# One attempt, from sending to the last byte of the body; longer is a hung answer.
DEFAULT_DEADLINE_S = 60.0
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")
USER_AGENT = f"HaydiGO-Desk/{__version__} (bol.com Retailer API client; httpx/{httpx.__version__})"

R = TypeVar("R")


class BolTransport:
    """Sends requests for one account; the API resources (bol/api/) build on it."""

    def __init__(
        self,
        credentials: ClientCredentials,
        environment: BolEnvironment | None = None,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        deadline: float = DEFAULT_DEADLINE_S,
        retry: RetryPolicy | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        rng: random.Random | None = None,
        user_agent: str = USER_AGENT,
        max_pages: int = 1000,
        pacing_low_water: float = 0.0,
    ) -> None:
        self.environment = environment or BolEnvironment.production()
        self.client_id = credentials.client_id
        self.stats = ApiStats()
        self.last_request_id: str | None = None
        self._retry = retry or RetryPolicy()
        if not deadline > 0:
            raise ValueError("the request deadline must be a positive number of seconds")
        self._deadline = deadline
        self._clock = clock
        self._sleep = sleep
        self._rng = rng or random.Random()
        self._max_pages = max_pages
        self._redactor = Redactor()
        # Burst until the bucket is empty, then wait for its refill: the limiter counts every
        # request it lets out, so concurrent calls never overrun; spreading only costs time.
        self._limiter = RateLimiter(clock=clock, sleep=sleep, low_water=pacing_low_water)
        self._http = httpx.AsyncClient(
            transport=transport,
            timeout=timeout,
            headers={"User-Agent": user_agent},
            follow_redirects=False,
        )
        self._tokens = TokenProvider(
            credentials,
            self.environment.token_url,
            self._send_token_request,
            clock=clock,
            redactor=self._redactor,
        )

    def __repr__(self) -> str:
        return (f"{type(self).__name__}(client_id={self.client_id!r}, "
                f"environment={self.environment.name!r})")

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()

    @property
    def token_requests(self) -> int:
        return self._tokens.token_requests

    async def verify_credentials(self) -> None:
        """Ask for a token now; raises ``BolAuthenticationError`` when bol refuses the pair."""
        await self._tokens.token()

    async def _call_json(
        self, method: str, path: str, *path_values: str, parse: Parser[R], **kwargs: Any
    ) -> R:
        """``_call`` whose answer is JSON, decoded and handed to ``parse`` (inside the retries,
        so a malformed answer to a read is asked again)."""
        endpoint = f"{method} {path}"

        def read(response: httpx.Response) -> R:
            return parse(decode_json(response, endpoint), endpoint)

        return await self._call(method, path, *path_values, read=read, **kwargs)

    async def _call(
        self,
        method: str,
        path: str,
        *path_values: str,
        params: dict[str, Any] | None = None,
        json_body: Any = None,
        accept: str = media.V10_JSON,
        read_only: bool | None = None,
        headers: dict[str, str] | None = None,
        read: Reader[R] | None = None,
        record_id: str | None = None,
        idempotent: bool | None = None,
    ) -> Any:
        """One API call: ``path`` is the spec's template, filled in order by ``path_values``;
        ``headers`` adds request headers such as ``Accept-Language``. Returns ``read(answer)``,
        or the answer itself without ``read``. ``read_only`` marks a POST that only reads.
        ``record_id`` (default: the path values) names the record in errors. ``idempotent``
        False marks a PUT that bol.com carries out anew each time (never repeated blind)."""
        endpoint = f"{method} {path}"
        url = self.environment.url(fill_path(path, path_values))
        content = None if json_body is None else json.dumps(json_body).encode()
        headers = {**(headers or {}), "Accept": accept}
        if content is not None:
            headers["Content-Type"] = accept

        def build(token: str | None) -> httpx.Request:
            request_headers = dict(headers)
            if token is not None:
                request_headers["Authorization"] = f"Bearer {token}"
            return self._http.build_request(
                method, url, params=params, headers=request_headers, content=content
            )

        if read_only is None:
            read_only = method in READ_METHODS
        if record_id is None and path_values:
            record_id = "/".join(str(value) for value in path_values)
        return await self._send(
            endpoint,
            build,
            auth=True,
            read_only=read_only,
            idempotent=(read_only or method in IDEMPOTENT_METHODS) if idempotent is None
            else idempotent,
            read=read,
            record_id=record_id,
        )

    async def _send_token_request(self, request: httpx.Request) -> httpx.Response:
        # Asking for a token twice is harmless, so its 5xx and timeouts are retried too; its
        # 400/401 answers go back to the token provider, which knows what they mean.
        request.headers.setdefault("User-Agent", self._http.headers["User-Agent"])
        return await self._send(
            TOKEN_ENDPOINT, lambda _token: request, auth=False, read_only=True, check=False
        )

    async def _send(
        self,
        endpoint: str,
        build: Callable[[str | None], httpx.Request],
        *,
        auth: bool,
        read_only: bool,
        idempotent: bool | None = None,
        check: bool = True,
        read: Reader[R] | None = None,
        record_id: str | None = None,
    ) -> Any:
        """Send until an answer is good, retrying what is safe to retry; see the module doc.

        ``idempotent`` (default: ``read_only``): repeating it after a network error or a 5xx is
        harmless. ``read_only``: a malformed answer is asked again, too."""
        if idempotent is None:
            idempotent = read_only
        stats = self.stats.of(endpoint)
        policy = self._retry
        failures = 0  # 5xx, network errors and malformed answers so far
        rate_limited = 0
        token_renewed = False
        attempt = 0
        while True:
            if auth:  # fetched first: a slot is counted as sent when the limiter lets it out
                await self._tokens.token()
            waited = await self._limiter.acquire(endpoint)
            stats.waited_seconds += waited
            token = await self._tokens.token() if auth else None  # cached (renewed if it aged)
            request = build(token)
            attempt += 1
            stats.requests += 1
            if attempt > 1:
                stats.retries += 1
            started = self._clock()
            malformed: BolMalformedResponseError | None = None
            try:
                # httpx's timeouts are per read: a slow drip of bytes would never end without
                # this deadline over the whole exchange, body included.
                async with asyncio.timeout(self._deadline):
                    response = await self._http.send(request)
            except (httpx.TransportError, TimeoutError) as exc:
                stats.network_errors += 1
                failures += 1
                safe = idempotent or (
                    isinstance(exc, httpx.TransportError) and never_reached_the_server(exc)
                )
                kind = type(exc).__name__ if isinstance(exc, httpx.TransportError) else (
                    f"no complete answer within {self._deadline:g} s"
                )
                log.debug("%s failed: %s (attempt %d)", endpoint, kind, attempt)
                if safe and failures < policy.max_attempts:
                    await self._backoff(stats, failures)
                    continue
                stats.errors += 1
                raise BolNetworkError(
                    f"could not reach bol.com ({kind}) after {attempt} attempt(s)",
                    endpoint=endpoint,
                    may_have_been_processed=not safe,
                ) from None
            except httpx.DecodingError:
                # The body does not match its Content-Encoding (gzip that is not gzip...).
                malformed = BolMalformedResponseError(
                    "bol.com sent a body that does not match its Content-Encoding",
                    endpoint=endpoint,
                )
            finally:
                self._limiter.finished(endpoint)  # answered, failed or cancelled

            if malformed is None:
                request_id = response.headers.get("x-request-id")
                self.last_request_id = request_id or self.last_request_id
                answer_request_id.set(request_id)
                self._limiter.update(endpoint, response.headers, sent_at=started)
                if log.isEnabledFor(logging.DEBUG):  # building the URL text is not free
                    log.debug(
                        "%s %s -> %d in %.0f ms (request id %s)",
                        request.method,
                        request.url.copy_with(query=None),
                        response.status_code,
                        (self._clock() - started) * 1000,
                        request_id,
                    )
                status = response.status_code

                if status == 401 and auth and not token_renewed and token is not None:
                    # "Expired JWT" (or a token bol no longer accepts): one new token, one retry.
                    self._tokens.invalidate(token)
                    token_renewed = True
                    continue
                if status == 429:
                    stats.rate_limited += 1
                    rate_limited += 1
                    asked = retry_after_seconds(response, policy.default_retry_after)
                    delay = capped_wait(asked, f"Retry-After on {endpoint}")
                    if rate_limited <= policy.max_rate_limited and asked <= policy.max_retry_after:
                        log.info("%s rate limited; waiting %.1f s", endpoint, delay)
                        self._limiter.block(endpoint, delay)
                        continue
                    stats.errors += 1
                    raise self._error_for(response, endpoint, retry_after=delay)
                if status >= 500:
                    stats.server_errors += 1
                    failures += 1
                    # A 503 means the request was not taken in; other 5xx on a POST may hide a
                    # processed request, which must not be sent twice.
                    safe = idempotent or status == 503
                    if safe and failures < policy.max_attempts:
                        await self._backoff(stats, failures)
                        continue
                    stats.errors += 1
                    raise self._error_for(response, endpoint, may_have_been_processed=not safe)
                if status >= 400 and check:
                    stats.errors += 1
                    raise self._error_for(response, endpoint)
                if status < 200 or 300 <= status < 400:
                    # No redirect is followed (a bearer token must not travel elsewhere), and
                    # a redirect or 1xx carries none of the data asked for.
                    malformed = malformed_answer(f"unexpected HTTP {status} answer",
                                                 response, endpoint)
                elif read is None:
                    return response
                else:
                    try:
                        return read(response)
                    except BolMalformedResponseError as error:
                        malformed = error

            # A malformed answer: for a read like a network error, for a write final, since
            # bol.com may have carried the write out.
            stats.malformed += 1
            failures += 1
            log.info("%s: %s (attempt %d)", endpoint, malformed.message, attempt)
            if read_only and failures < policy.max_attempts:
                await self._backoff(stats, failures)
                continue
            stats.errors += 1
            malformed.endpoint = endpoint
            malformed.record_id = malformed.record_id or record_id
            malformed.may_have_been_processed = not read_only
            if read_only and attempt > 1:
                malformed.message += f" after {attempt} attempts"
            raise malformed

    async def _backoff(self, stats: EndpointStats, failures: int) -> None:
        delay = backoff_delay(failures, self._retry, self._rng)
        stats.waited_seconds += delay
        await self._sleep(delay)

    def _error_for(
        self,
        response: httpx.Response,
        endpoint: str,
        *,
        retry_after: float | None = None,
        may_have_been_processed: bool = False,
    ) -> BolError:
        """The typed error for a 4xx/5xx answer, with bol's problem details, scrubbed."""
        status = response.status_code
        problem = self._problem_of(response)
        title = (problem.title if problem else None) or response.reason_phrase or "error"
        detail = problem.detail if problem else None
        message = f"bol.com: {title}" + (f": {detail}" if detail and detail != title else "")
        kwargs: dict[str, Any] = {
            "status": status,
            "endpoint": endpoint,
            "request_id": response.headers.get("x-request-id"),
            "problem": problem,
            "may_have_been_processed": may_have_been_processed,
        }
        if status == 400:
            return BolValidationError(message, **kwargs)
        if status == 401:
            return BolAuthenticationError(message, **kwargs)
        if status == 403:
            inactive = "not active" in f"{title} {detail}".lower()
            return (BolAccountInactiveError if inactive else BolForbiddenError)(message, **kwargs)
        if status == 404:
            return BolNotFoundError(message, **kwargs)
        if status == 429:
            return BolRateLimitedError(message, retry_after=retry_after, **kwargs)
        if status >= 500:
            return BolServerError(message, **kwargs)
        if status >= 400:
            return BolRequestError(message, **kwargs)
        return BolUnexpectedResponseError(message, **kwargs)

    def _problem_of(self, response: httpx.Response) -> Problem | None:
        try:
            data = json.loads(self._redactor.scrub(response.text))
        except (ValueError, RecursionError):
            return None
        if not isinstance(data, dict):
            return None
        if "error" in data and "title" not in data:  # OAuth-style answer
            data = {"title": data.get("error"), "detail": data.get("error_description")}
        try:
            return Problem.model_validate(data)
        except pydantic.ValidationError:
            return None


def fill_path(template: str, values: Sequence[str]) -> str:
    """Replace the ``{...}`` placeholders of ``template`` in order, each value URL-quoted."""
    parts = template.split("{")
    if len(parts) - 1 != len(values):
        raise ValueError(f"{template} needs {len(parts) - 1} path value(s)")
    filled = parts[0]
    for part, value in zip(parts[1:], values, strict=True):
        text = str(value)
        if not text:
            raise ValueError(f"empty path value for {template}")
        filled += quote(text, safe="") + part.split("}", 1)[1]
    return filled

