"""``/_sandbox/...``: inspection and control for tests, the demo and benchmarks (no auth)."""

from __future__ import annotations

import json
from dataclasses import asdict

from aiohttp import web

from haydigo_desk.sandbox.config import FaultConfig
from haydigo_desk.sandbox.gateway import STATE_KEY

routes = web.RouteTableDef()

# JSON names of the fault settings and the FaultConfig fields they set.
FAULT_FIELDS = {
    "latencyMs": "latency_ms",
    "errorRate": "error_rate",
    "timeoutRate": "timeout_rate",
    "malformedRate": "malformed_rate",
    "tokenExpirySeconds": "token_expiry_s",
    "slowDripRate": "slow_drip_rate",
    "slowDripMs": "slow_drip_ms",
    "falseEncodingRate": "false_encoding_rate",
    "lostAnswerRate": "lost_answer_rate",
    "rateLimitedRate": "rate_limited_rate",
    "rateLimitedRetryAfter": "rate_limited_retry_after_s",
}


def _json(body: dict | list, status: int = 200) -> web.Response:
    return web.json_response(body, status=status, dumps=lambda o: json.dumps(o, ensure_ascii=False))


def _error(status: int, message: str) -> web.Response:
    return _json({"error": message}, status)


async def _body(request: web.Request) -> dict:
    try:
        body = json.loads(await request.read() or b"{}")
    except ValueError:
        raise web.HTTPBadRequest(reason="body must be JSON") from None
    if not isinstance(body, dict):
        raise web.HTTPBadRequest(reason="body must be a JSON object")
    return body


@routes.get("/_sandbox/state")
async def state_snapshot(request: web.Request) -> web.Response:
    include_orders = request.query.get("orders", "true").lower() != "false"
    return _json(request.app[STATE_KEY].snapshot(include_orders))


@routes.get("/_sandbox/orders/{order_id}")
async def order_summary(request: web.Request) -> web.Response:
    summary = request.app[STATE_KEY].order_summary(request.match_info["order_id"])
    return _json(summary) if summary else _error(404, "no such order")


@routes.post("/_sandbox/orders")
async def add_orders(request: web.Request) -> web.Response:
    body = await _body(request)
    try:
        count = int(body.get("count", 1))
        lines = body.get("lines")
        ids = request.app[STATE_KEY].add_orders(
            count,
            country=body.get("country"),
            lines=int(lines) if lines is not None else None,
            eans=body.get("eans"),
        )
    except (TypeError, ValueError) as error:
        return _error(400, str(error))
    return _json({"orderIds": ids}, 201)


@routes.post("/_sandbox/cancel-request")
async def cancel_request(request: web.Request) -> web.Response:
    body = await _body(request)
    item_id = request.app[STATE_KEY].request_cancellation(body.get("orderItemId"))
    if item_id is None:
        return _error(409, "no open order item to put a cancellation request on")
    return _json({"orderItemId": item_id})


@routes.get("/_sandbox/faults")
async def get_faults(request: web.Request) -> web.Response:
    return _json(request.app[STATE_KEY].faults.to_json())


@routes.post("/_sandbox/faults")
async def set_faults(request: web.Request) -> web.Response:
    body = await _body(request)
    state = request.app[STATE_KEY]
    unknown = set(body) - set(FAULT_FIELDS) - {"expireTokensNow", "reset"}
    if unknown:
        return _error(400, f"unknown fault settings: {sorted(unknown)}")
    changes = {FAULT_FIELDS[key]: value for key, value in body.items() if key in FAULT_FIELDS}
    if body.get("reset"):
        changes = asdict(FaultConfig()) | changes
    try:
        faults = state.set_faults(**changes)
    except (TypeError, ValueError) as error:
        return _error(400, str(error))
    expired = state.expire_tokens_now() if body.get("expireTokensNow") else 0
    return _json(faults.to_json() | {"tokensExpired": expired})


@routes.post("/_sandbox/rate-scale")
async def set_rate_scale(request: web.Request) -> web.Response:
    body = await _body(request)
    try:
        request.app[STATE_KEY].rate_limiter.set_scale(float(body["rateScale"]))
    except (KeyError, TypeError, ValueError) as error:
        return _error(400, f"rateScale must be a positive number: {error}")
    return _json({"rateScale": request.app[STATE_KEY].rate_limiter.scale})
