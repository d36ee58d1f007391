"""Pick station use cases: open work, count scans, put back after cancellations (no Qt).

Counting conventions (shared with shipping and the sync):
- ``OrderLine.quantity_picked`` is cumulative: units picked for the line, including units that
  have since shipped. Units waiting in the box are ``quantity_picked - quantity_shipped``.
- A line still needs ``quantity_open`` (ordered - shipped - cancelled) units in the box. Units in
  the box beyond that (a cancellation arrived after picking) must go back to the shelf.
- ``PickListLine.quantity_picked`` counts units taken from the shelf while batch picking.

Every scan is one short transaction: re-read the lines, decide with the pure rules in
``domain.scanning``, apply with a conditional UPDATE (so a concurrent change can never push a
count past what is open), write the scan log, commit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import select, update
from sqlalchemy.orm import Session

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
    picked: int  # may exceed needed after a cancellation: the difference goes back
    cancelled: bool = False
    shipped: int = 0

    @property
    def put_back(self) -> int:
        return max(self.picked - self.needed, 0)

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


def _line_view(line: OrderLine, title: str | None, image: str | None, location: str | None
               ) -> LineView:
    cancelled = line.cancellation_requested or (
        line.quantity_open == 0 and line.quantity_cancelled > 0
    )
    needed = 0 if line.cancellation_requested else line.quantity_open
    return LineView(
        key=line.id, title=title or line.title, ean=line.ean, sku=line.sku,
        location=location or "", image_path=image, needed=needed,
        picked=max(line.quantity_picked - line.quantity_shipped, 0), cancelled=cancelled,
        shipped=line.quantity_shipped,
    )


def _order_lines(session: Session, order_id: int) -> tuple[LineView, ...]:
    views = [_line_view(*row) for row in _order_line_rows(session, order_id)]
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


def _batch_need(pll: PickListLine, line: OrderLine, order_status: str) -> int:
    """Units of one pick-list line still to take from the shelf's point of view."""
    if order_status in CLOSED_ORDER_STATUSES or line.cancellation_requested:
        return 0
    return min(pll.quantity, line.quantity_open)


def _product_key(line: OrderLine) -> int:
    # Unmatched lines have no product: group them by order line so they still show.
    return line.product_id if line.product_id is not None else -line.id


