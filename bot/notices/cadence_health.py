"""Cadence health of a pair: counts and flags for digests, never content."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from storage.models import MeetingSession

WINDOW = timedelta(weeks=4)
SKIPPED = "skipped"


@dataclass(frozen=True)
class Health:
    held: int
    skipped: int
    unsummarised: int
    last_held: datetime | None
    next_start: datetime | None
    at_risk: bool


def health(
    past: list[MeetingSession],
    next_start: datetime | None,
    now: datetime,
    *,
    ended: bool = False,
) -> Health:
    """Health from a pair's ended sessions (latest first) and its next session; a pair that
    ended is never at risk. A summary counts by its date (`summary_at`), which outlives its
    text: erasure (of a person, or of a pair's content after retention) changes no count."""
    recent = [s for s in past if s.starts_at >= now - WINDOW]
    held = [s for s in recent if s.status != SKIPPED]
    last_two = past[:2]
    return Health(
        held=len(held),
        skipped=sum(1 for s in recent if s.status == SKIPPED),
        unsummarised=sum(1 for s in held if s.summary_at is None),
        last_held=next((s.starts_at for s in past if s.status != SKIPPED), None),
        next_start=next_start,
        at_risk=not ended
        and len(last_two) == 2
        and all(s.status == SKIPPED or s.summary_at is None for s in last_two),
    )


REVIEW_WINDOW = timedelta(weeks=13)  # a quarter
WEEK = timedelta(weeks=1)
MIN_PAIRS_FOR_AVERAGE = 5
"""Below this many reviewed pairs an average could point at one pair's score: not shown."""


@dataclass(frozen=True)
class ReviewHealth:
    reviewed: int  # pairs whose review closed in the last quarter
    this_week: int
    average: float | None  # mean of the pairs' satisfaction, only from MIN_PAIRS_FOR_AVERAGE


def review_health(closed: dict[int, tuple[datetime, float]], now: datetime) -> ReviewHealth:
    """From each reviewed pair's last closing and mean satisfaction: counts and the average."""
    scores = [score for _, score in closed.values()]
    return ReviewHealth(
        reviewed=len(closed),
        this_week=sum(1 for at, _ in closed.values() if at >= now - WEEK),
        average=sum(scores) / len(scores) if len(scores) >= MIN_PAIRS_FOR_AVERAGE else None,
    )
