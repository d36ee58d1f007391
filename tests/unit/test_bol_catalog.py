"""bol.com catalog content: ``GET /retailer/content/catalog-products/{ean}`` (title, 404)."""

from __future__ import annotations

import pytest
from support.bol_mock import V10, FakeBol, FakeClock, json_response, make_client, problem

from haydigo_desk.bol import BolNotFoundError, BolUnexpectedResponseError
from haydigo_desk.bol.models_content import CatalogProduct

EAN = "8712345678906"
PATH = f"/retailer/content/catalog-products/{EAN}"
ENDPOINT = "GET /retailer/content/catalog-products/{ean}"


def catalog_product(title: str = "HaydiGO stevige broodtrommel") -> dict:
    return {
        "published": True,
        "gpc": {"chunkId": "30005965"},
        "enrichment": {"status": 1},
        "attributes": [
            {"id": "Appearance Name", "values": [{"value": "122", "unitId": "unece.unit.MMT"}]},
            {"id": "Name", "values": [{"value": f"  {title} "}, {"value": "second value"}]},
            {"id": "Description", "values": [{"value": "Een trommel.", "valueId": "7000"}]},
        ],
        "parties": [{"name": "HaydiGO", "type": "Brand", "role": "BRAND"}],
        "series": None,
        "someNewField": {"kept": True},
    }


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def bol() -> FakeBol:
    return FakeBol()


@pytest.mark.asyncio
async def test_title_and_description_are_parsed(bol: FakeBol, clock: FakeClock) -> None:
    bol.script("GET", PATH, json_response(200, catalog_product()))
    async with make_client(bol, clock) as client:
        product = await client.get_catalog_product(EAN)
    assert product.title == "HaydiGO stevige broodtrommel"  # first value, stripped
    assert product.description == "Een trommel."
    assert product.published is True and product.gpc.chunk_id == "30005965"
    assert product.attributes[0].values[0].unit_id == "unece.unit.MMT"
    assert product.series == [] and product.audio_tracks == []  # null lists read as empty
    assert product.model_extra == {"someNewField": {"kept": True}}
    assert client.stats.of(ENDPOINT).requests == 1


@pytest.mark.asyncio
async def test_accept_language_and_v10_media_type_are_sent(bol: FakeBol, clock: FakeClock) -> None:
    bol.script("GET", PATH, json_response(200, catalog_product()))
    async with make_client(bol, clock) as client:
        await client.get_catalog_product(EAN)
        await client.get_catalog_product(EAN, language="fr-BE")
        with pytest.raises(ValueError):
            await client.get_catalog_product(EAN, language="")
    first, second = bol.api_requests("GET", PATH)
    assert first.headers["accept-language"] == "nl"
    assert second.headers["accept-language"] == "fr-BE"
    assert first.headers["accept"] == V10
    assert first.headers["authorization"].startswith("Bearer ")
    assert "content-type" not in first.headers and not first.content


@pytest.mark.asyncio
async def test_unknown_ean_is_a_typed_not_found(bol: FakeBol, clock: FakeClock) -> None:
    answer = problem(404, "Not Found", f"Product with EAN {EAN} not found.")
    answer.headers["x-request-id"] = "rid-404"
    bol.script("GET", PATH, answer)
    async with make_client(bol, clock) as client:
        with pytest.raises(BolNotFoundError) as caught:
            await client.get_catalog_product(EAN)
    assert caught.value.status == 404 and caught.value.endpoint == ENDPOINT
    assert caught.value.request_id == "rid-404"
    assert len(bol.api_requests("GET", PATH)) == 1  # a 404 is not retried


@pytest.mark.asyncio
async def test_a_wrong_shape_is_an_unexpected_response(bol: FakeBol, clock: FakeClock) -> None:
    bol.script("GET", PATH, json_response(200, {"attributes": "not a list"}))
    async with make_client(bol, clock) as client:
        with pytest.raises(BolUnexpectedResponseError):
            await client.get_catalog_product(EAN)


def test_products_without_a_name_have_no_title() -> None:
    blank = CatalogProduct.model_validate(
        {"attributes": [{"id": "Name", "values": [{"value": "  "}]}, {"id": "Name"}]}
    )
    assert blank.title is None and blank.description is None
    assert CatalogProduct.model_validate({}).title is None
    numeric = CatalogProduct.model_validate(
        {"attributes": [{"id": "Name", "values": [{"value": 42}]}]}
    )
    assert numeric.title == "42"  # numbers arrive as strings, like the module's ids
