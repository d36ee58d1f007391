"""bol.com client: OAuth2 client credentials, token cache, environments, headers."""

from __future__ import annotations

import asyncio
import base64

import httpx
import pytest
from support.bol_mock import (
    CLIENT_ID,
    CLIENT_SECRET,
    V10,
    V11,
    FakeBol,
    FakeClock,
    json_response,
    make_client,
    problem,
)

from haydigo_desk import __version__
from haydigo_desk.bol import BolAuthenticationError, BolEnvironment, ClientCredentials

ORDER = {"orderId": "A2K8290LP8", "orderItems": []}


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def bol() -> FakeBol:
    fake = FakeBol()
    fake.script("GET", "/retailer/orders/A2K8290LP8", json_response(200, ORDER))
    return fake


@pytest.mark.asyncio
async def test_many_calls_one_token_request(bol: FakeBol, clock: FakeClock) -> None:
    async with make_client(bol, clock) as client:
        for _ in range(5):
            await client.get_order("A2K8290LP8")
        await asyncio.gather(*(client.get_order("A2K8290LP8") for _ in range(20)))
    assert bol.token_requests == 1
    assert len(bol.api_requests()) == 25
    assert client.stats.of("POST /token").requests == 1


@pytest.mark.asyncio
async def test_token_request_uses_basic_auth_and_keeps_secret_out_of_url(
    bol: FakeBol, clock: FakeClock
) -> None:
    async with make_client(bol, clock) as client:
        await client.get_order("A2K8290LP8")
    token_request = bol.requests[0]
    assert str(token_request.url) == "https://login.bol.com/token"
    assert token_request.method == "POST"
    expected = base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
    assert token_request.headers["authorization"] == f"Basic {expected}"
    assert token_request.headers["accept"] == "application/json"
    assert token_request.headers["content-type"] == "application/x-www-form-urlencoded"
    assert token_request.content == b"grant_type=client_credentials"
    for request in bol.requests:
        assert CLIENT_SECRET not in str(request.url)
        assert not request.url.query or b"grant_type" not in request.url.query


@pytest.mark.asyncio
@pytest.mark.parametrize("expires_in", [299, 599])
async def test_token_renewed_shortly_before_expires_in(expires_in: int, clock: FakeClock) -> None:
    bol = FakeBol(expires_in=expires_in)
    bol.script("GET", "/retailer/orders/A2K8290LP8", json_response(200, ORDER))
    async with make_client(bol, clock) as client:
        await client.get_order("A2K8290LP8")
        clock.now += expires_in - 60  # still well inside the lifetime: cached
        await client.get_order("A2K8290LP8")
        assert bol.token_requests == 1
        clock.now += 35  # within the renew margin (<= 30 s before expiry): renewed first
        await client.get_order("A2K8290LP8")
        assert bol.token_requests == 2
    # No call ever met a 401: the token was replaced before bol would have refused it.
    assert all(r.headers["authorization"].startswith("Bearer ") for r in bol.api_requests())
    assert client.stats.total.retries == 0


@pytest.mark.asyncio
async def test_expired_jwt_renews_once_and_retries(bol: FakeBol, clock: FakeClock) -> None:
    async with make_client(bol, clock) as client:
        await client.get_order("A2K8290LP8")
        bol.expire_all_tokens()  # bol says "Expired JWT" although our clock says it is fine
        order = await client.get_order("A2K8290LP8")
    assert order.order_id == "A2K8290LP8"
    assert bol.token_requests == 2
    calls = bol.api_requests()
    assert len(calls) == 3
    assert calls[1].headers["authorization"] != calls[2].headers["authorization"]
    assert client.stats.of("GET /retailer/orders/{order-id}").retries == 1


@pytest.mark.asyncio
async def test_second_401_after_renewal_raises_instead_of_looping(clock: FakeClock) -> None:
    bol = FakeBol()
    bol.script(
        "GET", "/retailer/orders/A2K8290LP8", problem(401, "Unauthorized", "Token not accepted")
    )
    async with make_client(bol, clock) as client:
        with pytest.raises(BolAuthenticationError) as caught:
            await client.get_order("A2K8290LP8")
    assert len(bol.api_requests()) == 2
    assert bol.token_requests == 2
    assert caught.value.status == 401


@pytest.mark.asyncio
async def test_invalid_client_is_a_clear_error(bol: FakeBol, clock: FakeClock) -> None:
    async with make_client(bol, clock, secret="wrong-secret") as client:
        with pytest.raises(BolAuthenticationError) as caught:
            await client.get_order("A2K8290LP8")
        with pytest.raises(BolAuthenticationError):
            await client.verify_credentials()
    assert "bol.com rejected the client id or secret" in str(caught.value)
    assert "wrong-secret" not in str(caught.value)
    assert bol.api_requests() == []  # nothing went to the API without a token


