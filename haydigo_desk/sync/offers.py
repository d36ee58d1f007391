"""Step 1: bol.com offers become products of the account's product list."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from haydigo_desk.bol import BolClient
from haydigo_desk.bol.models_offers import Offer
from haydigo_desk.domain.barcodes import normalise_gtin
from haydigo_desk.persistence.database import Database
from haydigo_desk.persistence.models import MarketplaceAccount, Product, utcnow
from haydigo_desk.services.stock_push import queue_stock_push
from haydigo_desk.sync.events import SyncReport

log = logging.getLogger(__name__)

# Offers changed shortly before the previous cycle started are asked for again: clocks differ.
DELTA_OVERLAP = timedelta(minutes=2)


def _price(offer: Offer):
    if offer.pricing is None:
        return None
    for bundle in offer.pricing.bundle_prices:
        if bundle.quantity == 1:
            return bundle.unit_price
    return None


def _delivery_code(offer: Offer) -> str | None:
    fulfilment = offer.fulfilment
    if fulfilment is None:
        return None
    promise = fulfilment.delivery_promise
    if promise and promise.minimum_days_to_customer is not None:
        return f"{promise.minimum_days_to_customer}-{promise.maximum_days_to_customer}d"
    return str(fulfilment.schedule) if fulfilment.schedule else None


def _condition(offer: Offer) -> str | None:
    condition = offer.condition
    if condition is None or condition.category is None:
        return None
    detail = condition.state or condition.grade
    return f"{condition.category}/{detail}" if detail else str(condition.category)


def bol_sellable(offer: Offer) -> int | None:
    stock = offer.stock
    if stock is None:
        return None
    return stock.corrected_stock if stock.corrected_stock is not None else stock.amount


def apply_offer(product: Product, offer: Offer) -> bool:
    """Copy bol's offer fields onto the product; True when something changed."""
    stock = offer.stock
    values = {
        "offer_id": offer.offer_id,
        "reference": offer.reference,
        "price": _price(offer),
        "condition": _condition(offer),
        "fulfilment_method": str(offer.fulfilment.method) if offer.fulfilment and
        offer.fulfilment.method else None,
        "delivery_code": _delivery_code(offer),
        "on_hold": bool(offer.on_hold_by_retailer),
        "bol_stock_amount": stock.amount if stock else None,
        "bol_corrected_stock": stock.corrected_stock if stock else None,
        "bol_managed_by_retailer": stock.managed_by_retailer if stock else None,
        "bol_last_modified": offer.last_modified_date_time,
    }
    changed = False
    for name, value in values.items():
        if getattr(product, name) != value:
            setattr(product, name, value)
            changed = True
    if not product.title and offer.unknown_product_title:
        product.title = offer.unknown_product_title
        changed = True
    if not product.sku and offer.reference:
        product.sku = offer.reference
        changed = True
    if changed:
        product.offer_raw = offer.raw
    return changed


def _products_for_page(session: Session, product_list_id: int, offers: list[Offer]):
    """The list's products that share an offer id, EAN or SKU with this page (one query)."""
    eans = {normalise_gtin(o.ean) for o in offers if o.ean}
    skus = {o.reference for o in offers if o.reference}
    ids = {o.offer_id for o in offers}
    rows = session.scalars(
        select(Product).where(
            Product.product_list_id == product_list_id,
            or_(Product.offer_id.in_(ids), Product.ean.in_(eans), Product.sku.in_(skus)),
        )
    ).all()
    by_offer = {p.offer_id: p for p in rows if p.offer_id}
    by_ean = {p.ean: p for p in rows if p.ean}
    by_sku = {p.sku: p for p in rows if p.sku}
    return by_offer, by_ean, by_sku


def import_offer_page(
    session: Session, account: MarketplaceAccount, offers: list[Offer], report: SyncReport
) -> None:
    by_offer, by_ean, by_sku = _products_for_page(session, account.product_list_id, offers)
    for offer in offers:
        ean = normalise_gtin(offer.ean or "")
        product = by_offer.get(offer.offer_id) or by_ean.get(ean) or (
            by_sku.get(offer.reference) if offer.reference else None
        )
        if product is None:
            # A new offer: bol's stock is our best first count; the open orders this cycle
            # imports reserve from it, as bol.com already did (correctedStock).
            amount = offer.stock.amount if offer.stock and offer.stock.amount else 0
            product = Product(
                product_list_id=account.product_list_id, ean=ean, sku=offer.reference or "",
                title=offer.unknown_product_title or "", on_hand=amount, reserved=0,
                last_pushed_available=amount,
            )
            apply_offer(product, offer)
            session.add(product)
            by_offer[offer.offer_id] = product
            if ean:
                by_ean[ean] = product
            report.products_new += 1
            continue
        if apply_offer(product, offer):
            report.products_updated += 1
        # What bol.com sells now (after the orders it subtracted itself) is what we compare
        # our available with; push ours when it differs.
        sellable = bol_sellable(offer)
        if sellable is not None:
            product.last_pushed_available = sellable
        session.flush()
        queue_stock_push(session, product)


async def import_offers(
    client: BolClient,
    database: Database,
    account_id: int,
    report: SyncReport,
    progress: Callable[[int], None] = lambda done: None,
) -> int:
    """Import every offer (first time) or those modified since the last cycle; returns count."""
    with database.unit_of_work() as uow:
        since = uow.session.get(MarketplaceAccount, account_id).offers_synced_until
    started: datetime = utcnow()
    modified_since = since - DELTA_OVERLAP if since else None
    done = 0
    def write(page: list[Offer]) -> None:
        with database.unit_of_work() as uow:
            account = uow.session.get(MarketplaceAccount, account_id)
            import_offer_page(uow.session, account, page, report)
            uow.commit()

    async for page in client.iter_offer_pages(modified_since=modified_since):
        await asyncio.to_thread(write, page)  # the orders step's requests go on meanwhile
        done += len(page)
        progress(done)
    with database.unit_of_work() as uow:
        uow.session.get(MarketplaceAccount, account_id).offers_synced_until = started
        uow.commit()
    return done
