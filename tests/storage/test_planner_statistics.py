"""The planner's statistics on SQLite: nothing else runs ANALYZE on a deployment's file, so the
dispatcher refreshes them; with them, the hourly search for unanswered requests reads one
person's requests by the unique index instead of every request sent in the window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import text
from sqlalchemy.engine import Engine

from storage.db import Database, make_engine, migrate, refresh_statistics
from storage.queries.health import _SENT_REQUESTS
from storage.queries.notifications import SENT, Owed, owe

NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


def plan_of_sent_requests(engine: Engine) -> str:
    statement = _SENT_REQUESTS.params(
        kinds=["summary_request"], recipients=["p:1"], since=NOW - timedelta(days=21)
    ).compile(engine, compile_kwargs={"literal_binds": True})
    with engine.connect() as connection:
        rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}")
        return " ".join(str(row[-1]) for row in rows)


def test_refreshed_statistics_lead_the_planner_to_a_persons_requests(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    migrate(engine)
    with Database(engine).session() as session:
        owe(
            session=session,
            owed=[
                Owed(kind, f"p:{person}", f"session:{n}@x", NOW - timedelta(days=n % 20))
                for person in range(40)
                for n in range(10)
                for kind in ("summary_request", "session_reminder")
            ],
            now=NOW,
        )
        session.execute(text(f"UPDATE notification SET status = '{SENT}'"))
    assert "ix_notification_status_due_at" in plan_of_sent_requests(engine)  # a guess

    refresh_statistics(engine)

    with engine.connect() as connection:
        analysed = {t for (t,) in connection.exec_driver_sql("SELECT tbl FROM sqlite_stat1")}
    assert "notification" in analysed
    plan = plan_of_sent_requests(engine)
    assert "ix_notification_status_due_at" not in plan
    assert "(kind=? AND recipient=?)" in plan
    engine.dispose()
