"""Calendar feeds (a person's subscription token, hashed) and what a feed shows."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, delete, or_, select

from storage.models import CalendarFeed, MeetingSession, Pair
from storage.queries.slices import among


def feed_by_hash(*, session: Session, token_hash: str) -> CalendarFeed | None:
    return session.exec(select(CalendarFeed).where(CalendarFeed.token_hash == token_hash)).first()


def feed_of(*, session: Session, person_id: int) -> CalendarFeed | None:
    return session.exec(select(CalendarFeed).where(CalendarFeed.person_id == person_id)).first()


def revoke_feed(*, session: Session, person_id: int) -> int:
    """Delete the person's feed; how many rows went (0 or 1)."""
    result = session.exec(delete(CalendarFeed).where(col(CalendarFeed.person_id) == person_id))
    return int(result.rowcount or 0)


def store_feed(*, session: Session, person_id: int, token_hash: str, now: datetime) -> None:
    """The person's feed is now `token_hash` (any former one is revoked)."""
    revoke_feed(session=session, person_id=person_id)
    session.flush()
    session.add(CalendarFeed(person_id=person_id, token_hash=token_hash, created_at=now))
    session.flush()


def pairs_with_calendar(
    *, session: Session, person_id: int, statuses: tuple[str, ...]
) -> list[Pair]:
    """The person's pairs (either role) in one of `statuses`, oldest first."""
    return list(
        session.exec(
            select(Pair)
            .where(or_(Pair.mentor_id == person_id, Pair.mentee_id == person_id))
            .where(col(Pair.status).in_(statuses))
            .order_by(col(Pair.id))
        )
    )


def sessions_of_pairs(*, session: Session, pair_ids: list[int]) -> dict[int, list[MeetingSession]]:
    """Every stored session of `pair_ids`, by pair, in occurrence order."""
    found: dict[int, list[MeetingSession]] = {pair_id: [] for pair_id in pair_ids}
    if not pair_ids:
        return found
    rows = session.exec(
        select(MeetingSession)
        .where(among(col(MeetingSession.pair_id), pair_ids))
        .order_by(col(MeetingSession.occurrence))
    )
    for row in rows:
        found[row.pair_id].append(row)
    return found
