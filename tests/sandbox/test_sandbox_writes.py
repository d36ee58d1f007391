"""Writes change state: shipments, cancellations (v10, async) and stock (v11, sync)."""

from __future__ import annotations

import time

from sandbox_helpers import V11, Api


def _settled(api: Api, status: dict, timeout: float = 2.0) -> dict:
    href = status["links"][0]["href"]
    assert href.startswith(api.sandbox.shared_base_url + "/process-status/")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = api.get(href.removeprefix(api.sandbox.url)).json()
        if status["status"] != "PENDING":
            return status
        time.sleep(0.02)
    raise AssertionError(f"still PENDING: {status}")


def _ship(api: Api, lines: list[dict], **extra) -> dict:
    body = {"orderItems": lines, "transport": {"transporterCode": "TNT", "trackAndTrace": "3SHAY1"}}
    answer = api.send("POST", "/retailer/shipments", body | extra)
    assert answer.status_code == 202, answer.text
    status = answer.json()
    assert status["status"] == "PENDING" and status["eventType"] == "CREATE_SHIPMENT"
    return _settled(api, status)


def _cancel(api: Api, item_id: str, reason: str = "REQUESTED_BY_CUSTOMER") -> dict:
    body = {"orderItems": [{"orderItemId": item_id, "reasonCode": reason}]}
    answer = api.send("PUT", "/retailer/orders/cancellation", body)
    assert answer.status_code == 202, answer.text
    assert answer.json()["eventType"] == "CANCEL_ORDER"
    return _settled(api, answer.json())


def _items(api: Api, order_id: str) -> list[dict]:
    return api.get(f"/retailer/orders/{order_id}").json()["orderItems"]


def test_shipment_succeeds_and_leaves_the_open_list(api: Api) -> None:
    (order_id,) = api.sandbox.state.add_orders(1, lines=2)
    first, second = _items(api, order_id)
    status = _ship(api, [{"orderItemId": first["orderItemId"]}], shipmentReference="PICK-1")
    assert status["status"] == "SUCCESS" and status["entityId"] == first["orderItemId"]
    items = {i["orderItemId"]: i for i in _items(api, order_id)}
    assert items[first["orderItemId"]]["quantityShipped"] == first["quantity"]
    open_ids = {i["orderItemId"] for o in api.all_open_orders() for i in o["orderItems"]}
    assert first["orderItemId"] not in open_ids and second["orderItemId"] in open_ids
    shipments = api.sandbox.state.shipments()
    assert shipments[-1]["transporterCode"] == "TNT" and shipments[-1]["trackAndTrace"] == "3SHAY1"
    listed = api.get("/retailer/shipments", params={"order-id": order_id}).json()["shipments"]
    assert listed[0]["order"]["orderId"] == order_id
    expected_item = {"orderItemId": first["orderItemId"], "ean": first["product"]["ean"]}
    assert listed[0]["shipmentItems"] == [expected_item]
    assert listed[0]["shipmentReference"] == "PICK-1"


def test_shipment_failures_come_later_with_bol_messages(api: Api) -> None:
    (order_id,) = api.sandbox.state.add_orders(1, lines=2)
    first, second = _items(api, order_id)
    unknown = _ship(api, [{"orderItemId": "999"}])
    assert unknown["status"] == "FAILURE" and "entityId" not in unknown
    assert "unknown order item id(s): 999" in unknown["errorMessage"]
    over = {"orderItemId": first["orderItemId"], "quantity": first["quantity"] + 1}
    too_many = _ship(api, [over])
    assert too_many["status"] == "FAILURE"
    assert "exceeds the open quantity" in too_many["errorMessage"]
    assert _cancel(api, second["orderItemId"])["status"] == "SUCCESS"
    cancelled = _ship(api, [{"orderItemId": second["orderItemId"]}])
    assert cancelled["status"] == "FAILURE" and "cancelled" in cancelled["errorMessage"]
    assert api.sandbox.state.shipments() == []


def test_cancellation_of_a_shipped_item_fails(api: Api) -> None:
    (order_id,) = api.sandbox.state.add_orders(1, lines=1)
    (item,) = _items(api, order_id)
    assert _ship(api, [{"orderItemId": item["orderItemId"]}])["status"] == "SUCCESS"
    failed = _cancel(api, item["orderItemId"], "OUT_OF_STOCK")
    assert failed["status"] == "FAILURE" and "already been shipped" in failed["errorMessage"]
    assert _cancel(api, "123")["status"] == "FAILURE"


