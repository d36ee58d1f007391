"""Answers the client cannot use: retried for reads, never re-sent for writes, always typed."""

from __future__ import annotations

import asyncio
import gzip
import json
import time

import httpx
import pytest
from support.bol_mock import CLIENT_ID, FakeBol, FakeClock, json_response, make_client, problem

from haydigo_desk.bol import (
    BolAuthenticationError,
    BolClient,
    BolEnvironment,
    BolError,
    BolMalformedResponseError,
    BolNetworkError,
    BolRateLimitedError,
    ClientCredentials,
    RetryPolicy,
)
from haydigo_desk.bol.ratelimit import MAX_WAIT_S

ORDER_PATH = "/retailer/orders/A1"
ORDER = {"orderId": "A1", "orderItems": []}
ENDPOINT = "GET /retailer/orders/{order-id}"
CUT_OFF = b'{"orderId": "A1", "orderItems": ['
STATUS = {"processStatusId": "p1", "status": "PENDING", "eventType": "CREATE_SHIPMENT"}


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


class Raw:
    """An answer as it comes off the wire: each request gets a fresh, not yet decoded body."""

    def __init__(self, status: int, content: bytes, headers: dict[str, str] | None = None):
        self.status_code, self.content, self.headers = status, content, headers or {}

    def __call__(self, request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            self.status_code, headers=self.headers, stream=httpx.ByteStream(self.content)
        )


raw = Raw


def handler_client(handle, clock: FakeClock) -> BolClient:
    """A client on a plain handler (for answers FakeBol's token endpoint cannot give)."""
    return BolClient(
        ClientCredentials(CLIENT_ID, "secret"),
        transport=httpx.MockTransport(handle),
        clock=clock,
        sleep=clock.sleep,
    )


@pytest.mark.asyncio
async def test_cut_off_json_on_a_get_is_asked_again(clock: FakeClock) -> None:
    bol = FakeBol()
    bol.script("GET", ORDER_PATH, raw(200, CUT_OFF), json_response(200, ORDER))
    async with make_client(bol, clock) as client:
        order = await client.get_order("A1")
    assert order.order_id == "A1"
    stats = client.stats.of(ENDPOINT)
    assert (stats.requests, stats.retries, stats.malformed, stats.errors) == (2, 1, 1, 0)
    assert len(clock.sleeps) == 1  # backed off like after a network error


@pytest.mark.asyncio
async def test_persistently_malformed_get_is_a_typed_error_naming_the_record(
    clock: FakeClock,
) -> None:
    bol = FakeBol()
    bol.script("GET", ORDER_PATH, raw(200, CUT_OFF, {"x-request-id": "r-cut"}))
    async with make_client(bol, clock, retry=RetryPolicy(max_attempts=3)) as client:
        with pytest.raises(BolMalformedResponseError) as caught:
            await client.get_order("A1")
    error = caught.value
    assert len(bol.api_requests()) == 3  # bounded
    assert (error.endpoint, error.record_id, error.request_id) == (ENDPOINT, "A1", "r-cut")
    assert not error.may_have_been_processed
    assert "A1" in str(error) and "3 attempts" in str(error)


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "answer",
    [
        raw(202, b'{"processStatusId": "p1", "sta'),  # cut off
        raw(202, b""),  # empty where a process status is required
        raw(302, b"", {"location": "https://elsewhere.example/"}),
        raw(202, b"not gzip at all", {"content-encoding": "gzip"}),
    ],
    ids=["cut-off", "empty", "redirect", "false-encoding"],
)
async def test_a_write_with_a_malformed_answer_is_never_re_sent(
    answer: Raw, clock: FakeClock
) -> None:
    bol = FakeBol()
    bol.script("POST", "/retailer/shipments", answer)
    bol.script("PUT", "/retailer/orders/cancellation", answer)
    bol.script("PATCH", "/retailer/offers/O1", answer)
    async with make_client(bol, clock) as client:
        with pytest.raises(BolMalformedResponseError) as shipment:
            await client.create_shipment(["11", "12"], transporter_code="TNT")
        with pytest.raises(BolMalformedResponseError) as cancellation:
            await client.cancel_order_item("13", "REQUESTED_BY_CUSTOMER")
        if answer.status_code == 302 or answer.headers.get("content-encoding"):
            # The PATCH reads no body: only a redirect or an unreadable body is malformed.
            with pytest.raises(BolMalformedResponseError) as patch:
                await client.update_offer_stock("O1", 3)
            assert patch.value.may_have_been_processed
    assert len(bol.api_requests("POST")) == len(bol.api_requests("PUT")) == 1
    assert len(bol.api_requests("PATCH")) <= 1
    assert shipment.value.may_have_been_processed and cancellation.value.may_have_been_processed
    assert shipment.value.record_id == "11,12" and cancellation.value.record_id == "13"
    assert clock.sleeps == []


