"""Read side of the Orders screen: paged, filtered, sorted order rows and one order's detail.

Everything returns frozen dataclasses so the UI (and its loader thread) never holds ORM
objects. Queries are shaped for 100,000 orders / 300,000 lines:
- a page is one LIMIT/OFFSET query on ``orders`` only (the (status, placed_at) index serves the
  usual "one status, newest first" view), then one aggregate over the page's lines;
- search goes through the index of migration 0007 (``order_search.search_condition``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    and_,
    case,
    cast,
    func,
    or_,
    select,
)
from sqlalchemy.orm import Session

from haydigo_desk.domain import deadlines
from haydigo_desk.domain.lifecycle import Cancellation
from haydigo_desk.domain.states import OrderStatus, PickListStatus
from haydigo_desk.persistence.models import (
    Location,
    MarketplaceAccount,
    Order,
    OrderLine,
    OutboxEntry,
    PickList,
    PickListLine,
    Product,
    Shipment,
    ShipmentLine,
)
from haydigo_desk.services import order_search_postgres as postgres_search
from haydigo_desk.services.order_search import (
    MIN_CONTAINS_LENGTH,
    count_matches,
    search_condition,
)
from haydigo_desk.services.order_search_postgres import MatchCount
from haydigo_desk.services.transport_corrections import Correction, corrections_of

ALL_STATUSES = "all"


class OrderSortKey(StrEnum):
    PLACED = "placed"
    ORDER_ID = "order_id"
    CUSTOMER = "customer"
    CITY = "city"
    COUNTRY = "country"
    STATUS = "status"
    DEADLINE = "deadline"  # domain.deadlines: the exact delivery day, else the latest one


_SORT_COLUMNS = {
    OrderSortKey.PLACED: Order.placed_at,
    OrderSortKey.ORDER_ID: Order.bol_order_id,
    OrderSortKey.CUSTOMER: Order.customer_name,
    OrderSortKey.CITY: Order.city,
    OrderSortKey.COUNTRY: Order.country_code,
    OrderSortKey.STATUS: Order.status,
    OrderSortKey.DEADLINE: Order.deadline_date,
}
# Orders without a deadline come after those with one, in both directions.
_NULLS_LAST = frozenset({OrderSortKey.DEADLINE})
# What still has to leave the warehouse (the Today view lists these only).
OPEN_STATUSES = (OrderStatus.NEW, OrderStatus.PICKING, OrderStatus.PACKED, OrderStatus.PROBLEM)


@dataclass(frozen=True)
class OrderQuery:
    """What the user asked to see: a status (or all), a search text and a sort."""

    status: str = ALL_STATUSES
    search: str = ""
    sort: OrderSortKey = OrderSortKey.PLACED
    descending: bool = True
    account_id: int | None = None
    # The Today view at this moment: open orders that must leave on each account's working
    # day (its cut-off decides whether that is today or tomorrow), the late ones included.
    today_at: datetime | None = None

    def __post_init__(self) -> None:
        if self.status != ALL_STATUSES and self.status not in set(OrderStatus):
            raise ValueError(f"Unknown order status {self.status!r}")


@dataclass(frozen=True)
class OrderRow:
    id: int
    account_id: int
    bol_order_id: str
    status: str
    placed_at: datetime | None
    customer_name: str
    city: str
    country_code: str
    latest_delivery_date: date | None
    line_count: int
    units: int
    problem: str
    has_cancellation_request: bool
    has_unmatched: bool
    deadline_date: date | None = None
    expiry_date: date | None = None
    via_bol: bool = False
    cutoff_time: time | None = None  # the account's, for the deadline badge
    oversold: bool = False  # the stock cannot serve it (services.lifecycle.oversold)


@dataclass(frozen=True)
class OrderLineDetail:
    id: int
    bol_order_item_id: str
    ean: str
    sku: str
    title: str
    unit_price: Decimal | None
    quantity: int
    quantity_picked: int
    quantity_shipped: int
    quantity_cancelled: int
    cancellation_requested: bool
    unmatched: bool
    location: str
    latest_delivery_date: date | None = None
    exact_delivery_date: date | None = None
    expiry_date: date | None = None
    time_frame_type: str | None = None
    distribution_party: str | None = None

    @property
    def quantity_open(self) -> int:
        return max(self.quantity - self.quantity_shipped - self.quantity_cancelled, 0)


@dataclass(frozen=True)
class ShipmentDetail:
    """One shipment of an order as the detail pane shows it (state as bol.com answered)."""

    id: int
    transporter_code: str
    track_and_trace: str
    state: str  # a ShipmentState value
    error: str  # bol.com's message when it failed ("" otherwise)
    units: int
    created_at: datetime | None
    confirmed_at: datetime | None
    # The latest track & trace correction after shipping (waiting, sent, done or refused).
    correction: Correction | None = None


@dataclass(frozen=True)
class OrderDetail:
    id: int
    account_id: int
    bol_order_id: str
    status: str
    placed_at: datetime | None
    customer_name: str
    company: str
    street: str
    house_number: str
    house_number_extension: str
    extra_address_information: str
    zip_code: str
    city: str
    country_code: str
    email: str
    latest_delivery_date: date | None
    problem: str
    lines: tuple[OrderLineDetail, ...] = field(default_factory=tuple)
    deadline_date: date | None = None
    expiry_date: date | None = None
    via_bol: bool = False
    pickup_point: bool = False
    pickup_point_name: str | None = None
    cutoff_time: time | None = None
    pick_list_codes: tuple[str, ...] = field(default_factory=tuple)
    shipments: tuple[ShipmentDetail, ...] = field(default_factory=tuple)

    @property
    def address_lines(self) -> list[str]:
        """The delivery address as it goes on a label, empty parts left out."""
        number = " ".join(p for p in (self.house_number, self.house_number_extension) if p)
        lines = [self.customer_name, self.company, f"{self.street} {number}".strip(),
                 self.extra_address_information, f"{self.zip_code}  {self.city}".strip(),
                 self.country_code]
        return [line for line in lines if line]


def _filtered(query: Select, spec: OrderQuery, session: Session, *,
              for_page: bool = False) -> Select:
    if spec.status != ALL_STATUSES:
        query = query.where(Order.status == spec.status)
    if spec.account_id is not None:
        query = query.where(Order.account_id == spec.account_id)
    term = spec.search.strip()
    if term:
        query = query.where(search_condition(session, term, for_page=for_page))
    if spec.today_at is not None:
        query = query.where(today_condition(session, spec.today_at, spec.account_id))
    return query


def account_cutoffs(session: Session, account_ids=None) -> dict[int, time | None]:
    """Each account's daily cut-off (None: it has none)."""
    query = select(MarketplaceAccount.id, MarketplaceAccount.cutoff_time)
    if account_ids is not None:
        query = query.where(MarketplaceAccount.id.in_(list(account_ids)))
    return {account: cutoff for account, cutoff in session.execute(query)}


