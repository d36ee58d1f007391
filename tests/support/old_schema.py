"""Rows written with plain SQL into a database at an older schema revision (migration tests)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, text


def insert_account(c: Connection, now: Any, excluded_countries: str = "[]") -> None:
    """Product list 1, store 1 and bol account 1, as every revision since 0001 has them."""
    c.execute(text("INSERT INTO product_lists (id, name, created_at) VALUES (1, 'Main', :t)"),
              {"t": now})
    c.execute(text("INSERT INTO stores (id, name, product_list_id, created_at) "
                   "VALUES (1, 'Shop', 1, :t)"), {"t": now})
    c.execute(text(
        "INSERT INTO marketplace_accounts (id, name, marketplace, client_id, environment, "
        "store_id, product_list_id, excluded_countries, harvest_products, harvest_orders, "
        "sync_interval_minutes, default_transporter, enabled, created_at) VALUES "
        "(1, 'bol NL', 'bol', 'cid', 'production', 1, 1, :countries, true, true, 10, 'TNT', "
        "true, :t)"), {"t": now, "countries": excluded_countries})
