"""Applies the order lifecycle (``domain.lifecycle``) to database rows.

The one writer of the status and quantity fields of Order, OrderLine, PickList, PickListLine
and Shipment. Sync, station, CLI and the other services call these functions inside their own
transaction; each function leaves the rows consistent: stock reserved for exactly the open
units of matched lines, order and pick-list status derived from their lines, claims released
once an order needs no more work.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from haydigo_desk.domain import lifecycle as rules
from haydigo_desk.domain.lifecycle import Cancellation, LineCounts, ShipmentEvent
from haydigo_desk.domain.outbox_payloads import (
    CancellationPayload,
    ShipmentItem,
    ShipmentPayload,
)
from haydigo_desk.domain.states import (
    OrderStatus,
    OutboxKind,
    OutboxState,
    PickListStatus,
    ShipmentState,
)
from haydigo_desk.domain.stock import StockError
from haydigo_desk.persistence.limits import check_limits
from haydigo_desk.persistence.models import (
    Order,
    OrderLine,
    OutboxEntry,
    PickList,
    PickListLine,
    PickListOrder,
    Product,
    Shipment,
    ShipmentLine,
    utcnow,
)
from haydigo_desk.services import stock
from haydigo_desk.services.outbox_writer import enqueue

log = logging.getLogger(__name__)

UNMATCHED_PROBLEM = "No product in the product list for "
REFUSED_CANCELLATION = "bol.com refused the cancellation: "
FAILED_SHIPMENT = "Shipment not accepted by bol.com: "
FINAL_ORDER_STATUSES = (OrderStatus.SHIPPED.value, OrderStatus.CANCELLED.value)
LIVE_SHIPMENT_STATES = tuple(s.value for s in rules.LIVE_SHIPMENT_STATES)


# --- reading the rows as the rules see them ---------------------------------------------------


def cart_units(session: Session, line_ids: Iterable[int]) -> dict[int, int]:
    """Units batch-picked per order line, over every pick list it is on."""
    ids = list(line_ids)
    if not ids:
        return {}
    return dict(session.execute(
        select(PickListLine.order_line_id, func.sum(PickListLine.quantity_picked))
        .where(PickListLine.order_line_id.in_(ids)).group_by(PickListLine.order_line_id)
    ).all())


def counts_of(line: OrderLine, cart_picked: int = 0) -> LineCounts:
    """The line's counts; units on the cart are those batch-picked beyond the box."""
    return line.counts(max(int(cart_picked or 0) - line.quantity_picked, 0))


def line_counts(session: Session, lines: Sequence[OrderLine]) -> dict[int, LineCounts]:
    carts = cart_units(session, (line.id for line in lines))
    return {line.id: counts_of(line, carts.get(line.id, 0)) for line in lines}


def _write_counts(line: OrderLine, counts: LineCounts) -> None:
    line.quantity_picked = counts.picked
    line.quantity_shipped = counts.shipped
    line.quantity_cancelled = counts.cancelled
    line.cancellation = counts.cancellation.value


# --- stock follows the open units ---------------------------------------------------------------


def _follow_reservation(session: Session, line: OrderLine, *, reason: str,
                        already_counted_by_channel: bool = False) -> None:
    """Reserved units of a matched line equal its open units."""
    if line.product is None:
        return
    target = line.quantity_open
    delta = target - line.quantity_reserved
    if delta > 0:
        stock.reserve(session, line.product, delta, order_line_id=line.id,
                      already_counted_by_channel=already_counted_by_channel)
    elif delta < 0:
        stock.release(session, line.product, -delta, reason=reason, order_line_id=line.id)
    line.quantity_reserved = target


def _ship_stock(session: Session, line: OrderLine, units: int, user_name: str = "") -> None:
    """Shipped units leave the shelf and their reservation."""
    from_reservation = min(units, line.quantity_reserved)
    if line.product is None or from_reservation <= 0:
        return
    try:
        stock.ship(session, line.product, from_reservation, user_name=user_name,
                   order_line_id=line.id)
    except StockError:
        # The shelf count was already too low: free the reservation, keep the count.
        stock.release(session, line.product, from_reservation,
                      reason="shipped with too little stock counted", order_line_id=line.id)
    line.quantity_reserved -= from_reservation


# --- derived statuses -------------------------------------------------------------------------


