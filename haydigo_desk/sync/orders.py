"""Step 2 and 3: open bol.com orders into the desk; cancellations and bol-side changes applied.

Listing and detail fetching run while the offers step still imports products (different
rate-limit buckets); orders are written (``order_records``) only after products exist, so
lines match.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from haydigo_desk.bol import BolClient, BolNotFoundError
from haydigo_desk.bol.errors import BolUnexpectedResponseError
from haydigo_desk.bol.models import Order as BolOrder
from haydigo_desk.bol.models import ReducedOrder
from haydigo_desk.domain import lifecycle as rules
from haydigo_desk.domain.states import OrderStatus
from haydigo_desk.persistence.database import Database
from haydigo_desk.persistence.models import Order, OrderLine
from haydigo_desk.services import lifecycle
from haydigo_desk.sync import quarantine
from haydigo_desk.sync.events import SyncReport
from haydigo_desk.sync.order_records import (
    RECORD_ERRORS,
    WRITE_BATCH,
    BatchTally,
    batched,
    problem_text,
    record_problem,
    write_orders,
)
from haydigo_desk.sync.tasks import retrieve_outcome

log = logging.getLogger(__name__)

# bol allows 25 details a second. Each fetcher does one per round trip, so 8 fill a window
# in its first half up to 150 ms (4 took the whole second there); the limiter counts them.
DETAIL_CONCURRENCY = 8
# Fetched details waiting for the writer (about 12 KB each): when the writer is behind, the
# fetchers wait, so a backlog of 8,000 orders costs no more memory than one of 500.
DETAIL_BACKLOG = 4 * WRITE_BATCH


@dataclass
class OrderListing:
    """What the listing found: every id seen, and the known orders' item states."""

    known: dict[str, ReducedOrder] = field(default_factory=dict)
    seen_ids: set[str] = field(default_factory=set)


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
    tallies, _refused = batched(
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
    tallies, _refused = batched(
        states, lambda batch: _apply_states(database, account_id, batch), report,
        key=lambda state: state[0])
    return {order_id for tally in tallies for order_id in tally.order_ids}


async def _unless_writer_stops(step: Awaitable[object], writer: asyncio.Task) -> None:
    """Await ``step`` of the fetching side; a writer that failed first raises its error here,
    because fetchers waiting for room in the bounded queue would otherwise wait forever."""
    step = asyncio.ensure_future(step)
    finished = False
    try:
        await asyncio.wait({step, writer}, return_when=asyncio.FIRST_COMPLETED)
        finished = step.done()
    finally:
        if not finished:
            # Stopped from outside (the loop quits) or the writer failed: a gather left
            # behind would end in CancelledError that nobody reads, and asyncio logs that.
            step.cancel()
            step.add_done_callback(retrieve_outcome)
    if finished:
        step.result()
        return
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
