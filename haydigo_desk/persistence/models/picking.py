"""Pick lists (their orders and lines), the rules that fill them, and the audit of every scan
at a station."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from haydigo_desk.persistence.models.base import Base, utcnow

if TYPE_CHECKING:  # relationships are resolved by name in the registry
    from haydigo_desk.persistence.models.orders import Order, OrderLine


class PickListRule(Base):
    """One of an account's pick-list rules (domain.pick_list_rules), in the manager's order."""

    __tablename__ = "pick_list_rules"
    # Names are unique per account by validation (domain.pick_list_rules), not by a
    # constraint: a save that swaps two names would trip over it halfway.

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("marketplace_accounts.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(80))
    due: Mapped[str] = mapped_column(String(20), default="any")  # any | today | later
    countries: Mapped[list[str]] = mapped_column(JSON, default=list)  # empty: any
    carrier: Mapped[str] = mapped_column(String(20), default="any")  # any | via_bol | own_carrier
    singles_only: Mapped[bool] = mapped_column(Boolean, default=False)
    max_orders: Mapped[int] = mapped_column(Integer, default=50)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class PickList(Base):
    __tablename__ = "pick_lists"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)  # printed as a barcode
    status: Mapped[str] = mapped_column(String(20), default="open")
    account_id: Mapped[int | None] = mapped_column(ForeignKey("marketplace_accounts.id"))
    created_by: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    completed_at: Mapped[datetime | None]
    # Who made it (domain.pick_list_rules.ListOrigin): by hand, a rule, or the default list
    # the sync fills with the orders no rule takes. The rule's name is kept as text so the
    # list still says its rule after the rule is renamed or deleted.
    origin: Mapped[str] = mapped_column(String(20), default="hand", server_default="hand")
    rule_id: Mapped[int | None] = mapped_column(
        ForeignKey("pick_list_rules.id", ondelete="SET NULL"), index=True)
    rule_name: Mapped[str | None] = mapped_column(String(80))

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
