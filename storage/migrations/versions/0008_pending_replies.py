"""pending replies: a DM reply kept aside until its author says which session it answers

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 16:45:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

import storage.types

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "pending_reply",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["author_id"], ["person.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token"),
    )
    with op.batch_alter_table("pending_reply", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pending_reply_author_id"), ["author_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_pending_reply_expires_at"), ["expires_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("pending_reply", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pending_reply_expires_at"))
        batch_op.drop_index(batch_op.f("ix_pending_reply_author_id"))
    op.drop_table("pending_reply")
