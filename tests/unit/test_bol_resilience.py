"""bol.com client: rate-limit pacing, 429, 5xx, timeouts, malformed answers, typed errors."""

from __future__ import annotations

import httpx
import pytest
from support.bol_mock import FakeBol, FakeClock, json_response, make_client, problem

from haydigo_desk.bol import (
    BolAccountInactiveError,
    BolForbiddenError,
    BolMalformedResponseError,
    BolNetworkError,
    BolNotFoundError,
    BolRateLimitedError,
    BolRequestError,
    BolServerError,
    BolUnexpectedResponseError,
    BolValidationError,
    RetryPolicy,
)
from haydigo_desk.bol.ratelimit import MAX_WAIT_S, RateLimiter
from haydigo_desk.bol.retry import backoff_delay, retry_after_seconds

ORDER_PATH = "/retailer/orders/A1"
ORDER = {"orderId": "A1", "orderItems": []}
ENDPOINT = "GET /retailer/orders/{order-id}"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def ok(headers: dict[str, str] | None = None) -> httpx.Response:
    return json_response(200, ORDER, headers)


@pytest.mark.asyncio
async def test_429_waits_retry_after_and_retries(clock: FakeClock) -> None:
    bol = FakeBol()
    too_many = problem(429, "Too Many Requests", "Too many requests, retry in 4 seconds.")
    too_many.headers["Retry-After"] = "4"
    bol.script("GET", ORDER_PATH, too_many, ok())
    async with make_client(bol, clock) as client:
        order = await client.get_order("A1")
    assert order.order_id == "A1"
    assert 4 in clock.sleeps
    stats = client.stats.of(ENDPOINT)
    assert (stats.requests, stats.retries, stats.rate_limited) == (2, 1, 1)
    assert client.stats.total.rate_limited == 1


