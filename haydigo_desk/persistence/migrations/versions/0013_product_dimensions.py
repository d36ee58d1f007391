"""A product's weight (g) and dimensions (mm), to choose a mailbox or parcel label

Revision ID: 0013
Revises: 0009
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

COLUMNS = ("weight_g", "length_mm", "width_mm", "height_mm")


def upgrade() -> None:
    # Nullable and without a default: a product nobody measured is unknown, never 0.
    with op.batch_alter_table("products", schema=None) as batch_op:
        for name in COLUMNS:
            batch_op.add_column(sa.Column(name, sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("products", schema=None) as batch_op:
        for name in reversed(COLUMNS):
            batch_op.drop_column(name)
