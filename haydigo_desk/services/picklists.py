"""Pick lists: listing with counts, creating from orders, placing new orders by the account's
pick-list rules (services.picklist_rules; the default list takes what no rule takes).
No Qt; returns frozen DTOs. A list's status and its lines' counts are the lifecycle's
(services.lifecycle): open until a unit leaves the shelf, done once none of its lines needs
work; cancelled and shipped lines stay on the list and show as such.

Rules kept here (one place for the desk and the sync engine):
- an order goes on a list only while it is new or picking, has open units and is not already
  on an open or in-progress list;
- a pick list line asks for the order line's open quantity;
- a rule's orders go on its current open list while it has room below the rule's maximum,
  else on a new list of that rule; a list says who made it (by hand, a rule, the default);
- codes are "PL-" + a 6-digit sequence, unique in the database (a clash between two
  workstations is retried with the next number).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time

from sqlalchemy import case, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, defer, selectinload

from haydigo_desk.domain.lifecycle import Cancellation, LinePhase
from haydigo_desk.domain.pick_list_rules import DEFAULT_MAX_ORDERS, ListOrigin, PickListRule
from haydigo_desk.domain.sorting import natural_key
from haydigo_desk.domain.states import OrderStatus, PickListStatus
from haydigo_desk.persistence.models import (
    Location,
    MarketplaceAccount,
    Order,
    OrderLine,
    PickList,
    PickListLine,
    PickListOrder,
    Product,
    utcnow,
)
from haydigo_desk.services import lifecycle
from haydigo_desk.services.order_queries import OPEN_STATUSES, today_condition
from haydigo_desk.services.picklist_rules import group_by_rule

CODE_PREFIX = "PL-"
_CODE_RE = re.compile(r"^PL-(\d{6})$")
ACTIVE_STATUSES = (PickListStatus.OPEN.value, PickListStatus.IN_PROGRESS.value)
PICKABLE_ORDER_STATUSES = (OrderStatus.NEW.value, OrderStatus.PICKING.value)
OPEN_ORDER_STATUSES = tuple(status.value for status in OPEN_STATUSES)


class PickListError(ValueError):
    """A pick list action that cannot be done; the message is meant for the user."""


@dataclass(frozen=True)
class PickListSummary:
    id: int
    code: str
    status: str
    account_id: int | None
    created_by: str
    created_at: datetime
    completed_at: datetime | None
    orders: int
    lines: int
    units: int
    units_picked: int
    # Of its orders still to leave: the earliest deadline and expiry; whether bol.com
    # delivers any of its orders; the account's cut-off (for the badge).
    deadline_date: date | None = None
    expiry_date: date | None = None
    via_bol: bool = False
    cutoff_time: time | None = None
    origin: str = ListOrigin.HAND.value  # who made it: by hand, a rule, the default list
    rule_name: str | None = None  # the rule's name when it was made

    @property
    def progress(self) -> float:
        """Picked share of the units, 0.0 to 1.0."""
        return self.units_picked / self.units if self.units else 0.0


@dataclass(frozen=True)
class PickListOrderRow:
    order_id: int
    bol_order_id: str
    customer_name: str
    status: str
    position: int


@dataclass(frozen=True)
class PickListLineRow:
    id: int
    order_line_id: int
    bol_order_id: str
    location: str
    ean: str
    sku: str
    title: str
    quantity: int
    quantity_picked: int
    phase: LinePhase  # of the order line: open, picking, picked, shipped, cancelled...
    put_back: int = 0  # units off the shelf that must go back

    @property
    def needed(self) -> int:
        """Units of this line the list still asks for (shipped ones count as picked)."""
        if self.phase in (LinePhase.CANCELLED, LinePhase.CANCEL_REQUESTED):
            return 0
        return self.quantity


@dataclass(frozen=True)
class PickListDetail:
    summary: PickListSummary
    orders: tuple[PickListOrderRow, ...]
    lines: tuple[PickListLineRow, ...]  # walking order: natural sort of the location


@dataclass(frozen=True)
class CreateResult:
    pick_list: PickListSummary
    skipped: dict[str, str] = field(default_factory=dict)  # bol order id -> why


# --- reading --------------------------------------------------------------------------------


def _summaries(session: Session, where) -> list[PickListSummary]:
    order_counts = (
        select(PickListOrder.pick_list_id, func.count(PickListOrder.id).label("orders"))
        .group_by(PickListOrder.pick_list_id).subquery()
    )
    # Units the list asks for: cancelled ones drop out; shipped or boxed ones count as picked.
    wanted = OrderLine.quantity - OrderLine.quantity_cancelled
    needed = case((OrderLine.cancellation == Cancellation.REQUESTED.value, 0),
                  (PickListLine.quantity < wanted, PickListLine.quantity), else_=wanted)
    taken = case((PickListLine.quantity_picked > OrderLine.quantity_picked,
                  PickListLine.quantity_picked), else_=OrderLine.quantity_picked)
    done = case((taken < needed, taken), else_=needed)
    line_counts = (
        select(
            PickListLine.pick_list_id,
            func.count(PickListLine.id).label("lines"),
            func.coalesce(func.sum(needed), 0).label("units"),
            func.coalesce(func.sum(done), 0).label("picked"),
        )
        .join(OrderLine, OrderLine.id == PickListLine.order_line_id)
        .group_by(PickListLine.pick_list_id).subquery()
    )
    due = (
        select(PickListOrder.pick_list_id,
               func.min(case((Order.status.in_(OPEN_ORDER_STATUSES), Order.deadline_date)))
               .label("deadline"),
               func.min(case((Order.status.in_(OPEN_ORDER_STATUSES), Order.expiry_date)))
               .label("expiry"),
               func.max(case((Order.via_bol, 1), else_=0)).label("via_bol"))
        .join(Order, Order.id == PickListOrder.order_id)
        .group_by(PickListOrder.pick_list_id).subquery()
    )
    query = (
        select(PickList, order_counts.c.orders, line_counts.c.lines, line_counts.c.units,
               line_counts.c.picked, due.c.deadline, due.c.expiry, due.c.via_bol,
               MarketplaceAccount.cutoff_time)
        .outerjoin(order_counts, order_counts.c.pick_list_id == PickList.id)
        .outerjoin(line_counts, line_counts.c.pick_list_id == PickList.id)
        .outerjoin(due, due.c.pick_list_id == PickList.id)
        .outerjoin(MarketplaceAccount, MarketplaceAccount.id == PickList.account_id)
        .order_by(PickList.created_at.desc(), PickList.id.desc())
    )
    if where is not None:
        query = query.where(where)
    return [
        PickListSummary(
            id=p.id, code=p.code, status=p.status, account_id=p.account_id,
            created_by=p.created_by, created_at=p.created_at, completed_at=p.completed_at,
            orders=orders or 0, lines=lines or 0, units=int(units or 0),
            units_picked=int(picked or 0), deadline_date=_as_date(deadline),
            expiry_date=_as_date(expiry), via_bol=bool(via_bol), cutoff_time=cutoff,
            origin=p.origin, rule_name=p.rule_name,
        )
        for p, orders, lines, units, picked, deadline, expiry, via_bol, cutoff
        in session.execute(query)
    ]


def _as_date(value: object) -> date | None:
    """An aggregate of a date column (SQLite hands it back as text)."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def list_pick_lists(session: Session, status: str | None = None) -> list[PickListSummary]:
    """Newest first; ``status`` None means every status."""
    return _summaries(session, PickList.status == status if status else None)


