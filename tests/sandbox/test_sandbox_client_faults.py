"""The fault kinds of the sandbox over real HTTP, and what the desk's client makes of them:
cut-off JSON, false Content-Encoding, slow-drip bodies, answers lost after a write, 429 storms."""

from __future__ import annotations

import asyncio
import gc
import time
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
import pytest_asyncio
from sandbox_helpers import Api, fast_config

from haydigo_desk.bol import (
    BolClient,
    BolEnvironment,
    BolMalformedResponseError,
    BolNetworkError,
    BolRateLimitedError,
    BolServerError,
    ClientCredentials,
    RetryPolicy,
)
from haydigo_desk.sandbox import RunningSandbox, start_sandbox

QUICK = RetryPolicy(max_attempts=4, backoff_base=0.02, backoff_cap=0.1)


@pytest.fixture
def sandbox() -> Iterator[RunningSandbox]:
    with start_sandbox(fast_config(open_orders=60, rate_scale=100_000.0)) as running:
        yield running


def client_for(sandbox: RunningSandbox, **kwargs) -> BolClient:
    kwargs.setdefault("retry", QUICK)
    return BolClient(
        ClientCredentials(sandbox.client_id, sandbox.client_secret),
        BolEnvironment.custom(sandbox.url),
        **kwargs,
    )


@pytest_asyncio.fixture
async def bol(sandbox: RunningSandbox) -> AsyncIterator[BolClient]:
    async with client_for(sandbox) as client:
        yield client


def test_fault_control_endpoint_sets_validates_and_resets(api: Api) -> None:
    control = api.http
    settings = {"slowDripRate": 0.5, "slowDripMs": 40, "falseEncodingRate": 0.25,
                "lostAnswerRate": 1, "rateLimitedRate": 0.1, "rateLimitedRetryAfter": 2}
    answer = control.post("/_sandbox/faults", json=settings)
    assert answer.status_code == 200
    assert control.get("/_sandbox/faults").json().items() >= settings.items()
    for bad in ({"slowDripRate": 1.5}, {"slowDripMs": -1}, {"rateLimitedRetryAfter": 0.5},
                {"lostAnswerRate": "often"}, {"dripRate": 1}):
        assert control.post("/_sandbox/faults", json=bad).status_code == 400, bad
    reset = control.post("/_sandbox/faults", json={"reset": True}).json()
    assert reset["slowDripRate"] == reset["lostAnswerRate"] == reset["rateLimitedRate"] == 0
    assert reset["slowDripMs"] == 250 and reset["rateLimitedRetryAfter"] == 1


@pytest.mark.asyncio
async def test_cut_off_json_on_one_get_in_five_still_lists_every_order(
    sandbox: RunningSandbox, bol: BolClient
) -> None:
    expected = sorted(o.order_id for o in await bol.list_orders())
    sandbox.state.set_faults(malformed_rate=0.2)
    for _ in range(3):  # three "cycles": each completes
        assert sorted(o.order_id for o in await bol.list_orders()) == expected
        details = await asyncio.gather(*(bol.get_order(i) for i in expected[:20]))
        assert [d.order_id for d in details] == expected[:20]
    stats = bol.stats.total
    assert stats.malformed > 0 and stats.errors == 0


@pytest.mark.asyncio
async def test_persistent_cut_off_names_the_order(sandbox: RunningSandbox, bol: BolClient) -> None:
    order_id = sandbox.state.open_order_ids()[0]
    sandbox.state.set_faults(malformed_rate=1.0)
    with pytest.raises(BolMalformedResponseError) as caught:
        await bol.get_order(order_id)
    assert caught.value.record_id == order_id and not caught.value.may_have_been_processed
    assert bol.stats.of("GET /retailer/orders/{order-id}").requests == QUICK.max_attempts


@pytest.mark.asyncio
async def test_false_content_encoding_is_a_typed_error_then_recovers(
    sandbox: RunningSandbox, bol: BolClient
) -> None:
    order_id = sandbox.state.open_order_ids()[0]
    sandbox.state.set_faults(false_encoding_rate=1.0)
    with pytest.raises(BolMalformedResponseError, match="Content-Encoding"):
        await bol.get_order(order_id)
    sandbox.state.set_faults(false_encoding_rate=0.3)
    assert (await bol.get_order(order_id)).order_id == order_id


def test_slow_drip_defeats_a_per_read_timeout(sandbox: RunningSandbox, api: Api) -> None:
    order_id = sandbox.state.open_order_ids()[0]
    sandbox.state.set_faults(slow_drip_rate=1.0, slow_drip_ms=10)
    started = time.monotonic()
    answer = api.http.get(f"/retailer/orders/{order_id}", headers=api.headers(), timeout=0.1)
    elapsed = time.monotonic() - started
    # Every piece came within 0.1 s, so httpx never timed out, though the whole took longer.
    assert answer.status_code == 200 and answer.json()["orderId"] == order_id
    assert elapsed > 0.3 and elapsed > len(answer.content) / 16 * 0.01


