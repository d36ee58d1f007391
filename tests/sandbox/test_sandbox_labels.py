"""The sandbox's shipping labels over real HTTP: options, purchase, the PDF, shipping with it.

One sandbox for the module (each test makes its own orders). The label PDF is read back the
way a warehouse would: rendered with ``pdftoppm`` and its barcode scanned with ``zbarimg``.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from openapi_schema_validator import OAS30Validator
from sandbox_helpers import V10, Api, fast_config

from haydigo_desk.bol import BolClient, BolEnvironment, BolServerError, ClientCredentials
from haydigo_desk.bol.api.shipping_labels import LABEL_EVENT
from haydigo_desk.sandbox import RunningSandbox, SandboxState, start_sandbox
from haydigo_desk.sandbox.catalogue import product_size
from haydigo_desk.sandbox.labels import HEAVY_G, MAILBOX_MAX_G, MAILBOX_MAX_MM

PDF = "application/vnd.retailer.v10+pdf"
OPTIONS = "/retailer/shipping-labels/delivery-options"
LABELS = "/retailer/shipping-labels"
SPEC = Path(__file__).resolve().parents[2].parent / "shared" / "bol-openapi" / "retailer-v10.json"


@pytest.fixture(scope="module")
def sandbox() -> Iterator[RunningSandbox]:
    with start_sandbox(fast_config(products=150, open_orders=10)) as running:
        yield running


@pytest.fixture(scope="module")
def api(sandbox: RunningSandbox) -> Iterator[Api]:
    client = Api(sandbox)
    yield client
    client.close()


# --- helpers ------------------------------------------------------------------------------------

def _eans(sandbox: RunningSandbox, *, flat: bool, codes: tuple[str, ...] | None = None,
          heaviest: bool = False) -> list[str]:
    def fits(offer) -> bool:  # one unit through a letterbox, with room to stack up to four
        long_side, middle, short_side = offer.dimensions_mm
        return (long_side <= MAILBOX_MAX_MM[0] and middle <= MAILBOX_MAX_MM[1]
                and short_side * 4 <= MAILBOX_MAX_MM[2] and offer.weight_g * 4 <= MAILBOX_MAX_G)

    def parcel(offer) -> bool:  # too thick for a letterbox, light enough for any parcel
        return offer.dimensions_mm[2] > MAILBOX_MAX_MM[2] and (
            heaviest or offer.weight_g * 4 <= HEAVY_G)

    offers = [o for o in sandbox.state.offers
              if (fits(o) if flat else parcel(o)) and (codes is None or o.delivery_code in codes)]
    if heaviest:
        offers.sort(key=lambda o: o.weight_g, reverse=True)
    assert offers, "the sandbox catalogue has no such product"
    return [o.ean for o in offers]


def _order(api: Api, eans: list[str]) -> list[str]:
    (order_id,) = api.sandbox.state.add_orders(1, eans=eans)
    return [i["orderItemId"] for i in api.get(f"/retailer/orders/{order_id}").json()["orderItems"]]


def _items(ids: list[str]) -> list[dict]:
    return [{"orderItemId": item_id} for item_id in ids]


def _options(api: Api, ids: list[str]) -> list[dict]:
    answer = api.send("POST", OPTIONS, {"orderItems": _items(ids)})
    assert answer.status_code == 200, answer.text
    return answer.json()["deliveryOptions"]


def _settled(api: Api, status: dict, timeout: float = 5.0) -> dict:
    deadline = time.monotonic() + timeout
    while status["status"] == "PENDING" and time.monotonic() < deadline:
        time.sleep(0.02)
        status = api.get(f"/shared/process-status/{status['processStatusId']}").json()
    return status


def _buy(api: Api, ids: list[str], offer_id: str) -> dict:
    answer = api.send("POST", LABELS, {"orderItems": _items(ids), "shippingLabelOfferId": offer_id})
    assert answer.status_code == 202, answer.text
    pending = answer.json()
    assert pending["status"] == "PENDING" and pending["eventType"] == LABEL_EVENT
    return _settled(api, pending)


def _ship(api: Api, ids: list[str], body: dict) -> dict:
    answer = api.send("POST", "/retailer/shipments", {"orderItems": _items(ids)} | body)
    assert answer.status_code == 202, answer.text
    return _settled(api, answer.json())


def _labels(api: Api) -> dict:
    return api.http.get("/_sandbox/shipping-labels").json()


def _scan(pdf: bytes, folder: Path) -> list[str]:
    if not (shutil.which("pdftoppm") and shutil.which("zbarimg")):
        pytest.skip("pdftoppm (poppler-utils) and zbarimg (zbar-tools) are needed to scan")
    (folder / "label.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(folder / "label.pdf"),
                    str(folder / "page")], check=True, timeout=60)
    (page,) = folder.glob("page*.png")
    found = subprocess.run(["zbarimg", "-q", "--raw", str(page)], capture_output=True,
                           text=True, timeout=60)
    return found.stdout.split()


# --- delivery options ---------------------------------------------------------------------------

def test_options_depend_on_what_is_in_the_box(api: Api) -> None:
    flat = _eans(api.sandbox, flat=True)
    flat_options = _options(api, _order(api, flat[:1]))
    assert {o["labelType"] for o in flat_options} == {"MAILBOX", "MAILBOX_LIGHT", "PARCEL"}
    bulky_options = _options(api, _order(api, _eans(api.sandbox, flat=False)[:1]))
    assert {o["labelType"] for o in bulky_options} == {"PARCEL"}
    # Four of the heaviest products together exceed every parcel's 23 kg: nothing to offer.
    assert _options(api, _order(api, _eans(api.sandbox, flat=False, heaviest=True)[:4])) == []
    for options in (flat_options, bulky_options):
        assert sum(o["recommended"] for o in options) == 1
        assert len({o["shippingLabelOfferId"] for o in options}) == len(options)
        for option in options:
            assert option["labelPrice"]["totalPrice"] > 0
            assert option["packageRestrictions"]["maxWeight"].endswith(" kg")
            handover = option["handoverDetails"]
            assert handover["earliestHandoverDateTime"] < handover["latestHandoverDateTime"]
            assert handover["collectionMethod"] in ("DROP_OFF", "PICK_UP")
    mailbox = next(o for o in flat_options if o["labelType"] == "MAILBOX")
    parcel = min((o for o in flat_options if o["labelType"] == "PARCEL"),
                 key=lambda o: o["labelPrice"]["totalPrice"])
    assert mailbox["labelPrice"]["totalPrice"] < parcel["labelPrice"]["totalPrice"]


@pytest.mark.skipif(not SPEC.is_file(), reason="bol's OpenAPI files are not beside the repository")
def test_options_and_purchase_answers_fit_bols_schemas(api: Api) -> None:
    spec = json.loads(SPEC.read_text(encoding="utf-8"))

    def errors(path: str, status: str, document: dict) -> list[str]:
        schema = spec["paths"][path]["post"]["responses"][status]["content"][V10]["schema"]
        validator = OAS30Validator({"components": spec["components"], **schema})
        return [error.message for error in validator.iter_errors(document)]

    ids = _order(api, _eans(api.sandbox, flat=True)[:2])
    answer = api.send("POST", OPTIONS, {"orderItems": _items(ids)}).json()
    assert answer["deliveryOptions"] and errors(OPTIONS, "200", answer) == []
    offer = answer["deliveryOptions"][0]["shippingLabelOfferId"]
    pending = api.send("POST", LABELS, {"orderItems": _items(ids), "shippingLabelOfferId": offer})
    assert errors(LABELS, "202", pending.json()) == []


def test_the_customers_promise_decides_which_options_are_on_time(api: Api) -> None:
    # Ordered now for delivery within 24 hours: a parcel handed over in time arrives; a
    # mailbox package (two days on the way) would be late.
    quick = _options(api, _order(api, _eans(api.sandbox, flat=True,
                                            codes=("24uurs-23", "24uurs-20", "24uurs-16"))[:1]))
    on_time = {o["labelType"]: o["handoverDetails"]["meetsCustomerExpectation"] for o in quick}
    assert on_time["MAILBOX"] is False and on_time["MAILBOX_LIGHT"] is False
    assert any(o["handoverDetails"]["meetsCustomerExpectation"] for o in quick
               if o["labelType"] == "PARCEL")
    (recommended,) = [o for o in quick if o["recommended"]]
    assert recommended["labelType"] == "PARCEL"
    # Four to eight days: everything is on time, and the cheapest (a mailbox) is recommended.
    slow = _options(api, _order(api, _eans(api.sandbox, flat=True, codes=("4-8d",))[:1]))
    assert all(o["handoverDetails"]["meetsCustomerExpectation"] for o in slow)
    cheapest = min(slow, key=lambda o: o["labelPrice"]["totalPrice"])
    assert cheapest["recommended"] and cheapest["labelType"].startswith("MAILBOX")


def test_bad_option_requests_get_bols_answers(api: Api) -> None:
    assert api.send("POST", OPTIONS, {"orderItems": []}).status_code == 400
    missing = api.send("POST", OPTIONS, {"orderItems": [{"orderItemId": "999"}]})
    assert missing.status_code == 404 and "999" in missing.json()["detail"]
    first = _order(api, _eans(api.sandbox, flat=False)[:1])
    second = _order(api, _eans(api.sandbox, flat=False)[:1])
    mixed = api.send("POST", OPTIONS, {"orderItems": _items(first + second)})
    assert mixed.status_code == 400 and "one order" in mixed.text
    too_many = api.send("POST", OPTIONS, {"orderItems": [{"orderItemId": first[0],
                                                          "quantity": 99}]})
    assert too_many.status_code == 400 and "open quantity" in too_many.text


# --- buying, reading and using a label ----------------------------------------------------------

@pytest.mark.parametrize("carrier", ["TNT", "DHLFORYOU"])
def test_a_label_is_bought_charged_and_printed_with_a_scannable_code(
        api: Api, carrier: str, tmp_path: Path) -> None:
    before = _labels(api)
    ids = _order(api, _eans(api.sandbox, flat=False)[:1])
    option = next(o for o in _options(api, ids) if o["transporterCode"] == carrier)
    bought = _buy(api, ids, option["shippingLabelOfferId"])
    assert bought["status"] == "SUCCESS", bought
    label_id = bought["entityId"]
    answer = api.get(f"{LABELS}/{label_id}", media=PDF)
    assert answer.status_code == 200 and answer.headers["content-type"] == PDF
    track_and_trace = answer.headers["X-Track-And-Trace-Code"]
    assert answer.headers["X-Transporter-Code"] == carrier
    assert answer.content.startswith(b"%PDF-") and b"%%EOF" in answer.content[-64:]
    assert _scan(answer.content, tmp_path) == [track_and_trace]
    info = subprocess.run(["pdfinfo", str(tmp_path / "label.pdf")], capture_output=True,
                          text=True, check=True).stdout
    assert "297.6" in info and "419.5" in info  # A6 in points
    again = api.get(f"{LABELS}/{label_id}", media=PDF)
    assert again.content == answer.content  # a reprint is the same label
    head = api.http.head(f"{LABELS}/{label_id}", headers=api.headers(PDF))
    assert head.headers["X-Track-And-Trace-Code"] == track_and_trace and not head.content
    after = _labels(api)
    # Exactly one purchase for these items (an earlier test's purchase may settle meanwhile,
    # so the totals are compared per item, not overall).
    mine = [r for r in after["labels"]
            if {i["orderItemId"] for i in r["orderItems"]} & set(ids)]
    assert len(mine) == 1 and after["count"] >= before["count"] + 1
    assert after["charged"] >= before["charged"] + option["labelPrice"]["totalPrice"] - 0.005
    (record,) = [r for r in after["labels"] if r["shippingLabelId"] == label_id]
    assert record["trackAndTrace"] == track_and_trace and record["shipmentId"] is None
    (item,) = api.get(f"/retailer/orders/{record['orderId']}").json()["orderItems"]
    assert record["orderItems"] == [{"orderItemId": ids[0], "quantity": item["quantity"]}]


def test_the_label_pdf_speaks_pdf_only(api: Api) -> None:
    unknown = api.get(f"{LABELS}/no-such-label", media=PDF)
    assert unknown.status_code == 404 and unknown.headers["content-type"] == PDF
    assert "no-such-label" in unknown.json()["detail"]
    assert api.get(f"{LABELS}/no-such-label", media=V10).status_code == 406


def test_purchases_that_bol_would_refuse_fail_later_and_cost_nothing(api: Api) -> None:
    charged = _labels(api)["count"]
    ids = _order(api, _eans(api.sandbox, flat=False)[:2])
    offer = _options(api, ids)[0]["shippingLabelOfferId"]
    unknown = _buy(api, ids, "no-such-offer")
    assert unknown["status"] == "FAILURE" and "unknown" in unknown["errorMessage"]
    partial = _buy(api, ids[:1], offer)
    assert partial["status"] == "FAILURE" and "do not match" in partial["errorMessage"]
    assert _buy(api, ids, offer)["status"] == "SUCCESS"
    twice = _buy(api, ids, _options(api, ids)[0]["shippingLabelOfferId"])
    assert twice["status"] == "FAILURE" and "already has shipping label" in twice["errorMessage"]
    assert "entityId" not in twice
    # Cancelled between asking and buying.
    cancelled_ids = _order(api, _eans(api.sandbox, flat=False)[:1])
    offer = _options(api, cancelled_ids)[0]["shippingLabelOfferId"]
    body = {"orderItems": [{"orderItemId": cancelled_ids[0], "reasonCode": "OUT_OF_STOCK"}]}
    assert _settled(api, api.send("PUT", "/retailer/orders/cancellation", body).json())[
        "status"] == "SUCCESS"
    gone = _buy(api, cancelled_ids, offer)
    assert gone["status"] == "FAILURE" and "cancelled" in gone["errorMessage"]
    # Bought too late: the offer expired.
    late_ids = _order(api, _eans(api.sandbox, flat=False)[:1])
    offer = _options(api, late_ids)[0]["shippingLabelOfferId"]
    assert api.http.post("/_sandbox/shipping-labels/expire-offers").json()["expired"] > 0
    expired = _buy(api, late_ids, offer)
    assert expired["status"] == "FAILURE" and "expired" in expired["errorMessage"]
    assert _buy(api, late_ids, _options(api, late_ids)[0]["shippingLabelOfferId"])[
        "status"] == "SUCCESS"  # fresh options can be bought
    assert _labels(api)["count"] == charged + 2


def test_a_shipment_with_a_label_takes_its_carrier_and_only_its_items(api: Api) -> None:
    ids = _order(api, _eans(api.sandbox, flat=False)[:2])
    label_id = _buy(api, ids[:1], _options(api, ids[:1])[0]["shippingLabelOfferId"])["entityId"]
    label = api.get(f"{LABELS}/{label_id}", media=PDF)
    both = api.send("POST", "/retailer/shipments", {
        "orderItems": _items(ids[:1]), "shippingLabelId": label_id,
        "transport": {"transporterCode": "DHL"}})
    assert both.status_code == 400  # a label leaves the transport empty
    wrong = _ship(api, ids[1:], {"shippingLabelId": label_id})
    assert wrong["status"] == "FAILURE" and label_id in wrong["errorMessage"]
    unknown = _ship(api, ids[1:], {"shippingLabelId": "no-such-label"})
    assert unknown["status"] == "FAILURE" and "unknown" in unknown["errorMessage"]
    shipped = _ship(api, ids[:1], {"shippingLabelId": label_id})
    assert shipped["status"] == "SUCCESS", shipped
    shipment = api.sandbox.state.shipments()[-1]
    assert shipment["shippingLabelId"] == label_id
    assert shipment["transporterCode"] == label.headers["X-Transporter-Code"]
    assert shipment["trackAndTrace"] == label.headers["X-Track-And-Trace-Code"]
    (record,) = [r for r in _labels(api)["labels"] if r["shippingLabelId"] == label_id]
    assert record["shipmentId"] == shipment["shipmentId"]
    # The label is used up; the other item still ships with a label of its own.
    reused = _ship(api, ids[1:], {"shippingLabelId": label_id})
    assert reused["status"] == "FAILURE"
    assert api.send("POST", OPTIONS, {"orderItems": _items(ids[:1])}).status_code == 400


def test_a_lost_purchase_answer_is_found_by_its_order_item(api: Api) -> None:
    """The answer of a purchase is lost (502 after bol carried it out): the client does not
    buy again, and bol's process status by order item and event type shows the label."""
    sandbox = api.sandbox
    ids = _order(api, _eans(sandbox, flat=False)[:1])
    offer = _options(api, ids)[0]["shippingLabelOfferId"]
    before = _labels(api)["count"]
    posts = sandbox.state.request_counts["POST /retailer/shipping-labels"]

    async def buy_and_look() -> list:
        environment = BolEnvironment.custom(sandbox.url)
        credentials = ClientCredentials(sandbox.client_id, sandbox.client_secret)
        async with BolClient(credentials, environment) as bol:
            await bol.verify_credentials()
            sandbox.state.set_faults(lost_answer_rate=1.0)
            try:
                with pytest.raises(BolServerError) as lost:
                    await bol.create_shipping_label(ids, offer)
            finally:
                sandbox.state.set_faults(lost_answer_rate=0.0)
            assert lost.value.may_have_been_processed
            for _ in range(250):
                found = await bol.get_process_statuses_for_entity(ids[0], LABEL_EVENT)
                if found and found[0].is_final:
                    return found
                await asyncio.sleep(0.02)
            return found

    (status,) = asyncio.run(buy_and_look())
    assert status.status == "SUCCESS" and status.entity_id
    assert _labels(api)["count"] == before + 1  # bought once, found, not bought again
    assert sandbox.state.request_counts["POST /retailer/shipping-labels"] == posts + 1