@pytest.mark.asyncio
async def test_every_call_carries_versioned_media_type_and_user_agent(
    bol: FakeBol, clock: FakeClock
) -> None:
    offer_id = "6ff736b5-cdd0-4150-8c67-78269ee986f5"
    bol.script("PATCH", f"/retailer/offers/{offer_id}", httpx.Response(204))
    bol.script(
        "GET",
        f"/retailer/offers/{offer_id}",
        json_response(200, {"offerId": offer_id}, media=V11),
    )
    async with make_client(bol, clock) as client:
        await client.get_order("A2K8290LP8")
        await client.get_offer(offer_id)
        await client.update_offer_stock(offer_id, 3)
    get_order, get_offer, patch = bol.api_requests()
    assert get_order.headers["accept"] == V10
    assert get_offer.headers["accept"] == V11
    assert patch.headers["accept"] == V11 and patch.headers["content-type"] == V11
    for request in bol.requests:
        assert request.headers["user-agent"].startswith(f"HaydiGO-Desk/{__version__}")


@pytest.mark.asyncio
async def test_request_id_is_kept(bol: FakeBol, clock: FakeClock) -> None:
    bol.script(
        "GET",
        "/retailer/orders/NOPE",
        problem(404, "Not Found", "Order NOPE not found", type="https://api.bol.com/problems"),
    )
    bol._scripts[("GET", "/retailer/orders/NOPE")][0].headers["x-request-id"] = "req-404-abc"
    bol._scripts[("GET", "/retailer/orders/A2K8290LP8")][0].headers["x-request-id"] = "req-ok-1"
    async with make_client(bol, clock) as client:
        await client.get_order("A2K8290LP8")
        assert client.last_request_id == "req-ok-1"
        with pytest.raises(Exception) as caught:
            await client.get_order("NOPE")
    assert caught.value.request_id == "req-404-abc"
    assert "req-404-abc" in str(caught.value)


def test_environments_map_spec_paths() -> None:
    production = BolEnvironment.production()
    assert production.url("/retailer/orders") == "https://api.bol.com/retailer/orders"
    assert production.url("/shared/process-status/1") == (
        "https://api.bol.com/shared/process-status/1"
    )
    assert production.token_url == "https://login.bol.com/token"
    demo = BolEnvironment.demo()
    assert demo.url("/retailer/orders") == "https://api.bol.com/retailer-demo/orders"
    assert (
        demo.url("/shared/process-status/1") == "https://api.bol.com/shared-demo/process-status/1"
    )
    assert demo.token_url == "https://login.bol.com/token"
    sandbox = BolEnvironment.custom("http://127.0.0.1:8765/")
    assert sandbox.url("/retailer/orders") == "http://127.0.0.1:8765/retailer/orders"
    assert sandbox.token_url == "http://127.0.0.1:8765/token"
    own = BolEnvironment.named("custom", "http://127.0.0.1:9/retailer", "http://127.0.0.1:9/t")
    assert own.url("/retailer/orders") == "http://127.0.0.1:9/retailer/orders"
    assert own.token_url == "http://127.0.0.1:9/t"
    with pytest.raises(ValueError):
        BolEnvironment.custom("ftp://example")
    with pytest.raises(ValueError):
        production.url("/elsewhere")


@pytest.mark.asyncio
async def test_custom_environment_sends_everything_to_its_own_host(clock: FakeClock) -> None:
    bol = FakeBol()
    bol.script("GET", "/retailer/orders/A2K8290LP8", json_response(200, ORDER))
    env = BolEnvironment.custom("http://127.0.0.1:8765")
    async with make_client(bol, clock, environment=env) as client:
        await client.get_order("A2K8290LP8")
    assert [str(r.url) for r in bol.requests] == [
        "http://127.0.0.1:8765/token",
        "http://127.0.0.1:8765/retailer/orders/A2K8290LP8",
    ]


@pytest.mark.asyncio
async def test_demo_environment_paths(clock: FakeClock) -> None:
    bol = FakeBol()
    bol.script("GET", "/retailer-demo/orders/7616222250", json_response(200, ORDER))
    bol.script(
        "GET",
        "/shared-demo/process-status/1",
        json_response(200, {"processStatusId": "1", "status": "PENDING", "eventType": "X"}),
    )
    async with make_client(bol, clock, environment=BolEnvironment.demo()) as client:
        await client.get_order("7616222250")
        status = await client.get_process_status("1")
    assert status.status == "PENDING" and not status.is_final
    assert str(bol.requests[0].url) == "https://login.bol.com/token"


def test_credentials_never_show_the_secret() -> None:
    credentials = ClientCredentials(CLIENT_ID, CLIENT_SECRET)
    assert CLIENT_SECRET not in repr(credentials)
    assert CLIENT_SECRET not in str(credentials)
    with pytest.raises(ValueError):
        ClientCredentials(CLIENT_ID, "")
