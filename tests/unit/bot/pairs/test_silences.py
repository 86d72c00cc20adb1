"""Silent members: counting the sessions whose requests went unanswered, asking once."""

from __future__ import annotations

import itertools
import random
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlmodel import Session, col, select

from bot.kernel.core import Core
from bot.kernel.notice_keys import MemberSilent, PersonRecipient, SessionAt, SessionSubject
from bot.pairs.silences import (
    HELD,
    LOOKBACK,
    REQUESTS,
    ask_silent_members,
    silence_mark,
    silent_members,
    still_silent,
    unanswered,
)
from bot.planning.notice_kinds import (
    MEMBER_SILENT,
    REMINDER,
    SUMMARY_NUDGE,
    SUMMARY_REQUEST,
    SUMMARY_REQUEST_NEXT_DAY,
)
from storage.db import make_engine, migrate
from storage.models import (
    SENT_REQUEST_KINDS,
    SENT_REQUEST_ROWS,
    MeetingSession,
    Notification,
    Pair,
    Person,
)
from storage.queries.pairs import ACTIVE, SERVED
from storage.queries.sessions import session_ids_of
from tests.storage.test_planner_queries import add_pair
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


def _every_silence(session: Session, now: datetime, since: datetime) -> set[tuple[Any, ...]]:
    """The rule applied to every member of every pair, from whole rows: those sent a request
    since `since`, silent about the pair at `now`."""
    requests = [
        row
        for row in session.exec(select(Notification).where(col(Notification.kind).in_(REQUESTS)))
        if row.status == "sent" and row.sent_at is not None
    ]
    recent = {r.recipient for r in requests if r.due_at >= since - HELD and r.sent_at >= since}
    found = set()
    for pair in session.exec(select(Pair).where(Pair.status == ACTIVE, SERVED)):
        sessions = set(session_ids_of(session=session, pair_id=pair.id))
        for member_id in (pair.mentor_id, pair.mentee_id):
            member, recipient = session.get(Person, member_id), PersonRecipient(member_id).key
            assert member is not None
            sent = [
                (session_id, pair.id, r.sent_at)
                for r in requests
                if r.recipient == recipient
                and r.due_at >= now - LOOKBACK
                and (session_id := SessionSubject.parse(r.subject).session_id) in sessions
            ]
            answers = [at for at in (member.last_active_at, pair.resumed_at) if at is not None]
            count = unanswered(sent, max(answers) if answers else None)
            if recipient in recent and count is not None:
                found.add((pair.id, member_id, silence_mark(pair, member), count))
    return found


def add_request(
    session: Session,
    recipient: str,
    subject: str,
    at: datetime,
    *,
    kind: str = REMINDER,
    status: str = "sent",
    due_at: datetime | None = None,
) -> None:
    """A request to `recipient` about `subject`, due at `due_at` (by default `at`), sent at
    `at` if its status says it was."""
    session.add(
        Notification(
            kind=kind,
            recipient=recipient,
            subject=subject,
            due_at=at if due_at is None else due_at,
            status=status,
            sent_at=at if status == "sent" else None,
            created_at=START,
        )
    )


