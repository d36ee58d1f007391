"""Product images: the sandbox serves real JPEGs (as bol does); the desk's image cache stores
them by what they are and still shows the PNGs that earlier versions cached."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from sandbox_helpers import Api
from sqlalchemy import select
from support.sync_setup import sync_setup

from haydigo_desk.bol import BolClient, BolEnvironment, ClientCredentials, RetryPolicy
from haydigo_desk.persistence.models import MarketplaceAccount, Product
from haydigo_desk.sandbox.images import SIZES, _picture
from haydigo_desk.services.product_queries import ProductRow
from haydigo_desk.sync.images import ImageFetcher
from haydigo_desk.ui.products_model import COL_IMAGE, ProductsModel


def _close(colour: QColor, expected: tuple[int, int, int], tolerance: int = 8) -> bool:
    got = (colour.red(), colour.green(), colour.blue())
    return all(abs(a - b) <= tolerance for a, b in zip(got, expected, strict=True))


@pytest.mark.parametrize("size", sorted(SIZES))
def test_served_jpeg_decodes_to_the_drawn_picture(qapp, api: Api, size: str) -> None:
    ean = api.sandbox.state.offers[3].ean
    answer = api.get(f"/retailer/products/{ean}/assets").json()
    variant = next(v for v in answer["assets"][0]["variants"] if v["size"] == size)
    image_answer = api.http.get(variant["url"])
    assert image_answer.headers["content-type"] == "image/jpeg"
    image = QImage.fromData(image_answer.content, "JPG")
    side = SIZES[size]
    assert not image.isNull() and (image.width(), image.height()) == (side, side)
    assert (variant["width"], variant["height"]) == (side, side)
    pixels, palette = _picture(ean, side, 0)
    # Away from the edges between colours (where JPEG blurs a little) every pixel matches.
    checked = 0
    for y in range(4, side - 4, 7):
        for x in range(4, side - 4, 7):
            around = {pixels[(y + dy) * side + x + dx] for dy in (-3, 0, 3) for dx in (-3, 0, 3)}
            if len(around) == 1:
                assert _close(image.pixelColor(x, y), palette[around.pop()]), (x, y)
                checked += 1
    assert checked >= 40  # enough of the picture was compared


def _solid_image(path: Path, colour: QColor, file_format: str) -> None:
    image = QImage(64, 64, QImage.Format.Format_RGB32)
    image.fill(colour)
    assert image.save(str(path), file_format)


def test_cache_names_files_by_content_and_shows_jpeg_and_older_png(
    qapp, api: Api, tmp_path: Path
) -> None:
    ean = api.sandbox.state.offers[0].ean
    jpeg = api.http.get(api.get(f"/retailer/products/{ean}/assets").json()["assets"][0]
                        ["variants"][0]["url"]).content
    fetcher = ImageFetcher(None, None, 1, tmp_path / "cache")  # only its file store is used
    stored = fetcher._store(ean, "image/png", jpeg)  # a wrong label: the bytes decide
    assert stored.suffix == ".jpg" and stored.read_bytes() == jpeg
    older = tmp_path / "cache" / "8712345678906-0123abcd.png"  # what earlier versions cached
    _solid_image(older, QColor(200, 30, 40), "PNG")

    def row(number: int, image_path: Path) -> ProductRow:
        return ProductRow(id=number, product_list_id=1, ean=ean, sku=f"S{number}",
                          title=f"T{number}", image_path=str(image_path), location_code="",
                          on_hand=1, reserved=0, bol_stock_amount=None, offer_id=None)

    model = ProductsModel()
    model.set_rows([row(1, stored), row(2, older), row(3, tmp_path / "gone.jpg")])
    icons = [model.index(n, COL_IMAGE).data(Qt.ItemDataRole.DecorationRole) for n in range(3)]
    thumbnails = [icon.pixmap(40, 40).toImage() for icon in icons]
    centre = thumbnails[0].pixelColor(20, 20)
    pixels, palette = _picture(ean, SIZES["small"], 0)
    assert _close(centre, palette[pixels[60 * 120 + 60]], tolerance=20)  # the product's picture
    assert _close(thumbnails[1].pixelColor(20, 20), (200, 30, 40))  # the old PNG, still shown
    assert icons[2].cacheKey() != icons[0].cacheKey() != icons[1].cacheKey()  # a placeholder


@pytest.mark.asyncio
async def test_an_unusable_image_answer_skips_that_product_only(sqlite_url, tmp_path) -> None:
    setup = sync_setup(sqlite_url)
    try:
        with setup.database.unit_of_work() as uow:
            product_list = uow.session.get(MarketplaceAccount, setup.account_id).product_list_id
            uow.session.add_all(
                Product(product_list_id=product_list, ean=offer.ean, sku=f"S{n}", title=f"T{n}")
                for n, offer in enumerate(setup.sandbox.state.offers[:3])
            )
            uow.commit()
        setup.sandbox.state.set_faults(malformed_rate=1.0)  # every assets answer is cut off
        client = BolClient(
            ClientCredentials(setup.sandbox.client_id, setup.sandbox.client_secret),
            BolEnvironment.custom(setup.sandbox.url),
            retry=RetryPolicy(max_attempts=2, backoff_base=0.01, backoff_cap=0.02),
        )
        async with client:
            fetcher = ImageFetcher(client, setup.database, setup.account_id, tmp_path / "img",
                                   per_minute=0)
            assert await fetcher.run() == 3  # all three visited, none stopped the others
        with setup.database.unit_of_work() as uow:
            visited = uow.session.scalars(select(Product.image_checked_at)).all()
        assert len(visited) == 3 and all(visited) and fetcher.missing == 3
        assert client.stats.of("GET /retailer/products/{ean}/assets").malformed == 6
    finally:
        setup.sandbox.stop()
        setup.database.dispose()