@pytest.mark.asyncio
async def test_429_with_too_long_retry_after_raises_with_a_capped_wait(
    clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    bol = FakeBol()
    too_many = problem(429, "Too Many Requests", "Too many requests, retry in 3600 seconds.")
    too_many.headers["Retry-After"] = "3600"
    bol.script("GET", ORDER_PATH, too_many)
    async with make_client(bol, clock) as client:
        with pytest.raises(BolRateLimitedError) as caught:
            await client.get_order("A1")
    # Not waited out in the call, and the caller that sleeps on retry_after waits 2 minutes,
    # not the hour bol's header asked for; the cut is logged.
    assert caught.value.retry_after == MAX_WAIT_S == 120
    assert clock.sleeps == []
    assert "asked to wait 3600 s" in caplog.text


@pytest.mark.asyncio
async def test_5xx_then_success(clock: FakeClock) -> None:
    bol = FakeBol()
    bol.script("GET", ORDER_PATH, problem(502, "Bad Gateway", "upstream"), ok())
    async with make_client(bol, clock) as client:
        order = await client.get_order("A1")
    assert order.order_id == "A1"
    stats = client.stats.of(ENDPOINT)
    assert (stats.requests, stats.retries, stats.server_errors, stats.errors) == (2, 1, 1, 0)
    assert len(clock.sleeps) == 1 and 0 < clock.sleeps[0] <= 0.5


@pytest.mark.asyncio
async def test_persistent_5xx_gives_up_after_bounded_attempts(clock: FakeClock) -> None:
    bol = FakeBol()
    bol.script("GET", ORDER_PATH, problem(500, "Internal Server Error", "boom"))
    policy = RetryPolicy(max_attempts=4, backoff_base=1.0, backoff_cap=3.0)
    async with make_client(bol, clock, retry=policy) as client:
        with pytest.raises(BolServerError) as caught:
            await client.get_order("A1")
    assert len(bol.api_requests()) == 4
    assert len(clock.sleeps) == 3
    assert all(s <= 3.0 for s in clock.sleeps)  # capped
    assert caught.value.status == 500
    assert client.stats.of(ENDPOINT).errors == 1


@pytest.mark.asyncio
async def test_timeout_then_success(clock: FakeClock) -> None:
    bol = FakeBol()
    bol.script("GET", ORDER_PATH, httpx.ReadTimeout("slow"), ok())
    async with make_client(bol, clock) as client:
        order = await client.get_order("A1")
    assert order.order_id == "A1"
    assert client.stats.of(ENDPOINT).network_errors == 1


@pytest.mark.asyncio
async def test_timeouts_exhaust_into_network_error(clock: FakeClock) -> None:
    bol = FakeBol()
    bol.script("GET", ORDER_PATH, httpx.ConnectTimeout("no route"))
    async with make_client(bol, clock, retry=RetryPolicy(max_attempts=3)) as client:
        with pytest.raises(BolNetworkError) as caught:
            await client.get_order("A1")
    assert len(bol.api_requests()) == 3
    assert not caught.value.may_have_been_processed


@pytest.mark.asyncio
async def test_post_shipment_not_repeated_after_read_timeout_or_500(clock: FakeClock) -> None:
    bol = FakeBol()
    bol.script("POST", "/retailer/shipments", httpx.ReadTimeout("slow"))
    async with make_client(bol, clock) as client:
        with pytest.raises(BolNetworkError) as timeout:
            await client.create_shipment(["1"], transporter_code="TNT", track_and_trace="3S1")
        bol._scripts.clear()
        bol.script("POST", "/retailer/shipments", problem(500, "Internal Server Error", "x"))
        with pytest.raises(BolServerError) as server:
            await client.create_shipment(["1"], transporter_code="TNT", track_and_trace="3S1")
    assert len(bol.api_requests("POST")) == 2  # one each: never sent twice
    assert timeout.value.may_have_been_processed
    assert server.value.may_have_been_processed


@pytest.mark.asyncio
async def test_post_shipment_retried_when_it_never_reached_bol(clock: FakeClock) -> None:
    status = {"processStatusId": "p1", "status": "PENDING", "eventType": "CREATE_SHIPMENT"}
    bol = FakeBol()
    bol.script(
        "POST",
        "/retailer/shipments",
        httpx.ConnectError("refused"),
        problem(503, "Service Unavailable", "maintenance"),
        json_response(202, status),
    )
    async with make_client(bol, clock) as client:
        result = await client.create_shipment(["1"], transporter_code="TNT")
    assert result.process_status_id == "p1"
    assert len(bol.api_requests("POST")) == 3


@pytest.mark.asyncio
async def test_malformed_json_is_a_typed_error(clock: FakeClock) -> None:
    bol = FakeBol()
    bol.script(
        "GET",
        ORDER_PATH,
        httpx.Response(
            200, content=b'{"orderId": "A1", "orderItems": [', headers={"x-request-id": "r9"}
        ),
    )
    bol.script("GET", "/retailer/orders", json_response(200, {"orders": {"not": "a list"}}))
    bol.script("GET", "/retailer/orders/A2", json_response(200, {"orderItems": []}))
    async with make_client(bol, clock) as client:
        with pytest.raises(BolUnexpectedResponseError) as caught:
            await client.get_order("A1")
        with pytest.raises(BolUnexpectedResponseError):
            await client.list_orders()
        with pytest.raises(BolUnexpectedResponseError) as missing_id:
            await client.get_order("A2")
    assert caught.value.request_id == "r9"
    assert "orderId" in str(missing_id.value) or "order_id" in str(missing_id.value)


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("answer", "error_type"),
    [
        (
            problem(
                400,
                "Bad Request",
                "Validation error",
                violations=[{"name": "orderItems[0].orderItemId", "reason": "Must not be empty"}],
            ),
            BolValidationError,
        ),
        (
            problem(403, "Forbidden", "Account is not active, access denied."),
            BolAccountInactiveError,
        ),
        (problem(403, "Forbidden", "Not allowed"), BolForbiddenError),
        (problem(404, "Not Found", "Order A1 not found"), BolNotFoundError),
        (problem(406, "Not Acceptable", "wrong media type"), BolRequestError),
        (httpx.Response(418, content=b"<html>teapot</html>"), BolRequestError),
    ],
)
async def test_error_tree(answer, error_type, clock: FakeClock) -> None:
    bol = FakeBol()
    answer.headers["x-request-id"] = "rid-1"
    bol.script("GET", ORDER_PATH, answer)
    async with make_client(bol, clock) as client:
        with pytest.raises(error_type) as caught:
            await client.get_order("A1")
    error = caught.value
    assert error.request_id == "rid-1"
    assert error.endpoint == ENDPOINT
    assert error.status == answer.status_code
    if error_type is BolValidationError:
        assert error.violations[0].name == "orderItems[0].orderItemId"
        assert error.problem.detail == "Validation error"
    if error_type is BolAccountInactiveError:
        assert isinstance(error, BolForbiddenError)
    assert len(bol.api_requests()) == 1  # 4xx answers are not retried


