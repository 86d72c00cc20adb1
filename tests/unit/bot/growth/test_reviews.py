"""The review's ladder of rhythms and its calendar: every 3 months, 10:00 local, weekdays."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlmodel import Session, select

from bot.growth.reviews import LESS, MORE, ROUND_OPEN_FOR, Answer, record_answer, stepped
from bot.kernel.core import Core
from bot.kernel.errors import UserError
from bot.kernel.notice_keys import PersonRecipient
from bot.pairs.creation import create_pair
from bot.planning.planner import review_day, review_notifications
from bot.rhythm.model import Frequency, Rhythm
from storage.models import Notification, Pair, Person
from tests.unit.bot.planning.test_planner import RHYTHM, people

WEEKLY = replace(RHYTHM, interval=1)
MONTHLY = replace(RHYTHM, frequency=Frequency.MONTHLY, interval=1, month_week=1)


def weeks(rhythm: Rhythm | None) -> tuple[str, int] | None:
    return None if rhythm is None else (rhythm.frequency.value, rhythm.interval)


@pytest.mark.parametrize(
    ("rhythm", "direction", "expected"),
    [
        (WEEKLY, MORE, None),  # the top of the ladder
        (WEEKLY, LESS, ("weekly", 2)),
        (replace(RHYTHM, interval=2), MORE, ("weekly", 1)),
        (replace(RHYTHM, interval=3), LESS, ("weekly", 4)),
        (replace(RHYTHM, interval=4), LESS, None),  # the bottom of the ladder
        (MONTHLY, MORE, ("weekly", 3)),  # a month stands on the 4-week rung
        (MONTHLY, LESS, None),
        (replace(RHYTHM, interval=6), MORE, ("weekly", 4)),  # off the ladder: back onto it
    ],
)
def test_the_ladder_of_rhythms(rhythm: Rhythm, direction: str, expected) -> None:
    assert weeks(stepped(rhythm, direction)) == expected


def test_a_step_keeps_day_time_zone_and_drops_the_month_week() -> None:
    step = stepped(MONTHLY, MORE)
    assert step is not None and step.month_week is None
    assert (step.weekday, step.local_time, step.timezone) == (3, time(18, 0), "Europe/Paris")


def pair_created(at: datetime, zone: str = "Europe/Paris") -> Pair:
    pair = Pair(mentor_id=1, mentee_id=2, created_by_id=1, created_at=at, platform="slack")
    pair.timezone = zone
    return pair


def test_reviews_fall_every_three_months_on_working_days() -> None:
    # Created Monday 30 November 2026 (Paris): Sunday 28 February moves to Monday 1 March.
    pair = pair_created(datetime(2026, 11, 30, 8, 0, tzinfo=UTC))
    assert [review_day(pair, n) for n in (1, 2, 3, 4)] == [
        date(2027, 3, 1),
        date(2027, 5, 31),
        date(2027, 8, 30),
        date(2027, 11, 30),
    ]
    # 31 January: months without a 31st end on their last day (Friday 30 April 2027).
    assert review_day(pair_created(datetime(2027, 1, 31, 9, 0, tzinfo=UTC)), 1) == date(2027, 4, 30)
    # The creation day is read in the pair's zone: 23:30 UTC is already the next day in Paris.
    late = pair_created(datetime(2026, 12, 1, 23, 30, tzinfo=UTC))
    assert review_day(late, 1) == date(2027, 3, 2)


def test_each_member_is_invited_at_ten_in_their_own_zone(core: Core) -> None:
    created = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    mentor, mentee = people(core, created)
    pair = pair_created(created)
    pair.mentor_id, pair.mentee_id, pair.id = mentor.id or 0, mentee.id or 0, 7
    members = {mentor.id or 0: mentor, mentee.id or 0: mentee}
    none_yet = review_notifications(pair, created, datetime(2027, 2, 27, tzinfo=UTC), members)
    owed = review_notifications(
        pair, datetime(2027, 2, 1, tzinfo=UTC), datetime(2027, 3, 10, tzinfo=UTC), members
    )
    assert none_yet == []
    by_recipient = {o.recipient: o for o in owed}
    assert {o.subject for o in owed} == {"review:7:q1"}
    assert by_recipient[PersonRecipient(mentor.id).key].due_at == datetime(
        2027, 3, 1, 9, 0, tzinfo=UTC
    )
    assert by_recipient[PersonRecipient(mentee.id).key].due_at == datetime(
        2027, 3, 1, 15, 0, tzinfo=UTC
    )
    assert all((o.expires_at - o.due_at).days == 14 for o in owed if o.expires_at)


def new_pair(session: Session, mentor: Person, mentee: Person, now: datetime) -> Pair:
    """A pair of these two on the planner tests' rhythm, created (and agreed) at `now`."""
    pair, _ = create_pair(
        session=session,
        platform="slack",
        actor=mentor,
        mentor=mentor,
        mentee=mentee,
        rhythm=RHYTHM,
        now=now,
        agreed=True,
    )
    return pair


def test_a_lone_answer_left_a_month_is_dropped_and_a_new_round_starts(core: Core) -> None:
    created = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    mentor, mentee = people(core, created)
    keep = Answer("keep", "yes", "keep", 4, "only mine")
    with core.db.session() as session:
        pair = new_pair(session, mentor, mentee, created)
        first = record_answer(session=session, pair=pair, author=mentor, answer=keep, now=created)
        with pytest.raises(UserError):
            record_answer(session=session, pair=pair, author=mentor, answer=keep, now=created)
        later = created + ROUND_OPEN_FOR + timedelta(minutes=1)
        second = record_answer(session=session, pair=pair, author=mentee, answer=keep, now=later)
        assert (first.number, second.number) == (1, 2)
        assert first.closed_at is None and second.closed_at is None
        kinds = session.exec(select(Notification.kind, Notification.recipient)).all()
    assert ("review_awaited", PersonRecipient(mentee.id).key) in kinds
    assert ("review_awaited", PersonRecipient(mentor.id).key) in kinds
    assert all(kind != "review_result" for kind, _ in kinds)
