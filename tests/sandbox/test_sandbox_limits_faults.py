"""Rate limits (bol's buckets, scaled), faults by config and at runtime, control endpoints."""

from __future__ import annotations

import time

import httpx
import pytest
from sandbox_helpers import V10, V11, Api, fast_config

from haydigo_desk.sandbox import FaultConfig, start_sandbox
from haydigo_desk.sandbox.ratelimit import RateLimiter, find_bucket, scaled


def test_published_buckets_and_scaling() -> None:
    orders = find_bucket("GET", "/retailer/orders")
    assert (orders.capacity, orders.window_s) == (25, 60)
    assert find_bucket("GET", "/retailer/orders/C00ABC").name == "order-detail"
    assert find_bucket("POST", "/shared/process-status").capacity == 2
    assert scaled(orders, 1.0) == (25, 60)
    assert scaled(orders, 10.0) == (25, 6.0)  # ten times faster refill
    assert scaled(orders, 600.0) == (250, 1.0)  # beyond 1 s windows the capacity grows
    limiter = RateLimiter(scale=1.0, clock=lambda: 100.0)
    decisions = [limiter.check("POST", "/shared/process-status") for _ in range(3)]
    assert [d.allowed for d in decisions] == [True, True, False] and limiter.rejected == 1


def test_headers_on_every_answer_and_429_with_retry_after() -> None:
    with start_sandbox(fast_config(rate_scale=1.0)) as sandbox:
        api = Api(sandbox)
        answers = [api.get("/retailer/orders") for _ in range(26)]
        assert [a.status_code for a in answers[:25]] == [200] * 25
        assert [int(a.headers["x-ratelimit-remaining"]) for a in answers[:3]] == [24, 23, 22]
        limited = answers[25]
        assert limited.status_code == 429
        assert 1 <= int(limited.headers["Retry-After"]) <= 60
        assert limited.json()["detail"].startswith("Too many requests, retry in")
        # Other buckets are unaffected, and every API answer carries the headers and an id.
        for answer in (api.get("/retailer/orders/C0NOTHERE1"), api.get("/retailer/offers", V11)):
            assert "x-ratelimit-limit" in answer.headers and "x-request-id" in answer.headers
        assert sandbox.state.rate_limited_count() == 1
        assert api.http.get("/_sandbox/state?orders=false").json()["rateLimited"] == 1
        api.close()


def test_wrong_accept_is_406_problem(api: Api) -> None:
    answer = api.get("/retailer/orders", media=V11)
    assert answer.status_code == 406 and answer.json()["title"] == "Not Acceptable"
    assert api.get("/retailer/offers", media=V10).status_code == 406
    assert answer.headers["content-type"].startswith(V10)


def test_faults_from_config_error_rate_and_latency() -> None:
    faults = FaultConfig(error_rate=1.0, latency_ms=150)
    with start_sandbox(fast_config(faults=faults)) as sandbox:
        api = Api(sandbox)
        started = time.monotonic()
        answer = api.get("/retailer/orders")
        assert time.monotonic() - started >= 0.15
        assert answer.status_code in (500, 502, 503) and answer.json()["status"] >= 500
        api.close()


def test_faults_at_runtime_timeout_malformed_and_token(api: Api) -> None:
    control = api.http
    assert control.post("/_sandbox/faults", json={"timeoutRate": 1.0}).status_code == 200
    with pytest.raises(httpx.ReadTimeout):
        api.http.get("/retailer/orders", headers=api.headers(), timeout=0.3)
    control.post("/_sandbox/faults", json={"reset": True, "malformedRate": 1.0})
    answer = api.get("/retailer/orders")
    assert answer.status_code == 200
    with pytest.raises(ValueError):
        answer.json()
    control.post("/_sandbox/faults", json={"reset": True, "expireTokensNow": True})
    expired = api.get("/retailer/orders")
    assert expired.status_code == 401 and expired.json()["title"] == "Expired JWT"
    control.post("/_sandbox/faults", json={"tokenExpirySeconds": 0})
    api.token = api.new_token()
    time.sleep(1.1)  # past the clock-skew allowance, far before expires_in
    assert api.get("/retailer/orders").status_code == 401
    assert control.get("/_sandbox/faults").json()["tokenExpirySeconds"] == 0
    assert control.post("/_sandbox/faults", json={"errorRate": 2}).status_code == 400


def test_control_endpoints_add_orders_and_cancel_requests(api: Api) -> None:
    control = api.http
    answer = control.post("/_sandbox/orders", json={"count": 2, "country": "DE", "lines": 2})
    assert answer.status_code == 201
    order_ids = answer.json()["orderIds"]
    summary = control.get(f"/_sandbox/orders/{order_ids[0]}").json()
    assert summary["countryCode"] == "DE" and len(summary["items"]) == 2
    item_id = summary["items"][0]["orderItemId"]
    assert control.post("/_sandbox/cancel-request", json={"orderItemId": item_id}).json() == {
        "orderItemId": item_id
    }
    detail = api.get(f"/retailer/orders/{order_ids[0]}").json()
    assert detail["orderItems"][0]["cancellationRequest"] is True
    assert control.post("/_sandbox/cancel-request", json={"orderItemId": "0"}).status_code == 409
    state = control.get("/_sandbox/state").json()
    assert state["orderCount"] == 122 and len(state["orders"]) == 122
    assert state["requestCounts"]["GET /retailer/orders/{order_id}"] == 1
    assert state["requestCounts"]["POST /token"] == 1
    bad = control.post("/_sandbox/orders", json={"count": 1, "country": "FR"})
    assert bad.status_code == 400
    assert control.post("/_sandbox/rate-scale", json={"rateScale": 5}).json() == {"rateScale": 5.0}
