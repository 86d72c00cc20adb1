"""pending notifications by subject: skipping, moving or ending reads a range of this index
instead of every pending row

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-03 09:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PENDING_ROWS = "status = 'pending'"


def upgrade() -> None:
    op.create_index(
        "ix_notification_pending_subject",
        "notification",
        ["subject"],
        sqlite_where=sa.text(PENDING_ROWS),
        postgresql_where=sa.text(PENDING_ROWS),
        postgresql_ops={"subject": "text_pattern_ops"},
    )


def downgrade() -> None:
    op.drop_index("ix_notification_pending_subject", table_name="notification")
