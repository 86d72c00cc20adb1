"""Agenda items."""

from __future__ import annotations

from sqlmodel import Session, col, update

from storage.models import AgendaItem, MeetingSession
from storage.queries.holds import hold_row
from storage.queries.preload import rows_by


def agenda_of(*, session: Session, session_id: int) -> list[AgendaItem]:
    """A session's agenda, in the order the items were added."""
    return agendas_of(session=session, session_ids={session_id})[session_id]


def agendas_of(*, session: Session, session_ids: set[int]) -> dict[int, list[AgendaItem]]:
    """Each of these sessions' agenda (one query), in the order the items were added."""
    return rows_by(session, AgendaItem, AgendaItem.session_id, session_ids)


def hold_agenda(*, session: Session, session_id: int) -> None:
    """Make adds to this session's agenda take turns until the transaction ends, so that the
    agenda read after this sees every add committed before: both members adding at once, on
    any replica (one person's requests already take turns: `hold_person`). A write does it on
    both databases, as `hold_person` does: PostgreSQL locks the session's row, SQLite the
    database; the write changes nothing."""
    hold_row(
        session=session,
        model=MeetingSession,
        row_id=session_id,
        column=MeetingSession.duration_minutes,
    )


def carry_over(*, session: Session, from_session_id: int, to_session_id: int) -> None:
    """Move the open items of one session's agenda to another session."""
    session.execute(
        update(AgendaItem)
        .where(col(AgendaItem.session_id) == from_session_id, col(AgendaItem.done).is_(False))
        .values(session_id=to_session_id)
    )


def detach(*, session: Session, from_session_id: int) -> None:
    """Keep a session's open items with its pair, attached to no session, before it goes."""
    session.execute(
        update(AgendaItem)
        .where(col(AgendaItem.session_id) == from_session_id)
        .values(session_id=None)
    )


def adopt_detached(*, session: Session, pair_id: int, to_session_id: int) -> None:
    """Attach the pair's open items that belong to no session to `to_session_id`."""
    session.execute(
        update(AgendaItem)
        .where(col(AgendaItem.pair_id) == pair_id, col(AgendaItem.session_id).is_(None))
        .where(col(AgendaItem.done).is_(False))
        .values(session_id=to_session_id)
    )
