"""Stalled pairs: the rule (21 days, or twice the rhythm's interval), who is excluded, the reset
after a held session — and the questions owed once per stall."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from sqlmodel import select

from bot.kernel.core import Core
from bot.pairs.stalled import stall_of, stalled_pairs, tell_stalled_pairs, threshold
from bot.planning.notice_kinds import PAIR_STALLED, STALL_ALERT
from storage.models import MeetingSession, Notification, Pair
from storage.queries.pairs import ACTIVE, PAUSED, PENDING
from tests.unit.bot.growth.test_reviews import new_pair
from tests.unit.bot.planning.test_planner import people

START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
DAY = timedelta(days=1)


def pair(frequency: str = "weekly", interval: int = 1, status: str = ACTIVE) -> Pair:
    return Pair(
        id=7,
        platform="slack",
        mentor_id=1,
        mentee_id=2,
        created_by_id=1,
        status=status,
        created_at=START,
        mentor_accepted_at=START,
        mentee_accepted_at=START,
        frequency=frequency,
        interval=interval,
        weekday=3,
        local_time=time(18, 0),
        duration_minutes=60,
        timezone="Europe/Paris",
        start=date(2026, 11, 5),
        format="video",
    )


def test_a_weekly_pair_stalls_after_21_days_without_a_held_session() -> None:
    weekly = pair()
    assert threshold(weekly) == 21 * DAY
    assert stall_of(weekly, None, START + 21 * DAY - timedelta(minutes=1)) is None
    stall = stall_of(weekly, None, START + 21 * DAY)
    assert stall is not None and stall.days == 21 and stall.since == START
    # Every three weeks: twice that is longer than 21 days.
    assert threshold(pair(interval=3)) == 42 * DAY


def test_a_monthly_pair_stalls_after_twice_its_interval_not_after_21_days() -> None:
    monthly = pair("monthly")
    assert threshold(monthly) == 60 * DAY
    assert stall_of(monthly, None, START + 21 * DAY) is None
    assert stall_of(monthly, None, START + 59 * DAY) is None
    assert stall_of(monthly, None, START + 60 * DAY) is not None


def test_paused_pending_and_ended_pairs_never_stall() -> None:
    late = START + 365 * DAY
    for status in (PAUSED, PENDING, "ended"):
        assert stall_of(pair(status=status), None, late) is None


def test_a_held_session_or_a_resumption_resets_the_stall() -> None:
    weekly, now = pair(), START + 30 * DAY
    assert stall_of(weekly, None, now) is not None
    held = START + 20 * DAY
    assert stall_of(weekly, held, now) is None
    later = stall_of(weekly, held, held + 21 * DAY)
    assert later is not None and later.since == held and later.last_held == held
    weekly.resumed_at = START + 25 * DAY
    assert stall_of(weekly, None, now) is None


def test_the_members_are_asked_once_and_the_mediators_told_a_week_later(core: Core) -> None:
    mentor, mentee = people(core, START)
    with core.db.session() as session:
        the_pair = new_pair(session, mentor, mentee, START)
        session.flush()
        assert the_pair.id is not None
        now = START + threshold(the_pair) + DAY  # every two weeks: 28 days
        [stall] = stalled_pairs(session=session, now=now)
        assert stall.pair.id == the_pair.id and stall.last_held is None
        assert tell_stalled_pairs(session=session, now=now, admins=frozenset({"UADMIN"})) == 1
        tell_stalled_pairs(session=session, now=now + DAY, admins=frozenset({"UADMIN"}))
        rows = session.exec(select(Notification).where(Notification.kind != "reminder")).all()
        stalls = [r for r in rows if r.kind in (PAIR_STALLED, STALL_ALERT)]
        assert sorted((r.kind, r.recipient) for r in stalls) == [
            (PAIR_STALLED, f"p:{mentor.id}"),
            (PAIR_STALLED, f"p:{mentee.id}"),
            (STALL_ALERT, "u:slack:UADMIN"),
        ]
        [alert] = [r for r in stalls if r.kind == STALL_ALERT]
        assert alert.due_at == now + 7 * DAY
        # A session held (its summary written) ends the stall.
        meeting = MeetingSession(
            pair_id=the_pair.id, occurrence=now - DAY, starts_at=now - DAY, duration_minutes=60
        )
        meeting.summary_at = now
        session.add(meeting)
        session.flush()
        assert stalled_pairs(session=session, now=now + DAY) == []
