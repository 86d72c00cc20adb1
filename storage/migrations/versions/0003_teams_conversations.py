"""conversation references (Teams proactive messages); room for Teams ids

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 09:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

import storage.types

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Teams user ids (`29:…`) and channel ids are longer than Slack's.
WIDENED = (
    ("person", "external_id", 64),
    ("notification", "recipient", 96),
    ("digestsubscription", "channel_id", 64),
)


def upgrade() -> None:
    op.create_table(
        "conversation_reference",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("address", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("conversation_id", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=True),
        sa.Column("service_url", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("tenant_id", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("updated_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("platform", "kind", "address"),
    )
    for table, column, before in WIDENED:
        with op.batch_alter_table(table) as batch_op:
            batch_op.alter_column(
                column,
                existing_type=sqlmodel.sql.sqltypes.AutoString(length=before),
                type_=sqlmodel.sql.sqltypes.AutoString(length=255),
                existing_nullable=False,
            )


def downgrade() -> None:
    for table, column, before in WIDENED:
        with op.batch_alter_table(table) as batch_op:
            batch_op.alter_column(
                column,
                existing_type=sqlmodel.sql.sqltypes.AutoString(length=255),
                type_=sqlmodel.sql.sqltypes.AutoString(length=before),
                existing_nullable=False,
            )
    op.drop_table("conversation_reference")
