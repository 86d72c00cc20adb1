"""The notification queue on SQLite and PostgreSQL: owed once, claimed by one worker only."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from bot.kernel.notice_keys import PersonRecipient
from storage.db import Database, make_engine, migrate
from storage.models import Notification
from storage.queries.notifications import (
    DROPPED,
    PENDING,
    SENDING,
    SENT,
    Outcome,
    Owed,
    claim_due,
    finish,
    next_due_after,
    owe,
    record_outcomes,
    release_claims,
    renew_leases,
)

NOW = datetime(2026, 12, 2, 17, 0, tzinfo=UTC)
LEASE = timedelta(seconds=30)


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
        Owed("reminder", PersonRecipient(n).key, "session:1@x", NOW - timedelta(minutes=1))
        for n in range(count)
    ]


def test_owing_twice_plans_once(database: Database) -> None:
    with database.session() as session:
        assert owe(session=session, owed=owed(3), now=NOW) == 3
    with database.session() as session:
        assert owe(session=session, owed=owed(5), now=NOW) == 2
        rows = session.exec(select(Notification)).all()
    assert len(rows) == 5
    assert all(row.due_at.tzinfo is not None for row in rows)


def test_owing_counts_only_the_rows_inserted(database: Database) -> None:
    """One row alone, a batch naming a row twice, a batch of rows all planned already: what
    `owe` returns is what the table gained (SQLite counts an executemany's rows, PostgreSQL
    its RETURNING)."""
    with database.session() as session:
        assert owe(session=session, owed=owed(1), now=NOW) == 1
        assert owe(session=session, owed=owed(1), now=NOW) == 0
        assert owe(session=session, owed=[*owed(3), *owed(3)], now=NOW) == 2
        assert owe(session=session, owed=owed(3), now=NOW) == 0
        assert len(session.exec(select(Notification)).all()) == 3


def test_concurrent_workers_never_claim_the_same_row(database: Database) -> None:
    with database.session() as session:
        owe(session=session, owed=owed(400), now=NOW)

    def worker(n: int) -> list[int]:
        claimed: list[int] = []
        while True:
            with database.session() as session:
                rows = claim_due(session=session, now=NOW, owner=f"w{n}", lease=LEASE, limit=7)
            if not rows:
                return claimed
            claimed.extend(row.id for row in rows if row.id is not None)

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(worker, range(4)))
    everything = [row_id for claimed in results for row_id in claimed]
    assert len(everything) == 400
    assert len(set(everything)) == 400


def claim(database: Database, owner: str, now: datetime, limit: int = 10) -> list[Notification]:
    with database.session() as session:
        return claim_due(session=session, now=now, owner=owner, lease=LEASE, limit=limit)


def test_a_lease_is_taken_over_once_it_runs_out_never_before(database: Database) -> None:
    with database.session() as session:
        owe(session=session, owed=owed(2), now=NOW)
    first, second = claim(database, "dead", NOW)
    with database.session() as session:
        finish(
            session=session,
            notification_id=first.id,
            owner="dead",
            status=SENT,
            now=NOW,
            outcome="ts",
        )
    assert claim(database, "alive", NOW + LEASE) == []  # not yet: the lease still holds
    [taken] = claim(database, "alive", NOW + LEASE + timedelta(seconds=1))
    assert (taken.id, taken.claimed_by) == (second.id, "alive")
    with database.session() as session:
        late = finish(
            session=session,
            notification_id=second.id,
            owner="dead",
            status=SENT,
            now=NOW,
            outcome="late",
        )
    assert late is False  # the first holder lost it: its outcome is not recorded


def test_a_claim_takes_rows_whose_lease_ran_out_before_due_ones(database: Database) -> None:
    with database.session() as session:
        owe(session=session, owed=owed(1), now=NOW)
    [orphan] = claim(database, "dead", NOW)
    with database.session() as session:  # owed since, and due before the orphan
        early = [
            Owed("reminder", PersonRecipient(n).key, "session:2@x", NOW - timedelta(hours=1))
            for n in (7, 8)
        ]
        owe(session=session, owed=early, now=NOW)
    after_lease = NOW + LEASE + timedelta(seconds=1)
    [first] = claim(database, "alive", after_lease, limit=1)
    assert (first.id, first.claimed_by) == (orphan.id, "alive")
    rest = claim(database, "alive", after_lease, limit=5)
    assert [row.recipient for row in rest] == ["p:7", "p:8"]  # oldest due first
    assert claim(database, "alive", after_lease) == []


def test_a_renewed_lease_holds_and_a_released_one_is_due_again(database: Database) -> None:
    with database.session() as session:
        owe(session=session, owed=owed(3), now=NOW)
    held = claim(database, "worker", NOW, limit=2)
    later = NOW + LEASE + timedelta(seconds=5)
    with database.session() as session:
        assert renew_leases(session=session, owner="worker", until=later + LEASE) == 2
    assert [row.id for row in claim(database, "other", later)] == [3]  # only the unclaimed one
    with database.session() as session:
        assert release_claims(session=session, owner="worker") == 2
        statuses = {row.id: row.status for row in session.exec(select(Notification))}
    assert statuses == {held[0].id: PENDING, held[1].id: PENDING, 3: SENDING}
    assert {row.id for row in claim(database, "other", later)} == {row.id for row in held}


def test_outcomes_recorded_together_say_which_lease_was_lost(database: Database) -> None:
    with database.session() as session:
        owe(session=session, owed=owed(4), now=NOW)
    sent, dropped, again, lost = claim(database, "dead", NOW, limit=4)
    [taken] = claim(database, "alive", NOW + LEASE + timedelta(seconds=1), limit=1)
    assert taken.id == sent.id  # its lease ran out first: the oldest due
    retry_at = NOW + timedelta(minutes=5)
    with database.session() as session:
        renew_leases(session=session, owner="dead", until=NOW + 2 * LEASE)  # the rest: held
        batch = [
            Outcome(sent.id, "late", status=SENT, now=NOW),
            Outcome(dropped.id, "gone", status=DROPPED, now=NOW),
            Outcome(again.id, "ratelimited", due_at=retry_at),
            Outcome(lost.id, "ts", status=SENT, now=NOW),
        ]
        assert record_outcomes(session=session, owner="dead", outcomes=batch) == [
            False,
            True,
            True,
            True,
        ]
        rows = {row.id: row for row in session.exec(select(Notification))}
    assert (rows[sent.id].status, rows[sent.id].claimed_by) == (SENDING, "alive")
    assert (rows[dropped.id].status, rows[dropped.id].outcome) == (DROPPED, "gone")
    assert (rows[again.id].status, rows[again.id].due_at) == (PENDING, retry_at)
    assert (rows[lost.id].status, rows[lost.id].sent_at) == (SENT, NOW)
    [back] = claim(database, "worker", retry_at, limit=1)
    with database.session() as session:
        done = [Outcome(back.id, "ts", status=SENT, now=retry_at)]
        assert record_outcomes(session=session, owner="worker", outcomes=done) == [True]


def test_a_read_of_columns_sees_what_the_session_holds_unflushed(database: Database) -> None:
    """`execute_core` flushes first, as the ORM's autoflush would for its own reads."""
    with database.session() as session:
        owe(session=session, owed=owed(1), now=NOW)
    later = NOW + timedelta(hours=2)
    with database.session() as session:
        assert next_due_after(session=session, after=NOW) is None
        session.add(
            Notification(
                kind="reminder",
                recipient=PersonRecipient(7).key,
                subject="session:2@x",
                due_at=later,
                created_at=NOW,
            )
        )
        assert next_due_after(session=session, after=NOW) == later
