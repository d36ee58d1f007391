"""bol.com order details into desk records: one batch of new orders in one transaction,
matched to products by EAN and then SKU, through the lifecycle (``services.lifecycle``).

A batch the database refuses is written again one order at a time, so one bad record never
keeps the others out; an order the lifecycle refuses is held in quarantine with its reason.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from haydigo_desk.bol.models import Order as BolOrder
from haydigo_desk.domain.barcodes import normalise_gtin
from haydigo_desk.domain.lifecycle import LifecycleError
from haydigo_desk.domain.states import OrderStatus
from haydigo_desk.persistence.database import Database
from haydigo_desk.persistence.models import MarketplaceAccount, Order, Product
from haydigo_desk.services import lifecycle
from haydigo_desk.sync import quarantine
from haydigo_desk.sync.events import SyncReport

log = logging.getLogger(__name__)

WRITE_BATCH = 50


@dataclass
class BatchTally:
    """Counts of one batch, added to the report only once its transaction committed."""

    orders_new: int = 0
    orders_updated: int = 0
    orders_filtered: int = 0
    cancellations: int = 0
    errors: list[str] = field(default_factory=list)
    order_ids: list[int] = field(default_factory=list)
    held: list[tuple[str, str]] = field(default_factory=list)  # (bol order id, reason)
    imported: list[str] = field(default_factory=list)  # bol order ids now in the database

    def add_to(self, report: SyncReport) -> None:
        for name in ("orders_new", "orders_updated", "orders_filtered", "cancellations"):
            setattr(report, name, getattr(report, name) + getattr(self, name))
        report.errors.extend(self.errors)


def batched(items: list, write: Callable[[list], BatchTally], report: SyncReport,
             key: Callable[[object], str]) -> tuple[list[BatchTally], list[tuple[str, str]]]:
    """Write in batches; a batch the database refuses is written again one record at a
    time, so one bad record never keeps the others out. Returns the tallies and the records
    the database refused, (key, reason), which the report names."""
    tallies, refused = [], []

    def refuse(item: object, exc: Exception) -> None:
        record_problem(report, key(item), exc)
        refused.append((key(item), f"{type(exc).__name__}: {exc}"[:500]))

    for start in range(0, len(items), WRITE_BATCH):
        batch = items[start:start + WRITE_BATCH]
        try:
            tallies.append(write(batch))
            continue
        except SQLAlchemyError as exc:
            if len(batch) == 1:
                refuse(batch[0], exc)
                continue
            log.warning("A batch of %d orders was refused (%s); writing them one by one",
                        len(batch), type(exc).__name__)
        for item in batch:
            try:
                tallies.append(write([item]))
            except SQLAlchemyError as exc:
                refuse(item, exc)
    for tally in tallies:
        tally.add_to(report)
    return tallies, refused


def write_orders(
    database: Database, account_id: int, details: list[BolOrder], report: SyncReport,
    filtered_ids: set[str],
    add_to_pick_list: Callable[[Session, int, list[int]], object] | None,
) -> list[int]:
    """Write new orders in batches; returns the database ids of the orders written."""
    details = sorted(details, key=lambda d: (d.order_placed_date_time is None,
                                             d.order_placed_date_time, d.order_id))

    def write(batch: list[BolOrder]) -> BatchTally:
        tally = BatchTally()
        with database.unit_of_work() as uow:
            session = uow.session
            account = session.get(MarketplaceAccount, account_id)
            excluded = {c.upper() for c in account.excluded_countries or []}
            existing = set(session.scalars(select(Order.bol_order_id).where(
                Order.account_id == account_id,
                Order.bol_order_id.in_([d.order_id for d in batch]))))
            new, seen = [], set(existing)
            for detail in batch:
                if detail.order_id in seen:
                    continue  # known already, or twice in this batch
                seen.add(detail.order_id)
                country = (detail.shipment_details.country_code if detail.shipment_details
                           else "") or ""
                if country.upper() in excluded:
                    filtered_ids.add(detail.order_id)
                    tally.orders_filtered += 1
                    continue
                new.append(detail)
            written = write_new_orders(session, account, new, tally)
            refresh_known_orders(session, account, [d for d in batch
                                                    if d.order_id in existing], tally)
            new_ids = [order.order_id for order in written]
            tally.imported.extend(order.bol_order_id for order in written)
            pickable = [order.order_id for order in written if order.open_lines
                        and order.status in (OrderStatus.NEW, OrderStatus.PROBLEM)]
            if add_to_pick_list is not None and pickable:
                add_to_pick_list(session, account_id, pickable)
            uow.commit()
        tally.order_ids = new_ids
        tally.imported.extend(d.order_id for d in batch if d.order_id in existing)
        return tally

    tallies, refused = batched(details, write, report, key=lambda d: d.order_id)
    held = refused + [record for tally in tallies for record in tally.held]
    quarantine.hold(database, account_id, ((quarantine.ORDER, bol_id, reason)
                                           for bol_id, reason in held))
    quarantine.release(database, account_id,
                       [bol_id for tally in tallies for bol_id in tally.imported])
    return [order_id for tally in tallies for order_id in tally.order_ids]


def problem_text(bol_order_id: str, exc: Exception) -> str:
    """One order bol.com described in a way the desk cannot take: said, and skipped."""
    message = f"order {quarantine.shown_id(bol_order_id)}: {exc}"[:1000]
    log.warning("Skipped %s", message)
    return message


def record_problem(report: SyncReport, bol_order_id: str, exc: Exception) -> None:
    report.errors.append(problem_text(bol_order_id, exc))


# Refused before anything reaches the session, so the rest of the batch goes on.
RECORD_ERRORS = (LifecycleError, ValueError)


def _header(detail: BolOrder) -> dict[str, object]:
    """The order's header columns: when it was placed, where it goes, bol's own answer."""
    header: dict[str, object] = {"placed_at": detail.order_placed_date_time,
                                 "raw_json": detail.raw,
                                 "pickup_point": bool(detail.pickup_point)}
    d = detail.shipment_details
    if d is None:
        return header
    names = " ".join(p for p in (d.first_name, d.surname) if p)
    header.update(
        customer_name=names or (d.company or ""), company=d.company or "",
        street=d.street_name or "", house_number=d.house_number or "",
        house_number_extension=d.house_number_extension or "",
        extra_address_information=d.extra_address_information or "",
        zip_code=d.zip_code or "", city=d.city or "",
        country_code=(d.country_code or "").upper()[:2], email=d.email or "",
        language=d.language or "", pickup_point_name=(d.pickup_point_name or "")[:200] or None)
    return header


def _item_keys(item) -> tuple[str, str]:
    """The (EAN, SKU) an order item is matched by."""
    ean = normalise_gtin(item.product.ean) if item.product and item.product.ean else ""
    sku = item.offer.reference if item.offer and item.offer.reference else ""
    return ean, sku


@dataclass
class ProductMatch:
    """The products of a batch's order items, found with one query: by EAN, then by SKU."""

    by_ean: dict[str, Product]
    by_sku: dict[str, Product]

    @classmethod
    def of(cls, session: Session, product_list_id: int, details: Iterable[BolOrder]
           ) -> ProductMatch:
        keys = [_item_keys(item) for detail in details for item in detail.order_items]
        eans = {ean for ean, _sku in keys if ean}
        skus = {sku for _ean, sku in keys if sku}
        if not eans and not skus:
            return cls({}, {})
        rows = session.scalars(select(Product).where(
            Product.product_list_id == product_list_id,
            Product.ean.in_(eans) | Product.sku.in_(skus))).all()
        return cls({p.ean: p for p in rows if p.ean}, {p.sku: p for p in rows if p.sku})

    def product(self, ean: str, sku: str) -> Product | None:
        return self.by_ean.get(ean) or (self.by_sku.get(sku) if sku else None)


