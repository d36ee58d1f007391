"""v11 offers (cursor paging, synchronous stock PATCH), product assets and the images."""

from __future__ import annotations

import base64

from aiohttp import web

from haydigo_desk.sandbox.clock import parse_iso
from haydigo_desk.sandbox.gateway import STATE_KEY
from haydigo_desk.sandbox.http_util import (
    Invalid,
    bol_json,
    bol_route,
    int_param,
    list_param,
    not_found,
    read_body,
)
from haydigo_desk.sandbox.images import SIZES, product_jpeg

routes = web.RouteTableDef()
DEFAULT_PAGE_SIZE = 50
MAX_STOCK = 999
PATCHABLE = {"stock", "onHoldByRetailer", "reference"}


def _encode_cursor(position: int) -> str:
    return base64.urlsafe_b64encode(f"offset:{position}".encode()).decode().rstrip("=")


def _decode_cursor(cursor: str) -> int:
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        kind, _, number = text.partition(":")
        if kind != "offset":
            raise ValueError(text)
        return int(number)
    except (ValueError, UnicodeDecodeError):
        raise Invalid("cursor", "is not a cursor this server handed out") from None


def _bool_param(request: web.Request, name: str) -> bool | None:
    text = request.query.get(name)
    if text is None:
        return None
    if text.lower() not in ("true", "false"):
        raise Invalid(name, "must be true or false")
    return text.lower() == "true"


@routes.get("/retailer/offers")
@bol_route
async def list_offers(request: web.Request) -> web.Response:
    size = int_param(request, "page-size", DEFAULT_PAGE_SIZE, 1, 100)
    cursor = request.query.get("cursor")
    start = _decode_cursor(cursor) if cursor else 0
    modified = request.query.get("last-modified-date-time")
    try:
        modified_since = parse_iso(modified) if modified else None
    except ValueError:
        raise Invalid("last-modified-date-time", "must be an ISO 8601 date-time") from None
    offers, next_position = request.app[STATE_KEY].list_offers(
        start,
        size,
        modified_since=modified_since,
        eans=list_param(request, "eans"),
        offer_ids=list_param(request, "offer-ids"),
        reference=request.query.get("reference"),
        for_sale=_bool_param(request, "for-sale"),
    )
    next_cursor = _encode_cursor(next_position) if next_position is not None else None
    page = {"pageSize": size, "nextCursor": next_cursor}
    return bol_json(request, {"offers": offers, "page": page})


@routes.get("/retailer/offers/{offer_id}")
@bol_route
async def get_offer(request: web.Request) -> web.Response:
    offer_id = request.match_info["offer_id"]
    offer = request.app[STATE_KEY].offer(offer_id)
    if offer is None:
        return not_found(request, f"Offer with id {offer_id} not found.")
    return bol_json(request, offer)


def _stock_change(body: dict) -> tuple[int, bool | None]:
    stock = body["stock"]
    if not isinstance(stock, dict):
        raise Invalid("stock", "must be an object")
    amount, managed = stock.get("amount"), stock.get("managedByRetailer")
    if not isinstance(amount, int) or isinstance(amount, bool) or not 0 <= amount <= MAX_STOCK:
        raise Invalid("stock.amount", f"must be between 0 and {MAX_STOCK}")
    if managed is not None and not isinstance(managed, bool):
        raise Invalid("stock.managedByRetailer", "must be true or false")
    return amount, managed


@routes.patch("/retailer/offers/{offer_id}")
@bol_route
async def patch_offer(request: web.Request) -> web.Response:
    body = await read_body(request)
    unsupported = set(body) - PATCHABLE
    if unsupported:
        raise Invalid(sorted(unsupported)[0], "not supported by the sandbox (stock only)")
    state = request.app[STATE_KEY]
    offer_id = request.match_info["offer_id"]
    if state.offer(offer_id) is None:
        return not_found(request, f"Offer with id {offer_id} not found.")
    if "stock" in body:
        amount, managed = _stock_change(body)
        state.set_offer_stock(offer_id, amount, managed)
    if "onHoldByRetailer" in body or "reference" in body:
        state.update_offer(offer_id, body.get("onHoldByRetailer"), body.get("reference"))
    return web.Response(status=204)


@routes.get("/retailer/products/{ean}/assets")
@bol_route
async def product_assets(request: web.Request) -> web.Response:
    ean = request.match_info["ean"]
    usage = request.query.get("usage")
    if usage is not None and usage not in ("PRIMARY", "ADDITIONAL", "IMAGE"):
        raise Invalid("usage", "must be one of PRIMARY, ADDITIONAL, IMAGE")
    if request.app[STATE_KEY].offer_by_ean(ean) is None:
        return not_found(request, f"No product found for EAN {ean}.")
    wanted = {"PRIMARY": (0,), "ADDITIONAL": (1,), "IMAGE": (0, 1), None: (0, 1)}[usage]
    origin = request.url.origin()
    assets = [
        {
            "usage": "PRIMARY" if variant == 0 else "ADDITIONAL",
            "order": variant,
            "variants": [
                {
                    "size": size,
                    "width": side,
                    "height": side,
                    "mimeType": "image/jpeg",
                    "url": f"{origin}/media/{ean}/{variant}-{size}.jpg",
                }
                for size, side in SIZES.items()
            ],
        }
        for variant in wanted
    ]
    return bol_json(request, {"assets": assets})


@routes.get("/media/{ean}/{variant:[0-9]}-{size:[a-z]+}.jpg")
async def media(request: web.Request) -> web.Response:
    """The image itself; on bol this is a public CDN URL, so no token and no rate limit."""
    ean, size = request.match_info["ean"], request.match_info["size"]
    if size not in SIZES or request.app[STATE_KEY].offer_by_ean(ean) is None:
        raise web.HTTPNotFound()
    jpeg = product_jpeg(ean, size, int(request.match_info["variant"]))
    return web.Response(body=jpeg, content_type="image/jpeg",
                        headers={"Cache-Control": "public, max-age=86400"})
