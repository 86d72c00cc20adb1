"""Journal entries and thanks: texts written by one person."""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, select

from storage.models import JournalEntry


def journal_of(*, session: Session, author_id: int, limit: int) -> list[JournalEntry]:
    """The author's latest entries, newest first."""
    return list(
        session.exec(
            select(JournalEntry)
            .where(JournalEntry.author_id == author_id)
            .order_by(JournalEntry.created_at.desc(), JournalEntry.id.desc())  # type: ignore[attr-defined,union-attr]
            .limit(limit)
        )
    )


def journal_size(*, session: Session, author_id: int) -> int:
    return session.exec(
        select(func.count()).select_from(JournalEntry).where(JournalEntry.author_id == author_id)
    ).one()
