"""Pick station use cases: open work, count scans, put back after cancellations (no Qt).

The counting conventions (box, cart, open units, put-back) are the lifecycle's, see
``domain.lifecycle``; every count changes through ``services.lifecycle``.

Every scan is one short transaction: re-read the lines, decide with the pure rules in
``domain.scanning``, apply through the lifecycle (a conditional UPDATE, so a concurrent change
can never push a count past what is open), write the scan log, commit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from haydigo_desk.domain.lifecycle import LineCounts, LinePhase
from haydigo_desk.domain.scanner_input import read_scan
from haydigo_desk.domain.scanning import (
    CodeKind,
    ScanDecision,
    ScanLine,
    ScannedCode,
    ScanResult,
    classify,
    evaluate,
    is_complete,
)
from haydigo_desk.domain.sorting import natural_key
from haydigo_desk.domain.states import OrderStatus, ShipmentState
from haydigo_desk.persistence.database import Database
from haydigo_desk.persistence.models import (
    Location,
    MarketplaceAccount,
    Order,
    OrderLine,
    PickList,
    PickListLine,
    PickListOrder,
    Product,
    ScanLogEntry,
    Shipment,
)
from haydigo_desk.services import lifecycle
from haydigo_desk.services.claims import StationIdentity, holder_of

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

    @property
    def done(self) -> bool:
        return self.needed > 0 and self.picked >= self.needed

    def scan_line(self) -> ScanLine:
        return ScanLine(self.key, self.ean, self.needed, min(self.picked, self.needed),
                        self.cancelled)


@dataclass(frozen=True)
class ShipmentView:
    shipment_id: int
    state: str
    transporter_code: str
    track_and_trace: str | None
    error: str


@dataclass(frozen=True)
class OrderWork:
    order_id: int
    bol_order_id: str
    account_id: int
    status: str
    customer_name: str
    claimed_by: str | None
    lines: tuple[LineView, ...]
    shipment: ShipmentView | None = None  # the latest shipment of the order

    @property
    def complete(self) -> bool:
        return is_complete([line.scan_line() for line in self.lines])

    @property
    def units_needed(self) -> int:
        return sum(line.needed for line in self.lines)

    @property
    def units_picked(self) -> int:
        return sum(min(line.picked, line.needed) for line in self.lines)

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
class PickListWork:
    pick_list_id: int
    code: str
    status: str
    lines: tuple[LineView, ...]  # product totals in walking order
    orders: tuple[PackOrder, ...]

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
class WorkRef:
    kind: str  # "order" | "pick_list"
    id: int
    label: str


@dataclass(frozen=True)
class ScanOutcome:
    decision: ScanDecision
    line: LineView | None  # the line as it is now (after the scan when accepted)
    holder: str | None = None  # for CLAIM_LOST: who has the order now

    @property
    def result(self) -> ScanResult:
        return self.decision.result

    @property
    def accepted(self) -> bool:
        return self.decision.accepted


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
        location=location or "", image_path=image, needed=counts.open,
        picked=min(counts.in_box, counts.open),
        cancelled=phase in (LinePhase.CANCELLED, LinePhase.CANCEL_REQUESTED),
        shipped=line.quantity_shipped, put_back=counts.put_back, phase=phase,
    )


def _views(session: Session, order_id: int) -> list[LineView]:
    rows = _order_line_rows(session, order_id)
    counts = lifecycle.line_counts(session, [row[0] for row in rows])
    return [_line_view(*row, counts=counts[row[0].id]) for row in rows]


def _order_lines(session: Session, order_id: int) -> tuple[LineView, ...]:
    views = _views(session, order_id)
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
    )


def _batch_rows(session: Session, pick_list_id: int):
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


def _product_key(line: OrderLine) -> int:
    # Unmatched lines have no product: group them by order line so they still show.
    return line.product_id if line.product_id is not None else -line.id


def _batch_totals(session: Session, rows) -> tuple[LineView, ...]:
    """Product totals of the list: units taken for it, still to take, and to put back."""
    carts = lifecycle.cart_units(session, (row[1].id for row in rows))
    totals: dict[int, LineView] = {}
    for pll, line, _status, _position, title, image, location in rows:
        key = _product_key(line)
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
        lines=_batch_totals(session, _batch_rows(session, pick_list_id)),
        orders=_pack_orders(session, pick_list_id),
    )


# --- the service ----------------------------------------------------------------------------


class PickingService:
    """The station's use cases for one workstation and person."""

    def __init__(self, database: Database, station: StationIdentity) -> None:
        self.database = database
        self.station = station

    # Opening work

    def find_work(self, text: str) -> WorkRef | None:
        """The pick list or order a scanned (or typed) code stands for."""
        code = classify(text)
        with self.database.unit_of_work() as uow:
            session = uow.session
            if code.kind is CodeKind.PICK_LIST:
                found = session.execute(
                    select(PickList.id, PickList.code).where(PickList.code == code.value)
                ).first()
                return WorkRef("pick_list", found.id, found.code) if found else None
            if code.kind in (CodeKind.ORDER, CodeKind.PRODUCT):
                return self._find_order(session, read_scan(code.raw).text.upper())
        return None

    @staticmethod
    def _find_order(session: Session, bol_order_id: str) -> WorkRef | None:
        # account_id IN (...) lets the (account_id, bol_order_id) unique index serve the lookup.
        account_ids = session.scalars(select(MarketplaceAccount.id)).all()
        found = session.execute(
            select(Order.id, Order.bol_order_id).where(
                Order.account_id.in_(account_ids), Order.bol_order_id == bol_order_id
            )
        ).first()
        return WorkRef("order", found.id, found.bol_order_id) if found else None

    def open_work(self, limit: int = 200) -> OpenWork:
        """Open pick lists and pickable orders, oldest first, for choosing by hand."""
        with self.database.unit_of_work() as uow:
            lists = uow.session.execute(
                select(PickList.id, PickList.code)
                .where(PickList.status.in_(("open", "in_progress"))).order_by(PickList.id)
            ).all()
            orders = uow.session.execute(
                select(Order.id, Order.bol_order_id, Order.customer_name)
                .where(Order.status.in_((OrderStatus.NEW.value, OrderStatus.PICKING.value,
                                         OrderStatus.PACKED.value)))
                .order_by(Order.placed_at, Order.id).limit(limit)
            ).all()
        return OpenWork(
            tuple(WorkRef("pick_list", row.id, row.code) for row in lists),
            tuple(WorkRef("order", row.id, f"{row.bol_order_id}  {row.customer_name}")
                  for row in orders),
        )

    def load_order(self, order_id: int) -> OrderWork | None:
        with self.database.unit_of_work() as uow:
            return order_work(uow.session, order_id)

    def load_pick_list(self, pick_list_id: int) -> PickListWork | None:
        with self.database.unit_of_work() as uow:
            return pick_list_work(uow.session, pick_list_id)

    # Scanning

    def scan_order(self, order_id: int, text: str, quantity: int | None = None) -> ScanOutcome:
        """Count one scan (or ``quantity`` units) towards the order's box."""
        code = classify(text)
        with self.database.unit_of_work() as uow:
            session = uow.session
            holder = holder_of(session, order_id)
            if holder != self.station.claimant:
                outcome = ScanOutcome(ScanDecision(ScanResult.CLAIM_LOST, code), None, holder)
            else:
                outcome = self._scan_order_line(session, order_id, code, quantity)
            self._log(session, code, outcome, order_id=order_id)
            uow.commit()
        return outcome

    def _scan_order_line(self, session: Session, order_id: int, code: ScannedCode,
                         quantity: int | None) -> ScanOutcome:
        views = {v.key: v for v in _views(session, order_id)}
        decision = evaluate([v.scan_line() for v in views.values()], code, quantity)
        if not decision.accepted:
            line = views.get(decision.line_key) if decision.line_key is not None else None
            return ScanOutcome(decision, line)
        if not lifecycle.pick_into_box(session, order_id, decision.line_key, decision.quantity):
            return ScanOutcome(replace(decision, result=ScanResult.TOO_MANY, quantity=0),
                               views[decision.line_key])
        line = views[decision.line_key]
        return ScanOutcome(decision, replace(line, picked=line.picked + decision.quantity))

    def scan_batch(self, pick_list_id: int, text: str, quantity: int | None = None
                   ) -> ScanOutcome:
        """Count units taken from the shelf for a whole pick list (product totals)."""
        code = classify(text)
        with self.database.unit_of_work() as uow:
            session = uow.session
            rows = _batch_rows(session, pick_list_id)
            totals = {v.key: v for v in _batch_totals(session, rows)}
            decision = evaluate([v.scan_line() for v in totals.values()], code, quantity)
            line = totals.get(decision.line_key) if decision.line_key is not None else None
            if decision.accepted:
                line_ids = [row[1].id for row in rows
                            if _product_key(row[1]) == decision.line_key]
                counted = lifecycle.pick_onto_cart(session, pick_list_id, line_ids,
                                                   decision.quantity)
                if counted < decision.quantity:  # the sync changed the lines meanwhile
                    decision = replace(decision, result=ScanResult.TOO_MANY, quantity=0)
                else:
                    line = replace(line, picked=line.picked + decision.quantity)
            outcome = ScanOutcome(decision, line)
            self._log(session, code, outcome, pick_list_id=pick_list_id)
            uow.commit()
        return outcome

    def log_event(self, text: str, result: str, detail: str = "", *,
                  order_id: int | None = None, pick_list_id: int | None = None) -> None:
        """Log a scan that did not count units (opening work, refused codes while idle)."""
        with self.database.unit_of_work() as uow:
            uow.session.add(self._entry(text, result, detail, order_id, pick_list_id))
            uow.commit()

    def _log(self, session: Session, code: ScannedCode, outcome: ScanOutcome, *,
             order_id: int | None = None, pick_list_id: int | None = None) -> None:
        detail = f"line {outcome.decision.line_key}" if outcome.decision.line_key else ""
        if outcome.accepted:
            detail += f" +{outcome.decision.quantity}"
        elif outcome.holder:
            detail = f"held by {outcome.holder}"
        session.add(self._entry(code.raw, outcome.result.value, detail.strip(), order_id,
                                pick_list_id))

    def _entry(self, text: str, result: str, detail: str, order_id: int | None,
               pick_list_id: int | None) -> ScanLogEntry:
        return ScanLogEntry(
            workstation=self.station.workstation, user_name=self.station.user_name,
            code=text[:200], result=result, detail=detail[:500], order_id=order_id,
            pick_list_id=pick_list_id,
        )

    # Cancellations

    def put_back_order(self, order_id: int) -> tuple[PutBack, ...]:
        """Units in the box (or on the cart) nobody wants any more are back on the shelf."""
        with self.database.unit_of_work() as uow:
            done = lifecycle.put_back_order(uow.session, order_id)
            put_back = self._put_backs(uow.session, done, order_id=order_id)
            uow.commit()
        return put_back

    def put_back_pick_list(self, pick_list_id: int) -> tuple[PutBack, ...]:
        """Units taken for the list that nobody wants any more are back on the shelf."""
        with self.database.unit_of_work() as uow:
            done = lifecycle.put_back_pick_list(uow.session, pick_list_id)
            put_back = self._put_backs(uow.session, done, pick_list_id=pick_list_id)
            uow.commit()
        return put_back

    def _put_backs(self, session: Session, done: Sequence[lifecycle.PutBackUnits], *,
                   order_id: int | None = None, pick_list_id: int | None = None
                   ) -> tuple[PutBack, ...]:
        """One instruction and one scan-log row per product, with exactly the units moved."""
        by_product: dict[int, PutBack] = {}
        for item in done:
            line, title, _image, location = session.execute(
                select(OrderLine, Product.title, Product.image_path, Location.code)
                .outerjoin(Product, Product.id == OrderLine.product_id)
                .outerjoin(Location, Location.id == Product.location_id)
                .where(OrderLine.id == item.order_line_id)
            ).one()
            key = _product_key(line)
            before = by_product.get(key)
            by_product[key] = PutBack(title or line.title, line.ean, location or "",
                                      item.units + (before.quantity if before else 0))
        for put in by_product.values():
            session.add(self._entry(put.ean, "put_back", f"{put.quantity} x {put.title}",
                                    order_id, pick_list_id))
        return tuple(by_product.values())


def orders_in_pick_list(session: Session, pick_list_id: int) -> Sequence[int]:
    return session.scalars(
        select(PickListOrder.order_id).where(PickListOrder.pick_list_id == pick_list_id)
    ).all()
