"""Orders as bol.com sent them, their lines, and the units a picker could not take."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from haydigo_desk.domain.lifecycle import Cancellation, LineCounts
from haydigo_desk.persistence.models.base import Base, utcnow

if TYPE_CHECKING:  # relationships are resolved by name in the registry
    from haydigo_desk.persistence.models.catalog import Product


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
