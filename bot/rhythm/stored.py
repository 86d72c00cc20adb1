"""A stored rhythm: a pair's, or the one a proposal of new terms carries."""

from __future__ import annotations

from datetime import date, time
from typing import TypedDict

from bot.rhythm.model import Frequency, MeetingFormat, Rhythm
from storage.models import RhythmColumns


def rhythm_of(row: RhythmColumns) -> Rhythm:
    """The rhythm as stored."""
    return Rhythm(
        frequency=Frequency(row.frequency),
        interval=row.interval,
        weekday=row.weekday,
        local_time=row.local_time,
        duration_minutes=row.duration_minutes,
        timezone=row.timezone,
        start=row.start,
        format=MeetingFormat(row.format),
        month_week=row.month_week,
        link=row.link,
    )


class RhythmValues(TypedDict):
    """The values of the rhythm columns."""

    frequency: str
    interval: int
    weekday: int
    month_week: int | None
    local_time: time
    duration_minutes: int
    timezone: str
    start: date
    format: str
    link: str | None


def rhythm_columns(rhythm: Rhythm) -> RhythmValues:
    """`rhythm` as the stored columns."""
    return {
        "frequency": rhythm.frequency.value,
        "interval": rhythm.interval,
        "weekday": rhythm.weekday,
        "month_week": rhythm.month_week,
        "local_time": rhythm.local_time,
        "duration_minutes": rhythm.duration_minutes,
        "timezone": rhythm.timezone,
        "start": rhythm.start,
        "format": rhythm.format.value,
        "link": rhythm.link,
    }


def store_rhythm(row: RhythmColumns, rhythm: Rhythm) -> None:
    """Copy `rhythm` into the row's columns."""
    for column, value in rhythm_columns(rhythm).items():
        setattr(row, column, value)
