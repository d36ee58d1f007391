"""What sits in front of every bol API path: request ids, counting, rate limits, tokens,
media types and injected faults. Handlers behind it only deal with the resource."""

from __future__ import annotations

import asyncio
import random
import uuid
from datetime import UTC, datetime

from aiohttp import web

from haydigo_desk.sandbox.problems import problem
from haydigo_desk.sandbox.state import SandboxState

V10_JSON = "application/vnd.retailer.v10+json"
V11_JSON = "application/vnd.retailer.v11+json"
API_PREFIXES = ("/retailer/", "/shared/")
STATE_KEY: web.AppKey[SandboxState] = web.AppKey("sandbox_state", SandboxState)
FAULT_RNG_KEY: web.AppKey[random.Random] = web.AppKey("sandbox_fault_rng", random.Random)
# Requests held by the timeout fault wait on this; shutting the server down releases them.
HELD_KEY: web.AppKey[asyncio.Event] = web.AppKey("sandbox_held", asyncio.Event)


def media_type_for(path: str) -> str:
    """Offers speak v11, everything else the sandbox serves speaks v10."""
    return V11_JSON if path.startswith("/retailer/offers") else V10_JSON


def route_key(request: web.Request) -> str:
    """``GET /retailer/orders/{order-id}``: the counting key of a request."""
    resource = request.match_info.route.resource
    path = resource.canonical if resource is not None else request.path
    return f"{request.method} {path}"


def _iso_ms(timestamp: float) -> str:
    moment = datetime.fromtimestamp(timestamp, UTC).isoformat(timespec="milliseconds")
    return moment.replace("+00:00", "Z")


def _check_token(request: web.Request, state: SandboxState) -> web.Response | None:
    header = request.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        return problem(request, 401, "Full authentication is required to access this resource.")
    token = state.tokens.lookup(header[7:].strip())
    if token is None:
        return problem(request, 401, "Invalid JWT: the token was not issued by this server.",
                       title="Invalid JWT")
    now = state.tokens.now()
    if now > token.dies_at + 1.0:  # bol allows 1000 ms of clock skew
        detail = (
            f"JWT expired at {_iso_ms(token.dies_at)}. Current time: {_iso_ms(now)}. "
            "Allowed clock skew: 1000 milliseconds."
        )
        return problem(request, 401, detail, title="Expired JWT")
    return None


def _accepts(request: web.Request, media_type: str) -> bool:
    offered = [part.split(";")[0].strip() for part in request.headers.get("Accept", "").split(",")]
    return media_type in offered


async def _guarded(request: web.Request, handler) -> web.StreamResponse:
    state = request.app[STATE_KEY]
    faults = state.faults
    rng = request.app[FAULT_RNG_KEY]
    state.count_request(route_key(request))
    if faults.latency_ms:
        await asyncio.sleep(faults.latency_ms / 1000)
    decision = state.rate_limiter.check(request.method, request.path)
    limit_headers = decision.headers()
    if not decision.allowed:
        detail = f"Too many requests, retry in {decision.reset_s} seconds."
        return problem(request, 429, detail, headers=limit_headers)
    media_type = media_type_for(request.path)
    refusal = _check_token(request, state)
    if refusal is None and not _accepts(request, media_type):
        refusal = problem(
            request, 406,
            f"The requested media type is not supported; use Accept: {media_type}.",
            media_type=media_type,
        )
    if refusal is not None:
        refusal.headers.update(limit_headers)
        return refusal
    if faults.timeout_rate and rng.random() < faults.timeout_rate:
        await request.app[HELD_KEY].wait()  # never answers while the server runs
        raise web.HTTPServiceUnavailable()
    if faults.error_rate and rng.random() < faults.error_rate:
        status = rng.choice((500, 502, 503))
        return problem(request, status, "Injected fault: the service is temporarily unavailable.",
                       headers=limit_headers)
    response = await handler(request)
    response.headers.update(limit_headers)
    if (
        faults.malformed_rate
        and response.status == 200
        and isinstance(response, web.Response)
        and response.body
        and rng.random() < faults.malformed_rate
    ):
        body = bytes(response.body)
        response.body = body[: max(1, len(body) // 2)]  # cut mid-document: invalid JSON
    return response


@web.middleware
async def gateway(request: web.Request, handler) -> web.StreamResponse:
    request_id = str(uuid.uuid4())
    is_api = request.path.startswith(API_PREFIXES)
    try:
        if is_api:
            response = await _guarded(request, handler)
        else:
            response = await handler(request)
    except web.HTTPException as error:
        if not is_api or error.status < 400:
            error.headers["x-request-id"] = request_id
            raise
        response = problem(request, error.status, error.reason or "Error",
                           media_type=media_type_for(request.path))
    response.headers["x-request-id"] = request_id
    return response
