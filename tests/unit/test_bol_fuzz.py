"""Fuzz: malformed answers fed to every endpoint of BolClient (hypothesis, httpx.MockTransport).

Whatever bol.com (or something between it and us) answers, a call ends in a value or a
``BolError``, never in another exception, never hangs, never waits longer than the client's cap,
never re-sends a write after an answer that may mean "done", and never turns an empty answer or a
redirect into data. Each example feeds ``BATCH`` answers to every endpoint; CI runs
``HAYDIGO_FUZZ_EXAMPLES`` examples (default 80, so at least 640 answers per endpoint, about 12,000
in all); set it higher for a longer hunt.
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import random
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.bol_mock import CLIENT_ID, FakeClock

from haydigo_desk.bol import (
    BolClient,
    BolEnvironment,
    BolError,
    ClientCredentials,
    RetryPolicy,
    ShipmentLine,
)
from haydigo_desk.bol.auth import MAX_TOKEN_LIFETIME_S
from haydigo_desk.bol.ratelimit import MAX_WAIT_S

EXAMPLES = int(os.environ.get("HAYDIGO_FUZZ_EXAMPLES", "80"))
BATCH = 8  # answers per endpoint per example
CALL_BOUND_S = 10.0  # wall clock for one call; every wait is on the fake clock, so it is generous
TOKEN_PATH = "/token"

# --- the endpoints ---------------------------------------------------------------------------

Call = Callable[[BolClient], Awaitable[object]]
ENDPOINTS: dict[str, Call] = {
    "verify_credentials": lambda c: c.verify_credentials(),
    "list_orders": lambda c: c.list_orders(),
    "get_order": lambda c: c.get_order("1043946570"),
    "cancel_order_item": lambda c: c.cancel_order_item("6107434013", "REQUESTED_BY_CUSTOMER"),
    "create_shipment": lambda c: c.create_shipment(
        ["6107434013"], transporter_code="TNT", track_and_trace="3SABCD1234567"
    ),
    "change_transport": lambda c: c.change_transport(
        "312778947", transporter_code="TNT", track_and_trace="3SABCD1234567"),
    "list_shipments": lambda c: c.list_shipments(order_id="1043946570"),
    "list_order_shipments": lambda c: c.list_order_shipments("1043946570"),
    "get_process_status": lambda c: c.get_process_status("1234567"),
    "get_process_statuses": lambda c: c.get_process_statuses(["1234567", "7654321"]),
    "get_process_statuses_for_entity": lambda c: c.get_process_statuses_for_entity(
        "6107434013", "CREATE_SHIPMENT"),
    "list_offers": lambda c: c.list_offers(),
    "get_offer": lambda c: c.get_offer("13722de8-8182-d161-5422-4a0a1caab5c8"),
    "update_offer_stock": lambda c: c.update_offer_stock("13722de8", 5),
    "get_shipping_label": lambda c: c.get_shipping_label("label-1"),
    "get_delivery_options": lambda c: c.get_delivery_options(
        [ShipmentLine("6107434013", 1), "6107434014"]),
    "create_shipping_label": lambda c: c.create_shipping_label(
        ["6107434013"], "027b79fa-5743-40f0-94c7-0eac761af611"),
    "get_product_assets": lambda c: c.get_product_assets("8712345678906", "PRIMARY"),
    "get_catalog_product": lambda c: c.get_catalog_product("8712345678906", "nl"),
    "download_image": lambda c: c.download_image("https://media.s-bol.com/8712345678906.jpg"),
    "list_returns": lambda c: c.list_returns(handled=False),
    "get_return": lambda c: c.get_return("1"),
    "handle_return": lambda c: c.handle_return("31234567", "RETURN_RECEIVED", 1),
    "create_return": lambda c: c.create_return("6107434013", 1, "RETURN_RECEIVED"),
}
WRITES = {"cancel_order_item", "create_shipment", "change_transport", "update_offer_stock",
          "handle_return", "create_return", "create_shipping_label"}
# Never repeated blind, not even after a 5xx or a broken connection: bol.com carries each
# out anew (a second shipment, a second label that is charged, a second handling).
NEVER_REPEATED = {"cancel_order_item", "create_shipment", "change_transport",
                  "handle_return", "create_return", "create_shipping_label"}

# Well-formed documents, cut and mutated below into malformed ones.
SAMPLES: list[object] = [
    {"orders": [{"orderId": "1043946570", "orderPlacedDateTime": "2026-08-01T10:00:00+02:00",
                 "orderItems": [{"orderItemId": "6107434013", "ean": "8712345678906",
                                 "quantity": 1}]}]},
    {"orderId": "1043946570", "orderItems": [{"orderItemId": "6107434013", "quantity": 2,
                                              "offer": {"offerId": "x", "reference": "SKU"},
                                              "product": {"ean": "8712345678906"}}]},
    {"processStatusId": "1234567", "status": "PENDING", "eventType": "CREATE_SHIPMENT",
     "links": [{"rel": "self", "href": "https://api.bol.com/shared/process-status/1234567"}]},
    {"processStatuses": [{"processStatusId": "1234567", "status": "SUCCESS"}]},
    {"offers": [{"offerId": "o1", "ean": "8712345678906", "stock": {"amount": 3}}],
     "page": {"nextCursor": None}},
    {"assets": [{"usage": "PRIMARY", "order": 0, "variants": [
        {"size": "medium", "width": 400, "height": 400, "mimeType": "image/jpeg",
         "url": "https://media.s-bol.com/x.jpg"}]}]},
    {"attributes": [{"id": "Name", "values": [{"value": "Mok"}]}]},
    {"shipments": [{"shipmentId": "1", "order": {"orderId": "1043946570"}}]},
    {"returns": [{"returnId": "1", "registrationDateTime": "2026-08-01T10:00:00+02:00",
                  "returnItems": [{"rmaId": "31234567", "orderId": "1043946570",
                                   "expectedQuantity": 1, "handled": False}]}]},
    {"deliveryOptions": [{"shippingLabelOfferId": "027b79fa", "recommended": True,
                          "validUntilDate": "2026-08-03", "labelType": "MAILBOX",
                          "labelPrice": {"totalPrice": 2.88},
                          "handoverDetails": {"meetsCustomerExpectation": True,
                                              "latestHandoverDateTime":
                                                  "2026-08-03T18:00:00+02:00"}}]},
    {"access_token": "eyJ.tok.sig", "token_type": "Bearer", "expires_in": 599},
]

# --- malformed answers -------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=12,
)


@st.composite
def mutated_sample(draw) -> bytes:
    """A sample with one value somewhere replaced by something of the wrong kind."""
    doc = json.loads(json.dumps(draw(st.sampled_from(SAMPLES))))
    node = doc
    for _ in range(draw(st.integers(0, 3))):
        children = list(node.items()) if isinstance(node, dict) else list(enumerate(node))
        containers = [(k, v) for k, v in children if isinstance(v, dict | list) and v]
        if not containers:
            break
        _key, node = draw(st.sampled_from(containers))
    if isinstance(node, dict) and node:
        node[draw(st.sampled_from(sorted(node)))] = draw(json_values)
    elif isinstance(node, list) and node:
        node[draw(st.integers(0, len(node) - 1))] = draw(json_values)
    return json.dumps(doc, allow_nan=True).encode()


@st.composite
def cut_off_sample(draw) -> bytes:
    body = json.dumps(draw(st.sampled_from(SAMPLES))).encode()
    return body[: draw(st.integers(0, len(body) - 1))]


def _nested(depth: int, kind: str, closed: bool) -> bytes:
    if kind == "list":
        return b"[" * depth + (b"]" * depth if closed else b"")
    return b'{"a":' * depth + (b"1" + b"}" * depth if closed else b"")


deep_json = st.builds(
    _nested, st.integers(200, 60_000), st.sampled_from(["list", "object"]), st.booleans()
)

absurd_numbers = st.sampled_from([
    b'{"orders": [{"orderId": 1' + b"0" * 5000 + b"}]}",
    b'{"processStatusId": 1e999, "status": NaN}',
    b'{"offers": [{"offerId": "o", "stock": {"amount": -Infinity}}]}',
    b'{"expires_in": 1e999, "access_token": "t"}',
    b'{"orderItems": [{"quantity": 1' + b"0" * 30 + b'}], "orderId": "1"}',
])

bodies = st.one_of(
    cut_off_sample(),
    mutated_sample(),
    deep_json,
    absurd_numbers,
    st.binary(max_size=120),
    st.text(max_size=60).map(str.encode),
    json_values.map(lambda v: json.dumps(v, allow_nan=True).encode()),
    st.sampled_from([b"", b"  ", b"\n", b"null", b"{}", b"[]", b'"{}"', b"\xff\xfe{\x00}"]),
    st.sampled_from(SAMPLES).map(lambda d: json.dumps(d).encode()),  # sometimes it is fine
)

header_numbers = st.sampled_from([
    "1e999", "inf", "-inf", "nan", "999999999", "4102444800", "1e300", "-1", "0", "7", " 3 ",
    "abc", "", "25", "0x10", "1_000",
])
retry_after_values = header_numbers | st.sampled_from([
    "Fri, 31 Dec 9999 23:59:59 GMT", "Mon, 32 Foo 2020 99:99:99 GMT", "Wed, 21 Oct 2015 07:28:00",
    "Sun, 06 Nov 1994 08:49:37 GMT",
])
statuses = st.one_of(
    st.sampled_from([200, 200, 200, 201, 202, 204, 206, 301, 302, 303, 304, 307, 308, 400, 401,
                     403, 404, 406, 409, 415, 418, 429, 429, 500, 502, 503, 504]),
    st.integers(100, 599),
)
encodings = st.sampled_from(["gzip", "deflate", "br", "zstd", "gzip, deflate", "identity",
                             "x-unknown", "compress", "GZIP"])
content_types = st.sampled_from([
    "application/vnd.retailer.v10+json", "application/vnd.retailer.v11+json",
    "application/json; charset=klingon", "text/html", "image/jpeg", "application/pdf",
    "application/vnd.retailer.v10+pdf", "", "image/",
])


@dataclass(frozen=True, repr=False)
class Answer:
    """One malformed exchange: an answer, or a connection that broke instead."""

    status: int = 200
    body: bytes = b""
    headers: tuple[tuple[bytes, bytes], ...] = ()
    broken: str | None = None  # an httpx transport error instead of an answer

    def __repr__(self) -> str:  # short: hypothesis prints failing batches
        if self.broken:
            return f"Answer(broken={self.broken!r})"
        body = self.body if len(self.body) <= 80 else self.body[:60] + b"...(%d bytes)" % len(
            self.body)
        return f"Answer({self.status}, {body!r}, {self.headers!r})"

    @property
    def may_mean_done(self) -> bool:
        """After this, a write must not be sent again: bol.com may have carried it out."""
        if self.broken:
            return self.broken != "ConnectError"
        return self.status not in (401, 429, 503) and not 400 <= self.status < 500

    def response(self) -> httpx.Response:
        if self.broken:
            raise getattr(httpx, self.broken)("injected by the fuzz test")
        return httpx.Response(self.status, headers=list(self.headers),
                              stream=httpx.ByteStream(self.body))


@st.composite
def answers(draw) -> Answer:
    if draw(st.integers(0, 19)) == 0:
        return Answer(broken=draw(st.sampled_from(
            ["ConnectError", "ReadTimeout", "RemoteProtocolError", "ReadError", "WriteError"])))
    headers: list[tuple[bytes, bytes]] = []

    def maybe(name: str, values) -> None:
        if draw(st.booleans()):
            headers.append((name.encode(), draw(values).encode("latin-1")))

    maybe("content-type", content_types)
    maybe("x-ratelimit-limit", header_numbers)
    maybe("x-ratelimit-remaining", header_numbers)
    maybe("x-ratelimit-reset", header_numbers)
    maybe("retry-after", retry_after_values)
    if draw(st.integers(0, 3)) == 0:
        headers.append((b"content-encoding", draw(encodings).encode()))
    if draw(st.integers(0, 5)) == 0:
        headers.append((b"x-request-id", draw(st.binary(max_size=40)).replace(b"\r", b"")
                        .replace(b"\n", b"").replace(b"\x00", b"")))
    status = draw(statuses)
    if 300 <= status < 400 and draw(st.booleans()):
        headers.append((b"location", b"https://elsewhere.example/login"))
    return Answer(status, draw(bodies), tuple(headers))


# --- the harness -------------------------------------------------------------------------------


@dataclass
class Harness:
    """Serves the batch to the endpoint under test; the rest of bol.com answers correctly."""

    batch: list[Answer]
    target: str = ""
    served: Counter[str] = field(default_factory=Counter)
    exchanges: list[tuple[str, Answer | None]] = field(default_factory=list)
    position: int = 0

    def handle(self, request: httpx.Request) -> httpx.Response:
        is_token = request.url.path == TOKEN_PATH
        fuzzed = is_token == (self.target == "verify_credentials")
        if not fuzzed:
            self.exchanges.append((request.method, None))
            return httpx.Response(200, json={"access_token": "tok-ok", "expires_in": 599})
        answer = self.batch[self.position % len(self.batch)]
        self.position += 1
        self.served[self.target] += 1
        self.exchanges.append((request.method, answer))
        return answer.response()


def check_call(name: str, harness: Harness, outcome: object) -> None:
    if isinstance(outcome, BaseException) and not isinstance(outcome, BolError):
        raise AssertionError(f"{name} raised {type(outcome).__name__}: {outcome}") from outcome
    answered = [a for _, a in harness.exchanges if a is not None]
    if not isinstance(outcome, BaseException) and answered and all(
        a.broken is None and (not a.body.strip() or 300 <= a.status < 400 or a.status < 200)
        for a in answered
    ) and name not in WRITES:
        raise AssertionError(f"{name} turned empty answers or redirects into {outcome!r}")
    if name in WRITES:
        writes = [a for _, a in harness.exchanges if a is not None]
        for earlier in writes[:-1]:
            # PUT and PATCH are idempotent: the client repeats them after 5xx or a timeout
            # (as before this test); a readable-or-not 2xx/3xx answer is never followed up.
            retry_ok = name not in NEVER_REPEATED and (
                earlier.broken is not None or earlier.status >= 500
            )
            if earlier.may_mean_done and not retry_ok:
                raise AssertionError(f"{name} was sent again after {earlier}")
        if (name in NEVER_REPEATED and isinstance(outcome, BolError) and writes
                and writes[-1].may_mean_done):
            # The caller must learn that it may have been carried out, and ask bol first.
            assert outcome.may_have_been_processed, (name, outcome, writes[-1])


async def feed(batch: list[Answer], served: Counter[str]) -> None:
    harness = Harness(batch)
    clock = FakeClock()
    client = BolClient(
        ClientCredentials(CLIENT_ID, "fuzz-secret"),
        BolEnvironment.production(),
        transport=httpx.MockTransport(harness.handle),
        clock=clock,
        sleep=clock.sleep,
        rng=random.Random(3),
        retry=RetryPolicy(max_attempts=3),
        max_pages=3,
    )
    async with client:
        for name, call in ENDPOINTS.items():
            harness.target = name
            before = harness.served[name]
            for _ in range(3 * BATCH):  # each call takes 1 to several answers of the batch
                if harness.served[name] - before >= BATCH:
                    break
                harness.exchanges = []
                clock.sleeps.clear()
                if name == "verify_credentials":
                    # A day later every cached token has expired: each call asks /token again,
                    # so a good token early in the batch does not leave the rest unserved.
                    clock.now += MAX_TOKEN_LIFETIME_S + 1
                try:
                    async with asyncio.timeout(CALL_BOUND_S):
                        outcome: object = await call(client)
                except TimeoutError as hung:
                    raise AssertionError(f"{name} hung on {harness.exchanges}") from hung
                except BaseException as error:  # judged by check_call
                    outcome = error
                check_call(name, harness, outcome)
                assert all(0 <= s <= MAX_WAIT_S for s in clock.sleeps), (name, clock.sleeps)
    served.update(harness.served)


@pytest.mark.slow
def test_every_endpoint_survives_malformed_answers() -> None:
    served: Counter[str] = Counter()
    loop_errors: list[dict] = []
    runner = asyncio.Runner()  # one loop for every example: a task left behind shows up there
    runner.get_loop().set_exception_handler(lambda _loop, context: loop_errors.append(context))

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        print_blob=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                               HealthCheck.large_base_example],
    )
    @given(batch=st.lists(answers(), min_size=BATCH, max_size=BATCH))
    def run(batch: list[Answer]) -> None:
        runner.run(feed(batch, served))

    with runner:
        run()
        gc.collect()  # a task whose exception nobody retrieved reports when it is collected
        runner.run(asyncio.sleep(0))
    assert not loop_errors, loop_errors  # e.g. "Task exception was never retrieved"
    assert set(served) == set(ENDPOINTS)
    assert min(served.values()) >= BATCH * EXAMPLES, served  # 640 each by default