def test_customer_cancellation_accepted(api: Api) -> None:
    (order_id,) = api.sandbox.state.add_orders(1, lines=1)
    (item,) = _items(api, order_id)
    assert api.sandbox.state.request_cancellation(item["orderItemId"]) == item["orderItemId"]
    assert _items(api, order_id)[0]["cancellationRequest"] is True
    assert _cancel(api, item["orderItemId"])["status"] == "SUCCESS"
    (after,) = _items(api, order_id)
    assert after["quantityCancelled"] == item["quantity"]
    assert order_id not in {o["orderId"] for o in api.all_open_orders()}
    everything = api.get("/retailer/orders", params={"status": "ALL"}).json()["orders"]
    assert order_id in {o["orderId"] for o in everything}
    (record,) = api.sandbox.state.cancellations()
    assert record["reasonCode"] == "REQUESTED_BY_CUSTOMER" and record["customerRequested"]


def test_cancellation_takes_exactly_one_item(api: Api) -> None:
    (order_id,) = api.sandbox.state.add_orders(1, lines=2)
    ids = [i["orderItemId"] for i in _items(api, order_id)]
    body = {"orderItems": [{"orderItemId": i, "reasonCode": "OUT_OF_STOCK"} for i in ids]}
    answer = api.send("PUT", "/retailer/orders/cancellation", body)
    assert answer.status_code == 400 and answer.json()["violations"][0]["name"] == "orderItems"
    body = {"orderItems": [{"orderItemId": ids[0], "reasonCode": "BECAUSE"}]}
    assert api.send("PUT", "/retailer/orders/cancellation", body).status_code == 400


def test_process_status_single_bulk_and_unknown(api: Api) -> None:
    (order_id,) = api.sandbox.state.add_orders(1, lines=1)
    (item,) = _items(api, order_id)
    body = {"orderItems": [{"orderItemId": item["orderItemId"]}],
            "transport": {"transporterCode": "DHL", "trackAndTrace": None}}
    first = api.send("POST", "/retailer/shipments", body).json()
    second = api.send("POST", "/retailer/shipments", body).json()
    query = {"processStatusQueries": [{"processStatusId": s["processStatusId"]}
                                      for s in (first, second)] + [{"processStatusId": "nope"}]}
    pending = api.send("POST", "/shared/process-status", query).json()["processStatuses"]
    assert [s["status"] for s in pending] == ["PENDING", "PENDING"]
    time.sleep(0.1)
    final = api.send("POST", "/shared/process-status", query).json()["processStatuses"]
    # The first ships everything; the second then finds nothing open.
    assert [s["status"] for s in final] == ["SUCCESS", "FAILURE"]
    assert api.get("/shared/process-status/nope").status_code == 404


def test_v11_stock_patch_is_synchronous(api: Api) -> None:
    offer = api.get("/retailer/offers", media=V11, params={"page-size": 1}).json()["offers"][0]
    path = f"/retailer/offers/{offer['offerId']}"
    body = {"stock": {"amount": 7, "managedByRetailer": True}}
    answer = api.send("PATCH", path, body, media=V11)
    assert answer.status_code == 204 and answer.content == b""
    after = api.get(path, media=V11).json()
    assert after["stock"] == {"amount": 7, "correctedStock": 7, "managedByRetailer": True}
    assert after["lastModifiedDateTime"] > offer["lastModifiedDateTime"]
    assert api.sandbox.state.offer_stock()[offer["offerId"]]["amount"] == 7
    bad = api.send("PATCH", path, {"stock": {"amount": 1000}}, media=V11)
    assert bad.status_code == 400
    wrong_type = api.http.patch(path, json=body, headers=api.headers(V11))  # no Content-Type
    assert wrong_type.status_code == 415
    unknown = api.send("PATCH", "/retailer/offers/00000000-0000-4000-8000-000000000000", body, V11)
    assert unknown.status_code == 404


def test_process_statuses_by_entity_find_a_pending_write(api: Api) -> None:
    (order_id,) = api.sandbox.state.add_orders(1, lines=1)
    (item,) = _items(api, order_id)
    item_id = item["orderItemId"]
    lookup = {"entity-id": item_id, "event-type": "CREATE_SHIPMENT"}
    assert api.get("/shared/process-status", params=lookup).json() == {"processStatuses": []}
    body = {"orderItems": [{"orderItemId": item_id}],
            "transport": {"transporterCode": "TNT", "trackAndTrace": "3SHAY1"}}
    accepted = api.send("POST", "/retailer/shipments", body).json()
    found = api.get("/shared/process-status", params=lookup).json()["processStatuses"]
    assert [p["processStatusId"] for p in found] == [accepted["processStatusId"]]
    assert found[0]["status"] in ("PENDING", "SUCCESS")
    other = api.get("/shared/process-status",
                    params={**lookup, "event-type": "CANCEL_ORDER"}).json()
    assert other == {"processStatuses": []}
    for bad in ({"entity-id": item_id}, {"event-type": "CREATE_SHIPMENT"},
                {**lookup, "event-type": "SHIP_IT"}):
        assert api.get("/shared/process-status", params=bad).status_code == 400
