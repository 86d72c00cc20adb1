"""The planner's queries at scale: the trial question in one SQL query that gives the answers of
the per-pair check it replaced, no statement whose parameters grow with the pairs, and planned
ends found through their index a bounded batch at a time."""

from __future__ import annotations

import asyncio
import random
from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import event
from sqlmodel import select

from bot.kernel.clock import ManualClock
from bot.kernel.core import Core
from bot.pairs.stalled import began_at, stalled_pairs
from bot.pairs.trial import announce_planned_ends, end_planned_pairs
from bot.planning.notice_kinds import PLANNED_END_SOON, REVIEW_DUE
from bot.planning.planner import HORIZON, extend_pairs
from scheduler.dispatcher import Dispatcher
from storage.db import Database, make_engine, migrate
from storage.models import MeetingSession, Notification, Pair, Person
from storage.queries.sessions import PLANNED, SKIPPED, next_sessions, past_sessions, trial_due

NOW = datetime(2026, 12, 2, 17, 0, tzinfo=UTC)
LOS_ANGELES, AUCKLAND = "America/Los_Angeles", "Pacific/Auckland"
REVIEW = timedelta(days=85)  # a pair this old has its first review (3 months) in a few days


@pytest.fixture
def database(migrated_database_url: str) -> Database:
    engine = make_engine(migrated_database_url)
    migrate(engine)
    yield Database(engine)
    engine.dispose()


def add_pair(session, n: int, **fields) -> Pair:
    mentor, mentee = (
        Person(platform="slack", external_id=f"U{role}{n}", name=f"{role}{n}")
        for role in ("R", "E")
    )
    session.add_all([mentor, mentee])
    session.flush()
    pair = Pair(
        platform="slack",
        mentor_id=mentor.id,
        mentee_id=mentee.id,
        created_by_id=mentor.id,
        weekday=2,
        local_time=time(18, 0),
        duration_minutes=60,
        start=date(2026, 10, 1),
        format="video",
        **{
            "planned_until": NOW + HORIZON,
            "timezone": "Europe/Paris",
            "frequency": "weekly",
            "created_at": NOW - timedelta(days=60),
            **fields,
        },
    )
    session.add(pair)
    session.flush()
    return pair


def random_programme(database: Database, rng: random.Random, pairs: int) -> None:
    """Pairs of every status, asked or not, with held, skipped, running and future sessions of
    various lengths, some ending exactly on a whole minute the checks below fall on."""
    with database.session() as session:
        for n in range(pairs):
            pair = add_pair(
                session,
                n,
                status=rng.choice(("active", "active", "active", "paused", "ended")),
                trial_sessions=rng.randint(1, 4),
                trial_asked_at=NOW if rng.random() < 0.15 else None,
            )
            for half_hours in rng.sample(range(-60 * 48, 10 * 48), rng.randint(0, 6)):
                start = NOW + timedelta(minutes=30 * half_hours)
                session.add(
                    MeetingSession(
                        pair_id=pair.id,
                        occurrence=start,
                        starts_at=start,
                        duration_minutes=rng.choice((30, 45, 60, 90)),
                        status=rng.choice((PLANNED, PLANNED, PLANNED, SKIPPED)),
                    )
                )
                session.flush()


