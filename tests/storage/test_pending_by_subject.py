"""Dropping and forgetting pending notifications by subject, on SQLite and PostgreSQL: exactly the
pending rows whose subject is given or starts with a prefix, read from the index of pending rows
by subject (skipping, moving or ending must not walk every row owed to the programme)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from storage.db import make_engine, migrate
from storage.models import Notification
from storage.queries.notifications import (
    PENDING,
    SENT,
    Owed,
    _drop_pending_of,
    _pending_about,
    cancel_pending,
    drop_pending,
    drop_pending_of,
    forget_pending,
    owe,
)

NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
SUBJECTS = (
    "session:12@20261210T1700Z",
    "session:12@20261217T1700Z",
    "session:120@20261210T1700Z",  # another session whose id starts the same
    "session:12",  # the skip notice: not a reminder of session 12 as planned
    "session:13@20261210T1700Z",
    "pair:1:v1",
    "pair:1:start",
    "pair:10:v1",
    "review:1:q1",
    "review:10:q1",
    "action:5",
    "action:50",
)


@pytest.fixture
def engine(migrated_database_url: str) -> Iterator[Engine]:
    engine = make_engine(migrated_database_url)
    migrate(engine)
    yield engine
    engine.dispose()


def owe_all(session: Session, subjects: tuple[str, ...] | list[str]) -> None:
    owe(
        session=session,
        owed=[Owed("reminder", "person:1", s, NOW + timedelta(days=1)) for s in subjects],
        now=NOW,
    )


def pending(session: Session) -> set[str]:
    rows = session.exec(select(Notification.subject).where(Notification.status == PENDING))
    return set(rows)


def test_a_prefix_drops_exactly_the_pending_rows_it_starts(engine: Engine) -> None:
    with Session(engine) as session:
        owe_all(session, SUBJECTS)
        owe(session=session, owed=[Owed("nudge", "person:1", SUBJECTS[0], NOW)], now=NOW)
        session.exec(
            update(Notification).where(col(Notification.kind) == "nudge").values(status=SENT)
        )

        dropped = drop_pending(session=session, subject_prefix="session:12@", outcome="skipped")

        assert dropped == 2
        assert pending(session) == set(SUBJECTS) - set(SUBJECTS[:2])
        sent = session.exec(select(Notification.status).where(Notification.kind == "nudge"))
        assert list(sent) == [SENT]  # a row already sent keeps its outcome
        [reason] = set(
            session.exec(select(Notification.outcome).where(Notification.status == "dropped"))
        )
        assert reason == "skipped"


def test_subjects_and_prefixes_cancel_together(engine: Engine) -> None:
    with Session(engine) as session:
        owe_all(session, SUBJECTS)
        cancelled = cancel_pending(
            session=session,
            subjects=["action:5"],
            prefixes=["pair:1:", "review:1:q", "session:13@"],
            outcome="pair ended",
        )
        assert cancelled == 5
        assert pending(session) == set(SUBJECTS) - {
            "action:5",
            "pair:1:v1",
            "pair:1:start",
            "review:1:q1",
            "session:13@20261210T1700Z",
        }


def test_hundreds_of_prefixes_are_cancelled_a_hundred_at_a_time(engine: Engine) -> None:
    """A long pair's sessions: more prefixes than one compound statement may hold."""
    sessions = [f"session:{n}@20261210T1700Z" for n in range(1, 251)]
    with Session(engine) as session:
        owe_all(session, [*sessions, "session:999@20261210T1700Z"])
        prefixes = [f"session:{n}@" for n in range(1, 251)]
        assert len(list(_pending_about(session, [], prefixes))) == 3
        assert cancel_pending(session=session, subjects=[], prefixes=prefixes, outcome="x") == 250
        assert pending(session) == {"session:999@20261210T1700Z"}


def test_forgetting_deletes_the_pending_rows_of_a_prefix(engine: Engine) -> None:
    with Session(engine) as session:
        owe_all(session, SUBJECTS)
        assert forget_pending(session=session, subject_prefix="session:12@") == 2
        every = set(session.exec(select(Notification.subject)))
        assert every == set(SUBJECTS) - set(SUBJECTS[:2])


def test_on_sqlite_a_prefix_is_a_range_of_the_index_of_pending_rows(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    migrate(engine)
    with Session(engine) as session:
        [about] = _pending_about(session, [], ["session:12@"])
        statement = (
            update(Notification).where(col(Notification.id).in_(about)).values(status="dropped")
        )
        sql = str(statement.compile(engine, compile_kwargs={"literal_binds": True}))
        plan = " ".join(
            str(row[-1])
            for row in session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}")
        )
    assert "USING INDEX ix_notification_pending_subject (subject>? AND subject<?)" in plan


def test_a_subject_and_kinds_drop_exactly_their_pending_rows(engine: Engine) -> None:
    """Only pending rows, only of the kinds given, only of that very subject (not another
    session's whose key starts the same), whoever they are for."""
    subject = SUBJECTS[0]
    with Session(engine) as session:
        owe_all(session, SUBJECTS)  # reminders
        asks = [Owed(kind, f"person:{n}", s, NOW) for kind in ("ask", "nudge") for n in (1, 2)
                for s in (subject, SUBJECTS[2])]  # fmt: skip
        owe(session=session, owed=[*asks, Owed("other", "person:1", subject, NOW)], now=NOW)
        session.exec(
            update(Notification)
            .where(col(Notification.kind) == "ask", col(Notification.recipient) == "person:2")
            .values(status=SENT)
        )

        kinds = ("ask", "nudge")
        assert drop_pending_of(session=session, subject=subject, kinds=kinds, reason="done") == 3
        assert drop_pending_of(session=session, subject=subject, kinds=kinds, reason="done") == 0

        dropped = session.exec(
            select(Notification.kind, Notification.recipient, Notification.subject).where(
                Notification.status == "dropped", Notification.outcome == "done"
            )
        )
        assert sorted(dropped) == [
            ("ask", "person:1", subject),
            ("nudge", "person:1", subject),
            ("nudge", "person:2", subject),
        ]
        assert session.exec(select(func.count()).where(Notification.status == SENT)).one() == 2


def test_on_sqlite_a_subject_is_read_from_the_index_of_pending_rows(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    migrate(engine)
    with Session(engine) as session:
        compiled = _drop_pending_of("sqlite", ("ask", "nudge")).compile(engine)
        params = compiled.construct_params({"about": SUBJECTS[0], "reason": "done"})
        values = tuple(params[name] for name in compiled.positiontup or ())
        explained = session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}", values)
        plan = " ".join(str(row[-1]) for row in explained)
    assert "USING INDEX ix_notification_pending_subject (subject=?)" in plan


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('prefix') / 'mentorbot.db'}")
    migrate(engine)
    yield engine
    engine.dispose()


TEXT = st.text(alphabet=":@;AZaz09~\x7f\u00e9\u20ac", max_size=6)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(subjects=st.lists(TEXT, unique=True, max_size=12), prefix=TEXT.filter(bool))
def test_a_prefix_matches_what_startswith_matches(
    scratch: Engine, subjects: list[str], prefix: str
) -> None:
    with Session(scratch) as session:
        owe_all(session, subjects)
        drop_pending(session=session, subject_prefix=prefix, outcome="x")
        assert pending(session) == {s for s in subjects if not s.startswith(prefix)}
        session.rollback()