def get_summary(session: Session, pick_list_id: int) -> PickListSummary:
    found = _summaries(session, PickList.id == pick_list_id)
    if not found:
        raise PickListError(f"Pick list {pick_list_id} does not exist")
    return found[0]


def status_counts(session: Session) -> dict[str, int]:
    counts = {status.value: 0 for status in PickListStatus}
    for status, count in session.execute(
        select(PickList.status, func.count(PickList.id)).group_by(PickList.status)
    ):
        counts[status] = count
    return counts


def pick_list_detail(session: Session, pick_list_id: int) -> PickListDetail:
    summary = get_summary(session, pick_list_id)
    orders = tuple(
        PickListOrderRow(order_id=o.id, bol_order_id=o.bol_order_id,
                         customer_name=o.customer_name, status=o.status, position=position)
        for o, position in session.execute(
            select(Order, PickListOrder.position)
            .join(PickListOrder, PickListOrder.order_id == Order.id)
            .where(PickListOrder.pick_list_id == pick_list_id)
            .order_by(PickListOrder.position, PickListOrder.id)
        )
    )
    found = session.execute(
        select(PickListLine, OrderLine, Order.bol_order_id, Location.code)
        .join(OrderLine, OrderLine.id == PickListLine.order_line_id)
        .join(Order, Order.id == OrderLine.order_id)
        .outerjoin(Product, Product.id == OrderLine.product_id)
        .outerjoin(Location, Location.id == Product.location_id)
        .where(PickListLine.pick_list_id == pick_list_id)
        .order_by(PickListLine.id)
    ).all()
    carts = lifecycle.cart_units(session, (line.id for _pl, line, _o, _c in found))
    rows = []
    for pl, line, bol_order_id, code in found:
        counts = lifecycle.counts_of(line, carts.get(line.id, 0))
        rows.append(PickListLineRow(
            id=pl.id, order_line_id=line.id, bol_order_id=bol_order_id, location=code or "",
            ean=line.ean, sku=line.sku, title=line.title, quantity=pl.quantity,
            quantity_picked=max(pl.quantity_picked, min(line.quantity_picked, pl.quantity)),
            phase=counts.phase, put_back=counts.put_back,
        ))
    # Stable sort: lines at one location keep the order they were added in.
    rows.sort(key=lambda row: natural_key(row.location))
    return PickListDetail(summary=summary, orders=orders, lines=tuple(rows))


