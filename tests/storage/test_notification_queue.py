"""The notification queue on SQLite and PostgreSQL: owed once, claimed by one worker only."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from storage.db import Database, make_engine, migrate
from storage.models import Notification
from storage.queries.notifications import (
    PENDING,
    SENT,
    Owed,
    claim_due,
    finish,
    owe,
    release_stale_claims,
)

NOW = datetime(2026, 12, 2, 17, 0, tzinfo=UTC)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database(request: pytest.FixtureRequest, sqlite_url: str) -> Database:
    url = sqlite_url if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    engine = make_engine(url)
    migrate(engine)
    migrate(engine)  # a second start-up finds the schema up to date
    yield Database(engine)
    engine.dispose()


def owed(count: int) -> list[Owed]:
    return [
        Owed("reminder", f"p:{n}", "session:1@x", NOW - timedelta(minutes=1)) for n in range(count)
    ]


def test_owing_twice_plans_once(database: Database) -> None:
    with database.session() as session:
        assert owe(session=session, owed=owed(3), now=NOW) == 3
    with database.session() as session:
        assert owe(session=session, owed=owed(5), now=NOW) == 2
        rows = session.exec(select(Notification)).all()
    assert len(rows) == 5
    assert all(row.due_at.tzinfo is not None for row in rows)


def test_concurrent_workers_never_claim_the_same_row(database: Database) -> None:
    with database.session() as session:
        owe(session=session, owed=owed(400), now=NOW)

    def worker(_: int) -> list[int]:
        claimed: list[int] = []
        while True:
            with database.session() as session:
                rows = claim_due(session=session, now=NOW, limit=7)
            if not rows:
                return claimed
            claimed.extend(row.id for row in rows if row.id is not None)

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(worker, range(4)))
    everything = [row_id for claimed in results for row_id in claimed]
    assert len(everything) == 400
    assert len(set(everything)) == 400


def test_claims_left_by_a_dead_process_are_requeued(database: Database) -> None:
    with database.session() as session:
        owe(session=session, owed=owed(2), now=NOW)
    with database.session() as session:
        first, second = claim_due(session=session, now=NOW, limit=10)
    with database.session() as session:
        finish(session=session, notification_id=first.id, status=SENT, now=NOW, outcome="ts")
    later = NOW + timedelta(minutes=11)
    with database.session() as session:
        assert (
            release_stale_claims(session=session, now=later, older_than=timedelta(minutes=10)) == 1
        )
    with database.session() as session:
        statuses = {row.id: row.status for row in session.exec(select(Notification))}
    assert statuses == {first.id: SENT, second.id: PENDING}
