"""Which sessions a plain DM reply may answer: those whose summary the bot asked that person
for, still without one, within AWAITED_FOR — never merely the latest session of any pair."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from sqlalchemy import update
from sqlmodel import Session, select

from bot.kernel.clock import ManualClock
from bot.kernel.core import Core
from bot.kernel.notice_keys import PersonRecipient
from bot.pairs.creation import create_pair
from bot.planning.planner import plan
from bot.sessions.changes import move_session
from bot.sessions.summaries import AWAITED_FOR, open_requests
from storage.models import MeetingSession, Notification, Pair, Person
from storage.queries.notifications import DROPPED
from tests.unit.bot.planning.test_planner import RHYTHM, people

WEEKLY = replace(RHYTHM, interval=1)
# Thursdays 3 and 10 December, 18:00 Paris (17:00 UTC), one hour each.
SECOND_ENDED = datetime(2026, 12, 10, 18, 30, tzinfo=UTC)


def started_pair(core: Core, clock: ManualClock) -> tuple[int, Person, Person]:
    mentor, mentee = people(core, clock.now())
    with core.db.session() as session:
        pair, _ = create_pair(
            session=session,
            platform="slack",
            actor=mentor,
            mentor=mentor,
            mentee=mentee,
            rhythm=WEEKLY,
            now=clock.now(),
            agreed=True,
        )
        plan(session=session, now=clock.now())
        assert pair.id is not None
        return pair.id, mentor, mentee


def open_days(session: Session, person: Person, now: datetime) -> list[int]:
    """The December days of the sessions open to `person` at `now`."""
    assert person.id is not None
    asked = open_requests(session=session, person_id=person.id, now=now)
    return [one.starts_at.day for one in asked]


def test_requests_sent_or_due_decide_not_the_latest_session(
    core_on_each_database: Core, clock: ManualClock
) -> None:
    core = core_on_each_database
    _, mentor, mentee = started_pair(core, clock)
    with core.db.session() as session:
        # The mentee is asked at each session's end; the mentor a day later.
        assert open_days(session, mentee, SECOND_ENDED) == [3, 10]
        assert open_days(session, mentor, SECOND_ENDED) == [3]
        assert open_days(session, mentor, SECOND_ENDED + timedelta(days=1)) == [3, 10]
        # A request that was never sent (it expired while the bot was down) asks nothing.
        session.execute(
            update(Notification)
            .where(Notification.recipient == PersonRecipient(mentee.id).key)
            .where(Notification.due_at < datetime(2026, 12, 9, tzinfo=UTC))
            .values(status=DROPPED)
        )
        assert open_days(session, mentee, SECOND_ENDED) == [10]
        # Past AWAITED_FOR, a session's request no longer counts.
        late = datetime(2026, 12, 3, 18, 0, tzinfo=UTC) + AWAITED_FOR + timedelta(minutes=1)
        assert open_days(session, mentor, late) == [10]


def test_a_written_skipped_or_moved_session_or_an_ended_pair_asks_nothing(
    core_on_each_database: Core, clock: ManualClock
) -> None:
    core = core_on_each_database
    pair_id, mentor, mentee = started_pair(core, clock)
    with core.db.session() as session:
        first, second, third = session.exec(
            select(MeetingSession)
            .where(MeetingSession.pair_id == pair_id)
            .order_by(MeetingSession.starts_at)  # type: ignore[arg-type]
        ).all()[:3]
        first.summary, first.summary_author_id = "Written by Claire", mentor.id
        second.status = "skipped"
        session.add_all([first, second])
        session.flush()
        assert open_days(session, mentee, SECOND_ENDED) == []
        # Moved three hours later: the mentor is asked a day after its new end, not its old one.
        pair = session.get(Pair, pair_id)
        assert pair is not None
        old_end = third.starts_at + timedelta(hours=1)
        moved_to = third.starts_at + timedelta(hours=3)
        now = datetime(2026, 12, 9, 12, 0, tzinfo=UTC)
        move_session(session=session, pair=pair, meeting=third, other=mentee, to=moved_to, now=now)
        assert open_days(session, mentor, old_end + timedelta(hours=25)) == []
        assert open_days(session, mentor, old_end + timedelta(hours=27)) == [17]
        pair.status = "ended"
        session.add(pair)
        session.flush()
        assert open_days(session, mentor, old_end + timedelta(hours=27)) == []