def _live_shipment(session: Session, order_id: int) -> bool:
    return session.scalar(select(Shipment.id).where(
        Shipment.order_id == order_id, Shipment.state.in_(LIVE_SHIPMENT_STATES)).limit(1)
    ) is not None


def refresh_order(session: Session, order: Order, *, fresh: bool = False) -> str:
    """Derive the order's status (and its unmatched note) from its lines; ``fresh`` says the
    order was just created (no shipments, nothing on a cart) and saves the queries."""
    lines = list(order.lines)
    counts = ([line.counts() for line in lines] if fresh
              else list(line_counts(session, lines).values()))
    unmatched = [line.ean or line.sku for line in lines
                 if line.unmatched and line.quantity_open > 0]
    if unmatched:
        if not order.problem or order.problem.startswith(UNMATCHED_PROBLEM):
            order.problem = UNMATCHED_PROBLEM + ", ".join(unmatched)
    elif order.problem.startswith(UNMATCHED_PROBLEM):
        order.problem = ""
    live = False if fresh else _live_shipment(session, order.id)
    status = rules.order_status(counts, unmatched_open=bool(unmatched), live_shipment=live,
                                problem=bool(order.problem)).value
    order.status = status
    if status in FINAL_ORDER_STATUSES:
        order.claimed_by = None
        order.claimed_at = None
    return status


def refresh_pick_lists(session: Session, pick_list_ids: Iterable[int]) -> None:
    for pick_list_id in set(pick_list_ids):
        pick_list = session.get(PickList, pick_list_id)
        if pick_list is None:
            continue
        lines = session.scalars(
            select(OrderLine).join(PickListLine, PickListLine.order_line_id == OrderLine.id)
            .where(PickListLine.pick_list_id == pick_list_id)
        ).all()
        status = rules.pick_list_status(line_counts(session, lines).values())
        if status.value != pick_list.status:
            pick_list.status = status.value
            pick_list.completed_at = utcnow() if status is PickListStatus.DONE else None


def _pick_lists_of_lines(session: Session, line_ids: Iterable[int]) -> set[int]:
    ids = list(line_ids)
    if not ids:
        return set()
    return set(session.scalars(select(PickListLine.pick_list_id).where(
        PickListLine.order_line_id.in_(ids))))


def derive_statuses(session: Session, order: Order) -> None:
    """Derive the order's status and that of every pick list its lines are on."""
    session.flush()
    refresh_order(session, order)
    refresh_pick_lists(session, _pick_lists_of_lines(session, (line.id for line in order.lines)))


# --- importing an order ---------------------------------------------------------------------


@dataclass(frozen=True)
class NewLine:
    """An order item as bol.com sent it, matched to a product (or not)."""

    bol_order_item_id: str
    quantity: int
    product: Product | None
    ean: str = ""
    sku: str = ""
    title: str = ""
    offer_id: str | None = None
    unit_price: Decimal | None = None
    quantity_shipped: int = 0
    quantity_cancelled: int = 0
    cancellation_request: bool = False
    fulfilment_method: str = "FBR"
    latest_delivery_date: date | None = None
    expiry_date: date | None = None
    bol_changed_at: datetime | None = None


@dataclass(frozen=True)
class ImportResult:
    order: Order
    cancellations_queued: int


def import_order(session: Session, order: Order, items: Sequence[NewLine]) -> ImportResult:
    """Add a new order (its header filled by the caller) with its lines: reserve what is open,
    answer cancellation requests. Raises LifecycleError for numbers that cannot be true."""
    if not items:
        # bol.com never sells an order without items: a later cycle reads it again.
        raise rules.LifecycleError("bol.com sent the order without its items")
    checked = [rules.check_counts(LineCounts(i.quantity, i.quantity_shipped, i.quantity_shipped,
                                             i.quantity_cancelled)) for i in items]
    for item, counts in zip(items, checked, strict=True):
        line = OrderLine(
            bol_order_item_id=item.bol_order_item_id, ean=item.ean, sku=item.sku,
            title=item.title, offer_id=item.offer_id, unit_price=item.unit_price,
            product=item.product, unmatched=item.product is None,
            fulfilment_method=item.fulfilment_method,
            latest_delivery_date=item.latest_delivery_date, expiry_date=item.expiry_date,
            bol_changed_at=item.bol_changed_at,
        )
        line.quantity = counts.quantity
        _write_counts(line, counts)
        line.quantity_reserved = 0
        check_limits(line)
        order.lines.append(line)
    check_limits(order)
    session.add(order)
    dates = [line.latest_delivery_date for line in order.lines if line.latest_delivery_date]
    order.latest_delivery_date = min(dates) if dates else None
    expiries = [line.expiry_date for line in order.lines if line.expiry_date]
    order.expiry_date = min(expiries) if expiries else None
    session.flush()
    queued = 0
    for line, item in zip(order.lines, items, strict=True):
        if item.cancellation_request and _request_cancellation(session, order, line):
            queued += 1
        else:
            # bol.com already took these units off the offer: no push is needed for them.
            _follow_reservation(session, line, reason="order imported",
                                already_counted_by_channel=True)
    refresh_order(session, order, fresh=True)
    return ImportResult(order, queued)


