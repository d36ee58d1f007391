"""Contract tests: the bol.com client against bol's own OpenAPI files.

Every request the client sends is checked against the operation bol's spec defines for it
(path, query parameters, media type, and the JSON body against the request schema), and
example responses built from the spec's own ``example`` values are validated against the
response schemas and parsed by the client's models. The specs are read from
``shared/bol-openapi`` beside the repository; without that folder these tests are skipped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from openapi_schema_validator import OAS30Validator
from support.bol_mock import FakeBol, FakeClock, json_response, make_client

from haydigo_desk.bol import BolClient, ShipmentLine
from haydigo_desk.bol.models import Order, Problem, ProcessStatus, ReducedOrder, ReducedShipment
from haydigo_desk.bol.models_content import CatalogProduct, ProductAsset
from haydigo_desk.bol.models_offers import Offer, OfferPage

SPEC_DIR = Path(__file__).resolve().parents[2] / ".." / "shared" / "bol-openapi"
SPEC_FILES = {
    "retailer": "retailer-v10.json",
    "shared": "shared-v10.json",
    "offers": "offers-v11.yaml",
}

pytestmark = pytest.mark.skipif(
    not all((SPEC_DIR / name).is_file() for name in SPEC_FILES.values()),
    reason="bol's OpenAPI files are not in shared/bol-openapi beside the repository "
    "(they are bol's data and are not copied into the project)",
)


@cache
def spec(name: str) -> dict[str, Any]:
    path = SPEC_DIR / SPEC_FILES[name]
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text) if path.suffix == ".yaml" else json.loads(text)


def validator(spec_name: str, schema: dict[str, Any]) -> OAS30Validator:
    return OAS30Validator({"components": spec(spec_name)["components"], **schema})


def schema_errors(spec_name: str, schema: dict[str, Any], instance: Any) -> list[str]:
    errors = validator(spec_name, schema).iter_errors(instance)
    return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in errors]


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


# --- finding the operation of a request ---


def spec_for(request: httpx.Request) -> str:
    path = request.url.path
    if path.startswith("/shared/"):
        return "shared"
    if path == "/retailer/offers" or path.startswith("/retailer/offers/"):
        return "offers"  # bol moved offers to v11; the v10 ones are deprecated
    return "retailer"


def find_operation(spec_name: str, request: httpx.Request) -> tuple[str, dict[str, Any]]:
    paths = spec(spec_name)["paths"]
    method = request.method.lower()
    candidates = [
        template
        for template, operations in paths.items()
        if method in operations
        and re.fullmatch(re.sub(r"\{[^}]+\}", "[^/]+", template), request.url.path)
    ]
    if not candidates:
        raise AssertionError(
            f"{request.method} {request.url.path} is not in bol's {spec_name} spec"
        )
    # A literal path wins over a template (``/orders/cancellation`` over ``/orders/{order-id}``).
    template = min(candidates, key=lambda t: t.count("{"))
    return template, paths[template][method]


def query_value_ok(schema: dict[str, Any], value: str) -> bool:
    kind = schema.get("type")
    if "enum" in schema and value not in schema["enum"]:
        return False
    if kind == "integer":
        if not re.fullmatch(r"-?\d+", value):
            return False
        number = int(value)
        return schema.get("minimum", number) <= number <= schema.get("maximum", number)
    if kind == "boolean":
        return value in ("true", "false")
    if schema.get("format") == "date-time":
        return re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)", value)
    return True


def check_request(request: httpx.Request) -> list[str]:
    """Everything about ``request`` that bol's spec for its operation does not allow."""
    spec_name = spec_for(request)
    template, operation = find_operation(spec_name, request)
    where = f"{request.method} {template}"
    problems: list[str] = []
    if operation.get("deprecated"):
        problems.append(f"{where}: operation is deprecated in bol's spec")
    parameters = {p["name"]: p for p in operation.get("parameters", []) if p["in"] == "query"}
    for name, value in request.url.params.multi_items():
        parameter = parameters.get(name)
        if parameter is None:
            problems.append(f"{where}: unknown query parameter {name!r}")
            continue
        schema = parameter["schema"]
        item_schema = schema.get("items", {}) if schema.get("type") == "array" else schema
        if not query_value_ok(item_schema, value):
            problems.append(f"{where}: {name}={value!r} does not fit {schema}")
    for name, parameter in parameters.items():
        if parameter.get("required") and name not in request.url.params:
            problems.append(f"{where}: required query parameter {name!r} missing")
    # Declared header parameters (``Accept-Language``...); generic headers are not listed.
    for parameter in operation.get("parameters", []):
        if parameter["in"] != "header":
            continue
        value = request.headers.get(parameter["name"])
        if value is None:
            if parameter.get("required"):
                problems.append(f"{where}: required header {parameter['name']!r} missing")
        elif not query_value_ok(parameter["schema"], value):
            problems.append(f"{where}: {parameter['name']}: {value!r} does not fit its schema")
    accept = request.headers.get("accept")
    answer_types = {
        media_type
        for status, response in operation["responses"].items()
        if str(status).startswith("2") and "content" in response
        for media_type in response["content"]
    }
    if accept not in answer_types:
        problems.append(f"{where}: Accept {accept!r} not among {sorted(answer_types)}")
    body = operation.get("requestBody")
    if body is None:
        if request.content:
            problems.append(f"{where}: sends a body the operation does not take")
        return problems
    content_type = request.headers.get("content-type")
    if content_type not in body["content"]:
        problems.append(f"{where}: Content-Type {content_type!r} not in {list(body['content'])}")
        return problems
    instance = json.loads(request.content)
    schema = body["content"][content_type]["schema"]
    problems += [f"{where} body {e}" for e in schema_errors(spec_name, schema, instance)]
    return problems


