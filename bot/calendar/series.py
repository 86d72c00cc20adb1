"""A pair's sessions as one recurring series: its rule, the occurrences it leaves out (skipped,
paused, missed) and those that moved, read from the stored sessions and the rhythm."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from bot.rhythm.model import Rhythm
from bot.rhythm.recurrence import local_instant, session_starts
from bot.rhythm.stored import rhythm_of
from storage.models import MeetingSession, Pair
from storage.queries.pairs import ENDED, PAUSED
from storage.queries.sessions import SKIPPED

INSTANT = timedelta(seconds=1)


@dataclass(frozen=True)
class Moved:
    occurrence: datetime  # the rule's instant (UTC): the RECURRENCE-ID
    starts_at: datetime  # where it went (UTC)
    duration_minutes: int


@dataclass(frozen=True)
class Single:
    """A session off the current rule (held under the pair's former rhythm): its own event."""

    session_id: int
    starts_at: datetime
    duration_minutes: int


@dataclass(frozen=True)
class Series:
    """What a calendar says of a pair: `first` and every rule instant up to `until` (None: no
    end), but those `excluded`, with those `moved` elsewhere. Instants in UTC."""

    rhythm: Rhythm
    first: datetime
    until: datetime | None
    excluded: tuple[datetime, ...]
    moved: tuple[Moved, ...]
    singles: tuple[Single, ...] = ()


def series_of(pair: Pair, meetings: list[MeetingSession]) -> Series:
    """The pair's series from its stored sessions (`meetings`, any order): a rule instant up to
    the planned horizon without a planned session (skipped, removed by a pause, missed) is left
    out; beyond the horizon the rule holds until the planned end, the end, or an open pause."""
    rhythm = rhythm_of(pair)
    after = pair.created_at - timedelta(days=1)
    if meetings:
        after = min(after, min(m.occurrence for m in meetings) - INSTANT)
    horizon = max([pair.planned_until or pair.created_at, *(m.occurrence for m in meetings)])
    until: datetime | None = None
    if pair.status == PAUSED:
        if pair.paused_until is None:
            until = horizon  # an open pause: nothing after what was planned before it
        else:
            resumes = local_instant(pair.paused_until, time(0, 0), pair.timezone)
            horizon = max(horizon, resumes - INSTANT)
    if pair.status == ENDED and pair.ended_at is not None:
        until = pair.ended_at if until is None else min(until, pair.ended_at)
    if pair.planned_end is not None:
        end = local_instant(pair.planned_end, time(0, 0), pair.timezone) - INSTANT
        until = end if until is None else min(until, end)
    rule = session_starts(rhythm, after=after, until=horizon)
    by_occurrence = {m.occurrence.astimezone(UTC): m for m in meetings}
    on_rule = [instant for instant in rule if instant in by_occurrence]
    # Nothing stored on this rule (yet): the series begins at its next instant.
    first = on_rule[0] if on_rule else (rule or session_starts(rhythm, after=after, count=1))[0]
    excluded, moved = [], []
    for instant in rule:
        if instant < first or (until is not None and instant > until):
            continue
        meeting = by_occurrence.get(instant)
        if meeting is None or meeting.status == SKIPPED:
            excluded.append(instant)
        elif meeting.starts_at != instant or meeting.duration_minutes != rhythm.duration_minutes:
            moved.append(Moved(instant, meeting.starts_at, meeting.duration_minutes))
    on_rule_set = set(on_rule)
    singles = tuple(
        Single(m.id, m.starts_at, m.duration_minutes)
        for m in sorted(meetings, key=lambda m: m.starts_at)
        if m.id is not None and m.status != SKIPPED and m.occurrence not in on_rule_set
    )
    return Series(rhythm, first, until, tuple(excluded), tuple(moved), singles)
