"""Small decision functions for retrying: what to retry, how long to wait.

Kept apart from the client so each rule is testable on its own.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx

from haydigo_desk.bol.ratelimit import MAX_WAIT_S, header_seconds

# A GET, PUT, PATCH or DELETE can be repeated without harm; a POST may create a second
# shipment, so it is repeated only when it certainly never reached bol.com.
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "PATCH", "DELETE", "OPTIONS"})
# Reads change nothing at bol.com: a malformed answer to one is asked again. A write's
# malformed answer is different: bol.com may have carried it out, so it is never re-sent blindly.
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    # tries for 5xx, connection errors, timeouts and malformed answers to reads (first included)
    max_attempts: int = 4
    backoff_base: float = 0.5  # seconds before the first retry (before jitter)
    backoff_cap: float = 30.0  # no single wait is longer than this
    max_rate_limited: int = 5  # 429s waited out for one call before giving up
    # a longer Retry-After is not waited out: the call raises (with at most this as its wait)
    max_retry_after: float = MAX_WAIT_S
    default_retry_after: float = 5.0  # a 429 without a usable Retry-After


def backoff_delay(attempt: int, policy: RetryPolicy, rng: random.Random) -> float:
    """Capped exponential backoff with full jitter; ``attempt`` is 1 for the first retry."""
    ceiling = min(policy.backoff_cap, policy.backoff_base * (2 ** (attempt - 1)))
    return rng.uniform(ceiling / 2, ceiling)


def retry_after_seconds(response: httpx.Response, default: float) -> float:
    """Seconds a 429 (or 503) asks us to wait: ``Retry-After`` as seconds or as an HTTP date.

    Always finite and at least 0: an unreadable value (``nan``, ``1e999``, a broken date)
    gives ``default``; the client caps long waits itself.
    """
    value = response.headers.get("retry-after")
    if not value:
        return default
    seconds = header_seconds(value)
    if seconds is None:
        seconds = _seconds_until_http_date(value)
    if seconds is None:
        return default
    return min(max(seconds, 0.0), 1e9)


def _seconds_until_http_date(value: str) -> float | None:
    try:
        when = parsedate_to_datetime(value)
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        return (when - datetime.now(UTC)).total_seconds()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def is_retryable_status(status: int) -> bool:
    return status >= 500


def never_reached_the_server(error: httpx.TransportError) -> bool:
    """A connect failure (or no free connection) never reached bol.com: sending again is safe
    for any request. After other errors the request may have arrived, so only a call marked
    idempotent may be repeated (a PUT that bol.com carries out anew each time is not)."""
    return isinstance(error, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout)