@pytest.mark.asyncio
@pytest.mark.parametrize("status", [500, 502, 504])
async def test_a_cancellation_whose_answer_is_lost_is_not_put_again(
        status: int, clock: FakeClock) -> None:
    """Each cancellation PUT is a new process at bol.com: after a 5xx the outbox asks bol.com
    (process status by entity id) instead of the client repeating it blind."""
    bol = FakeBol()
    bol.script("PUT", "/retailer/orders/cancellation",
               problem(status, "Bad Gateway", "lost"), problem(status, "Bad Gateway", "lost"))
    async with make_client(bol, clock) as client:
        with pytest.raises(BolError) as lost:
            await client.cancel_order_item("13", "REQUESTED_BY_CUSTOMER")
    assert len(bol.api_requests("PUT")) == 1
    assert lost.value.may_have_been_processed


@pytest.mark.asyncio
async def test_bulk_process_status_is_a_read_and_is_asked_again(clock: FakeClock) -> None:
    bol = FakeBol()
    good = json_response(200, {"processStatuses": [STATUS]})
    bol.script("POST", "/shared/process-status", raw(200, b'{"processStatuses": [{"pro'), good)
    async with make_client(bol, clock) as client:
        statuses = await client.get_process_statuses(["p1"])
    assert [s.process_status_id for s in statuses] == ["p1"]
    assert len(bol.api_requests("POST")) == 2


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("answer", "says"),
    [
        (raw(200, b"[" * 100_000 + b"]" * 100_000), "malformed or cut-off JSON"),
        (raw(200, b'{"orders": ' + b'{"a": ' * 50_000 + b"1" + b"}" * 50_001), "malformed"),
        (raw(200, b'{"orders": []}', {"content-encoding": "gzip"}), "Content-Encoding"),
        (raw(200, b'{"orders": []}', {"content-encoding": "br, deflate"}), "Content-Encoding"),
        (raw(200, b""), "empty answer"),
        (raw(204, b""), "empty answer"),
        (raw(200, b"  \n"), "empty answer"),
        (raw(302, b"", {"location": "https://login.example/"}), "HTTP 302"),
        (raw(200, b"<html>captive portal</html>"), "malformed"),
        (json_response(200, [1, 2, 3]), "JSON object"),
        (json_response(200, {"orders": {"not": "a list"}}), "not a list"),
        (json_response(200, {"orders": [{"orderId": {"deep": [1]}}]}), "expected shape"),
    ],
)
async def test_unreadable_list_answers_are_typed_not_empty_lists(
    answer: Raw | httpx.Response, says: str, clock: FakeClock
) -> None:
    bol = FakeBol()
    bol.script("GET", "/retailer/orders", answer)
    async with make_client(bol, clock) as client:
        with pytest.raises(BolMalformedResponseError) as caught:
            await client.list_orders()
    assert says in str(caught.value)
    assert caught.value.endpoint == "GET /retailer/orders" and caught.value.record_id is None
    assert len(bol.api_requests()) == RetryPolicy().max_attempts


@pytest.mark.asyncio
async def test_a_real_gzip_body_is_still_read(clock: FakeClock) -> None:
    bol = FakeBol()
    body = gzip.compress(json.dumps(ORDER).encode())
    bol.script("GET", ORDER_PATH, raw(200, body, {"content-encoding": "gzip"}))
    async with make_client(bol, clock) as client:
        assert (await client.get_order("A1")).order_id == "A1"


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "value", ["1e999", "inf", "nan", "-5", "soon", "1_000", "9" * 400, "99999999999999999999e9"]
)
async def test_unreadable_rate_limit_headers_are_ignored(value: str, clock: FakeClock) -> None:
    bol = FakeBol()
    headers = {"x-ratelimit-limit": value, "x-ratelimit-remaining": value,
               "x-ratelimit-reset": value}
    bol.script("GET", ORDER_PATH, json_response(200, ORDER, headers))
    async with make_client(bol, clock) as client:
        for _ in range(3):
            await client.get_order("A1")
    assert all(0 <= s <= MAX_WAIT_S for s in clock.sleeps)


