"""Product list queries for the desk (paged, searchable) and the location of a product."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from haydigo_desk.domain.barcodes import normalise_gtin
from haydigo_desk.domain.dimensions import Dimensions
from haydigo_desk.persistence.models import Location, Product, ProductList

LOCATION_MAX = 40  # the width of locations.code


class ProductQueryError(ValueError):
    """Bad input for a product query or change; the message is meant for the user."""


@dataclass(frozen=True)
class ProductRow:
    id: int
    product_list_id: int
    ean: str
    sku: str
    title: str
    image_path: str | None
    location_code: str
    on_hand: int
    reserved: int
    bol_stock_amount: int | None
    offer_id: str | None
    dimensions: Dimensions = field(default_factory=Dimensions)

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved


@dataclass(frozen=True)
class ProductPage:
    rows: tuple[ProductRow, ...]
    total: int  # rows matching the search, over all pages
    offset: int
    limit: int

    @property
    def has_next(self) -> bool:
        return self.offset + len(self.rows) < self.total

    @property
    def has_previous(self) -> bool:
        return self.offset > 0


@dataclass(frozen=True)
class ProductListInfo:
    id: int
    name: str


def to_row(product: Product) -> ProductRow:
    return ProductRow(
        id=product.id,
        product_list_id=product.product_list_id,
        ean=product.ean or "",
        sku=product.sku or "",
        title=product.title or "",
        image_path=product.image_path,
        location_code=product.location.code if product.location else "",
        on_hand=product.on_hand,
        reserved=product.reserved,
        bol_stock_amount=product.bol_stock_amount,
        offer_id=product.offer_id,
        dimensions=dimensions_of(product),
    )


def dimensions_of(product: Product) -> Dimensions:
    return Dimensions(product.weight_g, product.length_mm, product.width_mm, product.height_mm)


def list_product_lists(session: Session) -> list[ProductListInfo]:
    lists = session.scalars(select(ProductList).order_by(ProductList.name))
    return [ProductListInfo(pl.id, pl.name) for pl in lists]


def _search_filter(search: str):
    term = search.strip()
    if not term:
        return None
    # Escape LIKE wildcards so "50%" or "A_1" mean what was typed.
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    pattern = f"%{escaped}%"
    conditions = [
        Product.ean.ilike(pattern, escape="\\"),
        Product.sku.ilike(pattern, escape="\\"),
        Product.title.ilike(pattern, escape="\\"),
        Location.code.ilike(pattern, escape="\\"),
    ]
    normalised = normalise_gtin(term)
    if normalised != term:  # a scanned UPC-A finds the EAN-13 stored for it
        conditions.append(Product.ean == normalised)
    return or_(*conditions)


def list_products(
    session: Session,
    *,
    product_list_id: int | None = None,
    search: str = "",
    offset: int = 0,
    limit: int = 200,
) -> ProductPage:
    """One page of products matching ``search`` (EAN, SKU, title or location), by title."""
    if limit <= 0 or offset < 0:
        raise ProductQueryError("A page needs a positive size and a non-negative start")
    query = select(Product).outerjoin(Location, Product.location_id == Location.id)
    if product_list_id is not None:
        query = query.where(Product.product_list_id == product_list_id)
    condition = _search_filter(search)
    if condition is not None:
        query = query.where(condition)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    products = session.scalars(
        query.order_by(func.lower(Product.title), Product.id).offset(offset).limit(limit)
    ).all()
    return ProductPage(tuple(to_row(p) for p in products), total, offset, limit)


def get_product(session: Session, product_id: int) -> ProductRow:
    return to_row(_product(session, product_id))


def _product(session: Session, product_id: int) -> Product:
    product = session.get(Product, product_id)
    if product is None:
        raise ProductQueryError(f"Product {product_id} no longer exists")
    return product


def normalise_location_code(code: str) -> str:
    """Codes are stored trimmed and upper-case so "a-03-2" and "A-03-2" are one shelf."""
    return " ".join(code.split()).upper()


def set_location(session: Session, product_id: int, code: str) -> ProductRow:
    """Put the product on the location ``code`` (created when new); empty clears it."""
    product = _product(session, product_id)
    normalised = normalise_location_code(code)
    if not normalised:
        product.location = None
        session.flush()
        return to_row(product)
    if len(normalised) > LOCATION_MAX:
        raise ProductQueryError(
            f"A location code has at most {LOCATION_MAX} characters, got {len(normalised)}"
        )
    location = session.scalars(select(Location).where(Location.code == normalised)).first()
    if location is None:
        location = Location(code=normalised)
        session.add(location)
    product.location = location
    session.flush()
    return to_row(product)
