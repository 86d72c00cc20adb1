"""terms proposals of started pairs, and the trial's outcome

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 16:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INSTANT = storage.types.UTCDateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("pair", schema=None) as batch_op:
        batch_op.add_column(sa.Column("trial_outcome", sa.String(length=16), nullable=True))
    # Trials both members answered before outcomes existed are settled: stop > adjust > continue.
    op.execute(
        "UPDATE pair SET trial_outcome = CASE "
        "WHEN 'stop' IN (mentor_trial, mentee_trial) THEN 'stop' "
        "WHEN 'adjust' IN (mentor_trial, mentee_trial) THEN 'adjust' ELSE 'continue' END "
        "WHERE mentor_trial IS NOT NULL AND mentee_trial IS NOT NULL"
    )
    # Notices that told one member the other's trial answer, or a change made alone: never send.
    op.execute(
        "UPDATE notification SET status = 'dropped', outcome = 'no longer sent' "
        "WHERE status = 'pending' AND kind IN ('trial_adjust', 'terms_changed')"
    )
    op.create_table(
        "terms_proposal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pair_id", sa.Integer(), nullable=False),
        sa.Column("proposer_id", sa.Integer(), nullable=False),
        sa.Column("proposed_at", INSTANT, nullable=False),
        sa.Column("lapses_at", INSTANT, nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("answered_at", INSTANT, nullable=True),
        sa.Column("frequency", sa.String(length=16), nullable=False),
        sa.Column("interval", sa.Integer(), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("month_week", sa.Integer(), nullable=True),
        sa.Column("local_time", sa.Time(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("format", sa.String(length=16), nullable=False),
        sa.Column("trial_sessions", sa.Integer(), nullable=False),
        sa.Column("planned_end", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["pair_id"], ["pair.id"]),
        sa.ForeignKeyConstraint(["proposer_id"], ["person.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("terms_proposal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_terms_proposal_pair_id"), ["pair_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("terms_proposal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_terms_proposal_pair_id"))
    op.drop_table("terms_proposal")
    # Plain ALTER TABLE … DROP COLUMN (SQLite 3.35+): a batch would copy the table, which the
    # foreign keys of its sessions forbid once pairs exist.
    op.drop_column("pair", "trial_outcome")