def _new_lines(products: ProductMatch, detail: BolOrder) -> list[lifecycle.NewLine]:
    lines = []
    for item in detail.order_items:
        ean, sku = _item_keys(item)
        product = products.product(ean, sku)
        fulfilment = item.fulfilment
        title = (item.product.title if item.product else None) or ""
        if product is not None and not product.title and title:
            product.title = title
        lines.append(lifecycle.NewLine(
            bol_order_item_id=item.order_item_id, quantity=item.quantity, product=product,
            ean=ean, sku=sku, title=title,
            offer_id=item.offer.offer_id if item.offer else None, unit_price=item.unit_price,
            quantity_shipped=item.quantity_shipped, quantity_cancelled=item.quantity_cancelled,
            cancellation_request=bool(item.cancellation_request),
            fulfilment_method=str(fulfilment.method) if fulfilment and fulfilment.method else "FBR",
            latest_delivery_date=fulfilment.latest_delivery_date if fulfilment else None,
            exact_delivery_date=fulfilment.exact_delivery_date if fulfilment else None,
            expiry_date=fulfilment.expiry_date if fulfilment else None,
            time_frame_type=_text(fulfilment.time_frame_type) if fulfilment else None,
            distribution_party=_text(fulfilment.distribution_party) if fulfilment else None,
            bol_changed_at=item.latest_changed_date_time,
        ))
    return lines


def _text(value: object) -> str | None:
    """An enum bol.com sent (a lenient one may be text it added later) as stored text."""
    return str(value)[:20] if value else None


def write_new_orders(session: Session, account: MarketplaceAccount,
                     details: Sequence[BolOrder], tally: BatchTally
                     ) -> list[lifecycle.ImportedOrder]:
    """New orders of one batch through the lifecycle in one go; an order it refuses is held
    (named in the tally) and the others are written. Returns the orders written."""
    products = ProductMatch.of(session, account.product_list_id, details)
    outcome = lifecycle.import_orders(session, [
        lifecycle.NewOrder(account.id, d.order_id, _new_lines(products, d), _header(d))
        for d in details])
    for bol_order_id, exc in outcome.refused:
        tally.errors.append(problem_text(bol_order_id, exc))
        tally.held.append((bol_order_id, str(exc)))
    tally.orders_new += len(outcome.imported)
    tally.cancellations += sum(o.cancellations_queued for o in outcome.imported)
    return outcome.imported


def refresh_known_orders(session: Session, account: MarketplaceAccount,
                         details: Sequence[BolOrder], tally: BatchTally) -> None:
    """Orders the desk has, read again: bol's delivery facts replace the stored ones."""
    if not details:
        return
    products = ProductMatch.of(session, account.product_list_id, details)
    try:
        changed = lifecycle.refresh_fulfilment(session, account.id, [
            lifecycle.NewOrder(account.id, d.order_id, _new_lines(products, d), _header(d))
            for d in details])
    except ValueError as exc:  # a value no column holds: the rest of the batch still goes in
        tally.errors.append(f"delivery details not refreshed: {exc}"[:1000])
        return
    tally.orders_updated += changed