@pytest.mark.asyncio
async def test_slow_drip_ends_at_the_client_deadline(sandbox: RunningSandbox) -> None:
    order_id = sandbox.state.open_order_ids()[0]
    sandbox.state.set_faults(slow_drip_rate=1.0, slow_drip_ms=100)
    async with client_for(sandbox, deadline=0.4, retry=RetryPolicy(max_attempts=2,
                                                                   backoff_base=0.02)) as bol:
        started = time.monotonic()
        with pytest.raises(BolNetworkError, match=r"within 0\.4 s"):
            await bol.get_order(order_id)
        with pytest.raises(BolNetworkError) as write:
            await bol.create_shipment([sandbox.state.order_summary(order_id)["items"][0]
                                       ["orderItemId"]], transporter_code="TNT")
        elapsed = time.monotonic() - started
    assert elapsed < 3.0  # 2 + 1 attempts of 0.4 s, not the 10 s the drip would take
    assert write.value.may_have_been_processed
    assert sandbox.state.request_counts["POST /retailer/shipments"] == 1


@pytest.mark.asyncio
async def test_a_lost_answer_after_a_write_is_not_re_sent(
    sandbox: RunningSandbox, bol: BolClient
) -> None:
    order_id = sandbox.state.open_order_ids()[0]
    item_id = sandbox.state.order_summary(order_id)["items"][0]["orderItemId"]
    sandbox.state.set_faults(lost_answer_rate=1.0)
    with pytest.raises(BolServerError) as caught:
        await bol.create_shipment([item_id], transporter_code="TNT", track_and_trace="3S1")
    assert caught.value.status == 502 and caught.value.may_have_been_processed
    assert sandbox.state.request_counts["POST /retailer/shipments"] == 1
    await asyncio.sleep(0.2)  # past process_delay_s: bol.com carried the write out
    shipped = [s for s in sandbox.state.shipments() if s["orderId"] == order_id]
    assert len(shipped) == 1 and shipped[0]["items"][0]["orderItemId"] == item_id


@pytest.mark.asyncio
async def test_a_429_storm_delays_but_loses_nothing(sandbox: RunningSandbox) -> None:
    loop = asyncio.get_running_loop()
    loop_errors: list[dict] = []
    loop.set_exception_handler(lambda _loop, context: loop_errors.append(context))
    order_ids = sandbox.state.open_order_ids()[:6]
    sandbox.state.set_faults(rate_limited_rate=0.5, rate_limited_retry_after_s=1)
    storm = RetryPolicy(max_attempts=4, backoff_base=0.02, max_rate_limited=12)
    async with client_for(sandbox, retry=storm) as bol:
        started = time.monotonic()
        orders = await asyncio.gather(*(bol.get_order(i) for i in order_ids))
        elapsed = time.monotonic() - started
        stats = bol.stats.of("GET /retailer/orders/{order-id}")
        assert [o.order_id for o in orders] == order_ids  # every one, in spite of the storm
        assert stats.rate_limited >= 2 and stats.errors == 0
        assert elapsed >= 1.0  # it waited Retry-After, it did not hammer
        assert sandbox.state.rate_limited_count() == stats.rate_limited

        # A storm that does not end: bounded attempts, then the typed error, for every caller.
        sandbox.state.set_faults(rate_limited_rate=1.0)
        bol._retry = RetryPolicy(max_rate_limited=2)
        results = await asyncio.gather(*(bol.get_order(i) for i in order_ids[:5]),
                                       return_exceptions=True)
    assert all(isinstance(r, BolRateLimitedError) and r.retry_after == 1 for r in results)
    gc.collect()
    await asyncio.sleep(0)
    assert not loop_errors  # no "Task exception was never retrieved", nothing else


def test_storm_429s_carry_retry_after_and_count(sandbox: RunningSandbox, api: Api) -> None:
    sandbox.state.set_faults(rate_limited_rate=1.0, rate_limited_retry_after_s=3)
    answer = api.get("/retailer/orders")
    assert answer.status_code == 429 and answer.headers["Retry-After"] == "3"
    assert answer.json()["detail"] == "Too many requests, retry in 3 seconds."
    assert sandbox.state.rate_limited_count() == 1
    with httpx.Client(base_url=sandbox.url) as control:  # control paths are never faulted
        assert control.get("/_sandbox/faults").status_code == 200
