"""A stored pair's rhythm."""

from __future__ import annotations

from bot.rhythm import Frequency, MeetingFormat, Rhythm
from storage.models import Pair


def rhythm_of(pair: Pair) -> Rhythm:
    """The rhythm the pair agreed, as stored."""
    return Rhythm(
        frequency=Frequency(pair.frequency),
        interval=pair.interval,
        weekday=pair.weekday,
        local_time=pair.local_time,
        duration_minutes=pair.duration_minutes,
        timezone=pair.timezone,
        start=pair.start,
        format=MeetingFormat(pair.format),
        month_week=pair.month_week,
    )