# --- example documents from the spec's own examples ---


def example_for(spec_name: str, schema: dict[str, Any], depth: int = 0, name: str = "") -> Any:
    """An instance of ``schema`` made of the example values bol put in its spec.

    Where bol gives no example, a plausible value by type and format (or, for a date-time
    that the spec types only as a string, by the property's name).
    """
    components = spec(spec_name)["components"]["schemas"]
    if "$ref" in schema:
        return example_for(spec_name, components[schema["$ref"].rsplit("/", 1)[1]], depth + 1)
    if "example" in schema and schema.get("type") != "object" and "properties" not in schema:
        return schema["example"]
    if "allOf" in schema:
        merged: dict[str, Any] = {}
        for part in schema["allOf"]:
            merged.update(example_for(spec_name, part, depth + 1))
        return merged
    if "oneOf" in schema:
        return example_for(spec_name, schema["oneOf"][0], depth + 1)
    kind = schema.get("type", "object" if "properties" in schema else None)
    if kind == "object":
        if depth > 12:
            return {}
        return {
            prop: example_for(spec_name, sub, depth + 1, prop)
            for prop, sub in schema.get("properties", {}).items()
        }
    if kind == "array":
        return [example_for(spec_name, schema.get("items", {}), depth + 1)]
    if "enum" in schema:
        return schema["enum"][0]
    if kind == "integer":
        return schema.get("default") or schema.get("minimum", 1)
    if kind == "number":
        return schema.get("minimum", 1.5)
    if kind == "boolean":
        return True
    formats = {
        "date-time": "2026-08-01T10:00:00+02:00",
        "date": "2026-08-03",
        "uuid": "6ff736b5-cdd0-4150-8c67-78269ee986f5",
        "uri": "https://api.bol.com/example",
    }
    if name.endswith("DateTime"):
        return formats["date-time"]
    return formats.get(schema.get("format"), "text")


def response_schema(spec_name: str, path: str, method: str, status: str) -> dict[str, Any]:
    content = spec(spec_name)["paths"][path][method]["responses"][status]["content"]
    return next(iter(content.values()))["schema"]


