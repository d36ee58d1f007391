"""The sandbox's returns: customers send shipped items back at the configured rate, and the
retailer's handling and registration meet bol's checks when their process settles."""

from __future__ import annotations

import time
from datetime import timedelta

import httpx
import pytest

from haydigo_desk.sandbox import SandboxConfig
from haydigo_desk.sandbox.clock import utcnow
from haydigo_desk.sandbox.ratelimit import find_bucket
from haydigo_desk.sandbox.state import SandboxState

BASE = "http://sandbox/shared"


@pytest.fixture
def state() -> SandboxState:
    return SandboxState(SandboxConfig(seed=3, products=20, open_orders=0, order_rate_per_hour=0,
                                      cancel_rate=0, process_delay_s=0.0))


def shipped_item(state: SandboxState, quantity_lines: int = 1) -> str:
    [order_id] = state.add_orders(1, lines=quantity_lines)
    item_id = state.order_detail(order_id)["orderItems"][0]["orderItemId"]
    state.submit_shipment([(item_id, None)], "TNT", "3SX", None, None, BASE)
    state.tick()
    return item_id


def settled(state: SandboxState, status: dict) -> dict:
    time.sleep(0.001)
    state.tick()
    return state.process_status(status["processStatusId"], BASE)


def test_shipped_items_come_back_at_the_configured_rate_after_the_delay(state):
    state.returns.configure(rate=1.0, delay_s=60)
    item_id = shipped_item(state)
    assert state.returns.inspect() == []
    state.tick(utcnow() + timedelta(seconds=61))
    [came_back] = state.returns.inspect()
    item = came_back["returnItems"][0]
    assert item["orderId"] and item["handled"] is False and item["expectedQuantity"] >= 1
    assert item["returnReason"]["mainReason"]
    assert state.returns.list_page(1, handled=False)[0]["returnId"] == came_back["returnId"]
    assert "title" not in state.returns.list_page(1, handled=False)[0]["returnItems"][0]
    assert item_id


def test_a_handling_is_checked_when_it_settles(state):
    item_id = shipped_item(state)
    rma = state.returns.customer_returns(item_id, 1)["returnItems"][0]["rmaId"]
    too_many = settled(state, state.returns.submit_handling(rma, "RETURN_RECEIVED", 2, BASE))
    assert too_many["status"] == "FAILURE" and "exceeds the expected quantity" in too_many[
        "errorMessage"]
    early = settled(state, state.returns.submit_handling(rma, "STILL_APPROVED", 1, BASE))
    assert early["status"] == "FAILURE"
    unknown = settled(state, state.returns.submit_handling("99", "RETURN_RECEIVED", 1, BASE))
    assert unknown["status"] == "FAILURE" and "not found" in unknown["errorMessage"]
    state.returns.refuse_next(rma, "Return item is locked.")
    refused = settled(state, state.returns.submit_handling(rma, "RETURN_RECEIVED", 1, BASE))
    assert refused["errorMessage"] == "Return item is locked."
    ok = settled(state, state.returns.submit_handling(rma, "RETURN_RECEIVED", 1, BASE))
    assert (ok["status"], ok["entityId"], ok["eventType"]) == ("SUCCESS", rma,
                                                              "HANDLE_RETURN_ITEM")
    assert state.returns.list_page(1, handled=False) == []
    [handled] = state.returns.list_page(1, handled=True)
    assert [r["handlingResult"] for r in handled["returnItems"][0]["processingResults"]] == [
        "RETURN_RECEIVED"]
    found = state.process_statuses_for_entity(rma, "HANDLE_RETURN_ITEM", 1, BASE)
    assert len(found) == 4  # the lookup of a write of unknown outcome finds them all


def test_a_registration_needs_a_shipped_unit_not_yet_returned(state):
    [order_id] = state.add_orders(1, lines=1)
    open_item = state.order_detail(order_id)["orderItems"][0]["orderItemId"]
    not_shipped = settled(state, state.returns.submit_create(open_item, "RETURN_RECEIVED", 1,
                                                             BASE))
    assert "has not been shipped" in not_shipped["errorMessage"]
    item_id = shipped_item(state)
    ok = settled(state, state.returns.submit_create(item_id, "RETURN_RECEIVED", 1, BASE))
    assert ok["status"] == "SUCCESS" and ok["eventType"] == "CREATE_RETURN_ITEM"
    assert state.returns.detail(ok["entityId"])["returnItems"][0]["handled"] is True
    again = settled(state, state.returns.submit_create(item_id, "RETURN_RECEIVED", 9, BASE))
    assert "exceeds the shipped quantity" in again["errorMessage"]
    with pytest.raises(ValueError):
        state.returns.customer_returns(open_item)  # nothing shipped to return


def test_returns_have_bol_rate_limit_of_twenty_a_minute():
    for method, path in (("GET", "/retailer/returns"), ("GET", "/retailer/returns/1"),
                         ("PUT", "/retailer/returns/31234567"), ("POST", "/retailer/returns")):
        rule = find_bucket(method, path)
        assert (rule.capacity, rule.window_s) == (20, 60), (method, path)


def test_the_controls_over_http():
    from support.sync_setup import fast_sandbox

    with fast_sandbox(open_orders=1) as sandbox, httpx.Client(base_url=sandbox.url) as http:
        item_id = sandbox.state.order_detail(sandbox.state.open_order_ids()[0])[
            "orderItems"][0]["orderItemId"]
        assert http.post("/_sandbox/returns", json={"orderItemId": item_id}).status_code == 400
        sandbox.state.submit_shipment([(item_id, None)], "TNT", None, None, None, BASE)
        time.sleep(0.1)
        made = http.post("/_sandbox/returns", json={"orderItemId": item_id, "quantity": 1,
                                                    "trackAndTrace": "3SHTTP1"})
        assert made.status_code == 201
        rma = made.json()["returnItems"][0]["rmaId"]
        assert http.post(f"/_sandbox/returns/{rma}/refuse", json={}).status_code == 200
        assert http.post("/_sandbox/returns/1/refuse", json={}).status_code == 404
        assert http.post("/_sandbox/returns/settings",
                         json={"returnRate": 2}).status_code == 400
        assert http.post("/_sandbox/returns/settings", json={"rate": 0.5}).status_code == 400
        assert http.post("/_sandbox/returns/settings", json={"returnRate": 0.5}).json() == {
            "returnRate": 0.5, "returnDelaySeconds": 600.0}
        [listed] = http.get("/_sandbox/returns").json()["returns"]
        assert listed["returnItems"][0]["trackAndTrace"] == "3SHTTP1"
        assert http.get("/_sandbox/state", params={"orders": "false"}).json()["returns"] == [
            listed]
