"""Pacing per rate-limit bucket, fed by bol's ``x-ratelimit-*`` response headers.

bol publishes a bucket per path and method and reports it on every answer:
``x-ratelimit-limit`` (capacity), ``x-ratelimit-remaining`` and ``x-ratelimit-reset`` (whole
seconds until the bucket refills; a value above 10^9 is treated as an epoch, to be safe).

The model: a bucket is a series of fixed windows, and bol dates a window from the request that
opened it. We see bol's windows through the latency, so the limiter keeps them in its own *send
time* frame: a request belongs to the window it was sent in, also while its answer is still on
the way, and the answer with ``remaining = limit - 1`` (the window's opener) dates the window
by its own send time. Counting from that send time is exact whatever the latency, as long as
the latency stays steady; ``WINDOW_MARGIN`` plus the spread of recent round trips (never more
than one round trip, since a window dated by the answer's arrival is late enough anyway)
covers its jitter. Within a window the count is ours (every request let out) or bol's
(remaining, plus our requests sent after the one it answers), whichever is lower, so
overtaking answers and other clients cannot overrun it.

Headers are bol's word, not ours to trust blindly: unreadable or non-finite values are ignored,
and no header makes the client wait longer than ``MAX_WAIT_S`` (a wait cut short is logged).
"""

from __future__ import annotations

import asyncio
import bisect
import logging
import math
import re
import time
from collections import deque
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field

EPOCH_THRESHOLD = 1_000_000_000
REFILL_TOLERANCE = 0.002  # seconds: a timer may wake a hair before the refill
# Seconds added after a window's end (send-time frame): the latency of the request that opened
# it and of the one that opens the next differ (queues, a busy machine); the spread of recent
# round trips is added to it. Never more than the opener's round trip: a window dated by an
# answer's arrival is late enough.
WINDOW_MARGIN = 0.03
# bol's windows are at most an hour and its Retry-After a window's rest; a header asking for
# more is wrong, and following it would stall a sync (31 years for "reset: 999999999").
MAX_WAIT_S = 120.0
_RECENT_TRIPS = 32  # round trips kept per bucket, to tell a slow answer from a steady latency

# Send times kept for a window whose end is not known; bol's largest bucket is far smaller.
_MAX_SENDS_KEPT = 20_000

log = logging.getLogger(__name__)


@dataclass
class Window:
    """One of bol's windows of a bucket, in our send-time frame."""

    start: float  # send time from which our requests count in this window
    end: float | None  # send time from which the next window may begin (None: not known)
    # The most bol allows in this window, counted from ``start``: the lowest of its answers'
    # remaining plus our requests it had already counted (None: no answer yet).
    allowed: int | None = None
    dated: bool = False  # ``start`` comes from the opener's answer, not from our guess


