"""Alembic migrations build exactly the schema the models describe, and can be undone."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel, select

from storage.db import MIGRATIONS, make_engine, migrate
from storage.models import AgendaItem, MeetingSession, Notification, Pair, Person


def downgrade(engine: Engine, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def test_migrations_match_the_models_and_go_down_and_up(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    migrate(engine)
    with engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), SQLModel.metadata) == []
    downgrade(engine, "base")
    migrate(engine)
    with engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), SQLModel.metadata) == []


def test_0007_removes_the_sessions_left_after_the_end_of_pairs_ended_before_it(
    sqlite_url: str,
) -> None:
    engine = make_engine(sqlite_url)
    migrate(engine)
    start = datetime(2026, 12, 3, 17, 0, tzinfo=UTC)
    with Session(engine) as session:
        for name in ("claire", "thomas"):
            session.add(Person(platform="slack", external_id=name.upper(), name=name))
        session.flush()
        pair = Pair(
            platform="slack",
            mentor_id=1,
            mentee_id=2,
            created_by_id=1,
            status="ended",
            created_at=start,
            ended_at=start + timedelta(days=6),  # after the first session, before the second
            frequency="weekly",
            weekday=3,
            local_time=time(18, 0),
            duration_minutes=60,
            timezone="Europe/Paris",
            start=start.date(),
            format="video",
        )
        session.add(pair)
        session.flush()
        meetings = [
            MeetingSession(
                pair_id=pair.id, occurrence=at, starts_at=at, duration_minutes=60, status=status
            )
            for at, status in ((start, "planned"), (start + timedelta(days=7), "planned"))
        ]
        meetings.append(
            MeetingSession(
                pair_id=pair.id,
                occurrence=start + timedelta(days=14),
                starts_at=start + timedelta(days=14),
                duration_minutes=60,
                status="skipped",
            )
        )
        session.add_all(meetings)
        session.flush()
        later = meetings[1]
        session.add(
            AgendaItem(
                pair_id=pair.id, session_id=later.id, author_id=1, text="t", created_at=start
            )
        )
        session.add(
            Notification(
                kind="reminder",
                recipient="p:1",
                subject=f"session:{later.id}@20261210T1700Z",
                due_at=start,
                created_at=start,
            )
        )
        session.commit()
    downgrade(engine, "0006")
    migrate(engine)
    with Session(engine) as session:
        assert [m.starts_at for m in session.exec(select(MeetingSession))] == [start]
        assert [a.session_id for a in session.exec(select(AgendaItem))] == [None]
        assert session.exec(select(Notification)).all() == []
