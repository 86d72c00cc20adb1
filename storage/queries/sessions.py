"""Meeting sessions."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session, col, func, select

from storage.models import MeetingSession

PLANNED = "planned"
SKIPPED = "skipped"


def upcoming_sessions(
    *, session: Session, pair_id: int, now: datetime, limit: int = 1
) -> list[MeetingSession]:
    """The pair's planned sessions that start after `now`, soonest first."""
    return list(
        session.exec(
            select(MeetingSession)
            .where(MeetingSession.pair_id == pair_id)
            .where(MeetingSession.status == PLANNED)
            .where(MeetingSession.starts_at > now)
            .order_by(MeetingSession.starts_at)
            .limit(limit)
        )
    )


def next_session(*, session: Session, pair_id: int, now: datetime) -> MeetingSession | None:
    found = upcoming_sessions(session=session, pair_id=pair_id, now=now, limit=1)
    return found[0] if found else None


def past_sessions(
    *, session: Session, pair_id: int, now: datetime, since: datetime | None = None
) -> list[MeetingSession]:
    """The pair's sessions that have ended by `now` (skipped ones included), latest first."""
    rows = session.exec(
        select(MeetingSession)
        .where(MeetingSession.pair_id == pair_id)
        .where(MeetingSession.starts_at <= now)
        .order_by(MeetingSession.starts_at.desc())  # type: ignore[attr-defined]
    )
    return [
        row
        for row in rows
        if row.starts_at + timedelta(minutes=row.duration_minutes) <= now
        and (since is None or row.starts_at >= since)
    ]


def last_held_session(*, session: Session, pair_id: int, now: datetime) -> MeetingSession | None:
    """The latest session of the pair that has ended and was not skipped."""
    for row in past_sessions(session=session, pair_id=pair_id, now=now):
        if row.status == PLANNED:
            return row
    return None


def session_by_id(*, session: Session, session_id: int) -> MeetingSession | None:
    return session.get(MeetingSession, session_id)


def add_occurrences(*, session: Session, pair_id: int, starts: list[datetime], duration: int):
    """Store new sessions for these rhythm instants; return the ones created."""
    if not starts:
        return []
    existing = set(
        session.exec(
            select(MeetingSession.occurrence)
            .where(MeetingSession.pair_id == pair_id)
            .where(MeetingSession.occurrence.in_(starts))  # type: ignore[attr-defined]
        )
    )
    created = [
        MeetingSession(pair_id=pair_id, occurrence=s, starts_at=s, duration_minutes=duration)
        for s in starts
        if s not in existing
    ]
    session.add_all(created)
    session.flush()
    return created


def started_counts(*, session: Session, pair_ids: list[int], now: datetime) -> dict[int, int]:
    """How many not-skipped sessions of each pair have started by `now`."""
    if not pair_ids:
        return {}
    rows = session.exec(
        select(MeetingSession.pair_id, func.count())
        .where(MeetingSession.pair_id.in_(pair_ids))  # type: ignore[attr-defined]
        .where(MeetingSession.status == PLANNED)
        .where(MeetingSession.starts_at <= now)
        .group_by(MeetingSession.pair_id)
    )
    return {pair_id: count for pair_id, count in rows}


def sessions_after(*, session: Session, pair_id: int, after: datetime) -> list[MeetingSession]:
    """The pair's sessions starting after `after`, whatever their status, soonest first."""
    return list(
        session.exec(
            select(MeetingSession)
            .where(MeetingSession.pair_id == pair_id)
            .where(MeetingSession.starts_at > after)
            .order_by(col(MeetingSession.starts_at))
        )
    )


def session_ids_of(*, session: Session, pair_id: int) -> list[int]:
    return list(
        session.exec(select(col(MeetingSession.id)).where(MeetingSession.pair_id == pair_id))
    )
