"""Use cases of labels bought from bol.com ("Verzenden via bol"), for the station, the order
detail and the Sync log (no Qt).

The station asks ``label_plan`` whether an order ships via bol and which units go in the box,
asks bol.com (through the sync worker) for the delivery options, chooses with
``choose_label`` and buys with ``queue_label_purchase``: the shipment, the label's row and its
outbox row in one transaction; a second press while the shipment is live returns it (nothing is
bought twice). Reading back (``label_of_shipment``, ``labels_of_order``, ``label_pdf``) never
buys anything.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from haydigo_desk.bol import ShipmentLine
from haydigo_desk.bol.models_labels import DeliveryOption, HandoverDetails, LabelType
from haydigo_desk.domain.delivery_options import Choice, OptionRule, choose_option
from haydigo_desk.domain.parcel import Fit
from haydigo_desk.domain.shipping_mode import BOL_DISTRIBUTION_PARTY, ships_via_bol
from haydigo_desk.domain.states import LabelState, OutboxKind
from haydigo_desk.persistence.database import Database
from haydigo_desk.persistence.models import (
    LabelPurchase,
    MarketplaceAccount,
    Order,
    OutboxEntry,
    utcnow,
)
from haydigo_desk.services import lifecycle
from haydigo_desk.services.claims import StationIdentity
from haydigo_desk.services.label_options import label_option_of
from haydigo_desk.services.parcel_fit import order_parcel_fit
from haydigo_desk.services.shipping import (
    QueuedShipment,
    Refusal,
    ShipmentPlan,
    ShipmentRefused,
    open_or_plan,
    plan_in_session,
)

BOL_ZONE = ZoneInfo("Europe/Amsterdam")  # bol's dates (an offer's validUntilDate) are Dutch


@dataclass(frozen=True)
class LabelPlan:
    """Whether the order ships with a bol label, the units of the box, and the rule."""

    via_bol: bool
    account_id: int
    rule: OptionRule
    plan: ShipmentPlan
    # Whether the open units fit a mailbox parcel by the products' own weight and size
    # (services/parcel_fit.py); None when nothing is left to ship.
    parcel: Fit | None = None


@dataclass(frozen=True)
class ChosenLabel:
    """What the station shows and the packer buys: one delivery option and why."""

    option: DeliveryOption | None
    choice: Choice
    options: tuple[DeliveryOption, ...]

    @property
    def handover_deadline(self) -> datetime | None:
        handover = (self.option.handover_details if self.option else None) or HandoverDetails()
        return handover.latest_handover_date_time


@dataclass(frozen=True)
class LabelView:
    """A label as the desk shows it (no ORM row leaves the service)."""

    label_id: int
    shipment_id: int | None
    state: str
    transporter_code: str | None
    track_and_trace: str | None
    price: Decimal | None
    display_name: str | None
    error: str
    has_pdf: bool
    printed: bool = False  # printed (or saved) at least once


@dataclass(frozen=True)
class DayLabels:
    """Labels bought on one day (bol's date) and what they cost, excluding VAT."""

    day: date
    count: int
    cost: Decimal


def box_items(planned: LabelPlan) -> list[ShipmentLine]:
    """The order items (with quantities) of the box, as bol's label endpoints take them."""
    return [ShipmentLine(line.bol_order_item_id, line.quantity) for line in planned.plan.lines]


def meets_promise(option: DeliveryOption) -> bool:
    """Handed over in time, the label reaches the customer by the promise (no strike)."""
    return (option.handover_details or HandoverDetails()).meets_customer_expectation is True


def latest_handover(option: DeliveryOption) -> datetime | None:
    return (option.handover_details or HandoverDetails()).latest_handover_date_time


def euro(amount: Decimal | None) -> str:
    """A label price as sellers write it: "€ 4,15" (no amount: a dash)."""
    return "—" if amount is None else f"€ {amount:.2f}".replace(".", ",")


def bol_today(now: datetime | None = None) -> date:
    return (now or datetime.now(UTC)).astimezone(BOL_ZONE).date()


def label_plan(database: Database, order_id: int,
               distribution_party: str | None = None) -> LabelPlan:
    """Refuses what ``queue_shipment`` refuses (closed, nothing picked, put back first).

    ``distribution_party`` defaults to what bol.com said of the order at import
    (``orders.via_bol``: an item with distributionParty BOL)."""
    with database.unit_of_work() as uow:
        session = uow.session
        order = session.get(Order, order_id)
        if order is None:
            raise ShipmentRefused(Refusal.ORDER_NOT_FOUND, str(order_id))
        account = session.get(MarketplaceAccount, order.account_id)
        try:
            rule = OptionRule(account.label_option_rule)
        except ValueError:
            rule = OptionRule.RECOMMENDED
        if distribution_party is None:
            distribution_party = BOL_DISTRIBUTION_PARTY if order.via_bol else None
        fit = order_parcel_fit(session, order.id)
        return LabelPlan(ships_via_bol(account.shipping_mode, distribution_party),
                         order.account_id, rule, plan_in_session(session, order),
                         fit.fit if fit is not None else None)


def choose_label(options: Sequence[DeliveryOption], rule: OptionRule,
                 today: date | None = None, offer_id: str | None = None,
                 parcel: Fit | None = None) -> ChosenLabel:
    """The option the rule picks, or the one the packer picked (``offer_id``).

    When the products' own weight and size say the box is too big for a letterbox
    (``parcel``), the rule does not choose a mailbox label even if bol.com offers one; the
    packer still may. Unknown sizes leave bol's offer as it is."""
    options = tuple(options)
    candidates = options
    if parcel is Fit.TOO_BIG:
        candidates = tuple(o for o in options
                           if o.label_type not in (LabelType.MAILBOX, LabelType.MAILBOX_LIGHT))
        candidates = candidates or options  # only mailbox offered: bol's word stands
    choice = choose_option([label_option_of(o) for o in candidates], rule, today or bol_today())
    if offer_id is not None:
        picked = [o for o in options if o.shipping_label_offer_id == offer_id]
        if picked:
            choice = Choice(label_option_of(picked[0]), choice.reason)
    chosen = choice.option.offer_id if choice.option else None
    option = next((o for o in options if o.shipping_label_offer_id == chosen), None)
    return ChosenLabel(option, choice, options)


def queue_label_purchase(database: Database, order_id: int, option: DeliveryOption, *,
                         station: StationIdentity) -> QueuedShipment:
    """Buy the label of ``option`` for the picked units (through the outbox), or return the
    order's live shipment: a second press never buys a second label."""
    handover = option.handover_details or HandoverDetails()
    offer = lifecycle.LabelOffer(
        offer_id=option.shipping_label_offer_id,
        transporter_code=option.transporter_code or "OTHER",
        label_type=str(option.label_type) if option.label_type else None,
        display_name=option.label_display_name, price=option.total_price,
        handover_deadline=handover.latest_handover_date_time)
    with database.unit_of_work() as uow:
        session = uow.session
        order, existing, plan = open_or_plan(session, order_id)
        if existing is not None:
            return existing
        by_id = {line.id: line for line in order.lines}
        shipment, _label, entry = lifecycle.queue_label(
            session, order, [(by_id[p.order_line_id], p.quantity) for p in plan.lines], offer,
            created_by=station.user_name, workstation=station.workstation)
        uow.commit()
        return QueuedShipment(shipment.id, entry.id, order_id, shipment.state, False,
                              plan.partial)


def _view(row: LabelPurchase, has_pdf: bool) -> LabelView:
    return LabelView(row.id, row.shipment_id, row.state, row.transporter_code,
                     row.track_and_trace, row.price, row.display_name, row.error or "", has_pdf,
                     row.printed_at is not None)


def _with_pdf_flag(session: Session, query) -> list[LabelView]:
    rows = session.execute(query.add_columns(LabelPurchase.pdf.is_not(None))).all()
    return [_view(row, bool(has_pdf)) for row, has_pdf in rows]


def label_of_shipment(database: Database, shipment_id: int) -> LabelView | None:
    """The latest label bought for a shipment (None: it ships with the own carrier)."""
    with database.unit_of_work() as uow:
        found = _with_pdf_flag(uow.session, select(LabelPurchase).where(
            LabelPurchase.shipment_id == shipment_id).order_by(LabelPurchase.id.desc()).limit(1))
        return found[0] if found else None


def order_labels(session: Session, order_id: int) -> list[LabelView]:
    """Every label bought (or tried) for the order, oldest first (the order detail)."""
    return _with_pdf_flag(session, select(LabelPurchase).where(
        LabelPurchase.order_id == order_id).order_by(LabelPurchase.id))


def labels_of_order(database: Database, order_id: int) -> list[LabelView]:
    with database.unit_of_work() as uow:
        return order_labels(uow.session, order_id)


def stored_label(session: Session, label_id: int) -> tuple[bytes | None, str]:
    """The stored PDF and its order's bol id: a reprint, never a new purchase."""
    row = session.execute(select(LabelPurchase.pdf, Order.bol_order_id)
                          .join(Order, Order.id == LabelPurchase.order_id)
                          .where(LabelPurchase.id == label_id)).first()
    return (row.pdf, row.bol_order_id) if row is not None else (None, "")


def label_pdf(database: Database, label_id: int) -> bytes | None:
    """The stored PDF (to print it again: never a new purchase)."""
    with database.unit_of_work() as uow:
        return stored_label(uow.session, label_id)[0]


def label_for_reprint(database: Database, label_id: int) -> tuple[bytes | None, str]:
    """The stored PDF and its order's bol id (a reprint from the order detail)."""
    with database.unit_of_work() as uow:
        return stored_label(uow.session, label_id)


def mark_printed(database: Database, label_id: int) -> None:
    with database.unit_of_work() as uow:
        row = uow.session.get(LabelPurchase, label_id)
        if row is not None:
            row.printed_at = utcnow()
            uow.commit()


def labels_bought_on(database: Database, day: date | None = None) -> DayLabels:
    """How many labels were bought on ``day`` (bol's date, default today) and their cost."""
    with database.unit_of_work() as uow:
        return day_labels(uow.session, day)


def day_labels(session: Session, day: date | None = None) -> DayLabels:
    """``labels_bought_on`` inside the caller's transaction (the Sync log reads it so)."""
    day = day or bol_today()
    start = datetime(day.year, day.month, day.day, tzinfo=BOL_ZONE).astimezone(UTC)
    end = (datetime(day.year, day.month, day.day, tzinfo=BOL_ZONE) + timedelta(days=1)
           ).astimezone(UTC)
    count, cost = session.execute(
        select(func.count(LabelPurchase.id), func.coalesce(func.sum(LabelPurchase.price), 0))
        # Sold by bol.com (it has a label id), also when its PDF proved unusable.
        .where(LabelPurchase.bol_label_id.is_not(None), LabelPurchase.bought_at >= start,
               LabelPurchase.bought_at < end)).one()
    return DayLabels(day, int(count), Decimal(str(cost)).quantize(Decimal("0.01")))


@dataclass(frozen=True)
class BoughtLabel:
    """A shipment's label after its purchase: what to print, and the row that ships it."""

    label: LabelView | None
    pdf: bytes | None
    shipment_entry_id: int | None  # the outbox row posting the shipment (once READY)


def bought_label(database: Database, shipment_id: int) -> BoughtLabel:
    label = label_of_shipment(database, shipment_id)
    if label is None:
        return BoughtLabel(None, None, None)
    pdf = label_pdf(database, label.label_id) if label.has_pdf else None
    entry = None
    if label.state == LabelState.READY:
        with database.unit_of_work() as uow:
            entry = uow.session.scalar(
                select(OutboxEntry.id).where(OutboxEntry.shipment_id == shipment_id,
                                             OutboxEntry.kind == OutboxKind.SHIPMENT.value)
                .order_by(OutboxEntry.id.desc()))
    return BoughtLabel(label, pdf, entry)


def latest_entry(database: Database, shipment_id: int) -> tuple[int | None, bool]:
    """(the shipment's latest outbox row, whether it is a label purchase)."""
    with database.unit_of_work() as uow:
        row = uow.session.execute(
            select(OutboxEntry.id, OutboxEntry.kind).where(OutboxEntry.shipment_id == shipment_id)
            .order_by(OutboxEntry.id.desc()).limit(1)).first()
    if row is None:
        return None, False
    return row.id, row.kind == OutboxKind.LABEL.value


def no_label_for(database: Database, order_id: int, message: str) -> None:
    """bol.com offers no label for the box: the order shows the reason under Problem."""
    with database.unit_of_work() as uow:
        lifecycle.label_unavailable(uow.session, order_id, message)
        uow.commit()
