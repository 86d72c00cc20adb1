"""Notification planning: which messages each session owes, to whom, when — once."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, time, timedelta

from sqlmodel import Session, select

from bot.kernel.clock import ManualClock
from bot.kernel.core import Core
from bot.kernel.notice_keys import PersonRecipient
from bot.pairs.creation import create_pair
from bot.planning.planner import HORIZON, next_digest_at, plan
from bot.rhythm.model import Frequency, Rhythm
from storage.models import DigestSubscription, MeetingSession, Notification, Pair, Person
from storage.queries.people import upsert_person

RHYTHM = Rhythm(
    frequency=Frequency.WEEKLY,
    interval=2,
    weekday=3,
    local_time=time(18, 0),
    duration_minutes=60,
    timezone="Europe/Paris",
    start=date(2026, 12, 3),
)


def agreed_pair(
    session: Session,
    mentor: Person,
    mentee: Person,
    now: datetime,
    *,
    actor: Person | None = None,
    rhythm: Rhythm = RHYTHM,
) -> Pair:
    """A Slack pair both members have already agreed to, planned from `now`."""
    pair, _ = create_pair(
        session=session,
        platform="slack",
        actor=actor or mentor,
        mentor=mentor,
        mentee=mentee,
        rhythm=rhythm,
        now=now,
        agreed=True,
    )
    return pair


def numbered_pair(
    session: Session, n: int, now: datetime, *, locale: str | None = None, rhythm: Rhythm = RHYTHM
) -> Pair:
    """Pair number `n`, agreed and planned from `now`: mentor `URn` and mentee `UEn`, new
    members in Paris."""
    mentor, mentee = (
        upsert_person(
            session=session,
            platform="slack",
            external_id=f"U{role}{n}",
            name=f"{role}{n}",
            timezone="Europe/Paris",
            locale=locale,
            now=now,
        )
        for role in ("R", "E")
    )
    return agreed_pair(session, mentor, mentee, now, rhythm=rhythm)


def people(core: Core, now: datetime) -> tuple[Person, Person]:
    with core.db.session() as session:
        return tuple(  # type: ignore[return-value]
            upsert_person(
                session=session,
                platform="slack",
                external_id=external_id,
                name=external_id.lower(),
                timezone=zone,
                locale=None,
                now=now,
            )
            for external_id, zone in (("UCLAIRE", "Europe/Paris"), ("UTHOMAS", "America/Montreal"))
        )


def owed(core: Core) -> list[Notification]:
    with core.db.session() as session:
        return list(session.exec(select(Notification).order_by(Notification.due_at)))


def test_each_session_owes_reminders_requests_and_nudges(core: Core, clock: ManualClock) -> None:
    now = clock.now()
    mentor, mentee = people(core, now)
    with core.db.session() as session:
        agreed_pair(session, mentor, mentee, now, actor=mentee)
    with core.db.session() as session:
        starts = [m.starts_at for m in session.exec(select(MeetingSession))]
    # Every 2 weeks from 3 December, up to the horizon: 3 and 17 December, 1 … January.
    assert starts[0] == datetime(2026, 12, 3, 17, 0, tzinfo=UTC)
    assert all(b - a == timedelta(weeks=2) for a, b in itertools.pairwise(starts))
    assert starts[-1] <= now + HORIZON

    rows = owed(core)
    first = [r for r in rows if r.subject.startswith("session:") and "20261203T1700Z" in r.subject]
    plan_of = sorted((r.kind, r.recipient, r.due_at, r.expires_at) for r in first)
    start, end = starts[0], starts[0] + timedelta(hours=1)
    assert plan_of == sorted(
        [
            ("reminder", PersonRecipient(mentor.id).key, start - timedelta(hours=24), start),
            ("reminder", PersonRecipient(mentee.id).key, start - timedelta(hours=24), start),
            ("summary_request", PersonRecipient(mentee.id).key, end, end + timedelta(hours=48)),
            (
                "summary_request_next_day",
                PersonRecipient(mentor.id).key,
                end + timedelta(hours=24),
                end + timedelta(hours=48),
            ),
            (
                "summary_nudge",
                PersonRecipient(mentee.id).key,
                end + timedelta(hours=48),
                end + timedelta(days=7),
            ),
            (
                "summary_nudge",
                PersonRecipient(mentor.id).key,
                end + timedelta(hours=48),
                end + timedelta(days=7),
            ),
        ]
    )
    announcements = [r for r in rows if r.kind == "pair_started"]
    assert {r.recipient for r in announcements} == {
        PersonRecipient(mentor.id).key,
        PersonRecipient(mentee.id).key,
    }
    assert all(r.due_at == now for r in announcements)
    calendars = [r for r in rows if r.kind == "calendar_update"]  # the series' .ics, to each
    assert {r.recipient for r in calendars} == {r.recipient for r in announcements}
    assert len(rows) == 2 + 2 + 6 * len(starts)


def test_planning_again_owes_nothing_new_until_the_horizon_moves(
    core: Core, clock: ManualClock
) -> None:
    now = clock.now()
    mentor, mentee = people(core, now)
    with core.db.session() as session:
        agreed_pair(session, mentor, mentee, now)
    before = len(owed(core))
    with core.db.session() as session:
        plan(session=session, now=now)
        plan(session=session, now=now + timedelta(minutes=1))
    assert len(owed(core)) == before
    clock.advance(timedelta(days=30))
    with core.db.session() as session:
        plan(session=session, now=clock.now())
    with core.db.session() as session:
        last = max(m.starts_at for m in session.exec(select(MeetingSession)))
    assert last > now + HORIZON
    assert len(owed(core)) > before


def test_digest_is_due_monday_nine_in_the_subscriber_zone() -> None:
    paris = DigestSubscription(
        platform="slack", channel_id="C1", timezone="Europe/Paris", created_by_id=1
    )
    montreal = DigestSubscription(
        platform="slack", channel_id="C2", timezone="America/Montreal", created_by_id=1
    )
    sunday = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
    assert next_digest_at(paris, sunday) == datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    assert next_digest_at(montreal, sunday) == datetime(2026, 11, 30, 14, 0, tzinfo=UTC)
    # Strictly after now: at 09:00 sharp the next one is a week later.
    monday_nine = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    assert next_digest_at(paris, monday_nine) == datetime(2026, 12, 7, 8, 0, tzinfo=UTC)
    # Across the end of summer time (25 October 2026) 09:00 Paris moves from 07:00 to 08:00 UTC.
    assert next_digest_at(paris, datetime(2026, 10, 19, 12, tzinfo=UTC)) == datetime(
        2026, 10, 26, 8, 0, tzinfo=UTC
    )


def test_a_cohort_is_extended_a_bounded_batch_per_run_least_planned_first(
    core: Core, clock: ManualClock
) -> None:
    now = clock.now()
    with core.db.session() as session:
        pairs = []
        for n in range(5):
            pairs.append(numbered_pair(session, n, now).id)
    later = now + timedelta(days=30)  # every pair's plan now runs short
    with core.db.session() as session:
        # The pair planned least far ahead goes first, whatever its id.
        session.get(Pair, pairs[3]).planned_until = now + timedelta(days=33)
    extended = []
    for _ in range(3):
        with core.db.session() as session:
            before = {p.id: p.planned_until for p in session.exec(select(Pair))}
            done = sum(len(batch) for batch in extended)
            assert plan(session=session, now=later, limit=2) == min(2, 5 - done)
            after = {p.id: p.planned_until for p in session.exec(select(Pair))}
        extended.append([pair_id for pair_id in pairs if after[pair_id] != before[pair_id]])
    assert pairs[3] in extended[0]
    assert sorted(itertools.chain(*extended)) == sorted(pairs)
    assert [len(batch) for batch in extended] == [2, 2, 1]
    with core.db.session() as session:
        assert plan(session=session, now=later, limit=2) == 0
