"""Product images: fetched once per product, cached on disk, slowly and in the background.

bol.com allows few product calls a minute, so this runs at its own pace and pauses while a
sync cycle runs: images never delay orders.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from pathlib import Path

from sqlalchemy import select

from haydigo_desk.bol import BolClient, BolError, BolNotFoundError, BolRateLimitedError
from haydigo_desk.persistence.database import Database
from haydigo_desk.persistence.models import MarketplaceAccount, Product, utcnow

log = logging.getLogger(__name__)

EXTENSIONS = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp",
              "image/gif": ".gif"}


class ImageFetcher:
    def __init__(self, client: BolClient, database: Database, account_id: int, cache_dir: Path,
                 *, per_minute: float = 20.0) -> None:
        self.client = client
        self.database = database
        self.account_id = account_id
        self.cache_dir = cache_dir
        self.interval = 60.0 / per_minute if per_minute > 0 else 0.0
        self.fetched = 0
        self.missing = 0

    def _next_products(self, limit: int) -> list[tuple[int, str]]:
        with self.database.unit_of_work() as uow:
            account = uow.session.get(MarketplaceAccount, self.account_id)
            rows = uow.session.execute(
                select(Product.id, Product.ean).where(
                    Product.product_list_id == account.product_list_id,
                    Product.image_checked_at.is_(None), Product.ean != "",
                ).order_by(Product.id).limit(limit)
            ).all()
        return [(row[0], row[1]) for row in rows]

    async def fetch_one(self, product_id: int, ean: str) -> bool:
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
        path = self.cache_dir / f"{ean}-{digest}{EXTENSIONS.get(mime_type, '.img')}"
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
            for product_id, ean in batch:
                if idle is not None:
                    await idle.wait()
                try:
                    await self.fetch_one(product_id, ean)
                except BolRateLimitedError as exc:
                    await asyncio.sleep(exc.retry_after or 60)
                    continue
                except BolError as exc:
                    log.info("Image of %s not fetched now: %s", ean, exc)
                    return done
                done += 1
                if self.interval:
                    await asyncio.sleep(self.interval)
        return done
