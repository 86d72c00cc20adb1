"""planned ends: the one announced, and an index to find those coming

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 20:15:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Ends announced before this revision are owed again once: the notification's unique
    # (kind, recipient, subject) keeps that from sending anything twice.
    with op.batch_alter_table("pair", schema=None) as batch_op:
        batch_op.add_column(sa.Column("end_announced", sa.Date(), nullable=True))
    op.create_index(
        "ix_pair_status_planned_end", "pair", ["status", "planned_end", "end_announced"]
    )


def downgrade() -> None:
    op.drop_index("ix_pair_status_planned_end", table_name="pair")
    with op.batch_alter_table("pair", schema=None) as batch_op:
        batch_op.drop_column("end_announced")
