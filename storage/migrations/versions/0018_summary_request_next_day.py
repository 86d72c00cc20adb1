"""next-day summary requests: the request a day after a session (to the mentor) is a kind of
its own, which waits for the recipient's morning; the pending ones planned before become it

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-03 03:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Of a session's two requests, the later one is the mentor's (the mentee's goes as it ends).
LATER = sa.text(
    "UPDATE notification SET kind = :new WHERE kind = :old AND status = 'pending' AND EXISTS "
    "(SELECT 1 FROM notification AS earlier WHERE earlier.kind = :old "
    "AND earlier.subject = notification.subject AND earlier.due_at < notification.due_at)"
)


def upgrade() -> None:
    op.get_bind().execute(LATER.bindparams(old="summary_request", new="summary_request_next_day"))


def downgrade() -> None:
    op.get_bind().execute(
        sa.text("UPDATE notification SET kind = :old WHERE kind = :new").bindparams(
            old="summary_request", new="summary_request_next_day"
        )
    )
