"""A large programme written straight into the database, for the benchmarks.

Creating 100,000 pairs through the core takes many minutes; the benchmarks measure what the bot
does with such a database, not how it got there. So the rows are what the core would have stored
for pairs created three weeks ago and accepted at once: two members each (Slack users with fresh
profiles), a weekly rhythm, two sessions held and summed up (so no pair is stalled), the next ones
planned up to the horizon with their reminders owed, and the reminders of the held sessions sent.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta

from sqlalchemy import insert, text
from sqlalchemy.engine import Engine

from bot.kernel.notice_keys import PersonRecipient
from bot.planning.planner import HORIZON, REMINDER_LEAD, session_subject
from storage.models import MeetingSession, Notification, Pair, Person
from storage.summaries import Item, SummaryDoc

NOW = datetime(2026, 12, 2, 8, 0, 30, tzinfo=UTC)
"""The benchmarks' clock: a Wednesday morning, in a minute when nothing is due."""
CHUNK = 2000
FUTURE_SESSIONS = 5


def user_id(n: int, role: str) -> str:
    """The Slack id of pair n's mentor (role "R") or mentee (role "E")."""
    return f"U{role}{n:06d}"


def summary_by(author: int) -> str:
    """A held session's summary, as the core stores it."""
    return SummaryDoc(notes=(Item("Talked through the next steps.", author),)).dump()


def _chunks(rows: Iterator[dict], size: int = CHUNK) -> Iterator[list[dict]]:
    batch: list[dict] = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _bulk(engine: Engine, table, rows: Iterator[dict]) -> None:
    with engine.begin() as connection:
        for batch in _chunks(rows):
            connection.execute(insert(table), batch)


def populate(
    engine: Engine,
    *,
    pairs: int,
    now: datetime = NOW,
    due_now: int = 0,
    to_extend: int = 0,
) -> None:
    """Store `pairs` pairs as of `now`. The first `due_now` pairs meet in 24 h, so their two
    reminders are due at `now`; the next `to_extend` pairs are planned only 34 days ahead, so
    the planner extends them (a cohort created the same day)."""
    created = now - timedelta(days=21)

    def people() -> Iterator[dict]:
        for n in range(pairs):
            for role in ("R", "E"):
                yield {
                    "platform": "slack",
                    "external_id": user_id(n, role),
                    "name": f"{role}{n}",
                    "timezone": "Europe/Paris",
                    "locale": "en-GB",
                    "profile_at": now,
                }

    _bulk(engine, Person.__table__, people())

    def first_start(n: int) -> datetime:
        """The next session: 24 h ahead for the pairs due now, 2 to 6 days ahead otherwise."""
        if n < due_now:
            return now.replace(second=0) + REMINDER_LEAD
        return (now + timedelta(days=2 + n % 5)).replace(hour=17, minute=0, second=0)

    def pair_rows() -> Iterator[dict]:
        for n in range(pairs):
            start = first_start(n)
            planned = now + HORIZON - timedelta(days=8 if due_now <= n < due_now + to_extend else 0)
            yield {
                "id": n + 1,
                "platform": "slack",
                "mentor_id": 2 * n + 1,
                "mentee_id": 2 * n + 2,
                "created_by_id": 2 * n + 1,
                "status": "active",
                "created_at": created,
                "frequency": "weekly",
                "interval": 1,
                "weekday": start.weekday(),
                "local_time": time(start.hour + 1, start.minute),
                "duration_minutes": 60,
                "timezone": "Europe/Paris",
                "start": created.date(),
                "format": "video",
                "planned_until": planned,
                "reverse": False,
                "mentor_accepted_at": created,
                "mentee_accepted_at": created,
                "terms_version": 1,
                "trial_sessions": 3,
                "planned_end": (created + timedelta(days=365)).date(),
            }

    _bulk(engine, Pair.__table__, pair_rows())

    def sessions() -> Iterator[dict]:
        for n in range(pairs):
            start = first_start(n)
            for k in range(-2, FUTURE_SESSIONS):
                at = start + timedelta(weeks=k)
                held = k < 0  # with the mentee's summary: the pair is not stalled
                yield {
                    "pair_id": n + 1,
                    "occurrence": at,
                    "starts_at": at,
                    "duration_minutes": 60,
                    "status": "planned",
                    "summary": summary_by(2 * n + 2) if held else None,
                    "summary_author_id": 2 * n + 2 if held else None,
                    "summary_at": at + timedelta(hours=2) if held else None,
                    "summary_revision": 1 if held else 0,
                }

    _bulk(engine, MeetingSession.__table__, sessions())

    def notifications() -> Iterator[dict]:
        per_pair = FUTURE_SESSIONS + 2
        for n in range(pairs):
            for k, at in enumerate(first_start(n) + timedelta(weeks=w) for w in range(-2, 2)):
                held = k < 2
                meeting = MeetingSession(id=n * per_pair + k + 1, starts_at=at)
                for member in (2 * n + 1, 2 * n + 2):
                    yield {
                        "kind": "reminder",
                        "recipient": PersonRecipient(member).key,
                        "subject": session_subject(meeting).key,
                        "due_at": at - REMINDER_LEAD,
                        "expires_at": at,
                        "status": "sent" if held else "pending",
                        "attempts": 1 if held else 0,
                        "sent_at": at - REMINDER_LEAD if held else None,
                        "outcome": "D/1" if held else None,
                        "created_at": created,
                    }

    _bulk(engine, Notification.__table__, notifications())
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            for table in ("person", "pair", "meeting_session", "notification"):
                connection.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"(SELECT max(id) FROM {table}))"
                    )
                )
            connection.execute(text("ANALYZE"))  # as its autovacuum would have
    # SQLite is left without statistics, as a deployment is: nothing runs ANALYZE there.
