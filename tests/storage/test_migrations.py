"""Alembic migrations build exactly the schema the models describe, and can be undone."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel, select

from bot.kernel.notice_keys import SessionAt
from storage.db import MIGRATIONS, make_engine, migrate
from storage.models import AgendaItem, MeetingSession, Notification, Pair, Person


def alembic(engine: Engine, step: Callable[[Config, str], None], revision: str) -> None:
    """Run an Alembic command (upgrade or downgrade) to `revision` on `engine`."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        step(config, revision)


def test_migrations_match_the_models_and_go_down_and_up(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    migrate(engine)
    with engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), SQLModel.metadata) == []
    alembic(engine, command.downgrade, "base")
    migrate(engine)
    with engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), SQLModel.metadata) == []


def test_0009_removes_the_sessions_left_after_the_end_of_pairs_ended_before_it(
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
                subject=SessionAt(later.id, datetime(2026, 12, 10, 17, 0, tzinfo=UTC)).key,
                due_at=start,
                created_at=start,
            )
        )
        session.commit()
    alembic(engine, command.downgrade, "0008")
    migrate(engine)
    with Session(engine) as session:
        assert [m.starts_at for m in session.exec(select(MeetingSession))] == [start]
        assert [a.session_id for a in session.exec(select(AgendaItem))] == [None]
        assert session.exec(select(Notification)).all() == []


ROWS_AT_0006 = """
INSERT INTO person (id, platform, external_id, name)
    VALUES (1, 'slack', 'UC', 'c'), (2, 'slack', 'UT', 't');
INSERT INTO pair (id, platform, mentor_id, mentee_id, created_by_id, status, created_at, frequency,
    interval, weekday, local_time, duration_minutes, timezone, start, format, reverse,
    terms_version, trial_sessions)
    VALUES (1, 'slack', 1, 2, 1, 'active', '2026-11-30 08:00:00', 'weekly', 1, 3, '18:00:00', 60,
    'Europe/Paris', '2026-12-03', 'video', FALSE, 1, 3);
INSERT INTO meeting_session (id, pair_id, occurrence, starts_at, duration_minutes, status,
    summary, summary_author_id, summary_revision)
    VALUES (1, 1, '2026-12-03 17:00:00', '2026-12-03 17:00:00', 60, 'planned', 's', 2, 1);
INSERT INTO action_item (id, pair_id, session_id, owner_id, text, created_at)
    VALUES (1, 1, 1, 1, 'for Claire, from the summary form of Thomas', '2026-12-03 18:00:00'),
           (2, 1, NULL, 1, 'no session: its owner', '2026-12-03 18:00:00');
INSERT INTO goal (id, pair_id, author_id, text, created_at)
    VALUES (1, 1, 1, 'a goal of Claire', '2026-12-03 18:00:00');
INSERT INTO goal_milestone (id, goal_id, text, created_at)
    VALUES (1, 1, 'a step', '2026-12-03 18:00:00');
"""


def test_the_authors_of_existing_actions_and_milestones_are_recorded(database_url: str) -> None:
    engine = make_engine(database_url)
    alembic(engine, command.upgrade, "0006")
    with engine.begin() as connection:
        for statement in ROWS_AT_0006.split(";")[:-1]:
            connection.exec_driver_sql(statement)
    migrate(engine)
    with engine.connect() as connection:
        actions = connection.exec_driver_sql("SELECT id, author_id FROM action_item ORDER BY id")
        milestones = connection.exec_driver_sql("SELECT author_id FROM goal_milestone")
        assert (list(actions), list(milestones)) == ([(1, 2), (2, 1)], [(1,)])
    engine.dispose()


def test_settled_trials_keep_their_outcome_and_leaking_notices_are_never_sent(
    sqlite_url: str,
) -> None:
    """0011: a trial both members answered gets its outcome (stop > adjust > continue); pending
    notices that told one member the other's trial answer or a change made alone are dropped."""
    engine = make_engine(sqlite_url)
    migrate(engine)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0010")
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
    engine.dispose()


SUMMARIES_AT_0014 = """
INSERT INTO meeting_session (id, pair_id, occurrence, starts_at, duration_minutes, status,
    summary, summary_author_id, summary_revision)
    VALUES (2, 1, '2026-12-10 17:00:00', '2026-12-10 17:00:00', 60, 'planned', :fr, 1, 1),
           (3, 1, '2026-12-17 17:00:00', '2026-12-17 17:00:00', 60, 'planned', :plain, 2, 1);
"""
FORM_EN = (
    "*Decisions*\nThomas leads the Q1 review.\n- Monthly sessions\n\n"
    "*Actions*\n1. for Claire — <@UC>, by Tuesday 15 December\n\n*Notes*\nGood energy."
)
FORM_FR = "*Décisions*\nOn publie.\n\n*Actions*\n1. Appeler Ana — <@UT>, pour le mardi 15 décembre"