def per_pair_check(session, now: datetime) -> dict[int, datetime]:
    """The check as it was, pair by pair: every held session (not skipped, ended by `now`)
    counted, and the end of the latest one."""
    due = {}
    awaiting = select(Pair).where(Pair.status == "active", Pair.trial_asked_at.is_(None))
    for pair in session.exec(awaiting):
        held = [
            m
            for m in past_sessions(session=session, pair_id=pair.id, now=now)
            if m.status == PLANNED
        ]
        if len(held) >= pair.trial_sessions:
            due[pair.id] = held[0].starts_at + timedelta(minutes=held[0].duration_minutes)
    return due


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_trial_query_gives_the_answers_of_the_per_pair_check(database: Database, seed) -> None:
    rng = random.Random(seed)
    random_programme(database, rng, pairs=40)
    instants = [NOW + timedelta(minutes=30 * rng.randint(-30 * 48, 10 * 48)) for _ in range(6)]
    with database.session() as session:
        for now in [NOW, *instants]:
            expected = per_pair_check(session, now)
            found = {pair.id: end for pair, end in trial_due(session=session, now=now, limit=1000)}
            assert found == expected, now
            assert expected, "the programme should have pairs due at each instant"


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_each_pairs_next_session_is_its_first_planned_one_after_now(
    database: Database, seed
) -> None:
    """What the planner keeps for a pair with nothing in its window, and a stall notice names:
    neither a past session nor a skipped one."""
    random_programme(database, random.Random(seed), pairs=40)
    with database.session() as session:
        sessions = list(session.exec(select(MeetingSession)))
        expected: dict[int, datetime] = {}
        for m in sessions:
            if m.status == PLANNED and m.starts_at > NOW:
                expected[m.pair_id] = min(m.starts_at, expected.get(m.pair_id, m.starts_at))
        found = next_sessions(session=session, pair_ids=list(range(1, 41)), now=NOW)
    assert expected and {pair_id: m.starts_at for pair_id, m in found.items()} == expected


def test_since_an_instant_the_trial_query_finds_the_pairs_with_a_session_ended_after_it(
    database: Database,
) -> None:
    rng = random.Random(5)
    random_programme(database, rng, pairs=40)
    found_recent = 0
    with database.session() as session:
        for _ in range(8):
            now = NOW + timedelta(minutes=30 * rng.randint(-30 * 48, 10 * 48))
            since = now - timedelta(minutes=30 * rng.randint(1, 6 * 48))
            every = {p.id: end for p, end in trial_due(session=session, now=now, limit=1000)}
            recent = trial_due(
                session=session, now=now, limit=1000, started_after=since - timedelta(hours=2)
            )
            assert {p.id for p, _ in recent} <= set(every)
            assert {pair for pair, end in every.items() if end > since} <= {p.id for p, _ in recent}
            found_recent += len(recent)
    assert found_recent, "some pair should have had a session end in a window"


def test_trial_query_asks_at_most_the_limit_oldest_first(database: Database) -> None:
    rng = random.Random(4)
    random_programme(database, rng, pairs=40)
    with database.session() as session:
        every = [p.id for p, _ in trial_due(session=session, now=NOW, limit=1000)]
        assert len(every) > 3
        assert [p.id for p, _ in trial_due(session=session, now=NOW, limit=3)] == every[:3]


def statements_during_a_tick(url: str, pairs: int, held: bool = True) -> list[tuple[str, int]]:
    """(SQL, number of parameters) of each statement one steady dispatcher run executes, on a
    programme of `pairs` active pairs awaiting their trial question (their past sessions held,
    with a summary: none is stalled; unless not `held`: then every pair is stalled, and both
    members of each are asked to plan a session)."""
    engine = make_engine(url)
    migrate(engine)
    database = Database(engine)
    with database.session() as session:
        for n in range(pairs):
            pair = add_pair(session, n, status="active", trial_sessions=3)
            for k in (-2, -1, 1):
                start = NOW + timedelta(weeks=k)
                session.add(
                    MeetingSession(
                        pair_id=pair.id,
                        occurrence=start,
                        starts_at=start,
                        duration_minutes=60,
                        summary_at=start + timedelta(hours=2) if held and k < 0 else None,
                    )
                )
    seen: list[tuple[str, int]] = []

    def record(_conn, _cursor, statement, parameters, _context, executemany) -> None:
        rows = parameters if executemany else [parameters]
        seen.append((statement, sum(len(row or ()) for row in rows)))

    event.listen(engine, "before_cursor_execute", record)
    dispatcher = Dispatcher(Core(db=database, clock=ManualClock(NOW)), {})
    asyncio.run(dispatcher.run_once())
    engine.dispose()
    return seen