# (spec, path, method, status, model, how to pick the object the model parses)
RESPONSES: list[tuple[str, str, str, str, Any, Callable[[Any], Any]]] = [
    ("retailer", "/retailer/orders", "get", "200", ReducedOrder, lambda d: d["orders"][0]),
    ("retailer", "/retailer/orders/{order-id}", "get", "200", Order, lambda d: d),
    ("retailer", "/retailer/orders/{order-id}", "get", "404", Problem, lambda d: d),
    ("retailer", "/retailer/orders/cancellation", "put", "202", ProcessStatus, lambda d: d),
    ("retailer", "/retailer/shipments", "post", "202", ProcessStatus, lambda d: d),
    ("retailer", "/retailer/shipments", "get", "200", ReducedShipment, lambda d: d["shipments"][0]),
    (
        "retailer",
        "/retailer/products/{ean}/assets",
        "get",
        "200",
        ProductAsset,
        lambda d: d["assets"][0],
    ),
    (
        "retailer",
        "/retailer/content/catalog-products/{ean}",
        "get",
        "200",
        CatalogProduct,
        lambda d: d,
    ),
    (
        "shared",
        "/shared/process-status/{process-status-id}",
        "get",
        "200",
        ProcessStatus,
        lambda d: d,
    ),
    (
        "shared",
        "/shared/process-status",
        "post",
        "200",
        ProcessStatus,
        lambda d: d["processStatuses"][0],
    ),
    ("offers", "/retailer/offers", "get", "200", OfferPage, lambda d: d),
    ("offers", "/retailer/offers/{offer-id}", "get", "200", Offer, lambda d: d),
]


@pytest.mark.parametrize(
    ("spec_name", "path", "method", "status", "model", "pick"),
    RESPONSES,
    ids=[f"{m.upper()} {p} {s}" for _, p, m, s, _, _ in RESPONSES],
)
def test_bol_example_responses_fit_schema_and_parse(spec_name, path, method, status, model, pick):
    schema = response_schema(spec_name, path, method, status)
    document = example_for(spec_name, schema)
    assert schema_errors(spec_name, schema, document) == []
    source = pick(document)
    parsed = model.model_validate(source)
    # Every example value, nested ones included, comes back under its snake_case name.
    assert_parsed_equals(source, parsed)


def assert_parsed_equals(wire: Any, parsed: Any, where: str = "") -> None:
    if isinstance(wire, dict):
        for name, value in wire.items():
            attribute = re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()
            assert_parsed_equals(value, getattr(parsed, attribute), f"{where}.{name}")
    elif isinstance(wire, list):
        assert len(wire) == len(parsed), where
        for index, (value, item) in enumerate(zip(wire, parsed, strict=True)):
            assert_parsed_equals(value, item, f"{where}[{index}]")
    else:
        assert same_value(wire, parsed), (where, wire, parsed)


def same_value(wire: Any, parsed: Any) -> bool:
    if isinstance(parsed, datetime | date):
        return parsed == type(parsed).fromisoformat(wire)
    return str(parsed) == str(wire)


def test_orders_example_keeps_ids_and_raw() -> None:
    schema = response_schema("retailer", "/retailer/orders/{order-id}", "get", "200")
    document = example_for("retailer", schema)
    order = Order.model_validate(document)
    assert order.order_id == "A2K8290LP8"
    assert order.order_items[0].order_item_id == "2012345678"
    assert order.shipment_details.country_code == "NL"
    assert order.raw == document


def test_example_offer_parses_with_stock_and_condition() -> None:
    schema = response_schema("offers", "/retailer/offers/{offer-id}", "get", "200")
    document = example_for("offers", schema)
    offer = Offer.model_validate(document)
    assert offer.offer_id == "6ff736b5-cdd0-4150-8c67-78269ee986f5"
    assert offer.condition is not None and offer.condition.category
    assert offer.fulfilment.method in ("FBR", "FBB")


