"""A claimed batch is composed in one session: the people, pairs and sessions its rows name are
loaded together, so no composer looks one of them up by id, and what reminders read besides
(agendas, actions, goals, journals, the previous session) is read for the batch at once: the
number of queries does not grow with the batch."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time

from sqlalchemy import event
from sqlmodel import select

from bot.kernel.clock import ManualClock
from bot.kernel.core import Core
from bot.notices import compose_all
from bot.rhythm.model import Frequency, Rhythm
from bot.sessions.action_items import NewAction
from bot.sessions.summaries import Draft, write_summary
from bot.sessions.summary_parts import form_doc
from storage.models import MeetingSession, Notification, Person
from tests.unit.bot.planning.test_planner import numbered_pair

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
    rows, statements = compose_counting(core, clock, pairs=6)
    assert len(rows) == 12
    assert [s for s in statements if BY_ID.search(s)] == []
    _, few = compose_counting(core, clock, pairs=1, first=6)
    assert len(statements) == len(few) > 0


def compose_counting(
    core: Core, clock: ManualClock, *, pairs: int, first: int = 0
) -> tuple[list[Notification], list[str]]:
    """Create `pairs` pairs (numbered from `first`), compose the reminders due the day before
    their first session; the rows and the statements composing them ran."""
    now = clock.now()
    with core.db.session() as session:
        for n in range(first, first + pairs):
            numbered_pair(session, n, now, locale="fr-FR" if n % 2 else "en-GB", rhythm=RHYTHM)
    due = datetime(2026, 12, 2, 17, 0, tzinfo=UTC)  # the day before the first session
    statements: list[str] = []

    def record(_c: object, _cur: object, statement: str, *_: object) -> None:
        statements.append(statement)

    with core.db.session() as session:
        rows = list(
            session.exec(
                select(Notification)
                .where(Notification.kind == "reminder")
                .where(Notification.due_at == due)
                .where(Notification.status == "pending")
            )
        )
        event.listen(core.db.engine, "before_cursor_execute", record)
        composed = compose_all(session, rows, due)
        event.remove(core.db.engine, "before_cursor_execute", record)
        for row in rows:
            row.status = "sent"
    targets = sorted(target.address for target, _ in composed)  # type: ignore[misc]
    names = range(first, first + pairs)
    assert targets == sorted(f"U{role}{n}" for n in names for role in ("R", "E"))
    return rows, statements


def test_summaries_shared_in_one_batch_each_list_their_own_actions(
    core: Core, clock: ManualClock
) -> None:
    """The actions of every summary of the batch are read at once, each message keeping its own."""
    now = clock.now()
    with core.db.session() as session:
        for n in range(4):
            pair = numbered_pair(session, n, now, rhythm=RHYTHM)
            meeting = session.exec(
                select(MeetingSession).where(MeetingSession.pair_id == pair.id)
            ).first()
            author = session.get(Person, pair.mentee_id)
            assert meeting is not None and meeting.id is not None and author is not None
            draft = Draft(
                meeting.id,
                form_doc(f"Decision {n}", None, pair.mentee_id),
                (NewAction(f"Action of pair {n}", "mentee", None),),
            )
            write_summary(
                session=session, pair=pair, meeting=meeting, now=now, author=author,
                draft=draft, confirm_by_dm=False,
            )  # fmt: skip
    statements: list[str] = []

    def record(_c: object, _cur: object, statement: str, *_: object) -> None:
        statements.append(statement)

    with core.db.session() as session:
        rows = list(session.exec(select(Notification).where(Notification.kind == "summary_shared")))
        event.listen(core.db.engine, "before_cursor_execute", record)
        composed = compose_all(session, rows, now)
        event.remove(core.db.engine, "before_cursor_execute", record)
    assert len(rows) == 4
    for (target, reply), n in zip(composed, range(4), strict=True):  # type: ignore[misc]
        assert target.address == f"UR{n}"
        assert f"Action of pair {n}" in reply.fallback_text
        assert sum(f"Action of pair {k}" in reply.fallback_text for k in range(4)) == 1
    assert sum("action_item" in s for s in statements) == 1
