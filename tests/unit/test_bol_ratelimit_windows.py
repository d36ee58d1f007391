"""The limiter's sharper view of fixed windows: whole-second resets and overtaking answers."""

from __future__ import annotations

import pytest
from support.bol_mock import FakeClock

from haydigo_desk.bol.ratelimit import WINDOW_MARGIN, RateLimiter


def headers(limit: int, remaining: int, reset: int) -> dict[str, str]:
    return {"x-ratelimit-limit": str(limit), "x-ratelimit-remaining": str(remaining),
            "x-ratelimit-reset": str(reset)}


def test_the_answer_that_opened_a_window_dates_its_end():
    clock = FakeClock()
    limiter = RateLimiter(clock=clock, sleep=clock.sleep, low_water=0.0)
    limiter.update("b", headers(100, 99, 1))  # opened the window: it ends 1 s from now
    clock.now += 0.7
    limiter.update("b", headers(100, 0, 1))  # bol rounds 0.3 s up to "1"
    assert limiter.delay_for("b") == pytest.approx(0.3 + WINDOW_MARGIN)


@pytest.mark.asyncio
async def test_an_answer_from_before_the_refill_does_not_throttle_the_new_window():
    clock = FakeClock()
    limiter = RateLimiter(clock=clock, sleep=clock.sleep, low_water=0.0)
    limiter.update("b", headers(100, 0, 1))
    sent_before_refill = clock.now
    await limiter.acquire("b")  # waits for the refill
    assert clock.sleeps == [pytest.approx(1.0)]
    limiter.update("b", headers(100, 0, 1), sent_at=sent_before_refill)  # overtaken answer
    assert limiter.delay_for("b") == 0.0
    limiter.update("b", headers(100, 98, 1), sent_at=clock.now)
    assert limiter.state("b").remaining == 98


@pytest.mark.asyncio
async def test_concurrent_requests_never_overrun_the_count():
    clock = FakeClock()
    limiter = RateLimiter(clock=clock, sleep=clock.sleep, low_water=0.0)
    limiter.update("b", headers(10, 3, 1))
    for _ in range(3):
        await limiter.acquire("b")
    assert clock.sleeps == []
    limiter.update("b", headers(10, 5, 1))  # a late answer says more is left: not believed
    assert limiter.state("b").remaining == 0
    await limiter.acquire("b")
    assert clock.sleeps == [pytest.approx(1.0)]


class EarlyWakingClock(FakeClock):
    """Timers may fire a hair early, as an event loop's do."""

    async def sleep(self, seconds: float) -> None:
        await super().sleep(seconds - 1e-6)


@pytest.mark.asyncio
async def test_a_timer_waking_a_hair_early_still_finds_the_bucket_refilled():
    clock = EarlyWakingClock()
    limiter = RateLimiter(clock=clock, sleep=clock.sleep, low_water=0.0)
    limiter.update("b", headers(500, 0, 1))
    for _ in range(3):
        await limiter.acquire("b")
        limiter.update("b", headers(500, 498, 1), sent_at=clock.now)
    # One wait for the refill, then the full bucket: not a wait per request.
    assert len(clock.sleeps) == 1
    assert limiter.state("b").remaining == 496


@pytest.mark.asyncio
async def test_requests_still_under_way_count_in_the_new_window():
    clock = FakeClock()
    limiter = RateLimiter(clock=clock, sleep=clock.sleep, low_water=0.0)
    limiter.update("b", headers(10, 1, 1))
    await limiter.acquire("b")
    await limiter.acquire("b")  # waits for the refill while the first is still under way
    assert limiter.state("b").remaining == 10 - 1 - 1
    limiter.finished("b")
    limiter.finished("b")
    assert limiter.state("b").in_flight == 0