def test_label_endpoints_have_their_own_rate_limits(api: Api) -> None:
    ids = _order(api, _eans(api.sandbox, flat=False)[:1])
    limiter = api.sandbox.state.rate_limiter
    limiter.set_scale(0.01)  # 100-second windows: the count is not at the mercy of timing
    try:
        answers = [api.send("POST", OPTIONS, {"orderItems": _items(ids)}) for _ in range(26)]
        assert [a.status_code for a in answers[:25]] == [200] * 25
        refused = answers[25]
        assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0
        assert refused.headers["x-ratelimit-limit"] == "25"
        # Other buckets are untouched: the label PDF and the purchase still answer.
        assert api.get(f"{LABELS}/none", media=PDF).status_code == 404
        assert api.send("POST", LABELS, {"orderItems": _items(ids), "shippingLabelOfferId": "x"}
                        ).status_code == 202
    finally:
        limiter.set_scale(1000.0)
    assert api.send("POST", OPTIONS, {"orderItems": _items(ids)}).status_code == 200


def test_inspection_shows_labels_in_the_state_snapshot(api: Api) -> None:
    labels = _labels(api)
    assert labels["count"] > 0 and labels["charged"] > 0
    snapshot = api.http.get("/_sandbox/state", params={"orders": "false"}).json()
    assert snapshot["shippingLabels"] == labels


def test_product_sizes_are_fixed_per_ean_and_leave_the_catalogue_as_it_was() -> None:
    small = SandboxState(fast_config(products=40, open_orders=0)).offers
    large = SandboxState(fast_config(products=400, open_orders=0)).offers
    assert [(o.ean, o.dimensions_mm, o.weight_g) for o in small] == [
        (o.ean, o.dimensions_mm, o.weight_g) for o in large[:40]]
    assert all(o.dimensions_mm == product_size(o.ean)["dimensions_mm"] for o in large)
    assert all(a >= b >= c > 0 for a, b, c in (o.dimensions_mm for o in large))
    flat = [o for o in large if o.dimensions_mm[2] <= MAILBOX_MAX_MM[2]
            and o.weight_g <= MAILBOX_MAX_G and o.dimensions_mm[0] <= MAILBOX_MAX_MM[0]
            and o.dimensions_mm[1] <= MAILBOX_MAX_MM[1]]
    assert 0.25 < len(flat) / len(large) < 0.55  # mailbox labels are common, not the rule
    # The sizes come from a stream of their own: every other value is what it was before.
    assert [o.ean for o in large[:2]] == ["8729141777634", "5401500080632"]
