"""api pauses without an index on `until`: the table holds only the scopes paused or being
called (a few rows), and every send wrote that index twice (its take and its give-back) for
no search it helped

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-03 21:30:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_api_pause_until", table_name="api_pause")


def downgrade() -> None:
    op.create_index("ix_api_pause_until", "api_pause", ["until"], unique=False)
