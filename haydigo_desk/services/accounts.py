"""Marketplace accounts with their store and product list."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from haydigo_desk.domain.transporters import load_transporters, transporter_by_code
from haydigo_desk.persistence.models import MarketplaceAccount, ProductList, Store

ENVIRONMENTS = ("production", "demo", "custom")
# bol.com client ids are UUID-like; a space, a control character or a colon (it separates id
# and secret in the Basic credential) can only be a paste mistake. 200 is the column's width.
_CLIENT_ID = re.compile(r"[\x21-\x39\x3b-\x7e]{1,200}")


class AccountError(ValueError):
    """An account that must not be saved; ``field`` and ``code`` name the input and problem
    (for a form that shows its own translated text)."""

    def __init__(self, message: str, field_name: str = "", code: str = "") -> None:
        super().__init__(message)
        self.field = field_name
        self.code = code


def check_client_id(client_id: str) -> None:
    if not client_id.strip():
        raise AccountError("The client id is empty: copy it from the bol.com seller portal",
                           "client_id", "client_id_missing")
    if not _CLIENT_ID.fullmatch(client_id.strip()):
        raise AccountError(
            f"The client id {client_id.strip()[:60]!r} is not valid: use the id exactly as the "
            "bol.com seller portal shows it (letters, digits and dashes, no spaces or colons)",
            "client_id", "client_id_invalid")


def check_transporter(code: str) -> None:
    if transporter_by_code(code) is None:
        known = ", ".join(t.code for t in load_transporters())
        raise AccountError(f"Unknown transporter code {code!r}: use one of {known}",
                           "default_transporter", "transporter_unknown")


@dataclass(frozen=True)
class AccountSpec:
    """What a person fills in for an account (settings dialog or ``account add``)."""

    name: str
    client_id: str
    store_name: str
    product_list_name: str = ""
    environment: str = "production"
    base_url: str | None = None
    token_url: str | None = None
    excluded_countries: list[str] = field(default_factory=list)
    harvest_products: bool = True
    harvest_orders: bool = False
    sync_interval_minutes: int = 10
    default_transporter: str = "TNT"

    def validate(self) -> None:
        if not self.name.strip():
            raise AccountError("An account needs a name", "name", "name_missing")
        check_client_id(self.client_id)
        check_transporter(self.default_transporter)
        if self.environment not in ENVIRONMENTS:
            raise AccountError(f"Unknown environment {self.environment!r}")
        if self.environment == "custom" and not self.base_url:
            raise AccountError("A custom environment needs a base URL")
        for url in (self.base_url, self.token_url):
            if url and not url.startswith(("http://", "https://")):
                raise AccountError(f"{url!r} is not an http(s) URL")
        if not 1 <= self.sync_interval_minutes <= 60:
            raise AccountError("The sync interval is 1 to 60 minutes")
        for code in self.excluded_countries:
            if len(code) != 2 or not code.isalpha():
                raise AccountError(f"{code!r} is not a two-letter country code",
                                   "excluded_countries", "country_invalid")


def get_or_create_product_list(session: Session, name: str) -> ProductList:
    found = session.scalars(select(ProductList).where(ProductList.name == name)).first()
    if found is None:
        found = ProductList(name=name)
        session.add(found)
        session.flush()
    return found


def get_or_create_store(session: Session, name: str, product_list: ProductList) -> Store:
    found = session.scalars(select(Store).where(Store.name == name)).first()
    if found is None:
        found = Store(name=name, product_list_id=product_list.id)
        session.add(found)
        session.flush()
    return found


def save_account(session: Session, spec: AccountSpec) -> MarketplaceAccount:
    """Create the account, or update the one with this name."""
    spec.validate()
    product_list = get_or_create_product_list(
        session, spec.product_list_name.strip() or spec.store_name.strip()
    )
    store = get_or_create_store(session, spec.store_name.strip(), product_list)
    account = session.scalars(
        select(MarketplaceAccount).where(MarketplaceAccount.name == spec.name.strip())
    ).first()
    if account is None:
        account = MarketplaceAccount(name=spec.name.strip())
        session.add(account)
    account.client_id = spec.client_id.strip()
    account.environment = spec.environment
    account.base_url = spec.base_url
    account.token_url = spec.token_url
    account.store_id = store.id
    account.product_list_id = product_list.id
    account.excluded_countries = sorted({c.upper() for c in spec.excluded_countries})
    account.harvest_products = spec.harvest_products
    account.harvest_orders = spec.harvest_orders
    account.sync_interval_minutes = spec.sync_interval_minutes
    account.default_transporter = spec.default_transporter.strip().upper()
    session.flush()
    return account


def find_account(session: Session, name: str | None = None) -> MarketplaceAccount | None:
    query = select(MarketplaceAccount).order_by(MarketplaceAccount.id)
    if name:
        query = query.where(MarketplaceAccount.name == name)
    return session.scalars(query).first()


def list_accounts(session: Session) -> list[MarketplaceAccount]:
    return list(session.scalars(select(MarketplaceAccount).order_by(MarketplaceAccount.name)))
