"""index orders by placement time for the all-orders view

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_orders_placed_at", "orders", ["placed_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_orders_placed_at", table_name="orders")