def test_not_for_sale_example_in_spec_is_valid() -> None:
    operation = spec("offers")["paths"]["/retailer/offers/{offer-id}/not-for-sale-reasons"]["get"]
    content = operation["responses"]["200"]["content"]["application/vnd.retailer.v11+json"]
    # bol's own example uses a non-UUID offer id; only the structure is checked here.
    example = dict(content["example"], offerId="6ff736b5-cdd0-4150-8c67-78269ee986f5")
    assert schema_errors("offers", content["schema"], example) == []


# --- every request the client sends ---

OFFER_ID = "6ff736b5-cdd0-4150-8c67-78269ee986f5"


def answering_bol() -> FakeBol:
    """A fake bol.com that answers each operation with the spec's example response."""
    bol = FakeBol()
    orders = example_for("retailer", response_schema("retailer", "/retailer/orders", "get", "200"))
    bol.script("GET", "/retailer/orders", json_response(200, orders), json_response(200, {}))
    for path, spec_path, method, spec_name, status in [
        ("/retailer/orders/A2K8290LP8", "/retailer/orders/{order-id}", "GET", "retailer", "200"),
        ("/retailer/orders/cancellation", None, "PUT", "retailer", "202"),
        ("/retailer/shipments", None, "POST", "retailer", "202"),
        ("/retailer/shipments", None, "GET", "retailer", "200"),
        (
            "/retailer/transports/312778947",
            "/retailer/transports/{transport-id}",
            "PUT",
            "retailer",
            "202",
        ),
        (
            "/retailer/products/0000007740404/assets",
            "/retailer/products/{ean}/assets",
            "GET",
            "retailer",
            "200",
        ),
        (
            "/retailer/content/catalog-products/0000007740404",
            "/retailer/content/catalog-products/{ean}",
            "GET",
            "retailer",
            "200",
        ),
        (
            "/shared/process-status/1234567",
            "/shared/process-status/{process-status-id}",
            "GET",
            "shared",
            "200",
        ),
        ("/shared/process-status", None, "POST", "shared", "200"),
        ("/shared/process-status", None, "GET", "shared", "200"),
        (f"/retailer/offers/{OFFER_ID}", "/retailer/offers/{offer-id}", "GET", "offers", "200"),
    ]:
        schema = response_schema(spec_name, spec_path or path, method.lower(), status)
        bol.script(method, path, json_response(int(status), example_for(spec_name, schema)))
    offers = example_for("offers", response_schema("offers", "/retailer/offers", "get", "200"))
    offers["page"]["nextCursor"] = None
    bol.script("GET", "/retailer/offers", json_response(200, offers))
    bol.script("PATCH", f"/retailer/offers/{OFFER_ID}", httpx.Response(204))
    bol.script(
        "GET",
        f"/retailer/shipping-labels/{OFFER_ID}",
        httpx.Response(200, content=b"%PDF-1.4\n%%EOF\n", headers={"X-Transporter-Code": "TNT"}),
    )
    return bol


