"""retention of ended pairs; no session after a pair's end

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 17:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INSTANT = storage.types.UTCDateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("pair", schema=None) as batch_op:
        batch_op.add_column(sa.Column("retain_until", INSTANT, nullable=True))
        batch_op.add_column(sa.Column("content_erased_at", INSTANT, nullable=True))
    # Pairs ended before this revision kept the sessions planned after their end: cancel them,
    # as ending a pair now does (their open agenda points stay with the pair).
    connection = op.get_bind()
    after_end = [
        row[0]
        for row in connection.execute(
            sa.text(
                "SELECT s.id FROM meeting_session s JOIN pair p ON p.id = s.pair_id "
                "WHERE p.status = 'ended' AND p.ended_at IS NOT NULL AND s.starts_at > p.ended_at"
            )
        )
    ]
    for session_id in after_end:
        parameters = {"id": session_id, "subject": f"session:{session_id}@%"}
        for statement in (
            "UPDATE agendaitem SET session_id = NULL WHERE session_id = :id",
            "UPDATE action_item SET session_id = NULL WHERE session_id = :id",
            "DELETE FROM notification WHERE status = 'pending' AND subject LIKE :subject",
            "DELETE FROM meeting_session WHERE id = :id",
        ):
            connection.execute(sa.text(statement), parameters)


def downgrade() -> None:
    # Plain ALTER TABLE … DROP COLUMN (SQLite 3.35+): a batch would copy the table, which the
    # foreign keys of its sessions forbid once pairs exist.
    op.drop_column("pair", "content_erased_at")
    op.drop_column("pair", "retain_until")
