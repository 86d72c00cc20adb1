"""Reads the dispatcher makes every minute (content due for erasure, among others) or every hour
(stalls that began since the last check, and the programme's rhythms) are index ranges, not a
walk of every pair: their plans on SQLite, with the statistics of a programme of 3,000 pairs
whose dates differ, as a deployment's do. PostgreSQL's planner has the same indexes."""

from __future__ import annotations

import asyncio
import random
import re
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
from storage.queries.health import _RHYTHMS, _quiet_pairs_of
from storage.queries.notifications import _claim_statement
from storage.queries.retention import _DUE_FOR_ERASURE
from tests.storage.programme_rows import insert_programme, pair_row
from tests.storage.test_planning_checks import plan_as_run

NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
PAIRS = 3000
RHYTHMS = (("monthly", 1), ("weekly", 1), ("weekly", 2))
TABLES = {"pair", "person", "meeting_session", "notification"}


def plan_of(engine: Engine, statement: object, **params: object) -> str:
    compiled = statement.params(**params).compile(  # type: ignore[attr-defined]
        engine, compile_kwargs={"literal_binds": True}
    )
    with engine.connect() as connection:
        rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}")
        return " | ".join(str(row[-1]) for row in rows)


@pytest.fixture(scope="module")
def programme(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """3,000 pairs created over 300 days, most active, some ended or resumed, four sessions
    each, with the planner's statistics."""
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('plans') / 'plans.db'}")
    migrate(engine)
    rng = random.Random(5)
    people = [
        {"id": n + 1, "platform": "slack", "external_id": f"U{n}", "name": f"P{n}"}
        for n in range(2 * PAIRS)
    ]
    pairs, sessions = [], []
    for n in range(PAIRS):
        created = NOW - timedelta(days=rng.uniform(1, 300))
        ended = rng.random() < 0.2
        frequency, interval = rng.choice(RHYTHMS)
        pairs.append(
            pair_row(
                n,
                created,
                status="ended" if ended else "active",
                planned_until=NOW + timedelta(days=rng.uniform(20, 60)),
                mentor_accepted_at=created + timedelta(hours=rng.uniform(0, 48)),
                mentee_accepted_at=created + timedelta(hours=rng.uniform(0, 48)),
                resumed_at=created + timedelta(days=30) if rng.random() < 0.05 else None,
                ended_at=NOW - timedelta(days=rng.uniform(0, 100)) if ended else None,
                retain_until=NOW + timedelta(days=rng.uniform(-5, 300)) if ended else None,
                frequency=frequency,
                interval=interval,
            )
        )
        for k in range(4):
            start = created + timedelta(weeks=2 * k + 1)
            sessions.append(
                {
                    "pair_id": n + 1,
                    "occurrence": start,
                    "starts_at": start,
                    "duration_minutes": 60,
                    "status": "planned",
                    "summary_at": start + timedelta(hours=2) if start < NOW else None,
                }
            )
    insert_programme(engine, people, pairs, sessions)
    yield engine
    engine.dispose()


def test_content_due_for_erasure_is_found_by_date_not_by_walking_the_pairs(
    programme: Engine,
) -> None:
    plan = plan_of(
        programme, _DUE_FOR_ERASURE, now=NOW, ended_before=NOW - timedelta(days=30), limit=50
    )
    assert "SCAN pair" not in plan, plan
    assert "ix_pair_retain_until" in plan and "ix_pair_status_retain_until_ended_at" in plan, plan


def test_the_hourly_stall_check_reads_the_pairs_that_moved_not_every_pair(
    programme: Engine,
) -> None:
    windows: dict[str, object] = {"now": NOW}
    for n, (frequency, interval) in enumerate(RHYTHMS):
        stall = timedelta(days=60 if frequency == "monthly" else 21 * interval)
        windows |= {f"quiet{n}": NOW - stall, f"after{n}": NOW - stall - timedelta(hours=2)}
    plan = plan_of(programme, _quiet_pairs_of(RHYTHMS, True), **windows)
    assert "SCAN pair" not in plan, plan
    assert "ix_meeting_session_starts_at" in plan, plan
    assert all(f"ix_pair_{name}" in plan for name in ("created_at", "resumed_at")), plan


def test_the_programmes_rhythms_are_read_from_an_index_alone(programme: Engine) -> None:
    """Seeks a rhythm: the first, then the next interval of its frequency or the next
    frequency, each a range of the index, read in its order (only the few rhythms found are
    sorted)."""
    plan = plan_of(programme, _RHYTHMS)
    steps = plan.split(" | ")
    reads = [step for step in steps if " pair " in f"{step} "]
    assert reads and all(
        "SEARCH pair USING COVERING INDEX ix_pair_status_rhythm" in r for r in reads
    )
    for keys in ("=?)", "=? AND frequency=? AND interval>?)", "=? AND frequency>?)"):
        assert f"ix_pair_status_rhythm (status=? AND retain_until{keys}" in plan, plan
    assert [step for step in steps if "TEMP B-TREE" in step] == ["USE TEMP B-TREE FOR ORDER BY"]


def test_no_read_of_a_quiet_minute_or_hour_walks_a_table(programme: Engine) -> None:
    """Every statement of the dispatcher's runs after start-up, a minute and an hour later:
    none walks a table (a scan of a small subquery's result is no walk)."""
    clock = ManualClock(NOW)
    dispatcher = Dispatcher(Core(db=Database(programme), clock=clock), {})
    asyncio.run(dispatcher.run_once())
    seen: list[tuple[str, Any]] = []

    def note(_conn: object, _cursor: object, statement: str, parameters: Any, *_: object) -> None:
        seen.append((statement, parameters))

    event.listen(programme, "before_cursor_execute", note)
    try:
        for step in (timedelta(minutes=1), timedelta(hours=1)):
            clock.advance(step)
            asyncio.run(dispatcher.run_once())
    finally:
        event.remove(programme, "before_cursor_execute", note)
    walks = []
    with programme.connect() as connection:
        for statement, parameters in seen:
            if statement.lstrip().split()[0].upper() not in ("SELECT", "UPDATE", "DELETE", "WITH"):
                continue
            rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
            plan = " | ".join(str(row[-1]) for row in rows)
            if TABLES & set(re.findall(r"SCAN (\w+)", plan)):
                walks.append((plan, " ".join(statement.split())[:200]))
    assert not walks, "\n".join(map(str, walks))


def test_a_claim_updates_the_rows_it_chose_by_id(programme: Engine) -> None:
    """The UPDATE repeats the claimable condition (a row goes to one caller on SQLite): read
    by the index, it walked every claimable row again; the chosen rows are found by id."""
    claim = _claim_statement(postgres=False).element  # the UPDATE the rows are loaded from
    plan = " | ".join(plan_as_run(programme, claim, now=NOW, owner="me", until=NOW, limit=64))
    assert plan.startswith("SEARCH notification USING INTEGER PRIMARY KEY"), plan
