"""Order listing exactly like bol: paging, filters, detail, and orders placed over time."""

from __future__ import annotations

import time
from datetime import datetime, timedelta

from sandbox_helpers import Api, fast_config

from haydigo_desk.sandbox import start_sandbox
from haydigo_desk.sandbox.clock import AMSTERDAM


def test_paging_fifty_newest_first_then_empty_object(api: Api) -> None:
    pages = [api.get("/retailer/orders", params={"page": n}).json() for n in (1, 2, 3, 4)]
    assert [len(p.get("orders", [])) for p in pages] == [50, 50, 20, 0]
    assert pages[3] == {}  # bol's answer after the last page: no "orders" key at all
    orders = [o for p in pages[:3] for o in p["orders"]]
    placed = [datetime.fromisoformat(o["orderPlacedDateTime"]) for o in orders]
    assert placed == sorted(placed, reverse=True)
    assert len({o["orderId"] for o in orders}) == 120
    item = orders[0]["orderItems"][0]
    assert item["fulfilmentMethod"] == "FBR" and item["fulfilmentStatus"] == "OPEN"


def test_fbb_and_bad_parameters(api: Api) -> None:
    assert api.get("/retailer/orders", params={"fulfilment-method": "FBB"}).json() == {}
    for params in ({"page": 0}, {"status": "NOPE"}, {"change-interval-minute": 61},
                   {"latest-change-date": "gisteren"}):
        answer = api.get("/retailer/orders", params=params)
        assert answer.status_code == 400, params
        assert answer.json()["violations"][0]["name"] == next(iter(params))


def test_change_interval_and_latest_change_date(api: Api) -> None:
    # Initial orders were placed up to 36 h ago; only fresh changes are in a short interval.
    new_ids = api.sandbox.state.add_orders(3)
    body = api.get("/retailer/orders", params={"change-interval-minute": 1}).json()
    assert {o["orderId"] for o in body["orders"]} == set(new_ids)
    today = datetime.now(AMSTERDAM).date()
    body = api.get("/retailer/orders", params={"latest-change-date": today.isoformat()}).json()
    assert set(new_ids) <= {o["orderId"] for o in body["orders"]}
    long_ago = (today - timedelta(days=20)).isoformat()
    assert api.get("/retailer/orders", params={"latest-change-date": long_ago}).json() == {}


def test_order_detail_has_what_the_desk_needs(api: Api) -> None:
    (order_id,) = api.sandbox.state.add_orders(1, country="BE", lines=3)
    detail = api.get(f"/retailer/orders/{order_id}").json()
    assert detail["orderId"] == order_id
    assert detail["shipmentDetails"]["countryCode"] == "BE"
    assert len(detail["orderItems"]) == 3
    for item in detail["orderItems"]:
        assert set(item["offer"]) == {"offerId", "reference"}
        assert set(item["product"]) == {"ean", "title"}
        assert item["quantityShipped"] == item["quantityCancelled"] == 0
        assert item["cancellationRequest"] is False and item["unitPrice"] > 0
        assert item["fulfilment"]["method"] == "FBR"
        fulfilment = item["fulfilment"]
        # One of the two dates, never both (an exact one when the customer chose the day).
        (deadline,) = [fulfilment[k] for k in ("latestDeliveryDate", "exactDeliveryDate")
                       if k in fulfilment]
        assert deadline <= fulfilment["expiryDate"]
        assert fulfilment["distributionParty"] in ("RETAILER", "BOL")
    missing = api.get("/retailer/orders/C000NOTHERE")
    assert missing.status_code == 404 and missing.json()["status"] == 404


def test_orders_arrive_over_time_with_cancellation_requests() -> None:
    # 36,000/h is 10 per second: half a second must bring a handful, not none and not 50.
    config = fast_config(open_orders=0, order_rate_per_hour=36_000, cancel_rate=1.0)
    with start_sandbox(config) as sandbox:
        time.sleep(0.8)
        state = sandbox.state
        placed = state.open_order_ids()
        assert 2 <= len(placed) <= 30
        requested = [
            item for order_id in placed for item in state.order_summary(order_id)["items"]
            if item["cancellationRequest"]
        ]
        assert requested  # with cancel_rate 1 every placed order brings a request


def test_initial_orders_carry_cancellation_requests_at_the_rate() -> None:
    with start_sandbox(fast_config(open_orders=400, cancel_rate=0.25)) as sandbox:
        api = Api(sandbox)
        orders = api.all_open_orders()
        flagged = sum(any(i["cancellationRequest"] for i in o["orderItems"]) for o in orders)
        assert 60 <= flagged <= 140  # about a quarter of 400
        api.close()


def test_orders_come_with_bols_delivery_choices(api: Api) -> None:
    """Exact delivery days, Verzenden via bol and pick-up points, shaped as bol's spec has them
    (so the desk's deadline and "via bol" rules meet them in the sandbox)."""
    details = [api.get(f"/retailer/orders/{order_id}").json()
               for order_id in api.sandbox.state.add_orders(80, country="NL")]
    exact = [d for d in details if "exactDeliveryDate" in d["orderItems"][0]["fulfilment"]]
    via_bol = [d for d in details
               if d["orderItems"][0]["fulfilment"]["distributionParty"] == "BOL"]
    pickup = [d for d in details if d["pickupPoint"]]
    assert exact and via_bol and pickup and len(exact) + len(pickup) < len(details)
    for detail in exact:
        for item in detail["orderItems"]:
            assert "latestDeliveryDate" not in item["fulfilment"]
            assert item["fulfilment"]["timeFrameType"] in (
                "REGULAR", "EVENING", "APPOINTMENT", "SUNDAY")
        if detail["orderItems"][0]["fulfilment"]["timeFrameType"] == "APPOINTMENT":
            assert detail["shipmentDetails"]["deliveryPhoneNumber"]  # the carrier calls
    for detail in pickup:
        assert detail["shipmentDetails"]["pickupPointName"].endswith(
            detail["shipmentDetails"]["city"].upper())
        assert "pickupPointName" not in detail["billingDetails"]
    for detail in details:
        assert detail["pickupPoint"] == ("pickupPointName" in detail["shipmentDetails"])
