"""The limiter's model of bol's windows: requests belong to the window they were sent in.

The simulations run the client's limiter against the sandbox's own fixed-window limiter (the
one the bench and the demo meet) in virtual time: concurrent requests, latency before bol
counts them and jitter, as over real HTTP, in milliseconds of test time.
"""

from __future__ import annotations

import asyncio
import random
from dataclasses import dataclass, field

import pytest
from support.bol_mock import FakeClock
from support.virtual_time import VirtualClock

from haydigo_desk.bol.ratelimit import WINDOW_MARGIN, RateLimiter
from haydigo_desk.sandbox.ratelimit import RateLimiter as SandboxLimiter

BUCKET = "GET /retailer/orders/{order-id}"
DETAIL = ("GET", "/retailer/orders/1234567890")  # bol: 25 a second


def headers(limit: int, remaining: int, reset: int) -> dict[str, str]:
    return {"x-ratelimit-limit": str(limit), "x-ratelimit-remaining": str(remaining),
            "x-ratelimit-reset": str(reset)}


@dataclass
class Run:
    rejected: int = 0
    sends: list[float] = field(default_factory=list)
    elapsed: float = 0.0


async def simulate(*, requests: int, fetchers: int, up: float, down: float = 0.001,
                   jitter: float = 0.0, scale: float = 1.0, seed: int = 1) -> Run:
    """``requests`` detail calls by ``fetchers`` workers through both limiters; ``up`` is the
    latency before bol counts a request, ``down`` that of its answer (plus up to ``jitter``)."""
    clock = VirtualClock()
    client = RateLimiter(clock=clock, sleep=clock.sleep, low_water=0.0)
    server = SandboxLimiter(scale, clock=clock)
    rng = random.Random(seed)
    run, left = Run(), [requests]

    async def fetcher() -> None:
        while left[0] > 0:
            left[0] -= 1
            while True:
                await client.acquire(BUCKET)
                sent = clock()
                run.sends.append(sent)
                await clock.sleep(up + rng.uniform(0, jitter))
                decision = server.check(*DETAIL)
                await clock.sleep(down + rng.uniform(0, jitter))
                client.finished(BUCKET)
                client.update(BUCKET, decision.headers(), sent_at=sent)
                if decision.allowed:
                    break
                run.rejected += 1
                client.block(BUCKET, float(decision.reset_s))

    started = clock()
    await clock.run(asyncio.gather(*(fetcher() for _ in range(fetchers))))
    run.elapsed = clock() - started
    return run


@pytest.mark.asyncio
@pytest.mark.parametrize(("fetchers", "up", "jitter"), [
    (4, 0.002, 0.002),  # the sandbox on this machine
    (4, 0.040, 0.010),  # bol.com's own latency
    (8, 0.150, 0.020),  # a slow line
])
async def test_no_429_while_requests_are_in_flight_across_windows(fetchers, up, jitter):
    # The old limiter forgot its requests in flight at each refill: the first answer of the
    # new window (remaining = limit - 1) overwrote its count, and fetchers - 1 got a 429.
    run = await simulate(requests=500, fetchers=fetchers, up=up, jitter=jitter)
    assert run.rejected == 0
    assert len(run.sends) == 500


@pytest.mark.asyncio
async def test_windows_follow_each_other_in_the_send_time_frame():
    # 250 requests at 25 a second are ten windows. Dated by its opener's send time, each next
    # window starts as soon as bol's does; dated by the answer's arrival (the old way) it
    # came a round trip (150 ms) later, every window.
    run = await simulate(requests=250, fetchers=8, up=0.150)
    assert run.rejected == 0
    tenth_window_opened = run.sends[9 * 25]
    assert tenth_window_opened - run.sends[0] <= 9 * (1.0 + WINDOW_MARGIN) + 0.01


@pytest.mark.asyncio
async def test_a_rate_scaled_bucket_is_used_to_its_capacity_without_429s():
    run = await simulate(requests=1000, fetchers=8, up=0.001, jitter=0.001, scale=4)
    assert run.rejected == 0
    assert run.elapsed <= 9 * (1.0 + WINDOW_MARGIN) + 0.1  # 100 a second: 10 windows


def test_the_opener_dates_its_window_by_its_send_time():
    clock = FakeClock()
    limiter = RateLimiter(clock=clock, sleep=clock.sleep, low_water=0.0)
    sent = clock.now
    clock.now += 0.150  # the answer took a round trip
    limiter.update("b", headers(100, 99, 1), sent_at=sent)
    window = limiter.state("b").window
    assert window.end == pytest.approx(sent + 1.0 + WINDOW_MARGIN)
    clock.now = sent + 0.7
    limiter.update("b", headers(100, 0, 1), sent_at=clock.now - 0.15)  # bol rounds 0.3 s up
    assert limiter.delay_for("b") == pytest.approx(0.3 + WINDOW_MARGIN)


