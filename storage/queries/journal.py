"""Journal entries and thanks: texts written by one person."""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, col, select

from storage.db import execute_core
from storage.models import JournalEntry
from storage.queries.slices import among


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
    return journal_sizes(session=session, author_ids={author_id}).get(author_id, 0)


def journal_sizes(*, session: Session, author_ids: set[int]) -> dict[int, int]:
    """How many entries each of these authors wrote (one query; absent: none)."""
    if not author_ids:
        return {}
    return dict(execute_core(session, _SIZES, {"ids": list(author_ids)}).all())


_AUTHOR = col(JournalEntry.author_id)
# Built once, with parameters: every reminder batch reads it.
_SIZES = select(_AUTHOR, func.count()).where(among(_AUTHOR, "ids")).group_by(_AUTHOR)
