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


def health(past: list[MeetingSession], upcoming: MeetingSession | None, now: datetime) -> Health:
    """Health from a pair's ended sessions (latest first) and its next session."""
    recent = [s for s in past if s.starts_at >= now - WINDOW]
    held = [s for s in recent if s.status != SKIPPED]
    last_two = past[:2]
    return Health(
        held=len(held),
        skipped=sum(1 for s in recent if s.status == SKIPPED),
        unsummarised=sum(1 for s in held if not s.summary),
        last_held=next((s.starts_at for s in past if s.status != SKIPPED), None),
        next_start=upcoming.starts_at if upcoming else None,
        at_risk=len(last_two) == 2 and all(s.status == SKIPPED or not s.summary for s in last_two),
    )
