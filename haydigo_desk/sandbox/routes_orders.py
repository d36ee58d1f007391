"""v10 orders, cancellations, shipments and process statuses."""

from __future__ import annotations

from datetime import date, timedelta

from aiohttp import web

from haydigo_desk.sandbox.clock import utcnow
from haydigo_desk.sandbox.gateway import STATE_KEY
from haydigo_desk.sandbox.http_util import (
    Invalid,
    bol_json,
    bol_route,
    enum_param,
    int_param,
    not_found,
    read_body,
)

REASON_CODES = (
    "OUT_OF_STOCK", "REQUESTED_BY_CUSTOMER", "BAD_CONDITION", "HIGHER_SHIPCOST",
    "INCORRECT_PRICE", "NOT_AVAIL_IN_TIME", "NO_BOL_GUARANTEE", "ORDERED_TWICE", "RETAIN_ITEM",
    "TECH_ISSUE", "UNFINDABLE_ITEM", "OTHER",
)
routes = web.RouteTableDef()


def shared_base(request: web.Request) -> str:
    return f"{request.url.origin()}/shared"


def _change_date(request: web.Request) -> date | None:
    text = request.query.get("latest-change-date")
    if not text:
        return None
    try:
        day = date.fromisoformat(text[:10])
    except ValueError:
        raise Invalid("latest-change-date", "must be a date like 2026-03-01") from None
    if day < (utcnow() - timedelta(days=92)).date():
        raise Invalid("latest-change-date", "may be at most 3 months in the past")
    return day


@routes.get("/retailer/orders")
@bol_route
async def list_orders(request: web.Request) -> web.Response:
    page = int_param(request, "page", 1, 1, None)
    method = enum_param(request, "fulfilment-method", "FBR", ("FBR", "FBB", "ALL"))
    status = enum_param(request, "status", "OPEN", ("OPEN", "SHIPPED", "ALL"))
    interval = int_param(request, "change-interval-minute", None, 1, 60)
    orders = request.app[STATE_KEY].list_orders(
        page, method, status, interval, _change_date(request)
    )
    # bol answers a page past the end with an empty object, not an empty list.
    return bol_json(request, {"orders": orders} if orders else {})


@routes.put("/retailer/orders/cancellation")
@bol_route
async def cancel_item(request: web.Request) -> web.Response:
    body = await read_body(request)
    items = body.get("orderItems")
    if not isinstance(items, list) or len(items) != 1:
        raise Invalid("orderItems", "size must be between 1 and 1")
    item = items[0] if isinstance(items[0], dict) else {}
    item_id, reason = item.get("orderItemId"), item.get("reasonCode")
    if not isinstance(item_id, str) or not item_id:
        raise Invalid("orderItems[0].orderItemId", "must not be blank")
    if reason not in REASON_CODES:
        raise Invalid("orderItems[0].reasonCode", f"must be one of {', '.join(REASON_CODES)}")
    state = request.app[STATE_KEY]
    return bol_json(request, state.submit_cancellation(item_id, reason, shared_base(request)), 202)


@routes.get("/retailer/orders/{order_id}")
@bol_route
async def order_detail(request: web.Request) -> web.Response:
    order_id = request.match_info["order_id"]
    order = request.app[STATE_KEY].order_detail(order_id)
    if order is None:
        return not_found(request, f"Order for order id {order_id} not found.")
    return bol_json(request, order)


def order_item_lines(body: dict) -> list[tuple[str, int | None]]:
    """The ``orderItems`` of a shipment or a shipping-label request: (id, quantity or None)."""
    items = body.get("orderItems")
    if not isinstance(items, list) or not 1 <= len(items) <= 100:
        raise Invalid("orderItems", "size must be between 1 and 100")
    lines: list[tuple[str, int | None]] = []
    for index, item in enumerate(items):
        item = item if isinstance(item, dict) else {}
        item_id, quantity = item.get("orderItemId"), item.get("quantity")
        if not isinstance(item_id, str) or not item_id:
            raise Invalid(f"orderItems[{index}].orderItemId", "must not be blank")
        if quantity is not None and (
            not isinstance(quantity, int) or isinstance(quantity, bool) or quantity < 1
        ):
            raise Invalid(f"orderItems[{index}].quantity", "must be a positive whole number")
        lines.append((item_id, quantity))
    return lines