@pytest.mark.asyncio
@pytest.mark.parametrize("reset", ["999999999", "4102444800"])  # 31 years; an epoch in 2100
async def test_absurd_reset_waits_at_most_two_minutes_and_says_so(
    reset: str, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    bol = FakeBol()
    empty = {"x-ratelimit-limit": "25", "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset}
    bol.script("GET", ORDER_PATH, json_response(200, ORDER, empty), json_response(200, ORDER))
    async with make_client(bol, clock) as client:
        await client.get_order("A1")
        await client.get_order("A1")
    assert clock.sleeps and max(clock.sleeps) <= MAX_WAIT_S
    assert "waiting at most 120 s" in caplog.text


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("retry_after", "waited"),
    [("1e999", 5.0), ("nan", 5.0), ("1_000", 5.0), ("-3", 5.0), ("99999999999", None),
     ("Fri, 31 Dec 9999 23:59:59 GMT", None), ("2", 2.0), (" 1.5 ", 1.5)],
)
async def test_absurd_retry_after_is_capped(
    retry_after: str, waited: float | None, clock: FakeClock
) -> None:
    bol = FakeBol()
    too_many = problem(429, "Too Many Requests", "slow down")
    too_many.headers["Retry-After"] = retry_after
    bol.script("GET", ORDER_PATH, too_many, json_response(200, ORDER))
    async with make_client(bol, clock) as client:
        if waited is None:  # longer than the cap: raised at once, with the capped wait
            with pytest.raises(BolRateLimitedError) as caught:
                await client.get_order("A1")
            assert caught.value.retry_after == MAX_WAIT_S
        else:
            await client.get_order("A1")
            assert clock.sleeps == [pytest.approx(waited)]


@pytest.mark.asyncio
async def test_a_429_storm_backs_off_then_raises_a_typed_error(clock: FakeClock) -> None:
    bol = FakeBol()
    too_many = problem(429, "Too Many Requests", "Too many requests, retry in 3 seconds.")
    too_many.headers["Retry-After"] = "3"
    bol.script("GET", ORDER_PATH, too_many)
    policy = RetryPolicy(max_rate_limited=4)
    async with make_client(bol, clock, retry=policy) as client:
        with pytest.raises(BolRateLimitedError) as caught:
            await client.get_order("A1")
    assert len(bol.api_requests()) == 5 and clock.sleeps == [3, 3, 3, 3]
    assert caught.value.retry_after == 3 and caught.value.status == 429


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "token_answer",
    [
        {"access_token": "t\u00f6ken-\u20ac", "expires_in": 599},
        {"access_token": "two words", "expires_in": 599},
        {"access_token": "", "expires_in": 599},
        {"access_token": ["x"], "expires_in": 599},
    ],
)
async def test_an_unusable_token_is_a_typed_error(token_answer: dict, clock: FakeClock) -> None:
    def token(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/token":
            return httpx.Response(200, json=token_answer)
        return json_response(200, ORDER)

    async with handler_client(token, clock) as client:
        with pytest.raises(BolMalformedResponseError) as caught:
            await client.get_order("A1")
    assert caught.value.endpoint == "POST /token"


@pytest.mark.asyncio
async def test_absurd_token_lifetime_is_no_crash(clock: FakeClock) -> None:
    def token(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/token":
            body = b'{"access_token": "tok", "expires_in": 1' + b"0" * 400 + b"}"
            return httpx.Response(200, content=body)
        return json_response(200, ORDER)

    async with handler_client(token, clock) as client:
        assert (await client.get_order("A1")).order_id == "A1"
        clock.now += 24 * 3600 + 1  # at most a day: then it asks again
        await client.get_order("A1")
    assert client.token_requests == 2


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("client_id", "secret"), [("cl\u00efent", "s3cr\u00e9t"), (CLIENT_ID, "\u5bc6\u7801\n\t")]
)
async def test_non_ascii_credentials_are_refused_by_bol_not_crashed_on(
    client_id: str, secret: str
) -> None:
    bol = FakeBol()
    async with BolClient(ClientCredentials(client_id, secret), transport=bol.transport) as client:
        with pytest.raises(BolAuthenticationError):
            await client.verify_credentials()
    sent = bol.requests[0].headers["authorization"]
    assert sent.startswith("Basic ") and sent.isascii()


class _Drip(httpx.AsyncByteStream):
    """A body that arrives one byte at a time, each within any per-read timeout."""

    def __init__(self, body: bytes, pause: float) -> None:
        self.body, self.pause = body, pause

    async def __aiter__(self):
        for byte in self.body:
            await asyncio.sleep(self.pause)
            yield bytes([byte])


def _dripping(body: bytes):
    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/token":
            return httpx.Response(200, json={"access_token": "tok", "expires_in": 599})
        return httpx.Response(202 if request.method == "POST" else 200,
                              stream=_Drip(body, 0.02))
    return httpx.MockTransport(handle)


@pytest.mark.asyncio
async def test_a_slow_drip_body_ends_at_the_request_deadline() -> None:
    body = json.dumps(ORDER).encode() * 10
    client = BolClient(
        ClientCredentials(CLIENT_ID, "secret"),
        BolEnvironment.production(),
        transport=_dripping(body),
        deadline=0.3,
        retry=RetryPolicy(max_attempts=2, backoff_base=0.01),
    )
    started = time.monotonic()
    async with client:
        with pytest.raises(BolNetworkError) as read:
            await client.get_order("A1")
        with pytest.raises(BolNetworkError) as write:
            await client.create_shipment(["1"], transporter_code="TNT")
    elapsed = time.monotonic() - started
    assert elapsed < 2.0  # 2 attempts of the read + 1 of the write, 0.3 s each
    assert "within 0.3 s" in str(read.value) and not read.value.may_have_been_processed
    assert write.value.may_have_been_processed  # the POST went out: never sent again
    assert client.stats.of("POST /retailer/shipments").requests == 1
    assert client.stats.of(ENDPOINT).requests == 2


def test_deadline_must_be_positive() -> None:
    with pytest.raises(ValueError, match="deadline"):
        BolClient(ClientCredentials(CLIENT_ID, "secret"), deadline=0)
