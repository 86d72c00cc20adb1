"""scale indexes: the claim's (status, due_at), the planner's (status, planned_until), a pair's
sessions by start

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 17:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = (
    ("ix_notification_status_due_at", "notification", ["status", "due_at"]),
    ("ix_pair_status_planned_until", "pair", ["status", "planned_until"]),
    ("ix_meeting_session_pair_id_starts_at", "meeting_session", ["pair_id", "starts_at"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, table, _ in INDEXES:
        op.drop_index(name, table_name=table)