# --- cancellations -------------------------------------------------------------------------------


def _request_cancellation(session: Session, order: Order, line: OrderLine,
                          reason_code: str = "REQUESTED_BY_CUSTOMER") -> bool:
    requested = rules.request_cancellation(line.counts())
    if requested is None:
        return False
    _write_counts(line, requested)
    _follow_reservation(session, line, reason="cancellation requested by the customer")
    payload = CancellationPayload(order.bol_order_id, line.bol_order_item_id, line.id,
                                  reason_code)
    enqueue(session, order.account_id, payload, coalesce_key=payload.coalesce_key)
    return True


def _cancellation_rows(session: Session, line: OrderLine, states: Sequence[str]
                       ) -> list[OutboxEntry]:
    return list(session.scalars(select(OutboxEntry).where(
        OutboxEntry.kind == OutboxKind.CANCELLATION.value,
        OutboxEntry.coalesce_key == f"cancel:{line.bol_order_item_id}",
        OutboxEntry.state.in_(states))))


def cancellation_answered(session: Session, order_line_id: int, *, accepted: bool,
                          message: str = "") -> None:
    """bol.com's answer to our cancellation: the units are cancelled, or wanted again."""
    line = session.get(OrderLine, order_line_id)
    if line is None:
        log.warning("Cancellation answered for order line %s, which no longer exists",
                    order_line_id)
        return
    order = line.order
    if accepted:
        _write_counts(line, rules.cancellation_accepted(line.counts()))
    else:
        _write_counts(line, rules.cancellation_refused(line.counts()))
        order.problem = f"{REFUSED_CANCELLATION}{message}"[:500]
    _follow_reservation(session, line, reason="cancelled at bol.com")
    derive_statuses(session, order)


def cancellation_resent(session: Session, order_line_id: int) -> None:
    """A manager retries a cancellation bol.com refused: the line waits for bol.com again."""
    line = session.get(OrderLine, order_line_id)
    if line is None:
        return
    _write_counts(line, rules.cancellation_resent(line.counts()))
    if line.order.problem.startswith(REFUSED_CANCELLATION):
        line.order.problem = ""
    _follow_reservation(session, line, reason="cancellation sent again")
    derive_statuses(session, line.order)


def cancellation_dropped(session: Session, order_line_id: int) -> None:
    """A manager drops our acceptance before it was sent: the units are wanted again."""
    line = session.get(OrderLine, order_line_id)
    if line is None:
        return
    _write_counts(line, rules.cancellation_withdrawn(line.counts()))
    if line.order.problem.startswith(REFUSED_CANCELLATION):
        line.order.problem = ""  # the manager has seen bol.com's refusal and let it be
    _follow_reservation(session, line, reason="cancellation dropped")
    derive_statuses(session, line.order)


# --- what bol.com says of an item -----------------------------------------------------------


@dataclass(frozen=True)
class ItemOutcome:
    changed: bool
    cancellation_queued: bool = False
    cancelled: bool = False  # units were cancelled, or a cancellation is now being answered


