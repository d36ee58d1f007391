"""Step 2 and 3: open bol.com orders into the desk; cancellations and bol-side changes applied.

Listing and detail fetching run while the offers step still imports products (different
rate-limit buckets); orders are written only after products exist, so lines match.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, selectinload

from haydigo_desk.bol import BolClient, BolNotFoundError
from haydigo_desk.bol.errors import BolUnexpectedResponseError
from haydigo_desk.bol.models import Order as BolOrder
from haydigo_desk.bol.models import ReducedOrder
from haydigo_desk.domain import lifecycle as rules
from haydigo_desk.domain.barcodes import normalise_gtin
from haydigo_desk.domain.lifecycle import LifecycleError
from haydigo_desk.domain.states import OrderStatus
from haydigo_desk.persistence.database import Database
from haydigo_desk.persistence.models import (
    MarketplaceAccount,
    Order,
    OrderLine,
    Product,
)
from haydigo_desk.services import lifecycle
from haydigo_desk.sync import quarantine
from haydigo_desk.sync.events import SyncReport
from haydigo_desk.sync.tasks import retrieve_outcome

log = logging.getLogger(__name__)

# bol allows 25 details a second. Each fetcher does one per round trip, so 8 fill a window
# in its first half up to 150 ms (4 took the whole second there); the limiter counts them.
DETAIL_CONCURRENCY = 8
WRITE_BATCH = 50
# Fetched details waiting for the writer (about 12 KB each): when the writer is behind, the
# fetchers wait, so a backlog of 8,000 orders costs no more memory than one of 500.
DETAIL_BACKLOG = 4 * WRITE_BATCH


@dataclass
class OrderListing:
    """What the listing found: every id seen, and the known orders' item states."""

    known: dict[str, ReducedOrder] = field(default_factory=dict)
    seen_ids: set[str] = field(default_factory=set)


# --- writing one order ---------------------------------------------------------------------------


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


# --- cancellations and bol-side changes ----------------------------------------------------------


def apply_listing_item_states(
    session: Session, order: Order, items: list, report: BatchTally
) -> bool:
    """Bring the order's lines in step with bol.com's numbers; True when anything changed.

    Every item is checked before any is applied: numbers that cannot be true raise
    LifecycleError with nothing changed."""
    by_item = {line.bol_order_item_id: line for line in order.lines}
    for item in items:
        line = by_item.get(item.order_item_id)
        if line is not None:
            rules.bol_item_state(line.counts(), shipped=item.quantity_shipped,
                                 cancelled=item.quantity_cancelled,
                                 cancellation_request=bool(item.cancellation_request))
    changed = False
    for item in items:
        line = by_item.get(item.order_item_id)
        if line is None:
            report.errors.append(
                f"order {order.bol_order_id}: bol.com lists item {item.order_item_id}, "
                "which the desk does not have")
            continue
        outcome = lifecycle.apply_bol_item(
            session, order, line, shipped=item.quantity_shipped,
            cancelled=item.quantity_cancelled,
            cancellation_request=bool(item.cancellation_request), refresh=False,
        )
        changed |= outcome.changed
        report.cancellations += outcome.cancellation_queued
    if changed:
        lifecycle.derive_statuses(session, order)
    return changed


def problem_text(bol_order_id: str, exc: Exception) -> str:
    """One order bol.com described in a way the desk cannot take: said, and skipped."""
    message = f"order {quarantine.shown_id(bol_order_id)}: {exc}"[:1000]
    log.warning("Skipped %s", message)
    return message


def record_problem(report: SyncReport, bol_order_id: str, exc: Exception) -> None:
    report.errors.append(problem_text(bol_order_id, exc))


# Refused before anything reaches the session, so the rest of the batch goes on.
RECORD_ERRORS = (LifecycleError, ValueError)


# --- the step ------------------------------------------------------------------------------------


