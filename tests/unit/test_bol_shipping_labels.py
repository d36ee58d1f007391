"""The shipping-label endpoints of the bol.com client (httpx.MockTransport).

Options are read leniently, a purchase is sent exactly once whatever happens to its answer,
bol's refusals arrive as typed errors, and a label is a whole PDF with bol's two headers.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import httpx
import pytest
from support.bol_mock import FakeBol, FakeClock, json_response, make_client, problem

from haydigo_desk.bol import (
    BolMalformedResponseError,
    BolNetworkError,
    BolNotFoundError,
    BolServerError,
    BolValidationError,
    ProcessState,
    ShipmentLine,
)
from haydigo_desk.bol.api.shipping_labels import LABEL_EVENT
from haydigo_desk.bol.models_labels import CollectionMethod, LabelType
from haydigo_desk.services.label_options import label_option_of

OPTIONS = "/retailer/shipping-labels/delivery-options"
LABELS = "/retailer/shipping-labels"
LABEL_ID = "d4c50077-0c19-435f-9bee-1b30b9f4ba1a"
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PENDING = {"processStatusId": "ps-1", "eventType": LABEL_EVENT, "status": "PENDING",
           "description": "Create shipping label", "createTimestamp": "2026-08-03T10:00:00+02:00"}


def delivery_option(**changes) -> dict:
    return {
        "shippingLabelOfferId": "027b79fa-5743-40f0-94c7-0eac761af611",
        "recommended": True,
        "validUntilDate": "2026-08-03",
        "transporterCode": "TNT",
        "labelType": "PARCEL",
        "labelDisplayName": "PostNL & bol.com - Pakket",
        "labelPrice": {"totalPrice": 4.15},
        "packageRestrictions": {"maxWeight": "23 kg", "maxDimensions": "100 x 50 x 50 cm"},
        "handoverDetails": {
            "meetsCustomerExpectation": True,
            "earliestHandoverDateTime": "2026-08-03T10:00:00+02:00",
            "latestHandoverDateTime": "2026-08-03T18:00:00+02:00",
            "collectionMethod": "DROP_OFF",
        },
    } | changes


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def bol() -> FakeBol:
    return FakeBol()


@pytest.mark.asyncio
async def test_delivery_options_are_asked_for_the_items_and_read(bol, clock) -> None:
    odd = delivery_option(shippingLabelOfferId="x2", recommended=False, labelType="CARGO_BIKE",
                          validUntilDate="someday", handoverDetails=None, newField={"a": 1})
    bol.script("POST", OPTIONS, json_response(200, {"deliveryOptions": [delivery_option(), odd]}))
    async with make_client(bol, clock) as client:
        parcel, cargo = await client.get_delivery_options(
            [ShipmentLine("6107434013", 2), "6107434014"])
    (request,) = bol.api_requests("POST", OPTIONS)
    assert json.loads(request.content) == {
        "orderItems": [{"orderItemId": "6107434013", "quantity": 2},
                       {"orderItemId": "6107434014"}]}
    assert request.headers["content-type"] == "application/vnd.retailer.v10+json"
    assert parcel.label_type is LabelType.PARCEL and parcel.total_price == Decimal("4.15")
    assert parcel.valid_until_date == date(2026, 8, 3)
    assert parcel.handover_details.collection_method is CollectionMethod.DROP_OFF
    assert parcel.handover_details.latest_handover_date_time.hour == 18
    assert parcel.package_restrictions.max_weight == "23 kg"
    # A label type bol adds later, a date that is none, a field the desk does not know:
    # read, not refused, and not mistaken for a mailbox.
    assert cargo.label_type == "CARGO_BIKE" and cargo.valid_until_date is None
    assert cargo.model_extra["newField"] == {"a": 1}
    assert not label_option_of(cargo).mailbox


@pytest.mark.asyncio
async def test_no_options_is_an_empty_list_and_bad_input_never_leaves(bol, clock) -> None:
    bol.script("POST", OPTIONS, json_response(200, {}), json_response(200, {"deliveryOptions": []}))
    async with make_client(bol, clock) as client:
        assert await client.get_delivery_options(["1"]) == []
        assert await client.get_delivery_options(["1"]) == []
        for lines in ([], [""], [ShipmentLine("1", 0)], ["1"] * 101):
            with pytest.raises(ValueError):
                await client.get_delivery_options(lines)
        with pytest.raises(ValueError):
            await client.create_shipping_label(["1"], "")
    assert len(bol.api_requests()) == 2  # the refused ones were never sent


@pytest.mark.asyncio
async def test_delivery_options_are_asked_again_after_a_server_error(bol, clock) -> None:
    bol.script("POST", OPTIONS, problem(500, "Internal Server Error", "boom"),
               json_response(200, {"deliveryOptions": [delivery_option()]}))
    async with make_client(bol, clock) as client:
        (option,) = await client.get_delivery_options(["6107434013"])
    assert option.recommended and len(bol.api_requests("POST", OPTIONS)) == 2


@pytest.mark.asyncio
async def test_refusals_are_typed_with_bols_details(bol, clock) -> None:
    bol.script("POST", OPTIONS, problem(
        400, "Bad request", "Error validating request",
        violations=[{"name": "orderItems[0].orderItemId", "reason": "must not be blank"}]))
    bol.script("POST", "/retailer/shipping-labels", problem(
        404, "Not Found", "Order item 999 not found"))
    async with make_client(bol, clock) as client:
        with pytest.raises(BolValidationError) as invalid:
            await client.get_delivery_options(["6107434013"])
        with pytest.raises(BolNotFoundError) as missing:
            await client.create_shipping_label(["999"], "offer-1")
    assert invalid.value.violations[0].name == "orderItems[0].orderItemId"
    assert invalid.value.endpoint == f"POST {OPTIONS}"
    assert "999" in str(missing.value) and not missing.value.may_have_been_processed


@pytest.mark.asyncio
async def test_a_label_purchase_is_sent_once_and_answers_with_its_process(bol, clock) -> None:
    bol.script("POST", LABELS, json_response(202, PENDING))
    async with make_client(bol, clock) as client:
        status = await client.create_shipping_label(
            [ShipmentLine("6107434013", 1)], "027b79fa-5743-40f0-94c7-0eac761af611")
    (request,) = bol.api_requests("POST", LABELS)
    assert json.loads(request.content) == {
        "orderItems": [{"orderItemId": "6107434013", "quantity": 1}],
        "shippingLabelOfferId": "027b79fa-5743-40f0-94c7-0eac761af611"}
    assert status.status is ProcessState.PENDING and status.event_type == LABEL_EVENT


@pytest.mark.asyncio
@pytest.mark.parametrize("lost", [
    problem(500, "Internal Server Error", "boom"),
    problem(502, "Bad Gateway", "lost"),
    httpx.ReadTimeout("answer lost"),
    httpx.Response(202, content=b'{"processStatusId": "ps-1", "sta'),  # cut off
], ids=["500", "502", "timeout", "cut-off 202"])
async def test_a_purchase_whose_answer_is_lost_is_never_repeated(bol, clock, lost) -> None:
    """A label costs money: after an answer that may mean "bought", the client does not buy
    again but says so, and the caller asks bol (process status by entity) first."""
    bol.script("POST", LABELS, lost, json_response(202, PENDING))
    async with make_client(bol, clock) as client:
        with pytest.raises((BolServerError, BolNetworkError, BolMalformedResponseError)) as error:
            await client.create_shipping_label(["6107434013"], "offer-1")
    assert error.value.may_have_been_processed
    assert len(bol.api_requests("POST", LABELS)) == 1


@pytest.mark.asyncio
async def test_a_purchase_refused_before_bol_took_it_in_is_sent_again(bol, clock) -> None:
    """503 and a refused connection mean bol never took the request in: safe to repeat."""
    bol.script("POST", LABELS, problem(503, "Service Unavailable", "later"),
               httpx.ConnectError("refused"), json_response(202, PENDING))
    async with make_client(bol, clock) as client:
        status = await client.create_shipping_label(["6107434013"], "offer-1")
    assert status.process_status_id == "ps-1"
    assert len(bol.api_requests("POST", LABELS)) == 3


@pytest.mark.asyncio
async def test_an_unknown_outcome_is_found_by_the_items_process_status(bol, clock) -> None:
    found = {"processStatuses": [PENDING | {"status": "SUCCESS", "entityId": LABEL_ID}]}
    bol.script("GET", "/shared/process-status", json_response(200, found))
    async with make_client(bol, clock) as client:
        (status,) = await client.get_process_statuses_for_entity("6107434013", LABEL_EVENT)
    (request,) = bol.api_requests("GET", "/shared/process-status")
    assert request.url.params["event-type"] == "CREATE_SHIPPING_LABEL"
    assert request.url.params["entity-id"] == "6107434013"
    assert status.status is ProcessState.SUCCESS and status.entity_id == LABEL_ID


@pytest.mark.asyncio
async def test_the_label_pdf_with_bols_headers(bol, clock) -> None:
    headers = {"content-type": "application/vnd.retailer.v10+pdf",
               "X-Track-And-Trace-Code": "3SBOL0987654321", "X-Transporter-Code": "TNT"}
    bol.script("GET", f"{LABELS}/{LABEL_ID}", httpx.Response(200, content=PDF, headers=headers))
    async with make_client(bol, clock) as client:
        label = await client.get_shipping_label(LABEL_ID)
    assert label.pdf == PDF
    assert (label.transporter_code, label.track_and_trace) == ("TNT", "3SBOL0987654321")
    (request,) = bol.api_requests()
    assert request.headers["accept"] == "application/vnd.retailer.v10+pdf"
    assert "%PDF" not in repr(label)  # the bytes stay out of logs and reprs


@pytest.mark.asyncio
@pytest.mark.parametrize("body", [
    json.dumps({"not": "pdf"}).encode(),
    b"",
    PDF[: len(PDF) // 2],  # cut off in transit: it starts like a PDF
    b"<html>login</html>",
], ids=["json", "empty", "cut-off", "html"])
async def test_what_is_not_a_whole_pdf_is_refused_and_asked_again(bol, clock, body) -> None:
    bol.script("GET", f"{LABELS}/broken", httpx.Response(200, content=body),
               httpx.Response(200, content=PDF, headers={"X-Transporter-Code": "TNT"}))
    bol.script("GET", f"{LABELS}/always-broken", httpx.Response(200, content=body))
    async with make_client(bol, clock) as client:
        label = await client.get_shipping_label("broken")  # a read: asked once more
        with pytest.raises(BolMalformedResponseError) as error:
            await client.get_shipping_label("always-broken")
    assert label.pdf == PDF and label.track_and_trace is None
    assert error.value.record_id == "always-broken" and "PDF" in error.value.message


@pytest.mark.asyncio
async def test_an_unknown_label_is_not_found_with_bols_text(bol, clock) -> None:
    # bol's spec types the label's problem answers as the PDF media type; the body is JSON.
    body = {"title": "Not Found", "status": 404, "detail": "Shipping label nope not found."}
    bol.script("GET", f"{LABELS}/nope", json_response(
        404, body, media="application/vnd.retailer.v10+pdf"))
    async with make_client(bol, clock) as client:
        with pytest.raises(BolNotFoundError) as error:
            await client.get_shipping_label("nope")
    assert error.value.status == 404
    assert "Shipping label nope not found." in str(error.value)
