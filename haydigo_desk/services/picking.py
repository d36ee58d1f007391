"""Pick station use cases: open work, count scans, put back after cancellations (no Qt).

The counting conventions (box, cart, open units, put-back) are the lifecycle's, see
``domain.lifecycle``; every count changes through ``services.lifecycle``. What the station
shows (lines, orders, pick lists) is read in ``services.picking_work``.

Every scan is one short transaction: re-read the lines, decide with the pure rules in
``domain.scanning``, apply through the lifecycle (a conditional UPDATE, so a concurrent change
can never push a count past what is open), write the scan log, commit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from haydigo_desk.domain.scanner_input import ScannerSettings, read_scan
from haydigo_desk.domain.scanning import (
    CodeKind,
    ScanDecision,
    ScannedCode,
    ScanResult,
    classify,
    evaluate,
)
from haydigo_desk.domain.states import OrderStatus
from haydigo_desk.persistence.database import Database
from haydigo_desk.persistence.models import (
    Location,
    MarketplaceAccount,
    Order,
    OrderLine,
    PickList,
    PickListOrder,
    Product,
    ScanLogEntry,
)
from haydigo_desk.services import lifecycle
from haydigo_desk.services.claims import StationIdentity, holder_of
from haydigo_desk.services.picking_work import (  # noqa: F401  (the station's names, one import)
    CLOSED_ORDER_STATUSES,
    OPEN_SHIPMENT_STATES,
    LineView,
    OpenWork,
    OrderWork,
    PackOrder,
    PickListWork,
    PutBack,
    ScanOutcome,
    ShipmentView,
    WorkRef,
    batch_rows,
    batch_totals,
    line_views,
    order_work,
    pick_list_work,
    product_key,
    product_title,
)

# --- the service ----------------------------------------------------------------------------


class PickingService:
    """The station's use cases for one workstation and person."""

    def __init__(self, database: Database, station: StationIdentity,
                 scanner: Callable[[], ScannerSettings] | None = None) -> None:
        self.database = database
        self.station = station
        # How this desk's scanner types (prefix, suffix, layout); asked at every scan, so a
        # change in Settings counts from the next scan on.
        self._scanner = scanner

    @property
    def scanner(self) -> ScannerSettings | None:
        return self._scanner() if self._scanner is not None else None

    def classify(self, text: str) -> ScannedCode:
        return classify(text, self.scanner)

    # Opening work

    def find_work(self, text: str) -> WorkRef | None:
        """The pick list or order a scanned (or typed) code stands for."""
        code = self.classify(text)
        with self.database.unit_of_work() as uow:
            session = uow.session
            if code.kind is CodeKind.PICK_LIST:
                found = session.execute(
                    select(PickList.id, PickList.code).where(PickList.code == code.value)
                ).first()
                return WorkRef("pick_list", found.id, found.code) if found else None
            if code.kind in (CodeKind.ORDER, CodeKind.PRODUCT):
                return self._find_order(session, read_scan(code.raw, self.scanner).text.upper())
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
        code = self.classify(text)
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
        views = {v.key: v for v in line_views(session, order_id)}
        decision = evaluate([v.scan_line() for v in views.values()], code, quantity)
        if not decision.accepted:
            line = views.get(decision.line_key) if decision.line_key is not None else None
            return self._refused(session, decision, line)
        if not lifecycle.pick_into_box(session, order_id, decision.line_key, decision.quantity):
            return ScanOutcome(replace(decision, result=ScanResult.TOO_MANY, quantity=0),
                               views[decision.line_key])
        line = views[decision.line_key]
        return ScanOutcome(decision, replace(line, picked=line.picked + decision.quantity))

    def predict(self, lines: Sequence[LineView], text: str, quantity: int | None = None
                ) -> ScanOutcome:
        """What ``scan_order`` / ``scan_batch`` will answer for ``lines`` as the station shows
        them, decided by the same rules without the database (so it answers at once).

        The station shows this answer while the scan is written behind it; the written outcome
        differs only when something changed the lines meanwhile (a cancellation, another desk
        taking the order, a locked database), and then the station corrects what it said.
        A product not in the work is answered without its name (that takes a read); the
        written outcome brings it.
        """
        code = self.classify(text)
        decision = evaluate([v.scan_line() for v in lines], code, quantity)
        views = {v.key: v for v in lines}
        line = views.get(decision.line_key) if decision.line_key is not None else None
        if decision.accepted and line is not None:
            line = replace(line, picked=line.picked + decision.quantity)
        return ScanOutcome(decision, line)

    def scan_batch(self, pick_list_id: int, text: str, quantity: int | None = None
                   ) -> ScanOutcome:
        """Count units taken from the shelf for a whole pick list (product totals)."""
        code = self.classify(text)
        with self.database.unit_of_work() as uow:
            session = uow.session
            rows = batch_rows(session, pick_list_id)
            totals = {v.key: v for v in batch_totals(session, rows)}
            decision = evaluate([v.scan_line() for v in totals.values()], code, quantity)
            line = totals.get(decision.line_key) if decision.line_key is not None else None
            if decision.accepted:
                line_ids = [row[1].id for row in rows
                            if product_key(row[1]) == decision.line_key]
                counted = lifecycle.pick_onto_cart(session, pick_list_id, line_ids,
                                                   decision.quantity)
                if counted < decision.quantity:  # the sync changed the lines meanwhile
                    decision = replace(decision, result=ScanResult.TOO_MANY, quantity=0)
                else:
                    line = replace(line, picked=line.picked + decision.quantity)
            outcome = ScanOutcome(decision, line) if decision.accepted \
                else self._refused(session, decision, line)
            self._log(session, code, outcome, pick_list_id=pick_list_id)
            uow.commit()
        return outcome

    @staticmethod
    def _refused(session: Session, decision: ScanDecision, line: LineView | None) -> ScanOutcome:
        title = product_title(session, decision.code.value) \
            if decision.result is ScanResult.NOT_IN_ORDER else None
        return ScanOutcome(decision, line, product_title=title)

    def log_event(self, text: str, result: str, detail: str = "", *,
                  order_id: int | None = None, pick_list_id: int | None = None) -> None:
        """Log a scan that did not count units (opening work, refused codes while idle)."""
        with self.database.unit_of_work() as uow:
            uow.session.add(self.log_entry(text, result, detail, order_id, pick_list_id))
            uow.commit()

    def _log(self, session: Session, code: ScannedCode, outcome: ScanOutcome, *,
             order_id: int | None = None, pick_list_id: int | None = None) -> None:
        detail = f"line {outcome.decision.line_key}" if outcome.decision.line_key else ""
        if outcome.accepted:
            detail += f" +{outcome.decision.quantity}"
        elif outcome.holder:
            detail = f"held by {outcome.holder}"
        session.add(self.log_entry(code.raw, outcome.result.value, detail.strip(), order_id,
                                pick_list_id))

    def log_entry(self, text: str, result: str, detail: str, order_id: int | None,
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
            key = product_key(line)
            before = by_product.get(key)
            by_product[key] = PutBack(title or line.title, line.ean, location or "",
                                      item.units + (before.quantity if before else 0))
        for put in by_product.values():
            session.add(self.log_entry(put.ean, "put_back", f"{put.quantity} x {put.title}",
                                    order_id, pick_list_id))
        return tuple(by_product.values())


def orders_in_pick_list(session: Session, pick_list_id: int) -> Sequence[int]:
    return session.scalars(
        select(PickListOrder.order_id).where(PickListOrder.pick_list_id == pick_list_id)
    ).all()