def apply_bol_item(session: Session, order: Order, line: OrderLine, *, shipped: int,
                   cancelled: int, cancellation_request: bool, refresh: bool = True
                   ) -> ItemOutcome:
    """bol.com's numbers for one item (listing, detail, the last look before shipping).

    Repeated or older answers change nothing; what bol.com cancelled or shipped itself has the
    same local effects as our own writes, and nothing is posted for it.
    """
    carts = cart_units(session, [line.id])
    change = rules.bol_item_state(counts_of(line, carts.get(line.id, 0)), shipped=shipped,
                                  cancelled=cancelled,
                                  cancellation_request=cancellation_request)
    if not change.changed:
        return ItemOutcome(False)
    queued = False
    _write_counts(line, change.after)
    if change.newly_shipped:
        _ship_stock(session, line, change.newly_shipped)
        _withdraw_unsent_shipments(session, order, line, "shipped at bol.com")
    if change.newly_cancelled:
        for row in _cancellation_rows(session, line, [OutboxState.QUEUED.value]):
            row.state = OutboxState.DONE.value
            row.last_error = "Cancelled at bol.com; nothing was sent"
            row.done_at = utcnow()
    if change.request_appeared:
        payload = CancellationPayload(order.bol_order_id, line.bol_order_item_id, line.id)
        enqueue(session, order.account_id, payload, coalesce_key=payload.coalesce_key)
        queued = True
    if change.request_vanished:
        unsent = _cancellation_rows(session, line, [OutboxState.QUEUED.value])
        if unsent:
            for row in unsent:
                row.state = OutboxState.CANCELLED.value
                row.last_error = "The customer's request is gone at bol.com; nothing was sent"
                row.done_at = utcnow()
            _write_counts(line, rules.cancellation_withdrawn(line.counts()))
    _follow_reservation(session, line, reason="cancelled at bol.com")
    if refresh:
        derive_statuses(session, order)
    return ItemOutcome(True, queued, bool(change.newly_cancelled or change.request_appeared))


def _withdraw_unsent_shipments(session: Session, order: Order, line: OrderLine,
                               why: str) -> None:
    """A queued shipment of ours that covers units bol.com reports shipped is not posted."""
    for shipment in session.scalars(
        select(Shipment).join(ShipmentLine, ShipmentLine.shipment_id == Shipment.id)
        .where(Shipment.order_id == order.id, ShipmentLine.order_line_id == line.id,
               Shipment.state == ShipmentState.QUEUED.value)
    ).unique():
        entries = list(session.scalars(select(OutboxEntry).where(
            OutboxEntry.shipment_id == shipment.id, OutboxEntry.state == OutboxState.QUEUED)))
        if not entries:
            continue  # being sent right now: bol.com's answer decides
        if any(entry.attempts for entry in entries):
            # We posted it before (the answer was lost): what bol.com shows is our parcel.
            for entry in entries:
                entry.state = OutboxState.DONE.value
                entry.last_error = ""
                entry.done_at = utcnow()
            shipment_confirmed(session, shipment.id)
            continue
        for entry in entries:
            entry.state = OutboxState.CANCELLED.value
            entry.last_error = f"Not sent: {why}"
            entry.done_at = utcnow()
        _move_shipment(shipment, ShipmentEvent.WITHDRAWN, f"Not sent: {why}")


# --- the station: picking and putting back -----------------------------------------------------


def pick_into_box(session: Session, order_id: int, line_id: int, units: int) -> bool:
    """Count scanned units into the order's box; False when the line has no room for them.

    The conditional UPDATE re-checks the cap in the database, so a cancellation committed by
    the sync since the station read the line makes this a no-op instead of an over-pick.
    """
    if units < 1:
        return False
    applied = session.execute(
        update(OrderLine)
        .where(OrderLine.id == line_id, OrderLine.order_id == order_id,
               OrderLine.cancellation != Cancellation.REQUESTED.value,
               OrderLine.quantity_picked + units
               <= OrderLine.quantity - OrderLine.quantity_cancelled)
        .values(quantity_picked=OrderLine.quantity_picked + units),
        execution_options={"synchronize_session": False},
    ).rowcount == 1
    if applied:
        session.expire_all()  # the UPDATE bypassed the identity map
        derive_statuses(session, session.get(Order, order_id))
    return applied


@dataclass(frozen=True)
class CartLine:
    """One pick-list line as the batch screen fills it."""

    pick_list_line_id: int
    order_line_id: int
    counts: LineCounts


def cart_lines(session: Session, pick_list_id: int, order_line_ids: Iterable[int]
               ) -> list[CartLine]:
    """The list's lines for these order lines, in packing order (first order first)."""
    rows = session.execute(
        select(PickListLine, OrderLine)
        .join(OrderLine, OrderLine.id == PickListLine.order_line_id)
        .outerjoin(PickListOrder, (PickListOrder.pick_list_id == PickListLine.pick_list_id)
                   & (PickListOrder.order_id == OrderLine.order_id))
        .where(PickListLine.pick_list_id == pick_list_id,
               PickListLine.order_line_id.in_(list(order_line_ids)))
        .order_by(PickListOrder.position, PickListLine.id)
    ).all()
    carts = cart_units(session, (line.id for _pll, line in rows))
    return [CartLine(pll.id, line.id, counts_of(line, carts.get(line.id, 0)))
            for pll, line in rows]


