"""what bol.com sends about delivery: exact date, time frame, who delivers, pick-up point;
the order's deadline for the deadline sort; the account's daily cut-off

Revision ID: 0011
Revises: 0009
Create Date: 2026-12-02

Orders imported before this revision keep bol's answer in ``orders.raw_json``; their new columns
are filled from it here, so an old database sorts by deadline at once.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

# Frozen copies of the tables as this revision knows them (never the live models).
_orders = sa.table(
    "orders", sa.column("id", sa.Integer), sa.column("raw_json", sa.JSON),
    sa.column("latest_delivery_date", sa.Date), sa.column("deadline_date", sa.Date),
    sa.column("via_bol", sa.Boolean), sa.column("pickup_point", sa.Boolean),
    sa.column("pickup_point_name", sa.String))
_lines = sa.table(
    "order_lines", sa.column("id", sa.Integer), sa.column("order_id", sa.Integer),
    sa.column("bol_order_item_id", sa.String), sa.column("exact_delivery_date", sa.Date),
    sa.column("time_frame_type", sa.String), sa.column("distribution_party", sa.String))


def upgrade() -> None:
    # Plain ADD COLUMN, never a batch copy: recreating ``orders`` or ``order_lines`` on SQLite
    # would drop the search triggers of 0007.
    op.add_column("order_lines", sa.Column("exact_delivery_date", sa.Date(), nullable=True))
    op.add_column("order_lines", sa.Column("time_frame_type", sa.String(length=20),
                                           nullable=True))
    op.add_column("order_lines", sa.Column("distribution_party", sa.String(length=20),
                                           nullable=True))
    op.add_column("orders", sa.Column("deadline_date", sa.Date(), nullable=True))
    op.add_column("orders", sa.Column("via_bol", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    op.add_column("orders", sa.Column("pickup_point", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    op.add_column("orders", sa.Column("pickup_point_name", sa.String(length=200),
                                      nullable=True))
    op.add_column("marketplace_accounts", sa.Column("cutoff_time", sa.Time(), nullable=True))
    _fill_from_raw_json()
    op.create_index("ix_orders_deadline_date", "orders", ["deadline_date"])
    op.create_index("ix_orders_status_deadline", "orders", ["status", "deadline_date"])


def _date(value: object) -> object:
    import datetime as dt
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _fill_from_raw_json() -> None:
    """Old orders: bol's kept answer gives the new line columns and the order summaries; an
    order without one gets its deadline from the latest delivery date it already has."""
    bind = op.get_bind()
    lines_of: dict[int, dict[str, int]] = {}
    for line_id, order_id, item_id in bind.execute(
            sa.select(_lines.c.id, _lines.c.order_id, _lines.c.bol_order_item_id)):
        lines_of.setdefault(order_id, {})[item_id] = line_id
    line_updates, order_updates = [], []
    for order_id, raw, latest in bind.execute(
            sa.select(_orders.c.id, _orders.c.raw_json, _orders.c.latest_delivery_date)):
        raw = raw if isinstance(raw, dict) else {}
        deadlines, via_bol = [], False
        for item in raw.get("orderItems") or []:
            fulfilment = item.get("fulfilment") or {}
            exact = _date(fulfilment.get("exactDeliveryDate"))
            party = fulfilment.get("distributionParty")
            via_bol |= party == "BOL"
            deadline = exact or _date(fulfilment.get("latestDeliveryDate"))
            if deadline:
                deadlines.append(deadline)
            line_id = lines_of.get(order_id, {}).get(str(item.get("orderItemId")))
            if line_id is not None:
                line_updates.append({"line_id": line_id, "exact": exact,
                                     "frame": (fulfilment.get("timeFrameType") or None),
                                     "party": party})
        details = raw.get("shipmentDetails") or {}
        order_updates.append({
            "order_id": order_id, "deadline": min(deadlines) if deadlines else latest,
            "via_bol": via_bol, "pickup": bool(raw.get("pickupPoint")),
            "pickup_name": (details.get("pickupPointName") or None)})
    if line_updates:
        bind.execute(_lines.update().where(_lines.c.id == sa.bindparam("line_id")).values(
            exact_delivery_date=sa.bindparam("exact"), time_frame_type=sa.bindparam("frame"),
            distribution_party=sa.bindparam("party")), line_updates)
    if order_updates:
        bind.execute(_orders.update().where(_orders.c.id == sa.bindparam("order_id")).values(
            deadline_date=sa.bindparam("deadline"), via_bol=sa.bindparam("via_bol"),
            pickup_point=sa.bindparam("pickup"),
            pickup_point_name=sa.bindparam("pickup_name")), order_updates)


def downgrade() -> None:
    # DROP COLUMN in place (SQLite 3.35+), for the same reason as above.
    op.drop_index("ix_orders_status_deadline", table_name="orders")
    op.drop_index("ix_orders_deadline_date", table_name="orders")
    op.drop_column("marketplace_accounts", "cutoff_time")
    for column in ("pickup_point_name", "pickup_point", "via_bol", "deadline_date"):
        op.drop_column("orders", column)
    for column in ("distribution_party", "time_frame_type", "exact_delivery_date"):
        op.drop_column("order_lines", column)