@dataclass(frozen=True)
class AccountDay:
    """One account's working day at a moment: what the Today view says about its cut-off."""

    account_id: int
    name: str
    cutoff: time | None
    after_cutoff: bool  # today's cut-off has passed: the working day is tomorrow
    working_day: date


def account_days(session: Session, now: datetime) -> list[AccountDay]:
    """Every enabled account's working day at ``now``, by name."""
    rows = session.execute(
        select(MarketplaceAccount.id, MarketplaceAccount.name, MarketplaceAccount.cutoff_time)
        .where(MarketplaceAccount.enabled.is_(True)).order_by(MarketplaceAccount.name))
    return [AccountDay(account_id, name, cutoff, deadlines.after_cutoff(now, cutoff),
                       deadlines.working_day(now, cutoff))
            for account_id, name, cutoff in rows]


def due_dates(session: Session, now: datetime,
              account_id: int | None = None) -> dict[int, date]:
    """Per account, the latest deadline of what must leave on its working day at ``now``."""
    cutoffs = account_cutoffs(session, None if account_id is None else [account_id])
    return {account: deadlines.due_by(now, cutoff) for account, cutoff in cutoffs.items()}


def today_condition(session: Session, now: datetime,
                    account_id: int | None = None) -> ColumnElement[bool]:
    """Open orders due on their account's working day at ``now`` (ix_orders_status_deadline
    serves each status's range); accounts sharing a cut-off share one range."""
    by_date: dict[date, list[int]] = {}
    for account, due in due_dates(session, now, account_id).items():
        by_date.setdefault(due, []).append(account)
    if not by_date:
        return Order.id.is_(None)  # no account: nothing is due
    ranges = [Order.deadline_date <= due if len(by_date) == 1
              else and_(Order.account_id.in_(accounts), Order.deadline_date <= due)
              for due, accounts in by_date.items()]
    return and_(Order.status.in_([s.value for s in OPEN_STATUSES]), or_(*ranges))


