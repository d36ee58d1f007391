"""Small helpers the route modules share: JSON answers, body parsing, query validation."""

from __future__ import annotations

import functools
import json

from aiohttp import web

from haydigo_desk.sandbox.gateway import media_type_for
from haydigo_desk.sandbox.problems import problem


class Invalid(Exception):
    """A request that bol would answer with 400 and these violations."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.violations = [{"name": name, "reason": reason}]


def bol_json(request: web.Request, body: dict, status: int = 200) -> web.Response:
    return web.Response(
        status=status,
        body=json.dumps(body, ensure_ascii=False).encode(),
        content_type=media_type_for(request.path),
    )


def bad_request(request: web.Request, error: Invalid) -> web.Response:
    return problem(
        request,
        400,
        "Bad request",
        violations=error.violations,
        media_type=media_type_for(request.path),
    )


def not_found(request: web.Request, detail: str) -> web.Response:
    return problem(request, 404, detail, media_type=media_type_for(request.path))


async def read_body(request: web.Request) -> dict:
    """The JSON body of a write, which must name the same versioned type as ``Accept``."""
    expected = media_type_for(request.path)
    given = request.headers.get("Content-Type", "").split(";")[0].strip()
    if given != expected:
        raise web.HTTPUnsupportedMediaType(reason=f"Content-Type must be {expected}")
    try:
        body = json.loads(await request.read() or b"null")
    except ConnectionResetError:
        # The client went away mid-body (killed, timed out): nothing was asked, nothing done.
        raise web.HTTPBadRequest(reason="the client hung up before the body arrived") from None
    except ValueError as error:
        raise Invalid("body", f"malformed JSON: {error}") from None
    if not isinstance(body, dict):
        raise Invalid("body", "must be a JSON object")
    return body


def int_param(request: web.Request, name: str, default: int | None, low: int, high: int | None):
    text = request.query.get(name)
    if text is None or text == "":
        return default
    try:
        value = int(text)
    except ValueError:
        raise Invalid(name, "must be a whole number") from None
    if value < low or (high is not None and value > high):
        bounds = f"between {low} and {high}" if high is not None else f"at least {low}"
        raise Invalid(name, f"must be {bounds}")
    return value


def enum_param(request: web.Request, name: str, default: str, allowed: tuple[str, ...]) -> str:
    value = request.query.get(name, default).upper()
    if value not in allowed:
        raise Invalid(name, f"must be one of {', '.join(allowed)}")
    return value


def list_param(request: web.Request, name: str) -> set[str] | None:
    """Repeated (``?eans=1&eans=2``) or comma-separated values; None when absent."""
    values = [part for raw in request.query.getall(name, []) for part in raw.split(",") if part]
    return set(values) or None


def bol_route(handler):
    """Turns an ``Invalid`` raised anywhere in ``handler`` into bol's 400 problem."""

    @functools.wraps(handler)
    async def wrapped(request: web.Request) -> web.StreamResponse:
        try:
            return await handler(request)
        except Invalid as error:
            return bad_request(request, error)

    return wrapped
