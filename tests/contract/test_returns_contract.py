"""Contract tests of the returns endpoints: requests against bol's spec, bol's example
answers through the client's models, and the sandbox's answers against the same schemas."""

from __future__ import annotations

import json
import time

import httpx
import pytest
from support.bol_mock import FakeBol, FakeClock, json_response, make_client
from support.sync_setup import fast_sandbox
from test_bol_contract import (
    assert_parsed_equals,
    check_request,
    example_for,
    pytestmark,
    response_schema,
    schema_errors,
)

from haydigo_desk.bol.api.returns import create_return_body, handle_return_body
from haydigo_desk.bol.models_returns import HandlingResult, Return

__all__ = ["pytestmark"]  # the skip without bol's OpenAPI files applies here too
RETURN_PATH = "/retailer/returns/{return-id}"


@pytest.mark.parametrize(("path", "pick"), [
    ("/retailer/returns", lambda d: d["returns"][0]),
    (RETURN_PATH, lambda d: d),
])
def test_bol_example_returns_fit_schema_and_parse(path, pick):
    schema = response_schema("retailer", path, "get", "200")
    document = example_for("retailer", schema)
    assert schema_errors("retailer", schema, document) == []
    source = pick(document)
    parsed = Return.model_validate(source)
    assert_parsed_equals(source, parsed)
    assert parsed.return_items[0].rma_id == "31234567"


def test_the_client_knows_every_handling_result_of_bol_spec():
    from test_bol_contract import spec

    schemas = spec("retailer")["components"]["schemas"]
    assert set(schemas["ReturnRequest"]["properties"]["handlingResult"]["enum"]) == {
        r.value for r in HandlingResult}
    create = schemas["CreateReturnRequest"]["properties"]["handlingResult"]["enum"]
    assert [r.value for r in HandlingResult if r != "STILL_APPROVED"] == create
    with pytest.raises(ValueError):
        create_return_body("2012345678", 1, "STILL_APPROVED")
    with pytest.raises(ValueError):
        handle_return_body("RETURN_RECEIVED", 10_000)
    with pytest.raises(ValueError):
        handle_return_body("CHANGED_MY_MIND", 1)


def _answering_bol() -> FakeBol:
    bol = FakeBol()
    listing = example_for("retailer", response_schema("retailer", "/retailer/returns", "get",
                                                      "200"))
    bol.script("GET", "/retailer/returns", json_response(200, listing))
    detail = example_for("retailer", response_schema("retailer", RETURN_PATH, "get", "200"))
    bol.script("GET", "/retailer/returns/1", json_response(200, detail))
    accepted = example_for("retailer", response_schema("retailer", "/retailer/returns", "post",
                                                       "202"))
    bol.script("POST", "/retailer/returns", json_response(202, accepted))
    bol.script("PUT", "/retailer/returns/31234567", json_response(202, accepted))
    return bol


CALLS = {
    "list unhandled": lambda c: c.list_returns(handled=False),
    "list handled FBB page 2": lambda c: c.list_returns(handled=True, fulfilment_method="FBB",
                                                        page=2),
    "detail": lambda c: c.get_return("1"),
    "handle": lambda c: c.handle_return("31234567", "RETURN_RECEIVED", 1),
    "register": lambda c: c.create_return("2012345678", 1, "CUSTOMER_KEEPS_PRODUCT_PAID"),
}


@pytest.mark.asyncio
@pytest.mark.parametrize("call", list(CALLS), ids=list(CALLS))
async def test_return_requests_match_bol_spec(call):
    bol = _answering_bol()
    async with make_client(bol, FakeClock()) as client:
        result = await CALLS[call](client)
    assert result
    problems = [p for request in bol.api_requests() for p in check_request(request)]
    assert problems == []


def test_the_sandbox_answers_as_bol_spec_says():
    with fast_sandbox() as sandbox:
        state = sandbox.state
        [order_id] = state.add_orders(1, lines=1)
        item_id = state.order_detail(order_id)["orderItems"][0]["orderItemId"]
        state.submit_shipment([(item_id, None)], "TNT", "3SABC", None, None, "x")
        created = None
        for _ in range(100):  # the shipment settles after process_delay_s
            try:
                created = state.returns.customer_returns(item_id, track_and_trace="3SRET1")
                break
            except ValueError:
                time.sleep(0.02)
        assert created is not None
        headers = {"Accept": "application/vnd.retailer.v10+json"}
        with httpx.Client(base_url=sandbox.url) as http:
            token = http.post("/token", params={"grant_type": "client_credentials"},
                              auth=(sandbox.client_id, sandbox.client_secret)).json()
            headers["Authorization"] = f"Bearer {token['access_token']}"
            listing = http.get("/retailer/returns", headers=headers)
            detail = http.get(f"/retailer/returns/{created['returnId']}", headers=headers)
            bad = http.put(f"/retailer/returns/{created['returnItems'][0]['rmaId']}",
                           headers={**headers, "Content-Type": headers["Accept"]},
                           content=json.dumps({"handlingResult": "LOST", "quantityReturned": 0}))
        for path, answer in (("/retailer/returns", listing), (RETURN_PATH, detail)):
            assert answer.status_code == 200
            schema = response_schema("retailer", path, "get", "200")
            assert schema_errors("retailer", schema, answer.json()) == []
        assert detail.json()["returnItems"][0]["trackAndTrace"] == "3SRET1"
        assert bad.status_code == 400
        names = {v["name"] for v in bad.json()["violations"]}
        assert names == {"handlingResult"}
