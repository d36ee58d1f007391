"""short picks (the Can't-fulfil queue), units held out of picking, oversold orders

Revision ID: 0012
Revises: 0009
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "short_picks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_line_id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=True),
        sa.Column("units", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("reported_by", sa.String(length=100), nullable=False),
        sa.Column("workstation", sa.String(length=100), nullable=False),
        sa.Column("reported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("cancel_reason", sa.String(length=40), nullable=False),
        sa.Column("decided_by", sa.String(length=100), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("bol_message", sa.Text(), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["order_line_id"], ["order_lines.id"], ondelete="CASCADE",
                                name=op.f("fk_short_picks_order_line_id_order_lines")),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], ondelete="CASCADE",
                                name=op.f("fk_short_picks_order_id_orders")),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"],
                                name=op.f("fk_short_picks_product_id_products")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_short_picks")),
    )
    op.create_index("ix_short_picks_state", "short_picks", ["state"])
    op.create_index(op.f("ix_short_picks_order_line_id"), "short_picks", ["order_line_id"])
    op.create_index(op.f("ix_short_picks_order_id"), "short_picks", ["order_id"])
    op.create_index(op.f("ix_short_picks_product_id"), "short_picks", ["product_id"])
    # Plain ADD COLUMN, not a batch: recreating orders or order_lines on SQLite would drop
    # the order search triggers (0007) that live on them.
    op.add_column("order_lines", sa.Column("quantity_short", sa.Integer(), nullable=False,
                                           server_default="0"))
    op.add_column("orders", sa.Column("oversold", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))


def downgrade() -> None:
    op.drop_column("orders", "oversold")
    op.drop_column("order_lines", "quantity_short")
    op.drop_table("short_picks")