def test_a_tick_sends_no_more_parameters_for_more_pairs(tmp_path) -> None:
    small = statements_during_a_tick(f"sqlite:///{tmp_path / 'small.db'}", pairs=10)
    large = statements_during_a_tick(f"sqlite:///{tmp_path / 'large.db'}", pairs=60)
    assert len(small) == len(large)
    assert max(count for _, count in large) == max(count for _, count in small)
    # The widest, the claim: its two walks of the index, their limits, and the update's own.
    assert max(count for _, count in large) <= 20


def test_stall_notices_are_composed_with_a_bounded_number_of_reads_a_batch(tmp_path) -> None:
    def reads_per_batch(pairs: int) -> float:
        url = f"sqlite:///{tmp_path / f'{pairs}.db'}"
        seen = [sql for sql, _ in statements_during_a_tick(url, pairs=pairs, held=False)]
        claims = sum(1 for sql in seen if sql.lstrip().startswith("WITH chosen"))
        reads = [
            sql
            for sql in seen
            if sql.lstrip().upper().startswith(("SELECT", "WITH"))
            and not sql.lstrip().startswith("WITH chosen")
        ]
        assert any("meeting_session" in sql and "min(" in sql for sql in reads)  # next sessions
        return len(reads) / claims

    # A batch of rows is claimed, then composed with reads made for the batch, not row by row
    # (the tick's planning reads counted too: a claim of 10 pairs' notices makes 25 in all).
    assert reads_per_batch(60) <= reads_per_batch(10) < 30


@pytest.mark.postgres
def test_a_tick_sends_no_more_parameters_for_more_pairs_on_postgres(postgres_url) -> None:
    small = statements_during_a_tick(postgres_url, pairs=10)
    assert max(count for _, count in small) < 20


def owed_end_notices(session) -> list[str]:
    rows = session.exec(select(Notification).where(Notification.kind == PLANNED_END_SOON))
    return sorted(f"{row.recipient} {row.subject}" for row in rows)


def test_planned_ends_are_announced_a_bounded_batch_a_run_and_once_per_date(
    database: Database,
) -> None:
    with database.session() as session:
        pairs = [
            add_pair(session, n, planned_end=(NOW + timedelta(days=20 + n % 3)).date())
            for n in range(7)
        ]
        add_pair(session, 7, planned_end=(NOW + timedelta(days=60)).date())  # not yet
        add_pair(session, 8, status="ended", planned_end=(NOW + timedelta(days=20)).date())
        told = [announce_planned_ends(session=session, now=NOW, limit=3) for _ in range(4)]
        assert told == [3, 3, 1, 0]
        assert len(owed_end_notices(session)) == 14
        session.expire_all()
        assert {p.end_announced for p in pairs} == {p.planned_end for p in pairs}
        moved = pairs[0]
        moved.planned_end = (NOW + timedelta(days=25)).date()
        session.add(moved)
        session.flush()
        assert announce_planned_ends(session=session, now=NOW, limit=3) == 1
        assert len(owed_end_notices(session)) == 16  # told again, of the new date


def test_planned_ends_come_at_midnight_in_each_pairs_zone_a_bounded_batch_a_run(
    database: Database,
) -> None:
    today = NOW.date()  # 17:00 UTC: already tomorrow in Auckland, still today in Los Angeles
    with database.session() as session:
        west = [
            add_pair(session, n, planned_end=today + timedelta(days=1), timezone=LOS_ANGELES)
            for n in range(3)
        ]
        east = [
            add_pair(session, 3 + n, planned_end=today + timedelta(days=1), timezone=AUCKLAND)
            for n in range(3)
        ]
        late = add_pair(session, 6, planned_end=today - timedelta(days=2))
        ended = [
            end_planned_pairs(session=session, now=NOW, retention=timedelta(days=30), limit=2)
            for _ in range(3)
        ]
        assert ended == [2, 2, 0]  # the pairs of Los Angeles, first by id, wait for their day
        assert {p.status for p in [late, *east]} == {"ended"}
        assert {p.status for p in west} == {"active"}


