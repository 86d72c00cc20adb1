"""api pauses: a 429's Retry-After, and who is calling a scope, shared by every process on
the database

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02 20:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "api_pause",
        sa.Column("scope", sa.String(length=255), nullable=False),
        sa.Column("until", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("busy_until", storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("scope"),
    )
    op.create_index(op.f("ix_api_pause_until"), "api_pause", ["until"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_api_pause_until"), table_name="api_pause")
    op.drop_table("api_pause")
