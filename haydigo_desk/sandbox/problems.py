"""bol-style problem answers (the ``Problem`` schema of the Retailer API)."""

from __future__ import annotations

import json

from aiohttp import web

PROBLEM_TYPE = "https://api.bol.com/problems"
HOST = "Sandbox-001"

TITLES = {
    400: "Error validating request. Consult the bol.com API documentation for more information.",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    406: "Not Acceptable",
    415: "Unsupported Media Type",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
}


def problem_body(
    status: int,
    detail: str,
    *,
    instance: str | None = None,
    title: str | None = None,
    violations: list[dict[str, str]] | None = None,
) -> dict:
    return {
        "type": PROBLEM_TYPE,
        "title": title or TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
        "host": HOST,
        "instance": instance,
        "violations": violations or [],
    }


def problem(
    request: web.Request,
    status: int,
    detail: str,
    *,
    title: str | None = None,
    violations: list[dict[str, str]] | None = None,
    media_type: str = "application/vnd.retailer.v10+json",
    headers: dict[str, str] | None = None,
) -> web.Response:
    body = problem_body(
        status, detail, instance=str(request.url), title=title, violations=violations
    )
    return web.Response(
        status=status, body=json.dumps(body).encode(), content_type=media_type, headers=headers
    )
