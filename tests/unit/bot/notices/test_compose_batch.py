"""A claimed batch is composed in one session: the people, pairs and sessions its rows name are
loaded together, so no composer looks one of them up by id, whatever the batch's size."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time

from sqlalchemy import event
from sqlmodel import select

from bot.kernel.clock import ManualClock
from bot.kernel.core import Core
from bot.notices import compose_all
from bot.rhythm.model import Frequency, Rhythm
from storage.models import Notification
from storage.queries.people import upsert_person
from tests.unit.bot.planning.test_planner import agreed_pair

RHYTHM = Rhythm(
    frequency=Frequency.WEEKLY,
    interval=1,
    weekday=3,
    local_time=time(18, 0),
    duration_minutes=60,
    timezone="Europe/Paris",
    start=date(2026, 12, 3),
)
BY_ID = re.compile(r"FROM (person|pair|meeting_session)\s+WHERE \1\.id = \?", re.IGNORECASE)


def test_reminders_of_many_pairs_are_composed_without_lookups_by_id(
    core: Core, clock: ManualClock
) -> None:
    now = clock.now()
    with core.db.session() as session:
        for n in range(6):
            mentor, mentee = (
                upsert_person(
                    session=session,
                    platform="slack",
                    external_id=f"U{role}{n}",
                    name=f"{role}{n}",
                    timezone="Europe/Paris",
                    locale="fr-FR" if n % 2 else "en-GB",
                    now=now,
                )
                for role in ("R", "E")
            )
            agreed_pair(session, mentor, mentee, now, rhythm=RHYTHM)
    due = datetime(2026, 12, 2, 17, 0, tzinfo=UTC)  # the day before the first session
    statements: list[str] = []
    event.listen(
        core.db.engine,
        "before_cursor_execute",
        lambda _c, _cur, statement, *_: statements.append(statement),
    )
    with core.db.session() as session:
        rows = list(
            session.exec(
                select(Notification)
                .where(Notification.kind == "reminder")
                .where(Notification.due_at == due)
            )
        )
        statements.clear()
        composed = compose_all(session, rows, due)
    assert len(rows) == 12
    targets = sorted(target.address for target, _ in composed)  # type: ignore[misc]
    assert targets == sorted(f"U{role}{n}" for n in range(6) for role in ("R", "E"))
    assert [s for s in statements if BY_ID.search(s)] == []
