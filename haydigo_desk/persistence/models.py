"""SQLAlchemy 2 models: the desk's whole database schema.

Conventions: bol.com ids are text (they are alphanumeric or UUIDs); money is Numeric(10, 2);
every timestamp is timezone-aware UTC; enumerations are stored as short strings (constants
in haydigo_desk.domain.states) so that a new value never needs a schema change.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from decimal import Decimal

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Text,
    Time,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from haydigo_desk.domain.lifecycle import Cancellation, LineCounts
from haydigo_desk.persistence.types import UtcDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UtcDateTime}


class ProductList(Base):
    __tablename__ = "product_lists"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Store(Base):
    """A webshop; all its channels draw stock from one product list."""

    __tablename__ = "stores"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    product_list_id: Mapped[int] = mapped_column(ForeignKey("product_lists.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    product_list: Mapped[ProductList] = relationship()


class Location(Base):
    """A warehouse location such as "A-03-2"; pick lists walk them in natural order."""

    __tablename__ = "locations"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    description: Mapped[str] = mapped_column(String(200), default="")


class Product(Base):
    __tablename__ = "products"
    __table_args__ = (
        Index("ix_products_list_ean", "product_list_id", "ean"),
        Index("ix_products_list_sku", "product_list_id", "sku"),
        Index("ix_products_offer_id", "offer_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    product_list_id: Mapped[int] = mapped_column(ForeignKey("product_lists.id"))
    sku: Mapped[str] = mapped_column(String(100), default="")
    ean: Mapped[str] = mapped_column(String(20), default="")
    title: Mapped[str] = mapped_column(String(500), default="")
    image_url: Mapped[str | None] = mapped_column(String(1000))
    image_path: Mapped[str | None] = mapped_column(String(1000))
    image_checked_at: Mapped[datetime | None]
    location_id: Mapped[int | None] = mapped_column(ForeignKey("locations.id"))
    # Stock in the warehouse: available = on_hand - reserved (derived, never stored).
    on_hand: Mapped[int] = mapped_column(Integer, default=0)
    reserved: Mapped[int] = mapped_column(Integer, default=0)
    # The standard bol.com offer fields, as last imported.
    offer_id: Mapped[str | None] = mapped_column(String(64))
    reference: Mapped[str | None] = mapped_column(String(100))
    price: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))
    condition: Mapped[str | None] = mapped_column(String(40))
    fulfilment_method: Mapped[str | None] = mapped_column(String(10))
    delivery_code: Mapped[str | None] = mapped_column(String(40))
    on_hold: Mapped[bool] = mapped_column(Boolean, default=False)
    bol_stock_amount: Mapped[int | None] = mapped_column(Integer)
    bol_corrected_stock: Mapped[int | None] = mapped_column(Integer)
    bol_managed_by_retailer: Mapped[bool | None] = mapped_column(Boolean)
    bol_last_modified: Mapped[datetime | None]
    offer_raw: Mapped[dict | None] = mapped_column(JSON)
    # The available value bol.com last confirmed; a push is queued only when it differs.
    last_pushed_available: Mapped[int | None] = mapped_column(Integer)
    # One unit as measured at the desk (None: unknown), for the mailbox-or-parcel choice.
    weight_g: Mapped[int | None] = mapped_column(Integer)
    length_mm: Mapped[int | None] = mapped_column(Integer)
    width_mm: Mapped[int | None] = mapped_column(Integer)
    height_mm: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    location: Mapped[Location | None] = relationship()

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved


class StockMovement(Base):
    """Every change of on_hand or reserved, with who, why and from which channel."""

    __tablename__ = "stock_movements"

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(
        ForeignKey("products.id", ondelete="CASCADE"), index=True
    )
    on_hand_delta: Mapped[int] = mapped_column(Integer, default=0)
    reserved_delta: Mapped[int] = mapped_column(Integer, default=0)
    reason: Mapped[str] = mapped_column(String(200))
    channel: Mapped[str] = mapped_column(String(60), default="desk")
    user_name: Mapped[str] = mapped_column(String(100), default="")
    order_line_id: Mapped[int | None] = mapped_column(ForeignKey("order_lines.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class MarketplaceAccount(Base):
    """A bol.com seller account. The client secret lives in the OS keyring, never here."""

    __tablename__ = "marketplace_accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    marketplace: Mapped[str] = mapped_column(String(20), default="bol")
    client_id: Mapped[str] = mapped_column(String(200), default="")
    environment: Mapped[str] = mapped_column(String(20), default="production")
    base_url: Mapped[str | None] = mapped_column(String(500))
    token_url: Mapped[str | None] = mapped_column(String(500))
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"))
    product_list_id: Mapped[int] = mapped_column(ForeignKey("product_lists.id"))
    excluded_countries: Mapped[list[str]] = mapped_column(JSON, default=list)
    harvest_products: Mapped[bool] = mapped_column(Boolean, default=True)
    harvest_orders: Mapped[bool] = mapped_column(Boolean, default=False)
    sync_interval_minutes: Mapped[int] = mapped_column(Integer, default=10)
    # The local time of day after which nothing more leaves today (None: no cut-off).
    cutoff_time: Mapped[time | None] = mapped_column(Time)
    default_transporter: Mapped[str] = mapped_column(String(40), default="TNT")
    # Own carrier, via bol (a bought label) or as bol says per order: domain/shipping_mode.py.
    shipping_mode: Mapped[str] = mapped_column(String(20), default="own_carrier")
    # Which bol label to buy: domain/delivery_options.py's OptionRule.
    label_option_rule: Mapped[str] = mapped_column(String(30), default="recommended")
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    offers_synced_until: Mapped[datetime | None]
    last_full_order_sweep_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    store: Mapped[Store] = relationship()
    product_list: Mapped[ProductList] = relationship()


class Order(Base):
    __tablename__ = "orders"
    __table_args__ = (
        UniqueConstraint("account_id", "bol_order_id", name="uq_orders_account_bol_order"),
        Index("ix_orders_status_placed", "status", "placed_at"),
        Index("ix_orders_placed_at", "placed_at"),  # the "all orders" view, newest first
        Index("ix_orders_bol_order_id", "bol_order_id"),  # search: order ids by their start
        Index("ix_orders_deadline_date", "deadline_date"),  # the deadline sort, all statuses
        Index("ix_orders_status_deadline", "status", "deadline_date"),  # one status, Today
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("marketplace_accounts.id"))
    bol_order_id: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(20), default="new")
    placed_at: Mapped[datetime | None]
    customer_name: Mapped[str] = mapped_column(String(200), default="")
    company: Mapped[str] = mapped_column(String(200), default="")
    street: Mapped[str] = mapped_column(String(200), default="")
    house_number: Mapped[str] = mapped_column(String(20), default="")
    house_number_extension: Mapped[str] = mapped_column(String(20), default="")
    extra_address_information: Mapped[str] = mapped_column(String(200), default="")
    zip_code: Mapped[str] = mapped_column(String(20), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    country_code: Mapped[str] = mapped_column(String(2), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    language: Mapped[str] = mapped_column(String(10), default="")
    latest_delivery_date: Mapped[date | None] = mapped_column(Date)
    expiry_date: Mapped[date | None] = mapped_column(Date)
    # Summaries of the lines for the list (domain.deadlines owns the rule): the earliest
    # deadline (exact delivery date, else latest), and whether bol.com delivers any line.
    deadline_date: Mapped[date | None] = mapped_column(Date)
    via_bol: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # bol.com's pickupPoint flag and shipmentDetails.pickupPointName.
    pickup_point: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    pickup_point_name: Mapped[str | None] = mapped_column(String(200))
    problem: Mapped[str] = mapped_column(String(500), default="")
    # The stock cannot serve the order (domain.oversold): not to be picked until it can.
    oversold: Mapped[bool] = mapped_column(Boolean, default=False)
    raw_json: Mapped[dict | None] = mapped_column(JSON)
    # Which desk works on the order right now (multi-workstation claims).
    claimed_by: Mapped[str | None] = mapped_column(String(200))
    claimed_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    lines: Mapped[list[OrderLine]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderLine.id"
    )


class OrderLine(Base):
    __tablename__ = "order_lines"
    __table_args__ = (
        UniqueConstraint("order_id", "bol_order_item_id", name="uq_order_lines_order_item"),
        Index("ix_order_lines_bol_order_item_id", "bol_order_item_id"),
        Index("ix_order_lines_ean", "ean"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    bol_order_item_id: Mapped[str] = mapped_column(String(64))
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id"), index=True)
    ean: Mapped[str] = mapped_column(String(20), default="")
    sku: Mapped[str] = mapped_column(String(100), default="")
    title: Mapped[str] = mapped_column(String(500), default="")
    offer_id: Mapped[str | None] = mapped_column(String(64))
    unit_price: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    quantity_picked: Mapped[int] = mapped_column(Integer, default=0)
    quantity_shipped: Mapped[int] = mapped_column(Integer, default=0)
    quantity_cancelled: Mapped[int] = mapped_column(Integer, default=0)
    # Units of this line currently reserved in stock (so a release never releases twice).
    quantity_reserved: Mapped[int] = mapped_column(Integer, default=0)
    # Units held out of picking by active short picks (the Can't-fulfil queue).
    quantity_short: Mapped[int] = mapped_column(Integer, default=0)
    # Where a cancellation stands (domain.lifecycle.Cancellation): a request ends when answered.
    cancellation: Mapped[str] = mapped_column(String(20), default="none")
    unmatched: Mapped[bool] = mapped_column(Boolean, default=False)
    fulfilment_method: Mapped[str] = mapped_column(String(10), default="FBR")
    latest_delivery_date: Mapped[date | None] = mapped_column(Date)
    # bol.com sends an exact delivery date instead of a latest one when the customer chose it.
    exact_delivery_date: Mapped[date | None] = mapped_column(Date)
    time_frame_type: Mapped[str | None] = mapped_column(String(20))  # REGULAR, EVENING...
    distribution_party: Mapped[str | None] = mapped_column(String(20))  # RETAILER or BOL
    expiry_date: Mapped[date | None] = mapped_column(Date)
    bol_changed_at: Mapped[datetime | None]

    order: Mapped[Order] = relationship(back_populates="lines")
    product: Mapped[Product | None] = relationship()

    def counts(self, on_cart: int = 0) -> LineCounts:
        """The line's numbers as the lifecycle rules see them."""
        return LineCounts(self.quantity, self.quantity_picked, self.quantity_shipped,
                          self.quantity_cancelled, Cancellation(self.cancellation), on_cart,
                          self.quantity_short or 0)

    @property
    def quantity_open(self) -> int:
        """Units still to ship (none while a cancellation request waits for bol.com)."""
        return self.counts().open

    @property
    def cancellation_requested(self) -> bool:
        return self.cancellation == Cancellation.REQUESTED


