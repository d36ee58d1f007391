"""Step 2 and 3: open bol.com orders into the desk; cancellations and bol-side changes applied.

Listing and detail fetching run while the offers step still imports products (different
rate-limit buckets); orders are written only after products exist, so lines match.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from haydigo_desk.bol import BolClient, BolNotFoundError
from haydigo_desk.bol.models import Order as BolOrder
from haydigo_desk.bol.models import ReducedOrder
from haydigo_desk.domain.barcodes import normalise_gtin
from haydigo_desk.domain.states import OrderStatus, OutboxKind, OutboxState
from haydigo_desk.domain.stock import StockError
from haydigo_desk.persistence.database import Database
from haydigo_desk.persistence.models import (
    MarketplaceAccount,
    Order,
    OrderLine,
    OutboxEntry,
    PickListLine,
    Product,
    utcnow,
)
from haydigo_desk.services import stock
from haydigo_desk.sync.events import SyncReport

log = logging.getLogger(__name__)

DETAIL_CONCURRENCY = 4  # bol allows 25 details a second; 4 in flight at ~150 ms keeps up
WRITE_BATCH = 50
FINAL_STATUSES = (OrderStatus.SHIPPED, OrderStatus.CANCELLED)


@dataclass
class OrderListing:
    """What the listing found: every id seen, and the known orders' item states."""

    known: dict[str, ReducedOrder] = field(default_factory=dict)
    seen_ids: set[str] = field(default_factory=set)


# --- writing one order ---------------------------------------------------------------------------


def _address(order: Order, detail: BolOrder) -> None:
    d = detail.shipment_details
    if d is None:
        return
    names = " ".join(p for p in (d.first_name, d.surname) if p)
    order.customer_name = names or (d.company or "")
    order.company = d.company or ""
    order.street = d.street_name or ""
    order.house_number = d.house_number or ""
    order.house_number_extension = d.house_number_extension or ""
    order.extra_address_information = d.extra_address_information or ""
    order.zip_code = d.zip_code or ""
    order.city = d.city or ""
    order.country_code = (d.country_code or "").upper()[:2]
    order.email = d.email or ""
    order.language = d.language or ""


def _match_products(session: Session, product_list_id: int, detail: BolOrder) -> dict:
    eans = {normalise_gtin(i.product.ean) for i in detail.order_items if i.product and
            i.product.ean}
    skus = {i.offer.reference for i in detail.order_items if i.offer and i.offer.reference}
    rows = session.scalars(
        select(Product).where(
            Product.product_list_id == product_list_id,
            Product.ean.in_(eans) | Product.sku.in_(skus),
        )
    ).all()
    return {"ean": {p.ean: p for p in rows if p.ean}, "sku": {p.sku: p for p in rows if p.sku}}


def derive_status(order: Order) -> str:
    """An order's status from its lines; picking progress states are kept as they are."""
    lines = order.lines
    if not lines:
        return order.status
    if all(line.quantity_cancelled >= line.quantity or line.cancellation_requested
           for line in lines if line.quantity_shipped == 0) and not any(
           line.quantity_shipped for line in lines):
        return OrderStatus.CANCELLED
    if all(line.quantity_open == 0 or line.cancellation_requested for line in lines):
        return OrderStatus.SHIPPED
    if any(line.unmatched and line.quantity_open > 0 for line in lines):
        return OrderStatus.PROBLEM
    if order.status in FINAL_STATUSES or order.status == OrderStatus.PROBLEM:
        return OrderStatus.NEW
    return order.status


