"""indexes on pairs for reads of the dispatcher's runs that walked every pair: the hourly
stall check (the active pairs' rhythms read from the index alone; a pair's creation,
acceptances and resumption, so that it reads the pairs that started, resumed or held a session
in the last hours) and the erasure each minute (a pair's retention date; its status, retention
date and end)

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-04 20:30:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0024"
down_revision: str | None = "0023"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = (
    ("ix_pair_status_rhythm", ["status", "retain_until", "frequency", "interval"]),
    ("ix_pair_created_at", ["created_at"]),
    ("ix_pair_mentor_accepted_at", ["mentor_accepted_at"]),
    ("ix_pair_mentee_accepted_at", ["mentee_accepted_at"]),
    ("ix_pair_resumed_at", ["resumed_at"]),
    ("ix_pair_retain_until", ["retain_until"]),
    ("ix_pair_status_retain_until_ended_at", ["status", "retain_until", "ended_at"]),
)


def upgrade() -> None:
    for name, columns in INDEXES:
        op.create_index(name, "pair", columns)


def downgrade() -> None:
    for name, _ in INDEXES:
        op.drop_index(name, table_name="pair")