class ShortPick(Base):
    """Units of an order line a picker could not take (not found, damaged): one row of the
    Can't-fulfil queue, with the manager's decision (domain.short_picks.ShortState)."""

    __tablename__ = "short_picks"
    __table_args__ = (Index("ix_short_picks_state", "state"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_line_id: Mapped[int] = mapped_column(
        ForeignKey("order_lines.id", ondelete="CASCADE"), index=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"),
                                          index=True)
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id"), index=True)
    units: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(20))  # not_found | damaged
    state: Mapped[str] = mapped_column(String(20), default="open")
    reported_by: Mapped[str] = mapped_column(String(100), default="")
    workstation: Mapped[str] = mapped_column(String(100), default="")
    reported_at: Mapped[datetime] = mapped_column(default=utcnow)
    cancel_reason: Mapped[str] = mapped_column(String(40), default="")  # bol's code
    decided_by: Mapped[str] = mapped_column(String(100), default="")
    decided_at: Mapped[datetime | None]
    bol_message: Mapped[str] = mapped_column(Text, default="")  # bol.com's refusal, kept
    ended_at: Mapped[datetime | None]


class PickList(Base):
    __tablename__ = "pick_lists"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)  # printed as a barcode
    status: Mapped[str] = mapped_column(String(20), default="open")
    account_id: Mapped[int | None] = mapped_column(ForeignKey("marketplace_accounts.id"))
    created_by: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    completed_at: Mapped[datetime | None]

    orders: Mapped[list[PickListOrder]] = relationship(
        back_populates="pick_list", cascade="all, delete-orphan", order_by="PickListOrder.position"
    )
    lines: Mapped[list[PickListLine]] = relationship(
        back_populates="pick_list", cascade="all, delete-orphan", order_by="PickListLine.id"
    )