def write_new_order(
    session: Session, account: MarketplaceAccount, detail: BolOrder, report: SyncReport
) -> Order | None:
    order = Order(account_id=account.id, bol_order_id=detail.order_id, status=OrderStatus.NEW,
                  placed_at=detail.order_placed_date_time, raw_json=detail.raw)
    _address(order, detail)
    products = _match_products(session, account.product_list_id, detail)
    session.add(order)
    for item in detail.order_items:
        ean = normalise_gtin(item.product.ean) if item.product and item.product.ean else ""
        sku = item.offer.reference if item.offer and item.offer.reference else ""
        product = products["ean"].get(ean) or (products["sku"].get(sku) if sku else None)
        fulfilment = item.fulfilment
        line = OrderLine(
            bol_order_item_id=item.order_item_id, ean=ean, sku=sku,
            title=(item.product.title if item.product else None) or "",
            offer_id=item.offer.offer_id if item.offer else None, unit_price=item.unit_price,
            quantity=item.quantity, quantity_shipped=item.quantity_shipped,
            quantity_cancelled=item.quantity_cancelled, unmatched=product is None,
            product=product,
            fulfilment_method=str(fulfilment.method) if fulfilment and fulfilment.method else "FBR",
            latest_delivery_date=fulfilment.latest_delivery_date if fulfilment else None,
            expiry_date=fulfilment.expiry_date if fulfilment else None,
            bol_changed_at=item.latest_changed_date_time,
        )
        order.lines.append(line)
        if product is not None and not product.title and line.title:
            product.title = line.title
    dates = [line.latest_delivery_date for line in order.lines if line.latest_delivery_date]
    order.latest_delivery_date = min(dates) if dates else None
    expiries = [line.expiry_date for line in order.lines if line.expiry_date]
    order.expiry_date = min(expiries) if expiries else None
    session.flush()
    for line, item in zip(order.lines, detail.order_items, strict=True):
        if item.cancellation_request and line.quantity_open > 0:
            request_cancellation(session, account.id, order, line, report)
        elif line.product is not None and line.quantity_open > 0:
            # bol.com already took these units off the offer: no push is needed for them.
            stock.reserve(session, line.product, line.quantity_open, order_line_id=line.id,
                          already_counted_by_channel=True)
            line.quantity_reserved = line.quantity_open
    unmatched = [line.ean or line.sku for line in order.lines if line.unmatched]
    if unmatched:
        order.problem = "No product in the product list for " + ", ".join(unmatched)
    order.status = derive_status(order)
    report.orders_new += 1
    return order


# --- cancellations and bol-side changes ----------------------------------------------------------


def _release(session: Session, line: OrderLine, quantity: int, reason: str) -> None:
    quantity = min(quantity, line.quantity_reserved)
    if quantity > 0 and line.product is not None:
        stock.release(session, line.product, quantity, reason=reason, order_line_id=line.id)
        line.quantity_reserved -= quantity


def _take_off_pick_lists(session: Session, line: OrderLine) -> None:
    for pick_line in session.scalars(
        select(PickListLine).where(PickListLine.order_line_id == line.id)
    ):
        session.delete(pick_line)


def request_cancellation(
    session: Session, account_id: int, order: Order, line: OrderLine, report: SyncReport
) -> bool:
    """Accept a customer's cancellation request: queue it for bol.com, free the stock."""
    if line.cancellation_requested or line.quantity_open == 0:
        return False
    line.cancellation_requested = True
    _release(session, line, line.quantity_reserved, "cancellation requested by the customer")
    _take_off_pick_lists(session, line)
    session.add(OutboxEntry(
        account_id=account_id, kind=OutboxKind.CANCELLATION, state=OutboxState.QUEUED,
        coalesce_key=f"cancel:{line.bol_order_item_id}", next_attempt_at=utcnow(),
        payload={"bol_order_id": order.bol_order_id, "order_item_id": line.bol_order_item_id,
                 "reason_code": "REQUESTED_BY_CUSTOMER", "order_line_id": line.id},
    ))
    report.cancellations += 1
    return True


def apply_item_state(
    session: Session, account_id: int, order: Order, line: OrderLine, *, quantity_shipped: int,
    quantity_cancelled: int, cancellation_request: bool, report: SyncReport,
) -> bool:
    """Bring one line in step with bol.com's numbers; True when anything changed."""
    changed = False
    if quantity_cancelled > line.quantity_cancelled:
        extra = quantity_cancelled - line.quantity_cancelled
        line.quantity_cancelled = quantity_cancelled
        _release(session, line, extra, "cancelled at bol.com")
        if line.quantity_open == 0:
            _take_off_pick_lists(session, line)
        changed = True
    if quantity_shipped > line.quantity_shipped:
        # Shipped outside this desk (or confirmed before our outbox heard): it left the shelf.
        extra = quantity_shipped - line.quantity_shipped
        line.quantity_shipped = quantity_shipped
        shipped_from_reservation = min(extra, line.quantity_reserved)
        if line.product is not None and shipped_from_reservation:
            try:
                stock.ship(session, line.product, shipped_from_reservation, order_line_id=line.id)
            except StockError:
                _release(session, line, shipped_from_reservation, "shipped at bol.com")
            else:
                line.quantity_reserved -= shipped_from_reservation
        changed = True
    if cancellation_request and line.quantity_open > 0:
        changed |= request_cancellation(session, account_id, order, line, report)
    return changed