def pick_onto_cart(session: Session, pick_list_id: int, order_line_ids: Sequence[int],
                   units: int) -> int:
    """Spread units taken from the shelf over these lines of the list (first order first);
    returns the units that counted."""
    counted = 0
    for cart in cart_lines(session, pick_list_id, order_line_ids):
        take = min(cart.counts.to_take, units - counted)
        if take <= 0:
            continue
        rules.pick_onto_cart(cart.counts, take)
        pll = session.get(PickListLine, cart.pick_list_line_id)
        pll.quantity_picked += take
        counted += take
        if counted == units:
            break
    session.flush()
    refresh_pick_lists(session, [pick_list_id])
    orders = set(session.scalars(select(OrderLine.order_id).where(
        OrderLine.id.in_(list(order_line_ids)))))
    for order_id in orders:
        refresh_order(session, session.get(Order, order_id))
    return counted


@dataclass(frozen=True)
class PutBackUnits:
    order_line_id: int
    product_id: int | None
    from_box: int
    from_cart: int

    @property
    def units(self) -> int:
        return self.from_box + self.from_cart


def _put_back_line(session: Session, line: OrderLine, cart_rows: Sequence[PickListLine]
                   ) -> PutBackUnits | None:
    counts = counts_of(line, sum(r.quantity_picked for r in cart_rows))
    if counts.put_back == 0:
        return None
    plan = rules.put_back(counts)
    # The cart count is the list's picked count beyond the box (see domain.lifecycle).
    remaining_cart = plan.after.on_cart + plan.after.picked
    line.quantity_picked = plan.after.picked
    for row in sorted(cart_rows, key=lambda r: r.id):
        keep = min(row.quantity_picked, remaining_cart)
        row.quantity_picked = keep
        remaining_cart -= keep
    return PutBackUnits(line.id, line.product_id, plan.from_box, plan.from_cart)


def put_back_order(session: Session, order_id: int) -> list[PutBackUnits]:
    """Units of the order nobody wants any more are back on the shelf."""
    order = session.get(Order, order_id, populate_existing=True)
    if order is None:
        return []
    done = []
    for line in order.lines:
        rows = list(session.scalars(select(PickListLine).where(
            PickListLine.order_line_id == line.id)))
        if (result := _put_back_line(session, line, rows)) is not None:
            done.append(result)
    if done:
        derive_statuses(session, order)
    return done


def put_back_pick_list(session: Session, pick_list_id: int) -> list[PutBackUnits]:
    """Units taken for this list that nobody wants any more are back on the shelf."""
    rows = list(session.scalars(select(PickListLine).where(
        PickListLine.pick_list_id == pick_list_id).order_by(PickListLine.id)))
    done = []
    orders: dict[int, Order] = {}
    for row in rows:
        line = session.get(OrderLine, row.order_line_id, populate_existing=True)
        all_rows = list(session.scalars(select(PickListLine).where(
            PickListLine.order_line_id == line.id)))
        if (result := _put_back_line(session, line, all_rows)) is not None:
            done.append(result)
            orders[line.order_id] = line.order
    for order in orders.values():
        derive_statuses(session, order)
    return done


# --- shipments ------------------------------------------------------------------------------


def _move_shipment(shipment: Shipment, event: ShipmentEvent, error: str | None = None) -> bool:
    target = rules.shipment_move(ShipmentState(shipment.state), event)
    if target is None:
        return False
    shipment.state = target.value
    if error is not None:
        shipment.error = error
    if target is ShipmentState.CONFIRMED:
        shipment.confirmed_at = utcnow()
        shipment.error = ""
    return True


