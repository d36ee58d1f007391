"""order lines: a cancellation state instead of a "requested" flag that never ended

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("order_lines", schema=None) as batch_op:
        batch_op.add_column(sa.Column("cancellation", sa.String(length=20), nullable=False,
                                      server_default="none"))
    # A request the old flag still marked: answered when bol.com cancelled the units,
    # else still waiting for bol.com.
    op.execute(
        "UPDATE order_lines SET cancellation = CASE "
        "WHEN quantity_cancelled + quantity_shipped >= quantity THEN 'accepted' "
        "ELSE 'requested' END WHERE cancellation_requested"
    )
    with op.batch_alter_table("order_lines", schema=None) as batch_op:
        batch_op.alter_column("cancellation", server_default=None)
        batch_op.drop_column("cancellation_requested")


def downgrade() -> None:
    with op.batch_alter_table("order_lines", schema=None) as batch_op:
        batch_op.add_column(sa.Column("cancellation_requested", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    op.execute("UPDATE order_lines SET cancellation_requested = "
               "(cancellation IN ('requested', 'accepted'))")
    with op.batch_alter_table("order_lines", schema=None) as batch_op:
        batch_op.alter_column("cancellation_requested", server_default=None)
        batch_op.drop_column("cancellation")
