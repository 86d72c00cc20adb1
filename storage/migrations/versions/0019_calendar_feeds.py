"""calendar feeds: a person's private subscription token (hashed), a pair's calendar sequence

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-03 03:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "calendar_feed",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("person_id"),
        sa.UniqueConstraint("token_hash"),
    )
    with op.batch_alter_table("pair") as batch:
        batch.add_column(
            sa.Column("calendar_sequence", sa.Integer(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    # Plain ALTER TABLE … DROP COLUMN (SQLite 3.35+): a batch would copy the table, which the
    # foreign keys of its rows forbid once pairs exist.
    op.drop_column("pair", "calendar_sequence")
    op.drop_table("calendar_feed")
