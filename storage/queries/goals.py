"""Goals and milestones."""

from __future__ import annotations

from collections import defaultdict

from sqlmodel import Session, col, select

from storage.models import Goal, Milestone


def goals_of(*, session: Session, pair_id: int) -> list[Goal]:
    """The pair's goals, done ones included, in the order they were set (their numbers)."""
    return list(session.exec(select(Goal).where(Goal.pair_id == pair_id).order_by(col(Goal.id))))


def milestones_of(*, session: Session, goal_ids: list[int]) -> dict[int, list[Milestone]]:
    """Each goal's milestones, in the order they were added."""
    found: dict[int, list[Milestone]] = defaultdict(list)
    if goal_ids:
        rows = session.exec(
            select(Milestone)
            .where(col(Milestone.goal_id).in_(goal_ids))
            .order_by(col(Milestone.id))
        )
        for row in rows:
            found[row.goal_id].append(row)
    return found