def apply_listing_item_states(
    session: Session, account_id: int, order: Order, items: Iterable, report: SyncReport
) -> bool:
    by_item = {line.bol_order_item_id: line for line in order.lines}
    changed = False
    for item in items:
        line = by_item.get(item.order_item_id)
        if line is None:
            continue
        changed |= apply_item_state(
            session, account_id, order, line, quantity_shipped=item.quantity_shipped,
            quantity_cancelled=item.quantity_cancelled,
            cancellation_request=bool(item.cancellation_request), report=report,
        )
    if changed:
        before = order.status
        order.status = derive_status(order)
        if order.status in FINAL_STATUSES and before != order.status:
            order.claimed_by = None
            order.claimed_at = None
    return changed


# --- the step ------------------------------------------------------------------------------------


async def _fetch_detail(client: BolClient, order_id: str) -> BolOrder | None:
    try:
        return await client.get_order(order_id)
    except BolNotFoundError:
        log.warning("Order %s listed but not found at bol.com", order_id)
        return None


async def fetch_details(client: BolClient, order_ids: Iterable[str]) -> list[BolOrder]:
    semaphore = asyncio.Semaphore(DETAIL_CONCURRENCY)

    async def one(order_id: str) -> BolOrder | None:
        async with semaphore:
            return await _fetch_detail(client, order_id)

    return [d for d in await asyncio.gather(*(one(i) for i in order_ids)) if d is not None]


def write_orders(
    database: Database, account_id: int, details: list[BolOrder], report: SyncReport,
    filtered_ids: set[str],
    add_to_pick_list: Callable[[Session, int, list[int]], object] | None,
) -> list[int]:
    """Write new orders in batches; returns the database ids of the orders written."""
    written: list[int] = []
    details = sorted(details, key=lambda d: (d.order_placed_date_time is None,
                                             d.order_placed_date_time, d.order_id))
    for start in range(0, len(details), WRITE_BATCH):
        batch = details[start:start + WRITE_BATCH]
        with database.unit_of_work() as uow:
            session = uow.session
            account = session.get(MarketplaceAccount, account_id)
            excluded = {c.upper() for c in account.excluded_countries or []}
            existing = set(session.scalars(select(Order.bol_order_id).where(
                Order.account_id == account_id,
                Order.bol_order_id.in_([d.order_id for d in batch]))))
            new_ids = []
            for detail in batch:
                if detail.order_id in existing:
                    continue
                country = (detail.shipment_details.country_code if detail.shipment_details
                           else "") or ""
                if country.upper() in excluded:
                    filtered_ids.add(detail.order_id)
                    report.orders_filtered += 1
                    continue
                order = write_new_order(session, account, detail, report)
                if order is not None:
                    new_ids.append(order.id)
            pickable = [
                o.id for o in session.scalars(select(Order).where(Order.id.in_(new_ids)))
                if o.status in (OrderStatus.NEW, OrderStatus.PROBLEM)
                and any(line.product_id and line.quantity_open > 0 and
                        not line.cancellation_requested for line in o.lines)
            ]
            if add_to_pick_list is not None and pickable:
                add_to_pick_list(session, account_id, pickable)
            uow.commit()
            written.extend(new_ids)
    return written


def update_known_orders(
    database: Database, account_id: int, listing: OrderListing, report: SyncReport
) -> set[int]:
    """Apply item states of already-imported orders; returns ids of orders with cancellations."""
    touched_cancelled: set[int] = set()
    known = list(listing.known.values())
    for start in range(0, len(known), WRITE_BATCH):
        batch = known[start:start + WRITE_BATCH]
        with database.unit_of_work() as uow:
            orders = {o.bol_order_id: o for o in uow.session.scalars(
                select(Order).options(selectinload(Order.lines).selectinload(OrderLine.product))
                .where(Order.account_id == account_id,
                       Order.bol_order_id.in_([r.order_id for r in batch])))}
            for reduced in batch:
                order = orders[reduced.order_id]
                if apply_listing_item_states(uow.session, account_id, order,
                                             reduced.order_items, report):
                    report.orders_updated += 1
                    if any(line.cancellation_requested or line.quantity_cancelled
                           for line in order.lines):
                        touched_cancelled.add(order.id)
            uow.commit()
    return touched_cancelled


