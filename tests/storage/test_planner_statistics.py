"""The planner's statistics on SQLite: nothing else runs ANALYZE on a deployment's file, so the
dispatcher refreshes them; the hourly search for unanswered requests reads the requests of the
people it asks about by the index of sent requests, with them or without, not every request
sent in the window. A sampling ANALYZE (`analysis_limit`) is not enough: it counts the rows it
read as the rows per status, and the planner goes back to the index on status. A whole pass
reads every row, so it is made at start-up, then only once a table has doubled."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import insert
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

from storage.db import STATISTICS_GROWTH_FLOOR, make_engine, migrate, refresh_statistics
from storage.models import Notification
from storage.queries.health import _UNANSWERED, NEVER_ACTIVE
from storage.queries.notifications import DROPPED, PENDING, SENT
from tests.storage.test_planning_checks import plan_as_run

NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
KINDS = (
    "summary_request", "reminder", "summary_nudge", "summary_shared", "summary_recorded",
    "calendar_update",
)  # fmt: skip


def plan_of_sent_requests(engine: Engine) -> tuple[str, str]:
    """The plan of the hourly search: how it reads the requests of the people sent one lately,
    and how it finds those people (first, each with their person, before their requests)."""
    people, requests = (step for step in plan(engine) if "SEARCH notification" in step)
    return requests, people


def plan(engine: Engine) -> list[str]:
    """The steps of the hourly search's plan as it runs, in order."""
    return plan_as_run(
        engine,
        _UNANSWERED,
        sent_since=NOW - timedelta(hours=1),
        due_since=NOW - timedelta(days=1, hours=1),
        since=NOW - timedelta(days=100),
        subjects=3,
        never=NEVER_ACTIVE,
    )


def test_a_recipients_person_is_read_once_not_once_a_request(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    migrate(engine)
    steps = plan(engine)
    people, requests = (n for n, step in enumerate(steps) if "SEARCH notification" in step)
    [person] = (n for n, step in enumerate(steps) if step.startswith("SEARCH person"))
    assert people < person < requests
    engine.dispose()


def test_a_persons_requests_are_read_from_the_index_of_sent_requests(sqlite_url: str) -> None:
    """Before the statistics and after them: the query names that index's condition as it is
    written, so no guess leads the planner elsewhere (through the unique index on (kind,
    recipient, subject) it read every request ever sent to the person from the table)."""
    engine = make_engine(sqlite_url)
    migrate(engine)
    rows = [
        {
            "kind": kind,
            "recipient": f"p:{person}",
            "subject": f"session:{person}-{n}",
            "due_at": NOW - timedelta(days=7 * n),
            "created_at": NOW - timedelta(days=7 * n + 1),
            "status": PENDING if n == 0 else SENT if (person + n) % 4 else DROPPED,
        }
        for person in range(1500)  # 72,000 rows: many more than a sample reads
        for n in range(8)
        for kind in KINDS
    ]
    with engine.begin() as connection:
        connection.execute(insert(Notification.__table__), rows)  # type: ignore[attr-defined]
    assert (
        "ix_notification_sent_requests (recipient=? AND sent_at>?)"
        in plan_of_sent_requests(engine)[0]
    )

    refresh_statistics(engine)

    with engine.connect() as connection:
        analysed = {t for (t,) in connection.exec_driver_sql("SELECT tbl FROM sqlite_stat1")}
    assert "notification" in analysed
    requests, people = plan_of_sent_requests(engine)
    assert "SEARCH notification USING INDEX ix_notification_sent_requests" in requests
    assert "(recipient=? AND sent_at>?)" in requests
    assert "ix_notification_status_due_at (status=? AND due_at>?)" in people
    engine.dispose()


def test_statistics_are_refreshed_at_start_up_then_once_a_table_doubled(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    migrate(engine)
    added = {"notification": 0, "person": 0}

    def add(table: str, count: int) -> None:
        first, added[table] = added[table], added[table] + count
        rows = [
            {"kind": "reminder", "recipient": f"p:{n}", "subject": f"s:{n}", "due_at": NOW,
             "created_at": NOW, "status": SENT}
            if table == "notification"
            else {"platform": "slack", "external_id": f"U{n}", "name": f"P{n}"}
            for n in range(first, first + count)
        ]  # fmt: skip
        with engine.begin() as connection:
            connection.execute(insert(SQLModel.metadata.tables[table]), rows)

    def rows_analysed(table: str) -> int:
        with engine.connect() as connection:
            stat = connection.exec_driver_sql(
                "SELECT stat FROM sqlite_stat1 WHERE tbl = ?", (table,)
            ).scalar()
        return int(stat.split()[0]) if stat else 0

    floor = STATISTICS_GROWTH_FLOOR
    add("notification", 2 * floor)
    assert refresh_statistics(engine)  # at start-up, whatever the tables
    assert not refresh_statistics(engine)
    add("person", floor - 1)  # from none, but too few rows to matter
    add("notification", 2 * floor - 1)  # not yet doubled
    assert not refresh_statistics(engine)
    assert rows_analysed("notification") == 2 * floor and rows_analysed("person") == 0
    add("notification", 1)
    assert refresh_statistics(engine)
    assert rows_analysed("notification") == 4 * floor
    add("person", floor)  # doubled since the last pass, by enough rows
    assert refresh_statistics(engine)
    assert rows_analysed("person") == 2 * floor - 1
    engine.dispose()
    restarted = make_engine(sqlite_url)
    assert refresh_statistics(restarted)  # another process's start-up
    restarted.dispose()