CALLS: dict[str, Callable[[BolClient], Awaitable[Any]]] = {
    "list orders": lambda c: c.list_orders(),
    "list orders delta": lambda c: c.list_orders(change_interval_minute=15, vvb_only=False),
    "list orders by date": lambda c: c.list_orders(latest_change_date="2026-08-01", status="ALL"),
    "get order": lambda c: c.get_order("A2K8290LP8"),
    "cancel item": lambda c: c.cancel_order_item("2012345678", "REQUESTED_BY_CUSTOMER"),
    "ship with carrier": lambda c: c.create_shipment(
        [ShipmentLine("2012345678", 1)],
        transporter_code="TNT",
        track_and_trace="3SBOL0987654321",
        shipment_reference="PICK-1",
    ),
    "ship without track and trace": lambda c: c.create_shipment(
        ["2012345678"], transporter_code="BRIEFPOST"
    ),
    "ship with label": lambda c: c.create_shipment(
        ["2012345678"], shipping_label_id="d4c50077-0c19-435f-9bee-1b30b9f4ba1a"
    ),
    "shipments of order": lambda c: c.list_order_shipments("A2K8290LP8"),
    "correct track and trace": lambda c: c.change_transport(
        "312778947", transporter_code="TNT", track_and_trace="3SBOL0987654321"),
    "add track and trace": lambda c: c.change_transport(
        "312778947", track_and_trace="3SBOL0987654321"),
    "process status": lambda c: c.get_process_status("1234567"),
    "process statuses bulk": lambda c: c.get_process_statuses(["1234567", "7654321"]),
    "process statuses by entity": lambda c: c.get_process_statuses_for_entity(
        "6107434013", "CREATE_SHIPMENT"),
    "list offers": lambda c: c.list_offers(
        modified_since="2026-08-01T08:00:00Z",
        for_sale=True,
        reference="AX1234",
        eans=["0000007740404"],
        offer_ids=[OFFER_ID],
        page_size=50,
    ),
    "get offer": lambda c: c.get_offer(OFFER_ID),
    "patch stock": lambda c: c.update_offer_stock(OFFER_ID, 12, managed_by_retailer=True),
    "product assets": lambda c: c.get_product_assets("0000007740404", usage="PRIMARY"),
    "shipping label pdf": lambda c: c.get_shipping_label(OFFER_ID),
    "catalog product": lambda c: c.get_catalog_product("0000007740404"),
    "catalog product in Flemish": lambda c: c.get_catalog_product("0000007740404", "nl-BE"),
}


@pytest.mark.asyncio
@pytest.mark.parametrize("call", list(CALLS), ids=list(CALLS))
async def test_requests_match_bol_spec(call: str) -> None:
    bol = answering_bol()
    async with make_client(bol, FakeClock()) as client:
        await CALLS[call](client)
    requests = bol.api_requests()
    assert requests
    problems = [problem for request in requests for problem in check_request(request)]
    assert problems == []


def test_checker_catches_bodies_bol_would_refuse() -> None:
    """The contract check is real: bodies the client refuses to build are also refused here."""
    request = httpx.Request(
        "PUT",
        "https://api.bol.com/retailer/orders/cancellation",
        headers={
            "accept": "application/vnd.retailer.v10+json",
            "content-type": "application/vnd.retailer.v10+json",
        },
        content=json.dumps(
            {
                "orderItems": [
                    {"orderItemId": "1", "reasonCode": "CHANGED_MY_MIND"},
                    {"orderItemId": "2", "reasonCode": "OUT_OF_STOCK"},
                ]
            }
        ).encode(),
    )
    problems = check_request(request)
    assert any("CHANGED_MY_MIND" in p for p in problems)
    assert any("too long" in p or "maxItems" in p or "is too long" in p for p in problems)
    v10_offer = httpx.Request(
        "PUT",
        f"https://api.bol.com/retailer/offers/{OFFER_ID}/stock",
        headers={"accept": "application/vnd.retailer.v10+json"},
    )
    with pytest.raises(AssertionError):  # not in the v11 spec the client must use
        check_request(v10_offer)
    english = httpx.Request(
        "GET",
        "https://api.bol.com/retailer/content/catalog-products/0000007740404",
        headers={"accept": "application/vnd.retailer.v10+json", "accept-language": "en"},
    )
    assert any("Accept-Language" in p for p in check_request(english))  # bol: nl/fr only


def test_catalog_example_has_a_title_attribute_the_model_reads() -> None:
    schema = response_schema("retailer", "/retailer/content/catalog-products/{ean}", "get", "200")
    document = example_for("retailer", schema)
    document["attributes"] = [{"id": "Name", "values": [{"value": "Maybelline mascara"}]}]
    assert schema_errors("retailer", schema, document) == []
    assert CatalogProduct.model_validate(document).title == "Maybelline mascara"
