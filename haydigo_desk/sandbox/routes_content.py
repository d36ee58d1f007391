"""bol's catalog content: ``GET /retailer/content/catalog-products/{ean}`` (v10).

v11 offers carry no product title; bol's catalogue does, as the attribute ``Name`` in the
language the client asks for with ``Accept-Language``. bol knows nl and fr; the sandbox has
Dutch and English titles, so ``en...`` gets English and every other language gets Dutch.
"""

from __future__ import annotations

from aiohttp import web

from haydigo_desk.sandbox import names
from haydigo_desk.sandbox.catalogue import Offer
from haydigo_desk.sandbox.gateway import STATE_KEY
from haydigo_desk.sandbox.http_util import bol_json, bol_route, not_found

routes = web.RouteTableDef()

GPC_CHUNK_ID = "30005965"  # one classification for everything; the desk does not read it
DESCRIPTIONS = {
    "nl": "{title}. Een product van {brand}, geleverd in de originele verpakking.",
    "en": "{title}. A product by {brand}, delivered in its original packaging.",
}


def content_language(header: str | None) -> str:
    """``en`` for English tags (``en``, ``en-GB``...), else ``nl``: the first tag decides."""
    first = (header or "").split(",")[0].split(";")[0].strip().lower()
    return "en" if first == "en" or first.startswith("en-") else "nl"


def _brand(offer: Offer) -> str:
    return next((b for b in names.BRANDS if offer.title_nl.startswith(f"{b} ")), "HaydiGO")


def catalog_product(offer: Offer, language: str) -> dict:
    """The ``CatalogProduct`` body of the spec for ``offer`` in ``language`` (nl or en)."""
    title = offer.title_en if language == "en" else offer.title_nl
    brand = _brand(offer)
    description = DESCRIPTIONS[language].format(title=title, brand=brand)
    return {
        "published": True,
        "gpc": {"chunkId": GPC_CHUNK_ID},
        "enrichment": {"status": 1},
        "attributes": [
            {"id": "Name", "values": [{"value": title}]},
            {"id": "Description", "values": [{"value": description}]},
        ],
        "parties": [{"name": brand, "type": "Brand", "role": "BRAND"}],
    }


@routes.get("/retailer/content/catalog-products/{ean}")
@bol_route
async def get_catalog_product(request: web.Request) -> web.Response:
    ean = request.match_info["ean"]
    offer = request.app[STATE_KEY].offer_by_ean(ean)
    if offer is None:
        return not_found(request, f"Product with EAN {ean} not found in the catalog.")
    language = content_language(request.headers.get("Accept-Language"))
    return bol_json(request, catalog_product(offer, language))
