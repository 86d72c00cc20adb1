"""Loading the rows a batch of work reads by id, in a few queries."""

from __future__ import annotations

from sqlmodel import Session, SQLModel, col, select

from storage.models import MeetingSession, Pair, Person


def load_by_ids(
    *, session: Session, session_ids: set[int], pair_ids: set[int], person_ids: set[int]
) -> list[SQLModel]:
    """Load these sessions, pairs and people, the pairs of the sessions and the members of the
    pairs, into `session`: its `get` then finds them without a query while the caller keeps
    the returned list (the session holds loaded rows weakly)."""
    meetings = (
        list(session.exec(select(MeetingSession).where(col(MeetingSession.id).in_(session_ids))))
        if session_ids
        else []
    )
    pair_ids = pair_ids | {meeting.pair_id for meeting in meetings}
    pairs = list(session.exec(select(Pair).where(col(Pair.id).in_(pair_ids)))) if pair_ids else []
    person_ids = person_ids | {p.mentor_id for p in pairs} | {p.mentee_id for p in pairs}
    people = (
        list(session.exec(select(Person).where(col(Person.id).in_(person_ids))))
        if person_ids
        else []
    )
    return [*meetings, *pairs, *people]
