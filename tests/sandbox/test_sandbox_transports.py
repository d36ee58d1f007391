"""``PUT /retailer/transports/{transport-id}``: a track & trace corrected after shipping."""

from __future__ import annotations

from sandbox_helpers import Api
from test_sandbox_writes import _items, _settled, _ship

from haydigo_desk.sandbox.ratelimit import find_bucket


def _shipped_transport(api: Api) -> tuple[str, str]:
    """(order id, transport id) of a fresh order shipped with TNT / 3SHAY1."""
    (order_id,) = api.sandbox.state.add_orders(1, lines=1)
    (item,) = _items(api, order_id)
    assert _ship(api, [{"orderItemId": item["orderItemId"]}])["status"] == "SUCCESS"
    listed = api.get("/retailer/shipments", params={"order-id": order_id}).json()["shipments"]
    return order_id, listed[0]["transport"]["transportId"]


def _shipment_of(api: Api, order_id: str) -> dict:
    state = api.http.get("/_sandbox/state?orders=false").json()
    (shipment,) = [s for s in state["shipments"] if s["orderId"] == order_id]
    return shipment


def test_a_corrected_track_and_trace_settles_and_shows_in_the_state(api: Api) -> None:
    order_id, transport_id = _shipped_transport(api)
    answer = api.send("PUT", f"/retailer/transports/{transport_id}",
                      {"transporterCode": "DHL", "trackAndTrace": "JVGL0123456789"})
    assert answer.status_code == 202, answer.text
    assert answer.headers["Content-Type"].startswith("application/vnd.retailer.v10+json")
    pending = answer.json()
    assert (pending["eventType"], pending["status"]) == ("CHANGE_TRANSPORT", "PENDING")
    # Found by entity id while still pending, as the outbox's lookup after a lost answer needs.
    found = api.get("/shared/process-status", params={
        "entity-id": transport_id, "event-type": "CHANGE_TRANSPORT"}).json()["processStatuses"]
    assert [s["processStatusId"] for s in found] == [pending["processStatusId"]]
    settled = _settled(api, pending)
    assert (settled["status"], settled["entityId"]) == ("SUCCESS", transport_id)
    shipment = _shipment_of(api, order_id)
    assert (shipment["transporterCode"], shipment["trackAndTrace"]) == ("DHL", "JVGL0123456789")
    assert shipment["transportChanges"] == 1


def test_without_a_carrier_only_the_track_and_trace_changes(api: Api) -> None:
    order_id, transport_id = _shipped_transport(api)
    answer = api.send("PUT", f"/retailer/transports/{transport_id}", {"trackAndTrace": "3SHAY2"})
    assert _settled(api, answer.json())["status"] == "SUCCESS"
    shipment = _shipment_of(api, order_id)
    assert (shipment["transporterCode"], shipment["trackAndTrace"]) == ("TNT", "3SHAY2")


def test_bol_validation_unknown_transport_unknown_carrier_blank_code(api: Api) -> None:
    order_id, transport_id = _shipped_transport(api)
    unknown = api.send("PUT", "/retailer/transports/999999999", {"trackAndTrace": "3SHAY2"})
    assert unknown.status_code == 404 and "999999999" in unknown.json()["title"] + unknown.text
    carrier = api.send("PUT", f"/retailer/transports/{transport_id}",
                       {"transporterCode": "POSTDUIF", "trackAndTrace": "3SHAY2"})
    assert carrier.status_code == 400
    assert carrier.json()["violations"][0]["name"] == "transporterCode"
    blank = api.send("PUT", f"/retailer/transports/{transport_id}", {"trackAndTrace": " "})
    assert blank.status_code == 400 and blank.json()["violations"][0]["name"] == "trackAndTrace"
    wrong_type = api.http.put(f"/retailer/transports/{transport_id}", json={"trackAndTrace": "X"},
                              headers=api.headers() | {"Content-Type": "application/json"})
    assert wrong_type.status_code == 415
    # Nothing of that reached the shipment.
    assert _shipment_of(api, order_id)["trackAndTrace"] == "3SHAY1"


def test_transports_have_their_own_rate_limit_bucket(api: Api) -> None:
    _, transport_id = _shipped_transport(api)
    assert find_bucket("PUT", f"/retailer/transports/{transport_id}").name == "transports"
    answer = api.send("PUT", f"/retailer/transports/{transport_id}", {"trackAndTrace": "3SHAY3"})
    assert int(answer.headers["x-ratelimit-limit"]) > 0
