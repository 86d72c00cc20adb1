"""meeting links: a pair's terms may carry where it meets (a checked http(s) URL), and so may
a proposal of new terms

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-03 03:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("pair", "terms_proposal")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("link", sa.String(length=500), nullable=True))


def downgrade() -> None:
    # Plain ALTER TABLE … DROP COLUMN (SQLite 3.35+): a batch would copy the table, which the
    # foreign keys of its rows forbid once pairs exist.
    for table in TABLES:
        op.drop_column(table, "link")
