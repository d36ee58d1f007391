"""Product images and titles: looked up once per product, slowly and in the background.

bol.com allows few product calls a minute, so this runs at its own pace and pauses while a
sync cycle runs: images never delay orders. v11 offers carry no title, so a product imported
from an offer without one also gets its title from bol's catalogue in the same visit; a visit
ends with ``image_checked_at`` set, and a product is never visited again after that.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from pathlib import Path

from sqlalchemy import select

from haydigo_desk.bol import (
    BolClient,
    BolError,
    BolMalformedResponseError,
    BolNotFoundError,
    BolRateLimitedError,
)
from haydigo_desk.bol.media import image_type
from haydigo_desk.persistence.database import Database
from haydigo_desk.persistence.models import MarketplaceAccount, Product, utcnow

TITLE_MAX = 500  # Product.title is a String(500) column

log = logging.getLogger(__name__)

# The cache holds whatever bol served: JPEG today, PNG from the sandbox of earlier versions.
# Files are named by what their bytes are, and the desk shows any of these formats.
EXTENSIONS = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp",
              "image/gif": ".gif"}


class ImageFetcher:
    def __init__(self, client: BolClient, database: Database, account_id: int, cache_dir: Path,
                 *, per_minute: float = 20.0, title_language: str = "nl") -> None:
        self.client = client
        self.database = database
        self.account_id = account_id
        self.cache_dir = cache_dir
        self.interval = 60.0 / per_minute if per_minute > 0 else 0.0
        self.title_language = title_language
        self.fetched = 0
        self.missing = 0
        self.titles_fetched = 0
        self.titles_missing = 0

    def _next_products(self, limit: int) -> list[tuple[int, str, bool]]:
        """(id, EAN, needs a title) of products not visited yet."""
        with self.database.unit_of_work() as uow:
            account = uow.session.get(MarketplaceAccount, self.account_id)
            rows = uow.session.execute(
                select(Product.id, Product.ean, Product.title).where(
                    Product.product_list_id == account.product_list_id,
                    Product.image_checked_at.is_(None), Product.ean != "",
                ).order_by(Product.id).limit(limit)
            ).all()
        return [(row[0], row[1], not (row[2] or "").strip()) for row in rows]

    async def fetch_title(self, product_id: int, ean: str) -> bool:
        """The catalog title of a product whose title is empty; True when bol had one.

        Stored at once, so that a transient error later in the visit does not ask again.
        """
        try:
            title = (await self.client.get_catalog_product(ean, self.title_language)).title
        except BolNotFoundError:
            title = None  # not in bol's catalogue: the visit's image_checked_at remembers it
        except BolMalformedResponseError as exc:  # asked again already: this one is unusable
            log.warning("The catalog answer for %s is unusable: %s", ean, exc)
            title = None
        if not title:
            self.titles_missing += 1
            return False
        with self.database.unit_of_work() as uow:
            product = uow.session.get(Product, product_id)
            # An order line or the user may have named it meanwhile: theirs wins.
            if product is not None and not product.title.strip():
                product.title = title[:TITLE_MAX]
                uow.commit()
        self.titles_fetched += 1
        return True

    async def fetch_one(self, product_id: int, ean: str, needs_title: bool = False) -> bool:
        """One visit: the title when ``needs_title``, then the primary image; True when an
        image was stored. A ``BolError`` other than 404 or an unusable answer leaves the
        product for a later round."""
        if needs_title:
            await self.fetch_title(product_id, ean)
        image_url = image_path = None
        try:
            for asset in await self.client.get_product_assets(ean, "PRIMARY"):
                variant = asset.best_image()
                if variant is None or not variant.url:
                    continue
                data = await self.client.download_image(variant.url)
                image_path = self._store(ean, variant.mime_type or "image/jpeg", data)
                image_url = variant.url
                break
        except BolNotFoundError:
            pass  # bol.com has no image for this EAN: remember that we looked
        except BolMalformedResponseError as exc:
            # Asked again already and still unusable: remember that we looked, like a missing
            # image, so that one bad product never stops the images of all the others.
            log.warning("The image of %s is unusable: %s", ean, exc)
        except OSError as exc:  # disk full or read-only: try again in a later round
            log.warning("Cannot store the image of %s: %s", ean, exc)
            return False
        with self.database.unit_of_work() as uow:
            product = uow.session.get(Product, product_id)
            product.image_checked_at = utcnow()
            if image_path:
                product.image_path, product.image_url = str(image_path), image_url
            uow.commit()
        if image_path:
            self.fetched += 1
        else:
            self.missing += 1
        return image_path is not None

    def _store(self, ean: str, mime_type: str, data: bytes) -> Path:
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha1(data).hexdigest()[:8]
        kind = image_type(data) or mime_type  # the bytes know better than the asset's label
        path = self.cache_dir / f"{ean}-{digest}{EXTENSIONS.get(kind, '.img')}"
        tmp = path.with_suffix(".part")
        tmp.write_bytes(data)
        tmp.replace(path)  # a crash never leaves half an image under the real name
        return path

    async def run(self, idle: asyncio.Event | None = None, *, limit: int | None = None) -> int:
        """Fetch until every product was looked at (or ``limit``); waits for ``idle`` if given."""
        done = 0
        while limit is None or done < limit:
            batch = self._next_products(20 if limit is None else min(20, limit - done))
            if not batch:
                return done
            for product_id, ean, needs_title in batch:
                if idle is not None:
                    await idle.wait()
                try:
                    await self.fetch_one(product_id, ean, needs_title)
                except BolRateLimitedError as exc:
                    await asyncio.sleep(exc.retry_after or 60)
                    continue
                except BolError as exc:
                    log.info("Image or title of %s not fetched now: %s", ean, exc)
                    return done
                done += 1
                if self.interval:
                    await asyncio.sleep(self.interval)
        return done
