"""Silent members: counting the sessions whose requests went unanswered, asking once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlmodel import select

from bot.kernel.core import Core
from bot.kernel.notice_keys import MemberSilent, SessionAt
from bot.pairs.silences import ask_silent_members, silent_members, still_silent, unanswered
from bot.planning.notice_kinds import MEMBER_SILENT, REMINDER, SUMMARY_NUDGE, SUMMARY_REQUEST
from storage.models import MeetingSession, Notification, Person
from tests.unit.bot.growth.test_reviews import new_pair
from tests.unit.bot.planning.test_planner import people

START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
WEEK = timedelta(weeks=1)


def sent(sessions: int, per_session: int = 2) -> list[tuple[int, int, datetime]]:
    """Requests about `sessions` weekly sessions of pair 7: a reminder, a summary request…"""
    return [
        (100 + n, 7, START + n * WEEK + timedelta(hours=k))
        for n in range(sessions)
        for k in range(per_session)
    ]


def test_three_sessions_unanswered_in_a_row_make_a_silence() -> None:
    assert unanswered(sent(2), None) is None
    assert unanswered(sent(3), None) == 3
    assert unanswered(sent(5), None) == 5


def test_one_sessions_reminder_request_and_nudge_count_once() -> None:
    assert unanswered(sent(1, per_session=3), None) is None
    assert unanswered(sent(2, per_session=3), None) is None


def test_an_answer_starts_the_count_again() -> None:
    answered_after_the_second = START + WEEK + timedelta(hours=5)
    assert unanswered(sent(4), answered_after_the_second) is None
    assert unanswered(sent(5), answered_after_the_second) == 3
    assert unanswered(sent(5), START + 10 * WEEK) is None


def test_a_silent_member_is_asked_once_and_an_answer_ends_the_silence(core: Core) -> None:
    mentor, mentee = people(core, START)
    with core.db.session() as session:
        pair = new_pair(session, mentor, mentee, START)
        session.flush()
        assert pair.id is not None and mentee.id is not None and mentor.id is not None
        for n in range(3):
            at = START + (n + 1) * WEEK
            meeting = MeetingSession(
                pair_id=pair.id, occurrence=at, starts_at=at, duration_minutes=60
            )
            session.add(meeting)
            session.flush()
            assert meeting.id is not None
            requests = [(REMINDER, mentee), (SUMMARY_REQUEST, mentee), (SUMMARY_NUDGE, mentee)]
            # The mentor answers each time: never silent.
            for kind, who in [*requests, (REMINDER, mentor)]:
                session.add(
                    Notification(
                        kind=kind,
                        recipient=f"p:{who.id}",
                        subject=SessionAt(meeting.id, at).key,
                        due_at=at,
                        status="sent",
                        sent_at=at,
                        created_at=at,
                    )
                )
            mentor_row = session.get(Person, mentor.id)
            assert mentor_row is not None
            mentor_row.last_active_at = at + timedelta(hours=1)
            session.add(mentor_row)
        session.flush()
        now = START + 4 * WEEK
        # A check looks only at those sent a request since the previous one.
        assert silent_members(session=session, now=now, sent_since=now - timedelta(hours=1)) == []
        [silence] = silent_members(session=session, now=now, sent_since=START)
        assert (silence.person_id, silence.pair_id, silence.sessions) == (mentee.id, pair.id, 3)
        assert ask_silent_members(session=session, now=now, sent_since=START) == 1
        ask_silent_members(session=session, now=now + timedelta(hours=1), sent_since=START)
        asked = session.exec(select(Notification).where(Notification.kind == MEMBER_SILENT)).all()
        assert [row.recipient for row in asked] == [f"p:{mentee.id}"]
        subject = MemberSilent.parse(asked[0].subject)
        member = session.get(Person, mentee.id)
        assert member is not None
        assert still_silent(session, pair, member, subject)
        member.last_active_at = now + timedelta(hours=2)  # a button, a command, a DM
        session.add(member)
        session.flush()
        assert not still_silent(session, pair, member, subject)
        assert silent_members(session=session, now=now + timedelta(hours=3), sent_since=START) == []
