"""agreement, trial question and planned end of pairs

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 09:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INSTANT = storage.types.UTCDateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("pair", schema=None) as batch_op:
        batch_op.add_column(sa.Column("mentor_accepted_at", INSTANT, nullable=True))
        batch_op.add_column(sa.Column("mentee_accepted_at", INSTANT, nullable=True))
        batch_op.add_column(
            sa.Column("terms_version", sa.Integer(), nullable=False, server_default="1")
        )
        batch_op.add_column(
            sa.Column("trial_sessions", sa.Integer(), nullable=False, server_default="3")
        )
        batch_op.add_column(sa.Column("trial_asked_at", INSTANT, nullable=True))
        batch_op.add_column(sa.Column("mentor_trial", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("mentee_trial", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("planned_end", sa.Date(), nullable=True))
    # Pairs made before agreements existed were working already: both accepted, trial over.
    op.execute(
        "UPDATE pair SET mentor_accepted_at = created_at, mentee_accepted_at = created_at, "
        "trial_asked_at = created_at, mentor_trial = 'continue', mentee_trial = 'continue'"
    )
    with op.batch_alter_table("pair", schema=None) as batch_op:
        batch_op.alter_column("terms_version", server_default=None)
        batch_op.alter_column("trial_sessions", server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("pair", schema=None) as batch_op:
        for column in (
            "planned_end",
            "mentee_trial",
            "mentor_trial",
            "trial_asked_at",
            "trial_sessions",
            "terms_version",
            "mentee_accepted_at",
            "mentor_accepted_at",
        ):
            batch_op.drop_column(column)