def count_orders(session: Session, spec: OrderQuery) -> int:
    term = spec.search.strip()
    if term and spec.status == ALL_STATUSES and spec.account_id is None and (
            spec.today_at is None):
        counted = count_matches(session, term)
        if counted is not None:
            return counted
    return session.scalar(_filtered(select(func.count(Order.id)), spec, session)) or 0


def count_matching(session: Session, spec: OrderQuery) -> MatchCount:
    """What the Orders screen shows above its list: ``count_orders``, except that on
    PostgreSQL the count of a broad search stops at a limit ("at least N")."""
    term = spec.search.strip()
    if term and session.get_bind().dialect.name == "postgresql":
        unfiltered = spec.status == ALL_STATUSES and spec.account_id is None \
            and spec.today_at is None
        filtered = None if unfiltered else _filtered(select(Order.id), spec, session)
        return postgres_search.count_matches(session, filtered, term,
                                             prefix=len(term) < MIN_CONTAINS_LENGTH)
    return MatchCount(count_orders(session, spec))


def list_orders(session: Session, spec: OrderQuery, offset: int = 0,
                limit: int = 200) -> list[OrderRow]:
    """One page of orders in the requested order (ties broken by id, so pages never overlap)."""
    column = _SORT_COLUMNS[spec.sort]
    ordering = [column.desc(), Order.id.desc()] if spec.descending else [column.asc(),
                                                                         Order.id.asc()]
    if spec.sort in _NULLS_LAST:
        ordering[0] = ordering[0].nulls_last()
    page_query = _filtered(
        select(Order.id, Order.account_id, Order.bol_order_id, Order.status, Order.placed_at,
               Order.customer_name, Order.city, Order.country_code,
               Order.latest_delivery_date, Order.problem, Order.deadline_date,
               Order.expiry_date, Order.via_bol, Order.oversold),
        spec, session, for_page=True,
    ).order_by(*ordering).offset(offset).limit(limit)
    orders = session.execute(page_query).all()
    if not orders:
        return []
    totals = {
        row.order_id: row
        for row in session.execute(
            select(
                OrderLine.order_id,
                func.count(OrderLine.id).label("lines"),
                func.coalesce(func.sum(OrderLine.quantity), 0).label("units"),
                func.max(case((OrderLine.cancellation == Cancellation.REQUESTED.value, 1),
                             else_=0)).label("cancel"),
                func.max(cast(OrderLine.unmatched, Integer)).label("unmatched"),
            )
            .where(OrderLine.order_id.in_([o.id for o in orders]))
            .group_by(OrderLine.order_id)
        )
    }
    cutoffs = account_cutoffs(session, {o.account_id for o in orders})
    rows = []
    for o in orders:
        t = totals.get(o.id)
        rows.append(OrderRow(
            id=o.id, account_id=o.account_id, bol_order_id=o.bol_order_id, status=o.status,
            placed_at=o.placed_at, customer_name=o.customer_name, city=o.city,
            country_code=o.country_code, latest_delivery_date=o.latest_delivery_date,
            line_count=t.lines if t else 0, units=int(t.units) if t else 0, problem=o.problem,
            has_cancellation_request=bool(t and t.cancel), has_unmatched=bool(t and t.unmatched),
            deadline_date=o.deadline_date, expiry_date=o.expiry_date, via_bol=bool(o.via_bol),
            cutoff_time=cutoffs.get(o.account_id),
            oversold=bool(o.oversold),
        ))
    return rows


