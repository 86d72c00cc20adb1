"""Cadence health of a pair: counts and flags for digests, never content."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

WINDOW = timedelta(weeks=4)
WEEK = timedelta(weeks=1)
SKIPPED = "skipped"


class SessionFacts(Protocol):
    """What health counts of a session (a stored session, or the few columns of one)."""

    @property
    def starts_at(self) -> datetime: ...
    @property
    def status(self) -> str: ...
    @property
    def summary_at(self) -> datetime | None: ...


@dataclass(frozen=True)
class Health:
    held: int
    skipped: int
    unsummarised: int
    last_held: datetime | None
    next_start: datetime | None
    at_risk: bool


def health(
    past: Sequence[SessionFacts],
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


WEEKS_CHARTED = 12


@dataclass(frozen=True)
class WeekCounts:
    """One week of a digest's chart: the sessions that ended in it, by what became of them."""

    start: datetime  # the week's first instant; the week is the seven days that follow
    held: int = 0
    skipped: int = 0
    unsummarised: int = 0  # held, and no summary recorded


class WeekTally:
    """Sessions held, skipped and held without summary in each of the last `weeks` seven-day
    weeks up to `now`, added a pair's sessions at a time (a digest reads thousands of pairs,
    a batch at a time); the same counting as `health` (a summary counts by its date, so
    erasure changes no count)."""

    def __init__(self, now: datetime, weeks: int = WEEKS_CHARTED) -> None:
        self.now = now
        self._tally = [[0, 0, 0] for _ in range(weeks)]

    def add(self, past: Iterable[SessionFacts]) -> None:
        weeks = len(self._tally)
        for meeting in past:
            ago = (self.now - meeting.starts_at) // WEEK
            if not 0 <= ago < weeks:
                continue
            counts = self._tally[weeks - 1 - ago]
            if meeting.status == SKIPPED:
                counts[1] += 1
            else:
                counts[0] += 1
                counts[2] += meeting.summary_at is None

    def weeks(self) -> tuple[WeekCounts, ...]:
        """The counts of each week, oldest first."""
        weeks = len(self._tally)
        return tuple(
            WeekCounts(self.now - (weeks - i) * WEEK, held, skipped, unsummarised)
            for i, (held, skipped, unsummarised) in enumerate(self._tally)
        )


REVIEW_WINDOW = timedelta(weeks=13)  # a quarter
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
