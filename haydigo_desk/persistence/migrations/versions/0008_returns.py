"""bol.com returns and their items, as received and handled at the desk

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "returns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("bol_return_id", sa.String(length=64), nullable=True),
        sa.Column("bol_order_id", sa.String(length=64), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=True),
        sa.Column("source", sa.String(length=10), nullable=False),
        sa.Column("fulfilment_method", sa.String(length=10), nullable=False),
        sa.Column("registered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("handling_deadline", sa.DateTime(timezone=True), nullable=False),
        sa.Column("raw_json", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["marketplace_accounts.id"],
                                name=op.f("fk_returns_account_id_marketplace_accounts")),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"],
                                name=op.f("fk_returns_order_id_orders")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_returns")),
        sa.UniqueConstraint("account_id", "bol_return_id", name="uq_returns_account_bol_return"),
    )
    with op.batch_alter_table("returns", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_returns_account_id"), ["account_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_returns_bol_order_id"), ["bol_order_id"],
                              unique=False)
        batch_op.create_index(batch_op.f("ix_returns_order_id"), ["order_id"], unique=False)
        batch_op.create_index("ix_returns_deadline", ["handling_deadline"], unique=False)
    op.create_table(
        "return_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("return_id", sa.Integer(), nullable=False),
        sa.Column("rma_id", sa.String(length=32), nullable=True),
        sa.Column("order_line_id", sa.Integer(), nullable=True),
        sa.Column("product_id", sa.Integer(), nullable=True),
        sa.Column("ean", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("expected_quantity", sa.Integer(), nullable=False),
        sa.Column("main_reason", sa.String(length=200), nullable=False),
        sa.Column("detailed_reason", sa.String(length=200), nullable=False),
        sa.Column("customer_comments", sa.Text(), nullable=False),
        sa.Column("track_and_trace", sa.String(length=100), nullable=False),
        sa.Column("transporter_name", sa.String(length=100), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("handling_result", sa.String(length=40), nullable=False),
        sa.Column("quantity_returned", sa.Integer(), nullable=False),
        sa.Column("disposition", sa.String(length=20), nullable=False),
        sa.Column("location_code", sa.String(length=40), nullable=False),
        sa.Column("write_off_reason", sa.String(length=200), nullable=False),
        sa.Column("handled_by", sa.String(length=100), nullable=False),
        sa.Column("bol_message", sa.Text(), nullable=False),
        sa.Column("handled_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["order_line_id"], ["order_lines.id"],
                                name=op.f("fk_return_lines_order_line_id_order_lines")),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"],
                                name=op.f("fk_return_lines_product_id_products")),
        sa.ForeignKeyConstraint(["return_id"], ["returns.id"], ondelete="CASCADE",
                                name=op.f("fk_return_lines_return_id_returns")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_return_lines")),
    )
    with op.batch_alter_table("return_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_return_lines_return_id"), ["return_id"],
                              unique=False)
        batch_op.create_index(batch_op.f("ix_return_lines_product_id"), ["product_id"],
                              unique=False)
        batch_op.create_index("ix_return_lines_rma_id", ["rma_id"], unique=False)
        batch_op.create_index("ix_return_lines_track_and_trace", ["track_and_trace"],
                              unique=False)
        batch_op.create_index("ix_return_lines_ean", ["ean"], unique=False)


def downgrade() -> None:
    op.drop_table("return_lines")
    op.drop_table("returns")
