"""The checks of each planning run that almost always find nothing (pauses ending, planned
ends, content due for erasure, lapsed trial questions, the trial question, expired DM replies)
read with Core statements, or ask with one whether there is anything before the ORM loads it:
what the session holds unflushed still counts, as with the ORM's autoflush, and a quiet run
loads no pair for them."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from bot.kernel.clock import ManualClock
from bot.kernel.core import Core
from scheduler.dispatcher import Dispatcher
from storage.db import Database, make_engine, migrate
from storage.models import MeetingSession, Pair, PendingReply
from storage.queries.pairs import pairs_ending_by, pairs_with_lapsed_trial, pauses_ending_by
from storage.queries.replies import forget_expired_replies
from storage.queries.retention import _DUE_FOR_ERASURE, pairs_due_for_erasure
from storage.queries.sessions import _trial_due, trial_due
from tests.storage.programme_rows import insert_programme, pair_row
from tests.storage.test_planner_queries import add_pair as planner_pair

NOW = datetime(2026, 12, 2, 17, 0, tzinfo=UTC)
TODAY = NOW.date()


@pytest.fixture
def database(migrated_database_url: str) -> Iterator[Database]:
    engine = make_engine(migrated_database_url)
    migrate(engine)
    yield Database(engine)
    engine.dispose()


def add_pair(session, n: int) -> Pair:
    """An active pair planned ahead, accepted, with nothing due."""
    made = NOW - timedelta(days=10)
    return planner_pair(
        session,
        n,
        created_at=made,
        mentor_accepted_at=made,
        mentee_accepted_at=made,
        planned_until=NOW + timedelta(days=60),
    )


def test_each_check_finds_what_the_session_holds_unflushed(database: Database) -> None:
    with database.session() as session:
        ids = [add_pair(session, n).id for n in range(5)]
    with database.session() as session:
        paused, lapsed, ending, ended, trial = (session.get(Pair, i) for i in ids)
        assert pauses_ending_by(session=session, day=TODAY, limit=10) == []
        assert forget_expired_replies(session=session, now=NOW) == 0
        # Changed, not flushed: each check below must see it.
        paused.status, paused.paused_until = "paused", TODAY
        lapsed.trial_asked_at = NOW - timedelta(days=20)
        ending.planned_end = TODAY
        ended.status, ended.ended_at, ended.retain_until = "ended", NOW, NOW
        starts = [NOW - timedelta(days=7 * k, hours=3) for k in (2, 1, 0)]
        session.add_all(
            MeetingSession(pair_id=trial.id, occurrence=s, starts_at=s, duration_minutes=60)
            for s in starts
        )
        session.add(
            PendingReply(
                token="t",
                author_id=trial.mentor_id,
                text="x",
                created_at=NOW - timedelta(days=3),
                expires_at=NOW - timedelta(minutes=1),
            )
        )
        assert pauses_ending_by(session=session, day=TODAY, limit=10) == [paused]
        lapsed_before = NOW - timedelta(days=14)
        found = pairs_with_lapsed_trial(session=session, asked_before=lapsed_before, limit=10)
        assert found == [lapsed]
        kept = pairs_ending_by(session=session, day=TODAY, keep=lambda _: True, limit=10)
        assert [ending.id] == [e.id for e in kept]
        ended_before = NOW - timedelta(days=30)
        assert pairs_due_for_erasure(
            session=session, now=NOW, ended_before=ended_before, limit=10
        ) == [ended.id]
        last_end = starts[-1] + timedelta(hours=1)
        recent = NOW - timedelta(hours=12)
        assert trial_due(session=session, now=NOW, limit=10, started_after=recent) == [
            (trial, last_end)
        ]
        assert forget_expired_replies(session=session, now=NOW) == 1
        assert forget_expired_replies(session=session, now=NOW) == 0


def test_a_quiet_run_loads_no_pair_for_the_checks_that_find_nothing(tmp_path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'quiet.db'}")
    migrate(engine)
    database = Database(engine)
    with database.session() as session:
        for n in range(5):
            add_pair(session, n)
    clock = ManualClock(NOW)
    dispatcher = Dispatcher(Core(db=database, clock=clock), {})
    asyncio.run(dispatcher.run_once())  # after start-up: the trial question's sweep, too
    seen: list[str] = []

    def record(_conn, _cursor, statement, _parameters, _context, _executemany) -> None:
        seen.append(" ".join(statement.split()))

    event.listen(engine, "before_cursor_execute", record)
    clock.advance(timedelta(hours=1))
    asyncio.run(dispatcher.run_once())
    engine.dispose()
    asks = [sql for sql in seen if sql.startswith("SELECT EXISTS")]
    for looked_for in ("pair.paused_until <=", "pair.trial_asked_at <", "FROM pending_reply"):
        assert [sql for sql in asks if looked_for in sql], looked_for
    loads = [sql for sql in seen if sql.startswith("SELECT pair.frequency")]  # whole pairs
    assert not [sql for sql in loads if "paused_until <=" in sql or "trial_asked_at <" in sql]
    assert not [sql for sql in seen if sql.startswith("DELETE FROM pending_reply")]


@pytest.fixture(scope="module")
def all_active(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """3,000 active pairs, none with a retention date, most asked the trial question at an
    instant of their own, four sessions each, with the planner's statistics: a programme in
    its first months, as `simulate` runs one."""
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('active') / 'active.db'}")
    migrate(engine)
    rng = random.Random(3)
    people, pairs, sessions = [], [], []
    for n in range(3000):
        people += [
            {"id": k, "platform": "slack", "external_id": f"U{k}", "name": f"P{k}"}
            for k in (2 * n + 1, 2 * n + 2)
        ]
        created = NOW - timedelta(days=rng.uniform(1, 300))
        asked = created + timedelta(days=30) if rng.random() < 0.8 else None
        pairs.append(
            pair_row(
                n,
                created,
                trial_asked_at=asked if asked is not None and asked < NOW else None,
                trial_outcome="continue" if asked and rng.random() < 0.5 else None,
            )
        )
        for k in range(4):
            start = created + timedelta(weeks=k + 1, minutes=rng.randint(0, 600))
            sessions.append(
                {"pair_id": n + 1, "occurrence": start, "starts_at": start, "duration_minutes": 60}
            )
    insert_programme(engine, people, pairs, sessions)
    yield engine
    engine.dispose()


def plan_as_run(engine: Engine, statement: Any, **params: object) -> list[str]:
    """The plan of `statement` as it runs, its parameters bound: written into its text, a
    LIMIT the planner can read leads it elsewhere."""
    ran: list[tuple[str, Any]] = []

    def record(_conn, _cursor, sql, parameters, _context, _executemany) -> None:
        ran.append((sql, parameters))

    with engine.connect() as connection:
        event.listen(engine, "before_cursor_execute", record)
        try:
            connection.execute(statement, params).all()
        finally:
            event.remove(engine, "before_cursor_execute", record)
        rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {ran[0][0]}", ran[0][1])
        return [str(row[-1]) for row in rows]


def test_the_trial_question_is_looked_for_from_the_recent_sessions_on_sqlite(
    all_active: Engine,
) -> None:
    """The pairs not yet asked share one key of the index on (trial outcome, asked at): its
    statistics, two pairs a key on average, drew SQLite to walk every one of them through it
    instead of seeking the pairs of the few sessions of the last hours."""
    recent = NOW - timedelta(hours=9)
    plan = plan_as_run(
        all_active, _trial_due("sqlite", True, False), now=NOW, now_epoch=NOW.timestamp(),
        limit=500, started_after=recent,
    )  # fmt: skip
    assert not [step for step in plan if "ix_pair_trial_outcome_trial_asked_at" in step], plan
    assert "SEARCH meeting_session USING INDEX ix_meeting_session_starts_at" in " ".join(plan)
    assert "SEARCH pair USING INTEGER PRIMARY KEY (rowid=?)" in plan, plan


def test_content_due_for_erasure_is_found_by_date_while_every_pair_is_active(
    all_active: Engine,
) -> None:
    """Statistics that know one status and no retention date: with the two conditions in one
    OR, SQLite walked every pair."""
    before = NOW - timedelta(days=30)
    plan = plan_as_run(all_active, _DUE_FOR_ERASURE, now=NOW, ended_before=before, limit=50)
    assert "SCAN pair" not in plan, plan
    assert "SEARCH pair USING INDEX ix_pair_retain_until (retain_until<?)" in plan, plan
    assert any("ix_pair_status_retain_until_ended_at (status=?" in step for step in plan), plan
