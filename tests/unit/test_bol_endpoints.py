"""bol.com client endpoints: paging, parameters, request bodies, lenient parsing."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone

import httpx
import pytest
from support.bol_mock import V11, FakeBol, FakeClock, json_response, make_client

from haydigo_desk.bol import (
    BolMalformedResponseError,
    BolUnexpectedResponseError,
    CancellationReason,
    ProcessState,
    ShipmentLine,
)
from haydigo_desk.bol.models import FulfilmentStatus, Order, ReducedOrder, TimeFrameType


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def bol() -> FakeBol:
    return FakeBol()


def reduced_order(n: int) -> dict:
    return {
        "orderId": f"C{n:09d}",
        "orderPlacedDateTime": "2026-08-01T10:00:00+02:00",
        "orderItems": [
            {
                "orderItemId": f"{6107434000 + n}",
                "ean": "8712345678906",
                "fulfilmentMethod": "FBR",
                "fulfilmentStatus": "OPEN",
                "quantity": 1,
                "quantityShipped": 0,
                "quantityCancelled": 0,
                "cancellationRequest": False,
                "latestChangedDateTime": "2026-08-01T10:00:00+02:00",
            }
        ],
    }


def page_of(start: int, count: int) -> httpx.Response:
    return json_response(200, {"orders": [reduced_order(start + i) for i in range(count)]})


def pages_requested(bol: FakeBol) -> list[int]:
    return [int(r.url.params["page"]) for r in bol.api_requests("GET", "/retailer/orders")]


@pytest.mark.asyncio
async def test_orders_page_until_empty_object(bol: FakeBol, clock: FakeClock) -> None:
    bol.script("GET", "/retailer/orders", page_of(0, 50), page_of(50, 50), json_response(200, {}))
    async with make_client(bol, clock) as client:
        orders = await client.list_orders()
    assert len(orders) == 100
    assert pages_requested(bol) == [1, 2, 3]
    first = bol.api_requests()[0]
    assert first.url.params["fulfilment-method"] == "FBR"
    assert first.url.params["status"] == "OPEN"
    assert "change-interval-minute" not in first.url.params


@pytest.mark.asyncio
async def test_orders_stop_at_a_short_page(bol: FakeBol, clock: FakeClock) -> None:
    bol.script("GET", "/retailer/orders", page_of(0, 50), page_of(50, 7))
    async with make_client(bol, clock) as client:
        orders = await client.list_orders(change_interval_minute=15)
    assert len(orders) == 57
    assert pages_requested(bol) == [1, 2]
    assert all(r.url.params["change-interval-minute"] == "15" for r in bol.api_requests())


@pytest.mark.asyncio
async def test_orders_filters(bol: FakeBol, clock: FakeClock) -> None:
    bol.script("GET", "/retailer/orders", json_response(200, {}))
    async with make_client(bol, clock) as client:
        assert await client.list_orders(latest_change_date=date(2026, 8, 1), status="ALL") == []
        await client.list_orders(latest_change_date="2026-08-02", fulfilment_method="ALL")
        with pytest.raises(ValueError):
            await client.list_orders(change_interval_minute=61)
        with pytest.raises(ValueError):
            await client.list_orders(status="CLOSED")
        with pytest.raises(ValueError):
            await client.list_orders(latest_change_date="01-08-2026")
    first, second = bol.api_requests()
    assert first.url.params["latest-change-date"] == "2026-08-01"
    assert first.url.params["status"] == "ALL"
    assert second.url.params["fulfilment-method"] == "ALL"


@pytest.mark.asyncio
async def test_unknown_enum_values_and_missing_fields_parse(bol: FakeBol, clock: FakeClock) -> None:
    detail = {
        "orderId": 4123456789,  # an old numeric id: still a string here
        "pickupPoint": False,
        "orderPlacedDateTime": "2026-08-01T10:00:00+02:00",
        "shipmentDetails": {
            "salutation": "DIVERSE",  # not in the spec's enum
            "surname": "Jansen",  # firstName missing although the spec requires it
            "zipCode": "1111ZZ",
            "city": "Utrecht",
            "countryCode": "NL",
            "futureField": {"nested": True},
        },
        # billingDetails missing altogether
        "orderItems": [
            {
                "orderItemId": 6107434013,
                "cancellationRequest": True,
                "fulfilment": {
                    "method": "FBR",
                    "distributionParty": "PARTNER",
                    "latestDeliveryDate": "2026-08-03",
                    "timeFrameType": "NIGHT",
                },
                "offer": {"offerId": "6ff736b5-cdd0-4150-8c67-78269ee986f5", "reference": "SKU-1"},
                "product": {"ean": "8712345678906", "title": "Lamp"},
                "quantity": 3,
                "quantityShipped": 1,
                "quantityCancelled": 0,
                "unitPrice": 12.99,
                "commission": 1.5,
                "latestChangedDateTime": "not a date",
            },
            {"orderItemId": "6107434014", "fulfilment": {"timeFrameType": "EVENING"}},
        ],
    }
    bol.script("GET", "/retailer/orders/4123456789", json_response(200, detail))
    async with make_client(bol, clock) as client:
        order = await client.get_order("4123456789")
    assert order.order_id == "4123456789"
    assert order.billing_details is None
    assert order.shipment_details.first_name is None
    assert order.shipment_details.salutation == "DIVERSE"
    assert order.shipment_details.model_extra["futureField"] == {"nested": True}
    first, second = order.order_items
    assert first.order_item_id == "6107434013"
    assert first.fulfilment.time_frame_type == "NIGHT"
    assert first.fulfilment.distribution_party == "PARTNER"
    assert first.fulfilment.latest_delivery_date == date(2026, 8, 3)
    assert first.latest_changed_date_time is None
    assert first.quantity_open == 2
    assert second.fulfilment.time_frame_type is TimeFrameType.EVENING
    assert order.raw == detail  # the JSON exactly as bol sent it
    assert order.raw is not detail


def test_reduced_order_with_unknown_status() -> None:
    item = reduced_order(1)["orderItems"][0] | {"fulfilmentStatus": "ON_HOLD"}
    order = ReducedOrder.model_validate({"orderId": "X", "orderItems": [item]})
    assert order.order_items[0].fulfilment_status == "ON_HOLD"
    known = ReducedOrder.model_validate(reduced_order(2))
    assert known.order_items[0].fulfilment_status is FulfilmentStatus.OPEN
    assert Order.model_validate({"orderId": "Y"}).raw == {"orderId": "Y"}


@pytest.mark.asyncio
async def test_cancel_one_item_with_reason(bol: FakeBol, clock: FakeClock) -> None:
    accepted = {
        "processStatusId": "01a04540-25af-4e0e",
        "entityId": "6107434013",
        "eventType": "CANCEL_ORDER",
        "status": "PENDING",
        "description": "Cancel",
        "createTimestamp": "2026-08-01T10:00:00+02:00",
        "links": [{"rel": "self", "href": "https://api.bol.com/shared/process-status/1"}],
    }
    bol.script("PUT", "/retailer/orders/cancellation", json_response(202, accepted))
    async with make_client(bol, clock) as client:
        status = await client.cancel_order_item("6107434013", "REQUESTED_BY_CUSTOMER")
        with pytest.raises(ValueError):
            await client.cancel_order_item("6107434013", "CHANGED_MY_MIND")
    assert status.process_status_id == "01a04540-25af-4e0e"
    assert status.status is ProcessState.PENDING
    (request,) = bol.api_requests()
    assert json.loads(request.content) == {
        "orderItems": [{"orderItemId": "6107434013", "reasonCode": "REQUESTED_BY_CUSTOMER"}]
    }
    assert {r.value for r in CancellationReason} >= {"OUT_OF_STOCK", "REQUESTED_BY_CUSTOMER"}


@pytest.mark.asyncio
async def test_create_shipment_bodies(bol: FakeBol, clock: FakeClock) -> None:
    accepted = {"processStatusId": "p1", "eventType": "CREATE_SHIPMENT", "status": "PENDING"}
    bol.script("POST", "/retailer/shipments", json_response(202, accepted))
    async with make_client(bol, clock) as client:
        await client.create_shipment(
            [ShipmentLine("6107434013", 2), "6107434014"],
            transporter_code="TNT",
            track_and_trace="3SBOL0987654321",
            shipment_reference="PICK-123",
        )
        await client.create_shipment(["6107434013"], shipping_label_id="d4c50077-0c19")
    own_carrier, label = (json.loads(r.content) for r in bol.api_requests())
    assert own_carrier == {
        "orderItems": [{"orderItemId": "6107434013", "quantity": 2}, {"orderItemId": "6107434014"}],
        "shipmentReference": "PICK-123",
        "transport": {"transporterCode": "TNT", "trackAndTrace": "3SBOL0987654321"},
    }
    assert label == {
        "orderItems": [{"orderItemId": "6107434013"}],
        "shippingLabelId": "d4c50077-0c19",
    }


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "kwargs",
    [
        {"lines": []},
        {"lines": [str(i) for i in range(101)]},
        {"lines": ["1"], "transporter_code": None},
        {"lines": ["1"], "shipping_label_id": "L", "transporter_code": "TNT"},
        {"lines": ["1"], "shipping_label_id": "L", "track_and_trace": "3S1"},
        {"lines": ["1"], "shipment_reference": ""},
        {"lines": ["1"], "shipment_reference": "x" * 91},
        {"lines": [ShipmentLine("1", 0)]},
    ],
)
async def test_create_shipment_refuses_bad_input(kwargs, bol: FakeBol, clock: FakeClock) -> None:
    kwargs = {"transporter_code": "TNT", **kwargs}
    lines = kwargs.pop("lines")
    async with make_client(bol, clock) as client:
        with pytest.raises(ValueError):
            await client.create_shipment(lines, **kwargs)
    assert bol.requests == []


@pytest.mark.asyncio
async def test_shipments_of_an_order(bol: FakeBol, clock: FakeClock) -> None:
    shipment = {
        "shipmentId": 541757635,
        "shipmentDateTime": "2026-08-01T10:55:37+02:00",
        "shipmentReference": "PICK-123",
        "order": {"orderId": "C000GUOJ8Q"},
        "shipmentItems": [{"orderItemId": "6107434013", "ean": "8712345678906"}],
        "transport": {"transportId": 312778947},
    }
    bol.script("GET", "/retailer/shipments", json_response(200, {"shipments": [shipment]}))
    async with make_client(bol, clock) as client:
        shipments = await client.list_order_shipments("C000GUOJ8Q")
        with pytest.raises(ValueError):
            await client.list_shipments(order_id="C000GUOJ8Q", fulfilment_method="FBR")
    assert shipments[0].shipment_id == "541757635"
    assert shipments[0].transport.transport_id == "312778947"
    (request,) = bol.api_requests()
    assert request.url.params["order-id"] == "C000GUOJ8Q"
    assert "fulfilment-method" not in request.url.params


@pytest.mark.asyncio
async def test_process_status_single_and_bulk(bol: FakeBol, clock: FakeClock) -> None:
    def bulk(request: httpx.Request) -> httpx.Response:
        queries = json.loads(request.content)["processStatusQueries"]
        statuses = [
            {"processStatusId": q["processStatusId"], "status": "SUCCESS", "entityId": "e"}
            for q in queries
        ]
        return json_response(200, {"processStatuses": statuses})

    bol.script("POST", "/shared/process-status", bulk)
    bol.script(
        "GET",
        "/shared/process-status/1",
        json_response(200, {"processStatusId": 1, "status": "FAILURE", "errorMessage": "nope"}),
    )
    ids = [f"id-{i}" for i in range(2500)]
    async with make_client(bol, clock) as client:
        statuses = await client.get_process_statuses([*ids, "id-0"])  # duplicates are sent once
        single = await client.get_process_status("1")
        assert await client.get_process_statuses([]) == []
    sizes = [len(json.loads(r.content)["processStatusQueries"]) for r in bol.api_requests("POST")]
    assert sizes == [1000, 1000, 500]
    assert [s.process_status_id for s in statuses] == ids
    assert all(s.is_final for s in statuses)
    assert single.status is ProcessState.FAILURE and single.error_message == "nope"


def offer(n: int, **extra) -> dict:
    return {
        "offerId": f"6ff736b5-cdd0-4150-8c67-{n:012d}",
        "ean": "8712345678906",
        "lastModifiedDateTime": "2026-08-01T08:34:41Z",
        "reference": f"SKU-{n}",
        "onHoldByRetailer": False,
        "stock": {"amount": 5, "correctedStock": 4, "managedByRetailer": True},
        "condition": {"category": "NEW"},
        "pricing": {"bundlePrices": [{"quantity": 1, "unitPrice": 9.99}]},
        "fulfilment": {"method": "FBR", "schedule": "MY_DELIVERY_PROMISE"},
        **extra,
    }


@pytest.mark.asyncio
async def test_offers_follow_the_cursor(bol: FakeBol, clock: FakeClock) -> None:
    bol.script(
        "GET",
        "/retailer/offers",
        json_response(
            200,
            {"offers": [offer(1), offer(2)], "page": {"pageSize": 2, "nextCursor": "c2"}},
            media=V11,
        ),
        json_response(
            200,
            {
                "offers": [offer(3, condition={"category": "LIKE_NEW_PLUS"}, newThing=1)],
                "page": {"pageSize": 2, "nextCursor": None},
            },
            media=V11,
        ),
    )
    since = datetime(2026, 8, 1, 10, 0, tzinfo=timezone(timedelta(hours=2)))
    async with make_client(bol, clock) as client:
        offers = await client.list_offers(modified_since=since, page_size=2)
    assert [o.reference for o in offers] == ["SKU-1", "SKU-2", "SKU-3"]
    assert offers[0].stock.corrected_stock == 4
    assert str(offers[0].pricing.unit_price) == "9.99"
    assert offers[2].condition.category == "LIKE_NEW_PLUS"
    assert offers[2].raw["newThing"] == 1
    first, second = bol.api_requests()
    assert first.url.params["last-modified-date-time"] == "2026-08-01T08:00:00Z"
    assert first.url.params["page-size"] == "2"
    assert "cursor" not in first.url.params
    assert second.url.params["cursor"] == "c2"
    assert all(r.headers["accept"] == V11 for r in bol.api_requests())


@pytest.mark.asyncio
async def test_offers_cursor_loop_is_detected(bol: FakeBol, clock: FakeClock) -> None:
    looping = json_response(200, {"offers": [offer(1)], "page": {"nextCursor": "same"}}, media=V11)
    bol.script("GET", "/retailer/offers", looping)
    async with make_client(bol, clock) as client:
        with pytest.raises(BolUnexpectedResponseError):
            await client.list_offers(eans=["8712345678906", "8712345678913"])
    first = bol.api_requests()[0]
    assert first.url.params.get_list("eans") == ["8712345678906", "8712345678913"]


@pytest.mark.asyncio
async def test_get_offer_and_patch_stock(bol: FakeBol, clock: FakeClock) -> None:
    offer_id = "6ff736b5-cdd0-4150-8c67-000000000001"
    bol.script("GET", f"/retailer/offers/{offer_id}", json_response(200, offer(1), media=V11))
    bol.script("PATCH", f"/retailer/offers/{offer_id}", httpx.Response(204))
    async with make_client(bol, clock) as client:
        got = await client.get_offer(offer_id)
        await client.update_offer_stock(offer_id, 7)
        await client.update_offer_stock(offer_id, 0, managed_by_retailer=False)
        with pytest.raises(ValueError):
            await client.update_offer_stock(offer_id, -1)
    assert got.offer_id == offer_id and got.fulfilment.method == "FBR"
    patches = [json.loads(r.content) for r in bol.api_requests("PATCH")]
    assert patches == [
        {"stock": {"amount": 7, "managedByRetailer": True}},
        {"stock": {"amount": 0, "managedByRetailer": False}},
    ]


@pytest.mark.asyncio
async def test_product_assets_and_image_download(bol: FakeBol, clock: FakeClock) -> None:
    assets = {
        "assets": [
            {
                "usage": "ADDITIONAL",
                "order": 1,
                "variants": [
                    {
                        "size": "small",
                        "width": 100,
                        "height": 100,
                        "mimeType": "image/jpeg",
                        "url": "https://media.s-bol.com/b.jpg",
                    }
                ],
            },
            {
                "usage": "PRIMARY",
                "order": 0,
                "variants": [
                    {
                        "size": "small",
                        "width": 250,
                        "height": 200,
                        "mimeType": "image/jpeg",
                        "url": "https://media.s-bol.com/a-small.jpg",
                    },
                    {
                        "size": "medium",
                        "width": 500,
                        "height": 400,
                        "mimeType": "image/jpeg",
                        "url": "https://media.s-bol.com/a-medium.jpg",
                    },
                    {
                        "size": "large",
                        "width": 1200,
                        "height": 900,
                        "mimeType": "video/mp4",
                        "url": "https://media.s-bol.com/a.mp4",
                    },
                ],
            },
        ]
    }
    jpeg = b"\xff\xd8\xff\xe0fake-jpeg"
    bol.script("GET", "/retailer/products/8712345678906/assets", json_response(200, assets))
    bol.script(
        "GET",
        "/a-medium.jpg",
        httpx.Response(200, content=jpeg, headers={"content-type": "image/jpeg"}),
    )
    bol.script(
        "GET",
        "/page.html",
        httpx.Response(200, content=b"<html/>", headers={"content-type": "text/html"}),
    )
    async with make_client(bol, clock) as client:
        found = await client.get_product_assets("8712345678906", usage="PRIMARY")
        best = found[0].best_image()
        data = await client.download_image(best.url)
        with pytest.raises(BolMalformedResponseError) as html:
            await client.download_image("https://media.s-bol.com/page.html")
    assert [a.usage for a in found] == ["PRIMARY", "ADDITIONAL"]
    assert best.url == "https://media.s-bol.com/a-medium.jpg"
    assert data == jpeg
    assets_request, image_request, *html_requests = bol.api_requests()
    assert assets_request.url.params["usage"] == "PRIMARY"
    assert "authorization" not in image_request.headers  # no token to the image host
    # An HTML page instead of an image is asked again like a network error, then typed.
    assert len(html_requests) == 4 and client.stats.of("GET image").requests == 5
    assert html.value.record_id == "https://media.s-bol.com/page.html"


def test_naive_modified_since_is_taken_as_utc() -> None:
    from haydigo_desk.bol.bodies import iso_utc as _iso_utc

    assert _iso_utc(datetime(2026, 8, 1, 8, 0)) == "2026-08-01T08:00:00Z"
    assert _iso_utc(datetime(2026, 8, 1, 8, 0, tzinfo=UTC)) == "2026-08-01T08:00:00Z"
    assert _iso_utc("2026-08-01T10:00:00+02:00") == "2026-08-01T08:00:00Z"
