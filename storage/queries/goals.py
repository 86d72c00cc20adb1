"""Goals and milestones."""

from __future__ import annotations

from sqlmodel import Session

from storage.models import Goal, Milestone
from storage.queries.preload import rows_by


def goals_of(*, session: Session, pair_id: int) -> list[Goal]:
    """The pair's goals, done ones included, in the order they were set (their numbers)."""
    return goals_of_pairs(session=session, pair_ids={pair_id})[pair_id]


def goals_of_pairs(*, session: Session, pair_ids: set[int]) -> dict[int, list[Goal]]:
    """Each of these pairs' goals (one query), in the order they were set."""
    return rows_by(session, Goal, Goal.pair_id, pair_ids)


def milestones_of(*, session: Session, goal_ids: list[int]) -> dict[int, list[Milestone]]:
    """Each goal's milestones, in the order they were added."""
    return rows_by(session, Milestone, Milestone.goal_id, goal_ids)
