"""Shipments sent to bol.com, their lines, and labels bought from bol.com."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import (
    JSON,
    ForeignKey,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from haydigo_desk.persistence.models.base import Base, utcnow

if TYPE_CHECKING:  # relationships are resolved by name in the registry
    from haydigo_desk.persistence.models.orders import OrderLine


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
