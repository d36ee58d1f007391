"""Returns received at the desk: bol.com's parcels and their items (RMAs)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    JSON,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from haydigo_desk.persistence.models.base import Base, utcnow

if TYPE_CHECKING:  # relationships are resolved by name in the registry
    from haydigo_desk.persistence.models.catalog import Product


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
