"""Pacing per rate-limit bucket, fed by bol's ``x-ratelimit-*`` response headers.

bol publishes a bucket per path and method and reports it on every answer:
``x-ratelimit-limit`` (capacity), ``x-ratelimit-remaining`` and ``x-ratelimit-reset`` (seconds
until the bucket refills; a value above 10^9 is treated as an epoch, to be safe). The limiter
keeps that state per bucket and, before a request, waits when the bucket is empty, spreads the
last few requests over the time left when it is nearly empty, and honours a 429's Retry-After.

Headers are bol's word, not ours to trust blindly: unreadable or non-finite values are ignored,
and no header makes the client wait longer than ``MAX_WAIT_S`` (a wait cut short is logged).
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field

EPOCH_THRESHOLD = 1_000_000_000
REFILL_TOLERANCE = 0.002  # seconds
WINDOW_MARGIN = 0.05  # seconds: clocks and queues differ a little between us and bol.com
# bol's windows are at most an hour and its Retry-After a window's rest; a header asking for
# more is wrong, and following it would stall a sync (31 years for "reset: 999999999").
MAX_WAIT_S = 120.0

log = logging.getLogger(__name__)


@dataclass
class BucketState:
    limit: int | None = None
    remaining: int | None = None
    reset_at: float | None = None  # clock time at which the bucket refills
    # bol rounds x-ratelimit-reset up to whole seconds: for a one-second window that says
    # "1" all along. The answer that opened a window (remaining = limit - 1) dates its end,
    # and later answers of that window keep that sharper end instead of "now + 1".
    window_end: float | None = None
    # When we last assumed a refill: answers to requests sent before it describe the old
    # window, and taking their (small) remaining would throttle the new one for nothing.
    refilled_at: float = float("-inf")
    in_flight: int = 0  # let out by acquire, not answered yet
    blocked_until: float = 0.0  # clock time before which a 429 told us not to call
    lock: asyncio.Lock = field(default_factory=asyncio.Lock, repr=False)


# bol sends whole seconds; a fraction is tolerated. Anything else (signs, exponents, "nan",
# "1_000", twenty digits) is not a number of seconds bol would send, and is ignored.
_SECONDS = re.compile(r"\s*(\d{1,15}(?:\.\d{1,9})?)\s*")


def header_seconds(value: str | None) -> float | None:
    """A header's plain decimal number (finite, at least 0), or None when it is not one."""
    if value is None:
        return None
    match = _SECONDS.fullmatch(value)
    return float(match.group(1)) if match else None


def _int_header(headers: Mapping[str, str], name: str) -> int | None:
    number = header_seconds(headers.get(name))
    return None if number is None else int(number)


def capped_wait(seconds: float, what: str) -> float:
    """``seconds`` limited to ``0..MAX_WAIT_S``; a cut is logged, since bol's header was wrong."""
    if not seconds > 0:  # also NaN
        return 0.0
    if seconds > MAX_WAIT_S:
        log.warning("bol.com asked to wait %.0f s (%s); waiting at most %.0f s",
                    min(seconds, 1e18), what, MAX_WAIT_S)
        return MAX_WAIT_S
    return seconds


