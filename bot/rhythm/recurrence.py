"""Session instants from a rhythm: a wall-clock rrule in the pair's zone, returned in UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil import rrule

from bot.rhythm.model import Frequency, Rhythm


def local_instant(day: date, at: time, zone: str) -> datetime:
    """`day` at `at` in `zone`, as a UTC instant.

    A time skipped by a spring-forward change moves forward by the gap (02:30 → 03:30); a time
    that happens twice at a fall-back change is the first of the two. Both are what `fold=0`
    means (PEP 495): the offset in force before the change.
    """
    local = datetime.combine(day, at.replace(fold=0) if at.fold else at, ZoneInfo(zone))
    return local.astimezone(UTC)


def _rule(rhythm: Rhythm) -> rrule.rrule:
    start = datetime.combine(rhythm.start, rhythm.local_time)
    weekday = rrule.weekday(rhythm.weekday)
    if rhythm.frequency is Frequency.MONTHLY:
        return rrule.rrule(
            rrule.MONTHLY,
            interval=rhythm.interval,
            byweekday=weekday(rhythm.month_week or 1),
            dtstart=start,
        )
    return rrule.rrule(rrule.WEEKLY, interval=rhythm.interval, byweekday=weekday, dtstart=start)


def session_starts(
    rhythm: Rhythm, *, after: datetime, count: int | None = None, until: datetime | None = None
) -> list[datetime]:
    """Session starts (UTC) strictly after `after`: at most `count`, none after `until`."""
    if count is None and until is None:
        raise ValueError("session_starts needs a count or an until")
    zone = rhythm.timezone
    # Expand in wall-clock time from a day early, so that no offset change can skip a session.
    cursor = after.astimezone(ZoneInfo(zone)).replace(tzinfo=None) - timedelta(days=1)
    starts: list[datetime] = []
    for local in _rule(rhythm).xafter(cursor, inc=True):
        instant = local_instant(local.date(), local.time(), zone)
        if until is not None and instant > until:
            break
        if instant > after:
            starts.append(instant)
            if count is not None and len(starts) >= count:
                break
    return starts
