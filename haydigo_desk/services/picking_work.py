"""What the pick station shows: its lines, orders, pick lists and outcomes (read side, no Qt).

Plain frozen dataclasses built from the database in one session, so the GUI never holds ORM
objects; the counts come from the lifecycle (``services.lifecycle``), which owns every write.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from haydigo_desk.domain.lifecycle import LineCounts, LinePhase
from haydigo_desk.domain.scanning import ScanDecision, ScanLine, ScanResult, is_complete
from haydigo_desk.domain.sorting import natural_key
from haydigo_desk.domain.states import OrderStatus, ShipmentState
from haydigo_desk.persistence.models import (
    Location,
    Order,
    OrderLine,
    PickList,
    PickListLine,
    PickListOrder,
    Product,
    Shipment,
)
from haydigo_desk.services import lifecycle

CLOSED_ORDER_STATUSES = (OrderStatus.SHIPPED.value, OrderStatus.CANCELLED.value)
OPEN_SHIPMENT_STATES = (ShipmentState.QUEUED.value, ShipmentState.SENT.value)


@dataclass(frozen=True)
class LineView:
    """One row of the station: an order line (order mode) or a product total (batch mode)."""

    key: int
    title: str
    ean: str
    sku: str
    location: str
    image_path: str | None
    needed: int
    picked: int
    cancelled: bool = False
    shipped: int = 0
    put_back: int = 0  # units off the shelf nobody wants any more (after a cancellation)
    phase: LinePhase = LinePhase.OPEN
    short: int = 0  # units reported not found or damaged: in the Can't-fulfil queue

    @property
    def done(self) -> bool:
        return self.needed > 0 and self.picked >= self.needed

    def scan_line(self) -> ScanLine:
        return ScanLine(self.key, self.ean, self.needed, min(self.picked, self.needed),
                        self.cancelled)


class _LineTotals:
    """What an order and a pick list say of their lines (``lines`` is theirs)."""

    lines: tuple[LineView, ...]

    @property
    def complete(self) -> bool:
        return is_complete([line.scan_line() for line in self.lines])

    @property
    def units_needed(self) -> int:
        return sum(line.needed for line in self.lines)

    @property
    def units_picked(self) -> int:
        return sum(min(line.picked, line.needed) for line in self.lines)


@dataclass(frozen=True)
class ShipmentView:
    shipment_id: int
    state: str
    transporter_code: str
    track_and_trace: str | None
    error: str


@dataclass(frozen=True)
class OrderWork(_LineTotals):
    order_id: int
    bol_order_id: str
    account_id: int
    status: str
    customer_name: str
    claimed_by: str | None
    lines: tuple[LineView, ...]
    shipment: ShipmentView | None = None  # the latest shipment of the order
    oversold: bool = False  # the stock cannot serve it (domain.oversold): not to be picked

    @property
    def put_back(self) -> tuple[LineView, ...]:
        return tuple(line for line in self.lines if line.put_back)


@dataclass(frozen=True)
class PackOrder:
    """An order of a pick list, as shown in the packing list below the batch totals."""

    order_id: int
    bol_order_id: str
    customer_name: str
    status: str
    units_needed: int
    units_packed: int
    claimed_by: str | None


@dataclass(frozen=True)
class PickListWork(_LineTotals):
    pick_list_id: int
    code: str
    status: str
    lines: tuple[LineView, ...]  # product totals in walking order
    orders: tuple[PackOrder, ...]


@dataclass(frozen=True)
class WorkRef:
    kind: str  # "order" | "pick_list"
    id: int
    label: str


@dataclass(frozen=True)
class ScanOutcome:
    decision: ScanDecision
    line: LineView | None  # the line as it is now (after the scan when accepted)
    holder: str | None = None  # for CLAIM_LOST: who has the order now
    product_title: str | None = None  # NOT_IN_ORDER: the product the EAN belongs to, if known

    @property
    def result(self) -> ScanResult:
        return self.decision.result

    @property
    def accepted(self) -> bool:
        return self.decision.accepted

    def agrees_with(self, other: ScanOutcome) -> bool:
        """The same answer: result, line and units (the running totals may differ)."""
        mine, theirs = self.decision, other.decision
        return (mine.result, mine.line_key, mine.quantity) == (
            theirs.result, theirs.line_key, theirs.quantity)


@dataclass(frozen=True)
class PutBack:
    title: str
    ean: str
    location: str
    quantity: int


@dataclass(frozen=True)
class OpenWork:
    """Rows of the "choose from a list" panel."""

    pick_lists: tuple[WorkRef, ...]
    orders: tuple[WorkRef, ...]


# --- reading --------------------------------------------------------------------------------


def product_title(session: Session, ean: str) -> str | None:
    """The title of a product of any account with this EAN (to name a wrong product)."""
    return session.scalars(select(Product.title).where(Product.ean == ean).limit(1)).first()


def _order_line_rows(session: Session, order_id: int):
    return session.execute(
        select(OrderLine, Product.title, Product.image_path, Location.code)
        .outerjoin(Product, Product.id == OrderLine.product_id)
        .outerjoin(Location, Location.id == Product.location_id)
        .where(OrderLine.order_id == order_id)
        .order_by(OrderLine.id)
    ).all()


def _line_view(line: OrderLine, title: str | None, image: str | None, location: str | None,
               counts: LineCounts | None = None) -> LineView:
    counts = counts or line.counts()
    phase = counts.phase
    return LineView(
        key=line.id, title=title or line.title, ean=line.ean, sku=line.sku,
        location=location or "", image_path=image, needed=counts.pickable,
        picked=min(counts.in_box, counts.pickable),
        cancelled=phase in (LinePhase.CANCELLED, LinePhase.CANCEL_REQUESTED),
        shipped=line.quantity_shipped, put_back=counts.put_back, phase=phase,
        short=min(counts.short, counts.open),
    )


def line_views(session: Session, order_id: int) -> list[LineView]:
    rows = _order_line_rows(session, order_id)
    counts = lifecycle.line_counts(session, [row[0] for row in rows])
    return [_line_view(*row, counts=counts[row[0].id]) for row in rows]


def _order_lines(session: Session, order_id: int) -> tuple[LineView, ...]:
    views = line_views(session, order_id)
    # Walking order by location; lines without a location last, ties by line id.
    return tuple(sorted(views, key=lambda v: natural_key(v.location)))


def _latest_shipment(session: Session, order_id: int) -> ShipmentView | None:
    shipment = session.scalars(
        select(Shipment).where(Shipment.order_id == order_id).order_by(Shipment.id.desc())
    ).first()
    if shipment is None:
        return None
    return ShipmentView(shipment.id, shipment.state, shipment.transporter_code,
                        shipment.track_and_trace, shipment.error or "")


def order_work(session: Session, order_id: int) -> OrderWork | None:
    order = session.get(Order, order_id, populate_existing=True)
    if order is None:
        return None
    return OrderWork(
        order_id=order.id, bol_order_id=order.bol_order_id, account_id=order.account_id,
        status=order.status, customer_name=order.customer_name, claimed_by=order.claimed_by,
        lines=_order_lines(session, order_id), shipment=_latest_shipment(session, order_id),
        oversold=bool(order.oversold),
    )


def batch_rows(session: Session, pick_list_id: int):
    return session.execute(
        select(PickListLine, OrderLine, Order.status, PickListOrder.position, Product.title,
               Product.image_path, Location.code)
        .join(OrderLine, OrderLine.id == PickListLine.order_line_id)
        .join(Order, Order.id == OrderLine.order_id)
        .outerjoin(PickListOrder, (PickListOrder.pick_list_id == PickListLine.pick_list_id)
                   & (PickListOrder.order_id == Order.id))
        .outerjoin(Product, Product.id == OrderLine.product_id)
        .outerjoin(Location, Location.id == Product.location_id)
        .where(PickListLine.pick_list_id == pick_list_id)
        .order_by(PickListOrder.position, PickListLine.id)
    ).all()


def product_key(line: OrderLine) -> int:
    # Unmatched lines have no product: group them by order line so they still show.
    return line.product_id if line.product_id is not None else -line.id


def batch_totals(session: Session, rows) -> tuple[LineView, ...]:
    """Product totals of the list: units taken for it, still to take, and to put back."""
    carts = lifecycle.cart_units(session, (row[1].id for row in rows))
    totals: dict[int, LineView] = {}
    for pll, line, _status, _position, title, image, location in rows:
        key = product_key(line)
        counts = lifecycle.counts_of(line, carts.get(line.id, 0))
        taken = pll.quantity_picked
        need = max(taken + counts.to_take - counts.put_back, 0)
        current = totals.get(key) or LineView(
            key=key, title=title or line.title, ean=line.ean, sku=line.sku,
            location=location or "", image_path=image, needed=0, picked=0, cancelled=True,
        )
        line_cancelled = counts.phase in (LinePhase.CANCELLED, LinePhase.CANCEL_REQUESTED)
        totals[key] = replace(
            current, needed=current.needed + need, picked=current.picked + taken,
            cancelled=current.cancelled and line_cancelled,
            put_back=current.put_back + counts.put_back,
            shipped=current.shipped + line.quantity_shipped,
            short=current.short + min(counts.short, counts.open),
        )
    return tuple(sorted(totals.values(), key=lambda v: natural_key(v.location)))


def _pack_orders(session: Session, pick_list_id: int) -> tuple[PackOrder, ...]:
    orders = session.execute(
        select(Order).join(PickListOrder, PickListOrder.order_id == Order.id)
        .where(PickListOrder.pick_list_id == pick_list_id).order_by(PickListOrder.position)
    ).scalars().all()
    result = []
    for order in orders:
        lines = _order_lines(session, order.id)
        result.append(PackOrder(
            order.id, order.bol_order_id, order.customer_name, order.status,
            sum(v.needed for v in lines), sum(min(v.picked, v.needed) for v in lines),
            order.claimed_by,
        ))
    return tuple(result)


def pick_list_work(session: Session, pick_list_id: int) -> PickListWork | None:
    pick_list = session.get(PickList, pick_list_id, populate_existing=True)
    if pick_list is None:
        return None
    return PickListWork(
        pick_list_id=pick_list.id, code=pick_list.code, status=pick_list.status,
        lines=batch_totals(session, batch_rows(session, pick_list_id)),
        orders=_pack_orders(session, pick_list_id),
    )
