"""Shipping labels bought from bol.com ("Verzenden via bol") and how an account ships

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("marketplace_accounts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("shipping_mode", sa.String(length=20), nullable=False,
                                      server_default="own_carrier"))
        batch_op.add_column(sa.Column("label_option_rule", sa.String(length=30),
                                      nullable=False, server_default="recommended"))
    op.create_table(
        "shipping_labels",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("shipment_id", sa.Integer(), nullable=True),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("offer_id", sa.String(length=64), nullable=False),
        sa.Column("label_type", sa.String(length=20), nullable=True),
        sa.Column("display_name", sa.String(length=200), nullable=True),
        sa.Column("price", sa.Numeric(precision=10, scale=2), nullable=True),
        sa.Column("handover_deadline", sa.DateTime(timezone=True), nullable=True),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("process_status_id", sa.String(length=64), nullable=True),
        sa.Column("bol_label_id", sa.String(length=64), nullable=True),
        sa.Column("transporter_code", sa.String(length=40), nullable=True),
        sa.Column("track_and_trace", sa.String(length=100), nullable=True),
        sa.Column("pdf", sa.LargeBinary(), nullable=True),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("workstation", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("bought_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("printed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["account_id"], ["marketplace_accounts.id"],
                                name=op.f("fk_shipping_labels_account_id_marketplace_accounts")),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"],
                                name=op.f("fk_shipping_labels_order_id_orders")),
        sa.ForeignKeyConstraint(["shipment_id"], ["shipments.id"],
                                name=op.f("fk_shipping_labels_shipment_id_shipments")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shipping_labels")),
    )
    with op.batch_alter_table("shipping_labels", schema=None) as batch_op:
        for column in ("account_id", "order_id", "shipment_id", "bol_label_id"):
            batch_op.create_index(batch_op.f(f"ix_shipping_labels_{column}"), [column],
                                  unique=False)


def downgrade() -> None:
    with op.batch_alter_table("shipping_labels", schema=None) as batch_op:
        for column in ("account_id", "order_id", "shipment_id", "bol_label_id"):
            batch_op.drop_index(batch_op.f(f"ix_shipping_labels_{column}"))
    op.drop_table("shipping_labels")
    with op.batch_alter_table("marketplace_accounts", schema=None) as batch_op:
        batch_op.drop_column("label_option_rule")
        batch_op.drop_column("shipping_mode")