@pytest.mark.parametrize("seed", [1, 2])
def test_stalls_begun_since_a_check_are_those_of_the_full_check_begun_since(
    database: Database, seed
) -> None:
    """The full check reads only the stalled pairs (by rhythm, in SQL): it finds what the rule
    finds applied to every pair. The hourly check reads only the pairs whose stall began since
    the last one: it finds what the full check finds, filtered by when each stall began."""
    rng = random.Random(seed)
    rhythms = (("weekly", 1), ("weekly", 2), ("weekly", 4), ("monthly", 1), ("monthly", 3))
    with database.session() as session:
        for n in range(60):
            frequency, interval = rng.choice(rhythms)
            accepted = [NOW - timedelta(days=rng.randint(40, 200)) for _ in range(2)]
            resumed = NOW - timedelta(days=rng.randint(0, 150))
            pair = add_pair(
                session,
                n,
                status=rng.choice(("active", "active", "active", "paused")),
                frequency=frequency,
                interval=interval,
                created_at=NOW - timedelta(days=220),
                mentor_accepted_at=accepted[0],
                mentee_accepted_at=accepted[1] if rng.random() < 0.8 else None,
                resumed_at=resumed if rng.random() < 0.2 else None,
            )
            for days in rng.sample(range(-150, 10), rng.randint(0, 4)):
                start = NOW + timedelta(days=days, hours=rng.randint(0, 23))
                meeting = MeetingSession(
                    pair_id=pair.id,
                    occurrence=start,
                    starts_at=start,
                    duration_minutes=60,
                    status=rng.choice((PLANNED, PLANNED, SKIPPED)),
                )
                meeting.summary_at = start + timedelta(hours=2) if rng.random() < 0.7 else None
                session.add(meeting)
            session.flush()
        all_ids = [p.id for p in session.exec(select(Pair)).all() if p.id is not None]
        found_some = False
        for _ in range(12):
            now = NOW + timedelta(hours=rng.randint(-24 * 60, 24 * 10))
            after = now - timedelta(hours=rng.choice((1, 24, 24 * 20)))
            every = stalled_pairs(session=session, now=now, activity=False)
            ruled = stalled_pairs(session=session, now=now, activity=False, pair_ids=all_ids)
            assert [(s.pair.id, s.since) for s in every] == [(s.pair.id, s.since) for s in ruled], (
                now
            )
            expected = [(s.pair.id, s.since) for s in every if began_at(s) > after]
            begun = stalled_pairs(session=session, now=now, activity=False, began_after=after)
            assert [(s.pair.id, s.since) for s in begun] == expected, (now, after)
            found_some = found_some or bool(expected)
        assert found_some, "some stalls should begin between the checks"


def test_extending_pairs_reads_their_members_once_however_many(tmp_path) -> None:
    """The members a batch of pairs needs for their reviews' zones are read in one statement
    and held while the batch is planned: not read again one by one (the session keeps what
    it loaded only while someone holds it)."""

    def member_reads(pairs: int) -> int:
        engine = make_engine(f"sqlite:///{tmp_path / f'{pairs}.db'}")
        migrate(engine)
        database = Database(engine)
        with database.session() as session:
            for n in range(pairs):  # the first review falls within the window planned now
                add_pair(session, n, status="active", created_at=NOW - REVIEW).planned_until = None
        reads: list[str] = []

        def record(_conn, _cursor, statement, _parameters, _context, _executemany) -> None:
            if statement.lstrip().upper().startswith("SELECT") and "FROM person" in statement:
                reads.append(statement)

        with database.session() as session:
            batch = list(session.exec(select(Pair)))
            event.listen(engine, "before_cursor_execute", record)
            extend_pairs(session=session, pairs=batch, now=NOW)
            event.remove(engine, "before_cursor_execute", record)
            owed = session.exec(select(Notification).where(Notification.kind == REVIEW_DUE))
            assert len(owed.all()) == 2 * pairs  # each member invited to the review
        engine.dispose()
        return len(reads)

    assert member_reads(30) == member_reads(3) == 1