def status_counts(session: Session, account_id: int | None = None) -> dict[str, int]:
    """Orders per status (every status present, zero when none), plus ``all``."""
    query = select(Order.status, func.count(Order.id)).group_by(Order.status)
    if account_id is not None:
        query = query.where(Order.account_id == account_id)
    counts = {status.value: 0 for status in OrderStatus}
    for status, count in session.execute(query):
        counts[status] = count
    counts[ALL_STATUSES] = sum(counts.values())
    return counts


def _order_shipments(session: Session, order_id: int) -> tuple[ShipmentDetail, ...]:
    """Every shipment of the order, oldest first, with units and bol.com's last message."""
    units = (select(func.coalesce(func.sum(ShipmentLine.quantity), 0))
             .where(ShipmentLine.shipment_id == Shipment.id).scalar_subquery())
    rows = session.execute(
        select(Shipment, units).where(Shipment.order_id == order_id).order_by(Shipment.id)
    ).all()
    if not rows:
        return ()
    # A failure may be kept on the outbox row only (the sender's last error), as shipping does.
    outbox_errors: dict[int, str] = {}
    for shipment_id, error in session.execute(
        select(OutboxEntry.shipment_id, OutboxEntry.last_error)
        .where(OutboxEntry.shipment_id.in_([s.id for s, _ in rows]))
        .order_by(OutboxEntry.id)
    ):
        outbox_errors[shipment_id] = error or ""  # the latest row wins
    corrections = corrections_of(session, [s.id for s, _ in rows])
    return tuple(
        ShipmentDetail(
            id=s.id, transporter_code=s.transporter_code, track_and_trace=s.track_and_trace or "",
            state=s.state, error=s.error or outbox_errors.get(s.id, ""), units=int(count),
            created_at=s.created_at, confirmed_at=s.confirmed_at,
            correction=corrections.get(s.id),
        )
        for s, count in rows
    )


def order_detail(session: Session, order_id: int) -> OrderDetail | None:
    order = session.get(Order, order_id)
    if order is None:
        return None
    line_rows = session.execute(
        select(OrderLine, Location.code)
        .outerjoin(Product, Product.id == OrderLine.product_id)
        .outerjoin(Location, Location.id == Product.location_id)
        .where(OrderLine.order_id == order_id)
        .order_by(OrderLine.id)
    ).all()
    lines = tuple(
        OrderLineDetail(
            id=line.id, bol_order_item_id=line.bol_order_item_id, ean=line.ean, sku=line.sku,
            title=line.title, unit_price=line.unit_price, quantity=line.quantity,
            quantity_picked=line.quantity_picked, quantity_shipped=line.quantity_shipped,
            quantity_cancelled=line.quantity_cancelled,
            cancellation_requested=line.cancellation_requested, unmatched=line.unmatched,
            location=code or "", latest_delivery_date=line.latest_delivery_date,
            exact_delivery_date=line.exact_delivery_date, expiry_date=line.expiry_date,
            time_frame_type=line.time_frame_type, distribution_party=line.distribution_party,
        )
        for line, code in line_rows
    )
    codes = session.scalars(
        select(PickList.code).distinct()
        .join(PickListLine, PickListLine.pick_list_id == PickList.id)
        .join(OrderLine, OrderLine.id == PickListLine.order_line_id)
        .where(OrderLine.order_id == order_id,
               PickList.status.in_([PickListStatus.OPEN, PickListStatus.IN_PROGRESS]))
        .order_by(PickList.code)
    ).all()
    return OrderDetail(
        id=order.id, account_id=order.account_id, bol_order_id=order.bol_order_id,
        status=order.status, placed_at=order.placed_at, customer_name=order.customer_name,
        company=order.company, street=order.street, house_number=order.house_number,
        house_number_extension=order.house_number_extension,
        extra_address_information=order.extra_address_information, zip_code=order.zip_code,
        city=order.city, country_code=order.country_code, email=order.email,
        latest_delivery_date=order.latest_delivery_date, problem=order.problem,
        lines=lines, pick_list_codes=tuple(codes),
        shipments=_order_shipments(session, order_id),
        deadline_date=order.deadline_date, expiry_date=order.expiry_date,
        via_bol=order.via_bol, pickup_point=order.pickup_point,
        pickup_point_name=order.pickup_point_name,
        cutoff_time=account_cutoffs(session, [order.account_id]).get(order.account_id),
    )
