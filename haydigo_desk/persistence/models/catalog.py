"""The catalogue and its stock: product lists, stores, locations, products, stock movements."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from haydigo_desk.persistence.models.base import Base, utcnow


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
