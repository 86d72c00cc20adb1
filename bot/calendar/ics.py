"""iCalendar files (RFC 5545) of pairs' series: one recurring event per pair in the pair's zone
with its VTIMEZONE, a stable UID, the pair's SEQUENCE; moved sessions as RECURRENCE-ID
overrides, left-out ones as EXDATE. Titles only: no agenda, summary or other content."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone

from bot.calendar.series import Series, series_of
from bot.kernel.i18n import Lang, t
from bot.people.person import is_erased
from bot.rhythm.model import Frequency
from storage.models import MeetingSession, Pair, Person
from storage.queries.pairs import ENDED

PRODID = "-//Mentorbot//Mentoring sessions//EN"
DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
PUBLISH, CANCEL = "PUBLISH", "CANCEL"
MIME = "text/calendar"


def uid_of(pair: Pair) -> str:
    """The pair's series UID: the same in every file and feed, for both members."""
    return f"mentorbot-pair-{pair.id}@mentorbot"


@dataclass(frozen=True)
class PairCalendar:
    """A pair as one reader sees it in a calendar: the other member names the event."""

    pair: Pair
    meetings: list[MeetingSession]
    other: Person | None


def event_title(other: Person | None, lang: Lang) -> str:
    if other is None or not other.name or is_erased(other):
        return t("calendar.title_unnamed", lang)
    return t("calendar.title", lang, name=other.name)


def _rule(series: Series) -> dict[str, object]:
    rhythm = series.rhythm
    day = DAYS[rhythm.weekday]
    rule: dict[str, object] = {"FREQ": "WEEKLY", "INTERVAL": rhythm.interval, "BYDAY": day}
    if rhythm.frequency is Frequency.MONTHLY:
        rule.update(FREQ="MONTHLY", BYDAY=f"{rhythm.month_week or 1}{day}")
    if series.until is not None:
        rule["UNTIL"] = series.until.astimezone(UTC).replace(microsecond=0)
    return rule


def _event(entry: PairCalendar, lang: Lang, *, now: datetime, cancelled: bool) -> list[Event]:
    pair = entry.pair
    series = series_of(pair, entry.meetings)
    zone = ZoneInfo(pair.timezone)
    uid, title, sequence = uid_of(pair), event_title(entry.other, lang), pair.calendar_sequence
    stamp = now.astimezone(UTC).replace(microsecond=0)
    master = Event()
    master.add("uid", uid)
    master.add("dtstamp", stamp)
    master.add("sequence", sequence)
    master.add("summary", title)
    master.add("dtstart", series.first.astimezone(zone))
    master.add("duration", timedelta(minutes=series.rhythm.duration_minutes))
    master.add("rrule", _rule(series))
    if series.excluded:
        master.add("exdate", [instant.astimezone(zone) for instant in series.excluded])
    master.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    events = [master]
    for single in series.singles:  # kept in the calendar after a change of rhythm
        event = Event()
        event.add("uid", f"mentorbot-session-{single.session_id}@mentorbot")
        event.add("dtstamp", stamp)
        event.add("sequence", sequence)
        event.add("summary", title)
        event.add("dtstart", single.starts_at.astimezone(zone))
        event.add("duration", timedelta(minutes=single.duration_minutes))
        event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
        events.append(event)
    if cancelled:
        return events
    for moved in series.moved:
        override = Event()
        override.add("uid", uid)
        override.add("dtstamp", stamp)
        override.add("sequence", sequence)
        override.add("summary", title)
        override.add("recurrence-id", moved.occurrence.astimezone(zone))
        override.add("dtstart", moved.starts_at.astimezone(zone))
        override.add("duration", timedelta(minutes=moved.duration_minutes))
        override.add("status", "CONFIRMED")
        events.append(override)
    return events


def calendar_bytes(
    entries: list[PairCalendar], lang: Lang, *, now: datetime, method: str = PUBLISH
) -> bytes:
    """The iCalendar text of `entries` for a reader in `lang`; with CANCEL, their series are
    cancelled (an ended pair's last file)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    calendar.add("x-wr-calname", t("calendar.name", lang))
    for entry in entries:
        for event in _event(entry, lang, now=now, cancelled=method == CANCEL):
            calendar.add_component(event)
    return _with_timezones(calendar)


def _with_timezones(calendar: Calendar) -> bytes:
    """The calendar's text with the VTIMEZONE of each zone its events use, first, as
    `add_missing_timezones` places them; each zone's written once per process (computing
    one walks its transitions from 1970 to 2038: most of the cost of a file)."""
    tzids = calendar.get_missing_tzids()
    content: bytes = calendar.to_ical()
    timezones = b"".join(_vtimezone(tzid) for tzid in tzids)
    if not timezones:
        return content
    first = content.find(b"\r\nBEGIN:") + 2  # the first component, after the calendar's lines
    return content[:first] + timezones + content[first:]


@cache
def _vtimezone(tzid: str) -> bytes:
    try:
        timezone: bytes = Timezone.from_tzid(tzid).to_ical()
    except ValueError:  # a zone icalendar does not know: left out, as it leaves it out
        return b""
    return timezone


def pair_file_method(pair: Pair) -> str:
    """An ended pair's file cancels its series; any other one publishes it."""
    return CANCEL if pair.status == ENDED else PUBLISH
