"""Pairs."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Session, col, or_, select

from storage.models import Pair

PENDING = "pending"  # waiting for both members to accept the agreement
ACTIVE = "active"
PAUSED = "paused"
ENDED = "ended"
CURRENT = (PENDING, ACTIVE, PAUSED)


def pairs_of(*, session: Session, person_id: int) -> list[Pair]:
    """The current (pending, active or paused) pairs of a person, either role, oldest first."""
    return list(
        session.exec(
            select(Pair)
            .where(col(Pair.status).in_(CURRENT))
            .where(or_(Pair.mentor_id == person_id, Pair.mentee_id == person_id))
            .order_by(col(Pair.id))
        )
    )


def active_pair_between(*, session: Session, first_id: int, second_id: int) -> Pair | None:
    """The current (pending, active or paused) pair of these two people, whatever their roles."""
    return session.exec(
        select(Pair)
        .where(col(Pair.status).in_(CURRENT))
        .where(
            or_(
                (Pair.mentor_id == first_id) & (Pair.mentee_id == second_id),
                (Pair.mentor_id == second_id) & (Pair.mentee_id == first_id),
            )
        )
    ).first()


def active_pairs(*, session: Session, platform: str | None = None) -> list[Pair]:
    query = select(Pair).where(col(Pair.status) == ACTIVE).order_by(col(Pair.id))
    if platform:
        query = query.where(Pair.platform == platform)
    return list(session.exec(query))


def pairs_to_extend(*, session: Session, horizon: datetime, limit: int) -> list[Pair]:
    """Active pairs whose sessions are not yet planned as far as `horizon`, those planned least
    far ahead first."""
    return list(
        session.exec(
            select(Pair)
            .where(Pair.status == ACTIVE)
            .where(or_(col(Pair.planned_until).is_(None), col(Pair.planned_until) < horizon))
            .order_by(col(Pair.planned_until).asc().nulls_first(), col(Pair.id))
            .limit(limit)
        )
    )


def latest_pair_between(*, session: Session, first_id: int, second_id: int) -> Pair | None:
    """The most recent pair of these two people, whatever its status and their roles."""
    return session.exec(
        select(Pair)
        .where(
            or_(
                (Pair.mentor_id == first_id) & (Pair.mentee_id == second_id),
                (Pair.mentor_id == second_id) & (Pair.mentee_id == first_id),
            )
        )
        .order_by(col(Pair.id).desc())
    ).first()


def paused_pairs(*, session: Session) -> list[Pair]:
    """Pairs on pause with a date to resume."""
    return list(
        session.exec(
            select(Pair)
            .where(col(Pair.status) == PAUSED)
            .where(col(Pair.paused_until).is_not(None))
        )
    )


def pairs_with_lapsed_trial(*, session: Session, asked_before: datetime) -> list[Pair]:
    """Current pairs asked the trial question before `asked_before`, their trial not settled."""
    return list(
        session.exec(
            select(Pair)
            .where(col(Pair.status).in_((ACTIVE, PAUSED)))
            .where(col(Pair.trial_asked_at) < asked_before)
            .where(col(Pair.trial_outcome).is_(None))
        )
    )


def pairs_ending_by(*, session: Session, day: date) -> list[Pair]:
    """Current pairs whose planned end is on or before `day` (a day in any zone: check each)."""
    return list(
        session.exec(
            select(Pair)
            .where(col(Pair.status).in_((ACTIVE, PAUSED)))
            .where(col(Pair.planned_end).is_not(None))
            .where(col(Pair.planned_end) <= day)
        )
    )


def all_pairs_of(*, session: Session, person_id: int) -> list[Pair]:
    """Every pair a person was ever in, newest first (their history)."""
    return list(
        session.exec(
            select(Pair)
            .where(or_(Pair.mentor_id == person_id, Pair.mentee_id == person_id))
            .order_by(col(Pair.id).desc())
        )
    )


def pairs_ended_since(*, session: Session, platform: str, since: datetime) -> list[Pair]:
    """A platform's pairs that ended at or after `since`, oldest first."""
    return list(
        session.exec(
            select(Pair)
            .where(Pair.platform == platform)
            .where(Pair.status == ENDED)
            .where(col(Pair.ended_at) >= since)
            .order_by(col(Pair.id))
        )
    )


def pairs_with_status(*, session: Session, platform: str, status: str) -> list[Pair]:
    """A platform's pairs in one status, oldest first."""
    return list(
        session.exec(
            select(Pair)
            .where(Pair.platform == platform)
            .where(Pair.status == status)
            .order_by(col(Pair.id))
        )
    )
