"""v10 transports: adding or correcting the track & trace of a shipment after shipping."""

from __future__ import annotations

from aiohttp import web

from haydigo_desk.sandbox.gateway import STATE_KEY
from haydigo_desk.sandbox.http_util import Invalid, bol_json, bol_route, not_found, read_body
from haydigo_desk.sandbox.routes_orders import shared_base

# The transporter codes bol's last v10 enum (``ChangeTransportRequest``) listed; the sandbox
# refuses others as bol does when it does not know a carrier.
TRANSPORTER_CODES = frozenset((
    "AMPERE", "BPOST_BE", "BPOST_BRIEF", "BRIEFPOST", "BUDBEE", "COURIER", "CYCLOON", "DHL",
    "DHL-GLOBAL-MAIL", "DHL-SD", "DHLFORYOU", "DHL_DE", "DPD-BE", "DPD-NL", "DYL", "FEDEX_BE",
    "FEDEX_NL", "GLS", "OTHER", "PACKS", "PARCEL-NL", "PES", "TNT", "TNT-EXPRESS", "TNT-EXTRA",
    "TNT_BRIEF", "TRANSMISSION", "TRUNKRS", "TSN", "UPS",
))
routes = web.RouteTableDef()


@routes.put("/retailer/transports/{transport_id}")
@bol_route
async def change_transport(request: web.Request) -> web.Response:
    transport_id = request.match_info["transport_id"]
    body = await read_body(request)
    track = body.get("trackAndTrace")
    if not isinstance(track, str) or not track.strip():
        raise Invalid("trackAndTrace", "must not be blank")
    code = body.get("transporterCode")
    if code is not None and (not isinstance(code, str) or code not in TRANSPORTER_CODES):
        raise Invalid("transporterCode", f"unknown transporter code {code!r}")
    state = request.app[STATE_KEY]
    status = state.submit_transport_change(transport_id, code, track, shared_base(request))
    if status is None:
        return not_found(request, f"Transport with id {transport_id} not found.")
    return bol_json(request, status, 202)