class RateLimiter:
    """Waits before requests so that bol.com answers with data rather than 429s.

    ``low_water`` is the share of the bucket below which the remaining requests are spread
    evenly over the time until the refill instead of being sent in one burst.
    """

    def __init__(
        self,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        wall_clock: Callable[[], float] = time.time,
        low_water: float = 0.1,
    ) -> None:
        self._clock = clock
        self._sleep = sleep
        self._wall_clock = wall_clock
        self._low_water = low_water
        self._buckets: dict[str, BucketState] = {}

    def state(self, bucket: str) -> BucketState:
        return self._buckets.setdefault(bucket, BucketState())

    def delay_for(self, bucket: str) -> float:
        """Seconds to wait before the next request on ``bucket`` may go out."""
        state = self.state(bucket)
        now = self._clock()
        # Never more than the cap, also when clock arithmetic adds a rounding error to it.
        if state.blocked_until > now:
            return min(state.blocked_until - now, MAX_WAIT_S)
        if state.remaining is None or state.reset_at is None or state.reset_at <= now:
            return 0.0
        if state.remaining <= 0:
            return min(state.reset_at - now, MAX_WAIT_S)
        if state.limit and state.remaining < max(1.0, state.limit * self._low_water):
            return min((state.reset_at - now) / (state.remaining + 1), MAX_WAIT_S)
        return 0.0

    async def acquire(self, bucket: str) -> float:
        """Wait until a request on ``bucket`` may go out; returns the seconds waited.

        Requests on one bucket queue behind each other while one of them waits, and each
        takes one slot so that concurrent callers do not all spend the last one.
        """
        state = self.state(bucket)
        waited = 0.0
        async with state.lock:
            while True:
                now = self._clock()
                # A timer may wake a hair before the refill time: count that as refilled, or
                # the bucket would look empty (and the header could never raise it again).
                if state.reset_at is not None and state.reset_at <= now + REFILL_TOLERANCE:
                    # Refilled: count down from a full bucket until the headers say more.
                    # Requests still under way may land in the new window: count them there.
                    full = None if state.limit is None else state.limit - state.in_flight
                    state.remaining, state.reset_at = full, None
                    state.refilled_at = now
                delay = self.delay_for(bucket)
                if delay <= 0:
                    break
                log.debug("pacing %s: waiting %.2f s for the rate-limit bucket", bucket, delay)
                await self._sleep(delay)
                waited += delay
                empty = state.remaining is not None and state.remaining <= 0
                if not empty and state.blocked_until <= self._clock():
                    break  # a spreading pause is taken once, not again and again
            if state.remaining is not None:
                state.remaining -= 1
            state.in_flight += 1
        return waited

    def finished(self, bucket: str) -> None:
        """A request let out by ``acquire`` got its answer (or failed)."""
        state = self.state(bucket)
        state.in_flight = max(state.in_flight - 1, 0)

    def update(
        self, bucket: str, headers: Mapping[str, str], sent_at: float | None = None
    ) -> None:
        """Take the bucket's state from a response's ``x-ratelimit-*`` headers.

        ``sent_at`` (clock time the request left) lets an answer from before the last refill
        be ignored: requests overtake each other when several are in flight.
        """
        remaining = _int_header(headers, "x-ratelimit-remaining")
        reset = _int_header(headers, "x-ratelimit-reset")
        limit = _int_header(headers, "x-ratelimit-limit")
        if remaining is None and reset is None and limit is None:
            return
        state = self.state(bucket)
        if sent_at is not None and sent_at < state.refilled_at:
            return
        if limit is not None:
            state.limit = limit
        if remaining is not None:
            # Answers overtake each other: the lower of our own count (every request we let
            # out) and the header is the one that cannot overrun the bucket.
            counted = state.remaining if state.reset_at is not None else None
            if counted is not None and counted < 0:
                counted = None  # our count went wrong somewhere: the header knows better
            state.remaining = max(min(remaining, counted) if counted is not None else remaining,
                                  0)
        if reset is not None:
            seconds = float(reset)
            if seconds > EPOCH_THRESHOLD:
                seconds = seconds - self._wall_clock()
            seconds = capped_wait(seconds, f"x-ratelimit-reset on {bucket}")
            now = self._clock()
            reset_at = now + seconds
            opened_window = state.limit is not None and remaining == state.limit - 1
            if opened_window:
                state.window_end = reset_at + WINDOW_MARGIN
            elif state.window_end is not None and now < state.window_end:
                reset_at = min(reset_at, state.window_end)
            state.reset_at = reset_at

    def block(self, bucket: str, seconds: float) -> None:
        """A 429 said: no request on this bucket for ``seconds`` (at most ``MAX_WAIT_S``)."""
        seconds = capped_wait(seconds, f"Retry-After on {bucket}")
        state = self.state(bucket)
        state.blocked_until = max(state.blocked_until, self._clock() + seconds)
        state.remaining = 0
