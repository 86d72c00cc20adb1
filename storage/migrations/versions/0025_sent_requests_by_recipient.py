"""sent requests by recipient and send instant: the hourly check for silent members reads a
member's requests sent after their last activity from this index alone, instead of every
request ever sent to them from the table

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-06 03:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0025"
down_revision: str | None = "0024"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SENT_REQUEST_ROWS = "status = 'sent' AND kind IN ('reminder', 'summary_request', 'summary_nudge')"


def upgrade() -> None:
    op.create_index(
        "ix_notification_sent_requests",
        "notification",
        ["recipient", "sent_at", "subject", "due_at"],
        sqlite_where=sa.text(SENT_REQUEST_ROWS),
        postgresql_where=sa.text(SENT_REQUEST_ROWS),
    )


def downgrade() -> None:
    op.drop_index("ix_notification_sent_requests", table_name="notification")