async def _fetch_detail(client: BolClient, order_id: str, database: Database, account_id: int,
                        report: SyncReport) -> BolOrder | None:
    """One order's detail; an answer that cannot be read (after the client's own retries)
    quarantines that order only. Network trouble and 5xx still stop the cycle (retried)."""
    try:
        return await client.get_order(order_id)
    except BolNotFoundError:
        log.warning("Order %s listed but not found at bol.com", order_id)
        return None
    except BolUnexpectedResponseError as exc:
        record_problem(report, order_id, exc)
        await asyncio.to_thread(quarantine.hold, database, account_id,
                                [(quarantine.ORDER, order_id, str(exc))])
        return None


async def fetch_details(client: BolClient, order_ids: Iterable[str], database: Database,
                        account_id: int, report: SyncReport) -> list[BolOrder]:
    semaphore = asyncio.Semaphore(DETAIL_CONCURRENCY)

    async def one(order_id: str) -> BolOrder | None:
        async with semaphore:
            return await _fetch_detail(client, order_id, database, account_id, report)

    return [d for d in await asyncio.gather(*(one(i) for i in order_ids)) if d is not None]


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


def _batched(items: list, write: Callable[[list], BatchTally], report: SyncReport,
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

    tallies, refused = _batched(details, write, report, key=lambda d: d.order_id)
    held = refused + [record for tally in tallies for record in tally.held]
    quarantine.hold(database, account_id, ((quarantine.ORDER, bol_id, reason)
                                           for bol_id, reason in held))
    quarantine.release(database, account_id,
                       [bol_id for tally in tallies for bol_id in tally.imported])
    return [order_id for tally in tallies for order_id in tally.order_ids]


def _cancelled_units(order: Order) -> tuple:
    """What the station must hear about: cancelled units and pending requests per line."""
    return tuple((line.quantity_cancelled, line.cancellation) for line in order.lines)


def _apply_states(database: Database, account_id: int,
                  states: list[tuple[str, Iterable]]) -> BatchTally:
    """bol.com's item states of known orders, in one transaction; ``order_ids`` holds the
    orders whose cancellations changed (the station must hear of them)."""
    tally = BatchTally()
    with database.unit_of_work() as uow:
        orders = {o.bol_order_id: o for o in uow.session.scalars(
            select(Order).options(selectinload(Order.lines).selectinload(OrderLine.product))
            .where(Order.account_id == account_id,
                   Order.bol_order_id.in_([bol_order_id for bol_order_id, _ in states])))}
        for bol_order_id, items in states:
            order = orders.get(bol_order_id)
            if order is None:
                tally.errors.append(f"order {bol_order_id}: not in the desk's database")
                continue
            cancelled_before = _cancelled_units(order)
            try:
                changed = apply_listing_item_states(uow.session, order, list(items), tally)
            except RECORD_ERRORS as exc:
                tally.errors.append(problem_text(bol_order_id, exc))
                continue
            if changed:
                tally.orders_updated += 1
                if _cancelled_units(order) != cancelled_before:
                    tally.order_ids.append(order.id)
        uow.commit()
    return tally


def update_known_orders(
    database: Database, account_id: int, listing: OrderListing, report: SyncReport
) -> set[int]:
    """Apply item states of already-imported orders; returns ids of orders with cancellations."""
    states = [(r.order_id, r.order_items) for r in listing.known.values()]
    tallies, _refused = _batched(
        states, lambda batch: _apply_states(database, account_id, batch), report,
        key=lambda state: state[0])
    return {order_id for tally in tallies for order_id in tally.order_ids}


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
    details = await fetch_details(client, vanished, database, account_id, report)
    states = [(d.order_id, d.order_items) for d in details]
    tallies, _refused = _batched(
        states, lambda batch: _apply_states(database, account_id, batch), report,
        key=lambda state: state[0])
    return {order_id for tally in tallies for order_id in tally.order_ids}


async def _unless_writer_stops(step: Awaitable[object], writer: asyncio.Task) -> None:
    """Await ``step`` of the fetching side; a writer that failed first raises its error here,
    because fetchers waiting for room in the bounded queue would otherwise wait forever."""
    step = asyncio.ensure_future(step)
    try:
        await asyncio.wait({step, writer}, return_when=asyncio.FIRST_COMPLETED)
    except BaseException:
        # Stopped from outside (the loop quits): a gather left behind would end in
        # CancelledError that nobody reads, and asyncio logs that as an error.
        step.cancel()
        step.add_done_callback(retrieve_outcome)
        raise
    if step.done():
        step.result()
        return
    step.cancel()
    step.add_done_callback(retrieve_outcome)
    writer.result()  # the writer's own error
    raise RuntimeError("the order writer stopped before every order was written")


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
    # Order ids are small and the listing's bucket is the slowest (25 pages a minute), so
    # the listing runs ahead unbounded; the details behind it are bounded (DETAIL_BACKLOG).
    wanted: asyncio.Queue[str | None] = asyncio.Queue()
    details: asyncio.Queue[BolOrder | None] = asyncio.Queue(maxsize=DETAIL_BACKLOG)
    counts = {"wanted": 0, "written": 0}

    async def fetch_wanted() -> None:
        # A few long-lived fetchers, not a task per order: thousands of waiting tasks made
        # the garbage collector's pauses long enough to stall the window.
        while (order_id := await wanted.get()) is not None:
            detail = await _fetch_detail(client, order_id, database, account_id, report)
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

    queued: set[str] = set()

    def want(order_id: str) -> None:
        if order_id not in queued:
            queued.add(order_id)
            counts["wanted"] += 1
            wanted.put_nowait(order_id)

    fetchers = [asyncio.create_task(fetch_wanted()) for _ in range(DETAIL_CONCURRENCY)]
    writer = asyncio.create_task(write_as_they_come())
    try:
        # Orders a former cycle could not take are read again first.
        for order_id in await asyncio.to_thread(quarantine.orders_to_retry, database,
                                                account_id):
            want(order_id)
        filters = {"status": "OPEN"} if full_sweep else {
            "status": "ALL", "change_interval_minute": change_interval_minute}
        async for page in client.iter_order_pages(**filters):
            # In a thread: a query on the loop would hold up requests the limiter let out.
            new = await asyncio.to_thread(_classify_page, database, account_id, page, listing,
                                          report)
            for reduced in new:
                if reduced.order_id in filtered_ids:
                    report.orders_filtered += 1
                    continue
                want(reduced.order_id)
        for _ in fetchers:
            wanted.put_nowait(None)
        await _unless_writer_stops(asyncio.gather(*fetchers), writer)
        await _unless_writer_stops(details.put(None), writer)
        await writer
    finally:
        for task in [*fetchers, writer]:
            if not task.done():
                task.cancel()
            task.add_done_callback(retrieve_outcome)  # one that already failed, too
    touched = update_known_orders(database, account_id, listing, report)
    if full_sweep:
        touched |= await reconcile_vanished(client, database, account_id, listing, report)
    return touched


def _classify_page(
    database: Database, account_id: int, page: list[ReducedOrder], listing: OrderListing,
    report: SyncReport,
) -> list[ReducedOrder]:
    """Note the page's known orders; return the new ones that still have units to ship.
    An order id no real order can have is held in quarantine, never fetched."""
    odd = [o for o in page if not quarantine.plausible_order_id(o.order_id)]
    if odd:
        for reduced in odd:
            record_problem(report, quarantine.shown_id(reduced.order_id),
                           ValueError("bol.com listed an order id no order can have"))
        quarantine.hold(database, account_id, [
            (quarantine.ODD_ORDER_ID, o.order_id, "bol.com listed an order id no order can have")
            for o in odd])
        page = [o for o in page if quarantine.plausible_order_id(o.order_id)]
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
