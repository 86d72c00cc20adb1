"""structured summaries: each free-text summary becomes decisions and notes, each item with
its author, as JSON in the same column; the actions stay `action_item` rows of the session

A summary the form wrote (`*Decisions*`, `*Actions*`, `*Notes*` blocks, in English or French)
keeps its decisions and notes; its action lines go when the session has its actions as rows
(the form created them), else they are kept as notes. Any other text becomes notes, one item
per line.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03 02:00:00
"""

import json
import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

HEADINGS = {
    "*Decisions*": "decisions",
    "*Décisions*": "decisions",
    "*Actions*": "actions",
    "*Notes*": "notes",
}
BULLET = re.compile(r"^\s*(?:[-*•·–]\s+)")


def lines_of(text: str) -> list[str]:
    lines = (BULLET.sub("", line).strip() for line in text.splitlines())
    return [line for line in lines if line]


def structured(text: str, has_actions: bool) -> dict[str, list[str]]:
    """Decisions and notes (texts) of a summary stored as free text."""
    blocks: dict[str, list[str]] = {"decisions": [], "actions": [], "notes": []}
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if first not in HEADINGS:
        return {"decisions": [], "notes": lines_of(text)}
    current = "notes"
    for line in text.splitlines():
        if line.strip() in HEADINGS:
            current = HEADINGS[line.strip()]
        elif line.strip():
            blocks[current].append(line)
    decisions, notes = (
        lines_of("\n".join(blocks["decisions"])),
        lines_of("\n".join(blocks["notes"])),
    )
    if not has_actions:
        notes = lines_of("\n".join(blocks["actions"])) + notes
    return {"decisions": decisions, "notes": notes}


def upgrade() -> None:
    connection = op.get_bind()
    rows = connection.execute(
        sa.text(
            "SELECT id, summary, summary_author_id, "
            "EXISTS (SELECT 1 FROM action_item WHERE action_item.session_id = meeting_session.id)"
            " FROM meeting_session WHERE summary IS NOT NULL"
        )
    ).all()
    for session_id, text, author_id, has_actions in rows:
        parts = structured(text, bool(has_actions))
        by = author_id or 0
        doc = {key: [{"text": item, "by": by} for item in parts[key]] for key in parts}
        connection.execute(
            sa.text("UPDATE meeting_session SET summary = :doc WHERE id = :id"),
            {"doc": json.dumps(doc, ensure_ascii=False), "id": session_id},
        )


def downgrade() -> None:
    """Back to text: the decisions and notes under their headings (the actions stay rows)."""
    connection = op.get_bind()
    rows = connection.execute(
        sa.text("SELECT id, summary FROM meeting_session WHERE summary IS NOT NULL")
    ).all()
    for session_id, stored in rows:
        doc = json.loads(stored)
        parts = [
            f"*{heading}*\n" + "\n".join(f"• {item['text']}" for item in doc.get(key, []))
            for heading, key in (("Decisions", "decisions"), ("Notes", "notes"))
            if doc.get(key)
        ]
        connection.execute(
            sa.text("UPDATE meeting_session SET summary = :text WHERE id = :id"),
            {"text": "\n\n".join(parts) or "-", "id": session_id},
        )
