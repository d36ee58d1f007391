"""Pick-list rules per account, and on every pick list who made it (by hand, a rule, the
default list) with the rule's id and name

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pick_list_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("due", sa.String(length=20), nullable=False),
        sa.Column("countries", sa.JSON(), nullable=False),
        sa.Column("carrier", sa.String(length=20), nullable=False),
        sa.Column("singles_only", sa.Boolean(), nullable=False),
        sa.Column("max_orders", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["marketplace_accounts.id"], ondelete="CASCADE",
                                name=op.f("fk_pick_list_rules_account_id_marketplace_accounts")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pick_list_rules")),
    )
    op.create_index(op.f("ix_pick_list_rules_account_id"), "pick_list_rules", ["account_id"])
    with op.batch_alter_table("pick_lists", schema=None) as batch_op:
        batch_op.add_column(sa.Column("origin", sa.String(length=20), nullable=False,
                                      server_default="hand"))
        batch_op.add_column(sa.Column("rule_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("rule_name", sa.String(length=80), nullable=True))
        batch_op.create_index(batch_op.f("ix_pick_lists_rule_id"), ["rule_id"])
        batch_op.create_foreign_key(batch_op.f("fk_pick_lists_rule_id_pick_list_rules"),
                                    "pick_list_rules", ["rule_id"], ["id"], ondelete="SET NULL")
    # Before rules, the sync put new orders on "the open list": those lists are the default
    # list now, so the sync keeps filling the one that is open.
    op.execute("UPDATE pick_lists SET origin = 'default' WHERE created_by = 'sync'")


def downgrade() -> None:
    with op.batch_alter_table("pick_lists", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_pick_lists_rule_id_pick_list_rules"),
                                 type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_pick_lists_rule_id"))
        batch_op.drop_column("rule_name")
        batch_op.drop_column("rule_id")
        batch_op.drop_column("origin")
    op.drop_index(op.f("ix_pick_list_rules_account_id"), table_name="pick_list_rules")
    op.drop_table("pick_list_rules")
