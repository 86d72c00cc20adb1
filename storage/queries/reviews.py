"""Review rounds and their answers."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from storage.models import Review, ReviewAnswer
from storage.queries.slices import among, in_slices


def open_review(*, session: Session, pair_id: int, since: datetime) -> Review | None:
    """The pair's round opened after `since` and still waiting for an answer, if any."""
    return session.exec(
        select(Review)
        .where(col(Review.pair_id) == pair_id, col(Review.closed_at).is_(None))
        .where(col(Review.opened_at) >= since)
        .order_by(col(Review.number).desc())
    ).first()


def rounds_of(*, session: Session, pair_id: int) -> int:
    """How many review rounds the pair has opened."""
    return session.exec(
        select(func.count()).select_from(Review).where(Review.pair_id == pair_id)
    ).one()


def answers_to(*, session: Session, review_id: int) -> list[ReviewAnswer]:
    """The answers given to a round, first answer first."""
    return list(
        session.exec(
            select(ReviewAnswer)
            .where(ReviewAnswer.review_id == review_id)
            .order_by(col(ReviewAnswer.answered_at), col(ReviewAnswer.id))
        )
    )


def answered_since(*, session: Session, pair_id: int, author_id: int, since: datetime) -> bool:
    """Whether `author_id` answered a review of the pair after `since`."""
    return (
        session.exec(
            select(ReviewAnswer.id)
            .join(Review, col(Review.id) == col(ReviewAnswer.review_id))
            .where(
                Review.pair_id == pair_id,
                ReviewAnswer.author_id == author_id,
                col(ReviewAnswer.answered_at) >= since,
            )
        ).first()
        is not None
    )


def closed_reviews_since(
    *, session: Session, pair_ids: Iterable[int], since: datetime
) -> dict[int, tuple[datetime, float]]:
    """For each of these pairs with a round closed after `since`: its latest closing and the
    mean satisfaction of that round's two answers."""
    closed: dict[int, tuple[datetime, float]] = {}
    for some in in_slices(pair_ids):  # a pair's rounds are all in its slice
        rows = session.exec(
            select(Review.pair_id, Review.closed_at, func.avg(ReviewAnswer.satisfaction))
            .join(ReviewAnswer, col(ReviewAnswer.review_id) == col(Review.id))
            .where(among(col(Review.pair_id), some), col(Review.closed_at) >= since)
            .group_by(col(Review.id), col(Review.pair_id), col(Review.closed_at))
            .order_by(col(Review.closed_at))
        )
        # Ordered by closing, so each pair keeps its latest round.
        closed |= {pair_id: (at, float(mean)) for pair_id, at, mean in rows if at}
    return closed
