"""Retention: the content of ended pairs, erased once it has been kept long enough.

Every text of a pair goes (agenda, summaries, actions, goals and milestones, review answers,
thanks) with its members' private trial answers; the pair, its sessions' dates and statuses,
review rounds and the notifications' keys stay, so that cadence counts do not change.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, or_, update
from sqlmodel import Session, col, select

from storage.models import (
    ActionItem,
    AgendaItem,
    Goal,
    MeetingSession,
    Milestone,
    Pair,
    Review,
    ReviewAnswer,
    Thanks,
)
from storage.queries.pairs import ENDED


def pairs_due_for_erasure(
    *, session: Session, now: datetime, ended_before: datetime, limit: int
) -> list[int]:
    """Ended pairs whose content is still kept and due to go, oldest end first: at the date
    their members were told, or (ended before dates were recorded) if they ended before
    `ended_before`."""
    return list(
        session.exec(
            select(Pair.id)
            .where(Pair.status == ENDED, col(Pair.content_erased_at).is_(None))
            .where(
                or_(
                    col(Pair.retain_until) <= now,
                    col(Pair.retain_until).is_(None) & (col(Pair.ended_at) <= ended_before),
                )
            )
            .order_by(col(Pair.ended_at), col(Pair.id))
            .limit(limit)
        )
    )


def erase_pair_content(*, session: Session, pair_ids: list[int], now: datetime) -> None:
    """Erase every text of these pairs and mark them erased at `now`."""
    if not pair_ids:
        return
    goals = select(Goal.id).where(col(Goal.pair_id).in_(pair_ids))
    reviews = select(Review.id).where(col(Review.pair_id).in_(pair_ids))
    session.execute(delete(Milestone).where(col(Milestone.goal_id).in_(goals)))
    session.execute(delete(ReviewAnswer).where(col(ReviewAnswer.review_id).in_(reviews)))
    for model in (Goal, AgendaItem, ActionItem, Thanks):
        session.execute(delete(model).where(col(model.pair_id).in_(pair_ids)))  # type: ignore[attr-defined]
    session.execute(
        update(MeetingSession).where(col(MeetingSession.pair_id).in_(pair_ids)).values(summary=None)
    )
    session.execute(
        update(Pair)
        .where(col(Pair.id).in_(pair_ids))
        .values(mentor_trial=None, mentee_trial=None, content_erased_at=now)
    )