# --- writing --------------------------------------------------------------------------------


def _orders_on_active_lists(session: Session, order_ids: Iterable[int]) -> dict[int, str]:
    """{order id: code of the open/in-progress list it is on}."""
    return {
        order_id: code
        for order_id, code in session.execute(
            select(PickListOrder.order_id, PickList.code)
            .join(PickList, PickList.id == PickListOrder.pick_list_id)
            .where(PickListOrder.order_id.in_(list(order_ids)),
                   PickList.status.in_(ACTIVE_STATUSES))
        )
    }


def _eligible(session: Session, order_ids: Sequence[int], *, skip_oversold: bool = False
              ) -> tuple[list[Order], dict[str, str]]:
    """Orders that may go on a new list (in the given order), and why the others may not.
    ``skip_oversold`` leaves off orders the stock cannot serve (a list made by hand; the
    sync's open list keeps them, or nothing would put them on a list once stock arrives)."""
    unique_ids = list(dict.fromkeys(order_ids))
    if skip_oversold:
        lifecycle.apply_pending_oversold(session)  # this transaction's stock changes count
    orders = {
        o.id: o for o in session.scalars(
            select(Order).where(Order.id.in_(unique_ids))
            .options(selectinload(Order.lines), defer(Order.raw_json)))
    }
    on_lists = _orders_on_active_lists(session, unique_ids)
    eligible: list[Order] = []
    skipped: dict[str, str] = {}
    for order_id in unique_ids:
        order = orders.get(order_id)
        if order is None:
            skipped[f"#{order_id}"] = "does not exist"
        elif order_id in on_lists:
            skipped[order.bol_order_id] = f"already on pick list {on_lists[order_id]}"
        elif order.status not in PICKABLE_ORDER_STATUSES:
            skipped[order.bol_order_id] = f"status is {order.status}"
        elif skip_oversold and order.oversold:
            skipped[order.bol_order_id] = "is oversold: the stock cannot serve it"
        elif not any(line.quantity_open for line in order.lines):
            skipped[order.bol_order_id] = "has nothing left to pick"
        else:
            eligible.append(order)
    return eligible, skipped


def _next_code(session: Session) -> str:
    highest = session.scalar(
        select(func.max(PickList.code)).where(PickList.code.like(f"{CODE_PREFIX}%"))
    )
    match = _CODE_RE.match(highest or "")
    return f"{CODE_PREFIX}{(int(match.group(1)) if match else 0) + 1:06d}"


def _new_pick_list(session: Session, account_id: int | None, created_by: str,
                   origin: ListOrigin = ListOrigin.HAND,
                   rule: PickListRule | None = None) -> PickList:
    """Insert an empty list with the next free code (retried if another desk took it)."""
    for _attempt in range(5):
        pick_list = lifecycle.new_pick_list(_next_code(session), account_id, created_by)
        pick_list.origin = origin.value
        pick_list.rule_id = rule.id if rule is not None else None
        pick_list.rule_name = rule.name if rule is not None else None
        try:
            with session.begin_nested():
                session.add(pick_list)
                session.flush()
            return pick_list
        except IntegrityError:
            continue
    raise PickListError("Could not allocate a pick list code; try again")


def _skipped_text(skipped: dict[str, str]) -> str:
    return "; ".join(f"{order} {why}" for order, why in skipped.items())


def create_pick_list(session: Session, order_ids: Sequence[int],
                     created_by: str = "") -> CreateResult:
    """A new open list with the eligible orders; raises PickListError when none is eligible."""
    if not order_ids:
        raise PickListError("Select one or more orders first")
    eligible, skipped = _eligible(session, order_ids, skip_oversold=True)
    if not eligible:
        raise PickListError(f"None of the selected orders can be picked: {_skipped_text(skipped)}")
    accounts = {order.account_id for order in eligible}
    pick_list = _new_pick_list(session, accounts.pop() if len(accounts) == 1 else None,
                               created_by)
    lifecycle.add_to_pick_list(session, pick_list, eligible)
    return CreateResult(get_summary(session, pick_list.id), skipped)


def _open_list_of(session: Session, account_id: int, rule: PickListRule | None
                  ) -> PickList | None:
    """The newest open list of the account that ``rule`` (None: the default) fills."""
    query = select(PickList).where(PickList.account_id == account_id,
                                   PickList.status == PickListStatus.OPEN)
    if rule is None:
        query = query.where(PickList.origin == ListOrigin.DEFAULT.value)
    else:
        query = query.where(PickList.origin == ListOrigin.RULE.value,
                            PickList.rule_id == rule.id)
    return session.scalars(query.order_by(PickList.id.desc()).limit(1)).first()


