"""The order search index that migration 0007 builds beside the models' tables.

SQLite: an FTS5 table with the trigram tokenizer (one row per order, rowid = ``orders.id``: its
bol.com id, the customer's name and the SKUs of its lines), kept current by triggers on
``orders`` and ``order_lines``. PostgreSQL: pg_trgm GIN indexes on the lowered columns the
search compares. Neither can be declared as a model, so schema comparison (autogenerate, the
migration tests) must leave these objects alone: :func:`include_object` says which they are.
"""

from __future__ import annotations

from sqlalchemy import Connection, inspect

SQLITE_SEARCH_TABLE = "order_search"
# FTS5 keeps its data in shadow tables named after the virtual table.
_SQLITE_SHADOW_SUFFIXES = ("_data", "_idx", "_content", "_docsize", "_config")
POSTGRES_TRIGRAM_INDEXES = (
    "ix_orders_bol_order_id_trgm",
    "ix_orders_customer_name_trgm",
    "ix_order_lines_sku_trgm",
)
SKU_SEPARATOR = "\x1f"  # between a search row's SKUs: no typed term contains it


def _search_object_names() -> frozenset[str]:
    shadows = {SQLITE_SEARCH_TABLE + suffix for suffix in _SQLITE_SHADOW_SUFFIXES}
    return frozenset({SQLITE_SEARCH_TABLE, *shadows, *POSTGRES_TRIGRAM_INDEXES})


SEARCH_OBJECT_NAMES = _search_object_names()


def include_object(_object, name: str | None, type_: str, reflected: bool, _compare_to) -> bool:
    """Alembic's filter: the search index exists only in the database, never in the models."""
    return not (reflected and type_ in ("table", "index") and name in SEARCH_OBJECT_NAMES)


def has_sqlite_search_table(connection: Connection) -> bool:
    return inspect(connection).has_table(SQLITE_SEARCH_TABLE)
