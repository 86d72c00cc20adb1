"""api pauses keyed by a digest of the scope (which may name a person, a DM): the rows an older
version wrote with the scope itself are forgotten, paused or busy for seconds at most

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-03 10:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("DELETE FROM api_pause")


def downgrade() -> None:
    op.execute("DELETE FROM api_pause")