def test_without_a_round_trip_no_margin_is_added():
    clock = FakeClock()
    limiter = RateLimiter(clock=clock, sleep=clock.sleep, low_water=0.0)
    limiter.update("b", headers(100, 0, 7), sent_at=clock.now)
    assert limiter.delay_for("b") == pytest.approx(7.0)


@pytest.mark.asyncio
async def test_requests_in_flight_stay_counted_when_the_new_windows_first_answer_comes():
    clock = FakeClock()
    limiter = RateLimiter(clock=clock, sleep=clock.sleep, low_water=0.0)
    limiter.update("b", headers(10, 0, 1), sent_at=clock.now)
    for _ in range(4):  # the first waits for the refill; four are then under way
        await limiter.acquire("b")
    assert clock.sleeps == [pytest.approx(1.0)]
    first = limiter.state("b").sends[-4]
    clock.now += 0.05
    limiter.update("b", headers(10, 9, 1), sent_at=first)  # the new window's first answer
    assert limiter.state("b").remaining == 10 - 4
    for _ in range(6):
        await limiter.acquire("b")
    assert len(clock.sleeps) == 1
    await limiter.acquire("b")  # the eleventh waits for the next window
    assert len(clock.sleeps) == 2


@pytest.mark.asyncio
async def test_an_answer_from_an_earlier_window_does_not_throttle_the_new_one():
    clock = FakeClock()
    limiter = RateLimiter(clock=clock, sleep=clock.sleep, low_water=0.0)
    limiter.update("b", headers(100, 0, 1), sent_at=clock.now)
    sent_before_refill = clock.now
    await limiter.acquire("b")  # waits for the refill
    limiter.update("b", headers(100, 0, 1), sent_at=sent_before_refill)  # overtaken answer
    assert limiter.delay_for("b") == 0.0
    assert limiter.state("b").remaining == 99


@pytest.mark.asyncio
async def test_a_late_answer_saying_more_is_left_is_not_believed():
    clock = FakeClock()
    limiter = RateLimiter(clock=clock, sleep=clock.sleep, low_water=0.0)
    limiter.update("b", headers(10, 3, 1), sent_at=clock.now)
    for _ in range(3):
        await limiter.acquire("b")
    assert clock.sleeps == []
    limiter.update("b", headers(10, 5, 1), sent_at=clock.now - 0.5)  # older, says more
    assert limiter.state("b").remaining == 0
    await limiter.acquire("b")
    assert clock.sleeps == [pytest.approx(1.0)]


@pytest.mark.asyncio
async def test_a_request_that_reached_bol_after_its_window_ended_counts_in_the_next():
    clock = FakeClock()
    limiter = RateLimiter(clock=clock, sleep=clock.sleep, low_water=0.0)
    await limiter.acquire("b")
    limiter.update("b", headers(10, 9, 1), sent_at=clock.now)  # window [t, t + 1)
    clock.now += 0.999
    late = clock.now
    await limiter.acquire("b")  # ours in the old window, but slow on the way...
    clock.now += 0.002
    await limiter.acquire("b")  # the new window, by our count
    clock.now += 0.03
    limiter.update("b", headers(10, 9, 1), sent_at=late)  # ...it opened bol's next window
    assert limiter.state("b").remaining == 10 - 2


@pytest.mark.asyncio
async def test_after_a_429_nothing_goes_out_until_retry_after_and_then_a_full_window():
    clock = FakeClock()
    limiter = RateLimiter(clock=clock, sleep=clock.sleep, low_water=0.0)
    limiter.update("b", headers(10, 5, 1), sent_at=clock.now)
    limiter.block("b", 1.0)
    await limiter.acquire("b")
    assert clock.sleeps == [pytest.approx(1.0)]
    assert limiter.state("b").remaining == 10 - 1


class EarlyWakingClock(FakeClock):
    """Timers may fire a hair early, as an event loop's do."""

    async def sleep(self, seconds: float) -> None:
        await super().sleep(seconds - 1e-6)


@pytest.mark.asyncio
async def test_a_timer_waking_a_hair_early_still_finds_the_bucket_refilled():
    clock = EarlyWakingClock()
    limiter = RateLimiter(clock=clock, sleep=clock.sleep, low_water=0.0)
    limiter.update("b", headers(500, 0, 1), sent_at=clock.now)
    for _ in range(3):
        await limiter.acquire("b")
        limiter.update("b", headers(500, 498, 1), sent_at=clock.now)
    # One wait for the refill, then the full bucket: not a wait per request.
    assert len(clock.sleeps) == 1
    assert limiter.state("b").remaining == 496  # bol counted one more than ours
    limiter.finished("b")
    assert limiter.state("b").in_flight == 2
