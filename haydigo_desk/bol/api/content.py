"""Products: catalogue content, assets and their images."""

from __future__ import annotations

import logging
import re

import httpx

from haydigo_desk.bol import media
from haydigo_desk.bol.errors import BolUnexpectedResponseError
from haydigo_desk.bol.models_content import AssetUsage, CatalogProduct, ProductAsset
from haydigo_desk.bol.reading import malformed_answer, model, model_list
from haydigo_desk.bol.transport import BolTransport

log = logging.getLogger(__name__)

MAX_IMAGE_BYTES = 10 * 1024 * 1024
IMAGE_ENDPOINT = "GET image"
# bol's spec lists these for Accept-Language; others are sent as given and bol answers 406.
CATALOG_LANGUAGES = ("nl", "nl-BE", "fr", "fr-BE")
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")


class ContentApi(BolTransport):

    async def get_product_assets(self, ean: str, usage: str | None = None) -> list[ProductAsset]:
        """Images (and other assets) of a product by EAN, ordered as bol orders them."""
        params = {"usage": AssetUsage(usage).value} if usage else None
        assets = await self._call_json(
            "GET",
            "/retailer/products/{ean}/assets",
            ean,
            params=params,
            parse=model_list(ProductAsset, "assets"),
        )
        return sorted(assets, key=lambda asset: asset.order)

    async def get_catalog_product(self, ean: str, language: str = "nl") -> CatalogProduct:
        """bol's catalog content of a product (title: ``.title``) in ``language``, one of
        ``CATALOG_LANGUAGES``. ``BolNotFoundError`` when bol's catalogue does not know the EAN.

        The v11 offers carry no title, so this is where a product imported from an offer gets
        its name. The endpoint's bucket is small: call it once per product, not per sync.
        """
        if not _LANGUAGE_TAG.fullmatch(language or ""):
            raise ValueError(f"not a language tag like nl or nl-BE: {language!r}")
        return await self._call_json(
            "GET",
            "/retailer/content/catalog-products/{ean}",
            ean,
            headers={"Accept-Language": language},
            parse=model(CatalogProduct),
        )

    async def download_image(self, url: str, *, max_bytes: int = MAX_IMAGE_BYTES) -> bytes:
        """The bytes of an image URL from the assets. No bearer token goes to the image host."""
        if not url.startswith(("https://", "http://")):
            raise ValueError(f"not an http(s) image URL: {url!r}")

        def build(_token: str | None) -> httpx.Request:
            return self._http.build_request("GET", url, headers={"Accept": "image/*"})

        def read(response: httpx.Response) -> bytes:
            content_type = response.headers.get("content-type", "")
            if not content_type.startswith("image/"):
                raise malformed_answer(
                    f"expected an image, got {content_type or 'no content type'}",
                    response,
                    IMAGE_ENDPOINT,
                )
            if media.image_type(response.content) is None:
                raise malformed_answer("the image answer holds no JPEG, PNG, GIF or WebP",
                                        response, IMAGE_ENDPOINT)
            return response.content

        content = await self._send(
            IMAGE_ENDPOINT, build, auth=False, read_only=True, read=read, record_id=url
        )
        if len(content) > max_bytes:
            raise BolUnexpectedResponseError(
                f"image larger than {max_bytes} bytes", endpoint=IMAGE_ENDPOINT
            )
        return content

