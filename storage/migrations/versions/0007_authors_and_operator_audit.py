"""authors and operator audit: who wrote each action and milestone; operators' data requests

Erasure removes every sentence a person wrote, so every text needs its author. Existing actions
were written by their session's summary author (the summary form creates them), else by their
owner; existing milestones by their goal's author.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 16:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

AUTHORED = {
    "action_item": (
        "COALESCE((SELECT summary_author_id FROM meeting_session"
        " WHERE meeting_session.id = action_item.session_id), owner_id)"
    ),
    "goal_milestone": "(SELECT author_id FROM goal WHERE goal.id = goal_milestone.goal_id)",
}


def upgrade() -> None:
    for table, author in AUTHORED.items():
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column("author_id", sa.Integer(), nullable=True))
        op.execute(f"UPDATE {table} SET author_id = {author}")
        with op.batch_alter_table(table) as batch_op:
            batch_op.alter_column("author_id", existing_type=sa.Integer(), nullable=False)
            batch_op.create_foreign_key(
                f"fk_{table}_author_id_person", "person", ["author_id"], ["id"]
            )
    op.create_table(
        "operator_audit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("operator", sa.String(length=255), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("platform", sa.String(length=16), nullable=False),
        sa.Column("external_id", sa.String(length=255), nullable=True),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("operator_audit") as batch_op:
        batch_op.create_index(
            batch_op.f("ix_operator_audit_person_id"), ["person_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("operator_audit") as batch_op:
        batch_op.drop_index(batch_op.f("ix_operator_audit_person_id"))
    op.drop_table("operator_audit")
    for table in AUTHORED:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_constraint(f"fk_{table}_author_id_person", type_="foreignkey")
            batch_op.drop_column("author_id")
