"""Alembic migrations build exactly the schema the models describe, and can be undone."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlmodel import SQLModel

from storage.db import MIGRATIONS, make_engine, migrate


def test_migrations_match_the_models_and_go_down_and_up(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    migrate(engine)
    with engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), SQLModel.metadata) == []
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    migrate(engine)
    with engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), SQLModel.metadata) == []


def test_settled_trials_keep_their_outcome_and_leaking_notices_are_never_sent(
    sqlite_url: str,
) -> None:
    """0007: a trial both members answered gets its outcome (stop > adjust > continue); pending
    notices that told one member the other's trial answer or a change made alone are dropped."""
    engine = make_engine(sqlite_url)
    migrate(engine)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0006")
        for name in ("claire", "thomas"):
            connection.execute(
                text(
                    "INSERT INTO person (platform, external_id, name) "
                    "VALUES ('slack', :name, :name)"
                ),
                {"name": name},
            )
        answers = [("continue", "adjust"), ("stop", "continue"), ("continue", None)]
        for mentor, mentee in answers:
            connection.execute(
                text(
                    "INSERT INTO pair (platform, mentor_id, mentee_id, created_by_id, status, "
                    "created_at, frequency, interval, weekday, local_time, duration_minutes, "
                    "timezone, start, format, reverse, terms_version, trial_sessions, "
                    "mentor_trial, mentee_trial) VALUES ('slack', 1, 2, 1, 'active', "
                    "'2026-11-30 08:00:00', 'weekly', 1, 3, '18:00:00', 60, 'Europe/Paris', "
                    "'2026-12-03', 'video', 0, 1, 3, :mentor, :mentee)"
                ),
                {"mentor": mentor, "mentee": mentee},
            )
        for kind in ("trial_adjust", "terms_changed", "reminder"):
            connection.execute(
                text(
                    "INSERT INTO notification (kind, recipient, subject, due_at, status, "
                    "attempts, created_at) VALUES (:kind, 'p:2', 'pair:1:x', "
                    "'2026-12-18 18:00:00', 'pending', 0, '2026-12-18 18:00:00')"
                ),
                {"kind": kind},
            )
    migrate(engine)
    with engine.connect() as connection:
        outcomes = connection.execute(text("SELECT trial_outcome FROM pair ORDER BY id"))
        assert [row[0] for row in outcomes] == ["adjust", "stop", None]
        statuses = connection.execute(text("SELECT kind, status FROM notification ORDER BY id"))
        assert list(statuses) == [
            ("trial_adjust", "dropped"),
            ("terms_changed", "dropped"),
            ("reminder", "pending"),
        ]