def test_0015_turns_free_text_summaries_into_decisions_and_notes(database_url: str) -> None:
    """A form's text keeps its decisions and notes, its action lines only when the session has
    no action rows; any other text becomes notes; each item is its writer's."""
    engine = make_engine(database_url)
    alembic(engine, command.upgrade, "0006")
    with engine.begin() as connection:
        for statement in ROWS_AT_0006.split(";")[:-1]:
            connection.exec_driver_sql(statement)
    alembic(engine, command.upgrade, "0014")
    with engine.begin() as connection:
        connection.execute(text("UPDATE meeting_session SET summary = :s"), {"s": FORM_EN})
        connection.execute(
            text(SUMMARIES_AT_0014), {"fr": FORM_FR, "plain": "We met.\n\nThomas drafts."}
        )
    migrate(engine)

    def stored() -> list[object]:
        with engine.connect() as connection:
            rows = connection.exec_driver_sql("SELECT summary FROM meeting_session ORDER BY id")
            return [json.loads(summary) for (summary,) in rows]

    def of(by: int, *texts: str) -> list[dict[str, object]]:
        return [{"text": t, "by": by} for t in texts]

    assert stored() == [
        {
            "decisions": of(2, "Thomas leads the Q1 review.", "Monthly sessions"),
            "notes": of(2, "Good energy."),
        },
        {
            "decisions": of(1, "On publie."),
            "notes": of(1, "1. Appeler Ana — <@UT>, pour le mardi 15 décembre"),
        },
        {"decisions": [], "notes": of(2, "We met.", "Thomas drafts.")},
    ]
    alembic(engine, command.downgrade, "0014")
    with engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT summary FROM meeting_session ORDER BY id")
        assert [summary for (summary,) in rows][2] == "*Notes*\n• We met.\n• Thomas drafts."
    engine.dispose()


def test_0018_makes_the_later_pending_summary_request_of_a_session_the_next_days(
    sqlite_url: str,
) -> None:
    """Of a session's two summary requests, the later (the mentor's) becomes the kind that waits
    for the morning, while pending; a lone request, a sent one and other kinds stay as they
    were."""
    engine = make_engine(sqlite_url)
    migrate(engine)
    rows = [
        ("summary_request", "p:2", "s:1", "2026-12-03 18:00:00", "sent"),
        ("summary_request", "p:1", "s:1", "2026-12-04 18:00:00", "pending"),
        ("summary_request", "p:2", "s:2", "2026-12-10 18:00:00", "pending"),
        ("summary_request", "p:1", "s:2", "2026-12-11 18:00:00", "pending"),
        ("summary_request", "p:1", "s:3", "2026-12-17 18:00:00", "sent"),
        ("summary_request", "p:2", "s:3", "2026-12-16 18:00:00", "sent"),
        ("summary_request", "p:1", "s:4", "2026-12-24 18:00:00", "pending"),
        ("summary_nudge", "p:1", "s:1", "2026-12-05 18:00:00", "pending"),
    ]
    with engine.begin() as connection:
        alembic_config = Config()
        alembic_config.set_main_option("script_location", str(MIGRATIONS))
        alembic_config.attributes["connection"] = connection
        command.downgrade(alembic_config, "0017")
        for kind, recipient, subject, due, status in rows:
            connection.execute(
                text(
                    "INSERT INTO notification (kind, recipient, subject, due_at, status, "
                    "attempts, failures, created_at) VALUES (:kind, :recipient, :subject, :due, "
                    ":status, 0, 0, '2026-11-30 08:00:00')"
                ),
                {
                    "kind": kind,
                    "recipient": recipient,
                    "subject": subject,
                    "due": due,
                    "status": status,
                },
            )
    migrate(engine)
    with engine.connect() as connection:
        kinds = [
            row[0] for row in connection.execute(text("SELECT kind FROM notification ORDER BY id"))
        ]
    assert kinds == [
        "summary_request",
        "summary_request_next_day",
        "summary_request",
        "summary_request_next_day",
        "summary_request",  # sent already
        "summary_request",
        "summary_request",  # alone
        "summary_nudge",
    ]
    engine.dispose()


def test_0022_forgets_the_api_scopes_an_older_version_kept_by_name(sqlite_url: str) -> None:
    """A scope may name a person (their DM): rows written with the scope itself go."""
    engine = make_engine(sqlite_url)
    migrate(engine)
    alembic(engine, command.downgrade, "0021")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO api_pause (scope, until, busy_until) VALUES "
                "('teams:dm:29:1thomas-Pq7', '2026-12-03 18:05:00', '2026-12-03 18:05:10')"
            )
        )
    migrate(engine)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM api_pause")).scalar() == 0