@pytest.mark.asyncio
async def test_pacing_waits_for_an_empty_bucket_to_refill(clock: FakeClock) -> None:
    bol = FakeBol()
    limits = {"x-ratelimit-limit": "25", "x-ratelimit-remaining": "0", "x-ratelimit-reset": "7"}
    bol.script("GET", ORDER_PATH, ok(limits), ok())
    bol.script("GET", "/retailer/orders/B2", json_response(200, {"orderId": "B2"}))
    async with make_client(bol, clock) as client:
        await client.get_order("A1")
        assert clock.sleeps == []
        await client.get_order("B2")  # same bucket (endpoint): waits for the refill
        assert clock.sleeps == [7]
    assert client.stats.of(ENDPOINT).waited_seconds == 7
    assert client.stats.total.rate_limited == 0


@pytest.mark.asyncio
async def test_pacing_is_per_bucket(clock: FakeClock) -> None:
    bol = FakeBol()
    empty = {"x-ratelimit-limit": "25", "x-ratelimit-remaining": "0", "x-ratelimit-reset": "40"}
    bol.script("GET", ORDER_PATH, ok(empty))
    bol.script("GET", "/shared/process-status/9", json_response(200, {"status": "SUCCESS"}))
    async with make_client(bol, clock) as client:
        await client.get_order("A1")
        await client.get_process_status("9")  # another bucket: no wait
    assert clock.sleeps == []


@pytest.mark.asyncio
async def test_limiter_spreads_the_last_requests_and_reads_epoch_resets() -> None:
    clock = FakeClock()
    limiter = RateLimiter(clock=clock, sleep=clock.sleep, wall_clock=lambda: 1_800_000_000.0)
    limiter.update(
        "b", {"x-ratelimit-limit": "25", "x-ratelimit-remaining": "1", "x-ratelimit-reset": "30"}
    )
    assert limiter.delay_for("b") == pytest.approx(15.0)  # 30 s spread over the last request
    limiter.update("e", {"x-ratelimit-remaining": "0", "x-ratelimit-reset": "1800000012"})
    assert limiter.delay_for("e") == pytest.approx(12.0)
    limiter.update(
        "plenty",
        {"x-ratelimit-limit": "25", "x-ratelimit-remaining": "20", "x-ratelimit-reset": "30"},
    )
    assert limiter.delay_for("plenty") == 0
    await limiter.acquire("b")
    assert clock.sleeps == [pytest.approx(15.0)]
    clock.now += 60  # after the refill the bucket is unknown again, so no wait
    assert limiter.delay_for("b") == 0


def test_retry_helpers() -> None:
    import random

    policy = RetryPolicy(backoff_base=1.0, backoff_cap=8.0)
    rng = random.Random(1)
    delays = [backoff_delay(n, policy, rng) for n in range(1, 8)]
    assert 0.5 <= delays[0] <= 1.0
    assert 2.0 <= delays[2] <= 4.0
    assert all(d <= 8.0 for d in delays)
    answer = httpx.Response(429, headers={"Retry-After": "4"})
    assert retry_after_seconds(answer, 5.0) == 4.0
    assert retry_after_seconds(httpx.Response(429), 5.0) == 5.0
    dated = httpx.Response(429, headers={"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"})
    assert retry_after_seconds(dated, 5.0) == 0.0  # a date in the past: no wait


@pytest.mark.asyncio
async def test_concurrent_errors_carry_their_own_request_id(clock: FakeClock) -> None:
    import asyncio

    bol = FakeBol()
    for n in (1, 2):
        bol.script(
            "GET",
            f"/retailer/orders/W{n}",
            json_response(200, {"orderItems": []}, {"x-request-id": f"rid-W{n}"}),
        )
    async with make_client(bol, clock) as client:
        results = await asyncio.gather(
            client.get_order("W1"), client.get_order("W2"), return_exceptions=True
        )
    assert [type(r) for r in results] == [BolMalformedResponseError] * 2
    assert [r.request_id for r in results] == ["rid-W1", "rid-W2"]
