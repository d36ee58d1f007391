"""index orders for search: trigram FTS5 table and triggers on SQLite, pg_trgm on PostgreSQL

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02

Frozen DDL (a later change to the search needs a migration of its own). On SQLite a batch
migration that recreates ``orders`` or ``order_lines`` drops their triggers: such a migration
must create the ``order_search_*`` triggers below again.
"""

from __future__ import annotations

import logging

from alembic import op
from sqlalchemy.exc import DBAPIError

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

log = logging.getLogger(__name__)

# The SKUs of one order, joined by the unit separator (char 31), which no typed term contains.
_SKUS_OF = ("coalesce((SELECT group_concat(sku, char(31)) FROM order_lines "
            "WHERE order_id = {order_id}), '')")

_SQLITE_UPGRADE = [
    "CREATE VIRTUAL TABLE order_search USING fts5("
    "bol_order_id, customer_name, skus, tokenize = 'trigram case_sensitive 0')",
    "INSERT INTO order_search (rowid, bol_order_id, customer_name, skus) "
    f"SELECT o.id, o.bol_order_id, o.customer_name, {_SKUS_OF.format(order_id='o.id')} "
    "FROM orders AS o",
    "CREATE TRIGGER order_search_order_insert AFTER INSERT ON orders BEGIN "
    "INSERT INTO order_search (rowid, bol_order_id, customer_name, skus) "
    f"VALUES (new.id, new.bol_order_id, new.customer_name, {_SKUS_OF.format(order_id='new.id')});"
    " END",
    "CREATE TRIGGER order_search_order_update AFTER UPDATE OF bol_order_id, customer_name "
    "ON orders BEGIN "
    "UPDATE order_search SET bol_order_id = new.bol_order_id, "
    "customer_name = new.customer_name WHERE rowid = new.id; END",
    "CREATE TRIGGER order_search_order_delete AFTER DELETE ON orders BEGIN "
    "DELETE FROM order_search WHERE rowid = old.id; END",
    "CREATE TRIGGER order_search_line_insert AFTER INSERT ON order_lines BEGIN "
    f"UPDATE order_search SET skus = {_SKUS_OF.format(order_id='new.order_id')} "
    "WHERE rowid = new.order_id; END",
    "CREATE TRIGGER order_search_line_update AFTER UPDATE OF sku, order_id ON order_lines BEGIN "
    f"UPDATE order_search SET skus = {_SKUS_OF.format(order_id='old.order_id')} "
    "WHERE rowid = old.order_id; "
    f"UPDATE order_search SET skus = {_SKUS_OF.format(order_id='new.order_id')} "
    "WHERE rowid = new.order_id; END",
    "CREATE TRIGGER order_search_line_delete AFTER DELETE ON order_lines BEGIN "
    f"UPDATE order_search SET skus = {_SKUS_OF.format(order_id='old.order_id')} "
    "WHERE rowid = old.order_id; END",
]

_SQLITE_DOWNGRADE = [
    *(f"DROP TRIGGER IF EXISTS order_search_{name}" for name in (
        "order_insert", "order_update", "order_delete", "line_insert", "line_update",
        "line_delete")),
    "DROP TABLE IF EXISTS order_search",
]

# Expressions exactly as the search compares them (lower(column) LIKE '%term%').
_POSTGRES_TRIGRAM_INDEXES = [
    ("ix_orders_bol_order_id_trgm", "orders", "bol_order_id"),
    ("ix_orders_customer_name_trgm", "orders", "customer_name"),
    ("ix_order_lines_sku_trgm", "order_lines", "sku"),
]


def _postgres_upgrade() -> None:
    bind = op.get_bind()
    try:
        with bind.begin_nested():  # a savepoint: a refusal must not abort the whole upgrade
            bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DBAPIError as exc:
        log.warning(
            "PostgreSQL extension pg_trgm is not available (%s). Order search still finds "
            "the same orders but reads every order; install the server's contrib package and "
            "run CREATE EXTENSION pg_trgm, then the indexes of migration 0007.",
            str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__)
        return
    for name, table, column in _POSTGRES_TRIGRAM_INDEXES:
        bind.exec_driver_sql(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (lower({column}) "
            "gin_trgm_ops)")


def upgrade() -> None:
    # Short terms match the start of an order id: a plain index serves them.
    op.create_index("ix_orders_bol_order_id", "orders", ["bol_order_id"], unique=False)
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for statement in _SQLITE_UPGRADE:
            op.execute(statement)
    elif dialect == "postgresql":
        _postgres_upgrade()


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for statement in _SQLITE_DOWNGRADE:
            op.execute(statement)
    elif dialect == "postgresql":
        for name, _table, _column in _POSTGRES_TRIGRAM_INDEXES:
            op.execute(f"DROP INDEX IF EXISTS {name}")
    op.drop_index("ix_orders_bol_order_id", table_name="orders")
