"""programme health: when a pair was last resumed (a stall counts from then) and when a person
last acted (a command, a button, a form, a DM: what answers a reminder or a summary request)

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-03 03:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("pair", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("resumed_at", storage.types.UTCDateTime(timezone=True), nullable=True)
        )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("last_active_at", storage.types.UTCDateTime(timezone=True), nullable=True)
        )


def downgrade() -> None:
    # Plain ALTER TABLE … DROP COLUMN (SQLite 3.35+): a batch would copy the table, which the
    # foreign keys pointing at it forbid once rows exist.
    op.drop_column("person", "last_active_at")
    op.drop_column("pair", "resumed_at")