@pytest.mark.parametrize("seed", range(3))
def test_the_silences_found_in_sql_are_those_of_the_rule(
    migrated_database_url: str, seed: int
) -> None:
    """Members who answered, or not, before or after a resumption, with moved sessions (a
    session, two subjects), requests unsent, pairs paused or ended, a recipient unknown, other
    kinds of message about the same sessions: the hourly check reads only the candidates, and
    finds what the rule finds member by member."""
    rng = random.Random(seed)
    engine = make_engine(migrated_database_url)
    migrate(engine)
    with Session(engine) as session:
        for n in range(24):
            pair = add_pair(
                session,
                n,
                status=rng.choice((ACTIVE, ACTIVE, ACTIVE, "paused", "ended")),
                created_at=START - 2 * WEEK,
                resumed_at=START + rng.randint(0, 6) * WEEK if rng.random() < 0.2 else None,
                retain_until=START + 20 * WEEK if rng.random() < 0.1 else None,
            )
            members = [pair.mentor_id, pair.mentee_id]
            for k in range(rng.randint(0, 7)):
                at = START + k * WEEK + timedelta(hours=rng.randint(0, 3))
                meeting = MeetingSession(
                    pair_id=pair.id, occurrence=at, starts_at=at, duration_minutes=60
                )
                session.add(meeting)
                session.flush()
                assert meeting.id is not None
                subjects = [SessionAt(meeting.id, at).key]
                if rng.random() < 0.3:  # moved: the same session, a new subject
                    subjects.append(SessionAt(meeting.id, at + timedelta(days=1)).key)
                kinds = (*REQUESTS, SUMMARY_REQUEST_NEXT_DAY)  # the last one is no request
                for kind, subject, who in itertools.product(kinds, subjects, members):
                    if rng.random() < 0.5:
                        continue
                    sent = at + timedelta(minutes=rng.randint(0, 3000))
                    status = rng.choice(("sent", "sent", "sent", "dropped", "pending"))
                    add_request(
                        session,
                        PersonRecipient(who).key,
                        subject,
                        sent,
                        kind=kind,
                        status=status,
                        due_at=sent - timedelta(minutes=rng.choice((0, 0, 5, 600))),
                    )
            for member_id in members:
                member = session.get(Person, member_id)
                assert member is not None
                if rng.random() < 0.5:
                    member.last_active_at = START + timedelta(hours=rng.randint(0, 7 * 24 * 7))
                session.add(member)
        for k in range(4):  # requests to someone the bot does not know
            at = START + k * WEEK
            add_request(session, PersonRecipient(999_999).key, SessionAt(999_999 + k, at).key, at)
        session.flush()
        checks = 0
        for week in range(2, 9):
            now = START + week * WEEK + timedelta(hours=rng.randint(0, 50))
            for since in (now - timedelta(hours=1), now - timedelta(days=3), START):
                found = silent_members(session=session, now=now, sent_since=since)
                assert len(found) == len(set(found))
                silences = {(s.pair_id, s.person_id, s.since, s.sessions) for s in found}
                assert silences == _every_silence(session, now, since)
                checks += len(silences)
        assert checks > 10
    engine.dispose()


def test_the_index_of_sent_requests_holds_the_requests_a_silence_counts() -> None:
    """Storage names the requests in its index's condition, which a query repeats as it is."""
    assert set(SENT_REQUEST_KINDS) == set(REQUESTS)
    listed = SENT_REQUEST_ROWS.split(" IN ", 1)[1].strip("()").split(", ")
    assert sorted(kind.strip("'") for kind in listed) == sorted(REQUESTS)


def test_requests_whose_keys_are_malformed_are_passed_over(migrated_database_url: str) -> None:
    """Requests to a recipient not written as a key ("p:07": its person is found all the same,
    by the id it names) or about a subject not written as one count for no session; the last
    request, which the session holds unwritten, counts: the check flushes it first."""
    engine = make_engine(migrated_database_url)
    migrate(engine)
    with Session(engine) as session:
        pair = add_pair(session, 0, status=ACTIVE, created_at=START - WEEK)
        member = pair.mentee_id
        assert pair.id is not None
        meetings = [
            MeetingSession(pair_id=pair.id, occurrence=at, starts_at=at, duration_minutes=60)
            for at in (START + n * WEEK for n in range(3))
        ]
        session.add_all(meetings)
        session.flush()

        keys = []
        for meeting in meetings:
            assert meeting.id is not None
            keys.append(SessionAt(meeting.id, meeting.starts_at).key)
        for key, meeting in zip(keys, meetings, strict=True):  # "p:07" is not written as a key
            add_request(session, f"p:0{member}", key, meeting.starts_at)
        for key, meeting in zip(keys[:2], meetings[:2], strict=True):
            add_request(session, PersonRecipient(member).key, key, meeting.starts_at)
        last = meetings[2].starts_at
        add_request(session, PersonRecipient(member).key, f"session:{meetings[2].id}@soon", last)
        session.flush()
        now = START + 3 * WEEK
        assert silent_members(session=session, now=now, sent_since=START) == []
        add_request(session, PersonRecipient(member).key, keys[2], last)
        [silence] = silent_members(session=session, now=now, sent_since=START)
        assert (silence.pair_id, silence.person_id, silence.sessions) == (pair.id, member, 3)
    engine.dispose()
