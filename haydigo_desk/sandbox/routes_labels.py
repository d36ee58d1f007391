"""v10 shipping labels ("Verzenden via bol") and their inspection under ``/_sandbox/``."""

from __future__ import annotations

import asyncio

from aiohttp import web

from haydigo_desk.sandbox.gateway import STATE_KEY, V10_PDF
from haydigo_desk.sandbox.http_util import Invalid, bol_json, bol_route, not_found, read_body
from haydigo_desk.sandbox.label_pdf import render_label
from haydigo_desk.sandbox.labels import LabelRequestError, UnknownItemError
from haydigo_desk.sandbox.routes_orders import order_item_lines, shared_base

routes = web.RouteTableDef()


@routes.post("/retailer/shipping-labels/delivery-options")
@bol_route
async def delivery_options(request: web.Request) -> web.Response:
    lines = order_item_lines(await read_body(request))
    try:
        options = request.app[STATE_KEY].delivery_options(lines)
    except UnknownItemError as error:
        return not_found(request, str(error))
    except LabelRequestError as error:
        raise Invalid(error.field, str(error)) from None
    return bol_json(request, {"deliveryOptions": options})


@routes.post("/retailer/shipping-labels")
@bol_route
async def create_shipping_label(request: web.Request) -> web.Response:
    body = await read_body(request)
    lines = order_item_lines(body)
    offer_id = body.get("shippingLabelOfferId")
    if not isinstance(offer_id, str) or not offer_id:
        raise Invalid("shippingLabelOfferId", "must not be blank")
    status = request.app[STATE_KEY].submit_shipping_label(lines, offer_id, shared_base(request))
    return bol_json(request, status, 202)


@routes.get("/retailer/shipping-labels/{shipping_label_id}")  # HEAD too: headers only
async def shipping_label(request: web.Request) -> web.Response:
    label_id = request.match_info["shipping_label_id"]
    document = request.app[STATE_KEY].label_document(label_id)
    if document is None:
        return not_found(request, f"Shipping label with id {label_id} not found.")
    # Rendering takes some milliseconds: off the loop, so other requests go on meanwhile.
    pdf = await asyncio.get_running_loop().run_in_executor(None, render_label, document)
    return web.Response(
        body=pdf,
        content_type=V10_PDF,
        headers={
            "X-Track-And-Trace-Code": document.track_and_trace,
            "X-Transporter-Code": document.transporter_code,
        },
    )


@routes.get("/_sandbox/shipping-labels")
async def inspect_labels(request: web.Request) -> web.Response:
    return web.json_response(request.app[STATE_KEY].shipping_labels())


@routes.post("/_sandbox/shipping-labels/expire-offers")
async def expire_offers(request: web.Request) -> web.Response:
    """Every delivery option made so far expires (a test of a purchase made too late)."""
    return web.json_response({"expired": request.app[STATE_KEY].expire_label_offers()})
