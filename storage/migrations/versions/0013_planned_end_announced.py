"""planned ends: the one announced; indexes for the tick's bounded reads of planned ends,
pauses ending and lapsed trial questions

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

INDEXES = (
    ("ix_pair_status_planned_end", ["status", "planned_end", "end_announced"]),
    ("ix_pair_status_paused_until", ["status", "paused_until"]),
    ("ix_pair_trial_outcome_trial_asked_at", ["trial_outcome", "trial_asked_at"]),
)


def upgrade() -> None:
    # Ends announced before this revision are owed again once: the notification's unique
    # (kind, recipient, subject) keeps that from sending anything twice.
    with op.batch_alter_table("pair", schema=None) as batch_op:
        batch_op.add_column(sa.Column("end_announced", sa.Date(), nullable=True))
    for name, columns in INDEXES:
        op.create_index(name, "pair", columns)


def downgrade() -> None:
    for name, _ in INDEXES:
        op.drop_index(name, table_name="pair")
    # Plain ALTER TABLE … DROP COLUMN (SQLite 3.35+): a batch would copy the table, which the
    # foreign keys of its sessions forbid once pairs exist.
    op.drop_column("pair", "end_announced")