@dataclass
class BucketState:
    limit: int | None = None
    length: float | None = None  # a window's length, from the last opener's reset
    window: Window | None = None
    sends: list[float] = field(default_factory=list)  # our send times, ascending (recent)
    trips: deque[float] = field(default_factory=lambda: deque(maxlen=_RECENT_TRIPS))
    in_flight: int = 0  # let out by acquire, not answered yet
    blocked_until: float = 0.0  # clock time before which a 429 told us not to call
    lock: asyncio.Lock = field(default_factory=asyncio.Lock, repr=False)

    def sent_since(self, moment: float) -> int:
        return len(self.sends) - bisect.bisect_left(self.sends, moment)

    def sent_between(self, first: float, last: float) -> int:
        return bisect.bisect_right(self.sends, last) - bisect.bisect_left(self.sends, first)

    def used(self) -> int:
        return 0 if self.window is None else self.sent_since(self.window.start)

    @property
    def remaining(self) -> int | None:
        """Requests the current window still takes (None: not known yet)."""
        window = self.window
        if window is None:
            return None
        caps = [cap for cap in (self.limit, window.allowed) if cap is not None]
        return None if not caps else max(min(caps) - self.used(), 0)


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
        window = state.window
        if window is None or window.end is None or window.end <= now + REFILL_TOLERANCE:
            return 0.0  # unknown, or over: a new window begins with the next request
        remaining = state.remaining
        if remaining is None:
            return 0.0
        if remaining <= 0:
            return min(window.end - now, MAX_WAIT_S)
        if state.limit and remaining < max(1.0, state.limit * self._low_water):
            return min((window.end - now) / (remaining + 1), MAX_WAIT_S)
        return 0.0

    async def acquire(self, bucket: str) -> float:
        """Wait until a request on ``bucket`` may go out; returns the seconds waited.

        Requests on one bucket queue behind each other while one of them waits, and each
        is counted in its window as it leaves, so concurrent callers never overrun it.
        """
        state = self.state(bucket)
        waited = 0.0
        async with state.lock:
            while True:
                delay = self.delay_for(bucket)
                if delay <= 0:
                    break
                log.debug("pacing %s: waiting %.2f s for the rate-limit bucket", bucket, delay)
                await self._sleep(delay)
                waited += delay
                remaining = state.remaining
                empty = remaining is not None and remaining <= 0
                window_over = state.window is not None and state.window.end is not None and (
                    state.window.end <= self._clock() + REFILL_TOLERANCE)
                if (window_over or not empty) and state.blocked_until <= self._clock():
                    break  # refilled, or a spreading pause (taken once, not again and again)
            self._send(state, self._clock())
        return waited

    def _send(self, state: BucketState, now: float) -> None:
        window = state.window
        if window is None or (window.end is not None and window.end <= now + REFILL_TOLERANCE):
            # The first request after a window's end opens the next one, at bol as here.
            end = None if state.length is None else now + state.length + self._margin(state)
            state.window = window = Window(start=now, end=end)
            # Sends older than a window before this one can no longer be counted anywhere.
            horizon = now - (state.length or 0.0)
            del state.sends[:bisect.bisect_left(state.sends, horizon)]
        state.sends.append(now)
        if len(state.sends) > _MAX_SENDS_KEPT:  # a bucket bol never dates (no reset header)
            del state.sends[:-_MAX_SENDS_KEPT // 2]
        state.in_flight += 1

    def finished(self, bucket: str) -> None:
        """A request let out by ``acquire`` got its answer (or failed)."""
        state = self.state(bucket)
        state.in_flight = max(state.in_flight - 1, 0)

    def _margin(self, state: BucketState, trip: float | None = None) -> float:
        """Jitter allowance after a window dated by a send time: bol dated it when the opener
        arrived, up to one round trip after we sent it, and the next opener may travel faster.
        The spread of recent round trips bounds that difference (a busy machine or database
        widens it); one round trip bounds it always."""
        if trip is None:
            trip = max(state.trips, default=WINDOW_MARGIN)
        spread = max(state.trips) - min(state.trips) if state.trips else 0.0
        return min(WINDOW_MARGIN + spread, trip)

    def update(
        self, bucket: str, headers: Mapping[str, str], sent_at: float | None = None
    ) -> None:
        """Take the bucket's state from a response's ``x-ratelimit-*`` headers.

        ``sent_at`` (clock time the request left) places the answer in the window it was sent
        in; without it the answer is dated by its arrival (later than bol counted it: safe).
        """
        remaining = _int_header(headers, "x-ratelimit-remaining")
        reset = _int_header(headers, "x-ratelimit-reset")
        limit = _int_header(headers, "x-ratelimit-limit")
        if remaining is None and reset is None and limit is None:
            return
        state = self.state(bucket)
        now = self._clock()
        sent = now if sent_at is None else min(sent_at, now)
        trip = now - sent
        if sent_at is not None:
            state.trips.append(trip)
        if limit is not None:
            state.limit = limit
        reset_s = None if reset is None else self._reset_seconds(float(reset), bucket)
        margin = self._margin(state, trip)
        window = state.window
        opener = state.limit is not None and remaining == state.limit - 1
        if opener and reset_s is not None and (
            window is None or not self._older_window(state, window, sent)
        ):
            # This request opened bol's window: it began (in our frame) when it was sent.
            # Requests of ours sent a hair earlier may have reached bol after it: count them.
            state.length = reset_s
            state.window = window = Window(start=sent - margin, end=sent + reset_s + margin,
                                           dated=True)
        elif window is None:
            # Answers without a send we counted (another client's bucket, a test): the window
            # is bol's as this answer describes it.
            window = state.window = Window(start=sent, end=None)
        elif sent < window.start:
            return  # an answer from an earlier window says nothing about this one
        if remaining is not None:
            # Ours that bol had counted when it answered: those sent up to this one, and those
            # sent just after it, which may have overtaken it on the way (without its send
            # time: none, which can only make the count higher). Our own count of the window
            # caps the sum, so this reads bol's remaining as low only when others used some.
            counted = 0 if sent_at is None else state.sent_between(window.start, sent + margin)
            allowed = remaining + counted
            window.allowed = allowed if window.allowed is None else min(window.allowed, allowed)
        if reset_s is not None:
            # bol rounds the reset up: the window ends no later than this answer says.
            end = sent + reset_s + margin
            window.end = end if window.end is None else min(window.end, end)

    @staticmethod
    def _older_window(state: BucketState, window: Window, sent: float) -> bool:
        """An opener sent well before the current window began opened an earlier one."""
        half = (state.length or 0.0) / 2
        return sent < window.start - half or (window.dated and sent < window.start)

    def _reset_seconds(self, reset: float, bucket: str) -> float:
        seconds = reset - self._wall_clock() if reset > EPOCH_THRESHOLD else reset
        if not math.isfinite(seconds):
            return 0.0
        return capped_wait(seconds, f"x-ratelimit-reset on {bucket}")

    def block(self, bucket: str, seconds: float) -> None:
        """A 429 said: no request on this bucket for ``seconds`` (at most ``MAX_WAIT_S``).

        The window bol counted it in is full; the first request after the wait opens the next.
        """
        seconds = capped_wait(seconds, f"Retry-After on {bucket}")
        state = self.state(bucket)
        now = self._clock()
        state.blocked_until = max(state.blocked_until, now + seconds)
        window = state.window
        if window is None:
            state.window = window = Window(start=now, end=None)
        window.allowed = 0
        window.end = state.blocked_until
