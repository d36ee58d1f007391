"""records of bol.com the sync could not take, held with their reason and read again

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_quarantine",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("bol_id", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("first_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["marketplace_accounts.id"],
                                name=op.f("fk_sync_quarantine_account_id_marketplace_accounts")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_quarantine")),
        sa.UniqueConstraint("account_id", "kind", "bol_id", name="uq_sync_quarantine_record"),
    )
    with op.batch_alter_table("sync_quarantine", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_quarantine_account_id"), ["account_id"],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sync_quarantine", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_quarantine_account_id"))
    op.drop_table("sync_quarantine")
