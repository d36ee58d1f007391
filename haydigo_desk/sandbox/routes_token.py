"""``POST /token``: OAuth2 client credentials, answered the way login.bol.com answers."""

from __future__ import annotations

import base64
import binascii
import json

from aiohttp import web

from haydigo_desk.sandbox.gateway import STATE_KEY

routes = web.RouteTableDef()

# Fault, chosen per account through its token URL (``/token?fault=echo-authorization``): the
# answer repeats the credentials it got, as buggy or hostile servers do, to prove the desk
# masks every form of them.
ECHO_AUTHORIZATION = "echo-authorization"


def _oauth(status: int, body: dict) -> web.Response:
    return web.Response(
        status=status,
        body=json.dumps(body).encode(),
        content_type="application/json",
        headers={"Cache-Control": "no-store"},
    )


@routes.post("/token")
async def token(request: web.Request) -> web.Response:
    state = request.app[STATE_KEY]
    state.count_request("POST /token")
    form = await request.post()
    grant = form.get("grant_type") or request.query.get("grant_type")
    if request.query.get("fault") == ECHO_AUTHORIZATION:
        return _oauth(400, {"error": _echo(request.headers.get("Authorization", ""))})
    if not state.tokens.credentials_ok(request.headers.get("Authorization")):
        return _oauth(401, {"error": "invalid_client"})
    if grant != "client_credentials":
        return _oauth(400, {"error": "unsupported_grant_type"})
    issued = state.tokens.issue(state.config.token_lifetime_s, state.faults.token_expiry_s)
    return _oauth(
        200,
        {
            "access_token": issued.value,
            "token_type": "Bearer",
            "expires_in": state.config.token_lifetime_s,
            "scope": "retailer",
        },
    )


def _echo(authorization: str) -> str:
    try:
        decoded = base64.b64decode(authorization.partition(" ")[2], validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        decoded = ""
    return f"invalid_request: header {authorization!r} (decoded {decoded!r}) was not accepted"
