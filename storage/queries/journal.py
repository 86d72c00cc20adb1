"""Journal entries and thanks: texts written by one person."""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, col, select

from storage.models import JournalEntry


def journal_of(*, session: Session, author_id: int, limit: int) -> list[JournalEntry]:
    """The author's latest entries, newest first."""
    return list(
        session.exec(
            select(JournalEntry)
            .where(JournalEntry.author_id == author_id)
            .order_by(col(JournalEntry.created_at).desc(), col(JournalEntry.id).desc())
            .limit(limit)
        )
    )


def journal_size(*, session: Session, author_id: int) -> int:
    return session.exec(
        select(func.count()).select_from(JournalEntry).where(JournalEntry.author_id == author_id)
    ).one()
