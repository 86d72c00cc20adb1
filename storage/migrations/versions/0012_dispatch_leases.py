"""dispatch leases: who holds a claimed notification and until when; failures that count

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 16:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

import storage.types

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("notification", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("claimed_by", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True)
        )
        batch_op.add_column(
            sa.Column("lease_until", storage.types.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(sa.Column("failures", sa.Integer(), nullable=False, server_default="0"))
    with op.batch_alter_table("notification", schema=None) as batch_op:
        batch_op.alter_column("failures", server_default=None)
    # Claims of the previous schema had no lease: they are released to the queue.
    op.execute("UPDATE notification SET status = 'pending' WHERE status = 'sending'")


def downgrade() -> None:
    with op.batch_alter_table("notification", schema=None) as batch_op:
        batch_op.drop_column("failures")
        batch_op.drop_column("lease_until")
        batch_op.drop_column("claimed_by")