def _batch_totals(rows) -> tuple[LineView, ...]:
    totals: dict[int, LineView] = {}
    for pll, line, status, _position, title, image, location in rows:
        key = _product_key(line)
        need = _batch_need(pll, line, status)
        current = totals.get(key) or LineView(
            key=key, title=title or line.title, ean=line.ean, sku=line.sku,
            location=location or "", image_path=image, needed=0, picked=0, cancelled=True,
        )
        totals[key] = replace(
            current, needed=current.needed + need, picked=current.picked + pll.quantity_picked,
            cancelled=current.cancelled and need == 0,
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
        lines=_batch_totals(_batch_rows(session, pick_list_id)),
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
                return self._find_order(session, code.raw.strip().upper())
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
        views = {v.key: v for v in (_line_view(*row)
                                    for row in _order_line_rows(session, order_id))}
        decision = evaluate([v.scan_line() for v in views.values()], code, quantity)
        if not decision.accepted:
            line = views.get(decision.line_key) if decision.line_key is not None else None
            return ScanOutcome(decision, line)
        units = decision.quantity
        # The WHERE re-checks the cap in the database: a cancellation committed by the sync
        # since the read above makes this a no-op instead of an over-pick.
        applied = session.execute(
            update(OrderLine)
            .where(OrderLine.id == decision.line_key,
                   OrderLine.cancellation_requested.is_(False),
                   OrderLine.quantity_picked + units
                   <= OrderLine.quantity - OrderLine.quantity_cancelled)
            .values(quantity_picked=OrderLine.quantity_picked + units),
            execution_options={"synchronize_session": False},
        ).rowcount
        if applied != 1:
            return ScanOutcome(replace(decision, result=ScanResult.TOO_MANY, quantity=0),
                               views[decision.line_key])
        session.execute(
            update(Order).where(Order.id == order_id, Order.status == OrderStatus.NEW.value)
            .values(status=OrderStatus.PICKING.value),
            execution_options={"synchronize_session": False},
        )
        line = views[decision.line_key]
        return ScanOutcome(decision, replace(line, picked=line.picked + units))

    def scan_batch(self, pick_list_id: int, text: str, quantity: int | None = None
                   ) -> ScanOutcome:
        """Count units taken from the shelf for a whole pick list (product totals)."""
        code = classify(text)
        with self.database.unit_of_work() as uow:
            session = uow.session
            rows = _batch_rows(session, pick_list_id)
            totals = {v.key: v for v in _batch_totals(rows)}
            decision = evaluate([v.scan_line() for v in totals.values()], code, quantity)
            line = totals.get(decision.line_key) if decision.line_key is not None else None
            if decision.accepted:
                self._spread_batch_units(session, rows, decision.line_key, decision.quantity)
                session.execute(
                    update(PickList).where(PickList.id == pick_list_id,
                                           PickList.status == "open")
                    .values(status="in_progress"),
                    execution_options={"synchronize_session": False},
                )
                line = replace(line, picked=line.picked + decision.quantity)
            outcome = ScanOutcome(decision, line)
            self._log(session, code, outcome, pick_list_id=pick_list_id)
            uow.commit()
        return outcome

    @staticmethod
    def _spread_batch_units(session: Session, rows, product_key: int, units: int) -> None:
        # Fill the product's pick-list lines in packing order (first order first).
        for pll, line, status, *_ in rows:
            if units == 0:
                break
            if _product_key(line) != product_key:
                continue
            free = _batch_need(pll, line, status) - pll.quantity_picked
            take = min(max(free, 0), units)
            if take:
                session.execute(
                    update(PickListLine).where(PickListLine.id == pll.id)
                    .values(quantity_picked=PickListLine.quantity_picked + take),
                    execution_options={"synchronize_session": False},
                )
                units -= take

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
        """Units in the box beyond what is still open go back to the shelf: lower the counts."""
        put_back: list[PutBack] = []
        with self.database.unit_of_work() as uow:
            session = uow.session
            for line, title, _image, location in _order_line_rows(session, order_id):
                view = _line_view(line, title, None, location)
                if view.put_back:
                    line.quantity_picked -= view.put_back
                    put_back.append(PutBack(view.title, view.ean, view.location,
                                            view.put_back))
            for item in put_back:
                session.add(self._entry(item.ean, "put_back", f"{item.quantity} x {item.title}",
                                        order_id, None))
            uow.commit()
        return tuple(put_back)

    def put_back_pick_list(self, pick_list_id: int) -> tuple[PutBack, ...]:
        """Batch-picked units of cancelled lines go back to the shelf."""
        found: dict[int, PutBack] = {}
        with self.database.unit_of_work() as uow:
            session = uow.session
            for pll, line, status, _pos, title, _image, location in _batch_rows(
                    session, pick_list_id):
                excess = pll.quantity_picked - _batch_need(pll, line, status)
                if excess <= 0:
                    continue
                pll.quantity_picked -= excess
                key = _product_key(line)
                before = found.get(key)
                found[key] = PutBack(title or line.title, line.ean, location or "",
                                     excess + (before.quantity if before else 0))
            for item in found.values():
                session.add(self._entry(item.ean, "put_back", f"{item.quantity} x {item.title}",
                                        None, pick_list_id))
            uow.commit()
        return tuple(found.values())


def orders_in_pick_list(session: Session, pick_list_id: int) -> Sequence[int]:
    return session.scalars(
        select(PickListOrder.order_id).where(PickListOrder.pick_list_id == pick_list_id)
    ).all()