class PickListOrder(Base):
    __tablename__ = "pick_list_orders"
    __table_args__ = (UniqueConstraint("pick_list_id", "order_id", name="uq_pick_list_orders"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pick_list_id: Mapped[int] = mapped_column(ForeignKey("pick_lists.id", ondelete="CASCADE"))
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    pick_list: Mapped[PickList] = relationship(back_populates="orders")
    order: Mapped[Order] = relationship()


class PickListLine(Base):
    """One order line to take from the shelf; quantity_picked counts batch-picked units."""

    __tablename__ = "pick_list_lines"
    __table_args__ = (
        UniqueConstraint("pick_list_id", "order_line_id", name="uq_pick_list_lines"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    pick_list_id: Mapped[int] = mapped_column(ForeignKey("pick_lists.id", ondelete="CASCADE"))
    order_line_id: Mapped[int] = mapped_column(
        ForeignKey("order_lines.id", ondelete="CASCADE"), index=True
    )
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    quantity_picked: Mapped[int] = mapped_column(Integer, default=0)

    pick_list: Mapped[PickList] = relationship(back_populates="lines")
    order_line: Mapped[OrderLine] = relationship()


class Shipment(Base):
    __tablename__ = "shipments"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    transporter_code: Mapped[str] = mapped_column(String(40))
    track_and_trace: Mapped[str | None] = mapped_column(String(100))
    shipment_reference: Mapped[str | None] = mapped_column(String(90))
    state: Mapped[str] = mapped_column(String(20), default="queued")
    bol_shipment_id: Mapped[str | None] = mapped_column(String(64))
    # bol's transport of the shipment: learnt from its shipment list when first needed.
    bol_transport_id: Mapped[str | None] = mapped_column(String(64))
    error: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(100), default="")
    workstation: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    confirmed_at: Mapped[datetime | None]

    lines: Mapped[list[ShipmentLine]] = relationship(
        back_populates="shipment", cascade="all, delete-orphan"
    )


class ShipmentLine(Base):
    __tablename__ = "shipment_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    shipment_id: Mapped[int] = mapped_column(ForeignKey("shipments.id", ondelete="CASCADE"))
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id"), index=True)
    quantity: Mapped[int] = mapped_column(Integer)

    shipment: Mapped[Shipment] = relationship(back_populates="lines")
    order_line: Mapped[OrderLine] = relationship()


class OutboxEntry(Base):
    """A write to bol.com: committed here first, then sent by the sync worker."""

    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_state_next", "state", "next_attempt_at"),
        Index("ix_outbox_coalesce_key", "coalesce_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("marketplace_accounts.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # shipment | cancellation | stock
    payload: Mapped[dict] = mapped_column(JSON)
    state: Mapped[str] = mapped_column(String(20), default="queued")
    # Stock updates for one offer coalesce: a newer value replaces a queued older one.
    coalesce_key: Mapped[str | None] = mapped_column(String(120))
    shipment_id: Mapped[int | None] = mapped_column(ForeignKey("shipments.id"))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None]
    process_status_id: Mapped[str | None] = mapped_column(String(64))
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]
    done_at: Mapped[datetime | None]


class SyncRun(Base):
    __tablename__ = "sync_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("marketplace_accounts.id"), index=True)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]
    duration_ms: Mapped[int] = mapped_column(Integer, default=0)
    outcome: Mapped[str] = mapped_column(String(20), default="running")  # ok|failed|skipped
    full_sweep: Mapped[bool] = mapped_column(Boolean, default=False)
    workstation: Mapped[str] = mapped_column(String(100), default="")
    orders_new: Mapped[int] = mapped_column(Integer, default=0)
    orders_updated: Mapped[int] = mapped_column(Integer, default=0)
    orders_filtered: Mapped[int] = mapped_column(Integer, default=0)
    cancellations: Mapped[int] = mapped_column(Integer, default=0)
    products_new: Mapped[int] = mapped_column(Integer, default=0)
    products_updated: Mapped[int] = mapped_column(Integer, default=0)
    stock_updates_sent: Mapped[int] = mapped_column(Integer, default=0)
    shipments_confirmed: Mapped[int] = mapped_column(Integer, default=0)
    shipments_failed: Mapped[int] = mapped_column(Integer, default=0)
    api_calls: Mapped[int] = mapped_column(Integer, default=0)
    rate_limited: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[list[str]] = mapped_column(JSON, default=list)
    message: Mapped[str] = mapped_column(Text, default="")


class QuarantinedRecord(Base):
    """A record of bol.com's the sync could not take (malformed, out of bounds): skipped with
    its reason, shown in the Sync log, read again every cycle until it imports."""

    __tablename__ = "sync_quarantine"
    __table_args__ = (
        UniqueConstraint("account_id", "kind", "bol_id", name="uq_sync_quarantine_record"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("marketplace_accounts.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # order | order_id (an id too odd to fetch)
    bol_id: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text, default="")
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    first_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)


class ScanLogEntry(Base):
    """Audit of every scan at a station: who scanned what, where, and what the desk said."""

    __tablename__ = "scan_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    workstation: Mapped[str] = mapped_column(String(100))
    user_name: Mapped[str] = mapped_column(String(100), default="")
    code: Mapped[str] = mapped_column(String(200))
    result: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(String(500), default="")
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"), index=True)
    pick_list_id: Mapped[int | None] = mapped_column(ForeignKey("pick_lists.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class StaffMember(Base):
    """People at the desk; a badge barcode logs them in at the start of a shift."""

    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    badge_code: Mapped[str | None] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(20), default="picker")  # picker | manager
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


# --- returns (bol.com returns received at the desk) ------------------------------------------


class BolReturn(Base):
    """A return as bol.com registered it (or as the desk registered it there): one parcel of
    one order, with the handling deadline the desk keeps an eye on."""

    __tablename__ = "returns"
    __table_args__ = (
        UniqueConstraint("account_id", "bol_return_id", name="uq_returns_account_bol_return"),
        Index("ix_returns_deadline", "handling_deadline"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("marketplace_accounts.id"), index=True)
    # None until bol.com confirmed a return the desk registered
    bol_return_id: Mapped[str | None] = mapped_column(String(64))
    bol_order_id: Mapped[str] = mapped_column(String(64), default="", index=True)
    # None when the desk never imported the order
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"), index=True)
    source: Mapped[str] = mapped_column(String(10), default="bol")  # bol | desk
    fulfilment_method: Mapped[str] = mapped_column(String(10), default="FBR")
    registered_at: Mapped[datetime]
    handling_deadline: Mapped[datetime]
    raw_json: Mapped[dict | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    lines: Mapped[list[ReturnLine]] = relationship(
        back_populates="bol_return", cascade="all, delete-orphan", order_by="ReturnLine.id")


class ReturnLine(Base):
    """One returned item (bol's RMA): what came back, why, and how the desk handled it."""

    __tablename__ = "return_lines"
    __table_args__ = (
        Index("ix_return_lines_rma_id", "rma_id"),
        Index("ix_return_lines_track_and_trace", "track_and_trace"),
        Index("ix_return_lines_ean", "ean"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    return_id: Mapped[int] = mapped_column(ForeignKey("returns.id", ondelete="CASCADE"),
                                           index=True)
    rma_id: Mapped[str | None] = mapped_column(String(32))  # None until bol.com confirmed
    order_line_id: Mapped[int | None] = mapped_column(ForeignKey("order_lines.id"))
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id"), index=True)
    ean: Mapped[str] = mapped_column(String(20), default="")
    title: Mapped[str] = mapped_column(String(500), default="")
    expected_quantity: Mapped[int] = mapped_column(Integer, default=1)
    main_reason: Mapped[str] = mapped_column(String(200), default="")
    detailed_reason: Mapped[str] = mapped_column(String(200), default="")
    customer_comments: Mapped[str] = mapped_column(Text, default="")
    track_and_trace: Mapped[str] = mapped_column(String(100), default="")
    transporter_name: Mapped[str] = mapped_column(String(100), default="")
    # domain.returns.ReturnLineState: open -> queued -> handled | failed (-> queued again)
    state: Mapped[str] = mapped_column(String(20), default="open")
    handling_result: Mapped[str] = mapped_column(String(40), default="")
    quantity_returned: Mapped[int] = mapped_column(Integer, default=0)
    # what happens to the units once bol.com confirmed: restock | write_off | none
    disposition: Mapped[str] = mapped_column(String(20), default="")
    location_code: Mapped[str] = mapped_column(String(40), default="")
    write_off_reason: Mapped[str] = mapped_column(String(200), default="")
    handled_by: Mapped[str] = mapped_column(String(100), default="")
    bol_message: Mapped[str] = mapped_column(Text, default="")  # bol.com's refusal, kept
    handled_at: Mapped[datetime | None]

    bol_return: Mapped[BolReturn] = relationship(back_populates="lines")
    product: Mapped[Product | None] = relationship()


class LabelPurchase(Base):
    """A shipping label bought from bol.com for one box of an order ("Verzenden via bol").

    One row per purchase, written before anything is asked of bol.com (its outbox row LABEL
    buys it); ``state``: queued → bought (bol's label id known) → ready (PDF stored) | failed |
    cancelled. The shipment it ships with is ``shipment_id``; its PDF is kept here so that
    every workstation can reprint it without buying again.
    """

    __tablename__ = "shipping_labels"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("marketplace_accounts.id"), index=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    shipment_id: Mapped[int | None] = mapped_column(ForeignKey("shipments.id"), index=True)
    items: Mapped[list[dict]] = mapped_column(JSON)  # [{"order_item_id", "quantity"}]
    offer_id: Mapped[str] = mapped_column(String(64))  # bol's shippingLabelOfferId
    label_type: Mapped[str | None] = mapped_column(String(20))
    display_name: Mapped[str | None] = mapped_column(String(200))
    price: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))  # excluding VAT
    handover_deadline: Mapped[datetime | None]
    state: Mapped[str] = mapped_column(String(20), default="queued")
    process_status_id: Mapped[str | None] = mapped_column(String(64))
    bol_label_id: Mapped[str | None] = mapped_column(String(64), index=True)
    transporter_code: Mapped[str | None] = mapped_column(String(40))
    track_and_trace: Mapped[str | None] = mapped_column(String(100))
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    error: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(100), default="")
    workstation: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    bought_at: Mapped[datetime | None]
    printed_at: Mapped[datetime | None]