def _append(session: Session, account_id: int, rule: PickListRule | None,
            orders: Sequence[Order], max_orders: int, created_by: str) -> list[int]:
    """Put ``orders`` on the open list of ``rule`` while it has room, then on new ones."""
    current = _open_list_of(session, account_id, rule)
    origin = ListOrigin.DEFAULT if rule is None else ListOrigin.RULE
    touched: list[int] = []
    remaining = list(orders)
    while remaining:
        room = 0
        if current is not None:
            room = max_orders - (session.scalar(
                select(func.count(PickListOrder.id))
                .where(PickListOrder.pick_list_id == current.id)) or 0)
        if room <= 0:
            current = _new_pick_list(session, account_id, created_by, origin, rule)
            room = max_orders
        batch, remaining = remaining[:room], remaining[room:]
        lifecycle.add_to_pick_list(session, current, batch)
        touched.append(current.id)
        current = None
    return touched


def place_new_orders(session: Session, account_id: int, order_ids: Sequence[int],
                     now: datetime | None = None, created_by: str = "sync") -> list[int]:
    """The sync's adder: each newly imported order goes on the open list of the account's
    first rule that takes it (a new list of that rule when it is full or being picked), the
    rest on the default list, 50 a list. Returns the ids of the lists that got orders;
    orders that are not eligible (see module notes) are left off silently."""
    eligible, _skipped = _eligible(session, order_ids)
    touched: list[int] = []
    for group in group_by_rule(session, eligible, now or utcnow()):
        if group.account_id != account_id:
            continue  # another account's order: never on this account's lists
        size = group.rule.max_orders if group.rule is not None else DEFAULT_MAX_ORDERS
        touched += _append(session, account_id, group.rule, group.orders, size, created_by)
    return touched


def add_to_open_pick_list(session: Session, account_id: int, order_ids: Sequence[int],
                          max_orders: int = DEFAULT_MAX_ORDERS,
                          created_by: str = "sync") -> list[int]:
    """Put orders on the account's open default list, whatever the rules say (a new list
    when that one is full or already being picked). Returns the ids of the lists that got
    orders; orders that are not eligible are left off silently."""
    if max_orders < 1:
        raise ValueError("max_orders must be at least 1")
    eligible, _skipped = _eligible(session, order_ids)
    if not eligible:
        return []
    return _append(session, account_id, None, eligible, max_orders, created_by)


@dataclass(frozen=True)
class TodayPickLists:
    """What "pick lists for today" made: the new lists' codes, the orders put on them, and
    the orders due today that were on a list already (a second press makes no new lists)."""

    codes: tuple[str, ...]
    orders: int
    already_on_lists: int


def due_today_order_ids(session: Session, now: datetime) -> tuple[list[int], int]:
    """Orders due on their account's working day that may go on a list, by deadline (the
    earliest first); and how many due orders are on an open or in-progress list already."""
    rows = session.execute(
        select(Order.id, Order.account_id)
        .where(today_condition(session, now), Order.status.in_(PICKABLE_ORDER_STATUSES))
        .order_by(Order.deadline_date, Order.id)).all()
    on_lists = _orders_on_active_lists(session, [row.id for row in rows])
    return [row.id for row in rows if row.id not in on_lists], len(on_lists)


def make_today_pick_lists(session: Session, now: datetime, created_by: str = "",
                          max_orders: int = DEFAULT_MAX_ORDERS,
                          progress: Callable[[int, int], None] | None = None
                          ) -> TodayPickLists:
    """New lists of everything due today that is on no list yet: per account and pick-list
    rule (the rules' order; what no rule takes last, at most ``max_orders`` a list), each in
    deadline order, at most the rule's maximum a list. ``progress(done, total)`` hears of
    every order placed. The caller commits."""
    if max_orders < 1:
        raise ValueError("max_orders must be at least 1")
    order_ids, already = due_today_order_ids(session, now)
    eligible, _skipped = _eligible(session, order_ids)  # the same rule as every list
    codes, done = [], 0
    for group in group_by_rule(session, eligible, now):
        size = group.rule.max_orders if group.rule is not None else max_orders
        origin = ListOrigin.DEFAULT if group.rule is None else ListOrigin.RULE
        for start in range(0, len(group.orders), size):
            batch = group.orders[start:start + size]
            pick_list = _new_pick_list(session, group.account_id, created_by, origin,
                                       group.rule)
            lifecycle.add_to_pick_list(session, pick_list, batch)
            codes.append(pick_list.code)
            done += len(batch)
            if progress is not None:
                progress(done, len(eligible))
    return TodayPickLists(tuple(codes), done, already)
