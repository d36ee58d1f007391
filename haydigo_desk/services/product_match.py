"""Find the product a scanned or typed code means: by EAN first, then by SKU (the reference)."""

from __future__ import annotations

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from haydigo_desk.domain.barcodes import BarcodeProblem, check_gtin, looks_like_gtin, normalise_gtin
from haydigo_desk.persistence.models import Product


def find_product(session: Session, product_list_id: int, code: str) -> Product | None:
    code = code.strip()
    if not code:
        return None
    in_list = select(Product).where(Product.product_list_id == product_list_id)
    if looks_like_gtin(code):
        found = session.scalars(
            in_list.where(Product.ean.in_({code, normalise_gtin(code)})).order_by(Product.id)
        ).first()
        if found is not None:
            return found
    exact = session.scalars(
        in_list.where(or_(Product.sku == code, Product.reference == code)).order_by(Product.id)
    ).first()
    if exact is not None:
        return exact
    # Typed SKUs often differ only in case ("sku-001" for "SKU-001").
    folded = code.casefold()
    return session.scalars(
        in_list.where(
            or_(func.lower(Product.sku) == folded, func.lower(Product.reference) == folded)
        ).order_by(Product.id)
    ).first()


def find_by_ean_or_sku(session: Session, product_list_id: int, ean: str,
                       sku: str) -> Product | None:
    """A line of an import file that names an EAN, a SKU or both: the EAN first."""
    product = find_product(session, product_list_id, ean) if ean else None
    if product is None and sku:
        product = find_product(session, product_list_id, sku)
    return product


def unknown_code_message(code: str) -> str:
    """Why ``code`` found nothing, worded for the person holding the scanner."""
    code = code.strip()
    if not code:
        return "Scan or type an EAN or SKU"
    check = check_gtin(code)
    if looks_like_gtin(code) and check.problem == BarcodeProblem.BAD_CHECK_DIGIT:
        return f"{code} is not a valid EAN: the check digit is wrong. Scan it again"
    return f"No product with EAN or SKU {code} in this product list"