def queue_shipment(session: Session, order: Order, units: Sequence[tuple[OrderLine, int]], *,
                   transporter_code: str, track_and_trace: str | None,
                   shipment_reference: str | None, created_by: str, workstation: str
                   ) -> tuple[Shipment, OutboxEntry]:
    """A shipment of these units and its outbox row, in the caller's transaction."""
    for line, quantity in units:
        if quantity < 1 or quantity > line.counts().open:
            raise rules.LifecycleError(
                f"cannot ship {quantity} of {line.bol_order_item_id}: "
                f"{line.counts().open} open")
    shipment = Shipment(
        order_id=order.id, transporter_code=transporter_code,
        track_and_trace=track_and_trace or None, shipment_reference=shipment_reference,
        created_by=created_by, workstation=workstation,
        lines=[ShipmentLine(order_line_id=line.id, quantity=quantity)
               for line, quantity in units],
    )
    shipment.state = ShipmentState.QUEUED.value
    session.add(shipment)
    session.flush()
    payload = ShipmentPayload(
        order.bol_order_id,
        tuple(ShipmentItem(line.bol_order_item_id, quantity) for line, quantity in units),
        transporter_code, track_and_trace or None, shipment_reference)
    entry = enqueue(session, order.account_id, payload, shipment_id=shipment.id)
    if order.problem and not order.problem.startswith(UNMATCHED_PROBLEM):
        order.problem = ""  # a resend answers the failure that made it a problem
    derive_statuses(session, order)
    return shipment, entry


def shipment_sent(session: Session, shipment_id: int) -> None:
    shipment = session.get(Shipment, shipment_id)
    if shipment is not None:
        _move_shipment(shipment, ShipmentEvent.SENT)


def shipment_requeued(session: Session, shipment_id: int) -> None:
    shipment = session.get(Shipment, shipment_id)
    if shipment is not None:
        _move_shipment(shipment, ShipmentEvent.REQUEUED)


def shipment_confirmed(session: Session, shipment_id: int) -> bool:
    """bol.com processed the shipment: units shipped, stock out, order and lists derived."""
    shipment = session.get(Shipment, shipment_id)
    if shipment is None or not _move_shipment(shipment, ShipmentEvent.CONFIRMED):
        return False
    order = session.get(Order, shipment.order_id)
    for shipment_line in shipment.lines:
        line = shipment_line.order_line
        after, units = rules.ship(line.counts(), shipment_line.quantity)
        _write_counts(line, after)
        if units:
            _ship_stock(session, line, units, shipment.created_by)
        _follow_reservation(session, line, reason="shipped")
    derive_statuses(session, order)
    return True


def shipment_failed(session: Session, shipment_id: int, message: str) -> None:
    """bol.com refused the shipment: the order is a problem until it is corrected and resent."""
    shipment = session.get(Shipment, shipment_id)
    if shipment is None or not _move_shipment(shipment, ShipmentEvent.FAILED, message):
        return
    order = session.get(Order, shipment.order_id)
    order.problem = f"{FAILED_SHIPMENT}{message}"[:500]
    derive_statuses(session, order)


def shipment_resent(session: Session, shipment_id: int) -> None:
    """A manager sends a failed shipment again, unchanged (Outbox → retry)."""
    shipment = session.get(Shipment, shipment_id)
    if shipment is None or not _move_shipment(shipment, ShipmentEvent.RESENT, ""):
        return
    order = session.get(Order, shipment.order_id)
    if order.problem.startswith(FAILED_SHIPMENT):
        order.problem = ""
    derive_statuses(session, order)


def shipment_withdrawn(session: Session, shipment_id: int, message: str) -> None:
    """Not posted after all (the customer cancelled meanwhile): the order is worked again."""
    shipment = session.get(Shipment, shipment_id)
    if shipment is None or not _move_shipment(shipment, ShipmentEvent.WITHDRAWN, message):
        return
    derive_statuses(session, session.get(Order, shipment.order_id))


# --- pick lists -------------------------------------------------------------------------------


def new_pick_list(code: str, account_id: int | None, created_by: str) -> PickList:
    pick_list = PickList(code=code, account_id=account_id, created_by=created_by)
    pick_list.status = PickListStatus.OPEN.value
    return pick_list


def add_to_pick_list(session: Session, pick_list: PickList, orders: Sequence[Order]) -> None:
    """Put orders on a list: a line per order line with units still to take."""
    position = session.scalar(
        select(func.coalesce(func.max(PickListOrder.position), -1))
        .where(PickListOrder.pick_list_id == pick_list.id)
    )
    for order in orders:
        position += 1
        session.add(PickListOrder(pick_list_id=pick_list.id, order_id=order.id,
                                  position=position))
        for line in order.lines:
            if units := line.quantity_open:
                pick_line = PickListLine(pick_list_id=pick_list.id, order_line_id=line.id)
                pick_line.quantity = units
                pick_line.quantity_picked = 0
                session.add(pick_line)
    session.flush()
