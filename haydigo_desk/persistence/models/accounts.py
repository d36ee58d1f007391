"""Who sells and who works: bol.com seller accounts and the staff at the desk."""

from __future__ import annotations

from datetime import datetime, time
from typing import TYPE_CHECKING

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Integer,
    String,
    Time,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from haydigo_desk.persistence.models.base import Base, utcnow

if TYPE_CHECKING:  # relationships are resolved by name in the registry
    from haydigo_desk.persistence.models.catalog import ProductList, Store


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


class StaffMember(Base):
    """People at the desk; a badge barcode logs them in at the start of a shift."""

    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    badge_code: Mapped[str | None] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(20), default="picker")  # picker | manager
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
