"""Contract tests of the shipping-label calls against bol's own OpenAPI file (retailer v10).

Same method as ``test_bol_contract.py``: every request the client sends is checked against the
operation bol's spec defines (path, media types, body schema), and the spec's own example
answers are validated against their schemas and parsed by the client's models.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest
from support.bol_mock import FakeBol, FakeClock, json_response, make_client
from test_bol_contract import (
    assert_parsed_equals,
    check_request,
    example_for,
    pytestmark,  # noqa: F401  (skipped, with the reason, where bol's files are absent)
    response_schema,
    schema_errors,
    spec,
)

from haydigo_desk.bol import BolClient, ShipmentLine
from haydigo_desk.bol.api.shipping_labels import LABEL_EVENT
from haydigo_desk.bol.models import ProcessStatus
from haydigo_desk.bol.models_labels import DeliveryOptions, LabelType

LABEL_ID = "6ff736b5-cdd0-4150-8c67-78269ee986f5"
OPTIONS_PATH = "/retailer/shipping-labels/delivery-options"


def test_delivery_options_example_fits_its_schema_and_parses() -> None:
    schema = response_schema("retailer", OPTIONS_PATH, "post", "200")
    document = example_for("retailer", schema)
    assert schema_errors("retailer", schema, document) == []
    parsed = DeliveryOptions.model_validate(document)
    assert_parsed_equals(document, parsed)  # every example value, under its snake_case name
    (option,) = parsed.delivery_options
    assert option.label_type is LabelType.PARCEL and option.total_price is not None


def test_label_purchase_answers_with_a_process_status() -> None:
    schema = response_schema("retailer", "/retailer/shipping-labels", "post", "202")
    document = example_for("retailer", schema)
    assert schema_errors("retailer", schema, document) == []
    assert_parsed_equals(document, ProcessStatus.model_validate(document))


def test_the_label_event_is_one_bol_can_look_up() -> None:
    operation = spec("shared")["paths"]["/shared/process-status"]["get"]
    (event_type,) = [p for p in operation["parameters"] if p["name"] == "event-type"]
    assert LABEL_EVENT in event_type["schema"]["enum"]


def test_the_label_pdf_and_its_headers_are_what_bol_specifies() -> None:
    answer = spec("retailer")["paths"]["/retailer/shipping-labels/{shipping-label-id}"]["get"][
        "responses"]["200"]
    assert list(answer["content"]) == ["application/vnd.retailer.v10+pdf"]
    assert {"X-Track-And-Trace-Code", "X-Transporter-Code"} <= set(answer["headers"])


def test_the_checker_refuses_label_bodies_bol_would_refuse() -> None:
    """The check is real: a purchase without an offer id is not what bol's spec allows."""
    request = httpx.Request(
        "POST", "https://api.bol.com/retailer/shipping-labels",
        headers={"accept": "application/vnd.retailer.v10+json",
                 "content-type": "application/vnd.retailer.v10+json"},
        content=b'{"orderItems": []}',
    )
    problems = check_request(request)
    assert any("shippingLabelOfferId" in p for p in problems)
    assert any("orderItems" in p for p in problems)


def labels_bol() -> FakeBol:
    bol = FakeBol()
    for path, spec_path, method, status in [
        (OPTIONS_PATH, None, "POST", "200"),
        ("/retailer/shipping-labels", None, "POST", "202"),
        ("/retailer/shipments", None, "POST", "202"),
    ]:
        schema = response_schema("retailer", spec_path or path, method.lower(), status)
        bol.script(method, path, json_response(int(status), example_for("retailer", schema)))
    bol.script("GET", f"/retailer/shipping-labels/{LABEL_ID}", httpx.Response(
        200, content=b"%PDF-1.4\n%%EOF\n",
        headers={"X-Transporter-Code": "TNT", "X-Track-And-Trace-Code": "3SBOL0987654321"}))
    return bol


CALLS: dict[str, Callable[[BolClient], Awaitable[Any]]] = {
    "delivery options": lambda c: c.get_delivery_options(
        [ShipmentLine("2012345678", 1), "2012345679"]),
    "buy label": lambda c: c.create_shipping_label(
        ["2012345678"], "027b79fa-5743-40f0-94c7-0eac761af611"),
    "label pdf": lambda c: c.get_shipping_label(LABEL_ID),
    "ship with the label": lambda c: c.create_shipment(
        [ShipmentLine("2012345678", 1)], shipping_label_id=LABEL_ID, shipment_reference="B321"),
}


@pytest.mark.asyncio
@pytest.mark.parametrize("call", list(CALLS), ids=list(CALLS))
async def test_label_requests_match_bol_spec(call: str) -> None:
    bol = labels_bol()
    async with make_client(bol, FakeClock()) as client:
        await CALLS[call](client)
    requests = bol.api_requests()
    assert requests
    assert [problem for request in requests for problem in check_request(request)] == []