@routes.post("/retailer/shipments")
@bol_route
async def create_shipment(request: web.Request) -> web.Response:
    body = await read_body(request)
    lines = order_item_lines(body)
    reference = body.get("shipmentReference")
    if reference is not None and (not isinstance(reference, str) or not 0 < len(reference) <= 90):
        raise Invalid("shipmentReference", "must be null or 1 to 90 characters")
    transport, label = body.get("transport"), body.get("shippingLabelId")
    if transport is None and not label:
        raise Invalid("transport", "a transport or a shippingLabelId is required")
    if transport is not None and label:
        raise Invalid("transport", "must be empty when a shippingLabelId is given")
    if label is not None and not isinstance(label, str):
        raise Invalid("shippingLabelId", "must be a string")
    transporter = track = None
    if transport is not None:
        if not isinstance(transport, dict) or not transport.get("transporterCode"):
            raise Invalid("transport.transporterCode", "must not be blank")
        transporter, track = str(transport["transporterCode"]), transport.get("trackAndTrace")
    status = request.app[STATE_KEY].submit_shipment(
        lines, transporter, track, reference, label, shared_base(request)
    )
    return bol_json(request, status, 202)


@routes.get("/retailer/shipments")
@bol_route
async def list_shipments(request: web.Request) -> web.Response:
    page = int_param(request, "page", 1, 1, None)
    order_id = request.query.get("order-id")
    method = request.query.get("fulfilment-method")
    if method is not None:
        if order_id:
            raise Invalid("order-id", "can not be combined with fulfilment-method")
        method = enum_param(request, "fulfilment-method", "FBR", ("FBR", "FBB"))
    shipments = [] if method == "FBB" else request.app[STATE_KEY].shipments_for(order_id, page)
    return bol_json(request, {"shipments": shipments})


@routes.get("/shared/process-status/{process_status_id}")
@bol_route
async def process_status(request: web.Request) -> web.Response:
    process_id = request.match_info["process_status_id"]
    status = request.app[STATE_KEY].process_status(process_id, shared_base(request))
    if status is None:
        return not_found(request, f"Process status with id {process_id} not found.")
    return bol_json(request, status)


# bol's event types for the lookup by entity id (shared-v10); the sandbox makes CREATE_SHIPMENT,
# CANCEL_ORDER and CREATE_SHIPPING_LABEL (whose entity is the first order item of the label).
EVENT_TYPES = (
    "CREATE_SHIPMENT", "CANCEL_ORDER", "CHANGE_TRANSPORT", "HANDLE_RETURN_ITEM",
    "CREATE_RETURN_ITEM", "CREATE_INBOUND", "DELETE_OFFER", "CREATE_OFFER", "UPDATE_OFFER",
    "UPDATE_OFFER_STOCK", "UPDATE_OFFER_PRICE", "CREATE_OFFER_EXPORT",
    "UNPUBLISHED_OFFER_REPORT", "CREATE_PRODUCT_CONTENT", "CREATE_SUBSCRIPTION",
    "UPDATE_SUBSCRIPTION", "DELETE_SUBSCRIPTION", "SEND_SUBSCRIPTION_TST_MSG",
    "CREATE_SHIPPING_LABEL", "CREATE_REPLENISHMENT", "UPDATE_REPLENISHMENT",
    "REQUEST_PRODUCT_DESTINATIONS", "CREATE_SOV_SEARCH_TERM_REPORT",
    "CREATE_SOV_CATEGORY_REPORT", "UPLOAD_INVOICE", "CREATE_CAMPAIGN_PERFORMANCE_REPORT",
)


@routes.get("/shared/process-status")
@bol_route
async def process_status_by_entity(request: web.Request) -> web.Response:
    entity_id = request.query.get("entity-id", "")
    event_type = request.query.get("event-type", "")
    if not entity_id:
        raise Invalid("entity-id", "must not be blank")
    if event_type not in EVENT_TYPES:
        raise Invalid("event-type", f"must be one of {', '.join(EVENT_TYPES)}")
    page = int_param(request, "page", 1, 1, 10_000)
    statuses = request.app[STATE_KEY].process_statuses_for_entity(
        entity_id, event_type, page, shared_base(request))
    return bol_json(request, {"processStatuses": statuses})


@routes.post("/shared/process-status")
@bol_route
async def process_status_bulk(request: web.Request) -> web.Response:
    body = await read_body(request)
    queries = body.get("processStatusQueries")
    if not isinstance(queries, list) or not 1 <= len(queries) <= 1000:
        raise Invalid("processStatusQueries", "size must be between 1 and 1000")
    ids = []
    for index, query in enumerate(queries):
        process_id = query.get("processStatusId") if isinstance(query, dict) else None
        if not isinstance(process_id, str) or not process_id:
            raise Invalid(f"processStatusQueries[{index}].processStatusId", "must not be blank")
        ids.append(process_id)
    statuses = request.app[STATE_KEY].process_statuses(ids, shared_base(request))
    return bol_json(request, {"processStatuses": statuses})
