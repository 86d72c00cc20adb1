"""The .ics of a pair's series, parsed back with icalendar and expanded with
recurring-ical-events, against what the planner really plans over the following year."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

import pytest
import recurring_ical_events
from icalendar import Calendar
from sqlmodel import Session, select

from bot.calendar.ics import CANCEL, PairCalendar, calendar_bytes, uid_of
from bot.kernel.clock import ManualClock
from bot.kernel.core import Core
from bot.pairs.lifecycle import end_pair
from bot.pairs.pauses import pause_pair, resume_due_pauses
from bot.pairs.rhythm_change import change_rhythm
from bot.planning.planner import plan
from bot.rhythm.model import LAST_WEEK, Frequency, Rhythm
from bot.rhythm.recurrence import local_instant
from bot.sessions.changes import move_session, skip_session
from storage.models import MeetingSession, Notification, Pair, Person
from storage.queries.calendar import sessions_of_pairs
from storage.queries.sessions import PLANNED, upcoming_sessions
from tests.unit.bot.planning.test_planner import agreed_pair, people

YEAR = timedelta(days=365)


def rhythm(zone: str, *, monthly: bool = False) -> Rhythm:
    return Rhythm(
        frequency=Frequency.MONTHLY if monthly else Frequency.WEEKLY,
        interval=1 if monthly else 2,
        weekday=1 if monthly else 3,
        local_time=time(18, 0),
        duration_minutes=60,
        timezone=zone,
        start=date(2026, 12, 1),
        month_week=LAST_WEEK if monthly else None,
    )


def ics_of(session: Session, pair: Pair, reader: Person, other: Person, now: datetime) -> Calendar:
    assert pair.id is not None
    meetings = sessions_of_pairs(session=session, pair_ids=[pair.id])[pair.id]
    method = CANCEL if pair.status == "ended" else "PUBLISH"
    text = calendar_bytes([PairCalendar(pair, meetings, other)], "fr", now=now, method=method)
    return Calendar.from_ical(text)


def instants(calendar: Calendar, start: datetime, stop: datetime) -> list[tuple[datetime, int]]:
    """Each expanded occurrence's start (UTC) and length in minutes."""
    found = []
    for event in recurring_ical_events.of(calendar).between(start, stop):
        begin = event["DTSTART"].dt
        found.append((begin.astimezone(UTC), int(event.duration.total_seconds() // 60)))
    return sorted(found)


def run_until(core: Core, clock: ManualClock, pair_id: int | None, end: datetime):
    """The bot runs every day until `end` (resumes, plans); the pair's planned sessions."""
    while clock.now() < end:
        clock.advance(timedelta(days=1))
        with core.db.session() as session:
            resume_due_pauses(session=session, now=clock.now())
            plan(session=session, now=clock.now())
    with core.db.session() as session:
        return sorted(
            (m.starts_at, m.duration_minutes)
            for m in session.exec(select(MeetingSession).where(MeetingSession.pair_id == pair_id))
            if m.status == PLANNED and m.starts_at < end
        )


def test_one_series_with_rule_zone_uid_and_the_readers_title(core: Core, clock: ManualClock):
    now = clock.now()
    mentor, mentee = people(core, now)
    with core.db.session() as session:
        pair = agreed_pair(session, mentor, mentee, now, rhythm=rhythm("Europe/Paris"))
        calendar = ics_of(session, pair, mentee, mentor, now)
    assert calendar["METHOD"] == "PUBLISH"
    (zone,) = calendar.walk("VTIMEZONE")
    assert zone["TZID"] == "Europe/Paris"
    (event,) = calendar.walk("VEVENT")
    assert event["UID"] == uid_of(pair)
    assert event["SUMMARY"] == "Mentorat avec uclaire"
    assert event["SEQUENCE"] == 0
    assert event["DTSTART"].params["TZID"] == "Europe/Paris"
    assert event["DTSTART"].dt == datetime(2026, 12, 3, 18, 0, tzinfo=event["DTSTART"].dt.tzinfo)
    assert event["RRULE"]["FREQ"] == ["WEEKLY"] and event["RRULE"]["INTERVAL"] == [2]
    assert event["RRULE"]["BYDAY"] == ["TH"]
    assert pair.planned_end is not None and "EXDATE" not in event
    end = local_instant(pair.planned_end, time(0, 0), "Europe/Paris")
    assert event["RRULE"]["UNTIL"] == [end - timedelta(seconds=1)]  # the last day is not in it
    assert b"agenda" not in calendar.to_ical().lower()


def test_moves_skips_and_an_ending(core: Core, clock: ManualClock):
    now = clock.now()
    mentor, mentee = people(core, now)
    with core.db.session() as session:
        pair = agreed_pair(session, mentor, mentee, now, rhythm=rhythm("Europe/Paris"))
        first, second = upcoming_sessions(session=session, pair_id=pair.id, now=now, limit=2)
        moved_to = first.starts_at + timedelta(days=1, hours=1)
        move_session(session=session, pair=pair, meeting=first, other=mentee, to=moved_to, now=now)
        skip_session(session=session, pair=pair, meeting=second, other=mentee, now=now)
        calendar = ics_of(session, pair, mentor, mentee, now)
        master, override = calendar.walk("VEVENT")
        assert master["SEQUENCE"] == 2 and override["SEQUENCE"] == 2
        assert master["SUMMARY"] == "Mentorat avec uthomas"
        assert [d.dt.astimezone(UTC) for d in master["EXDATE"].dts] == [second.occurrence]
        assert override["UID"] == master["UID"]
        assert override["RECURRENCE-ID"].dt.astimezone(UTC) == first.occurrence
        assert override["DTSTART"].dt.astimezone(UTC) == moved_to
        end_pair(session=session, pair=pair, actor=mentor, now=now, retention=timedelta(days=30))
        cancelled = ics_of(session, pair, mentor, mentee, now)
        assert cancelled["METHOD"] == "CANCEL"
        (event,) = cancelled.walk("VEVENT")
        assert event["STATUS"] == "CANCELLED" and event["SEQUENCE"] == 3
        assert event["UID"] == uid_of(pair)
        sent = select(Notification.subject).where(Notification.kind == "calendar_update")
        assert sorted(set(session.exec(sent))) == [f"pair:{pair.id}:calendar:{n}" for n in range(4)]


@pytest.mark.parametrize("monthly", [False, True], ids=["every-2-weeks", "last-tuesday"])
@pytest.mark.parametrize("zone", ["Europe/Paris", "America/Montreal"])
def test_a_year_of_the_file_is_what_the_planner_plans(
    core: Core, clock: ManualClock, zone: str, monthly: bool
):
    """Moved, skipped and paused sessions, then a year across both DST changes: the file
    written on the day of the last change expands to the very sessions the planner stores."""
    start = clock.now()
    mentor, mentee = people(core, start)
    with core.db.session() as session:
        pair = agreed_pair(session, mentor, mentee, start, rhythm=rhythm(zone, monthly=monthly))
        (first,) = upcoming_sessions(session=session, pair_id=pair.id, now=start)
        to = first.starts_at - timedelta(hours=26)
        move_session(session=session, pair=pair, meeting=first, other=mentee, to=to, now=start)
    clock.advance(timedelta(days=40))
    with core.db.session() as session:
        plan(session=session, now=clock.now())
        pair = session.get(Pair, pair.id)
        assert pair is not None
        (second,) = upcoming_sessions(session=session, pair_id=pair.id, now=clock.now())
        skip_session(session=session, pair=pair, meeting=second, other=mentee, now=clock.now())
    clock.advance(timedelta(days=35))
    now = clock.now()
    with core.db.session() as session:
        pair = session.get(Pair, pair.id)
        assert pair is not None
        pause_pair(session=session, pair=pair, actor=mentor, until=date(2027, 3, 20), now=now)
        calendar = ics_of(session, pair, mentee, mentor, now)
    planned = run_until(core, clock, pair.id, start + YEAR)
    expanded = instants(calendar, start, start + YEAR)
    assert expanded == planned
    assert len(planned) >= (8 if monthly else 15)
    assert to in [at for at, _ in expanded]


def test_sessions_held_before_a_change_of_rhythm_stay_in_the_calendar(
    core: Core, clock: ManualClock
):
    start = clock.now()
    mentor, mentee = people(core, start)
    with core.db.session() as session:
        pair = agreed_pair(session, mentor, mentee, start, rhythm=rhythm("America/Montreal"))
    clock.advance(timedelta(days=40))
    with core.db.session() as session:
        pair = session.get(Pair, pair.id)
        assert pair is not None
        new = replace(rhythm("America/Montreal"), weekday=0, local_time=time(9, 0), interval=1)
        change_rhythm(session=session, pair=pair, rhythm=new, now=clock.now())
        calendar = ics_of(session, pair, mentee, mentor, clock.now())
    assert len(calendar.walk("VEVENT")) == 4  # the series, and three Thursdays held before
    planned = run_until(core, clock, pair.id, start + timedelta(days=200))
    assert instants(calendar, start, start + timedelta(days=200)) == planned