async def reconcile_vanished(
    client: BolClient, database: Database, account_id: int, listing: OrderListing,
    report: SyncReport,
) -> set[int]:
    """After a full sweep: local open orders bol.com no longer lists as OPEN are re-read."""
    with database.unit_of_work() as uow:
        candidates = list(uow.session.scalars(select(Order.bol_order_id).where(
            Order.account_id == account_id,
            Order.status.not_in([OrderStatus.SHIPPED, OrderStatus.CANCELLED]),
        )))
    vanished = [i for i in candidates if i not in listing.seen_ids]
    touched: set[int] = set()
    for detail in await fetch_details(client, vanished):
        with database.unit_of_work() as uow:
            order = uow.session.scalars(select(Order).where(
                Order.account_id == account_id, Order.bol_order_id == detail.order_id)).one()
            if apply_listing_item_states(uow.session, account_id, order, detail.order_items,
                                         report):
                report.orders_updated += 1
                touched.add(order.id)
            uow.commit()
    return touched


async def import_orders(
    client: BolClient,
    database: Database,
    account_id: int,
    report: SyncReport,
    *,
    full_sweep: bool,
    change_interval_minute: int,
    products_ready: Awaitable[object],
    filtered_ids: set[str],
    add_to_pick_list: Callable[[Session, int, list[int]], object] | None,
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> set[int]:
    """The whole order step; returns ids of orders whose lines were cancelled while open.

    A pipeline: pages are listed as fast as their bucket allows, the details of new orders
    are fetched while further pages wait for their window, and details are written in
    batches as they arrive (once the products of this cycle exist).
    """
    listing = OrderListing()
    wanted: asyncio.Queue[str | None] = asyncio.Queue()
    details: asyncio.Queue[BolOrder | None] = asyncio.Queue()
    counts = {"wanted": 0, "written": 0}

    async def fetch_wanted() -> None:
        # A few long-lived fetchers, not a task per order: thousands of waiting tasks made
        # the garbage collector's pauses long enough to stall the window.
        while (order_id := await wanted.get()) is not None:
            detail = await _fetch_detail(client, order_id)
            if detail is not None:
                await details.put(detail)

    async def write_as_they_come() -> None:
        await products_ready  # lines must find the products imported in this same cycle
        done = False
        while not done:
            batch = [await details.get()]
            while len(batch) < WRITE_BATCH and not details.empty():
                batch.append(details.get_nowait())
            if batch[-1] is None:
                batch.pop()
                done = True
            if batch:
                # In a thread: the loop keeps fetching details while SQLite writes.
                await asyncio.to_thread(write_orders, database, account_id, batch, report,
                                        filtered_ids, add_to_pick_list)
                counts["written"] += len(batch)
                progress(counts["written"], counts["wanted"])

    fetchers = [asyncio.create_task(fetch_wanted()) for _ in range(DETAIL_CONCURRENCY)]
    writer = asyncio.create_task(write_as_they_come())
    try:
        filters = {"status": "OPEN"} if full_sweep else {
            "status": "ALL", "change_interval_minute": change_interval_minute}
        async for page in client.iter_order_pages(**filters):
            for reduced in _classify_page(database, account_id, page, listing):
                if reduced.order_id in filtered_ids:
                    report.orders_filtered += 1
                    continue
                counts["wanted"] += 1
                wanted.put_nowait(reduced.order_id)
        for _ in fetchers:
            wanted.put_nowait(None)
        await asyncio.gather(*fetchers)
        await details.put(None)
        await writer
    finally:
        for task in [*fetchers, writer]:
            if not task.done():
                task.cancel()
    touched = update_known_orders(database, account_id, listing, report)
    if full_sweep:
        touched |= await reconcile_vanished(client, database, account_id, listing, report)
    return touched


def _classify_page(
    database: Database, account_id: int, page: list[ReducedOrder], listing: OrderListing
) -> list[ReducedOrder]:
    """Note the page's known orders; return the new ones that still have units to ship."""
    ids = [o.order_id for o in page]
    with database.unit_of_work() as uow:
        known = set(uow.session.scalars(select(Order.bol_order_id).where(
            Order.account_id == account_id, Order.bol_order_id.in_(ids))))
    new = []
    for reduced in page:
        listing.seen_ids.add(reduced.order_id)
        if reduced.order_id in known:
            listing.known[reduced.order_id] = reduced
        elif any(i.quantity - i.quantity_shipped - i.quantity_cancelled > 0 and
                 str(i.fulfilment_method or "FBR") == "FBR" for i in reduced.order_items):
            new.append(reduced)
    return new
