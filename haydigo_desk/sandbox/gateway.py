"""What sits in front of every bol API path: request ids, counting, rate limits, tokens,
media types and injected faults. Handlers behind it only deal with the resource.

Faults (``FaultConfig``), in the order a request meets them: latency; a 429 storm; the real
rate limit and token checks; a request that is never answered; a 5xx instead of the handler;
then, after the handler ran, a write's answer lost as a 502, a 2xx JSON body cut off, a false
``Content-Encoding: gzip``, and a body that drips in slowly.
"""

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
V10_PDF = "application/vnd.retailer.v10+pdf"
API_PREFIXES = ("/retailer/", "/shared/")
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
DRIP_PIECE = 16  # bytes per piece of a dripping body
STATE_KEY: web.AppKey[SandboxState] = web.AppKey("sandbox_state", SandboxState)
FAULT_RNG_KEY: web.AppKey[random.Random] = web.AppKey("sandbox_fault_rng", random.Random)
# Requests held by the timeout fault wait on this; shutting the server down releases them.
HELD_KEY: web.AppKey[asyncio.Event] = web.AppKey("sandbox_held", asyncio.Event)
# Set on a request whose answer is to drip in: the pause before each piece, in seconds.
DRIP_KEY: web.RequestKey[float] = web.RequestKey("sandbox_drip_s", float)


def media_type_for(path: str) -> str:
    """Offers speak v11, a shipping label is a v10 PDF, everything else is v10 JSON."""
    if path.startswith("/retailer/offers"):
        return V11_JSON
    if path.startswith(_LABEL_PREFIX) and path != _DELIVERY_OPTIONS:
        return V10_PDF  # bol's spec gives this type to the label's problem answers too
    return V10_JSON


_LABEL_PREFIX = "/retailer/shipping-labels/"
_DELIVERY_OPTIONS = "/retailer/shipping-labels/delivery-options"


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

    def hit(rate: float) -> bool:
        return bool(rate) and rng.random() < rate

    if hit(faults.rate_limited_rate):
        wait = faults.rate_limited_retry_after_s
        state.rate_limiter.count_rejection()
        return problem(request, 429, f"Too many requests, retry in {wait} seconds.",
                       headers={"Retry-After": str(wait), "x-ratelimit-remaining": "0",
                                "x-ratelimit-reset": str(wait)})
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
    if hit(faults.timeout_rate):
        await request.app[HELD_KEY].wait()  # never answers while the server runs
        raise web.HTTPServiceUnavailable()
    if hit(faults.error_rate):
        status = rng.choice((500, 502, 503))
        return problem(request, status, "Injected fault: the service is temporarily unavailable.",
                       headers=limit_headers)
    response = await handler(request)
    response.headers.update(limit_headers)
    if request.method in WRITE_METHODS and response.status < 300 and hit(faults.lost_answer_rate):
        # The write was carried out; only its answer is lost on the way back.
        return problem(request, 502, "Injected fault: the answer was lost on the way.",
                       headers=limit_headers)
    has_body = isinstance(response, web.Response) and bool(response.body)
    if has_body and 200 <= response.status < 300:
        if hit(faults.malformed_rate):
            body = bytes(response.body)
            response.body = body[: max(1, len(body) // 2)]  # cut mid-document: invalid JSON
        if hit(faults.false_encoding_rate):
            response.headers["Content-Encoding"] = "gzip"  # the body is plain JSON
    if has_body and hit(faults.slow_drip_rate):
        request[DRIP_KEY] = faults.slow_drip_ms / 1000
    return response


async def _drip(request: web.Request, response: web.Response, pause: float) -> web.StreamResponse:
    """Sends ``response`` in small pieces with a pause before each: every read is quick, the
    whole body slow (httpx's per-read timeout never fires on this)."""
    body = bytes(response.body)
    stream = web.StreamResponse(status=response.status, reason=response.reason,
                                headers=response.headers)
    stream.content_length = len(body)
    await stream.prepare(request)
    try:
        for start in range(0, len(body), DRIP_PIECE):
            await asyncio.sleep(pause)
            await stream.write(body[start:start + DRIP_PIECE])
        await stream.write_eof()
    except ConnectionResetError:
        pass  # the client gave up on the slow body, as its deadline says it should
    return stream


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
    pause = request.get(DRIP_KEY)
    if pause is not None and isinstance(response, web.Response):
        return await _drip(request, response, pause)
    return response
