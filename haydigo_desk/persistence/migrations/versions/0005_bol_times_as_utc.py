"""bol's order times on SQLite: rewrite them as the UTC instant

Before the UtcDateTime column type, SQLite stored an aware time as its wall-clock digits and
dropped the offset, so bol's order times (written as Amsterdam time, +01:00 or +02:00) were kept
one or two hours off UTC. The order's own JSON from bol (raw_json) still has each time with its
offset: placed_at and the lines' bol_changed_at are recomputed from it. Rows without that JSON
keep their value (where it came from is unknown). PostgreSQL kept the offset: nothing to do.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# The text form SQLAlchemy's SQLite DateTime reads and writes.
_SQLITE_FORMAT = "%Y-%m-%d %H:%M:%S.%f"


def _utc_text(value: Any) -> str | None:
    """bol's ISO time as SQLite's UTC text; None for anything that is no time with an offset."""
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.utcoffset() is None:
        return None
    return moment.astimezone(UTC).strftime(_SQLITE_FORMAT)


def upgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name != "sqlite":
        return
    orders = connection.execute(
        sa.text("SELECT id, raw_json FROM orders WHERE raw_json IS NOT NULL")).all()
    for order_id, raw_text in orders:
        try:
            raw = json.loads(raw_text)
        except (TypeError, ValueError):
            continue
        if not isinstance(raw, dict):
            continue
        placed = _utc_text(raw.get("orderPlacedDateTime"))
        if placed is not None:
            connection.execute(sa.text("UPDATE orders SET placed_at = :t WHERE id = :id"),
                               {"t": placed, "id": order_id})
        items = raw.get("orderItems")
        for item in items if isinstance(items, list) else []:
            changed = _utc_text(item.get("latestChangedDateTime")) if isinstance(item, dict) else None
            if changed is not None:
                connection.execute(
                    sa.text("UPDATE order_lines SET bol_changed_at = :t "
                            "WHERE order_id = :id AND bol_order_item_id = :item"),
                    {"t": changed, "id": order_id, "item": str(item.get("orderItemId"))})


def downgrade() -> None:
    pass  # the UTC values are right for the older code too (it read SQLite's times as UTC)
