"""When a pair meets, seen from each member's zone: the first session's notice, the odd hours."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.kernel.i18n import Lang, t
from bot.people.person import mention
from bot.rhythm.model import Rhythm
from bot.rhythm.recurrence import session_starts
from bot.rhythm.wording import format_time, format_when
from storage.models import Person

FIRST_SESSION_NOTICE = timedelta(hours=48)
"""A new pair's first session comes no sooner, unless its `from` asks for it: the other member
has time to read and accept the agreement."""
DAY_STARTS = time(7, 0)
DAY_ENDS = time(22, 0)
LOOKED_AHEAD = timedelta(days=366)
"""Sessions checked: a year, so that both changes of offset of each zone are seen."""


@dataclass(frozen=True)
class OddHour:
    """The first session that falls outside 07:00–22:00 for `person`, in their `zone`."""

    person: Person
    starts_at: datetime
    zone: str


def outside_day(start: datetime, minutes: int, zone: str) -> bool:
    """Whether a session starting at `start` and lasting `minutes` leaves 07:00–22:00 in `zone`."""
    local = start.astimezone(ZoneInfo(zone))
    end = (start + timedelta(minutes=minutes)).astimezone(ZoneInfo(zone))
    return local.time() < DAY_STARTS or end.date() != local.date() or end.time() > DAY_ENDS


def odd_hours(rhythm: Rhythm, members: Iterable[Person], now: datetime) -> list[OddHour]:
    """The members (whose zone is known) for whom some session of the coming year falls outside
    07:00–22:00, with the first such session."""
    starts = session_starts(rhythm, after=now, until=now + LOOKED_AHEAD)
    found = []
    for member in members:
        try:
            zone = member.timezone and str(ZoneInfo(member.timezone))
        except (ZoneInfoNotFoundError, ValueError):
            zone = None
        if not zone:
            continue
        odd = next((s for s in starts if outside_day(s, rhythm.duration_minutes, zone)), None)
        if odd is not None:
            found.append(OddHour(member, odd, zone))
    return found


def odd_hours_warning(odd: list[OddHour], lang: Lang) -> str:
    """The warning for the one who proposed the rhythm, naming each member and their time;
    empty when every session suits both."""
    lines = [
        t(
            "meeting_hours.warning",
            lang,
            who=mention(item.person),
            when=format_when(item.starts_at, item.zone, lang),
            earliest=format_time(DAY_STARTS, lang),
            latest=format_time(DAY_ENDS, lang),
        )
        for item in odd
    ]
    return "\n".join(lines)
