"""v10 returns (list, detail, handle, create) and their ``/_sandbox/returns`` controls."""

from __future__ import annotations

import json

from aiohttp import web

from haydigo_desk.sandbox.gateway import STATE_KEY, V10_JSON
from haydigo_desk.sandbox.http_util import (
    Invalid,
    bol_json,
    bol_route,
    enum_param,
    int_param,
    not_found,
    read_body,
)
from haydigo_desk.sandbox.returns import CREATE_HANDLING_RESULTS, HANDLING_RESULTS
from haydigo_desk.sandbox.routes_control import _body as _control_body
from haydigo_desk.sandbox.routes_control import _json as _control
from haydigo_desk.sandbox.routes_orders import shared_base

routes = web.RouteTableDef()
# bol's spec types the create body as plain JSON; the versioned type is taken as well.
CREATE_CONTENT_TYPES = ("application/json", V10_JSON)


def _quantity(body: dict) -> int:
    quantity = body.get("quantityReturned")
    if isinstance(quantity, bool) or not isinstance(quantity, int) or not 1 <= quantity <= 9999:
        raise Invalid("quantityReturned", "must be a whole number between 1 and 9999")
    return quantity


def _result(body: dict, allowed: tuple[str, ...]) -> str:
    result = body.get("handlingResult")
    if result not in allowed:
        raise Invalid("handlingResult", f"must be one of {', '.join(allowed)}")
    return result


@routes.get("/retailer/returns")
@bol_route
async def list_returns(request: web.Request) -> web.Response:
    page = int_param(request, "page", 1, 1, None)
    handled = enum_param(request, "handled", "FALSE", ("TRUE", "FALSE")) == "TRUE"
    method = enum_param(request, "fulfilment-method", "FBR", ("FBR", "FBB"))
    returns = [] if method == "FBB" else request.app[STATE_KEY].returns.list_page(page, handled)
    return bol_json(request, {"returns": returns} if returns else {})


@routes.get("/retailer/returns/{return_id}")
@bol_route
async def return_detail(request: web.Request) -> web.Response:
    return_id = request.match_info["return_id"]
    found = request.app[STATE_KEY].returns.detail(return_id)
    if found is None:
        return not_found(request, f"Return with return id {return_id} not found.")
    return bol_json(request, found)


@routes.put("/retailer/returns/{rma_id}")
@bol_route
async def handle_return(request: web.Request) -> web.Response:
    rma_id = request.match_info["rma_id"]
    if not rma_id.isdigit() or len(rma_id) > 18:  # int64 in bol's spec
        raise Invalid("rma-id", "must be a number")
    body = await read_body(request)
    result, quantity = _result(body, HANDLING_RESULTS), _quantity(body)
    status = request.app[STATE_KEY].returns.submit_handling(
        rma_id, result, quantity, shared_base(request))
    return bol_json(request, status, 202)


@routes.post("/retailer/returns")
@bol_route
async def create_return(request: web.Request) -> web.Response:
    given = request.headers.get("Content-Type", "").split(";")[0].strip()
    if given not in CREATE_CONTENT_TYPES:
        raise web.HTTPUnsupportedMediaType(reason="Content-Type must be application/json")
    try:
        body = json.loads(await request.read() or b"null")
    except ValueError as error:
        raise Invalid("body", f"malformed JSON: {error}") from None
    if not isinstance(body, dict):
        raise Invalid("body", "must be a JSON object")
    item_id = body.get("orderItemId")
    if not isinstance(item_id, str) or not item_id:
        raise Invalid("orderItemId", "must not be blank")
    result, quantity = _result(body, CREATE_HANDLING_RESULTS), _quantity(body)
    status = request.app[STATE_KEY].returns.submit_create(
        item_id, result, quantity, shared_base(request))
    return bol_json(request, status, 202)


# ----- /_sandbox controls (no auth), answered as routes_control answers ---------------------------

@routes.get("/_sandbox/returns")
async def inspect_returns(request: web.Request) -> web.Response:
    """Every return, handled or not, with the handling results bol.com recorded."""
    return _control({"returns": request.app[STATE_KEY].returns.inspect()})


@routes.post("/_sandbox/returns")
async def customer_returns(request: web.Request) -> web.Response:
    """A customer returns a shipped item: ``{"orderItemId", "quantity"?, "trackAndTrace"?,
    "mainReason"?, "customerComments"?}``."""
    body = await _control_body(request)
    try:
        quantity = body.get("quantity")
        created = request.app[STATE_KEY].returns.customer_returns(
            str(body.get("orderItemId", "")),
            int(quantity) if quantity is not None else None,
            track_and_trace=body.get("trackAndTrace"), reason=body.get("mainReason"),
            comments=body.get("customerComments"))
    except (TypeError, ValueError) as error:
        return _control({"error": str(error)}, 400)
    return _control(created, 201)


@routes.post("/_sandbox/returns/settings")
async def return_settings(request: web.Request) -> web.Response:
    """``{"returnRate": 0..1, "returnDelaySeconds": s}``: how often and when shipped items
    come back."""
    body = await _control_body(request)
    unknown = set(body) - {"returnRate", "returnDelaySeconds"}
    if unknown:
        return _control({"error": f"unknown settings: {sorted(unknown)}"}, 400)
    try:
        rate, delay = body.get("returnRate"), body.get("returnDelaySeconds")
        settings = request.app[STATE_KEY].returns.configure(
            float(rate) if rate is not None else None, float(delay) if delay is not None else None)
    except (TypeError, ValueError) as error:
        return _control({"error": str(error)}, 400)
    return _control(settings)


@routes.post("/_sandbox/returns/{rma_id}/refuse")
async def refuse_next(request: web.Request) -> web.Response:
    """bol.com refuses the next handling of this return item: ``{"message": "..."}``."""
    body = await _control_body(request)
    message = str(body.get("message") or "This return item can not be handled.")
    if not request.app[STATE_KEY].returns.refuse_next(request.match_info["rma_id"], message):
        return _control({"error": "no such return item"}, 404)
    return _control({"rmaId": request.match_info["rma_id"], "message": message})
